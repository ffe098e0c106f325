from collections import namedtuple
from typing import NamedTuple
t = (1, 2, 3)
print(t.count(2), t.index(3), t + (4,), t * 2, t[1:], len(t), (1,) < (1, 0), ())
a, b, c = t
print(a, b, c)
Point = namedtuple("Point", "x y", defaults=[0])
p = Point(1)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), Point._fields, Point._make([3, 4]))
class Emp(NamedTuple):
    name: str
    dept: str = "eng"
    def badge(self):
        return f"{self.name}@{self.dept}"
e = Emp("ann")
print(e, e.badge(), e._fields, Emp.__annotations__ if hasattr(Emp, "__annotations__") else None, e == ("ann", "eng"))
x, y = Point(7, 8)
print(x + y, sorted([Point(2, 1), Point(1, 5)]), max(Point(1, 2)))
try:
    p.x = 3
except AttributeError as e:
    print(e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(e)
print(tuple("ab"), tuple(range(3)), tuple({1: 0}), hash((1, 2)) == hash((1, 2)), (1, [2])[1])
