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
import dataclasses
import re
from typing import Iterator

from pipeline import astnodes as A
from pipeline.diagnostics import Diagnostic
from pipeline import symtable as S
from pipeline.highlight import Highlight, _find_def_kinds, highlights, module_def_kinds
from pipeline.outline import OutlineItem, outline
from pipeline.analysis import diagnostic_from_error, diagnostic_from_warning, parse_text, recover
from pipeline.positions import LineIndex
from pipeline.symtable import build_symtable
from pipeline.tokenizer import (COMMENT, DEDENT, ENDMARKER, INDENT, NAME, NEWLINE, NL, Token,
                                tokenize_recovering)

# A line break followed by a line that starts a new top-level statement.
_BOUNDARY = re.compile(r"(?:\r\n|\r|\n)(?![ \t\f\r\n#\\\ufeff\x00]|(?:else|elif|except|finally)\b)")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LONE_CR = re.compile(r"\r(?!\n)")  # a line break for LSP, not inside the tokenizer's `line`
_CODING = re.compile(r"^[ \t\f]*#.*?coding[:=]")
_DEFS = (A.FunctionDef, A.AsyncFunctionDef, A.ClassDef)
_LINE_REFERENCE = re.compile(r"\bline (\d+)")


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
    in_class = False   # its context module is its own statements (a Part's is its class)
    __slots__ = ("text", "line_count", "tokens", "clean", "errors", "_highlights", "_parsed", "_outline", "memo")

    def __init__(self, text: str):
        self.text = text
        self.line_count = len(_LINE_BREAK.findall(text))  # line breaks: the next chunk's line shift
        tokens, errors = tokenize_recovering(text)
        self.tokens = tokens
        self.clean = not errors
        self.errors = tuple(errors)
        self._highlights = None
        self._parsed = None
        self._outline = None
        self.memo: dict = {}   # consumers' derived values (encoded semantic tokens, shifted views)

    @property
    def highlights(self) -> tuple[Highlight, ...]:
        if self._highlights is None:
            self._highlights = tuple(highlights(self.tokens))
        return self._highlights

    @property
    def open_bracket(self) -> bool:
        """Whether the tokenizer stops only because a bracket is still open at the end."""
        return _open_bracket(self.errors, self.tokens)

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

    @property
    def parses(self) -> bool:
        return self.parsed.tree is not None

    @property
    def warnings(self) -> tuple:
        """The parser's warnings for this chunk's text, with the chunk at line 1."""
        return self.parsed.warnings

    def segments(self) -> Iterator[tuple[int, "Chunk | Part"]]:
        """The pieces highlighted and encoded one by one, each with the line shift from its own
        coordinates to the chunk's: a plain chunk is one piece."""
        yield 0, self

    def is_definition(self) -> bool:
        body = self.statements
        return body is not None and len(body) == 1 and isinstance(body[0], _DEFS)

    # the piece interface (see Part): a plain chunk is its own context, a module of its statements
    def context_module(self):
        return A.Module(self.statements, ())

    def walk_start(self, scope):
        return None

    def context_text(self) -> str:
        return self.text


# ------------------------------------------------------------------ classes, member by member

def class_layout(text: str) -> tuple[int, str] | None:
    """(offset of the line holding a `class` chunk's first body statement, the body's
    indentation), or None when the chunk is not a class with an indented body (or is generic). The header is
    found by tokenizing as few leading lines as will show it (decorators and bases may span
    lines)."""
    if not (text.startswith("class") or text.startswith("@")):
        return None
    breaks = [m.end() for m in _LINE_BREAK.finditer(text)]
    wanted = 4
    while True:
        cut = breaks[wanted - 1] if wanted <= len(breaks) else len(text)
        tokens, _ = tokenize_recovering(text[:cut])
        seen_class = header_done = False
        after_name = 0
        for tok in tokens:
            if not seen_class:
                if tok.type == NAME and tok.string == "class" and tok.start[1] == 0:
                    seen_class = True
                elif tok.type == NAME and tok.string in ("def", "async") and tok.start[1] == 0:
                    return None
                continue
            if not header_done:
                after_name += 1
                if after_name == 2 and tok.string == "[":
                    return None  # a generic class: its type parameters' scope spans every member
                if tok.type == NEWLINE:
                    header_done = True
                continue
            if tok.type in (NL, COMMENT):
                continue
            if tok.type != INDENT:
                return None
            line = tok.start[0]
            return (breaks[line - 2] if line > 1 else 0), tok.string
        if cut >= len(text):
            return None
        wanted *= 2


def split_members(body: str, indent: str) -> list[tuple[int, int]]:
    """The (start, end) offsets in a class body of its candidate members: lines that begin
    with exactly the body's indentation and a statement, decorators kept with what they
    decorate (as `split` cuts a module)."""
    pattern = _MEMBER_BOUNDARY.get(indent)
    if pattern is None:
        pattern = re.compile(r"(?:\r\n|\r|\n)(?=" + re.escape(indent) +
                             r"(?![ \t\f\r\n#\\\ufeff\x00]|(?:else|elif|except|finally)\b))")
        _MEMBER_BOUNDARY[indent] = pattern
    starts = [0]
    width = len(indent)
    decorated = body[width:width + 1] == "@"
    for m in pattern.finditer(body):
        at = m.end()
        if at >= len(body):
            break
        if decorated:
            decorated = body[at + width] == "@"
            continue
        decorated = body[at + width] == "@"
        starts.append(at)
    return [(s, e) for s, e in zip(starts, starts[1:] + [len(body)])]


