def outer(a, b=1, *, c=2):
    total = 0
    def inner(x):
        nonlocal total
        total += x
        return a + total
    key = lambda item: (item[b], c)
    return inner, key, [lambda: i for i in range(3)]
