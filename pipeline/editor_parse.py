"""The editor's parse: a tree for any text, with every syntax error and the broken regions marked.

`parse_for_editor(text, filename)` never raises. On valid text it is `parse()`: the same tree and
no errors. On broken text it recovers statement by statement:

1. Parse; the first error is exactly CPython's (the parser's own report).
2. Find the broken statement: the innermost logical line holding the error (by the recovering
   token stream), grown to what CPython would have to drop with it: a block header's body, the
   other clauses of its compound statement (`elif`/`else`/`except`/`finally`), a decorated
   definition's decorators, and every following line indented deeper than where the statement
   is put back (an unexpected indent). An unclosed bracket or unterminated string, which
   swallows the rest of the file, is cut at the next line indented no deeper than the
   statement (a statement boundary at the same or an outer level). "expected 'except' or
   'finally' block" (reported after the `try` body) takes the `try`; a statement right below
   a region and indented less than it (a line split in two) joins that region.
3. Replace it, keeping the line structure, by a `pass` at a valid indentation (its own; for
   an indentation error its block's: the previous statement's, or inside the block it opens)
   and blank lines; parse again for the next error. Each
   later error is thus CPython's for the text with the earlier broken statements removed.
   Everything before the top-level statement holding the last region has parsed, so later
   rounds parse only the rest (blank lines keep the line numbers); once the rest parses, the
   lines before are parsed on their own and the two trees joined. Should those lines fail
   after all (a lexer error further on is reported before a parser error: CPython's order),
   a parse of the whole patched text gives the error and the rounds go on.
4. Each placeholder `pass` becomes an `ErrorNode` spanning the broken statement's original
   text, in the statement list of its innermost enclosing block.

An error inside an earlier placeholder moves the region out to the enclosing block (at the
top level, to the statement before), so each round removes at least one real statement; the rounds are bounded in number and in the text
they parse (a multiple of the input's size), after which the rest of the text from the current
region on becomes one error node. Positions are CPython's: lines 1-based, columns UTF-8 bytes.
"""
from __future__ import annotations

import bisect
import dataclasses
import gc
import re

from pipeline import astnodes as A
from pipeline.parser import ParseResult, SyntaxErrorInfo, parse
from pipeline.tokenizer import (COMMENT, DEDENT, ENDMARKER, ERRORTOKEN, INDENT, NEWLINE, NL,
                                tokenize_recovering)

__all__ = ["EditorParse", "ErrorNode", "parse_for_editor"]


@dataclasses.dataclass(frozen=True, slots=True)
class ErrorNode(A.stmt):
    """A broken statement (or run of statements) the editor parse left out of the tree.

    It sits in the statement list of its innermost enclosing block, spanning the broken text
    (columns in UTF-8 bytes, like every node); `message` is the syntax error that located it.
    """
    message: str
    lineno: int
    col_offset: int
    end_lineno: int
    end_col_offset: int

    _fields = ("message",)
    _attributes = ("lineno", "col_offset", "end_lineno", "end_col_offset")
    _asdl_types = {"message": "string", "lineno": "int", "col_offset": "int",
                   "end_lineno": "int", "end_col_offset": "int"}


@dataclasses.dataclass(frozen=True, slots=True)
class EditorParse:
    tree: A.Module
    errors: list[SyntaxErrorInfo]     # in source order; the first found is CPython's own
    error_nodes: list[ErrorNode]      # in source order, as they appear in `tree`


# Lines end at "\n" only: for str input the tokenizer counts a lone "\r" as a character.
_LINE_RE = re.compile(r"[^\n]*\n|[^\n]+\Z")
_AFTER_LINE_RE = re.compile(r"^expected an indented block after .* on line (\d+)$")
_SKIPPED = frozenset((NL, COMMENT, INDENT, DEDENT))
_CLAUSES = frozenset(("elif", "else", "except", "finally"))
_COMPOUND = frozenset(("if", "for", "while", "try", "with", "async"))
_DEFINITIONS = frozenset(("def", "class", "async"))
_OPEN, _CLOSE = frozenset("([{"), frozenset(")]}")
_PAIRS = {"(": ")", "[": "]", "{": "}"}
# Bounds on the recovery rounds: errors reported, and text parsed as a multiple of the input.
_MAX_ROUNDS = 100
_WORK_FACTOR = 4
_WORK_MIN = 8_000_000
_EXHAUSTED = object()


