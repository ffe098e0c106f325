a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a.isdisjoint({9}), {1, 2} <= a, {1, 2} < {1, 2}, a >= {1}, a.issuperset([1, 2]))
c = set()
c.add(1); c.update([2, 3], (4,)); c.discard(99); c.remove(1)
print(sorted(c), c.pop() in {2, 3, 4}, len(c))
try:
    c.remove(99)
except KeyError as e:
    print("KeyError", e)
f = frozenset([1, 2])
print(f | {3} == frozenset({1, 2, 3}), type(f | {3}).__name__, hash(f) == hash(frozenset([2, 1])))
try:
    f.add(3)
except AttributeError as e:
    print(e)
print(sorted(set("mississippi")), len(set(range(100)) & set(range(50, 150))))
s = {1, 2}
s2 = s.copy()
s2 |= {3}
print(sorted(s), sorted(s2), {frozenset({1}): "ok"}[frozenset([1])])
print(set() == frozenset(), {1, 2} == {2, 1}, {(1, 2), (1, 2)}, sorted({0, False, 1, True}))
try:
    {[]}
except TypeError as e:
    print(e)
