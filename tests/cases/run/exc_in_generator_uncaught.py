def records(lines):
    for n, line in enumerate(lines, 1):
        key, value = line.split("=")
        yield n, key.strip(), value.strip()

def load(lines):
    return {k: v for n, k, v in records(lines)}

print(load(["a = 1", "b = 2"]))
load(["a = 1", "broken line"])
