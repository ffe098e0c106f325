"""Column conversions: characters, UTF-8 bytes (AST), UTF-16 units (LSP) agree on every character."""
from hypothesis import given, strategies as st

from pipeline.positions import LineIndex, utf16_len

TEXT = "a = 'é'\r\nb = '😀' + x\rc\n"


def test_lines_split_on_every_break_cpython_knows():
    index = LineIndex(TEXT)
    assert [index.line_text(n) for n in range(1, index.line_count() + 1)] == ["a = 'é'", "b = '😀' + x", "c", ""]


def test_columns_past_an_astral_character():
    index = LineIndex(TEXT)
    line = index.line_text(2)
    col = line.index("+")
    assert index.char_to_utf16(2, col) == col + 1
    assert index.char_to_utf8(2, col) == col + 3
    assert index.utf16_to_char(2, col + 1) == col
    assert index.utf8_to_char(2, col + 3) == col


@given(st.text(st.characters(blacklist_categories=("Cs",))), st.data())
def test_conversions_round_trip(text, data):
    index = LineIndex(text)
    line = data.draw(st.integers(1, index.line_count()))
    chars = index.line_text(line)
    col = data.draw(st.integers(0, len(chars)))
    assert index.utf16_to_char(line, index.char_to_utf16(line, col)) == col
    assert index.utf8_to_char(line, index.char_to_utf8(line, col)) == col
    assert index.char_to_utf16(line, col) == utf16_len(chars[:col])
    assert index.position(index.offset(line, col)) == (line, col)
