class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *rest, **kw): return self.n + x + sum(rest) + sum(kw.values())
add5 = Adder(5)
print(add5(1), add5(1, 2, 3, k=4), callable(add5), callable(Adder), list(map(add5, [1, 2])))
class Key:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, Key) and self.k.lower() == o.k.lower()
    def __hash__(self): return hash(self.k.lower())
d = {Key("A"): 1}
d[Key("a")] = 2
print(len(d), d[Key("A")])
class NoHash:
    def __eq__(self, o): return True
try:
    hash(NoHash())
except TypeError as e:
    print(e)
print(NoHash.__hash__)
class Fmt:
    def __format__(self, spec): return f"<{spec or 'none'}>"
    def __str__(self): return "str!"
    def __repr__(self): return "repr!"
f = Fmt()
print(f"{f} {f:xyz} {f!s} {f!r}", format(f, "q"), str(f), repr(f), [f])
class B:
    def __bytes__(self): return b"raw"
print(bytes(B()))
class Sized:
    def __len__(self): return 0
print(bool(Sized()), len(Sized()))
