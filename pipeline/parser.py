"""The parser: source text to a `pipeline.astnodes` tree equal to CPython 3.14.2's `ast.parse`.

Contract
--------
`parse(source, filename="<unknown>", mode="exec")` returns a `ParseResult(tree, errors)`:
either a tree and no errors, or tree None and the one SyntaxError (IndentationError, TabError)
that CPython raises for the same input, as a `SyntaxErrorInfo` whose fields mean what the
exception's attributes mean (lineno and offset 1-based, offsets in characters). Parsing never
raises on user text, and trees are values (frozen nodes, tuples).

How it works
------------
The tokenizer (`pipeline.tokenizer`) gives CPython's tokens; `_Tokens` turns them into parallel
arrays once (token codes with keywords pre-classified, strings, UTF-8 byte positions as the AST
needs them), including type comments as CPython's tokenizer emits them with type_comments on. The
rules of `parser_generated.py` (generated from `grammar/python.gram`) run over those arrays; this
module's `_Runtime` supplies their actions' helpers: literal decoding, f/t-string assembly,
argument lists, target contexts and CPython's error-raising helpers.

Errors follow pegen's two passes: a first pass without the `invalid_*` rules; on failure a second
pass with them, whose specialised errors win; otherwise "invalid syntax" (or unexpected indent /
unindent) at the furthest token the first pass looked at. Tokenizer errors surface as CPython
surfaces them: when the parser reaches the bad token, or in place of a parser error further up
(except the errors CPython's lexer only signals, such as bad dedents, and an unclosed bracket,
which wins only when opened before the line of the last token the parser read).
`SyntaxErrorInfo.report` prints an error as 3.14's traceback module does, including its search
for a mistyped keyword ("invalid syntax. Did you mean 'import'?").

Invariants: the tree is built only from tokens (no host `ast`/`compile`/`tokenize`); the garbage
collector is paused while parsing (see `parse`).
"""
from __future__ import annotations

import codecs
import contextlib
import dataclasses
import functools
import gc
import re
import sys
import unicodedata
import warnings

from pipeline import astnodes as A
from pipeline.grammar.codes import KEYWORD_CODES, OPERATOR_CODES, TOKEN_CODES

__all__ = ["ParseResult", "SyntaxErrorInfo", "SyntaxWarningInfo", "decode_source", "parse"]


@dataclasses.dataclass(frozen=True, slots=True)
class SyntaxErrorInfo:
    kind: str            # "SyntaxError" | "IndentationError" | "TabError"; "MemoryError" when too deep
    message: str
    filename: str
    lineno: int | None
    offset: int | None   # 1-based, characters, as SyntaxError.offset
    end_lineno: int | None
    end_offset: int | None
    text: str | None     # the source line, newline included, as SyntaxError.text
    # The line of the last compound statement (not a def) the error pass parsed (0: none),
    # which 3.14 keeps in SyntaxError._metadata for traceback's keyword-typo suggestions.
    stmt_lineno: int = 0

    def report(self, source: str | None = None) -> str:
        """The last lines of CPython 3.14's traceback for this error (traceback's SyntaxError
        format); given the source text, with traceback's "Did you mean '<keyword>'?" search."""
        if source is not None:
            typo = _keyword_typo(self, source)
            if typo is not None:
                return typo.report()
        out = []
        if self.lineno is not None:
            out.append(f'  File "{self.filename}", line {self.lineno}\n')
        if self.text is not None:
            rtext = self.text.rstrip("\n")
            ltext = rtext.lstrip(" \n\f")
            spaces = len(rtext) - len(ltext)
            if self.offset is None:
                out.append(f"    {ltext}\n")
            else:
                offset = self.offset
                if self.lineno == self.end_lineno:
                    end_offset = self.end_offset if self.end_offset not in (None, 0) else offset
                else:
                    end_offset = len(rtext) + 1
                if self.text and offset > len(self.text):
                    offset = len(rtext) + 1
                if self.text and end_offset > len(self.text):
                    end_offset = len(rtext) + 1
                if offset >= end_offset or end_offset < 0:
                    end_offset = offset + 1
                colno = offset - 1 - spaces
                end_colno = end_offset - 1 - spaces
                out.append(f"    {ltext}\n")
                if colno >= 0:
                    caretspace = "".join(c if c.isspace() else " " for c in ltext[:colno])
                    out.append(f"    {caretspace}{'^' * (end_colno - colno)}\n")
        out.append(f"{self.kind}: {self.message}\n")
        return "".join(out)


@dataclasses.dataclass(frozen=True, slots=True)
class SyntaxWarningInfo:
    """A SyntaxWarning the parser emits (invalid escape sequences), as warnings would show it."""
    message: str
    filename: str
    lineno: int

    def report(self, line: str | None) -> str:
        """What the warnings module prints for it, given its source line."""
        text = f"{self.filename}:{self.lineno}: SyntaxWarning: {self.message}\n"
        return text + (f"  {line.strip()}\n" if line and line.strip() else "")


@dataclasses.dataclass(frozen=True, slots=True)
class ParseResult:
    tree: A.AST | None
    errors: tuple[SyntaxErrorInfo, ...]
    warnings: tuple[SyntaxWarningInfo, ...] = ()  # once per (line, message), in emission order


class _SyntaxError(Exception):
    """A located error on its way out of the rules; `col`/`end_col` are 0-based characters."""

    def __init__(self, kind: str, message: str, lineno: int, col: int, end_lineno: int, end_col: int):
        super().__init__(message)
        self.kind, self.message = kind, message
        self.lineno, self.col, self.end_lineno, self.end_col = lineno, col, end_lineno, end_col


_NAME = TOKEN_CODES["NAME"]
_NEWLINE = TOKEN_CODES["NEWLINE"]
_INDENT = TOKEN_CODES["INDENT"]
_DEDENT = TOKEN_CODES["DEDENT"]
_ENDMARKER = TOKEN_CODES["ENDMARKER"]
_COMMENT = TOKEN_CODES["COMMENT"]
_TYPE_COMMENT = TOKEN_CODES["TYPE_COMMENT"]
_ERRORTOKEN = TOKEN_CODES["ERRORTOKEN"]
_ELLIPSIS = OPERATOR_CODES["..."]
_MIDDLES = frozenset((TOKEN_CODES["FSTRING_MIDDLE"], TOKEN_CODES["TSTRING_MIDDLE"]))
_STRING_STARTS = frozenset((TOKEN_CODES["FSTRING_START"], TOKEN_CODES["TSTRING_START"]))
_STRING_ENDS = frozenset((TOKEN_CODES["FSTRING_END"], TOKEN_CODES["TSTRING_END"]))
_OPENERS = frozenset(OPERATOR_CODES[c] for c in "([{")
_CLOSERS = frozenset(OPERATOR_CODES[c] for c in ")]}")
# Tokens that never end a node: pegen's EXTRA ends at the last token before them.
_WHITESPACE = frozenset((_NEWLINE, _INDENT, _DEDENT, _ENDMARKER))

_TYPE_COMMENT_RE = re.compile(r"#[ \t]*type:[ \t]*")
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_COOKIE_RE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")


