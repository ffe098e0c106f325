class Obj:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = [2]

o = Obj()
print(vars(o), hasattr(o, "a"), getattr(o, "zz", None), callable(o), callable(print))
setattr(o, "c", 3)
delattr(o, "a")
print(sorted(vars(o)), isinstance(o, (int, Obj)), issubclass(bool, int), type(o) is Obj)
print(type(3), type("s"), type(None).__name__, type(print).__name__, type(Obj).__name__)
print(len({}), len(range(10)), abs(-2), min(4, 2, 8), max("abc"), divmod(9, 4))
print(all([1, 1]), any([0, 0]), list(reversed([1, 2])), sorted({3, 1, 2}), round(7.25, 1))
print(chr(65), ord("A"), bin(5), format(5, "03d"), int(True), bool(""), str(None))
print(repr([1, "a", None]), ascii("é"), hash("x") == hash("x"), id(o) == id(o))
print(list(zip(range(3), "abc")), dict(a=1, b=2), tuple("ab"), set([1, 1]), frozenset([2]))
print(isinstance([], list), isinstance({}, dict), type(lambda: 0).__name__, type(o.__init__).__name__)
print(getattr(Obj, "cls_attr"), Obj.__dict__["cls_attr"], "cls_attr" in dir(Obj))
print(slice(1, 5, 2), [1, 2, 3, 4, 5][slice(1, 5, 2)], object().__class__.__name__)
print(next(iter([7])), list(map(abs, [-1, 2])), pow(2, 10), sum([1, 2], 10))
print(memoryview(b"ab").tobytes(), bytearray(b"xy"), bytes(3), int.from_bytes(b"\x01\x00", "big"))
def f(): pass
print(f.__name__, f.__module__, f.__defaults__, f.__doc__, type(f).__name__)
print(isinstance(f, type(f)), f.__code__.co_name if hasattr(f, "__code__") else None)
