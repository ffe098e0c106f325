"""The tokenizer: source text to tokens, exactly as CPython 3.14.2's C lexer produces them.

Two views of the same lexer:

* `extra_tokens=True` is the `tokenize` module's view (`python -m tokenize`): ENCODING (bytes input),
  COMMENT and NL tokens, operators typed OP, NEWLINE strings '\\n'/'\\r\\n'/'' and trailing
  DEDENT/ENDMARKER tokens on the line after the last one.
* `extra_tokens=False` is what the C parser consumes (`_tokenize.TokenizerIter(...,
  extra_tokens=False)`): no COMMENT/NL, exact operator types, INDENT/DEDENT/ENDMARKER without
  columns (-1), and the stricter checks the parser-facing lexer makes (unmatched brackets, invalid
  identifiers, invalid number suffixes, leading zeros).

Invariants:

* Positions are (line, column) with 1-based lines and columns counted in characters of the decoded
  line, as `tokenize` reports them.
* Round trip (tokenize view): for every token except ENCODING, DEDENT, ENDMARKER and a NEWLINE/NL
  with an empty string (the implicit newline CPython adds to a last line lacking one, which may
  cover a final '\\r'), the token's string is exactly the source text between its start and end,
  and the text between consecutive tokens is blanks, line continuations (one lone '\\r' just before
  a continuation belongs to it, as in CPython), or the second brace of a
  doubled `{{`/`}}` (an f-string middle holds one brace of the pair, as in CPython).
  Concatenating token strings with those gaps recreates the source. (In the parser view comments
  are no tokens: a comment becomes the start of the NEWLINE that follows it, as in CPython.)
* `tokenize` (strict) raises `TokenizerError` carrying the first diagnostic CPython raises, after
  yielding the tokens before it; `tokenize_recovering` never raises, replaces bad text by ERRORTOKEN
  tokens, collects every diagnostic and always ends with ENDMARKER; its first diagnostic is the one
  strict mode raises, and on input strict mode accepts both produce the same tokens.

Lines are split only at '\\n' (as `readline` on a binary file does); a lone '\\r' is not a line
break, which is why CPython (and this module) glue it to the following token.

Fidelity includes CPython's quirks: the C lexer's column arithmetic for each error (some count
the whole buffered logical line, some UTF-8 bytes), the SyntaxWarning for `\\{` in non-raw
f-strings, and the MemoryError / UnicodeDecodeError that CPython 3.14.2 raises when its copy of an
f-string field's text (kept for `=` and t-strings) misses lines read inside a nested f-string.
"""
from __future__ import annotations

import codecs
import gc
import re
from dataclasses import dataclass
from typing import Iterator

from pipeline import facts

_NUM = {name: num for num, name in facts.TOK_NAME.items()}
ENDMARKER = _NUM["ENDMARKER"]
NAME = _NUM["NAME"]
NUMBER = _NUM["NUMBER"]
STRING = _NUM["STRING"]
NEWLINE = _NUM["NEWLINE"]
INDENT = _NUM["INDENT"]
DEDENT = _NUM["DEDENT"]
OP = _NUM["OP"]
COMMENT = _NUM["COMMENT"]
NL = _NUM["NL"]
ERRORTOKEN = _NUM["ERRORTOKEN"]
ENCODING = _NUM["ENCODING"]
FSTRING_START = _NUM["FSTRING_START"]
FSTRING_MIDDLE = _NUM["FSTRING_MIDDLE"]
FSTRING_END = _NUM["FSTRING_END"]
TSTRING_START = _NUM["TSTRING_START"]
TSTRING_MIDDLE = _NUM["TSTRING_MIDDLE"]
TSTRING_END = _NUM["TSTRING_END"]
NOTEQUAL = _NUM["NOTEQUAL"]
_EXACT = facts.EXACT_TOKEN_TYPES

# Limits of the C lexer (Parser/lexer/state.h, Parser/tokenizer/helpers).
_TABSIZE = 8
_MAXINDENT = 100
_MAXLEVEL = 200
_MAXFSTRINGLEVEL = 150
_MAX_EXPR_NESTING = 3


@dataclass(frozen=True, slots=True)
class Token:
    """One token, as `tokenize.TokenInfo` reports it."""
    type: int
    string: str
    start: tuple[int, int]
    end: tuple[int, int]
    line: str

    @property
    def exact_type(self) -> int:
        if self.type == OP:
            return _EXACT.get(self.string, OP)
        return self.type


def _token_factory():
    """A cheap constructor for Token: the slot setters directly, skipping the dataclass __init__
    (which goes through object.__setattr__ once per field because the class is frozen)."""
    new = object.__new__
    set_type, set_string = Token.type.__set__, Token.string.__set__
    set_start, set_end, set_line = Token.start.__set__, Token.end.__set__, Token.line.__set__

    def make(type_: int, string: str, start: tuple[int, int], end: tuple[int, int], line: str) -> Token:
        tok = new(Token)
        set_type(tok, type_)
        set_string(tok, string)
        set_start(tok, start)
        set_end(tok, end)
        set_line(tok, line)
        return tok
    return make


_new_token = _token_factory()


@dataclass(frozen=True, slots=True)
class TokenizeError:
    """One diagnostic: the exception CPython raises and where `python -m tokenize` places it.

    `kind` is "TokenError" for the lexer's errors in the tokenize view ("SyntaxError" in the
    parser view), "IndentationError"/"TabError" for indentation, "SyntaxError" with lineno 0 for
    the position-less errors of encoding detection, "MemoryError"/"UnicodeDecodeError" for the
    f-string field-copy failures of CPython 3.14.2, and "SyntaxWarning" for warnings.
    """
    kind: str
    message: str
    lineno: int
    offset: int
    end_lineno: int | None = None
    end_offset: int | None = None


class TokenizerError(Exception):
    """Strict tokenizing failed; `error` is the diagnostic."""

    def __init__(self, error: TokenizeError):
        super().__init__(error.message)
        self.error = error

    def report(self, filename: str) -> str:
        """The stderr line `python3.14 -m tokenize FILE` prints for this error."""
        err = self.error
        if err.kind in ("MemoryError", "UnicodeDecodeError"):
            # Not caught by the tokenize module: "unexpected error: MSG", the traceback, and
            # the exception's own line last.
            return f"unexpected error: {err.message}\n{err.kind}" + (f": {err.message}" if err.message else "")
        if err.lineno:
            return f"{filename}:{err.lineno}:{err.offset}: error: {err.message}"
        # Errors without a position come from detect_encoding (or NULs in the lines it read);
        # its messages name the file (it knows it from readline.__self__.name).
        msg = err.message
        if msg == "invalid or missing encoding declaration":
            msg = f"{msg} for {filename!r}"
        elif msg.startswith("unknown encoding: "):
            msg = f"unknown encoding for {filename!r}: {msg[len('unknown encoding: '):]}"
        elif msg == "encoding problem: utf-8":
            msg = f"encoding problem for {filename!r}: utf-8"
        return f"{filename}: error: {msg}"


class _Stop(Exception):
    """Internal: strict mode hit its first diagnostic."""


# ---------------------------------------------------------------------------------------------
# Decoding (tokenize.detect_encoding, then each line decoded with errors="replace" as the C
# tokenizer's readline path does).

