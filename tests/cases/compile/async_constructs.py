async def agen(xs):
    async with lock as l, other:
        async for x in xs:
            yield x
    r = [y async for y in xs if await y]
    return

async def coro(xs):
    await xs
    return [await x for x in xs]
