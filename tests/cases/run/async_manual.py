import types

@types.coroutine
def suspend(value):
    got = yield value
    return got

async def add(a, b):
    x = await suspend(("need", a))
    y = await suspend(("need", b))
    return x + y

async def main():
    total = await add(1, 2)
    total += await add(10, 20)
    return total

def run(coro):
    value = None
    try:
        while True:
            request = coro.send(value)
            print("request", request)
            value = request[1] * 100
    except StopIteration as e:
        return e.value

print(run(main()))

class Awaitable:
    def __await__(self):
        v = yield "custom"
        return v * 2

async def use_custom():
    return await Awaitable()

print(run.__name__, end=" ")
c = use_custom()
print(c.send(None))
try:
    c.send(21)
except StopIteration as e:
    print("result", e.value)

async def agen(n):
    for i in range(n):
        await suspend(("tick", i))
        yield i * 10

async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    return out

print(run(consume()))

class AsyncCM:
    async def __aenter__(self):
        print("aenter")
        return "cm"
    async def __aexit__(self, *exc):
        print("aexit", exc[0])
        return False

async def with_cm():
    async with AsyncCM() as v:
        print("inside", v)
    return "ok"

print(run(with_cm()))

async def comp():
    return [x async for x in agen(2)]
print(run(comp()))

async def fails():
    await suspend(("x", 1))
    raise ValueError("async boom")

co = fails()
co.send(None)
try:
    co.send(None)
except ValueError as e:
    print("caught", e)

async def never():
    pass
n = never()
print(type(n).__name__)
n.close()
try:
    await_none = run(add(1, None))
except TypeError as e:
    print("TypeError", e)