_MEMBER_BOUNDARY: dict[str, re.Pattern] = {}


class Part:
    """One piece of a top-level class chunk, analysed in the class's context: the class
    header's lines followed by the member's (`text`), or by a `pass` for the header itself
    (`text` None). Its tokens, tree and highlights are in that context text's coordinates,
    where the member begins at line `first`; the parts of a class need no other context (the
    tokenizer leaves each member with the body's indentation and nothing open, and the
    parser reads a class body statement by statement). Shared by every chunk holding the same
    header and member text."""
    __slots__ = ("header", "text", "indent", "first", "line_count", "tokens", "dedents", "clean",
                 "errors", "highlights", "_parsed", "memo")
    in_class = True

    def __init__(self, header: str, text: str | None, indent: str):
        self.header = header
        self.text = text
        self.indent = indent
        self.first = len(_LINE_BREAK.findall(header)) + 1
        self.line_count = 0 if text is None else len(_LINE_BREAK.findall(text))
        context = header + (indent + "pass\n" if text is None else text)
        tokens, errors = tokenize_recovering(context)
        self.clean = not errors
        self.errors = tuple(errors)
        if text is None:
            own = [t for t in tokens if t.start[0] < self.first]
            self.dedents = 0
        else:
            end = len(tokens) - 1  # ENDMARKER; before it the DEDENTs the text's end closes
            while end > 0 and tokens[end - 1].type == DEDENT and tokens[end - 1].start[0] > self.first + self.line_count - 1:
                end -= 1
            self.dedents = len(tokens) - 1 - end
            own = [t for t in tokens[:end] if t.start[0] >= self.first]
        self.tokens = own
        self.highlights = tuple(highlights(own))
        self._parsed = None
        self.memo: dict = {}

    @property
    def open_bracket(self) -> bool:
        return _open_bracket(self.errors, self.tokens)

    @property
    def origin(self) -> int:
        """The context line where this part's own text begins."""
        return 1 if self.text is None else self.first

    def context_text(self) -> str:
        return self.header + (self.indent + "pass\n" if self.text is None else self.text)

    @property
    def parsed(self):
        if self._parsed is None:
            self._parsed = parse_text(self.context_text())
        return self._parsed

    @property
    def parses(self) -> bool:
        return self.parsed.tree is not None

    @property
    def classdef(self):
        return self.parsed.tree.body[0]

    @property
    def statements(self) -> tuple:
        """The member's statements (the header's: none), in context coordinates."""
        return () if self.text is None else self.classdef.body

    @property
    def warnings(self) -> tuple:
        """The parser's warnings on this part's own lines."""
        if self.text is None:
            return tuple(w for w in self.parsed.warnings if w.lineno < self.first)
        return tuple(w for w in self.parsed.warnings if w.lineno >= self.first)

    def context_module(self):
        return self.parsed.tree

    def walk_start(self, scope):
        """Where highlighting walks this part's tree: the header's names from the module (the
        class statement itself, its synthetic body empty of names), a member's statements in
        the class scope, with the class's name for private names."""
        if self.text is None:
            return None
        return [(stmt, scope, self.classdef.name) for stmt in self.statements]


