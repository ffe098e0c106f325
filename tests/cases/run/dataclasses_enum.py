from dataclasses import dataclass, field, asdict, replace
from enum import Enum, IntEnum, auto, Flag

@dataclass(order=True)
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)

    def total(self, qty):
        return self.price * qty

a = Item("apple", 1.5)
b = Item("banana", 0.5, ["fruit"])
print(a, b, a < b, a == Item("apple", 1.5))
print(asdict(b), replace(a, price=2.0), a.total(4))

@dataclass(frozen=True)
class Frozen:
    x: int
    y: int = 2

f = Frozen(1)
try:
    f.x = 5
except Exception as e:
    print(type(e).__name__, e)
print(hash(f) == hash(Frozen(1)), f)

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = auto()

    def describe(self):
        return f"{self.name}={self.value}"

print(Color.RED, Color(2), Color["BLUE"], [c.describe() for c in Color])
print(Color.RED is Color.RED, isinstance(Color.GREEN, Color), len(Color))

class Level(IntEnum):
    LOW = 1
    HIGH = 3

print(Level.LOW < Level.HIGH, Level.HIGH + 1, sorted([Level.HIGH, Level.LOW]))

class Perm(Flag):
    R = 4
    W = 2
    X = 1

print(Perm.R | Perm.W, Perm.R in (Perm.R | Perm.X))
try:
    Color(7)
except ValueError as e:
    print(e)
