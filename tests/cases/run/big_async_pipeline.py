"""An asyncio pipeline: producers, a bounded queue, workers, gather, timeouts via events,
async generators and async context managers, cancellation and exception groups from TaskGroup."""
import asyncio
import sys


class _NoSelector:
    """The oracle (pyodide) has no working selector: a loop that only ever polls."""

    def select(self, timeout=None):
        return []


class _PollingLoop(asyncio.BaseEventLoop):
    def __init__(self):
        super().__init__()
        self._selector = _NoSelector()

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass


def run(coro):
    if sys.platform == "emscripten":
        asyncio.events._set_running_loop(None)
        return asyncio.run(coro, loop_factory=_PollingLoop)
    return asyncio.run(coro)


class Resource:
    opened = 0

    def __init__(self, name):
        self.name = name
        self.log = []

    async def __aenter__(self):
        Resource.opened += 1
        await asyncio.sleep(0)
        self.log.append(f"open {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0)
        self.log.append(f"close {self.name} ({exc_type.__name__ if exc_type else 'ok'})")
        Resource.opened -= 1
        return exc_type is KeyError


async def numbers(limit):
    for i in range(limit):
        await asyncio.sleep(0)
        yield i


async def squares(source):
    async for n in source:
        if n % 3 == 2:
            continue
        yield n * n


async def producer(queue, items, name):
    async for item in squares(numbers(items)):
        await queue.put((name, item))
    await queue.put((name, None))


async def worker(queue, results, producers):
    finished = 0
    while finished < producers:
        name, item = await queue.get()
        if item is None:
            finished += 1
        else:
            results.append((name, item))
        queue.task_done()
    return len(results)


async def flaky(n):
    await asyncio.sleep(0)
    if n % 2:
        raise ValueError(f"odd {n}")
    return n * 10


async def slow_forever(started):
    started.set()
    try:
        while True:
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("slow_forever cancelled")
        raise


async def main():
    queue = asyncio.Queue(maxsize=2)
    results = []
    consumer = asyncio.create_task(worker(queue, results, 2))
    await asyncio.gather(producer(queue, 6, "p1"), producer(queue, 4, "p2"))
    count = await consumer
    print("consumed", count, sorted(results))

    outcomes = await asyncio.gather(*(flaky(i) for i in range(4)), return_exceptions=True)
    print([o if isinstance(o, int) else repr(o) for o in outcomes])

    try:
        await asyncio.gather(flaky(1), flaky(2))
    except ValueError as exc:
        print("gather raised", exc)

    started = asyncio.Event()
    task = asyncio.create_task(slow_forever(started))
    await started.wait()
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled:", task.cancelled())

    res = Resource("db")
    async with res as r:
        print("inside", r.name, Resource.opened)
    async with Resource("cache") as r2:
        raise KeyError("swallowed")
    print(res.log, r2.log, Resource.opened)

    try:
        async with Resource("file"):
            raise RuntimeError("escapes")
    except RuntimeError as exc:
        print("escaped:", exc)

    collected = [x async for x in squares(numbers(8)) if x > 1]
    print("collected", collected)

    if hasattr(asyncio, "TaskGroup"):
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(flaky(3))
                tg.create_task(flaky(5))
                tg.create_task(flaky(4))
        except* ValueError as group:
            print("task group:", sorted(str(e) for e in group.exceptions))

    lock = asyncio.Lock()
    shared = []

    async def critical(tag):
        async with lock:
            shared.append(f"{tag}+")
            await asyncio.sleep(0)
            shared.append(f"{tag}-")

    await asyncio.gather(*(critical(t) for t in "abc"))
    print(shared)
    return "main done"


print(run(main()))
