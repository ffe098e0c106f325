from abc import ABC, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self): ...

try:
    Shape()
except TypeError as e:
    print(e)

class Left: pass
class Child(Left): pass
try:
    class Bad(Left, Child):
        pass
except TypeError as e:
    print(e)
