import types
@types.coroutine
def tick():
    yield "tick"
class Conn:
    async def __aenter__(self):
        await tick()
        print("open")
        return self
    async def __aexit__(self, *exc):
        await tick()
        print("close", exc[0].__name__ if exc[0] else None)
        return True
class Ticker:
    def __init__(self, n): self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await tick()
        return self.n
async def main():
    async with Conn() as c:
        print("inside", type(c).__name__)
        raise ValueError("swallowed")
    total = []
    async for v in Ticker(3):
        total.append(v)
    return total
def drive(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return e.value, steps
print(drive(main()))
async def bad():
    async with object():
        pass
try:
    drive(bad())
except TypeError as e:
    print(e)
