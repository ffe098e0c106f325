"""Positions in one place: every conversion between the column systems Bytelens meets.

- CPython's tokenizer reports (line, character column); AST nodes carry UTF-8 byte columns.
- The Language Server Protocol counts UTF-16 code units.
Lines are 1-based everywhere in `pipeline/` (as in CPython); only `server/` turns them 0-based.

A `LineIndex` is built once per text version and answers in O(1) for ASCII lines (the common
case: every column system agrees there) and O(line length) otherwise.
"""
from __future__ import annotations

import bisect
import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Line starts of one text, and column conversions within its lines.

    Line breaks are `\\n`, `\\r\\n` and a lone `\\r`, as both CPython and LSP count them.
    """

    __slots__ = ("text", "starts", "_ascii")

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        self._ascii = text.isascii()

    def edited(self, start: int, end: int, inserted: str, text: str) -> "LineIndex":
        """The index of `text`: this index's text with [start, end) replaced by `inserted`.
        Line starts before the edit are kept and those after it moved, so a keystroke in a big
        file does not rescan the file; near a carriage return (a CR LF pair may join or split)
        the text is indexed anew."""
        if "\r" in inserted or "\r" in self.text[max(start - 1, 0):end + 1]:
            return LineIndex(text)
        starts = self.starts
        delta = len(inserted) - (end - start)
        new = LineIndex.__new__(LineIndex)
        new.text = text
        new.starts = (starts[:bisect.bisect_right(starts, start)]
                      + [start + m.end() for m in _LINE_BREAK.finditer(inserted)]
                      + [s + delta for s in starts[bisect.bisect_right(starts, end):]])
        new._ascii = text.isascii()
        return new

    def line_count(self) -> int:
        return len(self.starts)

    def line_text(self, line: int) -> str:
        """Line `line` (1-based) without its line break; '' past the end."""
        if not 1 <= line <= len(self.starts):
            return ""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def offset(self, line: int, char_col: int) -> int:
        """Character offset into the text of (1-based line, character column), clamped to the text."""
        if line < 1:
            return 0
        if line > len(self.starts):
            return len(self.text)
        return min(self.starts[line - 1] + char_col, len(self.text))

    def position(self, offset: int) -> tuple[int, int]:
        """(1-based line, character column) of a character offset."""
        import bisect
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1]

    # Column conversions within one line. Columns past the end of the line are clamped.

    def char_to_utf16(self, line: int, char_col: int) -> int:
        if self._ascii:
            return char_col
        return utf16_len(self.line_text(line)[:char_col])

    def utf16_to_char(self, line: int, utf16_col: int) -> int:
        if self._ascii:
            return utf16_col
        return utf16_to_char_col(self.line_text(line), utf16_col)

    def char_to_utf8(self, line: int, char_col: int) -> int:
        if self._ascii:
            return char_col
        return len(self.line_text(line)[:char_col].encode("utf-8", "surrogatepass"))

    def utf8_to_char(self, line: int, byte_col: int) -> int:
        if self._ascii:
            return byte_col
        return utf8_to_char_col(self.line_text(line), byte_col)


def utf16_len(text: str) -> int:
    """UTF-16 code units in `text`: one per character, two for characters beyond the BMP."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def utf16_to_char_col(line: str, utf16_col: int) -> int:
    """The character column at a UTF-16 column of `line`; inside a surrogate pair, the pair's start."""
    units = 0
    for index, ch in enumerate(line):
        width = 2 if ord(ch) > 0xFFFF else 1
        if units + width > utf16_col:
            return index
        units += width
    return len(line)


def utf8_to_char_col(line: str, byte_col: int) -> int:
    """The character column at a UTF-8 byte column of `line` (as AST `col_offset` counts)."""
    return len(line.encode("utf-8", "surrogatepass")[:byte_col].decode("utf-8", "ignore"))