_COOKIE_RE = re.compile(r"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", re.ASCII)
_BLANK_RE = re.compile(rb"^[ \t\f]*(?:[#\r\n]|$)", re.ASCII)


class _EncodingProblem(Exception):
    """detect_encoding's SyntaxError (message as CPython words it without a file name)."""


def _normal_encoding_name(orig: str) -> str:
    enc = orig[:12].lower().replace("_", "-")
    if enc == "utf-8" or enc.startswith("utf-8-"):
        return "utf-8"
    if enc in ("latin-1", "iso-8859-1", "iso-latin-1") or enc.startswith(
            ("latin-1-", "iso-8859-1-", "iso-latin-1-")):
        return "iso-8859-1"
    return orig


def _decode(source: bytes) -> tuple[str, str, list[TokenizeError], int]:
    """(encoding name for the ENCODING token, text, encoding diagnostics, lines detect_encoding read)."""
    errors: list[TokenizeError] = []
    # readline splits only at '\n'.
    lines = source.split(b"\n")
    lines = [ln + b"\n" for ln in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    bom = False
    default = "utf-8"
    if lines and lines[0].startswith(codecs.BOM_UTF8):
        bom = True
        lines[0] = lines[0][3:]
        default = "utf-8-sig"

    def find_cookie(line: bytes) -> str | None:
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            raise _EncodingProblem("invalid or missing encoding declaration")
        m = _COOKIE_RE.match(text)
        if not m:
            return None
        enc = _normal_encoding_name(m.group(1))
        try:
            codecs.lookup(enc)
        except LookupError:
            raise _EncodingProblem("unknown encoding: " + enc)
        if bom:
            if enc != "utf-8":
                raise _EncodingProblem("encoding problem: utf-8")
            enc += "-sig"
        return enc

    encoding = default
    consumed = 0
    try:
        if lines and lines[0]:
            consumed = 1
            found = find_cookie(lines[0])
            if found:
                encoding = found
            elif _BLANK_RE.match(lines[0]) and len(lines) > 1:
                consumed = 2
                found = find_cookie(lines[1])
                if found:
                    encoding = found
    except _EncodingProblem as exc:
        errors.append(TokenizeError("SyntaxError", exc.args[0], 0, 0))
        encoding = default
    codec = "utf-8" if encoding in ("utf-8", "utf-8-sig") else encoding
    if codec == "utf-8":
        text = b"".join(lines).decode("utf-8", "replace")
    else:
        text = "".join(ln.decode(codec, "replace") for ln in lines)
    name = "utf-8" if encoding == "utf-8-sig" else encoding
    return name, text, errors, consumed


# ---------------------------------------------------------------------------------------------
# Scanning tables.

_OPS = sorted(set(_EXACT) | {"<>"}, key=len, reverse=True)
# One regex for the token that starts after blanks; the group number says which kind it is.
_NORMAL_RE = re.compile(
    r"[ \t\f]*(?:"
    r"([A-Za-z_\x80-\U0010FFFF][A-Za-z0-9_\x80-\U0010FFFF]*)"  # 1 name (or string prefix)
    r"|([0-9]|\.[0-9])"  # 2 number
    r"|(\n)"  # 3 newline
    r"|(#[^\r\n]*)"  # 4 comment
    r"|(" + "|".join(re.escape(op) for op in _OPS) + r")"  # 5 operator
    r"|(['\"])"  # 6 string without prefix
    r"|(\r\n)"  # 7 CRLF newline
    r")"
)
_BLANKS_RE = re.compile(r"[ \t\f]*")
_SPACES_RE = re.compile(r" *")
_INDENT_SPECIAL = frozenset(" \t\f\\#\r\n")
_NUMBER_RE = re.compile(
    r"0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+"
    r"|(?:[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*)"
    r"(?:[eE][+-]?[0-9](?:_?[0-9])*)?[jJ]?"
)
# After a number, these characters need the exact (slow) scan to decide where it ends or fails.
_NUMBER_SUSPECT = frozenset("0123456789_.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_STRING_BODY = {
    ("'", 1): re.compile(r"[^\n\\']*(?:\\\r?[\s\S][^\n\\']*)*'"),
    ('"', 1): re.compile(r'[^\n\\"]*(?:\\\r?[\s\S][^\n\\"]*)*"'),
    ("'", 3): re.compile(r"[^\\']*(?:(?:\\\r?[\s\S]|'(?!''))[^\\']*)*'''"),
    ('"', 3): re.compile(r'[^\\"]*(?:(?:\\\r?[\s\S]|"(?!""))[^\\"]*)*"""'),
}
_FSTRING_PLAIN = {"'": re.compile(r"[^{}\\\n']*"), '"': re.compile(r'[^{}\\\n"]*')}
_DIGITS = frozenset("0123456789")
_PREFIX_CHARS = frozenset("bBrRuUfFtT")
_INCOMPATIBLE = (("u", "b"), ("u", "r"), ("u", "f"), ("u", "t"), ("b", "f"), ("b", "t"), ("f", "t"))
_BRACKETS = frozenset("([{}])")
_CLOSERS = {")": "(", "]": "[", "}": "{"}
_RADIX = {"x": ("0123456789abcdefABCDEF", "hexadecimal"), "o": ("01234567", "octal"), "b": ("01", "binary")}
_KEYWORD_AFTER_NUMBER = (("a", "nd"), ("e", "lse"), ("f", "or"), ("o", "r"), ("n", "ot"))


def _has_comment(data: bytes) -> bool:
    """Whether the C lexer sees a '#' outside quotes in a field's copied text."""
    quote = 0
    i = 0
    while i < len(data):
        ch = data[i]
        if ch == 0x5C:  # a backslash skips the next byte
            i += 2
            continue
        if ch in (0x22, 0x27):
            if not quote:
                quote = ch
            elif ch == quote:
                quote = 0
        elif ch == 0x23 and not quote:
            return True
        i += 1
    return False


def _strip_comments(data: bytes) -> bytes:
    """The field text with its comments dropped (each keeps its line's newline), as the C lexer
    does it (quotes toggle, backslashes are not special here)."""
    out = bytearray()
    quote = 0
    i = 0
    while i < len(data):
        ch = data[i]
        if ch in (0x22, 0x27):
            if not quote:
                quote = ch
            elif ch == quote:
                quote = 0
            out.append(ch)
        elif ch == 0x23 and not quote:
            while i < len(data) and data[i] != 0x0A:
                i += 1
            if i < len(data):
                out.append(0x0A)
        else:
            out.append(ch)
        i += 1
    return bytes(out)


def _is_ident_char(c: str) -> bool:
    return c.isascii() and (c.isalnum() or c == "_") or c >= "\x80"


class _FMode:
    """State of one f-string/t-string being scanned (the C lexer's tokenizer_mode)."""
    __slots__ = ("quote", "size", "start", "line_start", "first_line", "raw", "letter", "tstring",
                 "middle", "end", "regular", "depth", "expr_depth", "in_spec", "debug", "plain",
                 "expr_parts", "expr_size", "expr_end")

    def __init__(self, quote: str, size: int, start: int, line_start: int, first_line: int,
                 raw: bool, tstring: bool):
        self.quote = quote
        self.size = size
        self.start = start
        self.line_start = line_start
        self.first_line = first_line
        self.raw = raw
        self.letter = "t" if tstring else "f"
        self.tstring = tstring
        self.middle = TSTRING_MIDDLE if tstring else FSTRING_MIDDLE
        self.end = TSTRING_END if tstring else FSTRING_END
        self.regular = False  # scanning an expression (True) or literal text (False)
        self.depth = 0  # curly_bracket_depth
        self.expr_depth = -1  # curly_bracket_expr_start_depth
        self.in_spec = False
        self.debug = False  # a `=` was seen in the current field
        self.plain = _FSTRING_PLAIN[quote]
        # The C lexer copies a field's text for `=` and t-strings (last_expr_buffer): the text
        # ranges copied, their size in UTF-8 bytes (-1: no copy yet) and the size of what
        # follows the field's end on its line (-1: not seen yet).
        self.expr_parts: list[tuple[int, int]] = []
        self.expr_size = -1
        self.expr_end = -1


class _Lexer:
    """One run of the lexer over decoded text; `run` fills `tokens` and `errors`.

    Positions are indices into `text`; `lineno`/`line_start` describe the physical line being
    scanned and are kept up to date by every method that crosses a '\\n'.
    """

    def __init__(self, text: str, extra: bool, recover: bool, nul_error_line: int,
                 warnings: list[TokenizeError] | None):
        self.implicit = bool(text) and not text.endswith("\n")
        self.full = text + "\n" if self.implicit else text
        self.real_end = len(text)
        self.extra = extra
        self.recover = recover
        self.tokens: list[Token] = []
        self.errors: list[TokenizeError] = []
        self.warnings = warnings
        # The C lexer checks each line for NUL when it reads it: cut the text before the first
        # such line, and raise (or record) when the scan needs to read past the cut.
        self.cut_line = 0
        self.text = self.full
        nul = self.full.find("\0")
        if nul >= 0:
            line_begin = self.full.rfind("\n", 0, nul) + 1
            self.cut_line = self.full.count("\n", 0, line_begin) + 1
            if self.cut_line > nul_error_line:
                self.text = self.full[:line_begin]
            else:
                self.cut_line = 0
        self.n = len(self.text)
        self.lineno = 1
        self.line_start = 0
        self.buf = 0  # where the C lexer's buffer starts (error columns count from here)
        self.level = 0
        self.parens: list[tuple[str, int, int]] = []
        self.modes: list[_FMode] = []
        self.indents = [0]
        self.altindents = [0]
        self.line_key = (-1, -1)
        self.line_value = ""

    # -- diagnostics ------------------------------------------------------------------------

    def error(self, message: str, lineno: int, offset: int, kind: str = "TokenError",
              end_offset: int | None = None) -> None:
        """Record a diagnostic; in strict mode stop at the first one. Errors with an end (the
        SyntaxErrors the lexer raises itself) end on their own line."""
        end_lineno = None if end_offset is None else lineno
        if kind == "TokenError" and not self.extra:
            kind = "SyntaxError"  # the tokenize module turns the lexer's SyntaxErrors into TokenError
        self.errors.append(TokenizeError(kind, message, lineno, offset, end_lineno, end_offset))
        if not self.recover:
            raise _Stop

    def syntax_error(self, message: str, cur: int, lineno: int | None = None,
                     line_start: int | None = None) -> None:
        """_PyTokenizer_syntaxerror: the column is the number of characters before `cur`."""
        ls = self.line_start if line_start is None else line_start
        self.error(message, self.lineno if lineno is None else lineno, cur - ls, end_offset=cur - ls)

    def buffer_error(self, message: str, kind: str = "TokenError") -> None:
        """_tokenizer_error: the column is the length of the C lexer's buffer (line + newline)."""
        end = self.text.find("\n", self.line_start)
        end = self.n if end < 0 else end + 1
        self.error(message, self.lineno, end - self.buf, kind)

    def eof_error(self) -> None:
        """`unexpected EOF in multi-line statement`: the column counts buffered UTF-8 bytes."""
        offset = len(self.text[self.buf:].encode("utf-8", "surrogatepass"))
        # At the start of a line past the end, the C lexer still counts the last line read.
        lineno = self.lineno - 1 if self.line_start == self.n and self.n else self.lineno
        self.error("unexpected EOF in multi-line statement", lineno, offset)

    def hit_cut(self) -> bool:
        """At the end of the text: if it was cut before a NUL line, report it and go on in full."""
        if self.text is self.full:
            return False
        self.lineno = self.cut_line
        self.error("source code cannot contain null bytes", self.cut_line, 0)
        self.text = self.full
        self.n = len(self.full)
        return True

    # -- helpers ----------------------------------------------------------------------------

    def line_of(self, start_ls: int) -> str:
        """The `line` of a token starting on the line at `start_ls` and ending on the current one."""
        key = (start_ls, self.line_start)
        if key == self.line_key:
            return self.line_value
        end = self.text.find("\n", self.line_start)
        end = self.n if end < 0 else end + 1
        self.line_key = key
        self.line_value = self.full[start_ls:min(end, self.real_end)]
        return self.line_value

    def add(self, type_: int, s: int, e: int, string: str | None = None) -> None:
        """A token from s to e on the current line."""
        ls = self.line_start
        line = self.line_of(ls)
        self.tokens.append(_new_token(type_, self.text[s:e] if string is None else string,
                                 (self.lineno, s - ls), (self.lineno, e - ls), line))

    def add_span(self, type_: int, s: int, s_line: int, s_ls: int, e: int, string: str | None = None) -> None:
        """A token that may span lines: it starts at s on line s_line (beginning at s_ls)."""
        self.tokens.append(_new_token(type_, self.text[s:e] if string is None else string,
                                 (s_line, s - s_ls), (self.lineno, e - self.line_start),
                                 self.line_of(s_ls)))

    def advance_lines(self, s: int, e: int) -> None:
        """Account for the line breaks inside text[s:e]."""
        count = self.text.count("\n", s, e)
        if count:
            self.lineno += count
            self.line_start = self.text.rfind("\n", s, e) + 1
            if self.modes:
                self.lines_read(self.text.find("\n", s, e) + 1)

    def line_end(self, pos: int) -> int:
        end = self.text.find("\n", pos)
        return self.n if end < 0 else end + 1

    def rest_of_line_bytes(self, pos: int) -> int:
        """UTF-8 size of the text from pos to the end of its line (the C lexer's strlen)."""
        return len(self.text[pos:self.line_end(pos)].encode("utf-8", "surrogatepass"))

    def lines_read(self, begin: int) -> None:
        """Inside an f-string the C lexer has just read the lines from `begin` through the current
        one: they extend the innermost f-string's copy of its field text, if one is being made."""
        mode = self.modes[-1]
        if mode.expr_size >= 0 and mode.expr_end < 0:
            end = self.line_end(self.line_start)
            mode.expr_parts.append((begin, end))
            mode.expr_size += len(self.text[begin:end].encode("utf-8", "surrogatepass"))

    def start_field_copy(self, mode: _FMode, pos: int) -> None:
        """The C lexer starts copying a field's text after the '{' before `pos`."""
        end = self.line_end(pos)
        mode.expr_parts = [(pos, end)]
        mode.expr_size = len(self.text[pos:end].encode("utf-8", "surrogatepass"))
        mode.expr_end = -1

    def take_field_copy(self, mode: _FMode) -> None:
        """_PyLexer_set_ftstring_expr: decode the copied field text (comments dropped), which
        fails like CPython's when the copy is short (see `field_bookkeeping`)."""
        length = mode.expr_size - mode.expr_end
        if length < 0:
            self.error("", self.lineno, 0, "MemoryError")
            return
        data = b"".join(self.text[a:b].encode("utf-8", "surrogatepass") for a, b in mode.expr_parts)[:length]
        if _has_comment(data):
            data = _strip_comments(data)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.error(str(exc), self.lineno, 0, "UnicodeDecodeError")

    def field_bookkeeping(self, mode: _FMode, c: str, start: int, pos: int) -> None:
        """The C lexer's copy of a field's text (for `=` and t-strings) at '{', '}', '!' or ':'.

        It measures the field as (copied size) - (what follows the end), and the copy misses the
        lines read while a nested f-string was innermost: then the length comes out negative and
        CPython 3.14.2 fails with MemoryError. We reproduce that failure."""
        cursor = mode.depth - (c != "{")
        if not (cursor == 0 or (cursor == 1 and mode.in_spec)):
            return
        if c == "{":
            self.start_field_copy(mode, pos + 1)
            return
        if c != ":" or mode.expr_end == -1:
            mode.expr_end = self.rest_of_line_bytes(start)
        if mode.debug or mode.tstring:
            self.take_field_copy(mode)

    def op_type(self, string: str) -> int:
        """OP in the tokenize view; the exact type (`<>` is NOTEQUAL to the C lexer) for the parser."""
        if self.extra:
            return OP
        if string == "<>":
            return NOTEQUAL
        return _EXACT.get(string, OP)

    # -- the main loop ----------------------------------------------------------------------

    def run(self) -> None:
        try:
            self._run()
        except _Stop:
            pass

    def _run(self) -> None:
        # The hot loop: names, operators, newlines and unchanged indentation are handled inline
        # with the line's `line` string cached; everything else goes to the helper methods.
        extra = self.extra
        tokens = self.tokens
        append = tokens.append
        new = _new_token
        alloc = object.__new__
        set_type, set_string = Token.type.__set__, Token.string.__set__
        set_start, set_end, set_line = Token.start.__set__, Token.end.__set__, Token.line.__set__
        normal_match = _NORMAL_RE.match
        spaces_match = _SPACES_RE.match
        indents = self.indents
        altindents = self.altindents
        atbol = True
        pos = 0
        blankline = False
        bol_count = 0
        comment_newline = False
        comment_start = -1  # parser view: a NEWLINE after a comment starts at the comment
        # The current line's start, `line` string and number, refreshed when line_start moves.
        ls_cached = -1
        line = ""
        ln = 0
        while True:
            modes = self.modes
            if modes and not modes[-1].regular:
                pos = self.fstring_mode(pos)
                if pos < 0:  # the literal part ended at '{': scan the expression
                    pos = -pos - 1
                else:
                    continue
            elif atbol:
                atbol = False
                bol_count = len(tokens)
                if not modes:
                    self.buf = pos
                # Fast path: spaces only, same indentation as before, a token follows.
                j = spaces_match(self.text, pos).end()
                c = self.text[j:j + 1]
                if (c and c not in _INDENT_SPECIAL and (j - pos == indents[-1] or self.level)
                        and (self.level or altindents[-1] == indents[-1])):
                    blankline = False
                    pos = j
                elif c == "\n" or c == "#":  # blank or comment-only: indentation is ignored
                    blankline = True
                    pos = j
                else:
                    pos, blankline = self.indentation(pos)
            text = self.text
            m = normal_match(text, pos)
            if m is None:
                # Nothing recognisable: EOF, '\\', '\r' or a stray character.
                pos = _BLANKS_RE.match(text, pos).end()
                if pos >= self.n:
                    if self.hit_cut():
                        atbol = True
                        pos = self.line_start
                        continue
                    if self.level:
                        self.eof_error()
                        self.recover_eof()
                    self.finish()
                    return
                c = text[pos]
                if c == "\\":
                    pos = self.continuation(pos, at_bol=False)
                    continue
                if c == "\r":
                    # (In the parser view a skipped comment before it is part of the token.)
                    pos = self.lone_cr(pos if comment_start < 0 else comment_start, pos)
                    comment_start = -1
                    continue
                pos = self.punctuation(pos, pos, c)
                continue
            kind = m.lastindex
            s = m.start(kind)
            e = m.end()
            if kind == 1:  # name or string prefix
                # (The text ends with '\n', so a name is never at its very end.)
                if text[e] in "'\"" and self.is_prefix(m.group(1)):
                    pos = self.string_start(s, e)
                    continue
                string = m.group(1)
                if not extra and not string.isascii() and not self.verify_identifier(s, e):
                    pos = e
                    continue
                ls = self.line_start
                if ls != ls_cached:
                    ls_cached = ls
                    line = self.line_of(ls)
                    ln = self.lineno
                # The most frequent token: `_new_token` inlined.
                tok = alloc(Token)
                set_type(tok, NAME)
                set_string(tok, string)
                set_start(tok, (ln, s - ls))
                set_end(tok, (ln, e - ls))
                set_line(tok, line)
                append(tok)
                pos = e
            elif kind == 5:  # operator
                op = m.group(5)
                if op in _BRACKETS:
                    if modes or self.level >= _MAXLEVEL or (op in _CLOSERS and not (
                            extra or (self.parens and self.parens[-1][0] == _CLOSERS[op]))):
                        # f-string fields, limits and errors: the exact C logic.
                        pos = self.punctuation(s, s, op)
                        continue
                    if op in _CLOSERS:
                        if self.level:
                            self.level -= 1
                            self.parens.pop()
                    else:
                        self.parens.append((op, self.lineno, s - self.line_start))
                        self.level += 1
                elif modes and op[0] in ":!=" and modes[-1].expr_depth >= 0:
                    # In an f-string field ':' may start the format spec (checked before ':='
                    # is considered, as the C lexer does), and '!', ':' and a lone '=' take part
                    # in its copy of the field's text.
                    if op == "=":
                        # A debug `=` only at the field's own level (not `f(a=1)`).
                        if modes[-1].depth - modes[-1].expr_depth == 1:
                            modes[-1].debug = True
                    else:
                        pos = self.punctuation(s, s, op[0])
                        continue
                ls = self.line_start
                if ls != ls_cached:
                    ls_cached = ls
                    line = self.line_of(ls)
                    ln = self.lineno
                append(new(OP if extra else self.op_type(op), op, (ln, s - ls), (ln, e - ls), line))
                pos = e
            elif kind == 3 or kind == 7:  # newline
                # The C lexer's `blankline` only lasts for the call that measured the
                # indentation: any token returned since then means the line was not blank.
                blankline = blankline and len(tokens) == bol_count
                if (extra and not blankline and not comment_newline and not self.level
                        and (e != self.n or not self.implicit)):
                    ls = self.line_start
                    if ls != ls_cached:
                        ls_cached = ls
                        line = self.line_of(ls)
                        ln = self.lineno
                    append(new(NEWLINE, m.group(kind), (ln, s - ls), (ln, e - ls), line))
                    self.lineno = ln + 1
                    self.line_start = pos = e
                else:
                    pos = self.newline(s, e, blankline, comment_newline, comment_start)
                    comment_newline = False
                    comment_start = -1
                atbol = True
            elif kind == 2:
                pos = self.number(s, s)
            elif kind == 4:  # comment
                if extra:
                    # (`blankline` as above: only if nothing was returned since the indentation.)
                    comment_newline = blankline and len(tokens) == bol_count
                    self.add(COMMENT, s, e)
                else:
                    comment_start = s
                pos = e
            else:  # kind == 6: plain string
                pos = self.string(s, e - 1)

    def newline(self, s: int, e: int, blankline: bool, comment_newline: bool, comment_start: int) -> int:
        """A line ends at text[s:e] ('\\n' or '\\r\\n'); returns where the next line starts."""
        extra = self.extra
        implicit = self.implicit and e == self.n and self.text is self.full
        if blankline or self.level > 0 or (comment_newline and extra):
            if extra:
                self.add(NL, s, e, "" if implicit else None)
        elif extra:
            ls = self.line_start
            # The implicit newline keeps the token's own text without the '\n' (so '' or '\r').
            self.tokens.append(_new_token(NEWLINE, self.text[s:e - 1] if implicit else self.text[s:e],
                                     (self.lineno, s - ls), (self.lineno, e - ls), self.line_of(ls)))
        else:
            self.add(NEWLINE, s if comment_start < 0 else comment_start, e - 1)
        self.lineno += 1
        self.line_start = e
        if self.modes:
            self.lines_read(e)
        return e

    def finish(self) -> None:
        """EOF at the start of a line with no open bracket: DEDENTs, then ENDMARKER."""
        if self.extra:
            # The tokenize view puts the trailing tokens on the line after the last one.
            at = (self.lineno, 0)
            line = ""
        else:
            # The parser's view: the last line read, no column.
            at = (self.lineno - 1, -1)
            line = self.line_of_last()
        for _ in self.indents[1:]:
            self.tokens.append(_new_token(DEDENT, "", at, at, line))
        self.tokens.append(_new_token(ENDMARKER, "", at, at, line))
        del self.indents[1:]

    def line_of_last(self) -> str:
        end = self.real_end
        begin = self.full.rfind("\n", 0, max(0, len(self.full) - 1)) + 1
        return self.full[begin:end]

    def recover_eof(self) -> None:
        """Recovery at EOF inside brackets: forget them and end the statement with an empty
        NEWLINE, so a parser sees a complete (if wrong) last statement."""
        self.level = 0
        self.parens.clear()
        self.modes.clear()
        at = (self.lineno, 0)
        self.tokens.append(_new_token(NEWLINE, "", at, at, ""))

    # -- indentation ------------------------------------------------------------------------

    def indentation(self, pos: int) -> tuple[int, bool]:
        """Measure the indentation at the start of a line; emit INDENT/DEDENT. Returns (pos, blankline)."""
        text = self.text
        col = altcol = 0
        cont_line_col = 0
        while True:
            c = text[pos] if pos < self.n else ""
            if c == " ":
                col += 1
                altcol += 1
            elif c == "\t":
                col = (col // _TABSIZE + 1) * _TABSIZE
                altcol += 1
            elif c == "\f":
                col = altcol = 0
            elif c == "\\":
                cont_line_col = cont_line_col or col
                pos = self.continuation(pos, at_bol=True)
                text = self.text
                continue
            else:
                break
            pos += 1
        if c == "":
            if self.hit_cut():
                return self.indentation(self.line_start)
            return pos, False  # EOF: the main loop reports open brackets or calls `finish`
        blankline = c in ("#", "\n", "\r")
        if blankline or self.level:
            return pos, blankline
        if cont_line_col:
            col = altcol = cont_line_col
        indents = self.indents
        alt = self.altindents
        if col == indents[-1]:
            if altcol != alt[-1]:
                self.tab_error()
        elif col > indents[-1]:
            if len(indents) >= _MAXINDENT:
                self.buffer_error("too many levels of indentation", "IndentationError")
                return pos, blankline
            if altcol <= alt[-1]:
                self.tab_error()
            indents.append(col)
            alt.append(altcol)
            ls = self.line_start
            if self.extra:
                self.tokens.append(_new_token(INDENT, text[self.buf:pos], (self.lineno, self.buf - ls),
                                         (self.lineno, pos - ls), self.line_of(ls)))
            else:
                self.tokens.append(_new_token(INDENT, "", (self.lineno, -1), (self.lineno, -1), self.line_of(ls)))
        else:
            dedents = 0
            while len(indents) > 1 and col < indents[-1]:
                indents.pop()
                alt.pop()
                dedents += 1
            if col != indents[-1]:
                self.buffer_error("unindent does not match any outer indentation level", "IndentationError")
                # Recovery: treat the line as being at the enclosing level.
            elif altcol != alt[-1]:
                self.tab_error()
            ls = self.line_start
            line = self.line_of(ls)
            for _ in range(dedents):
                if self.extra:
                    self.tokens.append(_new_token(DEDENT, "", (self.lineno, pos - ls), (self.lineno, pos - ls), line))
                else:
                    self.tokens.append(_new_token(DEDENT, "", (self.lineno, -1), (self.lineno, -1), line))
        return pos, blankline

    def tab_error(self) -> None:
        self.buffer_error("inconsistent use of tabs and spaces in indentation", "TabError")

    def continuation(self, pos: int, at_bol: bool) -> int:
        """A backslash at `pos`: it must end the line. Returns where scanning resumes."""
        text = self.text
        i = pos + 1
        if i < self.n and text[i] == "\r":
            i += 1
        if i >= self.n or text[i] != "\n":
            self.buffer_error("unexpected character after line continuation character")
            self.tokens.append(_new_token(ERRORTOKEN, "\\", (self.lineno, pos - self.line_start),
                                     (self.lineno, pos + 1 - self.line_start), self.line_of(self.line_start)))
            return pos + 1
        i += 1
        if i >= self.n:
            if self.hit_cut():
                return self.continuation(pos, at_bol)
            if at_bol:
                self.buf = i
            self.eof_error()
            self.lineno += 1
            self.line_start = i
            return i
        self.lineno += 1
        self.line_start = i
        if self.modes:
            self.lines_read(i)
        elif at_bol:
            self.buf = i
        return i

    def lone_cr(self, start: int, pos: int) -> int:
        """'\\r' (at pos) not followed by '\\n' is no line break: the C lexer makes it part of
        the next token, which starts at `start`."""
        text = self.text
        c = text[pos + 1] if pos + 1 < self.n else ""
        if (c and c in "0123456789") or (c == "." and text[pos + 2:pos + 3] in _DIGITS):
            return self.number(start, pos + 1)
        if c in ("'", '"'):
            return self.string(start, pos + 1)
        if c == "\\":
            return self.continuation(pos + 1, at_bol=False)
        return self.punctuation(start, pos + 1, c)

    # -- punctuation ------------------------------------------------------------------------

    def punctuation(self, start: int, pos: int, c: str) -> int:
        """An operator, bracket or stray character at `pos` (token text starts at `start`)."""
        text = self.text
        modes = self.modes
        mode = modes[-1] if modes else None
        if mode is not None and mode.expr_depth >= 0 and c in ":}!{":
            self.field_bookkeeping(mode, c, start, pos)
            cursor = mode.depth - (c != "{")
            if c == ":" and cursor == mode.expr_depth:
                mode.regular = False
                mode.in_spec = True
                self.add(OP if self.extra else _EXACT[":"], start, pos + 1)
                return pos + 1
        # Two- and three-character operators.
        if len(c) == 1:
            three = text[pos:pos + 3]
            for op in (three, three[:2]):
                if len(op) > 1 and (op in _EXACT or op == "<>"):
                    self.add(self.op_type(op), start, pos + len(op))
                    return pos + len(op)
        if c in "([{":
            if self.level >= _MAXLEVEL:
                self.syntax_error("too many nested parentheses", pos + 1)
            self.parens.append((c, self.lineno, pos - self.line_start))
            self.level += 1
            if mode is not None:
                mode.depth += 1
        elif c in ")]}":
            if mode is not None and mode.depth == 0 and c == "}":
                self.syntax_error(f"{mode.letter}-string: single '}}' is not allowed", pos + 1)
                self.add(ERRORTOKEN, start, pos + 1)
                return pos + 1
            if not self.extra and not self.level:
                self.syntax_error(f"unmatched '{c}'", pos + 1)
            if self.level > 0:
                self.level -= 1
                opening, open_line, _ = self.parens.pop()
                if not self.extra and _CLOSERS[c] != opening:
                    if mode is not None and opening == "{" and mode.depth - 1 == mode.expr_depth:
                        self.syntax_error(f"{mode.letter}-string: unmatched '{c}'", pos + 1)
                    elif open_line != self.lineno:
                        self.syntax_error(f"closing parenthesis '{c}' does not match opening "
                                          f"parenthesis '{opening}' on line {open_line}", pos + 1)
                    else:
                        self.syntax_error(f"closing parenthesis '{c}' does not match opening "
                                          f"parenthesis '{opening}'", pos + 1)
            if mode is not None:
                mode.depth -= 1
                if mode.depth < 0:
                    self.syntax_error(f"{mode.letter}-string: unmatched '{c}'", pos + 1)
                    mode.depth = 0
                if c == "}" and mode.depth == mode.expr_depth:
                    mode.expr_depth -= 1
                    mode.regular = False
                    mode.in_spec = False
                    if mode.expr_depth < 0:
                        mode.debug = False  # only when the whole field is closed
        elif c == "\0":
            # Only reachable when recovering past the NUL diagnostic already recorded.
            self.add(ERRORTOKEN, start, pos + 1)
            return pos + 1
        elif not c.isprintable():
            self.syntax_error(f"invalid non-printable character U+{ord(c):04X}", pos + 1)
            self.add(ERRORTOKEN, start, pos + 1)
            return pos + 1
        self.add(self.op_type(c), start, pos + 1)
        return pos + 1

    # -- names and prefixes -----------------------------------------------------------------

    @staticmethod
    def is_prefix(name: str) -> bool:
        if len(name) > 5:
            return False
        low = name.lower()
        return all(ch in _PREFIX_CHARS for ch in name) and len(set(low)) == len(low)

    def verify_identifier(self, s: int, e: int) -> bool:
        """Parser mode only (PEP 3131): report the first character that cannot be in a name."""
        name = self.text[s:e]
        if name.isidentifier():
            return True
        bad = 0
        while bad < len(name) and ("a" + name[:bad + 1] if bad else name[0]).isidentifier():
            bad += 1
        ch = name[bad]
        cur = s + bad + 1
        if ch.isprintable():
            self.syntax_error(f"invalid character '{ch}' (U+{ord(ch):04X})", cur)
        else:
            self.syntax_error(f"invalid non-printable character U+{ord(ch):04X}", cur)
        self.add(ERRORTOKEN, s, e)
        return False

    # -- numbers ----------------------------------------------------------------------------

    def number(self, start: int, pos: int) -> int:
        """A number whose first character is at `pos` (token text starts at `start`)."""
        text = self.text
        m = _NUMBER_RE.match(text, pos)
        e = m.end()
        if (e < self.n and text[e] in _NUMBER_SUSPECT) or (not self.extra and text[pos] == "0" and e - pos > 1):
            e = self.exact_number(pos)
            if e < 0:
                return -e
        self.add(NUMBER, start, e)
        return e

    def exact_number(self, pos: int) -> int:
        """The C lexer's number scan (tok_get_normal_mode's number branch), for what the regex
        cannot settle: where the number ends, or -(where to resume) after reporting an error."""
        text = self.text
        n = self.n
        extra = self.extra

        def at(i: int) -> str:
            return text[i] if i < n else ""

        def isdigit(c: str) -> bool:
            return c != "" and c in "0123456789"

        def fail(message: str, cur: int) -> int:
            self.syntax_error(message, cur)
            end = max(cur, pos + 1)
            self.add(ERRORTOKEN, pos, end)
            return -end

        def end_ok(i: int, kind: str) -> int:
            """verify_end_of_number (parser view only): 0, or the error resume after a letter."""
            if extra:
                return 0
            c = at(i)

            def warn() -> int:
                if self.warnings is not None:
                    self.warnings.append(TokenizeError("SyntaxWarning", f"invalid {kind} literal",
                                                       self.lineno, i - self.line_start))
                return 0
            if c == "i" and at(i + 1) in ("f", "n", "s") and at(i + 1):
                return warn()  # `1if`, `1in`, `1is`: only a warning
            for first, rest in _KEYWORD_AFTER_NUMBER:
                if c == first and text.startswith(rest, i + 1) and not _is_ident_char(at(i + 1 + len(rest)) or " "):
                    return warn()  # `1and`, `1else`, `1for`, `1or`, `1not`: only a warning
            if c and c.isascii() and (c.isalnum() or c == "_"):
                return fail(f"invalid {kind} literal", i)
            return 0

        def decimal_tail(i: int) -> int:
            """Digits with single underscores from i: the index of the first other character."""
            while True:
                while isdigit(at(i)):
                    i += 1
                if at(i) != "_":
                    return i
                i += 1
                if not isdigit(at(i)):
                    return fail("invalid decimal literal", i)

        def exponent(i: int) -> int:
            """After the integer and fraction parts, at i: exponent, imaginary suffix, end."""
            c = at(i)
            if c in ("e", "E") and c:
                e = i
                i += 1
                c = at(i)
                if c in ("+", "-") and c:
                    i += 1
                    if not isdigit(at(i)):
                        return fail("invalid decimal literal", i)
                elif not isdigit(c):
                    return end_ok(e, "decimal") or e  # `1e` is the number 1, then a name
                i = decimal_tail(i + 1)
                if i < 0:
                    return i
                c = at(i)
            if c in ("j", "J") and c:
                return end_ok(i + 1, "imaginary") or i + 1
            return end_ok(i, "decimal") or i

        def fraction(i: int) -> int:
            """After the '.', at i."""
            if isdigit(at(i)):
                i = decimal_tail(i + 1)
                if i < 0:
                    return i
            return exponent(i)

        def radix(i: int, low: str) -> int:
            """0x/0o/0b: i is after the prefix letter."""
            digits, kind = _RADIX[low]
            while True:
                c = at(i)
                if c == "_":
                    i += 1
                    c = at(i)
                if not (c and c in digits):
                    if low != "x" and isdigit(c):
                        return fail(f"invalid digit '{c}' in {kind} literal", i + 1)
                    return fail(f"invalid {kind} literal", i)
                while at(i) and at(i) in digits:
                    i += 1
                if at(i) != "_":
                    break
            if low != "x" and isdigit(at(i)):
                return fail(f"invalid digit '{at(i)}' in {kind} literal", i + 1)
            return end_ok(i, kind) or i

        c = at(pos)
        if c == ".":
            return fraction(pos + 1)
        if c != "0":
            i = decimal_tail(pos + 1)
            if i < 0:
                return i
            return fraction(i + 1) if at(i) == "." else exponent(i)
        i = pos + 1
        c = at(i)
        if c and c in "xXoObB":
            return radix(i + 1, c.lower())
        # Zeros (maybe with underscores), then perhaps more digits: only a float, an imaginary
        # or a plain zero may start with 0.
        while True:
            if c == "_":
                i += 1
                c = at(i)
                if not isdigit(c):
                    return fail("invalid decimal literal", i)
            if c != "0":
                break
            i += 1
            c = at(i)
        zeros_end = i + 1
        nonzero = isdigit(c)
        if nonzero:
            i = decimal_tail(i + 1)
            if i < 0:
                return i
            c = at(i)
        if c == "." or (c and c in "eEjJ"):
            return fraction(i + 1) if c == "." else exponent(i)
        if nonzero and not extra:
            # A known range, in bytes: from the first digit to just after the first non-zero.
            ls = self.line_start
            col = len(text[ls:pos].encode("utf-8", "surrogatepass")) + 1
            end = len(text[ls:zeros_end].encode("utf-8", "surrogatepass"))
            self.error("leading zeros in decimal integer literals are not permitted; "
                       "use an 0o prefix for octal integers", self.lineno, col, end_offset=end)
            self.add(ERRORTOKEN, pos, i)
            return -i
        return end_ok(i, "decimal") or i

    # -- strings ----------------------------------------------------------------------------

    def string_start(self, s: int, q: int) -> int:
        """A string prefix text[s:q] followed by a quote at q."""
        prefix = self.text[s:q].lower()
        for a, b in _INCOMPATIBLE:
            if a in prefix and b in prefix:
                # A known range, in bytes: the prefix and the quote.
                ls = self.line_start
                col = len(self.text[ls:s].encode("utf-8", "surrogatepass")) + 1
                end = len(self.text[ls:q + 1].encode("utf-8", "surrogatepass"))
                self.error(f"'{a}' and '{b}' prefixes are incompatible", self.lineno, col, end_offset=end)
                self.add(ERRORTOKEN, s, q + 1)
                return q + 1
        if "f" in prefix or "t" in prefix:
            return self.fstring_start(s, q)
        return self.string(s, q)

    def string(self, s: int, q: int) -> int:
        """A string literal starting at s whose (first) quote is at q."""
        text = self.text
        quote = text[q]
        size = 3 if text.startswith(quote * 3, q) else 1
        m = _STRING_BODY[quote, size].match(text, q + size)
        if m is None:
            return self.unterminated_string(s, q, quote, size)
        e = m.end()
        s_line, s_ls = self.lineno, self.line_start
        self.advance_lines(q, e)
        self.add_span(STRING, s, s_line, s_ls, e)
        return e

    def unterminated_string(self, s: int, q: int, quote: str, size: int) -> int:
        text = self.text
        if size == 3:
            stop = self.n
        else:
            # Where the scan stops: the first newline not escaped by a backslash.
            i = q + 1
            while True:
                j = text.find("\n", i)
                if j < 0:
                    stop = self.n
                    break
                k = j - 1
                if k >= 0 and text[k] == "\r":
                    k -= 1
                backslashes = 0
                while k > q and text[k] == "\\":
                    backslashes += 1
                    k -= 1
                if backslashes % 2 == 0:
                    stop = j
                    break
                i = j + 1
        if stop >= self.n and self.text is not self.full:
            if self.hit_cut():
                return self.string(s, q)
        detected = self.lineno + text.count("\n", q, stop)
        if size == 3:
            detected -= 1  # EOF is reached after the last line's newline
        modes = self.modes
        if modes and modes[-1].quote == quote and modes[-1].size == size:
            self.syntax_error(f"{modes[-1].letter}-string: expecting '}}'", s + 1)
        elif size == 3:
            self.syntax_error("EOF in multi-line string" if self.extra else
                              f"unterminated triple-quoted string literal (detected at line {detected})", s + 1)
        else:
            body = text[q + 1:stop]
            escaped = re.search(r"(?<!\\)(?:\\\\)*\\" + re.escape(quote), body) is not None
            msg = f"unterminated string literal (detected at line {detected})"
            if escaped:
                msg += "; perhaps you escaped the end quote?"
            self.syntax_error(msg, s + 1)
        # Recovery: the rest of the line (or text) is one ERRORTOKEN.
        s_line, s_ls = self.lineno, self.line_start
        self.advance_lines(q, stop)
        self.add_span(ERRORTOKEN, s, s_line, s_ls, stop)
        return stop

    # -- f-strings and t-strings ------------------------------------------------------------

    def fstring_start(self, s: int, q: int) -> int:
        text = self.text
        quote = text[q]
        size = 3 if text.startswith(quote * 3, q) else 1
        e = q + size
        prefix = text[s:q].lower()
        tstring = "t" in prefix
        if len(self.modes) + 1 >= _MAXFSTRINGLEVEL:
            self.syntax_error("too many nested f-strings or t-strings", e)
            self.add(ERRORTOKEN, s, e)
            return e
        self.modes.append(_FMode(quote, size, s, self.line_start, self.lineno, "r" in prefix, tstring))
        self.add(TSTRING_START if tstring else FSTRING_START, s, e)
        return e

    def fstring_mode(self, pos: int) -> int:
        """Literal text of the innermost f-string at pos. Returns where to go on, or -(pos+1)
        when an expression starts there and the normal scan must take over."""
        mode = self.modes[-1]
        text = self.text
        n = self.n
        c = text[pos] if pos < n else ""
        if c == "{" and (text[pos + 1] if pos + 1 < n else "") != "{":
            mode.expr_depth += 1
            if mode.expr_depth >= _MAX_EXPR_NESTING:
                self.syntax_error(f"{mode.letter}-string: expressions nested too deeply", pos)
                mode.expr_depth -= 1
                return self.skip_fstring(pos)
            mode.regular = True
            return -(pos + 1)
        quote = mode.quote
        size = mode.size
        if text.startswith(quote * size, pos):
            self.add(mode.end, pos, pos + size)
            self.modes.pop()
            return pos + size
        start = pos
        s_line, s_ls = self.lineno, self.line_start
        in_spec = mode.in_spec and mode.expr_depth >= 0
        plain = mode.plain
        count = 0
        unicode_escape = False
        i = pos
        while True:
            j = plain.match(text, i).end()
            if j != i:
                count = 0
                i = j
            c = text[i] if i < n else ""
            if c == quote:
                count += 1
                i += 1
                if count == size:
                    break
                continue
            count = 0
            if c == "" or (c == "\n" and size == 1):
                if c == "" and self.text is not self.full:
                    # The rest of the text was cut before a NUL line.
                    self.lineno, self.line_start = s_line, s_ls
                    if self.hit_cut():
                        return self.fstring_mode(pos)
                if in_spec and c == "\n":
                    if size == 1:
                        self.syntax_error(f"{mode.letter}-string: newlines are not allowed in format "
                                          f"specifiers for single quoted {mode.letter}-strings", i + 1)
                        return self.abandon_fstring(start, s_line, s_ls, i)
                    mode.regular = True
                    mode.in_spec = False
                    self.add_span(mode.middle, start, s_line, s_ls, i)
                    return i
                # At EOF the C lexer's line number is still the last line's.
                detected = self.lineno - 1 if c == "" and self.line_start == n and n else self.lineno
                kind = "triple-quoted " if size == 3 else ""
                self.syntax_error(f"unterminated {kind}{mode.letter}-string literal (detected at line {detected})",
                                  mode.start + 1, mode.first_line, mode.line_start)
                return self.abandon_fstring(start, s_line, s_ls, i)
            if c == "\n":
                i += 1
                self.lineno += 1
                self.line_start = i
                self.lines_read(i)
                continue
            if c == "{":
                # Every '{' here (doubled or not) restarts the copy of the field text.
                self.start_field_copy(mode, i + 1)
                peek = text[i + 1] if i + 1 < n else ""
                if peek != "{" or in_spec:
                    mode.expr_depth += 1
                    if mode.expr_depth >= _MAX_EXPR_NESTING:
                        self.syntax_error(f"{mode.letter}-string: expressions nested too deeply", i)
                        mode.expr_depth -= 1
                        self.add_span(mode.middle, start, s_line, s_ls, i)
                        return self.skip_fstring(i)
                    # (A field nested in a format spec keeps `in_spec` until it closes: the
                    # literal scan does not run meanwhile, only `field_bookkeeping` sees it.)
                    mode.regular = True
                    self.add_span(mode.middle, start, s_line, s_ls, i)
                    return -(i + 1)
                self.add_span(mode.middle, start, s_line, s_ls, i + 1)
                return i + 2
            if c == "}":
                if unicode_escape:
                    self.add_span(mode.middle, start, s_line, s_ls, i + 1)
                    return i + 1
                peek = text[i + 1] if i + 1 < n else ""
                if peek == "}" and not in_spec and mode.depth == 0:
                    self.add_span(mode.middle, start, s_line, s_ls, i + 1)
                    return i + 2
                mode.regular = True
                mode.in_spec = False
                self.add_span(mode.middle, start, s_line, s_ls, i)
                return -(i + 1)
            # c == "\\"
            j = i + 1
            peek = text[j] if j < n else ""
            if peek == "\r":
                j += 1
                peek = text[j] if j < n else ""
            if peek in ("{", "}") and peek:
                if not mode.raw and self.warnings is not None:
                    self.warnings.append(TokenizeError(
                        "SyntaxWarning", f'"\\{peek}" is an invalid escape sequence. Such sequences will '
                        f'not work in the future. Did you mean "\\\\{peek}"? A raw string is also an option.',
                        self.lineno, 0))
                i = j
                continue
            if peek == "":
                i = j
                continue
            i = j + 1
            if peek == "\n":
                self.lineno += 1
                self.line_start = i
                self.lines_read(i)
            elif peek == "N" and not mode.raw:
                if i < n and text[i] == "{":
                    unicode_escape = True
                    i += 1
        self.add_span(mode.middle, start, s_line, s_ls, i - size)
        return i - size

    def abandon_fstring(self, start: int, s_line: int, s_ls: int, stop: int) -> int:
        """Recovery after an f-string error: its remaining text becomes one ERRORTOKEN."""
        self.add_span(ERRORTOKEN, start, s_line, s_ls, stop)
        mode = self.modes.pop()
        # Brackets opened inside the f-string's fields are forgotten with it.
        while self.parens and mode.depth > 0:
            self.parens.pop()
            self.level -= 1
            mode.depth -= 1
        return stop

    def skip_fstring(self, pos: int) -> int:
        """Recovery for too deeply nested fields: drop the rest of the line."""
        end = self.text.find("\n", pos)
        end = self.n if end < 0 else end
        s_line, s_ls = self.lineno, self.line_start
        return self.abandon_fstring(pos, s_line, s_ls, end)


def _run(source: bytes | str, extra: bool, recover: bool,
         warnings: list[TokenizeError] | None) -> tuple[list[Token], list[TokenizeError]]:
    prefix: list[Token] = []
    errors: list[TokenizeError] = []
    if isinstance(source, bytes):
        encoding, text, enc_errors, consumed = _decode(source)
        if enc_errors:
            if not recover:
                return [], enc_errors[:1]
            errors.extend(enc_errors)
        if extra:
            prefix.append(_new_token(ENCODING, encoding, (0, 0), (0, 0), ""))
        nul_error_line = consumed
    else:
        text = source
        nul_error_line = 0
    nul = text.find("\0")
    if nul >= 0 and text.count("\n", 0, nul) < nul_error_line:
        # A NUL in the lines detect_encoding read is reported without a position.
        errors.append(TokenizeError("SyntaxError", "source code cannot contain null bytes", 0, 0))
        if not recover:
            return [], errors
    lexer = _Lexer(text, extra, recover, nul_error_line, warnings)
    # Tokens form no reference cycles; the cyclic collector would only re-scan them (and the
    # rest of the heap) again and again while the list grows.
    collecting = gc.isenabled()
    gc.disable()
    try:
        lexer.run()
    finally:
        if collecting:
            gc.enable()
    return prefix + lexer.tokens, errors + lexer.errors


def tokenize(source: bytes | str, *, extra_tokens: bool = True,
             warnings: list[TokenizeError] | None = None) -> Iterator[Token]:
    """Tokens of `source`; raises TokenizerError at the first error, as CPython does.

    bytes are decoded as CPython does (BOM, PEP 263 cookie) and yield ENCODING first; str is
    tokenized like `tokenize.generate_tokens` (no ENCODING). The lexer's SyntaxWarnings (`\\{`
    or `\\}` in a non-raw f-string or t-string), in order, are appended to `warnings` if given.
    """
    tokens, errors = _run(source, extra_tokens, False, warnings)
    yield from tokens
    if errors:
        raise TokenizerError(errors[0])


def tokenize_recovering(source: bytes | str, *, extra_tokens: bool = True,
                        warnings: list[TokenizeError] | None = None,
                        ) -> tuple[list[Token], list[TokenizeError]]:
    """Tokens and every diagnostic; never raises. Bad text becomes ERRORTOKEN tokens.
    Warnings are collected as by `tokenize`, apart from the diagnostics."""
    return _run(source, extra_tokens, True, warnings)
