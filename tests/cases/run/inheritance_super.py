class A:
    def who(self): return ["A"]
    def __init__(self): self.trail = ["A.init"]
class B(A):
    def who(self): return ["B"] + super().who()
    def __init__(self):
        super().__init__()
        self.trail.append("B.init")
class C(A):
    def who(self): return ["C"] + super().who()
    def __init__(self):
        super().__init__()
        self.trail.append("C.init")
class D(B, C):
    def who(self): return ["D"] + super().who()
    def __init__(self):
        super().__init__()
        self.trail.append("D.init")
d = D()
print(d.who(), d.trail, [k.__name__ for k in D.__mro__])
print(super(B, d).who(), super(C, d).who())
print(isinstance(d, A), issubclass(D, C), issubclass(C, B), D.__bases__)
try:
    class X(A, B): pass
except TypeError as e:
    print(e)
class Base:
    @classmethod
    def make(cls): return cls.__name__
class Derived(Base):
    @classmethod
    def make(cls): return "derived:" + super().make()
print(Derived.make())
class S(str):
    def upper(self): return "[" + super().upper() + "]"
print(S("abc").upper(), len(S("xy")), S("a") + "b")