def decode_source(source: bytes | str) -> str:
    """The text the tokenizer reads (for error lines and byte columns); best effort, never raises."""
    if isinstance(source, str):
        return source
    encoding = "utf-8"
    if source.startswith(codecs.BOM_UTF8):
        source = source[3:]
    else:
        for line in source.splitlines()[:2]:
            m = _COOKIE_RE.match(line)
            if m:
                encoding = m.group(1).decode("ascii")
                break
            if not line.strip().startswith(b"#") and line.strip():
                break
    try:
        return source.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return source.decode("utf-8", "replace")


def _type_comments(source: bytes | str) -> list[tuple[int, int, int, int, str]]:
    """(line, col, end line, end col, text) of each `# type:` comment, read off the tokenize view.

    The parser-facing token stream carries no comments; CPython's tokenizer, with type comments
    on, turns these into TYPE_COMMENT / TYPE_IGNORE tokens, which `_Tokens` splices back in.
    """
    from pipeline.tokenizer import tokenize_recovering

    tokens, _ = tokenize_recovering(source, extra_tokens=True)
    return [tok.start + tok.end + (tok.string,) for tok in tokens
            if tok.type == _COMMENT and _TYPE_COMMENT_RE.match(tok.string)]


class _Tokens:
    """The token stream as parallel arrays; see the module docstring."""

    def __init__(self, text: str, tokens: list, comments: list):
        self.lines = [m.group() for m in _LINE_RE.finditer(text)]
        self.type_ignores: list[tuple[int, str]] = []
        self.stmt_lineno = 0  # see SyntaxErrorInfo.stmt_lineno; set by the last rules run
        self.warnings: list[tuple[int, str]] = []  # (line, message), as the rules emit them
        self.lexer_warnings: list[tuple[int, str]] = []  # (line, message), as the lexer emits them
        self._levels: tuple[list[int], list[int]] | None = None
        if comments:
            tokens = self._splice_comments(tokens, comments)
        # Past the last token lies either nothing (after ENDMARKER) or the tokenizer's error: a
        # sentinel code no rule matches, placed where the next token would start.
        self.T = T = [KEYWORD_CODES.get(t.string, _NAME) if t.type == _NAME else t.type for t in tokens]
        T.append(_ERRORTOKEN)
        self.S = [t.string for t in tokens] + [""]
        self.SL = SL = [t.start[0] for t in tokens]
        self.SC = SC = [t.start[1] for t in tokens]
        self.XL = XL = [t.end[0] for t in tokens]
        self.XC = XC = [t.end[1] for t in tokens]
        end = (XL[-1], XC[-1]) if tokens else (1, 0)
        SL.append(end[0]), SC.append(end[1]), XL.append(end[0]), XC.append(end[1])
        for i, tok in enumerate(tokens):
            if T[i] in _MIDDLES and tok.string[-1:] in ("{", "}"):
                # A doubled brace leaves one brace in the string, but CPython's parser-side token
                # ends after both (the tokenize view ends it after the first).
                if self.line_text(XL[i])[XC[i]:XC[i] + 1] == tok.string[-1]:
                    XC[i] += 1
            elif T[i] == _NEWLINE:
                # The parser view's NEWLINE ends before its '\n'; CPython's parser-side token
                # ends after it (after a '\r\n' read as one '\n', the view already does).
                line = self.line_text(XL[i])
                if line[XC[i]:XC[i] + 1] == "\n" and line[XC[i] - 1:XC[i]] != "\r":
                    XC[i] += 1
        if text.isascii():
            self.C, self.XB = SC, XC
        else:
            self.C = [self.byte_col(line, col) for line, col in zip(SL, SC)]
            self.XB = [self.byte_col(line, col) for line, col in zip(XL, XC)]
        # EL[i], EC[i]: end of the last token before index i that is not NEWLINE/INDENT/DEDENT.
        n = len(T)
        EL = [1] * (n + 1)
        EC = [0] * (n + 1)
        last_line, last_col = 1, 0
        XB = self.XB
        for i, kind in enumerate(T):
            EL[i] = last_line
            EC[i] = last_col
            if kind not in _WHITESPACE:
                last_line, last_col = XL[i], XB[i]
        EL[n], EC[n] = last_line, last_col
        self.EL, self.EC = EL, EC

    def _splice_comments(self, tokens: list, comments: list) -> list:
        """The tokens with CPython's TYPE_COMMENT tokens in place (and TYPE_IGNOREs recorded)."""
        from pipeline.tokenizer import Token

        out: list = []
        depth = 0
        ci = 0
        for tok in tokens:
            # Every comment left comes before ENDMARKER (placed at column -1 in a text of
            # comments only).
            while ci < len(comments) and (comments[ci][:2] <= tok.start or tok.type == _ENDMARKER):
                line, col, end_line, end_col, string = comments[ci]
                ci += 1
                body = string[_TYPE_COMMENT_RE.match(string).end():]
                alone = not out or out[-1].end[0] < line  # nothing but the comment on its line
                if body.startswith("ignore") and (len(body) == 6 or not (body[6].isalnum() or ord(body[6]) >= 128)):
                    # Alone on its line, CPython's TYPE_IGNORE swallows the newline into its tag.
                    self.type_ignores.append((line, body[6:] + "\n" if alone else body[6:]))
                    continue
                out.append(Token(_TYPE_COMMENT, body, (line, col + len(string) - len(body)), (end_line, end_col), ""))
                if alone and depth == 0:
                    # Alone on its line, a type comment is followed by a NEWLINE in CPython.
                    out.append(Token(_NEWLINE, "", (end_line, end_col), (end_line, end_col), ""))
            if tok.type in _OPENERS:
                depth += 1
            elif tok.type in _CLOSERS and depth:
                depth -= 1
            out.append(tok)
        return out

    def open_strings(self) -> int:
        """How many f/t-strings are open after the last token."""
        starts = sum(1 for kind in self.T if kind in _STRING_STARTS)
        return starts - sum(1 for kind in self.T if kind in _STRING_ENDS)

    def levels(self) -> tuple[list[int], list[int]]:
        """(bracket depth after each token, as pegen's token level; indices of unclosed brackets)."""
        if self._levels is None:
            self._levels = self._compute_levels()
        return self._levels

    def _compute_levels(self) -> tuple[list[int], list[int]]:
        depth, levels, stack = 0, [], []
        for i, kind in enumerate(self.T):
            if kind in _OPENERS:
                depth += 1
                stack.append(i)
            elif kind in _CLOSERS and depth:
                depth -= 1
                stack.pop()
            levels.append(depth)
        return levels, stack

    def line_text(self, lineno: int) -> str:
        return self.lines[lineno - 1] if 0 < lineno <= len(self.lines) else ""

    def byte_col(self, lineno: int, col: int) -> int:
        line = self.line_text(lineno)
        if col <= 0 or line.isascii():
            return col
        return len(line[:col].encode("utf-8", "surrogatepass"))

    def char_col(self, lineno: int, byte_col: int) -> int:
        line = self.line_text(lineno)
        if line.isascii():
            return byte_col
        return len(line.encode("utf-8", "surrogatepass")[:byte_col].decode("utf-8", "replace"))

    def source_between(self, l1: int, c1: int, l2: int, c2: int) -> str:
        """Source text from (l1, c1) to (l2, c2), character columns."""
        if l1 == l2:
            return self.line_text(l1)[c1:c2]
        parts = [self.line_text(l1)[c1:]]
        parts += [self.line_text(n) for n in range(l1 + 1, l2)]
        parts.append(self.line_text(l2)[:c2])
        return "".join(parts)