class ClassChunk(Chunk):
    """A top-level `class` statement as its header and members (`Part`s): an edit inside one
    method re-tokenizes and re-parses that member with the header, not the class. Its tokens
    are the parts' end to end (each member's leading INDENT is the first member's only; the
    DEDENTs closing a member's blocks sit at the next member's first token), exactly the
    class text's own; its tree is the header's ClassDef with the members' statements."""
    __slots__ = ("parts", "_tokens", "_statements")

    def __init__(self, text: str, parts: list[tuple[int, Part]]):
        # Not Chunk.__init__: nothing here tokenizes the whole class.
        self.text = text
        self.line_count = len(_LINE_BREAK.findall(text))
        self.parts = parts           # (the part's first line in the chunk, part); the header first
        # A member nothing in the class closes (an open bracket or string) leaves the class
        # open: the module's text below may close it (then the chunks are joined), or not.
        self.clean = all(part.clean for _, part in parts)
        self.errors = ()   # its members' own errors are in their context's lines
        self._tokens = self._highlights = self._statements = None
        self._parsed = None
        self._outline = None
        self.memo = {}

    def segments(self):
        for at, part in self.parts:
            yield at - part.origin, part

    def is_definition(self) -> bool:
        return True  # a class statement (a body split into members has at least one)

    def segments_at(self, line: int):
        """(shift, part) of the part holding the chunk's `line` (the header's for its lines)."""
        found = self.parts[0]
        for at, part in self.parts[1:]:
            if at > line:
                break
            found = (at, part)
        at, part = found
        return at - part.origin, part

    @property
    def open_bracket(self) -> bool:
        """The first member left open leaves the class open: by a bracket only when every
        other piece is clean (what follows it then stays inside the bracket)."""
        unclean = [part for _, part in self.parts if not part.clean]
        return len(unclean) == 1 and unclean[0].open_bracket

    @property
    def tokens(self):
        if self._tokens is None:
            out: list[Token] = []
            previous = None
            for n, (at, part) in enumerate(self.parts):
                shift = at - part.origin
                toks = part.tokens
                if previous is not None:
                    first_line = _first_line(part.text)
                    col = len(part.indent)
                    out += [Token(DEDENT, "", (at, col), (at, col), first_line)] * (previous.dedents - 1)
                    if n > 1 and toks and toks[0].type == INDENT:
                        toks = toks[1:]
                out += toks if not shift else [
                    Token(t.type, t.string, (t.start[0] + shift, t.start[1]), (t.end[0] + shift, t.end[1]), t.line)
                    for t in toks]
                if part.text is not None:
                    previous = part
            end = (self.line_count + 1, 0)
            out += [Token(DEDENT, "", end, end, "")] * previous.dedents
            out.append(Token(ENDMARKER, "", end, end, ""))
            self._tokens = out
        return self._tokens

    @tokens.setter
    def tokens(self, value):
        self._tokens = value

    @property
    def highlights(self):
        if self._highlights is None:
            self._highlights = tuple(h for shift, part in self.segments()
                                     for h in shift_highlights(part.highlights, shift))
        return self._highlights

    @highlights.setter
    def highlights(self, value):
        self._highlights = value

    @property
    def parses(self) -> bool:
        found = self.memo.get("parses")
        if found is None:
            found = all(part.parses for _, part in self.parts)
            self.memo["parses"] = found
        return found

    @property
    def warnings(self) -> tuple:
        if not self.parses:
            return self.parsed.warnings
        found = self.memo.get("warnings")
        if found is None:
            found = tuple(_shift_warning(w, shift) for shift, part in self.segments() for w in part.warnings)
            self.memo["warnings"] = found
        return found

    @property
    def parsed(self):
        if self._parsed is None:
            if self.parses:
                from pipeline.parser import ParseResult

                self._parsed = ParseResult(A.Module(self.statements, self._type_ignores()), (), self.warnings)
            else:
                self._parsed = parse_text(self.text)  # the class's own error, exactly
        return self._parsed

    @property
    def statements(self) -> tuple | None:
        if self._statements is None:
            if not self.parses:
                return None
            head = self.parts[0][1].classdef
            body = tuple(s for shift, part in self.segments() for s in _shifted(part, shift))
            last = body[-1]
            fields = {name: getattr(head, name) for name in head._fields + head._attributes}
            fields.update(body=body, end_lineno=last.end_lineno, end_col_offset=last.end_col_offset)
            self._statements = (type(head)(**fields),)
        return self._statements


    def _type_ignores(self) -> tuple:
        return tuple(shift_node(t, shift) for shift, part in self.segments() for t in part.parsed.tree.type_ignores
                     if (t.lineno >= part.first) == (part.text is not None))


_STRING_OPEN = ("EOF in multi-line string", "unterminated triple-quoted")


def _string_close(text: str, errors, lines_above: int) -> int | None:
    """Where a triple-quoted string the piece at the start of `text` leaves open could close:
    the offset just past the next occurrence of its quotes (None if there is no such string).
    `lines_above` is how many context lines precede the piece in the errors' line numbers."""
    for e in errors:
        if not e.message.startswith(_STRING_OPEN) or not e.lineno:
            continue
        line = e.lineno - lines_above
        if line < 1:
            return None
        at = 0
        for _ in range(line - 1):
            m = _LINE_BREAK.search(text, at)
            if m is None:
                return None
            at = m.end()
        at += (e.offset or 1) - 1
        while at < len(text) and text[at].isalpha():
            at += 1
        quote = text[at:at + 3]
        if quote not in ('"""', "'''"):
            return None
        end = text.find(quote, at + 3)
        return None if end < 0 else end + 3
    return None


def _first_step(spans, i: int, close: int | None) -> int | None:
    """How many spans from `i` reach offset `close` (relative to span i's start)."""
    if close is None:
        return None
    target = spans[i][0] + close
    k = bisect.bisect_left([e for _, e in spans], target, i)
    return None if k >= len(spans) else k - i + 1


_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")


def _open_bracket(errors, tokens) -> bool:
    if not errors or any(e.message != "unexpected EOF in multi-line statement" for e in errors):
        return False
    depth = 0
    for t in tokens:
        if t.string in _OPENING:
            depth += 1
        elif t.string in _CLOSING:
            depth -= 1
    return depth > 0


def _balanced(piece) -> bool:
    """Whether a piece tokenizes cleanly with no closing bracket it did not open (the tokenize
    view reports none of those): nothing in it can close a bracket left open above it."""
    found = piece.memo.get("balanced")
    if found is None:
        depth = 0
        found = piece.clean
        if found:
            for t in piece.tokens:
                if t.string in _OPENING:
                    depth += 1
                elif t.string in _CLOSING:
                    depth -= 1
                    if depth < 0:
                        found = False
                        break
        piece.memo["balanced"] = found
    return found


def _shifted(part: Part, shift: int) -> tuple:
    """A member's statements moved by `shift` lines, kept for the last shift asked."""
    cached = part.memo.get("shifted")
    if cached is None or cached[0] != shift:
        cached = (shift, tuple(shift_node(s, shift) for s in part.statements))
        part.memo["shifted"] = cached
    return cached[1]


def _shift_warning(w, shift: int):
    return w if not shift else dataclasses.replace(w, lineno=w.lineno + shift)


