class Base:
    def __init_subclass__(cls, /, name=None, func=None, bases=None, **kw):
        super().__init_subclass__(**kw)
        cls.info = (name, func, bases)


class A(Base, name="a", func=len, bases=3):
    pass


class Meta(type):
    def __new__(mcls, name, bases, ns, /, **kwds):
        ns["kwds"] = sorted(kwds)
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, /, **kwds):
        super().__init__(name, bases, ns)


class B(metaclass=Meta, name=1, func=2):
    pass


print(A.info, B.kwds)
