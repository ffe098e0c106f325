"""One document's analysis for the editor: every stage's results for one text, never raising.

`analyze(text)` is what the language server asks for after each change. It runs the recovering
entry points only, so broken code yields results plus diagnostics, never an exception.
"""
from __future__ import annotations

import dataclasses

from pipeline.diagnostics import Diagnostic
from pipeline.highlight import Highlight, highlights
from pipeline.tokenizer import Token, tokenize_recovering


@dataclasses.dataclass(frozen=True, slots=True)
class Analysis:
    text: str
    tokens: tuple[Token, ...]
    diagnostics: tuple[Diagnostic, ...]
    highlights: tuple[Highlight, ...]


def analyze(text: str) -> Analysis:
    tokens, errors = tokenize_recovering(text)
    diagnostics = tuple(
        Diagnostic(e.kind, e.message, e.lineno, e.offset,
                   e.end_lineno if e.end_lineno is not None else e.lineno,
                   e.end_offset if e.end_offset is not None else e.offset + 1)
        for e in errors)
    return Analysis(text, tuple(tokens), diagnostics, tuple(highlights(tokens)))
