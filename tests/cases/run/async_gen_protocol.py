async def ticker(n):
    try:
        for i in range(n):
            received = yield i
            if received:
                print("received", received)
    finally:
        print("ticker closed")

def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
    except StopAsyncIteration:
        return "StopAsyncIteration"
    raise AssertionError("awaitable suspended")

ag = ticker(3)
print(drive(ag.__anext__()))
print(drive(ag.asend("hello")))
try:
    drive(ag.athrow(ValueError("boom")))
except ValueError as e:
    print("athrow raised", e)
print(drive(ag.__anext__()))

ag2 = ticker(5)
print(drive(ag2.__anext__()))
print(drive(ag2.aclose()))
print(drive(ag2.__anext__()))

async def collect():
    result = []
    async for v in ticker(2):
        result.append(v)
    return result
print(drive(collect()))

async def early_return():
    async for v in ticker(10):
        if v == 1:
            return v
print(drive(early_return()))
