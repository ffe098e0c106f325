xs = [1, 2, 3]
g = (x * 2 for x in xs)
xs = [10]
print(list(g))
y = 5
g2 = (x + y for x in range(3))
y = 100
print(list(g2))
print(sum(x * x for x in range(10)), max((len(w), w) for w in "a bb ccc".split()))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
print(list(x for x in range(10) if x % 2 if x % 3))
g3 = (x for x in [1])
print(g3.__name__, type(g3).__name__, next(g3), next(g3, "end"))
class C:
    n = 3
    vals = [n * i for i in range(3)] if False else None
    try:
        bad = [n for _ in range(2)]
    except NameError as e:
        err = str(e)
print(C.err)
print(dict((k, v) for k, v in zip("ab", (1, 2))), set(c for c in "aab") == {"a", "b"})
