async def f():
    [x async for x]
