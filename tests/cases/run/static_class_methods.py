class Temp:
    scale = "C"
    def __init__(self, deg):
        self.deg = deg
    @classmethod
    def from_f(cls, f):
        return cls(round((f - 32) * 5 / 9, 2))
    @staticmethod
    def valid(d):
        return d > -273.15
    def __repr__(self):
        return f"{type(self).__name__}({self.deg}{self.scale})"
class Kelvinish(Temp):
    scale = "K?"
print(Temp.from_f(212), Kelvinish.from_f(32), Temp.valid(-300), Temp(1).valid(5))
print(type(Temp.__dict__["from_f"]).__name__, type(Temp.__dict__["valid"]).__name__)
m = Temp(3).from_f
print(m.__self__, m.__func__.__name__)
sm = staticmethod(len)
print(sm("abc") if callable(sm) else sm.__func__("abc"))
class Reg:
    items = []
    @classmethod
    def add(cls, x):
        cls.items = cls.items + [x]
        return cls
class Sub(Reg): pass
Reg.add(1); Sub.add(2)
print(Reg.items, Sub.items)