class _Tracked(list):
    """A token-code list that remembers the furthest index read (pegen's `fill`)."""

    def __init__(self, items, fill: int = 0):
        super().__init__(items)
        self.fill = fill

    def __getitem__(self, i):
        if i >= self.fill:
            self.fill = i + 1
        return list.__getitem__(self, i)


_LEGACY = frozenset(("print", "exec"))
_BYTES_ESCAPES = frozenset("\n\\'\"abfnrtv01234567x")
_STR_ESCAPES = _BYTES_ESCAPES | frozenset("NuU")
_EXPR_NAMES = {
    A.Attribute: "attribute", A.Subscript: "subscript", A.Starred: "starred", A.Name: "name",
    A.List: "list", A.Tuple: "tuple", A.Lambda: "lambda", A.Call: "function call",
    A.BoolOp: "expression", A.BinOp: "expression", A.UnaryOp: "expression",
    A.GeneratorExp: "generator expression", A.Yield: "yield expression",
    A.YieldFrom: "yield expression", A.Await: "await expression",
    A.ListComp: "list comprehension", A.SetComp: "set comprehension",
    A.DictComp: "dict comprehension", A.Dict: "dict literal", A.Set: "set display",
    A.JoinedStr: "f-string expression", A.FormattedValue: "f-string expression",
    A.TemplateStr: "t-string expression", A.Interpolation: "t-string expression",
    A.Compare: "comparison", A.IfExp: "conditional expression", A.NamedExpr: "named expression",
}


