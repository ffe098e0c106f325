"""One document's analysis for the editor: every stage's results for one text, never raising.

`analyze(text)` analyses a text from scratch; it is the reference the language server's
incremental analysis (`pipeline.incremental`) must equal after any sequence of edits. It runs the
recovering entry points only, so broken code yields results plus diagnostics, never an exception.
`parse_text` is the one parse step both use (the editor parse replaces it in one place).
"""
from __future__ import annotations

import dataclasses

from pipeline.diagnostics import Diagnostic
from pipeline.highlight import Highlight, highlights
from pipeline.outline import OutlineItem, outline
from pipeline.parser import parse
from pipeline.positions import LineIndex
from pipeline.tokenizer import Token, tokenize_recovering


@dataclasses.dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    tokens: tuple[Token, ...]
    diagnostics: tuple[Diagnostic, ...]
    highlights: tuple[Highlight, ...]
    tree: object | None          # the module's AST, None while the text has a syntax error
    outline: tuple[OutlineItem, ...]


def parse_text(text: str):
    """The parse step: a `ParseResult` (tree, or the errors) for an editor text."""
    return parse(text, "<editor>")


def analyze(text: str, lines: LineIndex | None = None) -> Analysis:
    """Tokens and highlights always; the tree and outline when the text parses.

    Diagnostics are CPython's SyntaxError for the text (the parser reports the first, as
    CPython does, tokenizer errors included). Recovery past the first syntax error, so the
    rest of a broken file keeps its outline, comes with the editor parse (issue: the parser).
    """
    # The parser reports tokenizer errors too, as CPython's; the recovering tokens feed highlighting.
    tokens, _ = tokenize_recovering(text)
    parsed = parse_text(text)
    diagnostics = tuple(diagnostic_from_error(e) for e in parsed.errors)
    items = outline(parsed.tree, lines or LineIndex(text)) if parsed.tree is not None else ()
    return Analysis(text, tuple(tokens), diagnostics, tuple(highlights(tokens)), parsed.tree, items)


def diagnostic_from_error(e, shift: int = 0) -> Diagnostic:
    """A parser SyntaxError as a diagnostic, its lines moved by `shift`; CPython leaves some
    positions unset (None)."""
    line = e.lineno or 1
    offset = e.offset or 1
    return Diagnostic(e.kind, e.message, line + shift, offset, (e.end_lineno or line) + shift,
                      e.end_offset or offset + 1)
