"""Where 3.14's traceback puts `~` and `^` under a source segment.

CPython's `traceback` module parses the failing segment with `ast` to find the root expression
(binary operator, subscript or call) and its sub-expression boundaries, and parses the whole
statement to decide whether carets are shown at all.  Bytelens does not run the host's parser on
user text, so this module carries the small expression reader those two decisions need: it
tokenizes the segment and recognises expression structure by precedence, recording only spans.
"""
from __future__ import annotations

import dataclasses

_OPERATORS = sorted("""
    ** // >> << <= >= == != -> := += -= *= /= %= &= |= ^= @= ... **= //= >>= <<=
    + - * / % @ & | ^ ~ < > ( ) [ ] { } , : . ; = !
""".split(), key=len, reverse=True)
_STRING_PREFIX = set("rRbBuUfFtT")


@dataclasses.dataclass(frozen=True, slots=True)
class Tok:
    kind: str        # NAME, NUMBER, STRING, OP
    text: str
    line: int        # 0-based line in the segment
    col: int         # character offsets
    end_line: int
    end_col: int


def tokenize(lines: list[str]) -> list[Tok] | None:
    """Tokens of `lines` (comments and line breaks dropped); None when it cannot be tokenized."""
    toks: list[Tok] = []
    i, col = 0, 0
    while i < len(lines):
        line = lines[i]
        if col >= len(line):
            i, col = i + 1, 0
            continue
        ch = line[col]
        if ch in " \t\f\r\n":
            col += 1
        elif ch == "#":
            col = len(line)
        elif ch == "\\" and col == len(line.rstrip("\r\n")) - 1:
            i, col = i + 1, 0
        elif ch.isdigit() or (ch == "." and col + 1 < len(line) and line[col + 1].isdigit()):
            end = col
            while end < len(line) and (line[end].isalnum() or line[end] in "._" or
                                       (line[end] in "+-" and line[end - 1] in "eE" and
                                        not line[col:end].lower().startswith("0x"))):
                end += 1
            toks.append(Tok("NUMBER", line[col:end], i, col, i, end))
            col = end
        elif ch.isidentifier() or ch == "_":
            end = col
            while end < len(line) and (line[end].isidentifier() or line[end].isdigit() or line[end] == "_"
                                       or line[end:end + 1].isalnum()):
                end += 1
            word = line[col:end]
            if end < len(line) and line[end] in "'\"" and set(word) <= _STRING_PREFIX and len(word) <= 2:
                tok = _string(lines, i, col, end)
                if tok is None:
                    return None
                toks.append(tok)
                i, col = tok.end_line, tok.end_col
            else:
                toks.append(Tok("NAME", word, i, col, i, end))
                col = end
        elif ch in "'\"":
            tok = _string(lines, i, col, col)
            if tok is None:
                return None
            toks.append(tok)
            i, col = tok.end_line, tok.end_col
        else:
            for op in _OPERATORS:
                if line.startswith(op, col):
                    toks.append(Tok("OP", op, i, col, i, col + len(op)))
                    col += len(op)
                    break
            else:
                return None
    return toks


def _string(lines, i, start, quote_at) -> Tok | None:
    """The string literal whose prefix starts at (i, start) and quote at (i, quote_at)."""
    first_line = i
    line = lines[i]
    q = line[quote_at]
    delim = q * 3 if line.startswith(q * 3, quote_at) else q
    pos = quote_at + len(delim)
    while True:
        if pos >= len(lines[i]):
            if len(delim) == 1 and not lines[i].rstrip("\r\n").endswith("\\"):
                return None
            i, pos = i + 1, 0
            if i >= len(lines):
                return None
            continue
        if lines[i][pos] == "\\":
            pos += 2  # an escaped character (raw strings too cannot end on an escaped quote)
            continue
        if lines[i].startswith(delim, pos):
            return Tok("STRING", lines[first_line][start:quote_at], first_line, start, i, pos + len(delim))
        pos += 1


@dataclasses.dataclass(slots=True)
class Node:
    kind: str                      # "binop", "call", "subscript", "name", "other"
    start: tuple[int, int]
    end: tuple[int, int]
    left: Node | None = None       # binop: left operand; call: func; subscript: value
    right: Node | None = None      # binop: right operand


