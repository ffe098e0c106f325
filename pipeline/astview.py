"""The AST pane's data: a tree as labelled plain values, and the chain of nodes under a position.

Labels are `ast.dump`-style and short: the node type with its scalar fields
(`Name(id='x')`, `FunctionDef(name='add')`, `Constant(value=14)`); child nodes are children of
the view, each with the field it sits in (`body[0]`, `value`). Expression contexts
(`Load`/`Store`/`Del`) are left out: they say nothing the parent's label does not.
Spans are (1-based line, character column) pairs, end exclusive; None for nodes CPython gives
no position (operators, `arguments`, `comprehension`).
"""
from __future__ import annotations

import dataclasses

from pipeline import astnodes as A
from pipeline.astdump import repr314
from pipeline.positions import LineIndex

Span = tuple[int, int, int, int]


@dataclasses.dataclass(frozen=True, slots=True)
class ViewNode:
    type: str
    field: str               # where the node sits in its parent ("" for the root)
    label: str
    span: Span | None
    children: tuple["ViewNode", ...]


def label(node: A.AST) -> str:
    scalars = [f"{name}={repr314(value)}" for name, value in _fields(node)
               if not isinstance(value, (A.AST, tuple)) and value is not None]
    name = type(node).__name__
    return f"{name}({', '.join(scalars)})" if scalars else name


def ast_view(tree: A.AST, lines: LineIndex, field: str = "") -> ViewNode:
    return ViewNode(type(tree).__name__, field, label(tree), _span(tree, lines),
                    tuple(ast_view(child, lines, where) for where, child in _children(tree)))


def ast_path(tree: A.AST, lines: LineIndex, line: int, col: int) -> list[ViewNode]:
    """The nodes whose span holds (line, character column), outermost first, without children."""
    path = []
    node, field = tree, ""
    while node is not None:
        path.append(ViewNode(type(node).__name__, field, label(node), _span(node, lines), ()))
        node, field = _child_at(node, lines, (line, col))
    return path


def _child_at(node, lines, point):
    # Children without a span (arguments, comprehension) are looked through, not stopped at.
    for where, child in _children(node):
        span = _span(child, lines)
        if span is None:
            inner, _ = _child_at(child, lines, point)
            if inner is not None:
                return child, where
        elif (span[0], span[1]) <= point < (span[2], span[3]):
            return child, where
    return None, ""


def _fields(node):
    return [(name, getattr(node, name)) for name in node._fields]


def _children(node):
    for name, value in _fields(node):
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, A.AST):
                    yield f"{name}[{index}]", item
        elif isinstance(value, A.AST) and not isinstance(value, A.expr_context):
            yield name, value


def _span(node, lines: LineIndex) -> Span | None:
    if getattr(node, "lineno", None) is None or getattr(node, "end_lineno", None) is None:
        return None
    return (node.lineno, lines.utf8_to_char(node.lineno, node.col_offset),
            node.end_lineno, lines.utf8_to_char(node.end_lineno, node.end_col_offset))
