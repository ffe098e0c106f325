import sys

def gen():
    try:
        raise KeyError("in gen")
    except KeyError:
        yield sys.exception()
        yield sys.exception()
    yield sys.exception()

g = gen()
print(repr(next(g)))
try:
    raise ValueError("outer")
except ValueError:
    print(repr(next(g)))
    print(repr(sys.exception()))
print(repr(next(g)))

def raiser():
    yield
    raise TypeError("from generator")

r = raiser()
next(r)
try:
    try:
        raise IndexError("handling")
    except IndexError:
        next(r)
except TypeError as e:
    print(repr(e), repr(e.__context__))

def ctx_in_finally():
    try:
        try:
            raise ValueError("first")
        finally:
            raise RuntimeError("second")
    except RuntimeError as e:
        return repr(e.__context__)
print(ctx_in_finally())

def cycle():
    try:
        raise KeyError("a")
    except KeyError as a:
        try:
            raise ValueError("b")
        except ValueError as b:
            try:
                raise a
            except KeyError as again:
                return again is a, repr(a.__context__), repr(b.__context__)
print(cycle())
def implicit_none():
    try:
        raise ValueError("x")
    except ValueError:
        pass
    try:
        raise TypeError("y")
    except TypeError as e:
        return e.__context__
print(implicit_none())
