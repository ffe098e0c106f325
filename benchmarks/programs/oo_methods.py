"""Class-heavy code: a small vector/shape hierarchy with properties, dunder methods, super() and
virtual dispatch (method calls, attribute loads and stores)."""


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Shape:
    def __init__(self, origin):
        self.origin = origin

    def area(self):
        raise NotImplementedError

    def moved(self, delta):
        return type(self).at(self.origin + delta, self)

    @property
    def weight(self):
        return self.area() * 0.5 + self.origin.dot(self.origin)


class Rect(Shape):
    def __init__(self, origin, w, h):
        super().__init__(origin)
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    @classmethod
    def at(cls, origin, like):
        return cls(origin, like.w, like.h)


class Square(Rect):
    def __init__(self, origin, side):
        super().__init__(origin, side, side)

    @classmethod
    def at(cls, origin, like):
        return cls(origin, like.w)


class Circle(Shape):
    def __init__(self, origin, r):
        super().__init__(origin)
        self.r = r

    def area(self):
        return 3 * self.r * self.r

    @classmethod
    def at(cls, origin, like):
        return cls(origin, like.r)


def main(rounds=600):
    shapes = []
    for i in range(30):
        o = Vec(i % 7, i % 5)
        shapes.append(Rect(o, i % 4 + 1, i % 3 + 1) if i % 3 == 0
                      else Square(o, i % 6 + 1) if i % 3 == 1 else Circle(o, i % 5 + 1))
    delta = Vec(1, -1)
    total = 0.0
    for _ in range(rounds):
        shapes = [s.moved(delta.scale(1)) for s in shapes]
        total += sum(s.weight for s in shapes)
    print(round(total, 3), sum(s.area() for s in shapes))


main()
