def a(): pass
def b(x, y, /): pass
def c(x, y=1, /, z=2, *, w, v=3, **kw): pass
def d(*args, **kwargs): pass
def e(*, a, b=1): pass
def f(a: int, b: "str" = "x", *c: int, d: list[int] = [], **e: dict) -> None: pass
def g(a, b=1, /, c=2): pass
def h(a=1, /): pass
async def i(x):
    await x
    async for y in z:
        pass
    async with a as b, c:
        pass
    return [y async for y in z if await y]
@decorator
@decorator.attr(arg)
@(lambda f: f)
@x[0]
def j(): pass
lambda: 0
lambda x, /, y=1, *z, w, **v: x
lambda *, a: a
lambda *a: a
lambda a, b=2: (yield)
def gen():
    x = yield
    y = yield 1
    z = yield from g()
    yield a, b
