fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs2 = [lambda i=i: i for i in range(3)]
print([f() for f in fs2])
def make_counters():
    counters = []
    for n in range(3):
        def counter(start=n):
            total = start
            def inc():
                nonlocal total
                total += 1
                return total
            return inc
        counters.append(counter())
    return counters
cs = make_counters()
print([c() for c in cs], [c() for c in cs])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())
def cell_shared():
    fns = []
    v = 0
    for _ in range(2):
        fns.append(lambda: v)
        v += 10
    return [f() for f in fns]
print(cell_shared())
adders = {n: (lambda x, n=n: x + n) for n in (1, 10)}
print(adders[1](5), adders[10](5))
print(outer.__code__.co_cellvars, cs[0].__closure__[0].cell_contents)