class _Runtime:
    """What the generated rules' actions call: `P` in python.gram."""

    NO_ARGUMENTS = ((), ())

    def __init__(self, toks: _Tokens, feature_version: int | None):
        self.toks = toks
        self.S = toks.S
        self.L = toks.SL
        self.C = toks.C
        self.feature_version = feature_version
        self.T = toks.T  # replaced by a _Tracked list while looking for errors
        self.error_pass = False
        self.stmt_lineno = 0

    # -- tokens to nodes ----------------------------------------------------------------------

    def id(self, i: int) -> str:
        s = self.S[i]
        return s if s.isascii() else unicodedata.normalize("NFKC", s)

    def name(self, i: int, ctx: A.expr_context = A.Load()) -> A.Name:
        t = self.toks
        return A.Name(self.id(i), ctx, t.SL[i], t.C[i], t.XL[i], t.XB[i])

    def number(self, i: int) -> A.Constant:
        text = self.S[i].replace("_", "")
        if text[0] == "0" and text.isdigit() and text.strip("0"):
            # The parser-side lexer's check (pipeline.tokenizer lets these through).
            zeros = len(text) - len(text.lstrip("0"))
            line, col = self.toks.SL[i], self.toks.SC[i]
            raise _SyntaxError("SyntaxError", "leading zeros in decimal integer literals are not permitted; "
                               "use an 0o prefix for octal integers", line, col, line, col + zeros)
        try:
            if text[-1] in "jJ":
                value: object = complex(0.0, float(text[:-1]))
            elif text[:2].lower() in ("0x", "0o", "0b"):
                value = int(text, 0)
            elif "." in text or "e" in text or "E" in text:
                value = float(text)
            else:
                value = int(text)
        except ValueError as exc:  # the int max str digits limit
            raise self._error_at(i, i, "SyntaxError", f"{exc} - Consider hexadecimal for huge integer "
                                 "literals to avoid decimal conversion limits.") from None
        t = self.toks
        return A.Constant(value, None, t.SL[i], t.C[i], t.XL[i], t.XB[i])

    def type_comment(self, i: int | None) -> str | None:
        return None if i is None else self.S[i]

    def arg_with_type_comment(self, a: A.arg, tc: int | None) -> A.arg:
        return a if tc is None else dataclasses.replace(a, type_comment=self.S[tc])

    def count_dots(self, toks: list[int]) -> int:
        return sum(3 if self.T[i] == _ELLIPSIS else 1 for i in toks)

    def join_names_with_dot(self, a: A.Name, b: int) -> A.Name:
        t = self.toks
        return A.Name(f"{a.id}.{self.id(b)}", A.Load(), a.lineno, a.col_offset, t.XL[b], t.XB[b])

    def check_version(self, minor: int, what: str, node):
        if self.feature_version is not None and self.feature_version < minor:
            raise self._error_here("SyntaxError", f"{what} only supported in Python 3.{minor} and greater")
        return node

    def check_barry_as_flufl(self, tok: int) -> int | None:
        # '<>' is only NOTEQUAL under `from __future__ import barry_as_FLUFL`, which we do not track.
        return tok if self.S[tok] == "!=" else None

    def register_stmt(self, stmt: A.stmt) -> list:
        """pegen notes where the error pass's last compound statement starts (for tracebacks).
        Not a def: in that pass invalid_def_raw matches every def first, with a placeholder
        that leaves the note alone."""
        if self.error_pass and not isinstance(stmt, (A.FunctionDef, A.AsyncFunctionDef)):
            self.stmt_lineno = stmt.lineno
        return [stmt]

    def make_module(self, stmts: list | None) -> A.Module:
        ignores = tuple(A.TypeIgnore(lineno, tag) for lineno, tag in self.toks.type_ignores)
        return A.Module(tuple(stmts or ()), ignores)

    @staticmethod
    def interactive_exit() -> None:
        """Single input that is only ENDMARKER: pegen stops the parse (a failure here)."""
        return None

    # -- statements and arguments -----------------------------------------------------------------

    @staticmethod
    def with_decorators(decorators: list, node: A.stmt) -> A.stmt:
        return dataclasses.replace(node, decorator_list=tuple(decorators))

    @staticmethod
    def empty_arguments() -> A.arguments:
        return A.arguments((), (), None, (), (), None, ())

    @staticmethod
    def make_arguments(slash_no_default, slash_with_default, plain_names, names_with_default, star_etc):
        if slash_no_default is not None:
            posonly = tuple(slash_no_default)
        elif slash_with_default is not None:
            posonly = tuple(slash_with_default[0]) + tuple(a for a, _ in slash_with_default[1])
        else:
            posonly = ()
        args = tuple(plain_names or ()) + tuple(a for a, _ in names_with_default or ())
        defaults = tuple(d for _, d in names_with_default or ())
        if slash_with_default is not None:
            defaults = tuple(d for _, d in slash_with_default[1]) + defaults
        vararg = kwarg = None
        kwonly: tuple = ()
        kw_defaults: tuple = ()
        if star_etc is not None:
            vararg, pairs, kwarg = star_etc
            kwonly = tuple(a for a, _ in pairs)
            kw_defaults = tuple(d for _, d in pairs)
        return A.arguments(posonly, args, vararg, kwonly, kw_defaults, kwarg, defaults)

    @staticmethod
    def collect_call_args(positional: list, rest: list | None) -> tuple[tuple, tuple]:
        if not rest:
            return tuple(positional), ()
        starred = [x for x in rest if not isinstance(x, A.keyword)]
        keywords = tuple(x for x in rest if isinstance(x, A.keyword))
        return tuple(positional) + tuple(starred), keywords

    def set_ctx(self, node: A.expr, ctx: A.expr_context) -> A.expr:
        if isinstance(node, (A.Name, A.Attribute, A.Subscript)):
            return dataclasses.replace(node, ctx=ctx)
        if isinstance(node, (A.Tuple, A.List)):
            return dataclasses.replace(node, elts=tuple(self.set_ctx(e, ctx) for e in node.elts), ctx=ctx)
        if isinstance(node, A.Starred):
            return dataclasses.replace(node, value=self.set_ctx(node.value, ctx), ctx=ctx)
        return node

    def ensure_real(self, c: A.Constant) -> A.Constant:
        if isinstance(c.value, complex):
            raise self._error_node(c, c, "SyntaxError", "real number required in complex literal")
        return c

    def ensure_imaginary(self, c: A.Constant) -> A.Constant:
        if not isinstance(c.value, complex):
            raise self._error_node(c, c, "SyntaxError", "imaginary number required in complex literal")
        return c

    # -- string literals --------------------------------------------------------------------------

    def _warn_escapes(self, body: str, bytes_: bool, tok: int, fstring: bool = False) -> None:
        """CPython's SyntaxWarning for the first invalid escape of a literal."""
        valid = _BYTES_ESCAPES if bytes_ else _STR_ESCAPES
        i = body.find("\\")
        while 0 <= i < len(body) - 1:
            c = body[i + 1]
            if c not in valid:
                if fstring and c in "{}":
                    return  # the lexer has warned about those
                message = (f'"\\{c}" is an invalid escape sequence. Such sequences will not work in the '
                           f'future. Did you mean "\\\\{c}"? A raw string is also an option.')
                break
            digits = re.match(r"[0-7]{1,3}", body[i + 1:i + 4]).group() if c in "01234567" else ""
            if len(digits) == 3 and int(digits, 8) > 0o377:
                message = (f'"\\{digits}" is an invalid octal escape sequence. Such sequences will not work '
                           f'in the future. Did you mean "\\\\{digits}"? A raw string is also an option.')
                break
            i = body.find("\\", i + 2)
        else:
            return
        # CPython adds the newlines before the escape to the line of the token it holds (for
        # f-string parts: the string's end).
        self.toks.warnings.append((self.toks.SL[tok] + body.count("\n", 0, i), message))

    def _decode_str(self, body: str, raw: bool, tok: int, fstring: bool = False) -> str:
        if raw or "\\" not in body:
            return body
        self._warn_escapes(body, False, tok, fstring)
        # CPython escapes every non-ASCII character as \UXXXXXXXX (and a backslash before one as
        # \u005c) and runs the unicode-escape codec over the result; so do we, for its errors.
        out = []
        i, n = 0, len(body)
        while i < n:
            c = body[i]
            if c == "\\":
                out.append(c)
                i += 1
                if i >= n or ord(body[i]) >= 0x80:
                    out.append("u005c")
                    if i >= n:
                        break
                c = body[i]
            out.append(c if ord(c) < 0x80 else "\\U%08x" % ord(c))
            i += 1
        buf = "".join(out).encode("ascii")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return codecs.unicode_escape_decode(buf)[0]
        except UnicodeDecodeError as exc:  # pegen raises these at the last token read
            raise self._error_here("SyntaxError", f"(unicode error) {exc}") from None

    def string_constant(self, i: int) -> A.Constant:
        s = self.S[i]
        q = 0
        while s[q] not in "'\"":
            q += 1
        prefix = s[:q].lower()
        body = s[q + 3:-3] if s[q:q + 3] in ('"""', "'''") and len(s) - q >= 6 else s[q + 1:-1]
        raw = "r" in prefix
        if "b" in prefix:
            if not body.isascii():
                raise self._error_at(i, i, "SyntaxError", "bytes can only contain ASCII literal characters")
            if raw or "\\" not in body:
                value: object = body.encode("ascii")
            else:
                self._warn_escapes(body, True, i)
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        value = codecs.escape_decode(body.encode("ascii"))[0]
                except ValueError as exc:
                    raise self._error_here("SyntaxError", f"(value error) {exc}") from None
        else:
            value = self._decode_str(body, raw, i)
        t = self.toks
        return A.Constant(value, "u" if s[0] == "u" else None, t.SL[i], t.C[i], t.XL[i], t.XB[i])

    def middle_constant(self, i: int) -> A.Constant:
        """An f/t-string middle, not yet decoded (its string's rawness decides later)."""
        t = self.toks
        return A.Constant(self.S[i], None, t.SL[i], t.C[i], t.XL[i], t.XB[i])

    def spec_constant(self, i: int) -> A.Constant:
        """A format spec's text, decoded unless its f/t-string is raw."""
        t = self.toks
        raw = "r" in self.S[self._string_start(i)].lower()
        return A.Constant(self._decode_str(self.S[i], raw, i, fstring=True), None,
                          t.SL[i], t.C[i], t.XL[i], t.XB[i])

    def _string_start(self, i: int) -> int:
        """The FSTRING_START/TSTRING_START of the innermost f/t-string holding token `i`."""
        depth = 0
        while True:
            i -= 1
            if self.T[i] in _STRING_ENDS:
                depth += 1
            elif self.T[i] in _STRING_STARTS:
                if depth == 0:
                    return i
                depth -= 1

    def check_fstring_conversion(self, bang: int, name: int):
        t = self.toks
        if t.XL[bang] != t.SL[name] or t.XB[bang] != t.C[name]:
            raise self._error_at(bang, name, "SyntaxError",
                                 "f-string: conversion type must come right after the exclamation mark")
        conv = self.id(name)
        if len(conv) > 1 or conv not in "sra":
            raise self._error_at(name, name, "SyntaxError",
                                 f"f-string: invalid conversion character {conv!r}: expected 's', 'r', or 'a'")
        return self.name(name), bang

    def format_spec(self, colon: int, spec: list, end: int):
        t = self.toks
        spec = [x for x in spec if not (isinstance(x, A.Constant) and x.value == "")]
        loc = (t.SL[colon], t.C[colon], t.EL[end], t.EC[end])
        if not spec or (len(spec) == 1 and isinstance(spec[0], A.Constant)):
            node = A.JoinedStr(tuple(spec), *loc)
        else:
            node = self.concatenate_strings(spec, *loc)
        return node, colon

    def formatted_value(self, value, debug, conversion, fmt, rbrace: int, lbrace: int, template: bool):
        t = self.toks
        conv = -1
        if conversion is not None:
            conv = ord(conversion[0].id)  # checked by check_fstring_conversion
        elif debug is not None and fmt is None:
            conv = ord("r")
        # The expression's text runs from after '{' to the '!', ':' or '}' that ends it.
        stop = conversion[1] if conversion else fmt[1] if fmt else rbrace
        text = t.source_between(t.XL[lbrace], t.XC[lbrace], t.SL[stop], t.SC[stop])
        loc = (t.SL[lbrace], t.C[lbrace], t.XL[rbrace], t.XB[rbrace])
        spec = fmt[0] if fmt else None
        if template:
            expr_text = text.rstrip()
            if debug is not None:
                expr_text = expr_text[:-1].rstrip()
            node = A.Interpolation(value, expr_text, conv, spec, *loc)
        else:
            node = A.FormattedValue(value, conv, spec, *loc)
        if debug is None:
            return node
        if conversion:
            end_line, end_col = conversion[0].lineno, conversion[0].col_offset
        elif fmt:
            end_line, end_col = fmt[0].lineno, fmt[0].col_offset + 1
        else:
            end_line, end_col = loc[2], loc[3]
        debug_text = A.Constant(text, None, loc[0], loc[1] + 1, end_line, end_col - 1)
        return [debug_text, node]

    def _string_parts(self, start: int, items: list, end: int) -> list:
        """The parts of one f/t-string, middles decoded (warnings at its end token's line) and
        empty ones dropped."""
        raw = "r" in self.S[start].lower()
        out = []
        for item in items:
            if isinstance(item, list):  # a debug `=` field: its text, then the value
                out += item
                continue
            if isinstance(item, A.Constant):
                s = item.value
                s = s[0] if s in ("{{", "}}") else s
                value = self._decode_str(s, raw, end, fstring=True)
                if not value:
                    continue
                item = dataclasses.replace(item, value=value)
            out.append(item)
        return out

    def joined_str(self, start: int, items: list, end: int) -> A.JoinedStr:
        t = self.toks
        return A.JoinedStr(tuple(self._string_parts(start, items, end)), t.SL[start], t.C[start], t.XL[end], t.XB[end])

    def template_str(self, start: int, items: list, end: int) -> A.TemplateStr:
        t = self.toks
        return A.TemplateStr(tuple(self._string_parts(start, items, end)), t.SL[start], t.C[start], t.XL[end], t.XB[end])

    @staticmethod
    def _fold_constants(parts: list, drop_empty: bool) -> list:
        """Adjacent Constants merged into one spanning them (kind of the first); empties dropped."""
        out: list = []
        run: list = []

        def flush():
            if not run:
                return
            first, last = run[0], run[-1]
            value = "".join(c.value for c in run)
            if len(run) > 1:
                merged = A.Constant(value, first.kind, first.lineno, first.col_offset, last.end_lineno, last.end_col_offset)
            else:
                merged = first
            if not (drop_empty and value == ""):
                out.append(merged)
            run.clear()

        for part in parts:
            if isinstance(part, A.Constant):
                run.append(part)
            else:
                flush()
                out.append(part)
        flush()
        return out

    def concatenate_strings(self, items: list, lineno=None, col_offset=None, end_lineno=None, end_col_offset=None):
        loc = (lineno, col_offset, end_lineno, end_col_offset)
        has_f = any(not isinstance(x, A.Constant) for x in items)
        has_bytes = any(isinstance(x, A.Constant) and isinstance(x.value, bytes) for x in items)
        has_str = any(isinstance(x, A.Constant) and not isinstance(x.value, bytes) for x in items)
        if has_bytes and (has_f or has_str):
            raise self._error_here("SyntaxError", "cannot mix bytes and nonbytes literals")
        if has_bytes:
            return A.Constant(b"".join(x.value for x in items), items[0].kind, *loc)
        if not has_f and len(items) == 1:
            return items[0]
        flat: list = []
        for x in items:
            flat += x.values if isinstance(x, A.JoinedStr) else [x]
        # Empty constants still widen a run they fold into; alone, f-strings drop them.
        values = self._fold_constants(flat, has_f)
        if not has_f:
            return values[0]
        return A.JoinedStr(tuple(values), *loc)

    def concatenate_tstrings(self, items: list, lineno, col_offset, end_lineno, end_col_offset):
        flat: list = []
        for x in items:
            flat += x.values
        values = self._fold_constants(flat, True)
        return A.TemplateStr(tuple(values), lineno, col_offset, end_lineno, end_col_offset)

    # -- errors -----------------------------------------------------------------------------------

    def _start_of(self, x) -> tuple[int, int]:
        t = self.toks
        if isinstance(x, int):
            return t.SL[x], t.SC[x]
        return x.lineno, t.char_col(x.lineno, x.col_offset)

    def _end_of(self, x) -> tuple[int, int]:
        t = self.toks
        if isinstance(x, int):
            return t.XL[x], t.XC[x]
        return x.end_lineno, t.char_col(x.end_lineno, x.end_col_offset)

    def _error_at(self, a: int, b: int, kind: str, msg: str) -> _SyntaxError:
        """From the start of token `a` to the end of token `b`."""
        t = self.toks
        if t.SC[a] < 0:
            # INDENT/DEDENT/ENDMARKER have no columns: pegen uses the lexer's cursor as a 1-based
            # offset: at the next token on the line, else past the line's end; the end unknown.
            b = a + 1
            while b < len(t.SC) - 1 and t.SC[b] < 0:
                b += 1
            nxt = t.SC[b] if b < len(t.SC) - 1 and t.SL[b] == t.SL[a] else -1
            if nxt < 0:
                nxt = len(t.line_text(t.SL[a]).rstrip("\r\n")) + 1
            return _SyntaxError(kind, msg, t.SL[a], nxt - 1, t.SL[a], -2)
        return self._error_node(a, b, kind, msg)

    def _error_node(self, a, b, kind: str, msg: str) -> _SyntaxError:
        """From the start of `a` to the end of `b` (nodes or token indices)."""
        l1, c1 = self._start_of(a)
        l2, c2 = self._end_of(b)
        return _SyntaxError(kind, msg, l1, c1, l2, c2)

    def _last_fetched(self) -> int:
        fill = getattr(self.T, "fill", len(self.T))
        return max(0, min(fill, len(self.T)) - 1)

    def _error_here(self, kind: str, msg: str) -> _SyntaxError:
        """pegen's RAISE_SYNTAX_ERROR: at the last token the tokenizer handed over."""
        i = self._last_fetched()
        return self._error_at(i, i, kind, msg)

    def error_location(self, a, msg: str):
        raise self._error_node(a, a, "SyntaxError", msg)

    def error_range(self, a, b, msg: str):
        raise self._error_node(a, b, "SyntaxError", msg)

    def error_starting_from(self, a, msg: str):
        l1, c1 = self._start_of(a)
        # pegen ends these at the tokenizer's cursor (after the last token read, a NEWLINE
        # being one character wide there), taken as a 1-based offset.
        last = self._last_fetched()
        l2, c2 = self._end_of(last)
        if self.T[last] == _NEWLINE:
            c2 = self.toks.SC[last] + 1
        raise _SyntaxError("SyntaxError", msg, l1, c1, l2, c2 - 1)

    def error_on_token(self, i: int, msg: str):
        raise self._error_at(i, i, "SyntaxError", msg)

    def syntax_error(self, msg: str):
        raise self._error_here("SyntaxError", msg)

    def indentation_error(self, msg: str):
        raise self._error_here("IndentationError", msg)

    def raise_forced(self, i: int, expected: str):
        raise self._error_at(i, i, "SyntaxError", f"expected '{expected}'")

    @staticmethod
    def expr_name(e) -> str:
        if isinstance(e, A.Constant):
            v = e.value
            if v is None or v is True or v is False:
                return str(v)
            return "ellipsis" if v is Ellipsis else "literal"
        return _EXPR_NAMES.get(type(e), "expression")

    def is_legacy_stmt(self, i: int) -> bool:
        return self.S[i] in _LEGACY

    def error_for_missing_comma(self, a, b, end: int):
        # Only inside brackets, and not for `print x` (the legacy-statement rule's business).
        if isinstance(a, A.Name) and a.id in _LEGACY or self.toks.levels()[0][end - 1] == 0:
            return None
        raise self._error_node(a, b, "SyntaxError", "invalid syntax. Perhaps you forgot a comma?")

    def error_invalid_target(self, kind: str, e):
        target = _invalid_target(e, kind)
        if target is None:
            return None
        what = {"star": "assign to", "del": "delete", "for": "assign to"}[kind]
        raise self._error_node(target, target, "SyntaxError", f"cannot {what} {self.expr_name(target)}")

    def error_kvpair_missing_colon(self, a):
        t = self.toks
        line = a.lineno
        col = t.char_col(a.end_lineno, a.end_col_offset) - 1
        raise _SyntaxError("SyntaxError", "':' expected after dictionary key", line, col, a.end_lineno, -1)

    @staticmethod
    def last_comprehension_item(comp: A.comprehension):
        return comp.ifs[-1] if comp.ifs else comp.iter

    def nonparen_genexp_in_call(self, args, comps):
        positional = args[0]
        if len(positional) <= 1:
            return None
        raise self._error_node(positional[-1], self.last_comprehension_item(comps[-1]), "SyntaxError",
                               "Generator expression must be parenthesized")

    def arguments_parsing_error(self, args):
        unpacking = any(k.arg is None for k in args[1])
        raise self._error_here("SyntaxError", "positional argument follows keyword argument unpacking"
                               if unpacking else "positional argument follows keyword argument")


