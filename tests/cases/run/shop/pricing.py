"""Pricing rules, registered by a decorator in order of application."""
RULES = []


def rule(order):
    def register(func):
        RULES.append((order, func.__name__, func))
        RULES.sort(key=lambda r: r[0])
        return func
    return register


@rule(10)
def bulk(lines, customer, total):
    count = sum(q for _, q in lines)
    return total - total * 5 // 100 if count >= 10 else total


@rule(20)
def tier(lines, customer, total):
    return total - total * customer.discount // 100


@rule(30)
def coupons(lines, customer, total):
    for coupon in customer.coupons:
        kind, _, amount = coupon.partition(":")
        if kind == "off":
            total -= int(amount)
        elif kind == "pct":
            total -= total * int(amount) // 100
        else:
            raise ValueError(f"unknown coupon kind {kind!r}")
    return max(total, 0)


def apply_all(lines, customer):
    total = sum(p.price * q for p, q in lines)
    steps = [("subtotal", total)]
    for _, name, func in RULES:
        total = func(lines, customer, total)
        steps.append((name, total))
    return total, steps
