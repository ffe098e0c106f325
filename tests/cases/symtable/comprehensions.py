import asyncio

top = [i * 2 for i in range(10) if i]
topset = {i for i in range(3)}
topdict = {k: v for k, v in {}.items()}
topgen = (i for i in range(3))
nested = [[j for j in range(i)] for i in range(3)]
walrus = [last := i for i in range(3)]


def func(data):
    total = 0
    lst = [x + total for x in data]
    cells = [lambda: x for x in data]
    outer = [y for y in data if (found := y)]
    gen = (x for x in data)
    dct = {k: [k for k in v] for k, v in data}
    return lst, cells, outer, found, gen, dct


class InClass:
    base = 1
    lst = [base for _ in range(3)]
    ref = [__class__ for _ in range(3)]

    def m(self):
        return [super() for _ in range(1)]


async def acomp(aiter):
    a = [x async for x in aiter]
    b = [await x for x in aiter]
    c = (x async for x in aiter)
    return a, b, c


def gen_in_func():
    return list(x for x in range(3) for y in range(x))


def walrus_in_nested(items):
    [[(z := j) for j in i] for i in items]
    return z


def global_walrus():
    global gw
    [gw := i for i in range(3)]
