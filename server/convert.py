"""The one conversion layer: the pipeline's plain values into LSP types (UTF-16, 0-based lines)."""
from __future__ import annotations

from lsprotocol import types

from pipeline.diagnostics import Diagnostic
from pipeline.highlight import KINDS, MODIFIERS, Highlight
from pipeline.astview import ViewNode
from pipeline.outline import OutlineItem
from pipeline.positions import LineIndex

LEGEND = types.SemanticTokensLegend(token_types=list(KINDS), token_modifiers=list(MODIFIERS))
_KIND_INDEX = {kind: i for i, kind in enumerate(KINDS)}
_MODIFIER_BIT = {mod: 1 << i for i, mod in enumerate(MODIFIERS)}
_SEVERITY = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning}


def position(lines: LineIndex, line: int, char_col: int) -> types.Position:
    """A pipeline position (1-based line, character column) as an LSP position."""
    return types.Position(line=max(line - 1, 0), character=lines.char_to_utf16(line, max(char_col, 0)))


def diagnostic(lines: LineIndex, d: Diagnostic) -> types.Diagnostic:
    start = position(lines, d.lineno, d.offset - 1)
    end = position(lines, d.end_lineno, d.end_offset - 1)
    if (end.line, end.character) <= (start.line, start.character):
        end = types.Position(line=start.line, character=start.character + 1)
    return types.Diagnostic(range=types.Range(start=start, end=end), message=d.message,
                            severity=_SEVERITY[d.severity], source="bytelens", code=d.kind)


def compile_diagnostic(lines: LineIndex, d: Diagnostic) -> types.Diagnostic:
    """A compiler or symbol-table diagnostic: its offsets are CPython's for compile-time errors,
    UTF-8 byte columns + 1 (unlike the parser's, which count characters)."""
    start = position(lines, d.lineno, lines.utf8_to_char(d.lineno, max(d.offset - 1, 0)))
    end = position(lines, d.end_lineno, lines.utf8_to_char(d.end_lineno, max(d.end_offset - 1, 0)))
    if d.offset <= 0 or (end.line, end.character) <= (start.line, start.character):
        end = types.Position(line=start.line, character=max(start.character + 1,
                                                            lines.char_to_utf16(d.lineno, len(lines.line_text(d.lineno)))))
    return types.Diagnostic(range=types.Range(start=start, end=end), message=d.message,
                            severity=_SEVERITY[d.severity], source="bytelens", code=d.kind)


def semantic_tokens(lines: LineIndex, runs: tuple[Highlight, ...]) -> list[int]:
    """The LSP's relative five-integer encoding of highlights, lengths and columns in UTF-16."""
    data: list[int] = []
    prev_line = prev_col = 0
    for run in runs:
        line = run.line - 1
        col = lines.char_to_utf16(run.line, run.col)
        length = lines.char_to_utf16(run.line, run.col + run.length) - col
        bits = 0
        for mod in run.modifiers:
            bits |= _MODIFIER_BIT[mod]
        delta_col = col - prev_col if line == prev_line else col
        data += (line - prev_line, delta_col, length, _KIND_INDEX[run.kind], bits)
        prev_line, prev_col = line, col
    return data


def semantic_tokens_edit(old: list[int], new: list[int]) -> list[types.SemanticTokensEdit]:
    """The smallest single edit turning `old` into `new`: their common prefix and suffix stay.

    Edits stay aligned to whole five-integer tokens, so a client applying them never sees half a token.
    """
    if old == new:
        return []
    limit = min(len(old), len(new))
    prefix = _common(old, new, 0, 1, limit)
    prefix -= prefix % 5
    suffix = _common(old, new, -1, -1, limit - prefix)
    suffix -= suffix % 5
    return [types.SemanticTokensEdit(start=prefix, delete_count=len(old) - prefix - suffix,
                                     data=new[prefix:len(new) - suffix])]


