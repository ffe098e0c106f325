class A: pass
class B(): pass
class C(A, B): pass
class D(A, metaclass=M, **kw): pass
class E(*bases): pass
@dec
class F:
    x: int
    y: int = 1
    def method(self):
        return super().method()
    @property
    def prop(self): ...
    class Inner:
        pass
