import weakref
class P:
    __slots__ = ("x", "y", "__weakref__")
    def __init__(self, x, y): self.x, self.y = x, y
p = P(1, 2)
r = weakref.ref(p)
print(r() is p, r().x, P.__slots__, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print(e)
class Q(P):
    pass
q = Q(3, 4)
q.extra = "subclass has a dict"
print(q.extra, q.x)
class NoWeak:
    __slots__ = ("a",)
try:
    weakref.ref(NoWeak())
except TypeError as e:
    print(e)
class Plain: pass
obj = Plain()
d = weakref.WeakValueDictionary()
d["k"] = obj
print("k" in d, len(d))
print(type(P.x).__name__)
