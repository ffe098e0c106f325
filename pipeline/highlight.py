"""Semantic highlighting from our own tokens: each token's kind and modifiers, as plain values.

The legend (documented in the README) is `KINDS` and `MODIFIERS`. Token-level facts for now:
keywords, soft keywords in statement position, builtins, the names `def`/`class` define,
decorators, attributes, strings (f-/t-string parts included), numbers, comments and operators.
Symbol-table facts (parameters, scopes, readonly) join as that stage lands.
"""
from __future__ import annotations

import dataclasses
import re

from pipeline import facts

KINDS = ("keyword", "softKeyword", "namespace", "class", "function", "method", "parameter", "variable",
         "property", "decorator", "typeParameter", "string", "number", "comment", "operator")
MODIFIERS = ("declaration", "definition", "readonly", "defaultLibrary", "local", "global", "free", "cell")

_TYPE = {name: number for number, name in facts.TOK_NAME.items()}
_STRINGISH = frozenset(_TYPE[n] for n in ("STRING", "FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END",
                                          "TSTRING_START", "TSTRING_MIDDLE", "TSTRING_END"))
_STATEMENT_START = frozenset(_TYPE[n] for n in ("NEWLINE", "INDENT", "DEDENT", "ENCODING"))
_LAYOUT = frozenset(_TYPE[n] for n in ("NL", "COMMENT"))
_NAME, _OP, _NUMBER, _COMMENT, _NEWLINE = (_TYPE[n] for n in ("NAME", "OP", "NUMBER", "COMMENT", "NEWLINE"))
_KEYWORDS = frozenset(facts.KEYWORDS)
_BUILTINS = frozenset(facts.BUILTIN_NAMES)
_BUILTIN_TYPES = frozenset(facts.BUILTIN_TYPES)
_PUNCTUATION = frozenset("()[]{},;.:")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as LSP and CPython count lines; not str.splitlines
_DEFINITION = frozenset({"declaration", "definition"})
_LIBRARY = frozenset({"defaultLibrary"})
# What may follow `match`/`case` when they are names, not statements (`match = 1`, `case.x`).
_NOT_AFTER_SOFT = frozenset({"=", ".", ":", ",", ")", "]", "}", ";", "+=", "-=", "*=", "/=", "//=", "%=",
                             "@=", "&=", "|=", "^=", ">>=", "<<=", "**=", ":="})


@dataclasses.dataclass(frozen=True, slots=True)
class Highlight:
    """One highlighted run inside one line: 1-based line, character column and length."""
    line: int
    col: int
    length: int
    kind: str
    modifiers: frozenset[str] = frozenset()


def highlights(tokens) -> list[Highlight]:
    """Highlights for a token stream (the tokenizer's `extra_tokens=True` view), in source order."""
    toks = [t for t in tokens if t.type not in _LAYOUT or t.type == _COMMENT]
    out: list[Highlight] = []
    at_statement_start = True
    for i, tok in enumerate(toks):
        kind = None
        mods = frozenset()
        if tok.type in _STRINGISH:
            _split_lines(out, tok, "string")
        elif tok.type == _COMMENT:
            out.append(Highlight(tok.start[0], tok.start[1], len(tok.string), "comment"))
            continue  # a comment does not end a statement's start
        elif tok.type == _NUMBER:
            kind = "number"
        elif tok.type == _OP:
            if tok.string not in _PUNCTUATION:
                kind = "operator"
        elif tok.type == _NAME:
            kind, mods = _name_kind(toks, i, at_statement_start)
        if kind is not None:
            out.append(Highlight(tok.start[0], tok.start[1], len(tok.string), kind, mods))
        at_statement_start = tok.type in _STATEMENT_START or tok.string == ";" and tok.type == _OP
    return out


def _name_kind(toks, i: int, at_statement_start: bool) -> tuple[str, frozenset[str]]:
    word = toks[i].string
    before = toks[i - 1].string if i else ""
    if word in _KEYWORDS:
        return "keyword", frozenset()
    if at_statement_start and _is_soft_keyword_statement(toks, i):
        return "softKeyword", frozenset()
    if before == "def":
        return "function", _DEFINITION
    if before == "class":
        return "class", _DEFINITION
    if before == "@":
        return "decorator", frozenset()
    if before == ".":
        return "property", frozenset()
    if word in _BUILTINS:
        return ("class" if word in _BUILTIN_TYPES else "function"), _LIBRARY
    return "variable", frozenset()


def _is_soft_keyword_statement(toks, i: int) -> bool:
    """`match x:`, `case p:`, `type X = ...` as statements; the same words as names stay names.

    Decided from tokens: the parser's verdict replaces this once its tree is available here.
    """
    word = toks[i].string
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or nxt.type == _NEWLINE or nxt.string in _NOT_AFTER_SOFT:
        return False
    if word == "type":
        after = toks[i + 2] if i + 2 < len(toks) else None
        return nxt.type == _NAME and after is not None and after.string in ("=", "[")
    if word in ("match", "case"):
        # A compound statement header: the logical line ends with ':' (comments aside).
        last = None
        for tok in toks[i + 1:]:
            if tok.type == _NEWLINE:
                return last is not None and last.string == ":"
            if tok.type != _COMMENT:
                last = tok
        return False
    return False


def _split_lines(out: list[Highlight], tok, kind: str) -> None:
    """A multi-line token as one run per line: LSP clients draw single-line tokens only."""
    line, col = tok.start
    for n, part in enumerate(_LINE_BREAK.split(tok.string)):
        if part:
            out.append(Highlight(line + n, col if n == 0 else 0, len(part), kind))
