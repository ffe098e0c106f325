def classify(n):
    return "neg" if n < 0 else "zero" if n == 0 else "small" if n < 10 else "big"
print([classify(n) for n in (-5, 0, 3, 42)])
x = None
print(x if x is not None else "default", (lambda v: v or "empty")(""))
print(1 and 2, 0 and 2, 1 or 2, 0 or "", None or 0 or [] or "last")
print(not 0, not [], not [0], not None)
vals = [0, 1, "", "a", [], [1], None]
print([bool(v) for v in vals])
print(all(vals[1::2]), any(vals[::2]), all([]), any([]))
y = 3
z = (y > 2) and "big" or "small"
print(z, (y > 5) and "big" or "small")
print([("even" if i % 2 == 0 else "odd") for i in range(4)])
print({True: "yes", False: "no"}[3 > 2], max(1, 2) if y else min(1, 2))
