class Temperature:
    def __init__(self): self._c = 0
    @property
    def celsius(self):
        "the temperature in C"
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    fahrenheit = property(lambda self: self._c * 9 / 5 + 32)
t = Temperature()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temperature.celsius.__doc__)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(e)
try:
    t.celsius = -500
except ValueError as e:
    print(e)
del t.celsius
print(t.celsius)
class Cached:
    calls = 0
    @property
    def value(self):
        if "_v" not in self.__dict__:
            Cached.calls += 1
            self._v = 42
        return self._v
c = Cached()
print(c.value, c.value, Cached.calls, isinstance(Cached.value, property))
import functools
class Lazy:
    @functools.cached_property
    def data(self):
        print("computing")
        return [1, 2]
l = Lazy()
print(l.data, l.data, "data" in vars(l))
