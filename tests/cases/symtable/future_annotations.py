"""Docstring first."""
from __future__ import annotations

x: int


class K:
    a: int

    def m(self, v: K) -> K:
        return v


def f(a: undefined) -> also_undefined:
    b: int = 1
    return b
