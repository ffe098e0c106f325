def inner():
    x = yield "i1"
    print("inner got", x)
    y = yield "i2"
    print("inner got", y)
    return "inner result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield "o1"
g = outer()
print(next(g), g.send("a"), g.send("b"))
def flatten(xs):
    for x in xs:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x
print(list(flatten([1, [2, [3, [4]], 5]])))
def delegating_throw():
    try:
        yield from inner()
    except KeyError as e:
        yield f"caught {e}"
d = delegating_throw()
next(d)
print(d.throw(KeyError("k")))
def from_iterable():
    yield from range(3)
    yield from "ab"
    return (yield from iter([9]))
print(list(from_iterable()))
def counter():
    n = yield from ()
    return n
try:
    next(counter())
except StopIteration as e:
    print("StopIteration", e.value)
