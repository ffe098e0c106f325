"""Fold hints: `= <value>` after each expression the compiler folded to a constant.

`fold_hints(folds, lines)` turns the compiler's folding report (`CompileResult.folds`, in the
order the flowgraph made them, nested code included) into what an editor shows: one hint per
outermost folded expression (`2 + 3 * 4` shows `= 14`, not also `= 12` for `3 * 4`), placed at
the expression's end. A fold whose value reads exactly like its source (`-1`, `(1, 2)`) says
nothing new and is left out. Plain values; `server/` makes them LSP inlay hints.
"""
from __future__ import annotations

import dataclasses

from pipeline.positions import LineIndex


@dataclasses.dataclass(frozen=True, slots=True)
class FoldHint:
    """A hint at (1-based line, character column): `label` is `= <repr of the constant>`;
    `span` is the folded expression (line, character column, end line, end character column)."""
    line: int
    col: int
    label: str
    span: tuple[int, int, int, int]


def fold_hints(folds, lines: LineIndex) -> list[FoldHint]:
    """Hints for the outermost folds, in source order, one per expression."""
    spans = {}
    for fold in folds:
        key = (fold.lineno, fold.col_offset, fold.end_lineno, fold.end_col_offset)
        if fold.col_offset < 0 or fold.end_col_offset < 0:
            continue
        spans[key] = fold.value_repr  # a later fold of the same expression is its final value
    keys = sorted(spans, key=lambda k: ((k[0], k[1]), (-k[2], -k[3])))
    out: list[FoldHint] = []
    outer = None
    for key in keys:
        if outer is not None and (outer[0], outer[1]) <= (key[0], key[1]) and (key[2], key[3]) <= (outer[2], outer[3]):
            continue  # inside an expression already hinted
        outer = key
        line, col, end_line, end_col = key
        span = (line, lines.utf8_to_char(line, col), end_line, lines.utf8_to_char(end_line, end_col))
        value = spans[key]
        if _squeeze(_source(lines, span)) == _squeeze(value):
            continue
        out.append(FoldHint(span[2], span[3], f"= {value}", span))
    return out


def _source(lines: LineIndex, span) -> str:
    line, col, end_line, end_col = span
    return lines.text[lines.offset(line, col):lines.offset(end_line, end_col)]


def _squeeze(text: str) -> str:
    return "".join(text.split())
