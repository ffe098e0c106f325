from __future__ import annotations
x: dict[str, int | None] = {}
def f(a: A.B[C], *args: tuple[()], b: -1 = 2, **kw: 0 if 1 else 2) -> Callable[[int], ...]:
    pass
class K:
    attr: list[K]
