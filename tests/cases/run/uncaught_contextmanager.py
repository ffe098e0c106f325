from contextlib import contextmanager

@contextmanager
def opened(name):
    print("open", name)
    try:
        yield name.upper()
    finally:
        print("close", name)

with opened("log") as handle:
    print("using", handle)

with opened("data") as handle:
    parts = handle.split(",")
    print(parts[3])
