class C:
    def m(self, x): return (self.name, x)
    def __init__(self, name): self.name = name
a, b = C("a"), C("b")
ma = a.m
print(ma(1), ma.__self__ is a, ma.__func__ is C.m, C.m(b, 2), ma == a.m, ma is a.m)
fs = [a.m, b.m]
print([f(0) for f in fs], sorted(["b", "a"], key=str.upper), list(map(str.strip, [" x "])))
print(type(ma).__name__, ma.__name__, ma.__qualname__, getattr(a, "m")(9))
m2 = "abc".upper
print(m2(), [].append.__name__, (1).__add__(2), "{}".format.__self__)
class Counter:
    n = 0
    def inc(self): self.n += 1; return self
c = Counter()
c.inc().inc().inc()
print(c.n, Counter.n)
a.m = lambda x: "instance attr wins"
print(a.m(1), b.m(1))
