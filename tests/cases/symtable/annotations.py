x: int
y: "str" = "a"
(z): float = 1.0
obj.attr: int = 1
lst[0]: int = 2

if x:
    cond: bool


class Annotated:
    a: int
    b: list[a] = []
    if a:
        c: str
    for i in range(3):
        d: int


def f(a: int, /, b: str = "", *args: tuple, c: bytes, **kw: dict) -> None:
    local: int = 1
    other: undefined_name
    return local


def no_annotations(a, b):
    return a


lam = lambda q, *r, s=1, **t: (q, r, s, t)
