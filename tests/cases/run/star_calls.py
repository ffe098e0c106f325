def show(*args, **kwargs):
    return f"{args} {sorted(kwargs.items())}"
a = [1, 2]
k = {"x": 1}
print(show(*a))
print(show(0, *a, 3, *range(2)))
print(show(**k, y=2))
print(show(*a, **k, **{"z": 3}))
try:
    show(**k, **{"x": 2})
except TypeError as e:
    print(e)
try:
    show(*5)
except TypeError as e:
    print(e)
try:
    show(**[1])
except TypeError as e:
    print(e)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
print([*a, *"xy", *{3: 0}], {**k, "w": 0}, (*a,), {*a, 5})
def gen():
    yield from (1, 2)
print(show(*gen()), max(*a, 10))
class M:
    def keys(self): return ["p", "q"]
    def __getitem__(self, key): return key.upper()
print(show(**M()), {**M()})