class _Parser:
    def __init__(self, toks: list[Tok]):
        self.toks = toks
        self.pos = 0

    def peek(self, k=0) -> Tok | None:
        j = self.pos + k
        return self.toks[j] if j < len(self.toks) else None

    def at(self, *texts) -> bool:
        t = self.peek()
        return t is not None and t.kind in ("OP", "NAME") and t.text in texts

    def take(self) -> Tok:
        t = self.toks[self.pos]
        self.pos += 1
        return t

    def fail(self):
        raise _NoParse

    def expr(self) -> Node:
        if self.at("lambda"):
            start = self.take()
            while not self.at(":"):
                if self.peek() is None:
                    self.fail()
                self.take()
            self.take()
            body = self.expr()
            return Node("other", (start.line, start.col), body.end)
        node = self.or_test()
        if self.at("if"):
            self.take()
            self.or_test()
            if not self.at("else"):
                self.fail()
            self.take()
            orelse = self.expr()
            return Node("other", node.start, orelse.end)
        return node

    def or_test(self):
        return self._chain(self.and_test, ("or",), "other")

    def and_test(self):
        return self._chain(self.not_test, ("and",), "other")

    def not_test(self):
        if self.at("not"):
            start = self.take()
            operand = self.not_test()
            return Node("other", (start.line, start.col), operand.end)
        return self.comparison()

    def comparison(self):
        node = self.bitor()
        while True:
            if self.at("<", ">", "==", ">=", "<=", "!=", "in", "is"):
                first = self.take()
                if first.text == "is" and self.at("not"):
                    self.take()
            elif self.at("not") and self.peek(1) is not None and self.peek(1).text == "in":
                self.take()
                self.take()
            else:
                return node
            right = self.bitor()
            node = Node("other", node.start, right.end)

    def _chain(self, sub, ops, kind):
        node = sub()
        while self.at(*ops):
            self.take()
            right = sub()
            node = Node(kind, node.start, right.end, node, right)
        return node

    def bitor(self):
        return self._chain(self.bitxor, ("|",), "binop")

    def bitxor(self):
        return self._chain(self.bitand, ("^",), "binop")

    def bitand(self):
        return self._chain(self.shift, ("&",), "binop")

    def shift(self):
        return self._chain(self.arith, ("<<", ">>"), "binop")

    def arith(self):
        return self._chain(self.term, ("+", "-"), "binop")

    def term(self):
        return self._chain(self.factor, ("*", "/", "//", "%", "@"), "binop")

    def factor(self):
        if self.at("+", "-", "~"):
            start = self.take()
            operand = self.factor()
            return Node("other", (start.line, start.col), operand.end)
        return self.power()

    def power(self):
        node = self.await_primary()
        if self.at("**"):
            self.take()
            right = self.factor()
            node = Node("binop", node.start, right.end, node, right)
        return node

    def await_primary(self):
        if self.at("await"):
            start = self.take()
            operand = self.primary()
            return Node("other", (start.line, start.col), operand.end)
        return self.primary()

    def primary(self):
        node = self.atom()
        while True:
            if self.at("."):
                self.take()
                name = self.peek()
                if name is None or name.kind != "NAME":
                    self.fail()
                self.take()
                node = Node("other", node.start, (name.end_line, name.end_col))
            elif self.at("("):
                end = self.skip_brackets()
                node = Node("call", node.start, end, node)
            elif self.at("["):
                end = self.skip_brackets()
                node = Node("subscript", node.start, end, node)
            else:
                return node

    def skip_brackets(self) -> tuple[int, int]:
        pairs = {"(": ")", "[": "]", "{": "}"}
        depth = []
        while True:
            t = self.peek()
            if t is None:
                self.fail()
            self.take()
            if t.kind == "OP" and t.text in pairs:
                depth.append(pairs[t.text])
            elif t.kind == "OP" and t.text in (")", "]", "}"):
                if not depth or depth.pop() != t.text:
                    self.fail()
                if not depth:
                    return (t.end_line, t.end_col)

    def atom(self):
        t = self.peek()
        if t is None:
            self.fail()
        if t.kind == "OP" and t.text in ("(", "[", "{"):
            start = (t.line, t.col)
            end = self.skip_brackets()
            return Node("other", start, end)
        if t.kind == "OP" and t.text == "...":
            self.take()
            return Node("other", (t.line, t.col), (t.end_line, t.end_col))
        if t.kind == "STRING":
            self.take()
            end = (t.end_line, t.end_col)
            while self.peek() is not None and self.peek().kind == "STRING":
                last = self.take()
                end = (last.end_line, last.end_col)
            return Node("other", (t.line, t.col), end)
        if t.kind == "NUMBER":
            self.take()
            return Node("other", (t.line, t.col), (t.end_line, t.end_col))
        if t.kind == "NAME" and t.text not in _KEYWORDS:
            self.take()
            return Node("name", (t.line, t.col), (t.end_line, t.end_col))
        if t.kind == "NAME" and t.text in ("None", "True", "False"):
            self.take()
            return Node("other", (t.line, t.col), (t.end_line, t.end_col))
        self.fail()


