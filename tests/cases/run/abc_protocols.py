import abc
from collections.abc import Iterable, Sized, Container, Mapping, MutableSequence, Hashable, Callable
class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...
    def describe(self): return f"{type(self).__name__} with area {self.area()}"
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
print(Sq(3).describe())
try:
    Shape()
except TypeError as e:
    print(e)
class Half(Shape): pass
try:
    Half()
except TypeError as e:
    print(e)
class Bag:
    def __len__(self): return 0
    def __iter__(self): return iter(())
    def __contains__(self, x): return False
print(isinstance(Bag(), Sized), isinstance(Bag(), Iterable), isinstance(Bag(), Container), isinstance(Bag(), Mapping))
print(isinstance([], MutableSequence), isinstance({}, Mapping), isinstance([], Hashable), isinstance(len, Callable))
class Virtual(abc.ABC): pass
Virtual.register(int)
print(isinstance(3, Virtual), issubclass(bool, Virtual), issubclass(str, Virtual))
