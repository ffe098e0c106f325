"""A discrete-event simulation of a coffee shop: customers arrive, queue at baristas, order
drinks of different durations; a seeded random.Random drives it; statistics at the end."""
import heapq
import random
import statistics
from dataclasses import dataclass, field
from enum import Enum


class Drink(Enum):
    ESPRESSO = ("espresso", 2, 250)
    LATTE = ("latte", 4, 380)
    MOCHA = ("mocha", 5, 420)
    TEA = ("tea", 1, 200)

    def __init__(self, label, minutes, price):
        self.label = label
        self.minutes = minutes
        self.price = price


@dataclass(order=True)
class Event:
    time: int
    seq: int
    kind: str = field(compare=False)
    data: dict = field(compare=False, default_factory=dict)


@dataclass
class Customer:
    id: int
    arrived: int
    drink: Drink
    patience: int
    started: int | None = None
    finished: int | None = None
    gave_up: bool = False

    @property
    def wait(self):
        return None if self.started is None else self.started - self.arrived


class Barista:
    def __init__(self, name, speed):
        self.name = name
        self.speed = speed
        self.busy_until = 0
        self.served = []
        self.busy_time = 0

    def duration(self, drink):
        return max(1, round(drink.minutes / self.speed))


class Shop:
    def __init__(self, seed, baristas, close_at=120):
        self.rng = random.Random(seed)
        self.baristas = baristas
        self.queue = []
        self.events = []
        self.seq = 0
        self.now = 0
        self.close_at = close_at
        self.customers = []
        self.revenue = 0
        self.log = []

    def schedule(self, delay, kind, **data):
        self.seq += 1
        heapq.heappush(self.events, Event(self.now + delay, self.seq, kind, data))

    def run(self):
        self.schedule(0, "arrival")
        while self.events:
            event = heapq.heappop(self.events)
            self.now = event.time
            getattr(self, f"on_{event.kind}")(**event.data)
        return self

    def on_arrival(self):
        if self.now >= self.close_at:
            return
        drink = self.rng.choices(list(Drink), weights=[3, 5, 2, 2])[0]
        customer = Customer(len(self.customers) + 1, self.now, drink, self.rng.randint(5, 25))
        self.customers.append(customer)
        self.queue.append(customer)
        self.schedule(customer.patience, "give_up", customer=customer)
        self.schedule(self.rng.randint(1, 6), "arrival")
        self.dispatch()

    def on_give_up(self, customer):
        if customer in self.queue:
            self.queue.remove(customer)
            customer.gave_up = True
            self.log.append(f"t={self.now}: customer {customer.id} left after {customer.patience} min")

    def on_done(self, barista, customer):
        customer.finished = self.now
        barista.served.append(customer)
        self.revenue += customer.drink.price
        self.dispatch()

    def dispatch(self):
        for barista in sorted(self.baristas, key=lambda b: -b.speed):
            if barista.busy_until <= self.now and self.queue:
                customer = self.queue.pop(0)
                customer.started = self.now
                minutes = barista.duration(customer.drink)
                barista.busy_until = self.now + minutes
                barista.busy_time += minutes
                self.schedule(minutes, "done", barista=barista, customer=customer)

    def report(self):
        served = [c for c in self.customers if c.finished is not None]
        waits = [c.wait for c in served]
        print(f"customers {len(self.customers)}, served {len(served)}, "
              f"gave up {sum(c.gave_up for c in self.customers)}, closed at t={self.now}")
        print(f"revenue ${self.revenue / 100:.2f}, mean wait {statistics.mean(waits):.2f}, "
              f"median {statistics.median(waits)}, max {max(waits)}")
        for b in self.baristas:
            drinks = {}
            for c in b.served:
                drinks[c.drink.label] = drinks.get(c.drink.label, 0) + 1
            print(f"  {b.name:<6} served {len(b.served):>3}, busy {b.busy_time:>3} min, {dict(sorted(drinks.items()))}")
        popular = {}
        for c in served:
            popular[c.drink] = popular.get(c.drink, 0) + 1
        print("  by drink:", [(d.name, n) for d, n in sorted(popular.items(), key=lambda kv: (-kv[1], kv[0].name))])


for seed, crew in [(1, [("Ana", 1.0)]), (7, [("Ana", 1.0), ("Ben", 1.5)]), (42, [("Ana", 1.0), ("Ben", 1.5), ("Cid", 0.8)])]:
    shop = Shop(seed, [Barista(n, s) for n, s in crew]).run()
    print(f"seed {seed}, {len(crew)} barista(s)")
    shop.report()
    print("  first give-ups:", shop.log[:2])

print(Drink.LATTE.label, Drink.LATTE.minutes, Drink("tea") if False else Drink.TEA.value, len(Drink))
print(Event(1, 2, "x") < Event(1, 3, "a"), Event(2, 0, "b") > Event(1, 9, "c"))
rng = random.Random(2024)
print(rng.randint(1, 100), rng.choice("abc"), rng.sample(range(10), 3), round(rng.random(), 6))
deck = list(range(10))
rng.shuffle(deck)
print(deck, rng.randrange(0, 100, 5), round(rng.uniform(1, 2), 6), rng.getrandbits(8))


def busiest_minute(shop):
    arrivals = {}
    for c in shop.customers:
        arrivals[c.arrived // 10] = arrivals.get(c.arrived // 10, 0) + 1
    slot, count = max(sorted(arrivals.items()), key=lambda kv: kv[1])
    return f"t={slot * 10}..{slot * 10 + 9}: {count} arrivals"


print(busiest_minute(shop), sorted(Counter := {c.drink.name for c in shop.customers}))
