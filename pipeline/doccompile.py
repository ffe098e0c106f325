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
        # (piece, its statements, classes, shift, first line, last line, compile, compiled
        # at shift, live)
        self._entries = entries
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
        for piece, statements, classes, shift, first, last, part, at, alive in self._entries:
            if not first <= line <= last:
                continue
            if part is None:
                return []   # comments and blank lines only
            local = line - (shift - at)
            if not part.first_line <= local <= part.last_line:
                return []   # the blank and comment lines after the piece's last statement
            if not part.owns(local):
                return None
            if at != shift:
                # Compiled where the piece was: code objects hold their lines (and a nested
                # class its `__firstlineno__`), so the listings come from a compile here.
                part = _compile(piece, statements, classes, shift, self._filename, self._facts)
            return part.listings(line, span, alive)
        return None


def _pieces(analysis):
    """(piece, statements, enclosing classes, shift, first line, last line) of each piece with
    statements, in document order, the statements in the piece's own coordinates."""
    from pipeline.incremental import ClassChunk, lines_in

    for start, chunk in analysis.chunks:
        if isinstance(chunk, ClassChunk):
            for shift, piece in chunk.segments():
                if piece.text is None:
                    continue   # the header: compiled with each member
                first = start - 1 + shift + piece.first
                yield piece, piece.statements, (piece.classdef,), start - 1 + shift, first, first + lines_in(piece.text) - 1
        else:
            yield chunk, chunk.statements, (), start - 1, start, start + lines_in(chunk.text) - 1


def _compile(piece, statements, classes, shift: int, filename: str, facts: ModuleFacts):
    """The piece compiled where it stands (its statements moved `shift` lines), kept with it."""
    from pipeline.incremental import shift_node

    found = compile_part(tuple(shift_node(s, shift) for s in statements),
                         tuple(shift_node(c, shift) for c in classes), filename, facts)
    piece.memo["compile"] = (filename, found, facts, shift)
    return found


def compile_piece(piece, statements, classes, shift: int, filename: str, facts: ModuleFacts):
    """(the piece's compile, the shift it was compiled at): kept with the piece, compiled again
    only for another file name or when its code read a module fact that changed (a compile made
    further up or down the document serves the diagnostics, moved)."""
    cached = piece.memo.get("compile")
    if cached is not None and cached[0] == filename and (cached[2] == facts or cached[1].valid_for(facts)):
        return cached[1], cached[3]
    return _compile(piece, statements, classes, shift, filename, facts), shift


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
        compiles = [compile_piece(piece, statements, classes, shift, filename, facts)
                    for piece, statements, classes, shift, *_ in coded]
        found = module_facts(c for c, _ in compiles)
        if found == facts:
            break
        facts = found
    else:
        return None
    placed = [(c, p[3] - at) for (c, at), p in zip(compiles, coded)]
    result = compose(placed)
    if any(d.kind == "SystemError" for d in result[0]):
        return None   # a compiler bug: the whole compile says what it is
    alive = live(placed)
    by_piece = {id(p[0]): (c, at, alive[n]) for n, ((c, at), p) in enumerate(zip(compiles, coded))}
    entries = [(*p, *by_piece.get(id(p[0]), (None, 0, True))) for p in pieces]
    return DocumentCompile(entries, *result, filename, facts)
