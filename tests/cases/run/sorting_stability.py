records = [("bob", 25, "eng"), ("amy", 31, "ops"), ("cat", 25, "ops"), ("dan", 31, "eng"), ("eve", 22, "eng")]
by_age = sorted(records, key=lambda r: r[1])
print([r[0] for r in by_age])
by_dept_then_age = sorted(sorted(records, key=lambda r: r[1]), key=lambda r: r[2])
print([r[0] for r in by_dept_then_age])
from operator import itemgetter, attrgetter, methodcaller
print([r[0] for r in sorted(records, key=itemgetter(2, 1))], itemgetter(0, 2)(records[0]))
class E:
    def __init__(self, n, s): self.n, self.s = n, s
    def __repr__(self): return self.n
es = [E("x", 3), E("y", 1), E("z", 3)]
print(sorted(es, key=attrgetter("s")), sorted(es, key=attrgetter("s"), reverse=True))
print(list(map(methodcaller("upper"), ["a", "b"])), sorted(["b", "A", "c"], key=str.casefold))
lst = [3, 1, 2]
lst.sort(key=lambda x: -x)
print(lst, sorted("Banana"), sorted([2, 1], reverse=True))
print(sorted([(1, 2), (1,), ()]), sorted([[2], [1, 5]]), sorted({"b": 1, "a": 2}))
