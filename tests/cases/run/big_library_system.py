"""A lending library: abstract base classes, properties, class hierarchies for media items,
a loan ledger with due dates computed from date arithmetic, fines, reservations queues,
search with sorting keys, and reports; all dates are fixed so output is deterministic."""
import abc
import datetime as dt
from collections import defaultdict, deque

TODAY = dt.date(2025, 3, 14)


class LibraryError(Exception):
    pass


class NotAvailable(LibraryError):
    pass


class LimitReached(LibraryError):
    pass


class Item(abc.ABC):
    loan_days = 21
    daily_fine = 25

    def __init__(self, code, title, year):
        self.code = code
        self.title = title
        self.year = year
        self.on_loan_to = None
        self.queue = deque()

    @property
    @abc.abstractmethod
    def kind(self):
        ...

    @property
    def available(self):
        return self.on_loan_to is None

    def __repr__(self):
        state = "in" if self.available else f"out:{self.on_loan_to}"
        return f"<{self.kind} {self.code} {self.title!r} ({self.year}) {state}>"


class Book(Item):
    def __init__(self, code, title, year, author, pages):
        super().__init__(code, title, year)
        self.author = author
        self.pages = pages

    @property
    def kind(self):
        return "book"


class DVD(Item):
    loan_days = 7
    daily_fine = 100

    def __init__(self, code, title, year, minutes):
        super().__init__(code, title, year)
        self.minutes = minutes

    @property
    def kind(self):
        return "dvd"


class ReferenceBook(Book):
    loan_days = 0

    @property
    def kind(self):
        return "reference"


class Member:
    limit = 3

    def __init__(self, name):
        self.name = name
        self.loans = {}
        self.fines = 0

    def __repr__(self):
        return f"Member({self.name}, loans={sorted(self.loans)}, fines={self.fines})"


class Student(Member):
    limit = 2


class Library:
    def __init__(self):
        self.items = {}
        self.members = {}
        self.ledger = []

    def add(self, item):
        self.items[item.code] = item
        return item

    def join(self, member):
        self.members[member.name] = member
        return member

    def lend(self, code, name, on=TODAY):
        item, member = self.items[code], self.members[name]
        if item.loan_days == 0:
            raise NotAvailable(f"{item.title!r} is for reference only")
        if not item.available:
            if name not in item.queue:
                item.queue.append(name)
            raise NotAvailable(f"{item.title!r} is out; {name} queued at position {item.queue.index(name) + 1}")
        if len(member.loans) >= member.limit:
            raise LimitReached(f"{name} already has {len(member.loans)} loans")
        if member.fines > 500:
            raise LimitReached(f"{name} owes {member.fines / 100:.2f}")
        if item.queue and item.queue[0] != name:
            raise NotAvailable(f"{item.title!r} is reserved for {item.queue[0]}")
        if item.queue:
            item.queue.popleft()
        due = on + dt.timedelta(days=item.loan_days)
        item.on_loan_to = name
        member.loans[code] = due
        self.ledger.append(("lend", on, code, name))
        return due

    def give_back(self, code, on):
        item = self.items[code]
        member = self.members[item.on_loan_to]
        due = member.loans.pop(code)
        late = max(0, (on - due).days)
        fine = late * item.daily_fine
        member.fines += fine
        item.on_loan_to = None
        self.ledger.append(("return", on, code, member.name))
        return late, fine

    def search(self, text="", kind=None, key="title"):
        found = [i for i in self.items.values()
                 if text.lower() in i.title.lower() and (kind is None or i.kind == kind)]
        return sorted(found, key=lambda i: (getattr(i, key), i.code))

    def overdue(self, on):
        result = []
        for member in self.members.values():
            for code, due in sorted(member.loans.items()):
                if due < on:
                    result.append((member.name, code, (on - due).days))
        return result


lib = Library()
for item in [Book("B1", "Dune", 1965, "Herbert", 412), Book("B2", "Emma", 1815, "Austen", 474),
             Book("B3", "Dune Messiah", 1969, "Herbert", 256), DVD("D1", "Alien", 1979, 117),
             DVD("D2", "Dune", 1984, 137), ReferenceBook("R1", "Atlas of the World", 2020, "Various", 300)]:
    lib.add(item)
ann, bo, cy = lib.join(Member("ann")), lib.join(Student("bo")), lib.join(Member("cy"))

print(lib.lend("B1", "ann"), lib.lend("D1", "bo"), lib.lend("D2", "bo"))
for code, name in [("B1", "bo"), ("B1", "cy"), ("B2", "bo"), ("R1", "ann"), ("B1", "cy")]:
    try:
        lib.lend(code, name)
    except LibraryError as exc:
        print(type(exc).__name__, exc)

print(lib.give_back("D1", TODAY + dt.timedelta(days=10)), bo)
print(lib.give_back("B1", dt.date(2025, 4, 4)))
for name in ("cy", "bo"):
    try:
        print(name, "gets Dune until", lib.lend("B1", name, on=dt.date(2025, 4, 5)))
    except LibraryError as exc:
        print(type(exc).__name__, exc)

print(lib.overdue(dt.date(2025, 5, 1)))
print([i.code for i in lib.search("dune")], [i.code for i in lib.search(kind="dvd", key="year")])
print(lib.search("", kind="book", key="year"))
fines = {m.name: m.fines for m in lib.members.values()}
print(fines, sum(fines.values()))
try:
    Item("X", "abstract", 2000)
except TypeError as exc:
    print("TypeError:", exc)
print(isinstance(lib.items["R1"], Book), issubclass(DVD, Item), Item.__abstractmethods__)
by_kind = defaultdict(list)
for item in lib.items.values():
    by_kind[item.kind].append(item.code)
print(dict(sorted(by_kind.items())))
for action, when, code, name in lib.ledger:
    print(f"{when:%d %b} {action:<6} {code} {name}")
print((dt.date(2025, 12, 25) - TODAY).days, TODAY.weekday(), TODAY.isoformat(), TODAY.replace(day=1).strftime("%A"))
print(dt.datetime(2025, 3, 14, 15, 9, 26) + dt.timedelta(hours=10, minutes=51), dt.timedelta(days=1, seconds=5))
