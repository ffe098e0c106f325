"""What a bytecode hover shows: for a source line, the instructions CPython 3.14 emits for it.

For every code object with instructions on the line (the line `dis` attributes each instruction
to), its qualified name and those instructions' lines exactly as `dis` prints them. A span
narrows the listing to instructions whose source positions fall inside it (a sub-expression).
"""
from __future__ import annotations

import dataclasses

from pipeline.codeobject import CodeObject
from pipeline.disassemble import instruction_lines, walk_code

Span = tuple[int, int, int, int]  # line, UTF-8 column, end line, end UTF-8 column (AST's)


@dataclasses.dataclass(frozen=True, slots=True)
class Listing:
    code_name: str                 # co_qualname: `<module>`, `C.method`, `f.<locals>.<lambda>`
    lines: tuple[str, ...]         # dis's text for the instructions, in order
    opnames: tuple[str, ...]       # the distinct opcodes among them, in order of appearance


class HoverIndex:
    """A module's instructions grouped by the source line `dis` attributes them to, built once per
    compiled version of a document so each hover is a dictionary lookup."""

    def __init__(self, module: CodeObject):
        self._by_line: dict[int, list[tuple[str, list]]] = {}
        for code in walk_code(module):
            rows: dict[int, list] = {}
            for instr, text in instruction_lines(code):
                if instr.line_number is not None:
                    rows.setdefault(instr.line_number, []).append((instr, text))
            for line, picked in rows.items():
                self._by_line.setdefault(line, []).append((code.co_qualname, picked))

    def listings(self, line: int, span: Span | None = None) -> list[Listing]:
        return listings_of(self._by_line.get(line, ()), span)


def listings_of(rows, span: Span | None = None) -> list[Listing]:
    """The listings of one line's rows ([(code object name, [(instruction, dis text), ...])]),
    each narrowed to the instructions whose positions fall inside `span` when given."""
    out = []
    for name, picked in rows:
        if span is not None:
            picked = [(instr, text) for instr, text in picked if _inside(instr.positions, span)]
        if picked:
            opnames = tuple(dict.fromkeys(instr.opname for instr, _ in picked))
            out.append(Listing(name, tuple(text for _, text in picked), opnames))
    return out


def _inside(positions, span: Span) -> bool:
    lineno, end_lineno, col, end_col = positions
    if None in (lineno, end_lineno, col, end_col):
        return False
    line, c, end_line, end_c = span
    return (line, c) <= (lineno, col) and (end_lineno, end_col) <= (end_line, end_c)


def disassembly(module: CodeObject) -> tuple[str, list[tuple | None]]:
    """The module's whole `dis` text (`disassemble`, as `python -m dis` prints it) and, per output
    line, the positions (lineno, end_lineno, col, end_col; AST columns) of the instruction that
    line shows, or None for headers, blank lines, exception-table lines and instructions
    without a position."""
    from pipeline.disassemble import disassemble

    text = disassemble(module)
    expected = [(text_line, instr.positions) for code in walk_code(module)
                for instr, text_line in instruction_lines(code)]
    positions: list[tuple | None] = []
    at = 0
    for row in text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"):
        if at < len(expected) and row == expected[at][0]:
            found = expected[at][1]
            positions.append(None if found[0] is None or found[0] < 1 else found)
            at += 1
        else:
            positions.append(None)
    return text, positions
