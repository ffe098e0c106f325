async def f():
    await g()
match x:
    case _: type = 1
