"""The outline of a module: its definitions as a tree of plain values, from our AST.

Classes, functions (methods inside classes), their nested definitions, module- and class-level
assignments and type aliases, with definitions under `if`/`try`/`with`/`for`/`while`/`match` at
the same level as the statement holding them (`if TYPE_CHECKING:` imports and fallbacks).
Spans are (1-based line, character column) pairs, end exclusive, as everywhere in `pipeline/`;
`name_span` is the defined name itself (what an editor selects), `span` the whole statement.
"""
from __future__ import annotations

import dataclasses
import re

from pipeline import astnodes as A
from pipeline.positions import LineIndex

Span = tuple[int, int, int, int]  # line, column, end line, end column


@dataclasses.dataclass(frozen=True, slots=True)
class OutlineItem:
    name: str
    kind: str            # "class", "function", "method", "variable", "constant", "type alias"
    span: Span
    name_span: Span
    children: tuple["OutlineItem", ...] = ()


_DEF_NAME = re.compile(r"(?:async\s+)?(?:def|class|type)\s+(\w+)")
_BLOCKS = (A.If, A.Try, A.TryStar, A.With, A.AsyncWith, A.For, A.AsyncFor, A.While)


def outline(tree: A.Module, lines: LineIndex) -> tuple[OutlineItem, ...]:
    """The outline of a module tree; `lines` is the index of the text it was parsed from."""
    return tuple(_items(tree.body, lines, in_class=False, top=True))


def _span(node, lines: LineIndex) -> Span:
    return (node.lineno, lines.utf8_to_char(node.lineno, node.col_offset),
            node.end_lineno, lines.utf8_to_char(node.end_lineno, node.end_col_offset))


def _name_span(node, lines: LineIndex) -> Span:
    """The span of the name after `def`/`class`/`type`, found on the statement's first line."""
    line, col = node.lineno, lines.utf8_to_char(node.lineno, node.col_offset)
    match = _DEF_NAME.match(lines.line_text(line), col)
    if match is None:  # a line continuation between keyword and name: select the keyword
        return line, col, line, col
    return line, match.start(1), line, match.end(1)


def _items(body, lines: LineIndex, *, in_class: bool, top: bool):
    for stmt in body:
        if isinstance(stmt, A.ClassDef):
            yield OutlineItem(stmt.name, "class", _span(stmt, lines), _name_span(stmt, lines),
                              tuple(_items(stmt.body, lines, in_class=True, top=False)))
        elif isinstance(stmt, (A.FunctionDef, A.AsyncFunctionDef)):
            yield OutlineItem(stmt.name, "method" if in_class else "function", _span(stmt, lines),
                              _name_span(stmt, lines),
                              tuple(_items(stmt.body, lines, in_class=False, top=False)))
        elif isinstance(stmt, A.TypeAlias) and (top or in_class):
            yield OutlineItem(stmt.name.id, "type alias", _span(stmt, lines), _span(stmt.name, lines))
        elif isinstance(stmt, (A.Assign, A.AnnAssign)) and (top or in_class):
            targets = stmt.targets if isinstance(stmt, A.Assign) else (stmt.target,)
            for target in targets:
                for name in _assigned_names(target):
                    kind = "constant" if name.id.isupper() else "variable"
                    yield OutlineItem(name.id, kind, _span(stmt, lines), _span(name, lines))
        elif isinstance(stmt, _BLOCKS):
            for part in (stmt.body, getattr(stmt, "orelse", ()), getattr(stmt, "finalbody", ())):
                yield from _items(part, lines, in_class=in_class, top=top)
            for handler in getattr(stmt, "handlers", ()):
                yield from _items(handler.body, lines, in_class=in_class, top=top)
        elif isinstance(stmt, A.Match):
            for case in stmt.cases:
                yield from _items(case.body, lines, in_class=in_class, top=top)


def _assigned_names(target):
    if isinstance(target, A.Name):
        yield target
    elif isinstance(target, (A.Tuple, A.List)):
        for element in target.elts:
            yield from _assigned_names(element.value if isinstance(element, A.Starred) else element)