def _invalid_target(e, kind: str):
    if isinstance(e, (A.List, A.Tuple)):
        for elt in e.elts:
            found = _invalid_target(elt, kind)
            if found is not None:
                return found
        return None
    if isinstance(e, A.Starred):
        return e if kind == "del" else _invalid_target(e.value, kind)
    if isinstance(e, A.Compare):
        if kind == "for":
            return _invalid_target(e.left, kind) if isinstance(e.ops[0], A.In) else None
        return e
    if isinstance(e, (A.Name, A.Subscript, A.Attribute)):
        return None
    return e


# ------------------------------------------------------------------------------------------ entry

_START_RULES = {"exec": "file", "eval": "eval", "single": "interactive", "func_type": "func_type"}


_LONE_CR = re.compile("\r(?!\n)")
_LONE_CR_BYTES = re.compile(b"\r(?!\n)")


def _info(err: _SyntaxError, filename: str, toks: _Tokens) -> SyntaxErrorInfo:
    line = toks.line_text(err.lineno) if err.lineno else None
    if line is not None and not line.endswith(("\n", "\r")):
        line += "\n"
    if err.lineno is None:
        return SyntaxErrorInfo(err.kind, err.message, filename, None, None, None, None, None)
    return SyntaxErrorInfo(err.kind, err.message, filename, err.lineno, err.col + 1,
                           err.end_lineno, err.end_col + 1, line, toks.stmt_lineno)


