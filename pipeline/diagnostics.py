"""Diagnostics as plain values: what any stage reports about user text, in CPython's words.

Positions are CPython's: 1-based lines, 1-based character offsets (as in `SyntaxError.offset`),
end exclusive. `server/` turns them into LSP ranges; nothing here knows about protocols.
"""
from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True, slots=True)
class Diagnostic:
    kind: str            # the exception CPython raises: "SyntaxError", "IndentationError", "TabError", ...
    message: str
    lineno: int
    offset: int          # 1-based character offset, as SyntaxError.offset
    end_lineno: int
    end_offset: int
    severity: str = "error"  # "error" or "warning" (compile-time warnings)
