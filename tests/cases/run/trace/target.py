def loop(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        else:
            total -= 1
    return total


def gen(n):
    for i in range(n):
        yield i * 2


def risky(x):
    try:
        return 10 // x
    except ZeroDivisionError:
        return None
    finally:
        x = 0


def nested(a):
    def inner(b):
        return a + b
    return [inner(v) for v in range(2)]


loop(4)
list(gen(3))
risky(2)
risky(0)
nested(1)
while_count = 0
while while_count < 2:
    while_count += 1


class Managed:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return True


def with_block(items):
    with Managed():
        for item in items:
            if item == 2:
                continue
            if item == 4:
                raise ValueError(item)
    return "done"


async def coro(n):
    total = 0
    for i in range(n):
        total += i
    return total


def gen_throw():
    try:
        yield 1
    except KeyError:
        yield "caught"


with_block([1, 2, 3, 4])
c = coro(3)
try:
    c.send(None)
except StopIteration:
    pass
gt = gen_throw()
next(gt)
gt.throw(KeyError)
