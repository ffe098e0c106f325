"""`tokenize_recovering` on generated text: it never raises, always ends with ENDMARKER, agrees
with strict mode where strict mode succeeds, and its first diagnostic is strict mode's error.

The texts mix random unicode with Python-ish fragments (quotes, string prefixes, braces,
backslashes, tabs, newlines, CR, digits, operators) so that f-strings, indentation and numbers
break in many ways.
"""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.tokenizer import (DEDENT, ENDMARKER, FSTRING_MIDDLE, NEWLINE, NL, TSTRING_MIDDLE,
                                TokenizerError, tokenize, tokenize_recovering)

FRAGMENTS = [
    "'", '"', "'''", '"""', "f'", 'f"', "t'", 't"', "rf'", "b'", "u'", "ft'", "f'''", 't"""',
    "{", "}", "{{", "}}", "(", ")", "[", "]", ":", "!", "!r", "=", ":=", "\\", "\\\n", "\\N{",
    "\t", "\n", "\r", "\r\n", "\f", " ", "    ", "#", "# c\n", "0", "1", "9", "0x", "0o", "0b",
    "1_", "1e", "1j", ".5", "09", "x", "if", "else", "def f():", "lambda", "and", "é", "€",
    "\xa0", "\0", "$", "?", "`", "+", "-", "**", "//=", "->", "...", ",", ";", "@", "<>",
]

texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)), max_size=24).map("".join)


# Between tokens of the tokenize view there is only blank space and line continuations.
# Blanks and line continuations; one lone CR just before a continuation is skipped too (CPython does).
GAP = re.compile(r"(?:[ \t\f]|\r?\\\r?\n)*")


def assert_round_trip(text: str, tokens) -> None:
    """Each token's string is the source text between its positions; gaps are blank."""
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    done = 0
    for tok in tokens:
        if tok.type in (DEDENT, ENDMARKER):
            continue
        begin = starts[tok.start[0] - 1] + tok.start[1]
        end = starts[tok.end[0] - 1] + tok.end[1]
        if tok.type in (NEWLINE, NL) and not tok.string:
            # The implicit newline of a last line lacking one: CPython's token text is empty
            # even when it covers a final '\r'.
            assert GAP.fullmatch(text, done, begin) and text[begin:end] in ("", "\r")
            done = min(end, len(text))
            continue
        assert text[begin:end] == tok.string
        assert GAP.fullmatch(text, done, begin)
        done = end
        if tok.type in (FSTRING_MIDDLE, TSTRING_MIDDLE) and tok.string[-1:] in ("{", "}") \
                and text[end:end + 1] == tok.string[-1]:
            done += 1  # `{{`/`}}`: the token holds one brace, CPython skips the other
    assert GAP.fullmatch(text, done, len(text))


def check(source: str | bytes) -> None:
    for extra in (True, False):
        tokens, errors = tokenize_recovering(source, extra_tokens=extra)
        assert tokens and tokens[-1].type == ENDMARKER
        try:
            strict = list(tokenize(source, extra_tokens=extra))
        except TokenizerError as exc:
            assert errors and errors[0] == exc.error
        else:
            assert errors == []
            assert tokens == strict
            if extra and isinstance(source, str):
                assert_round_trip(source, strict)


@settings(max_examples=8000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_recovering_on_text(text: str) -> None:
    check(text)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(texts.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=40)))
def test_recovering_on_bytes(data: bytes) -> None:
    check(data)
