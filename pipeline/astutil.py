"""Walking `pipeline.astnodes` trees: CPython's `ast` helpers, for immutable nodes with tuple sequences.

`iter_fields`, `iter_child_nodes`, `walk` and `NodeVisitor` behave like their `ast` namesakes,
except that sequences are tuples and nodes cannot be changed in place (no NodeTransformer; build
new nodes, e.g. with `dataclasses.replace`). Location attributes are not fields and are not
visited.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from pipeline.astdump import dump
from pipeline.astnodes import AST

__all__ = ["iter_fields", "iter_child_nodes", "walk", "NodeVisitor", "dump"]


def iter_fields(node: AST) -> Iterator[tuple[str, Any]]:
    """Yield `(name, value)` for each field of `node`, in `_fields` order."""
    for name in node._fields:
        yield name, getattr(node, name)


def iter_child_nodes(node: AST) -> Iterator[AST]:
    """Yield the direct child nodes, in field order: field values that are nodes and the nodes
    inside sequence fields (tuples; lists are accepted too). None entries, as in `Dict.keys`,
    and strings are skipped."""
    for name in node._fields:
        value = getattr(node, name)
        if isinstance(value, AST):
            yield value
        elif isinstance(value, (tuple, list)):
            for item in value:
                if isinstance(item, AST):
                    yield item


def walk(node: AST) -> Iterator[AST]:
    """Yield `node` and all its descendants, breadth first (the order `ast.walk` uses)."""
    todo = deque([node])
    while todo:
        node = todo.popleft()
        todo.extend(iter_child_nodes(node))
        yield node


class NodeVisitor:
    """Visit a tree: `visit(node)` calls `self.visit_<ClassName>(node)` if defined, else
    `generic_visit(node)`, which visits the children in field order. Returns what the visitor
    method returns (generic_visit returns None)."""

    def visit(self, node: AST) -> Any:
        method = getattr(self, "visit_" + type(node).__name__, None)
        if method is None:
            return self.generic_visit(node)
        return method(node)

    def generic_visit(self, node: AST) -> None:
        for child in iter_child_nodes(node):
            self.visit(child)
