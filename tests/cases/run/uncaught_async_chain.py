import types

@types.coroutine
def sleep0():
    yield

async def fetch(url):
    await sleep0()
    if "bad" in url:
        raise ConnectionError(f"cannot reach {url}")
    return len(url)

async def gather(urls):
    return [await fetch(u) for u in urls]

def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as done:
            return done.value

print(run(gather(["a", "bb"])))
run(gather(["ok", "bad.example"]))