def class_chunk(text: str, layout, old: dict, fresh: dict) -> ClassChunk | None:
    """The chunk of a class statement from its parts (reusing those in `old`/`fresh`, keyed by
    (header, member text)), or None when its header does not tokenize alone."""
    body_at, indent = layout
    header = text[:body_at]
    body = text[body_at:]

    def part(member):
        key = (header, member, indent)
        found = fresh.get(key) or old.get(key)
        if found is None:
            found = Part(header, member, indent)
        fresh[key] = found
        return found

    head = part(None)
    if not head.clean:
        return None
    spans = split_members(body, indent)

    def take(i: int, lookahead: bool) -> tuple[Part, int]:
        """The member starting at span `i` and how many spans it takes (as `Analyzer._take`)."""
        start, end = spans[i]
        member = part(body[start:end])
        if member.clean:
            return member, 1
        if lookahead and member.open_bracket and balanced_below(i + 1):
            return member, 1   # balanced members below: no join can close the bracket
        alone, step = member, 1
        # A triple-quoted string left open (a docstring's lines at the body's indentation look
        # like members): join up to its closing quotes at once.
        jump = _first_step(spans, i, _string_close(body[start:], member.errors, member.first - 1))
        if jump is not None and jump > 1:
            step = jump
            member = part(body[start:spans[i + step - 1][1]])
        while not member.clean and i + step < len(spans):
            step = min(step * 2, len(spans) - i)
            member = part(body[start:spans[i + step - 1][1]])
        if not member.clean:
            return alone, 1   # nothing below closes it: it stands alone (see Analyzer)
        return member, step

    def balanced_below(i: int) -> bool:
        while i < len(spans):
            member, step = take(i, False)
            if not _balanced(member):
                return False
            i += step
        return True

    parts = [(1, head)]
    at = head.first
    i = 0
    while i < len(spans):
        member, step = take(i, True)
        i += step
        parts.append((at, member))
        at += member.line_count
    return ClassChunk(text, parts)