def _common(old: list[int], new: list[int], first: int, step: int, limit: int) -> int:
    """How many items from `first` on (towards the end, or from the end when `step` is -1) the
    two lists share, at most `limit`: compared a block at a time (a big file's tokens are some
    hundred thousand integers, and a keystroke changes a few)."""
    block = 512
    n = 0
    while n < limit:
        size = min(block, limit - n)
        if step > 0:
            same = old[n:n + size] == new[n:n + size]
        else:
            same = old[len(old) - n - size:len(old) - n] == new[len(new) - n - size:len(new) - n]
        if not same:
            break
        n += size
    while n < limit and old[first + step * n] == new[first + step * n]:
        n += 1
    return n


_SYMBOL_KIND = {"class": types.SymbolKind.Class, "function": types.SymbolKind.Function,
                "method": types.SymbolKind.Method, "variable": types.SymbolKind.Variable,
                "constant": types.SymbolKind.Constant, "type alias": types.SymbolKind.TypeParameter}


def span_range(lines: LineIndex, span) -> types.Range:
    line, col, end_line, end_col = span
    return types.Range(start=position(lines, line, col), end=position(lines, end_line, end_col))


def document_symbol(lines: LineIndex, item: OutlineItem) -> types.DocumentSymbol:
    return types.DocumentSymbol(
        name=item.name, kind=_SYMBOL_KIND[item.kind], range=span_range(lines, item.span),
        selection_range=span_range(lines, item.name_span),
        detail=item.kind if item.kind == "type alias" else None,
        children=[document_symbol(lines, child) for child in item.children])


def view_node(lines: LineIndex, node: ViewNode) -> dict:
    """An AST pane node as JSON: {type, field, label, range (LSP range or null), children}."""
    rng = None if node.span is None else span_range(lines, node.span)
    return {"type": node.type, "field": node.field, "label": node.label,
            "range": None if rng is None else {"start": {"line": rng.start.line, "character": rng.start.character},
                                                "end": {"line": rng.end.line, "character": rng.end.character}},
            "children": [view_node(lines, child) for child in node.children],
            **({"error": True} if node.type == "ErrorNode" else {})}


def hover_markdown(listings, explanations: bool = True) -> str:
    """Each code object's instructions for the line, as `dis` prints them, in a fenced block;
    then, unless turned off, one line per distinct opcode saying what it does."""
    from pipeline.opinfo import explain

    parts = []
    for listing in listings:
        body = "\n".join(listing.lines)
        parts.append(f"**{listing.code_name}**\n```\n{body}\n```")
    if explanations:
        opnames = dict.fromkeys(name for listing in listings for name in listing.opnames)
        lines = [f"- `{name}`: {explain(name)}" for name in opnames if explain(name)]
        if lines:
            parts.append("\n".join(lines))
    return "\n\n".join(parts)


def inlay_hint(lines: LineIndex, hint) -> types.InlayHint:
    """A fold hint (`pipeline.inlay.FoldHint`) as an LSP inlay hint after its expression."""
    return types.InlayHint(position=position(lines, hint.line, hint.col), label=hint.label,
                           padding_left=True, tooltip="folded by the compiler to this constant")


def positions_range(lines: LineIndex, positions) -> types.Range:
    """An instruction's positions (lineno, end_lineno, col, end_col; AST's UTF-8 columns) as a
    range; a missing column means the whole line."""
    lineno, end_lineno, col, end_col = positions
    end_lineno = end_lineno if end_lineno is not None else lineno
    start = 0 if col is None else lines.utf8_to_char(lineno, col)
    end = len(lines.line_text(end_lineno)) if end_col is None else lines.utf8_to_char(end_lineno, end_col)
    return span_range(lines, (lineno, start, end_lineno, end))


def range_json(rng: types.Range) -> dict:
    return {"start": {"line": rng.start.line, "character": rng.start.character},
            "end": {"line": rng.end.line, "character": rng.end.character}}