@dataclasses.dataclass(slots=True)
class _Stmt:
    """One logical line of the patched text, from the recovering token stream."""
    first: int          # first line (1-based)
    col: int            # character column of its first token
    last: int           # line of its last token's end
    end_col: int        # character column of that end
    head: str           # its first token's text
    width: int          # its indentation, tabs to multiples of 8 (as the tokenizer counts)
    indent: str         # its indentation as written
    open_ended: bool    # unclosed brackets or an unterminated multi-line string: swallows the rest


@dataclasses.dataclass(slots=True)
class _Region:
    first: int
    last: int
    indent: str         # the placeholder's indentation
    start: tuple[int, int]  # the broken text's span, character columns
    end: tuple[int, int]
    message: str | None = None  # the error node's message, when not the error's that found it


def parse_for_editor(text: str, filename: str = "<unknown>", first: ParseResult | None = None) -> EditorParse:
    """The tree of `text` with its broken statements replaced by `ErrorNode`s, and every error.

    Never raises on any str; on valid text the tree is `parse(text, filename)`'s. `first` is
    that parse when the caller has already made it (it is the first round, not made again)."""
    if first is None:
        first = parse(text, filename)
    if not first.errors:
        return EditorParse(first.tree, [], [])
    # As in parse(): the rounds build trees and token lists with no garbage cycles worth
    # collecting, and the collector would rescan them (it cost as much as the rounds).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _Recovery(text, filename).run(first.errors[0])
    finally:
        if collecting:
            gc.enable()


