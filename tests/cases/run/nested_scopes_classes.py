def make_class(prefix):
    counter = [0]
    class Named:
        tag = prefix.upper()
        def __init__(self, name):
            counter[0] += 1
            self.name = f"{prefix}-{name}-{counter[0]}"
        def __repr__(self):
            return f"{type(self).__name__}({self.name!r}, tag={self.tag})"
        @classmethod
        def count(cls):
            return counter[0]
        def sub(self):
            class Inner(Named):
                def __repr__(self):
                    return "Inner:" + super().__repr__()
            return Inner("inner")
    return Named

A = make_class("a")
x, y = A("x"), A("y")
print(x, y, A.count(), x.sub(), A.count())
B = make_class("b")
print(B("z"), A.count(), B.count(), A is B)

class Outer:
    value = 10
    items = [1, 2]
    doubled = [i * 2 for i in items]
    class Nested:
        pass
    def method(self):
        return Outer.value + len(self.doubled)
print(Outer().method(), Outer.Nested.__qualname__, Outer.doubled)

def gen_in_with():
    class CM:
        def __enter__(self):
            print("enter")
        def __exit__(self, *a):
            print("exit", a[0].__name__ if a[0] else None)
    with CM():
        yield 1
        yield 2
g = gen_in_with()
print(next(g))
g.close()
def finally_raises():
    try:
        yield 1
    finally:
        raise ValueError("from finally")
f = finally_raises()
next(f)
try:
    f.close()
except ValueError as e:
    print("close raised", e)
