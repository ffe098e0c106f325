x = 7
y = 3
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** y, -x, ~x, +x)
print(x << 2, x >> 1, x & y, x | y, x ^ y)
print(divmod(-7, 3), abs(-4.5), round(2.675, 2), 10 / 4)
a = [1, 2, 3]
a += [4]
a[0] = 10
del a[1]
print(a, a[1:3], a[::-1], len(a))
s = "hello"
print(s.upper(), s[1:], s * 2, "ell" in s, "z" not in s)
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, sorted(d.items()), d.get("z", 0))
t = (1, 2, 3)
p, q, r = t
first, *rest = [1, 2, 3, 4]
*init, last = "abc"
print(p, q, r, first, rest, init, last)
print(1 < 2 < 3, 1 < 2 > 3, 2 == 2.0, None is None, [] is not [])
print(1 if x > 5 else 0, x > 5 and y, x < 5 or y, not x)
i = 0
total = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 8:
        break
    total += i
else:
    print("no")
print(total)
for k in range(3):
    pass
else:
    print("else", k)
print({1, 2, 2}, {k: k * k for k in range(4)}, [c for c in "ab" if c != "b"], sorted({c for c in "aab"}))
print(list(map(lambda v: v * 2, [1, 2])), sum(v for v in range(5)))
print(f"{x:>5}|{s!r}|{3.14159:.2f}|{x=}|{'nested ' + s}")
