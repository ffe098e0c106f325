matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([x * y for x in range(3) for y in range(3) if x != y])
print({x: [y for y in range(x)] for x in range(4)})
x = "outer"
print([x for x in "ab"], x)
print([(y := i * 2) for i in range(3)], y)
total = 0
data = [1, 2, 3]
print([total := total + d for d in data], total)

class K:
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]
    pairs = [(a, b) for a in range(2) for b in range(2)]
print(K.doubled, K.pairs)

def gen_scope():
    n = 3
    return list(i * n for i in range(n))
print(gen_scope())
print(sorted({c.upper() for c in "hello"}), any(v > 2 for v in data), all([]))
nested = [[j for j in range(i)] for i in range(4)]
print(nested, sum(len(r) for r in nested))
print(dict(zip("abc", range(3))), list(enumerate("xy", start=1)))
