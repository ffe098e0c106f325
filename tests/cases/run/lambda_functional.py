from functools import reduce, partial
compose = lambda *fs: reduce(lambda f, g: lambda x: g(f(x)), fs)
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl, inc)(3), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, b=2))
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]), list(map(lambda s: s[::-1], ["ab", "cd"])))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3), (lambda x, y=10: x + y)(5))
pow2 = partial(pow, 2)
print(pow2(10), partial(int, base=2)("1010"), partial(sorted, reverse=True)([1, 3, 2]))
print((lambda: None).__name__, (lambda x: x).__code__.co_argcount)
fact = lambda n: 1 if n < 2 else n * fact(n - 1)
print(fact(10), reduce(lambda a, b: a * 10 + b, [1, 2, 3]), reduce(max, [3, 9, 2], 0))
print(list(filter(lambda w: len(w) > 2, "a abc de fghi".split())))
