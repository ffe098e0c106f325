"""A cooperative scheduler built on generators: tasks, sleeping, channels, joins and cancellation."""
import heapq
import itertools
from collections import deque


class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks


class Send:
    def __init__(self, channel, value):
        self.channel = channel
        self.value = value


class Recv:
    def __init__(self, channel):
        self.channel = channel


class Join:
    def __init__(self, task):
        self.task = task


class Cancelled(Exception):
    pass


class Task:
    _ids = itertools.count(1)

    def __init__(self, name, gen):
        self.id = next(Task._ids)
        self.name = name
        self.gen = gen
        self.result = None
        self.done = False
        self.waiters = []
        self.send_value = None
        self.error = None

    def __repr__(self):
        state = "done" if self.done else "live"
        return f"Task({self.id}, {self.name}, {state})"


class Channel:
    def __init__(self, name, capacity=1):
        self.name = name
        self.capacity = capacity
        self.items = deque()
        self.receivers = deque()
        self.senders = deque()


class Scheduler:
    def __init__(self):
        self.now = 0
        self.ready = deque()
        self.sleeping = []
        self.tasks = []
        self.log = []
        self._seq = itertools.count()

    def spawn(self, name, gen):
        task = Task(name, gen)
        self.tasks.append(task)
        self.ready.append(task)
        return task

    def cancel(self, task):
        if not task.done:
            task.error = Cancelled(f"{task.name} cancelled")
            self.sleeping = [e for e in self.sleeping if e[2] is not task]
            heapq.heapify(self.sleeping)
            if task not in self.ready:
                self.ready.append(task)

    def _finish(self, task, result):
        task.done = True
        task.result = result
        self.log.append((self.now, task.name, "finished", result))
        for waiter in task.waiters:
            waiter.send_value = result
            self.ready.append(waiter)

    def step(self, task):
        try:
            if task.error is not None:
                err, task.error = task.error, None
                request = task.gen.throw(err)
            else:
                value, task.send_value = task.send_value, None
                request = task.gen.send(value)
        except StopIteration as stop:
            self._finish(task, stop.value)
            return
        except Cancelled as exc:
            self._finish(task, f"<{exc}>")
            return
        match request:
            case Sleep(ticks=t):
                heapq.heappush(self.sleeping, (self.now + t, next(self._seq), task))
            case Send(channel=ch, value=v):
                if ch.receivers:
                    receiver = ch.receivers.popleft()
                    receiver.send_value = v
                    self.ready.append(receiver)
                    self.ready.append(task)
                elif len(ch.items) < ch.capacity:
                    ch.items.append(v)
                    self.ready.append(task)
                else:
                    ch.senders.append((task, v))
            case Recv(channel=ch):
                if ch.items:
                    task.send_value = ch.items.popleft()
                    if ch.senders:
                        sender, v = ch.senders.popleft()
                        ch.items.append(v)
                        self.ready.append(sender)
                    self.ready.append(task)
                else:
                    ch.receivers.append(task)
            case Join(task=other):
                if other.done:
                    task.send_value = other.result
                    self.ready.append(task)
                else:
                    other.waiters.append(task)
            case None:
                self.ready.append(task)
            case _:
                raise TypeError(f"bad request {request!r}")

    def run(self, limit=1000):
        while (self.ready or self.sleeping) and limit:
            limit -= 1
            if not self.ready:
                when, _, task = heapq.heappop(self.sleeping)
                self.now = when
                self.ready.append(task)
            self.step(self.ready.popleft())
        return [t for t in self.tasks if not t.done]


def producer(ch, n):
    for i in range(n):
        yield Sleep(1)
        yield Send(ch, i * i)
        print(f"  produced {i * i}")
    yield Send(ch, None)
    return "producer done"


def consumer(ch):
    total = 0
    while True:
        item = yield Recv(ch)
        if item is None:
            break
        total += item
        print(f"  consumed {item} (total {total})")
    return total


def ticker(name, every):
    count = 0
    try:
        while True:
            yield Sleep(every)
            count += 1
            print(f"  {name} tick {count}")
    finally:
        print(f"  {name} cleanup after {count}")


def supervisor(sched, victims, worker):
    yield Sleep(7)
    for v in victims:
        sched.cancel(v)
    result = yield Join(worker)
    return f"supervised {result}"


sched = Scheduler()
ch = Channel("numbers", capacity=2)
prod = sched.spawn("producer", producer(ch, 5))
cons = sched.spawn("consumer", consumer(ch))
t1 = sched.spawn("fast", ticker("fast", 2))
t2 = sched.spawn("slow", ticker("slow", 5))
sup = sched.spawn("supervisor", supervisor(sched, [t1, t2], cons))
left = sched.run()
print("left:", left)
for when, name, what, result in sched.log:
    print(when, name, what, result)
print(sched.now, [t.result for t in sched.tasks])
