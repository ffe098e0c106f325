class Typed:
    def __init__(self, kind): self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, owner=None):
        if obj is None: return self
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)
class NonData:
    def __get__(self, obj, owner=None):
        return "from descriptor"
class P:
    x = Typed(int)
    y = Typed(str)
    nd = NonData()
p = P()
p.x = 1; p.y = "a"
print(p.x, p.y, type(P.x).__name__)
try:
    p.x = "bad"
except TypeError as e:
    print(e)
print(p.nd)
p.__dict__["nd"] = "instance wins"
print(p.nd)
p.__dict__["x"] = "ignored"
print(p.x)
class Method:
    def __get__(self, obj, owner):
        return lambda *a: (obj is not None, owner.__name__, a)
class Q:
    m = Method()
print(Q().m(1), Q.m(2))
def plain(self): return self
bound = plain.__get__(5)
print(bound(), type(bound).__name__)
