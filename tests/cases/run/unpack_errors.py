cases = [
    lambda: [a, b] == (lambda: None)(),
]
def t1():
    a, b = [1, 2, 3]
def t2():
    a, b, c = (1, 2)
def t3():
    a, *b, c = [1]
def t4():
    a, b = 5
def t5():
    a, b = iter([1, 2, 3])
def t6():
    x, y = {"k": 1, "j": 2, "m": 3}
for t in (t1, t2, t3, t4, t5, t6):
    try:
        t()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
a, (b, c), *d = 1, (2, 3), 4, 5
print(a, b, c, d)
for x, y in [(1, 2), (3, 4)]:
    print(x + y)
