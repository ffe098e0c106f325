import types

@types.coroutine
def pause(tag):
    try:
        return (yield tag)
    except KeyError as e:
        print("pause saw", repr(e))
        raise

async def worker():
    try:
        v = await pause("first")
        print("got", v)
        await pause("second")
    except KeyError:
        print("worker handled KeyError")
        return "recovered"

c = worker()
print(c.send(None))
print(c.send(41) if False else c.send("value"))
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("finished with", e.value)

async def never_finishes():
    await pause("x")

c2 = never_finishes()
c2.send(None)
c2.close()
print("closed", c2.cr_frame is None)
try:
    c2.send(None)
except RuntimeError as e:
    print(e)