class ChunkedAnalysis:
    """A document version's analysis assembled from chunks; every field computed on first use."""

    def __init__(self, text: str, chunks: list[tuple[int, Chunk]], lines: LineIndex | None,
                 shared: dict | None = None):
        self.text = text
        self._shared = {} if shared is None else shared   # the Analyzer's, across versions
        self.chunks = chunks          # (first line, chunk), in order
        self._lines = lines
        self._starts = [start for start, _ in chunks]
        self._cache: dict = {}

    @property
    def _broken(self) -> int | None:
        """The first chunk that does not tokenize or parse (parsing what it must, on first use:
        tokens and highlights never wait for the parser)."""
        return self._once("broken", lambda: next(
            (i for i, (_, c) in enumerate(self.chunks) if not c.clean or not c.parses), None))

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
        return tuple(h for shift, segment, found in self.symbol_segments()
                     for h in shift_highlights(found, shift))

    def symbol_segments(self) -> list[tuple[int, object, tuple[Highlight, ...]]]:
        """Per piece (a top-level chunk, or a class's header or member): its line shift to the
        document, the piece, and its highlights in its own coordinates, names classified from
        the module's symbol tables. A piece that does not tokenize or parse is highlighted by
        its tokens, and the others against the facts of the pieces that parse: a keystroke that
        breaks one statement recolours that statement, not the file."""
        return self._once("symbol segments", self._symbol_segments)

    def _symbol_segments(self):
        pieces = [(start - 1 + shift, index, segment) for index, (start, chunk) in enumerate(self.chunks)
                  for shift, segment in chunk.segments()]
        if self._broken is not None:
            broken = [(shift, segment) for shift, _, segment in pieces if not segment.clean or not segment.parses]
            if any(_declares_global(chunk) and not chunk.is_definition() for _, chunk in self.chunks
                   if chunk.clean and chunk.parses) or len(broken) == len(pieces):
                return [(shift, segment, segment.highlights) for shift, _, segment in pieces]
            ok = {id(segment) for _, segment in broken}
            window = self._window if len(broken) == 1 else None
            stand_in = {} if window is None or window[2] is None else {id(window[3]): window[2]}
            facts = ModuleFacts.of([(index, stand_in.get(id(segment), segment)) for _, index, segment in pieces
                                    if id(segment) not in ok or id(segment) in stand_in])
            if facts is None:
                return [(shift, segment, segment.highlights) for shift, _, segment in pieces]
            return [(shift, segment, segment.highlights if id(segment) in ok else facts.highlights(index, segment))
                    for shift, index, segment in pieces]
        if any(_declares_global(chunk) and not chunk.is_definition() for _, chunk in self.chunks):
            # A module-level `global` reaches into every scope's analysis: the whole module's
            # tables, as `analyze` builds them.
            module = A.Module(tuple(s for _, chunk in self.chunks for s in chunk.statements), ())
            table = build_symtable(module, "<editor>")
            if table.top is None:
                return [(start - 1, chunk, chunk.highlights) for start, chunk in self.chunks]
            kinds = module_def_kinds(module, table)
            return [(start - 1, chunk, _symbol_highlights(chunk, table, kinds)) for start, chunk in self.chunks]
        facts = ModuleFacts.of([(index, segment) for _, index, segment in pieces], self._shared.get("facts"))
        if facts is not None:
            self._shared["facts"] = facts
        if facts is None:  # a symbol-table error: names by tokens, as for the whole module
            return [(shift, segment, segment.highlights) for shift, _, segment in pieces]
        return [(shift, segment, facts.highlights(index, segment)) for shift, index, segment in pieces]

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self._once("diagnostics", self._diagnostics)

    def _diagnostics(self):
        broken = len(self.chunks) if self._broken is None else self._broken
        # The parser's warnings come sorted by line, each (line, message) once: the chunks above
        # the first broken one give theirs in order (they parse as they do inside the module).
        warnings = tuple(diagnostic_from_warning(w, self.lines, start - 1)
                         for start, chunk in self.chunks[:broken] for w in chunk.warnings)
        if self._broken is None:
            return warnings
        windowed = self._window
        if windowed is not None:
            errors, more = windowed[:2]
            return (tuple(diagnostic_from_error(e) for e in errors) + warnings
                    + tuple(diagnostic_from_warning(w, self.lines) for w in more))
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
    def _window(self):
        """`_windowed()`, once."""
        return self._once("window", self._windowed)

    def _windowed(self):
        """The syntax errors and the failed parse's warnings from the editor parse of a window:
        the one broken piece (a top-level chunk, or a class member below its class's header),
        blank lines for everything above it and a `pass` for everything below; None when that
        cannot stand for the whole text. It stands when every other piece tokenizes cleanly,
        parses and warns of nothing: the parser reads the statements above as it reads them in
        the whole text, fails inside the piece, and whatever the window cut off below (complete
        statements) neither the error pass nor the editor's later rounds would report on;
        an unclosed bracket still swallows the statement below and ends at the end of the text.
        Every error must then lie within the piece's lines (an error at the line below names
        the real statement there, a string left open runs to the real end of the text)."""
        index = self._broken
        start, chunk = self.chunks[index]
        pieces = list(chunk.segments())
        bad = [n for n, (_, piece) in enumerate(pieces) if not piece.clean or not piece.parses]
        if len(bad) != 1:
            return None
        shift, piece = pieces[bad[0]]
        if not piece.clean and not piece.open_bracket and not all(
                e.message.startswith("unterminated string literal") for e in piece.errors):
            return None   # a triple-quoted string left open: for CPython it runs on below
        if isinstance(piece, Part):
            joined = len(split_members(piece.text, piece.indent)) > 1
        else:
            joined = len(split(piece.text)) > 1
        if joined:
            return None   # pieces taken together to close a string or bracket: the edit may have
                          # opened it, and then it reaches past them for CPython too
        below = pieces[bad[0] + 1:]
        if any(not p.clean or not p.parses or p.warnings for _, p in below):
            return None
        if any(not c.clean or not c.parses or c.warnings for _, c in self.chunks[index + 1:]):
            return None
        above = ()
        if isinstance(piece, Part):
            first = start - 1 + shift + piece.first
            header_lines = piece.first - 1
            head = "\n" * (start - 1) + piece.header + "\n" * (first - start - header_lines)
            sentinel = piece.indent + "pass\n"
            text = piece.text
            above = tuple(_shift_warning(w, start - 1 + s) for s, p in pieces[:bad[0]] for w in p.warnings)
        else:
            first = start
            head = "\n" * (start - 1)
            sentinel = "pass\n"
            text = chunk.text
        last = first + lines_in(text) - 1
        at_end = index == len(self.chunks) - 1 and not below
        window = head + text + ("" if at_end else sentinel)
        parsed = parse_text(window)
        if parsed.tree is not None:
            return None
        recovered, errors = recover(window, parsed)
        for e in errors:
            if e.lineno is None or not first <= e.lineno <= last or not first <= (e.end_lineno or e.lineno) <= last:
                return None
            if any(not first <= int(n) <= last for n in _LINE_REFERENCE.findall(e.message)):
                return None
        own = tuple(w for w in parsed.warnings if w.lineno >= first)
        if any(w.lineno > last for w in own):
            return None
        # What the piece still says, for the module's facts: its statements as the editor parse
        # recovered them (a broken statement as a `pass`), in the piece's context.
        body = recovered.body
        stand_in = None
        if not isinstance(piece, Part):
            stand_in = _Recovered(A.Module(tuple(_without_errors(st) for st in body if st.lineno <= last), ()), False)
        elif len(body) == 1 and isinstance(body[0], A.ClassDef):
            head = body[0]
            fields = {name: getattr(head, name) for name in head._fields + head._attributes}
            fields["body"] = tuple(_without_errors(st) for st in head.body if st.lineno <= last) or (
                A.Pass(first, 0, first, 0),)
            stand_in = _Recovered(A.Module((type(head)(**fields),), ()), True)
        return errors, above + own, stand_in, piece

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
        """A module holding only the statements around `line` (enough for `ast_path` there):
        the top-level statements of its chunk, or in a class taken member by member the
        member's (or, on the header's lines, the class statement without its body); None while
        the text does not parse."""
        if self._broken is not None:
            return None
        start, chunk = self.chunk_at(line)
        if not isinstance(chunk, ClassChunk):
            return A.Module(shifted_statements(chunk, start), ())
        shift, piece = chunk.segments_at(line - start + 1)
        if piece.text is not None:
            return A.Module(_shifted(piece, start - 1 + shift), ())
        head = shift_node(piece.classdef, start - 1 + shift)
        fields = {name: getattr(head, name) for name in head._fields + head._attributes}
        fields["body"] = ()
        return A.Module((type(head)(**fields),), ())

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


# ------------------------------------------------- module-wide facts from the pieces' tables

