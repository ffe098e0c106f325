d = dict(a=1, b=2)
d.update({"c": 3}, d=4)
d |= {"e": 5}
print(d, d | {"a": 0}, {"z": 1} | d == {**{"z": 1}, **d})
print(d.pop("a"), d.pop("zz", None), d.popitem(), d.setdefault("b", 99), d.setdefault("n", []))
print(list(d.keys()), list(d.values()), list(d.items()))
print(dict.fromkeys("xyz", 0), dict(zip("ab", [1, 2])), dict([("k", "v")]))
k = d.keys()
d["late"] = 1
print("late" in k, len(k), k - {"b"} == {"c", "d", "n", "late"}, k & {"c", "q"})
print(sorted(d, key=str), reversed(list(d)) is not None, list(reversed(d))[:2])
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    for key in d:
        d["new" + key] = 0
except RuntimeError as e:
    print(e)
from collections import OrderedDict, defaultdict, ChainMap
od = OrderedDict(a=1, b=2)
od.move_to_end("a")
print(list(od.items()), list(od), od.popitem(last=False))
dd = defaultdict(lambda: "?")
dd["x"]
print(dict(dd))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), cm.new_child({"c": 0})["c"])
print({1: "a", 1.0: "b", True: "c"}, {(1, 2): "tuple key"}[(1, 2)])
