pairs = ["a=1", "b=2", "c"]
parsed = {}
for item in pairs:
    key, value = item.split("=")
    parsed[key] = int(value)
print(parsed)
