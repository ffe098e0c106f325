it = iter([1, 2, 3])
print(next(it), list(it), next(it, "default"))
calls = iter([3, 2, 1, 0, 5])
print(list(iter(lambda: next(calls), 0)))
print(list(zip([1, 2, 3], "ab")), list(zip(*[(1, "a"), (2, "b")])))
print(list(enumerate(["x", "y"])), list(reversed(range(4))), list(range(10, 0, -3)))
print(list(filter(None, [0, 1, "", "a"])), list(map(str, range(3))), list(map(pow, [2, 3], [3, 2])))
import itertools
print(list(itertools.accumulate([1, 2, 3])), list(itertools.product("ab", repeat=2)))
print(list(itertools.takewhile(lambda v: v < 3, [1, 2, 3, 1])), list(itertools.zip_longest("ab", "c", fillvalue="-")))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i
print(list(Seq()), 4 in Seq())
r = range(5)
print(r[1:3], len(r), 3 in r, r.index(2), list(r[::-1]))
d = {"a": 1, "b": 2}
print(list(d), list(d.values()), list(d.items()), [k for k in d.keys()])
for i, (k, v) in enumerate(d.items()):
    print(i, k, v)