# Lexer errors CPython's tokenizer reports through its state, not as an exception: the parser
# turns them into exceptions only when it reads the offending token.
_SIGNALLED_ONLY = frozenset(("unexpected character after line continuation character",
                             "unexpected EOF while parsing", "unexpected EOF in multi-line statement"))


def _utf8_error(source: bytes) -> _SyntaxError | None:
    """CPython reads undeclared source as UTF-8 and names the first byte that is not."""
    if source.startswith(codecs.BOM_UTF8):
        source = source[3:]
    else:
        for line in source.splitlines()[:2]:
            m = _COOKIE_RE.match(line)
            if m:
                return None  # declared: the tokenizer judges the declaration and the decoding
            if line.strip() and not line.strip().startswith(b"#"):
                break
    for lineno, line in enumerate(source.split(b"\n"), 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as exc:
            col = len(line[:exc.start].decode("utf-8"))
            message = (f"Non-UTF-8 code starting with '\\x{line[exc.start]:02x}' on line {lineno}, "
                       "but no encoding declared; see https://peps.python.org/pep-0263/ for details")
            return _SyntaxError("SyntaxError", message, lineno, col, lineno, col)
    return None


def _unclosed(toks: _Tokens, i: int) -> _SyntaxError:
    return _SyntaxError("SyntaxError", f"'{toks.S[i]}' was never closed", toks.SL[i], toks.SC[i], toks.SL[i], -1)


def _tokenizer_failure(error, toks: _Tokens, source: bytes | str) -> _SyntaxError:
    """The SyntaxError CPython's parser raises when it reads the token a lexer error stopped at."""
    kind = "SyntaxError" if error.kind == "TokenError" else error.kind
    if error.message == "invalid or missing encoding declaration" and isinstance(source, bytes):
        utf8_error = _utf8_error(source)
        if utf8_error is not None:
            return utf8_error
    if error.message == "unexpected EOF in multi-line statement":
        # The parser-side lexer reports EOF inside brackets as the innermost one never closed.
        unclosed = toks.levels()[1]
        if unclosed:
            return _unclosed(toks, unclosed[-1])
        # At a line's start the lexer's count misses the line it has just buffered.
        offset = error.offset or len(toks.line_text(error.lineno).rstrip("\r\n")) + 2
        return _SyntaxError("SyntaxError", "unexpected EOF while parsing", error.lineno, offset - 1,
                            error.lineno, offset - 1)
    if error.kind == "TabError" or error.message == "too many levels of indentation":
        # pegen places the errors its lexer finds in the indentation at the line's start.
        return _SyntaxError(kind, error.message, error.lineno, 0, error.lineno, -1)
    if error.message == "unindent does not match any outer indentation level":
        # pegen raises this one at its lexer's position with no end (end_offset -1).
        return _SyntaxError(kind, error.message, error.lineno, (error.offset or 1) - 1, error.lineno, -2)
    if error.message == "unexpected character after line continuation character":
        # pegen points just past the backslash, which follows the last token the lexer made.
        line = toks.line_text(error.lineno)
        ends = [toks.XC[i] for i in range(len(toks.T) - 1) if toks.XL[i] == error.lineno]
        start = max(ends, default=0)
        backslash = line.find("\\", start)
        if backslash >= 0:
            return _SyntaxError(kind, error.message, error.lineno, backslash + 1, error.lineno, -1)
    end_lineno = error.end_lineno if error.end_lineno is not None else error.lineno
    end_offset = error.end_offset if error.end_offset is not None else error.offset
    return _SyntaxError(kind, error.message, error.lineno, (error.offset or 1) - 1,
                        end_lineno, (end_offset or 1) - 1)


# Rules recurse about twenty frames per nesting level of an expression; CPython's own limits
# (200 brackets, its parser stack) come first. Python-to-Python calls use no C stack (3.11+).
_RECURSION_LIMIT = 60000


def _run(toks: _Tokens, start: str, feature_version: int | None, call_invalid: bool, T):
    from pipeline.parser_generated import make_rules

    runtime = _Runtime(toks, feature_version)
    runtime.T = T
    runtime.error_pass = call_invalid
    rules = make_rules(runtime, T, toks.S, toks.SL, toks.C, toks.EL, toks.EC, call_invalid)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, _RECURSION_LIMIT))
    try:
        return rules[start](0)
    except _SyntaxError as exc:
        exc.stmt_lineno = runtime.stmt_lineno
        if _invalid_trace is not None:
            _invalid_trace.append(_invalid_origin(exc.__traceback__))
        raise
    except RecursionError:
        # Deeper than CPython's parser stack (its MAXSTACK rule calls) would go too.
        raise _SyntaxError("MemoryError", "Parser stack overflowed - Python source too complex to parse",
                           None, -1, None, -1) from None
    finally:
        sys.setrecursionlimit(limit)
        toks.stmt_lineno = runtime.stmt_lineno


