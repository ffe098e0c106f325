"""Incremental editor analysis: a text as top-level statement chunks, each analysed once per text.

A document is cut before every line that starts a top-level statement (a column-0 line that is
not blank, a comment, a decorator's target or an `else`/`elif`/`except`/`finally`). A chunk is
*clean* when tokenizing it alone raises nothing: then no token spans its end, the tokenizer leaves
it with no open bracket, string or continuation and an empty indentation stack, so the tokens of
the whole text are the chunks' tokens end to end (shifted down by the lines above them; each
chunk's trailing DEDENTs and ENDMARKER sit at the next chunk's first line). The first chunk that
does not tokenize cleanly is joined to the rest of the text: an open bracket or string there
changes every later token, as it does for CPython.

Each chunk's tokens, token-level highlights, parse (tree and SyntaxWarnings) and outline are
computed with the chunk at line 1 and kept by the chunk's text; a document analysis shifts them
into place lazily. Clean chunks that parse give the module's statements in order, and their
warnings in line order. When a chunk does not parse, the document has no tree and its error is
the parser's for the text from that chunk to the end (everything before it is complete
statements the parser reads the same way), with blank lines standing for the text above.

Module-wide facts: where the text parses, names are classified from the whole module's symbol
tables. Those are built each version from the chunks' unshifted statements (tables hold no
positions), and each chunk's tokens are highlighted against them with its own statements; the
result is kept in the chunk together with everything it read from outside the chunk (for each
name the chunk spells, the module scope's and its annotation scope's flags and the kind of a
module-level `def`/`class` of that name), and reused only while those are equal.

Texts whose meaning depends on more than their own statements (`from __future__` imports, an
encoding declaration, NUL characters, a lone carriage return, which ends a line for LSP and
CPython's positions but not the tokenizer's `line` texts) are analysed whole every time.

Hovers: a line inside a top-level `def`/`class` gets its listing from that statement compiled
alone at its own lines (code objects nested in it do not depend on the rest of the module), once
every chunk is known to compile and no module-level `global`/`nonlocal` could make the module's
scope analysis span chunks. Lines with module-level instructions (the `def` line itself, module
code) need the module's own indices, so they use the whole module compiled once per text.
"""
from __future__ import annotations

import bisect
import re
from typing import Iterator

from pipeline import astnodes as A
from pipeline.diagnostics import Diagnostic
from pipeline.highlight import Highlight, highlights, module_def_kinds
from pipeline.outline import OutlineItem, outline
from pipeline.analysis import diagnostic_from_error, diagnostic_from_warning, parse_text, recover
from pipeline.positions import LineIndex
from pipeline.symtable import build_symtable
from pipeline.tokenizer import DEDENT, NAME, Token, tokenize_recovering

# A line break followed by a line that starts a new top-level statement.
_BOUNDARY = re.compile(r"(?:\r\n|\r|\n)(?![ \t\f\r\n#\\\ufeff\x00]|(?:else|elif|except|finally)\b)")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LONE_CR = re.compile(r"\r(?!\n)")  # a line break for LSP, not inside the tokenizer's `line`
_CODING = re.compile(r"^[ \t\f]*#.*?coding[:=]")
_DEFS = (A.FunctionDef, A.AsyncFunctionDef, A.ClassDef)


def needs_whole_text(text: str) -> bool:
    """Texts whose statements' results depend on other statements: analysed whole."""
    if "__future__" in text or "\x00" in text or _LONE_CR.search(text):
        return True
    head = text.split("\n", 2)[:2]
    return any(_CODING.match(line) for line in head)


