records = [{"name": "a", "score": 3}, {"name": "b"}]

def score(record):
    return record["score"]

print(sorted(records[:1], key=score))
ranked = sorted(records, key=score)
