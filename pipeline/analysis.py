"""One document's analysis for the editor: every stage's results for one text, never raising.

`analyze(text)` analyses a text from scratch; it is the reference the language server's
incremental analysis (`pipeline.incremental`) must equal after any sequence of edits. It runs the
recovering entry points only, so broken code yields results plus diagnostics, never an exception.
`parse_text` is the one parse step both use; where it fails, `recover` (the editor parse) gives
the tree with ErrorNodes and every syntax error.
"""
from __future__ import annotations

import dataclasses

from pipeline.diagnostics import Diagnostic
from pipeline.editor_parse import parse_for_editor
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
    tree: object                 # the module's AST; with ErrorNodes where statements are broken
    outline: tuple[OutlineItem, ...]
    parses: bool                 # no syntax error: the tree has no ErrorNode and may be compiled


def parse_text(text: str):
    """The parse step: a `ParseResult` (tree, or the errors) for an editor text."""
    return parse(text, "<editor>")


def analyze(text: str, lines: LineIndex | None = None) -> Analysis:
    """Tokens, highlights, tree and outline always, even for broken text.

    Where the text does not parse, the tokens and highlights are those of
    `pipeline.incremental`'s pieces: resynchronised at statements, each piece that parses
    classified from the symbol tables of those that do. Diagnostics are every syntax error the editor parse finds (the first is CPython's for the
    text, tokenizer errors included; each later one CPython's for the text with the earlier
    broken statements removed), then the parser's SyntaxWarnings. A broken text's tree holds an
    ErrorNode for each broken statement, so the rest keeps its outline and AST pane.
    """
    # The parser reports tokenizer errors too, as CPython's; the recovering tokens feed highlighting.
    tokens, token_errors = tokenize_recovering(text)
    parsed = parse_text(text)
    lines = lines or LineIndex(text)
    tree, errors = (parsed.tree, ()) if parsed.tree is not None else recover(text, parsed)
    diagnostics = tuple(diagnostic_from_error(e) for e in errors)
    diagnostics += tuple(diagnostic_from_warning(w, lines) for w in parsed.warnings)
    marks = None
    if parsed.tree is None:
        # Something left open (a bracket, a string) swallows everything below it for the
        # tokenizer; the editor's tokens resynchronise at the next statement nothing closes it
        # before, and the statements that parse keep their names' colours: only the broken
        # statement is coloured by its tokens (see `pipeline.incremental`).
        from pipeline.incremental import Analyzer, needs_whole_text

        if not needs_whole_text(text):
            pieces = Analyzer().analyze(text, lines)
            tokens, marks = pieces.tokens, pieces.highlights
    if marks is None:
        marks = tuple(module_highlights(tokens, parsed.tree))
    return Analysis(text, tuple(tokens), diagnostics, marks, tree, tuple(outline(tree, lines)),
                    parsed.tree is not None)


def recover(text: str, parsed=None):
    """(tree with ErrorNodes, every syntax error) for a text that does not parse; `parsed` is
    `parse_text(text)` when already made."""
    result = parse_for_editor(text, "<editor>", parsed)
    return result.tree, tuple(result.errors)


def module_highlights(tokens, tree) -> list[Highlight]:
    """The highlights of a module's tokens: names classified from its symbol tables when it parses."""
    table = build_symtable(tree, "<editor>") if tree is not None else None
    return highlights(tokens, tree, table)


def diagnostic_from_error(e, shift: int = 0) -> Diagnostic:
    """A parser SyntaxError as a diagnostic, its lines moved by `shift`; CPython leaves some
    positions unset (None)."""
    line = e.lineno or 1
    offset = e.offset or 1
    return Diagnostic(e.kind, e.message, line + shift, offset, (e.end_lineno or line) + shift,
                      e.end_offset or offset + 1)


def diagnostic_from_warning(w, lines: LineIndex, shift: int = 0) -> Diagnostic:
    """A parser SyntaxWarning (invalid escape sequences), its line moved by `shift`. CPython's
    warning gives a line only: it covers the escape it names when that occurs once on the line,
    else the line's text."""
    lineno = w.lineno + shift
    text = lines.line_text(lineno)
    escape = w.message[1:w.message.find('"', 1)] if w.message.startswith('"\\') else ""
    if escape and text.count(escape) == 1:
        start = text.index(escape)
        return Diagnostic("SyntaxWarning", w.message, lineno, start + 1, lineno, start + len(escape) + 1, "warning")
    start = len(text) - len(text.lstrip())
    return Diagnostic("SyntaxWarning", w.message, lineno, start + 1, lineno, len(text) + 1, "warning")