# Off (None) unless `trace_invalid_rules` is active: then every error the rules raise appends
# the `invalid_*` alternative it came from (see `_invalid_origin`).
_invalid_trace: list | None = None


@contextlib.contextmanager
def trace_invalid_rules():
    """Within the block, collect for each SyntaxError the rules raise the `(rule, alternative)`
    pairs of the `invalid_*` rules it was raised under, outermost first (alternatives numbered
    from 1 in grammar order); empty when none was active (forced tokens, checks of the first
    pass). For tests measuring which `invalid_*` alternatives a set of inputs exercises."""
    global _invalid_trace
    saved, _invalid_trace = _invalid_trace, []
    try:
        yield _invalid_trace
    finally:
        _invalid_trace = saved


@functools.cache
def _generated_alternatives() -> tuple[str, list[int]]:
    """parser_generated.py's file name and, per line, the `invalid_*` alternative number the
    generator's `# alternative N` comments put it in (0 outside them)."""
    from pipeline import parser_generated

    numbers, current = [0], 0
    with open(parser_generated.__file__, encoding="utf-8") as f:
        for line in f:
            stripped = line.strip()
            if stripped.startswith("# alternative "):
                current = int(stripped.rsplit(" ", 1)[1])
            elif stripped.startswith("def "):
                current = 0
            numbers.append(current)
    return parser_generated.__file__, numbers


def _invalid_origin(tb) -> tuple[tuple[str, int], ...]:
    filename, numbers = _generated_alternatives()
    chain = []
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == filename:
            name = code.co_name.removeprefix("_raw_").removeprefix("r_")
            if name.startswith("invalid_") and numbers[tb.tb_lineno]:  # not a memo wrapper
                chain.append((name, numbers[tb.tb_lineno]))
        tb = tb.tb_next
    return tuple(chain)


def _tokens_until_error(source):
    """The parser's view of the tokens up to the first tokenizer error, and that error (or None):
    CPython's parser sees exactly these tokens before the lexer stops it."""
    from pipeline.tokenizer import TokenizerError, tokenize

    tokens: list = []
    warned: list = []
    try:
        for tok in tokenize(source, extra_tokens=False, warnings=warned):
            tokens.append(tok)
    except TokenizerError as exc:
        return tokens, exc.error, warned
    return tokens, None, warned


def parse(source: bytes | str, filename: str = "<unknown>", mode: str = "exec", *,
          type_comments: bool = True, feature_version: int | None = None,
          optimize: int = -1) -> ParseResult:
    """Parse `source` as CPython 3.14's `ast.parse(source, filename, mode, type_comments=...,
    feature_version=(3, feature_version), optimize=...)`; never raises on user text."""
    # Tokenizing and parsing allocate many containers and no garbage cycles worth collecting
    # mid-way (the rule closures' cycle goes afterwards): the collector would only rescan the
    # growing token lists and tree, which costs as much as the parse itself.
    collecting = gc.isenabled()
    gc.disable()
    try:
        result = _parse(source, filename, mode, type_comments, feature_version)
    finally:
        if collecting:
            gc.enable()
    if optimize > 0 and result.tree is not None:
        result = dataclasses.replace(result, tree=_optimized(result.tree))
    return result


