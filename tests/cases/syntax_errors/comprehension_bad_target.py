async def f():
    x = [y for y in await z for await in q]
