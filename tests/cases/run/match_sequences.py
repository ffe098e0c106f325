def shape(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y]:
            return f"two {x},{y}"
        case [0, *rest]:
            return f"starts with zero, rest {rest}"
        case [*init, "end"]:
            return f"ends with end after {init}"
        case [first, *_, last] if first == last:
            return f"bookends {first}"
        case [[a, b], [c, d]]:
            return f"2x2 {a + b + c + d}"
        case (x, y, z):
            return f"triple {x}{y}{z}"
        case _:
            return "long"
for s in [[], [1], (1, 2), [0, 5, 6], ["a", "b", "end"], [3, 4, 5, 3], [[1, 2], [3, 4]], (1, 2, 3), list(range(8)), "ab", range(2)]:
    print(repr(s), "->", shape(s))
match {"a": 1}:
    case [*_]:
        print("sequence?")
    case _:
        print("dicts are not sequences")
