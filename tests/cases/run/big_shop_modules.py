"""A shop built from a sibling package: relative imports inside it, module attributes,
re-exports, import errors, and module-level state shared across importers."""
import importlib
import sys

import shop
from shop import Cart, CartError, Customer, Product
from shop import pricing
from shop.models import Product as SameProduct
import shop.cart as cart_module

print(shop.VERSION, shop.__all__, sorted(n for n in dir(shop) if not n.startswith("_")))
print(Product is SameProduct, cart_module.Cart is Cart, shop.__name__, pricing.__name__)
print(shop.__package__, pricing.__package__, cart_module.__spec__.name)
print([name for _, name, _ in pricing.RULES])

CATALOG = {p.code: p for p in [
    Product("A1", "apple", 40, "food"),
    Product("B2", "bread", 250, "food"),
    Product("C3", "candle", 899, "home"),
    Product("D4", "desk", 15900, "home"),
]}

customers = [
    Customer("ann"),
    Customer("bo", "silver", ["off:100"]),
    Customer("cy", "gold", ["pct:10", "off:50"]),
    Customer("dee", "basic", ["bogus:1"]),
]

orders = {
    "ann": [("A1", 12), ("B2", 1)],
    "bo": [("C3", 2), ("A1", 1), ("A1", 2)],
    "cy": [("D4", 1), ("C3", 1)],
    "dee": [("B2", 1)],
}

for customer in customers:
    cart = Cart(customer, CATALOG)
    for code, qty in orders[customer.name]:
        cart.add(code, qty)
    print(f"{customer.name} ({customer.tier}, {customer.discount}%): {len(cart)} items")
    for product, qty in cart:
        print(f"    {qty:>3} x {product}")
    try:
        total, steps = cart.checkout()
    except ValueError as exc:
        print("    checkout failed:", exc)
        continue
    for name, value in steps:
        print(f"    {name:<9}{value:>8}")

problems = [
    lambda: Cart(customers[0], CATALOG).add("ZZ"),
    lambda: Cart(customers[0], CATALOG).add("A1", 0),
    lambda: Cart(customers[0], CATALOG).checkout(),
    lambda: Cart(customers[0], CATALOG).add("A1").remove("B2"),
]
for problem in problems:
    try:
        problem()
    except CartError as exc:
        print("CartError:", exc, exc.__cause__, exc.__suppress_context__)


@pricing.rule(25)
def loyalty(lines, customer, total):
    return total - 1 if customer.name == "ann" else total


cart = Cart(customers[0], CATALOG).add("B2")
print(cart.checkout())
print([name for _, name, _ in pricing.RULES])
print(sys.modules["shop.pricing"] is pricing, "shop.models" in sys.modules)

try:
    import shop.missing
except ModuleNotFoundError as exc:
    print("ModuleNotFoundError:", exc, exc.name)
try:
    from shop import nothing_here
except ImportError as exc:
    print("ImportError:", str(exc).split(" (")[0], exc.name)

again = importlib.import_module("shop.models")
print(again.Product is Product, again.Customer("x").discount)
frozen = Product("E5", "egg", 30)
try:
    frozen.price = 1
except AttributeError as exc:
    print(type(exc).__name__, exc)
print(frozen, repr(frozen), frozen == Product("E5", "egg", 30), hash(frozen) == hash(Product("E5", "egg", 30)))
totals = {}
for customer in customers[:3]:
    c = Cart(customer, CATALOG)
    for code in CATALOG:
        c.add(code)
    totals[customer.name] = c.checkout()[0]
print(totals, max(totals, key=totals.get), min(totals.values()))
cheap = sorted(CATALOG.values(), key=lambda p: (p.category, p.price))
print([p.code for p in cheap])
by_category = {}
for p in CATALOG.values():
    by_category.setdefault(p.category, []).append(p.name)
print(by_category)
print(len(pricing.RULES), pricing.apply_all([], customers[0]))
print(shop.cart.CartError is CartError, shop.models.__name__)
print(loyalty.__module__, loyalty.__qualname__, pricing.bulk.__module__)
