import types
async def add(a, b):
    return a + b
async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return [x, y]
coro = main()
print(type(coro).__name__)
try:
    coro.send(None)
except StopIteration as e:
    print("result", e.value)
@types.coroutine
def suspend(v):
    got = yield v
    return got
async def stepper():
    a = await suspend("first")
    b = await suspend("second")
    return a + b
c = stepper()
print(c.send(None), c.send(10))
try:
    c.send(5)
except StopIteration as e:
    print("done", e.value)
async def agen(n):
    for i in range(n):
        yield i * i
async def collect():
    out = [v async for v in agen(4)]
    async for v in agen(2):
        out.append(-v)
    return out
try:
    collect().send(None)
except StopIteration as e:
    print(e.value)
c2 = add(1, 1)
c2.close()
print(c2.cr_frame, c2.__name__, c2.__qualname__)
