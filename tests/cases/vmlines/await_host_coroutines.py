"""Awaiting the standard library's own awaitables, driven by hand: SEND reports the
StopIteration that ends an awaited host coroutine (asyncio.sleep), in a coroutine and in an
async generator, and the one asyncio's future iterator raises when the future is done."""
import asyncio


async def numbers(limit):
    for i in range(limit):
        await asyncio.sleep(0)
        yield i


async def main():
    total = 0
    async for n in numbers(3):
        total += n
    await asyncio.sleep(0)
    return total


c = main()
try:
    while True:
        c.send(None)
except StopIteration as stop:
    print("total", stop.value)

loop = asyncio.new_event_loop()
fut = loop.create_future()


async def waiter():
    value = await fut
    return value * 2


w = waiter()
print(w.send(None) is fut)
fut.set_result(21)
try:
    w.send(None)
except StopIteration as stop:
    print("result", stop.value)
loop.close()