_KEYWORDS = frozenset("""False None True and as assert async await break class continue def del elif
else except finally for from global if import in is lambda nonlocal not or pass raise return try
while with yield""".split())


class _NoParse(Exception):
    pass


def parse_expression(lines: list[str]) -> Node | None:
    """The root of `lines` read as one expression, or None if it is not exactly one."""
    toks = tokenize(lines)
    if not toks:
        return None
    p = _Parser(toks)
    try:
        node = p.expr()
    except _NoParse:
        return None
    return node if p.pos == len(toks) else None


@dataclasses.dataclass(frozen=True, slots=True)
class Anchors:
    left_end_lineno: int
    left_end_offset: int
    right_start_lineno: int
    right_start_offset: int
    primary_char: str = "~"
    secondary_char: str = "^"


def extract_anchors(segment: str) -> Anchors | None:
    """`_extract_caret_anchors_from_line_segment`."""
    lines = segment.splitlines()
    node = parse_expression(lines)
    if node is None or node.kind not in ("binop", "call", "subscript"):
        return None

    def next_valid_char(lineno, col):
        while lineno < len(lines) and col >= len(lines[lineno]):
            col = 0
            lineno += 1
        if lineno >= len(lines):
            raise _NoParse
        return lineno, col

    def increment_until(lineno, col, stop):
        while True:
            ch = lines[lineno][col]
            if ch in "\\#":
                lineno, col = next_valid_char(lineno + 1, 0)
            elif not stop(ch):
                lineno, col = next_valid_char(lineno, col + 1)
            else:
                return lineno, col

    try:
        if node.kind == "binop":
            lineno, col = next_valid_char(*node.left.end)
            lineno, col = increment_until(lineno, col, lambda x: not x.isspace() and x != ")")
            right_col = col + 1
            rline, rcol = node.right.start
            if (right_col < len(lines[lineno]) and (rline > lineno or right_col < rcol)
                    and not (ch := lines[lineno][right_col]).isspace() and ch not in "\\#"):
                right_col += 1
            return Anchors(lineno, col, lineno, right_col)
        left_lineno, left_col = next_valid_char(*node.left.end)
        bracket = "(" if node.kind == "call" else "["
        left_lineno, left_col = increment_until(left_lineno, left_col, lambda x: x == bracket)
        right_lineno, right_col = node.end
        return Anchors(left_lineno, left_col, right_lineno, right_col)
    except (_NoParse, IndexError):
        return None


def statement_spans_call(all_lines: list[str], start_offset: int, end_offset: int) -> bool:
    """`_should_show_carets`' exception: `return f(...)` (a plain name called) / `x = ...(...)`
    (any call) whose call is the whole instruction span hides the carets."""
    toks = tokenize(all_lines)
    if not toks:
        return False
    # Only the first statement counts (the module parse's body[0]).
    for k, t in enumerate(toks):
        if t.kind == "OP" and t.text == ";":
            toks = toks[:k]
            break
    is_return = toks[0].kind == "NAME" and toks[0].text == "return"
    if is_return:
        rest = toks[1:]
    elif (len(toks) > 2 and toks[0].kind == "NAME" and toks[0].text not in _KEYWORDS
          and toks[1].kind == "OP" and toks[1].text == "="):
        rest = toks[2:]
    else:
        return False
    p = _Parser(rest)
    try:
        value = p.expr()
    except _NoParse:
        return False
    if p.pos != len(rest) or value.kind != "call" or (is_return and value.left.kind != "name"):
        return False
    return (value.start[0] == 0 and value.end[0] == len(all_lines) - 1
            and value.start[1] == start_offset and value.end[1] == end_offset)
