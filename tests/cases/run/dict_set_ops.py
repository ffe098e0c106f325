d = {"b": 2, "a": 1}
d.update(c=3)
d.setdefault("d", 4)
print(d, d.pop("a"), d.popitem(), list(d.keys()), "b" in d)
print({k: v for k, v in sorted(d.items())}, dict.fromkeys("xy", 0))
e = d.copy()
e["b"] = 99
print(d["b"], e["b"], d == {"b": 2, "c": 3}, d | {"z": 1})
d |= {"n": 0}
print(d)
s1 = {1, 2, 3}
s2 = {3, 4}
print(s1 | s2, s1 & s2, s1 - s2, s1 ^ s2, s1 <= {1, 2, 3, 4}, s1.isdisjoint({9}))
s1.add(9)
s1.discard(1)
s1 -= {2}
print(sorted(s1), frozenset([1]) == {1}, len(set("hello")))
try:
    d["missing"]
except KeyError as err:
    print("KeyError", err)
from collections import ChainMap
print(ChainMap({"a": 1}, {"a": 2, "b": 3})["b"])
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
