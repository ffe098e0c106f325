from enum import Enum

class Color(Enum):
    RED = 1
    BLUE = 2

class Shape:
    __match_args__ = ("kind", "size")
    def __init__(self, kind, size):
        self.kind = kind
        self.size = size

def classify(v):
    match v:
        case Color.RED:
            return "red"
        case Shape("circle", size) if size > 10:
            return f"big circle {size}"
        case Shape("circle" | "disc", _):
            return "small round"
        case Shape(kind=k):
            return f"shape {k}"
        case (1, 2) | [3, 4]:
            return "pair"
        case {"id": int(i), **rest} if not rest:
            return f"id only {i}"
        case {"id": i}:
            return f"id {i} with extras"
        case float() | complex():
            return "non-int number"
        case bool(b):
            return f"bool {b}"
        case str(s) if len(s) > 3:
            return "long string"
        case [*_, last] if last == "end":
            return "ends with end"
        case _:
            return "unknown"

for v in [Color.RED, Color.BLUE, Shape("circle", 20), Shape("disc", 1), Shape("square", 2),
          (1, 2), [3, 4], {"id": 5}, {"id": 6, "x": 1}, 2.5, 1j, True, "hello", "hi",
          ["a", "end"], []]:
    print(classify(v))

try:
    match Shape("a", 1):
        case Shape(1, 2, 3):
            pass
except TypeError as e:
    print(e)
