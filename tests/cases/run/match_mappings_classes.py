from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center, self.r = center, r
def area(shape):
    match shape:
        case Circle(Point(0, 0), r):
            return f"origin circle r={r}"
        case Circle(center=Point(x=x), r=r) if r > 10:
            return f"big circle at x={x}"
        case Circle(_, r):
            return f"circle r={r}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "point"
        case {"type": "rect", "w": w, "h": h, **rest}:
            return f"rect {w * h} extra={rest}"
        case {"type": t}:
            return f"unknown type {t}"
        case str() | bytes() as text:
            return f"text {text!r}"
    return "no match"
for s in [Circle(Point(0, 0), 2), Circle(Point(5, 1), 20), Circle(Point(1, 1), 3), Point(0, 0), Point(4, 4), Point(1, 2),
          {"type": "rect", "w": 2, "h": 3, "color": "red"}, {"type": "hex"}, {"w": 1}, "hi", b"x", 5]:
    print(area(s))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(e)
match 5:
    case int(x):
        print("int self-match", x)
