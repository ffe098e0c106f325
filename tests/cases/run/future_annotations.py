from __future__ import annotations
from dataclasses import dataclass
import typing

x: int = 5
y: list[Undefined]

def f(a: int, b: "str" = "s", *args: float, c: Node | None = None, **kw: dict) -> list[int]:
    return [a]

@dataclass
class Node:
    value: int
    children: list[Node]

print(__annotations__)
print(f.__annotations__)
print(Node.__annotations__, Node(1, []))
print(typing.get_type_hints(f, localns={"Node": Node}))
class Plain:
    attr: SomeType
    other: int = 3
print(Plain.__annotations__, Plain.other)