class _Recovery:
    def __init__(self, text: str, filename: str):
        self.filename = filename
        self.original = _split_lines(text)
        self.lines = list(self.original)
        self.blanked = bytearray(len(self.lines) + 2)   # 1 on lines inside a region
        self.regions: dict[int, tuple[_Region, str]] = {}  # placeholder line -> region, message
        self.errors: list[SyntaxErrorInfo] = []
        self.budget = max(_WORK_MIN, _WORK_FACTOR * len(text))
        self.flufl = "barry_as_FLUFL" in text

    def run(self, error: SyntaxErrorInfo) -> EditorParse:
        stmts = self.statements([], 1)
        while True:
            self.errors.append(error)
            region = self.region(stmts, error)
            if region is None or len(self.errors) >= _MAX_ROUNDS:
                return self.give_up(region, error.message)
            self.blank(region, error.message)
            resume = _top_level_start(stmts, region.first)
            error, tree = self.next_error(resume)
            if error is _EXHAUSTED:
                return self.give_up(region, self.regions[region.first][1])
            if error is not None:
                stmts = self.statements(stmts, resume)
                continue
            tree = self.whole_tree(resume, tree)
            if tree is not None:
                return self.finish(tree)
            result = parse("".join(self.lines), self.filename)
            if not result.errors:
                return self.finish(result.tree)
            # A lexer error later in the text hid a parser error before the resumed part.
            error = result.errors[0]
            stmts = self.statements([], 1)

    def statements(self, stmts: list[_Stmt], resume: int) -> list[_Stmt]:
        """`stmts` before line `resume` (a top-level statement's start: the text before it is
        unchanged), then the logical lines of the patched text from there on."""
        kept = stmts[:bisect.bisect_left([s.first for s in stmts], resume)]
        source = "\n" * (resume - 1) + "".join(self.lines[resume - 1:])
        self.budget -= len(source)
        return kept + _statements(self.lines, source)

    def give_up(self, region: _Region | None, message: str) -> EditorParse:
        """One error node from `region` (or the top) to the end of the text."""
        last = len(self.original)
        while last > 1 and not self.original[last - 1].strip():
            last -= 1
        if region is not None:
            rest = _Region(region.first, max(last, region.last), region.indent, region.start,
                           (last, len(self.original[last - 1].rstrip("\r\n"))) if last > region.last else region.end)
            self.blank(rest, message)
            result = parse("".join(self.lines), self.filename)
            if not result.errors:
                return self.finish(result.tree)
        self.regions.clear()
        first = self.original[0] if self.original else ""
        end = (last, len(self.original[last - 1].rstrip("\r\n"))) if self.original else (1, 0)
        self.blank(_Region(1, max(last, 1), "", (1, len(first) - len(first.lstrip())), end), message)
        result = parse("".join(self.lines), self.filename)
        return self.finish(result.tree if not result.errors else A.Module((A.Pass(1, 0, 1, 4),), ()))

    # ------------------------------------------------------------------ rounds

    def next_error(self, resume: int):
        """The first error of the patched text, parsing from line `resume` (the lines before are
        complete top-level statements that parsed): (error, None), (None, the tree of the text
        from `resume` on) once it parses, or (_EXHAUSTED, None)."""
        source = "\n" * (resume - 1) + "".join(self.lines[resume - 1:])
        self.budget -= len(source)
        if self.budget < 0:
            return _EXHAUSTED, None
        result = parse(source, self.filename)
        return (result.errors[0], None) if result.errors else (None, result.tree)

    def whole_tree(self, resume: int, rest: A.Module) -> A.Module | None:
        """The patched text's tree from `rest` (its statements from line `resume` on) and a parse
        of the lines before, when those parse (else None: a parse of everything decides)."""
        if resume == 1:
            return rest
        if self.flufl:   # `from __future__ import barry_as_FLUFL` changes how the rest parses
            return None
        head = parse("".join(self.lines[:resume - 1]), self.filename)
        if head.errors:
            return None
        return A.Module(head.tree.body + rest.body, head.tree.type_ignores + rest.type_ignores)

    def region(self, stmts: list[_Stmt], err: SyntaxErrorInfo) -> _Region | None:
        """The broken statement holding `err`, grown to what must go with it (see the module
        docstring), or None when no region can make progress."""
        if not stmts:
            return None
        line = err.lineno or 1
        match = _AFTER_LINE_RE.match(err.message)
        if match and err.kind == "IndentationError":
            line = int(match.group(1))
        i = _stmt_at(stmts, line)
        if i is None:
            if 1 <= line <= len(self.lines) and not self.blanked[line] and self.lines[line - 1].strip():
                # A comment or other non-statement line holds the error (a NUL, say).
                after = [s for s in stmts if s.first > line]
                indent = after[0].indent if after else ""
                text = self.lines[line - 1].rstrip("\r\n")
                return _Region(line, line, indent, (line, len(text) - len(text.lstrip())), (line, len(text)))
            i = max(0, bisect.bisect_right([s.first for s in stmts], line) - 1)
        if err.message == "expected 'except' or 'finally' block":
            # Reported at the token after the `try` body: the broken statement is the `try`.
            for k in range(i, -1, -1):
                if stmts[k].head == "try" and stmts[k].first < line and not self.blanked[stmts[k].first]:
                    return self.grow(stmts, k, err)
        merged = self.continuation(stmts, i, err)
        if merged is not None:
            return merged
        start = i
        while self.blanked[stmts[i].first]:
            i = _enclosing(stmts, i)
            if i is None:
                # A top-level placeholder is itself the trouble: take the statement before it.
                for k in range(start - 1, -1, -1):
                    if not stmts[k].width and not self.blanked[stmts[k].first]:
                        return self.grow(stmts, k, err)
                return None
        return self.grow(stmts, i, err)

    def continuation(self, stmts: list[_Stmt], i: int, err: SyntaxErrorInfo) -> _Region | None:
        """A broken statement right below a region, indented less than it, is the rest of the
        same broken text (a string or line split by a newline, say): one region for both."""
        if i == 0 or self.blanked[stmts[i].first] or stmts[i - 1].first not in self.regions:
            return None
        before, message = self.regions[stmts[i - 1].first]
        if stmts[i].width >= _width(before.indent) or any(
                self.lines[k - 1].strip() for k in range(before.last + 1, stmts[i].first)):
            return None
        after = self.grow(stmts, i, err, before.indent)
        return _Region(before.first, after.last, before.indent, before.start, after.end, message)

    def grow(self, stmts: list[_Stmt], i: int, err: SyntaxErrorInfo, indent: str | None = None) -> _Region:
        top = stmts[i]
        if indent is None:
            indent = top.indent
            if err.kind in ("IndentationError", "TabError") and not _AFTER_LINE_RE.match(err.message):
                # Put it back at its block's indentation: the previous statement's (its own
                # after a block header).
                prev = stmts[i - 1] if i > 0 else None
                if prev is None:
                    indent = ""
                elif not self.opens_block(prev):
                    indent = prev.indent
                else:
                    # The first line of a block: its next statement's indentation if that is
                    # the block's, else one level deeper than the header.
                    after = stmts[i + 1] if i + 1 < len(stmts) else None
                    indent = after.indent if after is not None and after.width > prev.width \
                        else prev.indent + "    "
        start = i
        if top.head in _CLAUSES:
            k = i - 1
            while k >= 0 and stmts[k].width >= top.width:
                if stmts[k].width == top.width:
                    if stmts[k].head in _COMPOUND:
                        start = k
                        break
                    if stmts[k].head not in _CLAUSES:
                        break
                k -= 1
        if stmts[start].head in _DEFINITIONS or stmts[start].head == "@":
            while start > 0 and stmts[start - 1].head == "@" and stmts[start - 1].width == stmts[start].width:
                start -= 1
        base = stmts[start].width
        width = _width(indent)
        last_line, end_pos = self.stmt_end(stmts[i], width)
        decorator = stmts[i].head == "@"
        j = i + 1
        while j < len(stmts) and stmts[j].first <= last_line:
            j += 1
        while j < len(stmts):
            s = stmts[j]
            if s.width > width or (s.width == base and (s.head in _CLAUSES or decorator)):
                if s.width == base:
                    decorator = s.head == "@"
                last_line, end_pos = self.stmt_end(s, width)
                j += 1
                while j < len(stmts) and stmts[j].first <= last_line:
                    j += 1
            else:
                break
        first = stmts[start]
        return _Region(first.first, last_line, indent, (first.first, first.col), end_pos)

    def stmt_end(self, s: _Stmt, width: int) -> tuple[int, tuple[int, int]]:
        """The last line of `s` and the end of its text; an open-ended statement stops before
        the next line (not a closing bracket's) indented no deeper than it or than `width`,
        where it is put back."""
        width = max(width, s.width)
        if not s.open_ended:
            return s.last, (s.last, s.end_col)
        for line in range(s.first + 1, min(s.last, len(self.lines)) + 1):
            text = self.lines[line - 1]
            body = text.lstrip(" \t\f")
            if not body or body[0] in "\r\n#" or body[0] in _CLOSE:
                continue
            if _width(text[:len(text) - len(body)]) <= width:
                k = line - 1
                while k > s.first and not self.lines[k - 1].strip():
                    k -= 1
                return k, (k, len(self.lines[k - 1].rstrip("\r\n")))
        return s.last, (s.last, s.end_col)

    def opens_block(self, s: _Stmt) -> bool:
        text = self.lines[s.last - 1][:s.end_col] if s.last <= len(self.lines) else ""
        return text.rstrip().endswith(":")

    def blank(self, region: _Region, message: str) -> None:
        if not self.lines:
            self.lines.append("")
            self.original.append("")
            self.blanked = bytearray(3)
        # A statement's tokens can sit past the last line (the tokenizer's end of file).
        region.first = max(1, min(region.first, len(self.lines)))
        region.last = max(region.first, min(region.last, len(self.lines)))
        for line in range(region.first, region.last + 1):
            self.regions.pop(line, None)
            self.lines[line - 1] = _line_end(self.lines[line - 1])
            self.blanked[line] = 1
        self.lines[region.first - 1] = region.indent + "pass" + _line_end(self.lines[region.first - 1])
        self.regions[region.first] = (region, region.message or message)

    # ------------------------------------------------------------------ the tree

    def finish(self, tree: A.Module) -> EditorParse:
        nodes = {}
        for line, (region, message) in self.regions.items():
            (l1, c1), (l2, c2) = region.start, region.end
            node = ErrorNode(message, l1, self.byte_col(l1, c1), l2, self.byte_col(l2, c2))
            nodes[(line, len(region.indent.encode("utf-8", "surrogatepass")))] = node
        lines = sorted(self.regions)
        placed: list[ErrorNode] = []
        tree = _splice(tree, nodes, lines, placed)
        errors = sorted(self.errors, key=lambda e: (e.lineno or 0, e.offset or 0))
        return EditorParse(tree, errors, sorted(placed, key=lambda n: (n.lineno, n.col_offset)))

    def byte_col(self, line: int, col: int) -> int:
        text = self.original[line - 1] if 0 < line <= len(self.original) else ""
        if text.isascii():
            return col
        return len(text[:col].encode("utf-8", "surrogatepass"))


