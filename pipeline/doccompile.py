"""A document version's compile, assembled from its pieces' compiles (`pipeline.partial_compile`).

The editor analysis (`pipeline.incremental`) holds a text as pieces: top-level statement runs,
and inside a top-level class each member with the class's header. Each piece is compiled once,
at its own coordinates, and kept with it (`compile_piece`); a version's diagnostics and fold
hints are `partial_compile.compose` of its pieces' compiles moved into place, equal to what
compiling the whole module reports. So a keystroke compiles one member, not the module.

Hovers read the piece that owns the line (its own code objects alone have instructions there),
moved into place. Lines no piece owns (a class header, a top-level statement's first line: their
instructions belong to the module's or the class body's code, which depend on every sibling) and
documents where composing is not exact (`partial_compile.exact` gives a reason: `global` at module
or class level, `from __future__`) take the whole module compiled (`listings` answers None).
"""
from __future__ import annotations

from pipeline.partial_compile import ModuleFacts, compile_part, compose, exact, live, module_facts

__all__ = ["DocumentCompile", "compile_document"]


class DocumentCompile:
    """One version's compile from its pieces: `errors`, `warnings` and `folds` as
    `compile_module(whole tree)` reports them; `listings(line, span)` for owned lines."""

    def __init__(self, entries, errors, warnings, folds, filename, facts):
        self._entries = entries      # (PartCompile at its own coordinates, shift, live, first, last line, piece)
        self.errors = errors
        self.warnings = warnings
        self.folds = () if errors else folds   # as a compile that stops on an error has none
        self._filename = filename
        self._facts = facts

    @property
    def compiles(self) -> bool:
        return not self.errors

    def listings(self, line: int, span=None):
        """The hover listings of `line` (narrowed to `span`) when a piece owns it; [] on lines
        of pieces without code; None when only the whole module's code can tell."""
        for part, shift, alive, first, last, piece in self._entries:
            if not first <= line <= last:
                continue
            if part is None:
                return []   # comments and blank lines only
            if not part.first_line <= line - shift <= part.last_line:
                return []   # the blank and comment lines after the piece's last statement
            if not part.owns(line - shift):
                return None
            return _placed(piece, shift, self._filename, self._facts).listings(line, span, alive)
        return None


def _placed(piece, shift: int, filename: str, facts: ModuleFacts):
    """The piece compiled at its place in the document (code objects hold their lines, and a
    nested class its `__firstlineno__`, so listings are made from a compile where they are),
    kept with the piece for the last place asked."""
    from pipeline.incremental import Part, shift_node

    cached = piece.memo.get("placed")
    if cached is not None and cached[:2] == (shift, filename) and cached[2].valid_for(facts):
        return cached[2]
    statements = tuple(shift_node(s, shift) for s in piece.statements)
    classes = (shift_node(piece.classdef, shift),) if isinstance(piece, Part) else ()
    found = compile_part(statements, classes, filename, facts)
    piece.memo["placed"] = (shift, filename, found)
    return found


def _pieces(analysis):
    """(piece, statements, enclosing classes, shift, first line, last line) of each piece with
    statements, in document order, the statements in the piece's own coordinates."""
    from pipeline.incremental import ClassChunk

    for start, chunk in analysis.chunks:
        if isinstance(chunk, ClassChunk):
            for shift, piece in chunk.segments():
                if piece.text is None:
                    continue   # the header: compiled with each member
                first = start - 1 + shift + piece.first
                yield piece, piece.statements, (piece.classdef,), start - 1 + shift, first, first + _lines(piece.text) - 1
        else:
            yield chunk, chunk.statements, (), start - 1, start, start + _lines(chunk.text) - 1


def _lines(text: str) -> int:
    """How many lines a piece's text holds (its last may lack a line break)."""
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    return breaks + (0 if text.endswith(("\n", "\r")) else 1)


def compile_piece(piece, statements, classes, filename: str, facts: ModuleFacts):
    """The piece's compile, kept with it per file name and module facts it read."""
    cached = piece.memo.get("compile")
    if cached is not None and cached[0] == filename and (cached[2] == facts or cached[1].valid_for(facts)):
        return cached[1]
    found = compile_part(statements, classes, filename, facts)
    piece.memo["compile"] = (filename, found, facts)
    return found


def compile_document(analysis, filename: str) -> DocumentCompile | None:
    """The compile of a text that parses, piece by piece; None when it must be compiled whole."""
    if not analysis.parses:
        return None
    pieces = list(_pieces(analysis))
    for piece, statements, classes, *_ in pieces:
        reason = piece.memo.get("exact")
        if reason is None:
            reason = (exact(statements, classes) or "",) if statements else ("",)
            piece.memo["exact"] = reason
        if reason[0]:
            return None
    coded = [p for p in pieces if p[1]]
    # Compile with the facts the pieces compiled before provide; a piece whose code read a fact
    # that the new pieces changed is compiled again.
    facts = module_facts(c[1] for piece, *_ in coded if (c := piece.memo.get("compile")) is not None)
    for _ in range(3):
        compiles = [compile_piece(piece, statements, classes, filename, facts)
                    for piece, statements, classes, *_ in coded]
        found = module_facts(compiles)
        if found == facts:
            break
        facts = found
    else:
        return None
    placed = [(c, p[3]) for c, p in zip(compiles, coded)]
    result = compose(placed)
    if any(d.message.startswith("internal error") or d.kind == "SystemError" for d in result[0]):
        return None   # a compiler bug: the whole compile says what it is
    alive = live(placed)
    entries = []
    coded_at = {id(p[0]): (c, alive[n]) for n, (c, p) in enumerate(zip(compiles, coded))}
    for piece, statements, classes, shift, first, last in pieces:
        c, is_live = coded_at.get(id(piece), (None, True))
        entries.append((c, shift, is_live, first, last, piece))
    return DocumentCompile(entries, *result, filename, facts)
