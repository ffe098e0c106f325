def load():
    return [{"id": 1, "tags": ["a"]}, {"id": 2, "tags": []}]
rows = load()
for row in rows:
    print(row["id"], row["tags"][0].upper())