def _split_lines(text: str) -> list[str]:
    return _LINE_RE.findall(text)


def _line_end(line: str) -> str:
    if line.endswith("\r\n"):
        return "\r\n"
    return "\n" if line.endswith("\n") else ""


def _width(indent: str) -> int:
    width = 0
    for ch in indent:
        if ch == "\t":
            width = (width // 8 + 1) * 8
        elif ch == "\f":
            width = 0
        else:
            width += 1
    return width


def _statements(lines: list[str], source: str) -> list[_Stmt]:
    """The logical lines of `source` (`lines` joined, or a part of them after blank lines), from
    the recovering tokenizer (which never raises)."""
    tokens, _ = tokenize_recovering(source, extra_tokens=False)
    stmts: list[_Stmt] = []
    first = last = None
    opened: list[str] = []
    broken = False
    for tok in tokens:
        kind = tok.type
        if kind == NEWLINE or kind == ENDMARKER:
            if first is not None:
                stmts.append(_make_stmt(lines, first, last, bool(opened) or broken))
                first = None
            continue
        if kind in _SKIPPED:
            continue
        if first is None:
            first, opened, broken = tok, [], False
        string = tok.string   # the parser's view types operators exactly (LPAR, ...), not OP
        if string in _OPEN:
            opened.append(_PAIRS[string])
        elif string in _CLOSE:
            # A closer that does not match is the lexer's error: the statement runs on past it.
            if not opened or opened.pop() != string:
                broken = True
        elif kind == ERRORTOKEN and tok.end[0] > tok.start[0]:
            broken = True
        last = tok
    if first is not None:
        stmts.append(_make_stmt(lines, first, last, True))
    return stmts


def _make_stmt(lines: list[str], first, last, open_ended: bool) -> _Stmt:
    line, col = first.start
    end_line, end_col = last.end
    if end_line > last.start[0] and end_col == 0:
        end_line -= 1
        end_col = len(lines[end_line - 1].rstrip("\r\n")) if 0 < end_line <= len(lines) else 0
    end_line = min(end_line, len(lines))
    indent = lines[line - 1][:col] if 0 < line <= len(lines) else ""
    return _Stmt(line, col, max(end_line, line), end_col, first.string, _width(indent), indent, open_ended)


def _stmt_at(stmts: list[_Stmt], line: int) -> int | None:
    i = bisect.bisect_right([s.first for s in stmts], line) - 1
    if i >= 0 and stmts[i].first <= line <= stmts[i].last:
        return i
    return None


def _enclosing(stmts: list[_Stmt], i: int) -> int | None:
    """The block header above statement `i` (the nearest earlier statement indented less)."""
    width = stmts[i].width
    for k in range(i - 1, -1, -1):
        if stmts[k].width < width:
            return k
    return None


def _top_level_start(stmts: list[_Stmt], line: int) -> int:
    """The first line of the top-level statement holding `line`, with its decorators and, for a
    clause (`else:`, ...), from its compound statement's head (1 if there is none)."""
    k = bisect.bisect_right([s.first for s in stmts], line) - 1
    while k >= 0 and (stmts[k].width or stmts[k].col or stmts[k].head in _CLAUSES
                      or (k > 0 and stmts[k - 1].head == "@" and not stmts[k - 1].width)):
        k -= 1
    return stmts[k].first if k >= 0 else 1


_BODIES = frozenset(("body", "orelse", "finalbody", "handlers", "cases"))


def _splice(node, nodes: dict, lines: list[int], placed: list):
    """`node` with each placeholder `pass` (keyed by line and byte column) replaced; a node that
    ended where a replaced placeholder ended now ends where its error node ends."""
    changes = {}
    ends = {}   # old end -> new end, of the children replaced
    for field in node._fields:
        if field not in _BODIES:
            continue
        items = getattr(node, field)
        new = []
        changed = False
        for item in items:
            old = item
            if isinstance(item, A.Pass):
                item = nodes.get((item.lineno, item.col_offset), item)
                if item is not old:
                    placed.append(item)
            elif _overlaps(item, lines):
                item = _splice(item, nodes, lines, placed)
            if item is not old:
                changed = True
                if getattr(old, "end_lineno", None) is not None:
                    ends[(old.end_lineno, old.end_col_offset)] = (item.end_lineno, item.end_col_offset)
            new.append(item)
        if changed:
            changes[field] = tuple(new)
    if not changes:
        return node
    end = ends.get((getattr(node, "end_lineno", None), getattr(node, "end_col_offset", None)))
    if end is not None:
        changes["end_lineno"], changes["end_col_offset"] = end
    return dataclasses.replace(node, **changes)


def _overlaps(item, lines: list[int]) -> bool:
    start = getattr(item, "lineno", None)
    if start is None:   # match_case has no position: look inside
        return True
    i = bisect.bisect_left(lines, start)
    return i < len(lines) and lines[i] <= item.end_lineno
