print([x ** 2 for x in range(6) if x % 2 == 0])
print({x: x % 3 for x in range(6)})
print(sorted({c.lower() for c in "HeLLo"}))
print([(x, y) for x in range(3) for y in range(3) if x != y][:4])
print([[r * c for c in range(3)] for r in range(3)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)], [v for row in matrix for v in row])
words = ["apple", "bob", "kayak", "moon"]
print({w: w == w[::-1] for w in words})
print([y for x in range(5) if (y := x * 3) > 5])
print([i for i in range(3)], "i" in dir())
x = "outer"
print([x for x in "ab"], x)
print({k: v for k, v in sorted({"b": 2, "a": 1}.items())})
print([f(3) for f in [lambda n: n + 1, lambda n: n * 2]])
print([(a, b) for a, b in enumerate("xy")], [n for n in (1, None, 2) if n is not None])