def split(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of the candidate chunks, before the cleanliness check."""
    starts = [0]
    decorated = text.startswith("@")
    for m in _BOUNDARY.finditer(text):
        at = m.end()
        if at >= len(text):
            break
        if decorated:  # a decorator's line stays with the definition below it
            decorated = text[at] == "@"
            continue
        decorated = text[at] == "@"
        starts.append(at)
    return [(s, e) for s, e in zip(starts, starts[1:] + [len(text)])]


class Chunk:
    """One chunk's results with the chunk at line 1; shared by every document holding the text."""
    __slots__ = ("text", "line_count", "tokens", "clean", "highlights", "_parsed", "_outline", "memo")

    def __init__(self, text: str):
        self.text = text
        self.line_count = len(_LINE_BREAK.findall(text))  # line breaks: the next chunk's line shift
        tokens, errors = tokenize_recovering(text)
        self.tokens = tokens
        self.clean = not errors
        self.highlights = tuple(highlights(tokens))
        self._parsed = None
        self._outline = None
        self.memo: dict = {}   # consumers' derived values (encoded semantic tokens, shifted views)

    @property
    def parsed(self):
        if self._parsed is None:
            self._parsed = parse_text(self.text)
        return self._parsed

    @property
    def statements(self) -> tuple | None:
        tree = self.parsed.tree
        return None if tree is None else tree.body

    @property
    def outline(self) -> tuple[OutlineItem, ...]:
        if self._outline is None:
            tree = self.parsed.tree
            self._outline = () if tree is None else outline(tree, LineIndex(self.text))
        return self._outline

    def is_definition(self) -> bool:
        body = self.statements
        return body is not None and len(body) == 1 and isinstance(body[0], _DEFS)


class ChunkedAnalysis:
    """A document version's analysis assembled from chunks; every field computed on first use."""

    def __init__(self, text: str, chunks: list[tuple[int, Chunk]], lines: LineIndex | None):
        self.text = text
        self.chunks = chunks          # (first line, chunk), in order
        self._lines = lines
        self._starts = [start for start, _ in chunks]
        self._cache: dict = {}

    @property
    def _broken(self) -> int | None:
        """The first chunk that does not tokenize or parse (parsing what it must, on first use:
        tokens and highlights never wait for the parser)."""
        return self._once("broken", lambda: next(
            (i for i, (_, c) in enumerate(self.chunks) if not c.clean or c.statements is None), None))

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def _once(self, key, compute):
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    @property
    def parses(self) -> bool:
        return self._broken is None

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self._once("tokens", self._tokens)

    def _tokens(self):
        out: list[Token] = []
        last = len(self.chunks) - 1
        for i, (start, chunk) in enumerate(self.chunks):
            toks = chunk.tokens if i == last else chunk.tokens[:-1]  # ENDMARKER only at the end
            shift = start - 1
            next_line = "" if i == last else _first_line(self.chunks[i + 1][1].text)
            for t in toks:
                # The last chunk's tokens are the text's own end (no next line to take).
                line = next_line if t.type == DEDENT and t.start[0] > chunk.line_count and i != last else t.line
                out.append(Token(t.type, t.string, (t.start[0] + shift, t.start[1]),
                                 (t.end[0] + shift, t.end[1]), line))
        return tuple(out)

    @property
    def highlights(self) -> tuple[Highlight, ...]:
        return self._once("highlights", self._highlights)

    def _highlights(self):
        if self._broken is not None:
            return self.token_highlights
        # Names are classified from the module's symbol tables, which span every chunk (a
        # global's kind comes from wherever the module binds it): the tables are built for the
        # module of the chunks' own statements (each at line 1: the tables hold no positions),
        # then each chunk's tokens are highlighted against them with its statements, and moved
        # into place.
        module = A.Module(tuple(s for _, chunk in self.chunks for s in chunk.statements), ())
        table = build_symtable(module, "<editor>")
        if table.top is None:
            return self.token_highlights  # as `highlights` does when the symbol table fails
        kinds = module_def_kinds(module, table)
        return tuple(h for start, chunk in self.chunks
                     for h in shift_highlights(_symbol_highlights(chunk, table, kinds), start - 1))

    @property
    def token_highlights(self) -> tuple[Highlight, ...]:
        """The token-level highlights (what a text that does not parse shows), chunk by chunk."""
        return self._once("token_highlights", lambda: tuple(
            h for start, chunk in self.chunks for h in shift_highlights(chunk.highlights, start - 1)))

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self._once("diagnostics", self._diagnostics)

    def _diagnostics(self):
        broken = len(self.chunks) if self._broken is None else self._broken
        # The parser's warnings come sorted by line, each (line, message) once: the chunks above
        # the first broken one give theirs in order (they parse as they do inside the module).
        warnings = tuple(diagnostic_from_warning(w, self.lines, start - 1)
                         for start, chunk in self.chunks[:broken] for w in chunk.parsed.warnings)
        if self._broken is None:
            return warnings
        start, chunk = self.chunks[self._broken]
        if start == 1:
            parsed = chunk.parsed if self._broken == len(self.chunks) - 1 else parse_text(self.text)
        else:
            # Blank lines stand for the statements above, so positions and the line numbers in
            # messages ("detected at line N") come out right without shifting.
            parsed = parse_text("\n" * (start - 1) + self.text[self.lines.offset(start, 0):])
        # The errors are the editor parse's, of the whole text (its later rounds may reach back
        # past the first broken chunk); the warnings are the failed parse's, as `analyze` has them.
        return (tuple(diagnostic_from_error(e) for e in self._recovered[1]) + warnings
                + tuple(diagnostic_from_warning(w, self.lines) for w in parsed.warnings))

    @property
    def _recovered(self):
        """(tree with ErrorNodes, every syntax error) of a text that does not parse."""
        return self._once("recovered", lambda: recover(self.text))

    @property
    def tree(self):
        return self._once("tree", self._tree)

    def _tree(self):
        if self._broken is not None:
            return self._recovered[0]
        body, ignores = [], []
        for start, chunk in self.chunks:
            body += shifted_statements(chunk, start)
            ignores += (shift_node(t, start - 1) for t in chunk.parsed.tree.type_ignores)
        return A.Module(tuple(body), tuple(ignores))

    def tree_at(self, line: int):
        """A module holding only the top-level statements of the chunk at `line` (enough for
        `ast_path` there), or None while the text does not parse."""
        if self._broken is not None:
            return None
        start, chunk = self.chunk_at(line)
        return A.Module(shifted_statements(chunk, start), ())

    def chunk_at(self, line: int) -> tuple[int, Chunk]:
        i = max(bisect.bisect_right(self._starts, line) - 1, 0)
        return self.chunks[i]

    @property
    def outline(self) -> tuple[OutlineItem, ...]:
        return self._once("outline", lambda: tuple(outline(self.tree, self.lines)) if self._broken is not None
                          else tuple(item for start, chunk in self.chunks
                                     for item in shift_outline(chunk.outline, start - 1)))


def _symbol_highlights(chunk: Chunk, table, kinds) -> tuple[Highlight, ...]:
    """The chunk's highlights against the module's symbol tables, kept with what they depend on
    outside the chunk. Its own scopes' tables follow from its own statements (a function's
    names are local, free in a function of the same chunk, or global); the module-wide facts
    are, for each name the chunk spells (and each private name's mangled forms), the module
    scope's and its annotation scope's flags for it and the kind of what a module-level `def`
    or `class` binds under it. Equal facts give equal highlights."""
    names = chunk.memo.get("names")
    if names is None:
        spelled = sorted({t.string for t in chunk.tokens if t.type == NAME})
        names = (tuple(spelled), tuple(n for n in spelled if n.startswith("__") and not n.endswith("__")))
        chunk.memo["names"] = names
    spelled, private = names
    top = table.top
    notes = top.annotation_block
    if private:
        spelled += tuple(n for scope in (top, notes) if scope is not None
                         for n in scope.symbols if n.startswith("_") and n.endswith(private))
    top_kinds = kinds.get(id(top), {})

    def flags(scope, name):
        symbol = None if scope is None else scope.lookup(name)
        return None if symbol is None else symbol.flags

    key = tuple((n, flags(top, n), flags(notes, n), top_kinds.get(n)) for n in spelled)
    cached = chunk.memo.get("symbol highlights")
    if cached is None or cached[0] != key:
        found = tuple(highlights(chunk.tokens, A.Module(chunk.statements, ()), table, kinds))
        cached = (key, found)
        chunk.memo["symbol highlights"] = cached
    return cached[1]


def _first_line(text: str) -> str:
    m = _LINE_BREAK.search(text)
    return text if m is None else text[:m.end()]


class Analyzer:
    """One document's chunk cache: `analyze(text)` reuses every chunk whose text it has seen in
    the previous version (or this one)."""

    def __init__(self):
        self._chunks: dict[str, Chunk] = {}
        self._partial: dict[str, Chunk] = {}   # chunks of a run not finished yet, kept for the next
        self.result = None

    def steps(self, text: str, lines: LineIndex | None = None) -> Iterator[float]:
        """Analyse chunk by chunk, yielding the fraction done after each new chunk; the result
        is then `self.result`. Stopping early loses nothing already computed."""
        if needs_whole_text(text):
            from pipeline.analysis import analyze

            self.result = analyze(text, lines)
            return
        old, fresh = self._chunks, self._partial
        chunks: list[tuple[int, Chunk]] = []
        line = 1
        spans = split(text)
        total = len(text) or 1
        i = 0
        while i < len(spans):
            start, end = spans[i]
            piece = text[start:end]
            chunk = fresh.get(piece) or old.get(piece)
            new = chunk is None
            if new:
                chunk = Chunk(piece)
            step = 1
            while not chunk.clean and i + step < len(spans):
                # Something is open at its end (a string, brackets, a continuation): take in
                # more of the text below, twice as much each time, until the piece closes.
                step = min(step * 2, len(spans) - i)
                end = spans[i + step - 1][1]
                piece = text[start:end]
                chunk = fresh.get(piece) or old.get(piece)
                new = chunk is None
                if new:
                    chunk = Chunk(piece)
            i += step
            fresh[piece] = chunk
            chunks.append((line, chunk))
            line += chunk.line_count
            if new:
                yield end / total
        self._chunks, self._partial = fresh, {}
        self.result = ChunkedAnalysis(text, chunks, lines)

    def analyze(self, text: str, lines: LineIndex | None = None) -> ChunkedAnalysis:
        for _ in self.steps(text, lines):
            pass
        return self.result


# ------------------------------------------------------------------------ shifting into place

def shift_highlights(runs, shift: int):
    if not shift:
        return runs
    return [Highlight(h.line + shift, h.col, h.length, h.kind, h.modifiers) for h in runs]


def shift_outline(items, shift: int):
    if not shift:
        return items
    return [_shift_item(item, shift) for item in items]


def _shift_item(item: OutlineItem, shift: int) -> OutlineItem:
    a, b, c, d = item.span
    e, f, g, h = item.name_span
    return OutlineItem(item.name, item.kind, (a + shift, b, c + shift, d), (e + shift, f, g + shift, h),
                       tuple(_shift_item(child, shift) for child in item.children))


def shifted_statements(chunk: Chunk, start: int) -> tuple:
    """The chunk's statements at their place in the document, kept for the last place asked."""
    cached = chunk.memo.get("statements")
    if cached is None or cached[0] != start:
        cached = (start, tuple(shift_node(s, start - 1) for s in chunk.statements))
        chunk.memo["statements"] = cached
    return cached[1]


_PLANS: dict[type, tuple] = {}
_LINE_FIELDS = frozenset(("lineno", "end_lineno"))


def _plan(cls) -> tuple:
    plan = _PLANS.get(cls)
    if plan is None:
        plan = tuple((name, name in _LINE_FIELDS) for name in cls._fields + cls._attributes)
        _PLANS[cls] = plan
    return plan


def shift_node(node, shift: int):
    """A copy of an AST (nodes are values) with every line number moved by `shift`."""
    if not shift:
        return node
    cls = type(node)
    plan = _plan(cls)
    if not plan:
        return node  # shared fieldless nodes (Load(), Add(), ...)
    new = object.__new__(cls)
    put = object.__setattr__
    for name, is_line in plan:
        value = getattr(node, name)
        if is_line:
            if value is not None:
                value = value + shift
        elif isinstance(value, A.AST):
            value = shift_node(value, shift)
        elif type(value) is tuple and value and isinstance(value[0], A.AST):
            value = tuple(shift_node(v, shift) for v in value)
        elif type(value) is tuple and value and any(isinstance(v, A.AST) for v in value):
            value = tuple(shift_node(v, shift) if isinstance(v, A.AST) else v for v in value)
        put(new, name, value)
    return new


# ------------------------------------------------------------------------------------- hovers

class HoverSource:
    """Hover listings for a document's versions, compiling as little as the argument above allows."""

    def __init__(self, filename: str):
        self.filename = filename
        self._whole: tuple[str, object] | None = None

    def whole_index(self, text: str):
        """The whole module's HoverIndex (None when it does not compile), one text remembered."""
        from pipeline import compile_program
        from pipeline.hover import HoverIndex

        if self._whole is None or self._whole[0] != text:
            compiled = compile_program(text.encode("utf-8", "surrogatepass"), self.filename)
            self._whole = (text, None if compiled.code is None else HoverIndex(compiled.code))
        return self._whole[1]

    def compiles(self, chunk: Chunk, start: int) -> bool:
        ok = chunk.memo.get("compiles")
        if ok is None:
            ok = self._chunk_index(chunk, start) is not False
        return ok

    def _chunk_index(self, chunk: Chunk, start: int):
        """The chunk compiled alone at its lines: a HoverIndex, or False when it does not compile."""
        from pipeline import compile_program
        from pipeline.hover import HoverIndex

        cached = chunk.memo.get("hover")
        if cached is None or cached[0] != start:
            source = b"\n" * (start - 1) + chunk.text.encode("utf-8", "surrogatepass")
            compiled = compile_program(source, self.filename)
            cached = (start, False if compiled.code is None else HoverIndex(compiled.code))
            chunk.memo["hover"] = cached
            chunk.memo["compiles"] = cached[1] is not False
        return cached[1]

    def listings(self, analysis, line: int, span=None, whole=None, whole_ready: bool = False):
        """The listings for `line` (narrowed to `span`), or None when the module does not compile.
        `whole()`, when given, is the whole module's HoverIndex for the analysis's text (the
        server's, compiled once per version); otherwise it is compiled here. `whole_ready` says
        that costs nothing now: then it serves every line."""
        whole = whole or (lambda: self.whole_index(analysis.text))
        if whole_ready or not isinstance(analysis, ChunkedAnalysis) or not analysis.parses:
            index = whole()
            return None if index is None else index.listings(line, span)
        start, chunk = analysis.chunk_at(line)
        local = chunk.is_definition() and all(
            chunk.is_definition() or not _declares_global(chunk) for _, chunk in analysis.chunks)
        if local:
            index = self._chunk_index(chunk, start)
            if index is False:
                return None
            if any(name == "<module>" for name, _ in index._by_line.get(line, ())):
                local = False
            elif not all(self.compiles(c, s) for s, c in analysis.chunks):
                return None
        if not local:
            index = whole()
            if index is None:
                return None
        return index.listings(line, span)


def _declares_global(chunk: Chunk) -> bool:
    found = chunk.memo.get("global")
    if found is None:
        found = any(t.type == NAME and t.string in ("global", "nonlocal") for t in chunk.tokens)
        chunk.memo["global"] = found
    return found