class _Scope:
    """A module's or a top-level class's scope as highlighting reads it, merged from the
    tables its pieces give it (each piece's context module has the scope with that piece's
    names only): a name's flags are the union of its pieces' flags, as CPython's symbol table
    ORs every use and binding into one entry; its scope follows from them as the analysis
    decides a module's or class's names (a `global` anywhere makes it explicit, a binding
    local, a cell where a piece needs one). `annotation_block` is the reading piece's own."""
    __slots__ = ("name", "type", "symbols", "annotation_block")

    def __init__(self, name, type_, symbols, annotation_block):
        self.name = name
        self.type = type_
        self.symbols = symbols
        self.annotation_block = annotation_block

    def lookup(self, name: str):
        return self.symbols.get(name)

    def scope_of(self, name: str) -> int:
        symbol = self.symbols.get(name)
        return symbol.scope if symbol else 0


_SCOPE_BITS = S.SCOPE_MASK << S.SCOPE_OFF


def _merged_flags(tables) -> tuple[dict, dict]:
    """(name -> OR of its flags without the scope, name -> the set of scopes seen, as bits)."""
    flags: dict[str, int] = {}
    seen: dict[str, int] = {}
    for table in tables:
        for name, symbol in table.symbols.items():
            value = symbol.flags
            flags[name] = flags.get(name, 0) | (value & ~_SCOPE_BITS)
            seen[name] = seen.get(name, 0) | (1 << ((value >> S.SCOPE_OFF) & S.SCOPE_MASK))
    return flags, seen


def _merged_symbols(merged) -> dict:
    flags, seen = merged
    out = {}
    for name, value in flags.items():
        scopes = seen[name]
        if value & S.DEF_GLOBAL:
            scope = S.GLOBAL_EXPLICIT
        elif value & S.DEF_BOUND:
            scope = S.CELL if scopes & (1 << S.CELL) else S.LOCAL
        elif scopes & (1 << S.FREE):
            scope = S.FREE
        elif scopes & (1 << S.CELL):
            scope = S.CELL
        else:
            scope = S.GLOBAL_IMPLICIT
        out[name] = S.Symbol(name, value | (scope << S.SCOPE_OFF))
    return out


def _segment_table(segment):
    """(symbol tables of the piece's context module, their def kinds, the context class's table
    or None), kept with the piece."""
    found = segment.memo.get("table")
    if found is None:
        module = segment.context_module()
        table = build_symtable(module, "<editor>")
        kinds = _find_def_kinds(module, table) if table.top is not None else {}
        cls = table.get(module.body[0]) if segment.in_class and table.top is not None else None
        found = (table, kinds, cls)
        segment.memo["table"] = found
    return found


class _Recovered:
    """A broken piece as the module's facts see it: the statements its window's editor parse
    recovered (see `ChunkedAnalysis._windowed`), so the names it binds keep their kinds in the
    rest of the file while it is being typed."""
    __slots__ = ("module", "in_class", "memo")

    def __init__(self, module, in_class: bool):
        self.module = module
        self.in_class = in_class
        self.memo: dict = {}

    def context_module(self):
        return self.module


