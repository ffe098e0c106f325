class Shape:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must define area()")
class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
class Blob(Shape):
    pass
for shape in [Square(2), Blob()]:
    print(type(shape).__name__, shape.area())
