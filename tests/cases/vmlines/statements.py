"""Line events around multi-line statements, handlers, finally, with, comprehensions, loops."""
import contextlib


def multi(a,
          b):
    x = max(
        a,
        b,
    )
    y = [
        i * 2
        for i in range(3)
        if i
    ]
    return (x +
            sum(y))


def handlers(n):
    try: r = 10 // n
    except ZeroDivisionError: r = -1
    try:
        if n:
            raise ValueError(n)
    except ValueError as e:
        r += 1
    finally:
        r *= 2
    return r


def finally_reraise():
    try:
        try:
            raise KeyError("k")
        finally:
            print("cleanup")
    except KeyError:
        return "ok"


@contextlib.contextmanager
def cm(tag):
    print("enter", tag)
    try:
        yield tag
    finally:
        print("exit", tag)


def with_blocks():
    with cm("a") as a, cm("b") as b:
        print(a, b)
    try:
        with cm("c"):
            raise RuntimeError("in with")
    except RuntimeError:
        pass


def loops(n):
    total = 0
    for i in range(n):
        if i == 1:
            continue
        if i == 3:
            break
        total += i
    else:
        total = -1
    while n:
        n -= 1
        if n == 1: break
    else:
        total += 100
    return total


def matcher(cmd):
    match cmd.split():
        case ["go", where]:
            return where
        case ["stop"] | ["halt"]:
            return "stop"
        case [x, *rest] if rest:
            return len(rest)
        case _:
            return None


class Point:
    x = 1
    y = (lambda v: v + 1)(x)

    def __init__(self):
        self.z = [a for a in range(2)]


def deep(n):
    if n == 0:
        raise LookupError("bottom")
    return deep(n - 1)


print(multi(1, 2), handlers(0), handlers(5), finally_reraise())
with_blocks()
print(loops(5), loops(0))
print([matcher(c) for c in ("go north", "halt", "a b c", "")])
print(Point().z, Point.y)
try:
    deep(3)
except LookupError as e:
    print("caught", e)
assert loops(2) == 1, "loops"
f = lambda q: (q
               + 1)
print(f(1))
