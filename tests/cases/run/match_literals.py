def describe(x):
    match x:
        case 0 | 0.0:
            return "zero"
        case True:
            return "true"
        case None:
            return "none"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int() | float():
            return f"number {x}"
        case "":
            return "empty string"
        case str(s) if s.isdigit():
            return f"digit string {s}"
        case str():
            return f"string {x!r}"
        case b"raw":
            return "bytes raw"
        case -1.5:
            return "minus one and a half"
        case 1+2j:
            return "complex"
        case _:
            return f"other {type(x).__name__}"
for v in [0, 0.0, True, False, None, -3, 7, 2.5, "", "42", "hi", b"raw", -1.5, 1+2j, [1]]:
    print(repr(v), "->", describe(v))
