match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0):
        print("Origin")
    case Point(x, y=0) | Point(0, y):
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case {1: _, "a": [1, 2, *_]}:
        pass
    case -1 | 1.5 | -2 + 3j | 4 - 5j | "s" "t" | b"" | None | True | False:
        pass
    case a.b.c if a > 1:
        pass
    case (1, 2) | [3, *rest] | ():
        pass
    case str() as s:
        pass
    case _:
        pass
match x, *y:
    case 1, 2:
        pass
match = 1
match.foo = case = _ = type = 2
print(match, case)
