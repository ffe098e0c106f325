from dataclasses import dataclass

@dataclass
class Point:
    x: int
    y: int

def describe(obj):
    match obj:
        case 0 | 1:
            return "small int"
        case int(n) if n > 100:
            return f"big {n}"
        case str() as s:
            return f"string {s!r}"
        case [x, y, *rest]:
            return f"seq {x} {y} {rest}"
        case {"type": "circle", "r": r, **others}:
            return f"circle {r} {others}"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, y):
            return f"point {x},{y}"
        case None:
            return "none"
        case _:
            return "other"

for v in [0, 1, 500, 7, "hi", [1, 2, 3, 4], (5, 6), {"type": "circle", "r": 2, "c": "red"},
          Point(0, 3), Point(1, 2), None, 3.5, [1]]:
    print(describe(v))

def command(cmd):
    match cmd.split():
        case ["go", ("north" | "south") as d]:
            return "going " + d
        case ["quit"]:
            return "bye"
        case [verb, *_]:
            return "unknown " + verb

print(command("go north"), command("quit"), command("dance now"))
match {"a": 1}:
    case {"b": _}:
        print("no")
    case {"a": 1}:
        print("yes")