def _without_errors(node):
    """A copy of a statement with each broken statement in it (an ErrorNode) as a `pass`."""
    from pipeline.editor_parse import ErrorNode

    if isinstance(node, ErrorNode):
        return A.Pass(node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
    changes = {}
    for name in node._fields:
        value = getattr(node, name)
        if type(value) is tuple and value and isinstance(value[0], A.AST) and not isinstance(value[0], A.expr):
            new = tuple(_without_errors(v) for v in value)
            if any(a is not b for a, b in zip(new, value)):
                changes[name] = new
        elif isinstance(value, A.AST) and not isinstance(value, A.expr):
            new = _without_errors(value)
            if new is not value:
                changes[name] = new
    if not changes:
        return node
    fields = {name: getattr(node, name) for name in node._fields + node._attributes}
    fields.update(changes)
    return type(node)(**fields)


class _Tables:
    """A piece's `SymtableResult` with its module and class scopes seen as the merged ones."""

    def __init__(self, table, mapping: dict, top):
        self._table = table
        self._mapping = mapping
        self.top = top

    def get(self, node, role=S.Role.OWN):
        found = self._table.get(node, role)
        return self._mapping.get(id(found), found) if found is not None else None


class ModuleFacts:
    """One version's module-wide facts, merged from its pieces' own tables: the module scope's
    names and def kinds, and each split class's. Each piece is highlighted against them with
    its own tables; the result is kept with the piece together with every fact it read from
    outside itself (for each name it spells, and each private name's mangled form: the merged
    module and class entries and def kinds), and reused while those are equal."""

    def __init__(self, top: dict, kinds: dict, classes: dict, merged, generation):
        self.top = top
        self.kinds = kinds
        self.classes = classes      # chunk index -> (class name, merged symbols, def kinds, generation)
        self._merged = merged       # (flags, scopes seen) behind `top`, to tell the next version's apart
        self.generation = generation  # the same object while `top` and `kinds` stay equal

    @classmethod
    def of(cls, pieces, previous: "ModuleFacts | None" = None) -> "ModuleFacts | None":
        """The facts of the pieces ((chunk index, piece), in order); `previous` (the last
        version's) lends its merged entries and generations where they are equal, so the pieces
        whose facts did not change are not even asked what they read."""
        tops, kinds = [], {}
        members: dict[int, list] = {}
        for index, segment in pieces:
            table, found, own = _segment_table(segment)
            if table.top is None:
                return None  # a symbol-table error: the whole module's tables fail too
            tops.append(table.top)
            kinds.update(found.get(id(table.top), ()))
            if own is not None:
                members.setdefault(index, []).append((segment, own, found.get(id(own), {})))
        earlier = {} if previous is None else {
            id(entry[4]): entry for entry in previous.classes.values()}
        classes = {}
        for index, found in members.items():
            head = found[0][0]          # the class's header part: the same object while it is
            class_kinds: dict = {}
            for _, own, k in found:
                class_kinds.update(k)
            merged = _merged_flags([own for _, own, _ in found])
            before = earlier.get(id(head))
            if before is not None and before[5] == merged and before[2] == class_kinds:
                classes[index] = before
            else:
                classes[index] = (found[0][1].name, _merged_symbols(merged), class_kinds, object(), head, merged)
        merged = _merged_flags(tops)
        if previous is not None and previous._merged == merged and previous.kinds == kinds:
            return cls(previous.top, previous.kinds, classes, previous._merged, previous.generation)
        return cls(_merged_symbols(merged), kinds, classes, merged, object())

    def highlights(self, index: int, segment) -> tuple[Highlight, ...]:
        table, own_kinds, own_class = _segment_table(segment)
        names = segment.memo.get("names")
        if names is None:
            spelled = sorted({t.string for t in segment.tokens if t.type == NAME})
            names = (tuple(spelled), tuple(n for n in spelled if n.startswith("__") and not n.endswith("__")))
            segment.memo["names"] = names
        klass = self.classes.get(index) if own_class is not None else None
        cached = segment.memo.get("symbol highlights")
        generations = (self.generation, None if klass is None else klass[3])
        if cached is not None and cached[2] == generations:
            return cached[1]   # nothing it could read from outside has changed
        spelled, private = names
        top_symbols = self.top
        looked = list(spelled)
        if private:
            if klass is not None:
                looked += [S.mangle(klass[0], n) for n in private]
            looked += [n for n in top_symbols if n.startswith("_") and n.endswith(private)]

        def flags(symbols, name):
            symbol = symbols.get(name)
            return None if symbol is None else symbol.flags

        kinds = self.kinds
        if klass is None:
            key = tuple((n, flags(top_symbols, n), kinds.get(n)) for n in looked)
        else:
            class_symbols, class_kinds = klass[1], klass[2]
            key = tuple((n, flags(top_symbols, n), kinds.get(n), flags(class_symbols, n), class_kinds.get(n))
                        for n in looked)
        if cached is not None and cached[0] == key:
            segment.memo["symbol highlights"] = (key, cached[1], generations)
            return cached[1]
        top = _Scope("top", S.BlockType.MODULE, top_symbols, table.top.annotation_block)
        mapping = {id(table.top): top}
        all_kinds = dict(own_kinds)
        all_kinds[id(top)] = kinds
        facade = None
        if klass is not None:
            facade = _Scope(klass[0], S.BlockType.CLASS, klass[1], own_class.annotation_block)
            mapping[id(own_class)] = facade
            all_kinds[id(facade)] = klass[2]
        links = ()
        if facade is not None:
            # The class body's scope looks out through the class's type parameters, if any.
            outer = table.get(segment.context_module().body[0], S.Role.TYPE_PARAMS) or top
            links = ((facade, outer), (outer, top))
        found = tuple(highlights(segment.tokens, segment.context_module(), _Tables(table, mapping, top),
                                 all_kinds, segment.walk_start(facade), links))
        segment.memo["symbol highlights"] = (key, found, generations)
        return found


def lines_in(text: str) -> int:
    """How many lines a piece's text holds (its last may lack a line break)."""
    return len(_LINE_BREAK.findall(text)) + (0 if text.endswith(("\n", "\r")) else 1)


def _first_line(text: str) -> str:
    m = _LINE_BREAK.search(text)
    return text if m is None else text[:m.end()]


class Analyzer:
    """One document's chunk cache: `analyze(text)` reuses every chunk whose text it has seen in
    the previous version (or this one)."""

    def __init__(self):
        self._chunks: dict[str, Chunk] = {}
        self._partial: dict[str, Chunk] = {}   # chunks of a run not finished yet, kept for the next
        self._parts: dict = {}                 # class members by (header, text, indentation)
        self._partial_parts: dict = {}
        self._shared: dict = {}                # the last version's module facts
        self.result = None

    def _chunk(self, piece: str, whole: bool) -> Chunk:
        """A new chunk for `piece`; a class statement (`whole`: one top-level statement, not
        pieces joined to close what one left open) is taken member by member when it can be."""
        if whole:
            layout = class_layout(piece)
            if layout is not None:
                found = class_chunk(piece, layout, self._parts, self._partial_parts)
                if found is not None:
                    return found
        return Chunk(piece)

    def _take(self, text: str, spans, i: int, lookahead: bool):
        """The chunk starting at span `i`: (chunk, spans taken, whether it is new, end offset).
        A piece left open (a string, brackets, a continuation) takes in more of the text
        below, twice as much each time, until it closes; one nothing below closes stands alone,
        so that the statements below keep their own tokens (an unclosed bracket does not turn
        the rest of the file into its argument list). An open bracket with balanced statements
        below (`lookahead`) is known to stay open without trying."""
        old, fresh = self._chunks, self._partial
        start, end = spans[i]
        piece = text[start:end]
        chunk = fresh.get(piece) or old.get(piece)
        new = chunk is None
        if new:
            chunk = self._chunk(piece, True)
        elif isinstance(chunk, ClassChunk):
            # Its members serve the next version of the class too.
            parts = self._partial_parts
            for _, member in chunk.parts:
                parts[(member.header, member.text, member.indent)] = member
        fresh[piece] = chunk
        if chunk.clean:
            return chunk, 1, new, end
        if lookahead and chunk.open_bracket and self._balanced_below(text, spans, i + 1):
            return chunk, 1, new, end
        def joined(step: int):
            """The piece of spans i .. i + step - 1: (chunk, new, end offset)."""
            end = spans[i + step - 1][1]
            piece = text[start:end]
            chunk = fresh.get(piece) or old.get(piece)
            new = chunk is None
            if new:
                chunk = self._chunk(piece, False)
            fresh[piece] = chunk
            return chunk, new, end

        step = 1
        alone = (chunk, new, end)
        jump = _first_step(spans, i, _string_close(text[start:], chunk.errors, 0))
        if jump is not None and jump > 1:
            # A triple-quoted string left open: join up to its closing quotes at once.
            step = jump
            chunk, new, end = joined(step)
        while not chunk.clean and i + step < len(spans):
            step = min(step * 2, len(spans) - i)
            chunk, new, end = joined(step)
        if not chunk.clean:
            chunk, new, end = alone
            step = 1
        return chunk, step, new, end

    def _balanced_below(self, text: str, spans, i: int) -> bool:
        """Whether the statements from span `i` on close every bracket they open and no other
        (kept as chunks for the run going on)."""
        while i < len(spans):
            chunk, step, _, _ = self._take(text, spans, i, False)
            if not all(_balanced(piece) for _, piece in chunk.segments()):
                return False
            i += step
        return True

    def steps(self, text: str, lines: LineIndex | None = None) -> Iterator[float]:
        """Analyse chunk by chunk, yielding the fraction done after each new chunk; the result
        is then `self.result`. Stopping early loses nothing already computed."""
        if needs_whole_text(text):
            from pipeline.analysis import analyze

            self.result = analyze(text, lines)
            return
        chunks: list[tuple[int, Chunk]] = []
        line = 1
        spans = split(text)
        total = len(text) or 1
        i = 0
        while i < len(spans):
            chunk, step, new, end = self._take(text, spans, i, True)
            i += step
            chunks.append((line, chunk))
            line += chunk.line_count
            if new:
                yield end / total
        # The chunks this text was cut into, with the trials that found them, serve the next.
        self._chunks, self._partial = self._partial, {}
        self._parts, self._partial_parts = self._partial_parts, {}
        self.result = ChunkedAnalysis(text, chunks, lines, self._shared)

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
        elif type(value) is tuple and value and any(isinstance(v, A.AST) for v in value):
            value = tuple(shift_node(v, shift) if isinstance(v, A.AST) else v for v in value)
        put(new, name, value)
    return new


# ------------------------------------------------------------------------------------- hovers

class HoverSource:
    """Hover listings for a document's versions: from its pieces' compiles where a piece owns
    the line (`pipeline.doccompile`), else from the whole module compiled once per text."""

    def __init__(self, filename: str):
        self.filename = filename
        self._whole: tuple[str, object] | None = None
        self._document: tuple[object, object] | None = None

    def document(self, analysis):
        """The version's compile piece by piece (a `DocumentCompile`), None when its text does
        not parse or must be compiled whole; one analysis remembered."""
        from pipeline.doccompile import compile_document

        if not isinstance(analysis, ChunkedAnalysis):
            return None
        if self._document is None or self._document[0] is not analysis:
            self._document = (analysis, compile_document(analysis, self.filename))
        return self._document[1]

    def whole_index(self, text: str):
        """The whole module's HoverIndex (None when it does not compile), one text remembered."""
        from pipeline import compile_program
        from pipeline.hover import HoverIndex

        if self._whole is None or self._whole[0] != text:
            compiled = compile_program(text.encode("utf-8", "surrogatepass"), self.filename)
            self._whole = (text, None if compiled.code is None else HoverIndex(compiled.code))
        return self._whole[1]

    def listings(self, analysis, line: int, span=None, whole=None):
        """The listings for `line` (narrowed to `span`), or None when the module does not compile.
        `whole()`, when given, is the whole module's HoverIndex for the analysis's text (the
        server's, compiled once per version); otherwise it is compiled here."""
        if isinstance(analysis, ChunkedAnalysis) and not analysis.parses:
            return None
        pieces = self.document(analysis)
        if pieces is not None:
            if not pieces.compiles:
                return None
            found = pieces.listings(line, span)
            if found is not None:
                return found
        index = (whole or (lambda: self.whole_index(analysis.text)))()
        return None if index is None else index.listings(line, span)


def _declares_global(chunk) -> bool:
    """Whether a `global` or `nonlocal` keyword is among the chunk's pieces' tokens."""
    found = chunk.memo.get("global")
    if found is None:
        found = any(_piece_declares_global(piece) for _, piece in chunk.segments())
        chunk.memo["global"] = found
    return found


def _piece_declares_global(piece) -> bool:
    found = piece.memo.get("global")
    if found is None:
        found = any(t.type == NAME and t.string in ("global", "nonlocal") for t in piece.tokens)
        piece.memo["global"] = found
    return found
