a, b = b, a = 1, 2
print(a, b)
(x, y), z = (1, 2), 3
print(x, y, z)
[p, *q], r = [1, 2, 3], 4
print(p, q, r)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
first, *_, last = range(10)
print(first, last, _)
h, = [42]
print(h)
try:
    m, n = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    m, n, o = [1, 2]
except ValueError as e:
    print(e)
try:
    *s, t, u = [1]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
d = {}
d["x"], d["y"] = "xy"
print(d)
class O: pass
o = O()
o.a, o.b = range(2)
print(o.a, o.b)
l = [0, 0, 0]
l[0], l[2] = 7, 9
print(l)
i = 0
i, l[i] = 1, "set"
print(i, l)
