a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, 0), {*a, *b} == {1, 2, 3, 4})
d1 = {"x": 1}
d2 = {"y": 2, "x": 3}
print({**d1, **d2}, {**d2, "z": 0}, d1 | d2)
def f(*args, **kwargs):
    return args, kwargs
print(f(*a, *b, 5, *[], k=1, **d1, **{"z": 9}))
print(*a, sep="-", end="!\n")
first, *middle, last = range(6)
print(first, middle, last)
[p, q] = "pq"
(r, s), t = [1, 2], 3
print(p, q, r, s, t)
print(max(*a, *b), list(zip(*[[1, 2], [3, 4]])))
try:
    f(**{"k": 1}, k=2)
except TypeError as e:
    print(e)
