def fetch(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError:
        raise LookupError(f"cannot fetch {key}")
def process():
    try:
        fetch("z")
    except LookupError as exc:
        raise RuntimeError("processing failed") from exc
print(fetch("a"))
process()
