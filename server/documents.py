"""Open documents: their text and version, kept by us rather than by pygls's workspace.

pygls's `TextDocument` splits lines with `str.splitlines`, which also breaks at form feeds,
`\\x1c`-`\\x1e`, `\\x85` and `\\u2028`/`\\u2029`; LSP (and CPython) count only `\\n`, `\\r\\n`
and `\\r`. Python sources do contain form feeds, so positions would drift. Here every change is
applied through `pipeline.positions.LineIndex`, which counts lines as LSP does.
"""
from __future__ import annotations

import dataclasses

from pipeline.positions import LineIndex


@dataclasses.dataclass(frozen=True, slots=True)
class Document:
    """One version of an open document. A new version is a new value."""
    uri: str
    version: int
    text: str
    lines: LineIndex = dataclasses.field(repr=False, compare=False)

    @classmethod
    def new(cls, uri: str, version: int, text: str) -> "Document":
        return cls(uri, version, text, LineIndex(text))

    def offset(self, line0: int, utf16_col: int) -> int:
        """Character offset of an LSP position (0-based line, UTF-16 column), clamped to the text."""
        index = self.lines
        if line0 >= index.line_count():
            return len(self.text)
        if line0 < 0:
            return 0
        line = line0 + 1
        return index.offset(line, index.utf16_to_char(line, max(utf16_col, 0)))

    def edited(self, version: int, changes) -> "Document":
        """Apply LSP content changes in order: ranged ones (UTF-16 positions) or whole-text ones."""
        doc = Document(self.uri, version, self.text, self.lines)
        for change in changes:
            rng = getattr(change, "range", None)
            # Each change's positions refer to the text as the previous change left it.
            if rng is None:
                doc = Document.new(self.uri, version, change.text)
            else:
                start = doc.offset(rng.start.line, rng.start.character)
                end = doc.offset(rng.end.line, rng.end.character)
                start, end = min(start, end), max(start, end)
                text = doc.text[:start] + change.text + doc.text[end:]
                doc = Document(self.uri, version, text, doc.lines.edited(start, end, change.text, text))
        return doc
