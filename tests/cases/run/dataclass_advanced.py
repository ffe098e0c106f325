from dataclasses import dataclass, field, fields, KW_ONLY, InitVar
from typing import ClassVar

@dataclass
class Inventory:
    items: dict = field(default_factory=dict)
    count: int = field(init=False, default=0)
    total: ClassVar[int] = 0
    scale: InitVar[int] = 1

    def __post_init__(self, scale):
        self.count = len(self.items) * scale
        Inventory.total += 1

    def add(self, name, qty=1):
        self.items[name] = self.items.get(name, 0) + qty
        self.count += qty

inv = Inventory({"apple": 2}, scale=3)
inv.add("pear")
print(inv, inv.count, Inventory.total, [f.name for f in fields(inv)])

@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int = 1

print(Options(level=3), Options())
try:
    Options(True)
except TypeError as e:
    print("TypeError", e)

@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2

print(Mixed(1, b=5))

@dataclass(slots=True)
class Slim:
    x: int
    y: int = 0

s = Slim(1)
print(s, hasattr(s, "__dict__"))

@dataclass(eq=False)
class Ident:
    v: int
print(Ident(1) == Ident(1), repr(Ident(2)))
