class Broken:
    def __enter__(self):
        return self
    def __exit__(self, typ, value, tb):
        raise RuntimeError("exit failed") from value

def work():
    with Broken():
        raise KeyError("original")

work()
