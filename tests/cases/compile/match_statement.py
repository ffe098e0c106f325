def classify(point):
    match point:
        case (0, 0):
            return "origin"
        case (x, 0) if x > 0:
            return f"x={x}"
        case [1, *rest]:
            return rest
        case {"kind": "circle", "r": r, **others}:
            return r, others
        case Point(x=0, y=yy) | Point(x=yy, y=0):
            return yy
        case -1 | 2.5 | 1 + 2j | None | True:
            return "literal"
        case str() as s:
            return s
        case _:
            return None
