class Base:
    def __init__(self, **kw):
        print("Base init", sorted(kw))
        super().__init__()
    def who(self):
        return ["Base"]

class Left(Base):
    def __init__(self, left=None, **kw):
        print("Left init", left)
        super().__init__(**kw)
    def who(self):
        return ["Left"] + super().who()

class Right(Base):
    def __init__(self, right=None, **kw):
        print("Right init", right)
        super().__init__(**kw)
    def who(self):
        return ["Right"] + super().who()

class Child(Left, Right):
    def __init__(self):
        super().__init__(left=1, right=2, extra=3)
    def who(self):
        return ["Child"] + super().who()

c = Child()
print(c.who())
print([k.__name__ for k in Child.__mro__])
print(issubclass(Child, Base), isinstance(c, Right), Child.__bases__)

class A:
    def f(self):
        return "A.f"
class B(A):
    def f(self):
        return "B.f>" + super(B, self).f()
print(B().f(), super(B, B()).f())

