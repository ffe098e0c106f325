"""One document's analysis for the editor: every stage's results for one text, never raising.

`analyze(text)` is what the language server asks for after each change. It runs the recovering
entry points only, so broken code yields results plus diagnostics, never an exception.
"""
from __future__ import annotations

import dataclasses

from pipeline.diagnostics import Diagnostic
from pipeline.highlight import Highlight, highlights
from pipeline.outline import OutlineItem, outline
from pipeline.parser import parse
from pipeline.positions import LineIndex
from pipeline.symtable import build_symtable
from pipeline.tokenizer import Token, tokenize_recovering


@dataclasses.dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    tokens: tuple[Token, ...]
    diagnostics: tuple[Diagnostic, ...]
    highlights: tuple[Highlight, ...]
    tree: object | None          # the module's AST, None while the text has a syntax error
    outline: tuple[OutlineItem, ...]


def analyze(text: str, lines: LineIndex | None = None) -> Analysis:
    """Tokens and highlights always; the tree and outline when the text parses.

    Diagnostics are CPython's SyntaxError for the text (the parser reports the first, as
    CPython does, tokenizer errors included). Recovery past the first syntax error, so the
    rest of a broken file keeps its outline, comes with the editor parse (issue: the parser).
    """
    # The parser reports tokenizer errors too, as CPython's; the recovering tokens feed highlighting.
    tokens, _ = tokenize_recovering(text)
    parsed = parse(text, "<editor>")
    lines = lines or LineIndex(text)
    diagnostics = tuple(_from_syntax_error(e) for e in parsed.errors)
    diagnostics += tuple(_from_warning(w, lines) for w in parsed.warnings)
    items = outline(parsed.tree, lines) if parsed.tree is not None else ()
    table = build_symtable(parsed.tree, "<editor>") if parsed.tree is not None else None
    return Analysis(text, tuple(tokens), diagnostics, tuple(highlights(tokens, parsed.tree, table)), parsed.tree, items)


def _from_syntax_error(e) -> Diagnostic:
    """A parser SyntaxError as a diagnostic; CPython leaves some positions unset (None)."""
    line = e.lineno or 1
    offset = e.offset or 1
    return Diagnostic(e.kind, e.message, line, offset, e.end_lineno or line, e.end_offset or offset + 1)


def _from_warning(w, lines: LineIndex) -> Diagnostic:
    """A parser SyntaxWarning (invalid escape sequences). CPython's warning gives a line only:
    it covers the escape it names when that occurs once on the line, else the line's text."""
    text = lines.line_text(w.lineno)
    escape = w.message[1:w.message.find('"', 1)] if w.message.startswith('"\\') else ""
    if escape and text.count(escape) == 1:
        start = text.index(escape)
        return Diagnostic("SyntaxWarning", w.message, w.lineno, start + 1, w.lineno, start + len(escape) + 1, "warning")
    start = len(text) - len(text.lstrip())
    return Diagnostic("SyntaxWarning", w.message, w.lineno, start + 1, w.lineno, len(text) + 1, "warning")
