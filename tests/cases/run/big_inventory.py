"""Warehouse inventory with dataclasses, enums, functools and itertools: orders, restocking,
reports grouped and sorted, and validation errors."""
import dataclasses
import enum
import functools
import itertools
import operator
from collections import Counter, OrderedDict
from dataclasses import dataclass, field


class Category(enum.Enum):
    TOOLS = "tools"
    FOOD = "food"
    TOYS = "toys"


class Flag(enum.Flag):
    NONE = 0
    FRAGILE = enum.auto()
    PERISHABLE = enum.auto()
    HEAVY = enum.auto()


@functools.total_ordering
@dataclass(frozen=True)
class Sku:
    code: str

    def __post_init__(self):
        if not (len(self.code) == 6 and self.code[:2].isalpha() and self.code[2:].isdigit()):
            raise ValueError(f"malformed SKU {self.code!r}")

    def __lt__(self, other):
        return self.code < other.code


@dataclass(order=True)
class Product:
    sort_key: tuple = field(init=False, repr=False)
    sku: Sku
    name: str
    category: Category
    price: int
    flags: Flag = Flag.NONE
    tags: list = field(default_factory=list, compare=False)

    def __post_init__(self):
        self.sort_key = (self.category.value, -self.price)


@dataclass
class StockLine:
    product: Product
    quantity: int = 0
    reserved: int = 0

    @property
    def available(self):
        return self.quantity - self.reserved


class OutOfStock(Exception):
    def __init__(self, sku, wanted, available):
        super().__init__(sku, wanted, available)
        self.sku, self.wanted, self.available = sku, wanted, available

    def __str__(self):
        return f"{self.sku.code}: wanted {self.wanted}, only {self.available}"


@dataclass
class Order:
    number: int
    lines: list[tuple[Sku, int]]
    status: str = "new"


class Warehouse:
    def __init__(self):
        self.stock: "OrderedDict[Sku, StockLine]" = OrderedDict()
        self.events = []

    def add(self, product, quantity):
        line = self.stock.setdefault(product.sku, StockLine(product))
        line.quantity += quantity
        self.events.append(("add", product.sku.code, quantity))

    def reserve(self, order):
        done = []
        try:
            for sku, qty in order.lines:
                line = self.stock[sku]
                if line.available < qty:
                    raise OutOfStock(sku, qty, line.available)
                line.reserved += qty
                done.append((line, qty))
        except OutOfStock:
            for line, qty in done:
                line.reserved -= qty
            order.status = "backordered"
            raise
        order.status = "reserved"

    def ship(self, order):
        for sku, qty in order.lines:
            line = self.stock[sku]
            line.reserved -= qty
            line.quantity -= qty
        order.status = "shipped"

    def value(self):
        return sum(l.quantity * l.product.price for l in self.stock.values())

    def report(self):
        lines = sorted(self.stock.values(), key=lambda l: l.product)
        for category, group in itertools.groupby(lines, key=lambda l: l.product.category):
            group = list(group)
            subtotal = sum(l.quantity * l.product.price for l in group)
            print(f"{category.name:<6} {len(group)} products, value {subtotal}")
            for l in group:
                p = l.product
                print(f"    {p.sku.code} {p.name:<10} {p.price:>5} x{l.quantity:<3} "
                      f"avail {l.available:<3} {p.flags!r}")


products = [
    Product(Sku("TL0001"), "hammer", Category.TOOLS, 1500, Flag.HEAVY, ["steel"]),
    Product(Sku("TL0002"), "saw", Category.TOOLS, 2200),
    Product(Sku("FD0001"), "apples", Category.FOOD, 300, Flag.PERISHABLE | Flag.FRAGILE),
    Product(Sku("FD0002"), "rice", Category.FOOD, 900, Flag.HEAVY),
    Product(Sku("TY0001"), "kite", Category.TOYS, 1200, Flag.FRAGILE),
]
wh = Warehouse()
for p, q in zip(products, [10, 3, 50, 20, 0]):
    wh.add(p, q)
print(wh.value())

orders = [Order(1, [(Sku("TL0001"), 2), (Sku("FD0001"), 10)]),
          Order(2, [(Sku("TL0002"), 2), (Sku("TY0001"), 1)]),
          Order(3, [(Sku("FD0002"), 20)])]
for order in orders:
    try:
        wh.reserve(order)
    except OutOfStock as exc:
        print("out of stock:", exc, exc.args[1:])
for order in orders:
    if order.status == "reserved":
        wh.ship(order)
print([(o.number, o.status) for o in orders])
wh.report()

try:
    Sku("bad")
except ValueError as exc:
    print(exc)

print(dataclasses.asdict(products[1]))
print(dataclasses.replace(products[0], price=1).price, products[0].price)
print(sorted(products)[0].name, max(products).name, products[0] < products[1])
print(Counter(p.category.name for p in products).most_common())
flags = functools.reduce(operator.or_, (p.flags for p in products), Flag.NONE)
print(flags, Flag.HEAVY in flags, [f.name for f in Flag.FRAGILE | Flag.HEAVY])
pairs = list(itertools.combinations(sorted(p.price for p in products), 2))
print(len(pairs), pairs[:3], list(itertools.accumulate(p.price for p in products)))
print(list(itertools.islice(itertools.cycle("xyz"), 7)), list(itertools.pairwise("abcd")))
print(dataclasses.fields(StockLine)[0].name, [f.name for f in dataclasses.fields(Product) if f.init])
try:
    products[0].sku.code = "XX9999"
except dataclasses.FrozenInstanceError as exc:
    print(type(exc).__name__, exc)