def _optimized(node):
    """3.14's AST optimizer as `ast.parse(optimize=1)` applies it: `__debug__` becomes False."""
    if isinstance(node, A.Name) and node.id == "__debug__" and isinstance(node.ctx, A.Load):
        return A.Constant(False, None, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
    changes = {}
    for field in node._fields:
        value = getattr(node, field)
        if isinstance(value, A.AST):
            new = _optimized(value)
        elif isinstance(value, tuple):
            new = tuple(_optimized(x) if isinstance(x, A.AST) else x for x in value)
            if all(a is b for a, b in zip(new, value)):
                new = value
        else:
            continue
        if new is not value:
            changes[field] = new
    return dataclasses.replace(node, **changes) if changes else node


def _parse(source: bytes | str, filename: str, mode: str, type_comments: bool,
           feature_version: int | None) -> ParseResult:
    text = decode_source(source)
    if "\0" in text:
        # compile() refuses such source before tokenizing, with no location.
        err = _SyntaxError("SyntaxError", "source code string cannot contain null bytes", None, -1, None, -1)
        return ParseResult(None, (_info(err, filename, _Tokens("", [], [])),))
    if "\r" in text and _LONE_CR.search(text):
        # The string tokenizer translates newlines first: a lone CR ends a line like LF.
        text = _LONE_CR.sub("\n", text)
        source = _LONE_CR_BYTES.sub(b"\n", source) if isinstance(source, bytes) else text
    if isinstance(source, bytes) and not text.isascii() and "\ufffd" in text:
        utf8_error = _utf8_error(source)
        if utf8_error is not None:
            return ParseResult(None, (_info(utf8_error, filename, _Tokens(text, [], [])),))
    tokens, tok_error, lexer_warnings = _tokens_until_error(source)
    comments = _type_comments(source) if type_comments and _TYPE_COMMENT_RE.search(text) else []
    if mode == "single" and len(tokens) > 1 and tokens[-1].type == _ENDMARKER:
        # pegen turns the first ENDMARKER of single input into a NEWLINE (then reads ENDMARKER).
        tokens.insert(-1, dataclasses.replace(tokens[-1], type=_NEWLINE))
    toks = _Tokens(text, tokens, comments)
    # The lexer's own warnings: numbers run into a keyword (`1if`). Its `\\{` warnings in
    # f-strings the rules emit themselves, when they decode the literal.
    toks.lexer_warnings = [(w.lineno, w.message) for w in lexer_warnings if w.message.endswith(" literal")]
    start = _START_RULES[mode]
    if tok_error is None:
        try:
            tree = _run(toks, start, feature_version, False, toks.T)
        except _SyntaxError:
            tree = None  # located again by _failure, which knows how far the parser read
        if tree is not None:
            return ParseResult(tree, (), _warnings(toks, filename))
    err = _failure(toks, start, feature_version, tok_error, source)
    return ParseResult(None, (_info(err, filename, toks),), _warnings(toks, filename))


def _warnings(toks: _Tokens, filename: str) -> tuple[SyntaxWarningInfo, ...]:
    # The warnings registry shows each (message, line) once, however often the passes decode.
    # The lexer warns as it reads a token, before the rules act on that line.
    emitted = sorted(toks.lexer_warnings + toks.warnings, key=lambda w: w[0])
    return tuple(SyntaxWarningInfo(message, filename, line) for line, message in dict.fromkeys(emitted))


def _failure(toks: _Tokens, start: str, feature_version: int | None, tok_error,
             source: bytes | str) -> _SyntaxError:
    """pegen's failure path (see the module docstring); returns the error CPython raises."""
    n = len(toks.T) - 1  # index of the sentinel standing for the tokenizer's error, or past ENDMARKER
    tracked = _Tracked(toks.T)
    err = None
    try:
        _run(toks, start, feature_version, False, tracked)
    except _SyntaxError as exc:
        err = exc
    if err is None and tracked.fill <= n:
        last = max(0, tracked.fill - 1)
        tracked = _Tracked(toks.T, tracked.fill)
        try:
            _run(toks, start, feature_version, True, tracked)
        except _SyntaxError as exc:
            err = exc
        if err is None:
            runtime = _Runtime(toks, feature_version)
            if toks.T[last] in (_INDENT, _DEDENT):
                message = "unexpected indent" if toks.T[last] == _INDENT else "unexpected unindent"
                return runtime._error_at(last, last, "IndentationError", message)
            err = runtime._error_at(last, last, "SyntaxError", "invalid syntax")
    if tok_error is None:
        return err
    failure = _tokenizer_failure(tok_error, toks, source)
    if err is None or tracked.fill > n:
        return failure  # the parser reached the bad token
    # Otherwise pegen tokenizes the rest of the source. If the lexer stops inside an f/t-string,
    # the parser's error (in its expression) stands. Else an error the lexer raises replaces it;
    # one it only signals (bad dedents and tabs, continuation lines, EOF) does not, but if it
    # stops inside brackets opened before the last line the parser read, the innermost is
    # reported as never closed.
    if toks.open_strings():
        return err
    if tok_error.kind in ("SyntaxError", "TokenError") and tok_error.message not in _SIGNALLED_ONLY:
        return failure
    unclosed = toks.levels()[1]
    if unclosed and toks.SL[min(tracked.fill, n + 1) - 1] > toks.SL[unclosed[-1]]:
        return _unclosed(toks, unclosed[-1])
    return err


# ------------------------------------------------------------------- traceback's keyword typos

def _keyword_typo(info: SyntaxErrorInfo, source: str) -> SyntaxErrorInfo | None:
    """3.14's traceback rewrites a plain "invalid syntax" when replacing one name near the error
    by a keyword makes the code from the last statement parsed to the error line compile
    (as `codeop.compile_command` would): the error then points at that name."""
    import difflib
    import textwrap

    from pipeline.tokenizer import TokenizerError, tokenize

    if info.message != "invalid syntax" and "Perhaps you forgot a comma" not in info.message:
        return None
    first = info.stmt_lineno
    snippet = textwrap.dedent("\n".join(source.splitlines()[first - 1 if first > 0 else 0:info.lineno or 0]))
    if len(snippet) > 1024:
        return None
    snippet_lines = snippet.splitlines()
    budget = 10
    try:
        for tok in tokenize(snippet, extra_tokens=True):
            if tok.type != _NAME or tok.string in KEYWORD_CODES:
                continue
            budget -= 1
            if budget < 0:
                break
            candidates = [_closest_keyword(tok.string)]
            candidates += difflib.get_close_matches(tok.string, list(KEYWORD_CODES), n=3, cutoff=0.5)
            for keyword in candidates[:3]:
                if not keyword or keyword == tok.string:
                    continue
                lines = list(snippet_lines)
                row = tok.start[0] - 1
                lines[row] = lines[row][:tok.start[1]] + keyword + lines[row][tok.end[1]:]
                if _compiles("\n".join(lines)):
                    return dataclasses.replace(
                        info, message=f"invalid syntax. Did you mean '{keyword}'?", text=tok.line,
                        lineno=tok.start[0], offset=tok.start[1] + 1, end_lineno=tok.end[0],
                        end_offset=tok.end[1] + 1)
    except TokenizerError:
        pass
    return None


def _edit_distance(a: bytes, b: bytes) -> int:
    """CPython's suggestion distance: moves cost 2, a change of ASCII case only 1."""
    prev = list(range(0, 2 * len(b) + 1, 2))
    for i, ca in enumerate(a, 1):
        cur = [2 * i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1 if bytes((ca,)).lower() == bytes((cb,)).lower() else 2
            cur.append(min(prev[j] + 2, cur[j - 1] + 2, prev[j - 1] + cost))
        prev = cur
    return prev[-1]


def _closest_keyword(name: str) -> str | None:
    """The keyword NameError-style suggestions would offer for `name` (None: none is close)."""
    raw = name.encode("utf-8", "surrogatepass")
    best, best_distance = None, sys.maxsize
    for keyword in KEYWORD_CODES:
        if keyword == name:
            continue
        limit = min((len(raw) + len(keyword) + 3) * 2 // 6, best_distance - 1)
        if len(raw) > 40 or len(keyword) > 40:
            continue
        distance = _edit_distance(raw, keyword.encode())
        if distance <= limit and (best is None or distance < best_distance):
            best, best_distance = keyword, distance
    return best


def _compiles(code: str) -> bool:
    """Whether `codeop.compile_command(code, symbol="exec", flags=PyCF_ONLY_AST)` returns; in
    3.14 that compiles for real, so the compiler's commonest SyntaxErrors count too."""
    if all(not line.strip() or line.strip().startswith("#") for line in code.split("\n")):
        return True
    for text in (code, code + "\n"):
        tree = parse(text).tree
        if tree is not None:
            return not _misplaced(tree, function=False, coroutine=False, loop=False)
    return _incomplete(code + "\n")


def _misplaced(node, function: bool, coroutine: bool, loop: bool) -> bool:
    """Whether a return, yield, await, break, continue or nonlocal sits where the compiler
    rejects it (outside a function, a coroutine, a loop; at module level)."""
    if isinstance(node, A.Return) and not function or isinstance(node, (A.Yield, A.YieldFrom)) and not function:
        return True
    if isinstance(node, A.Await) and not coroutine or isinstance(node, (A.Break, A.Continue)) and not loop:
        return True
    if isinstance(node, A.Nonlocal) and not function:
        return True
    if isinstance(node, (A.FunctionDef, A.AsyncFunctionDef, A.Lambda)):
        function, coroutine, loop = True, isinstance(node, A.AsyncFunctionDef), False
    elif isinstance(node, A.ClassDef):
        function = coroutine = loop = False
    for field in node._fields:
        value = getattr(node, field)
        body_of_loop = isinstance(node, (A.For, A.AsyncFor, A.While)) and field == "body"
        for child in value if isinstance(value, tuple) else (value,):
            if isinstance(child, A.AST) and _misplaced(child, function, coroutine, loop or body_of_loop):
                return True
    return False


_EOF_ERRORS = ("unexpected EOF", "unterminated triple-quoted string literal", "unterminated string literal")


def _incomplete(code: str) -> bool:
    """Whether pegen, allowed incomplete input, would call `code` incomplete: its first pass
    failed with the lexer at the end of the source."""
    tokens, error, _ = _tokens_until_error(code)
    toks = _Tokens(code, tokens, [])
    tracked = _Tracked(toks.T)
    try:
        if _run(toks, "file", None, False, tracked) is not None:
            return False
    except _SyntaxError:
        pass
    if error is None:  # did the parser read up to ENDMARKER?
        return tracked.fill >= len(toks.T) - 1
    # Or up to a lexer error at the end of the source?
    return tracked.fill >= len(toks.T) and error.message.startswith(_EOF_ERRORS)
