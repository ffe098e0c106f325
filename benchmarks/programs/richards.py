"""A task scheduler in the style of Richards: tasks with states, packets passed between queues,
dispatch through methods of small classes (attribute loads and method calls dominate)."""


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * 4

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.held = False
        self.waiting = queue is None
        self.count = 0

    def runnable(self):
        return not self.held and (not self.waiting or self.queue is not None)

    def take(self):
        packet = self.queue
        self.queue = packet.link
        self.waiting = False
        return packet

    def receive(self, packet):
        self.queue = packet.append_to(self.queue)


class Worker(Task):
    def step(self):
        if self.queue is None:
            self.waiting = True
            return None
        packet = self.take()
        self.count += 1
        packet.datum = (packet.datum + self.count) % 26
        for i in range(4):
            packet.data[i] = (packet.data[i] + packet.datum + i) % 26
        return self.scheduler.send(packet, 1 + self.count % 2)


class Handler(Task):
    def step(self):
        if self.queue is None:
            self.waiting = True
            return None
        packet = self.take()
        self.count += packet.datum
        return self.scheduler.send(packet, 0)


class Idle(Task):
    def __init__(self, scheduler, ident, priority, queue, budget):
        super().__init__(scheduler, ident, priority, queue)
        self.budget = budget
        self.seed = 1

    def runnable(self):
        return self.budget > 0

    def step(self):
        self.budget -= 1
        self.seed = (self.seed * 1103515245 + 12345) & 0x7FFFFFFF
        target = 3 + (self.seed >> 8) % 2
        return self.scheduler.send(Packet(None, target, 1), target)


class Scheduler:
    def __init__(self):
        self.tasks = []
        self.sent = 0

    def add(self, task):
        self.tasks.append(task)
        self.tasks.sort(key=lambda t: -t.priority)

    def send(self, packet, ident):
        self.sent += 1
        for task in self.tasks:
            if task.ident == ident:
                packet.ident = ident
                task.receive(packet)
                return task
        return None

    def run(self):
        steps = 0
        while True:
            for task in self.tasks:
                if task.runnable():
                    task.step()
                    steps += 1
                    break
            else:
                return steps


def main(budget=1000):
    s = Scheduler()
    s.add(Idle(s, 0, 0, None, budget))
    s.add(Handler(s, 1, 2, None))
    s.add(Handler(s, 2, 3, None))
    s.add(Worker(s, 3, 1, None))
    s.add(Worker(s, 4, 1, None))
    steps = s.run()
    print(steps, s.sent, [t.count for t in s.tasks])


main()
