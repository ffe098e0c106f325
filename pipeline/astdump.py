"""`dump`: the text CPython 3.14's `ast.dump` prints for a tree of `pipeline.astnodes` nodes.

The rules, as 3.14 applies them (learned from its Lib/ast.py and checked against it on the whole
stdlib corpus by tests/test_astdump.py):

- A node prints as `Name(field=value, ...)`. Optional fields that are None are left out, and so,
  unless `show_empty`, are empty sequences. Once a field has been left out because it was None,
  every later field is printed with its name even when `annotate_fields` is false (positions
  would be ambiguous); an empty sequence left out before that point is still printed, as `[]`,
  when a later field is printed positionally, but not when nothing positional follows.
- With `include_attributes`, the location attributes follow the fields, always named; absent
  ones (None) are left out.
- Sequences print as lists `[a, b]`. Strings, numbers and other scalars print as their repr.
- With `indent` (an int: that many spaces; a str: itself), a node or list breaks one item per
  line, indented one level per depth, unless it is "simple": a node all of whose values are
  scalars, nodes without values, or empty lists, and which has at most three of them, stays on
  one line. A node with no values at all counts as a scalar for its parent.

Strings are printed the way 3.14's `repr` prints them, whatever the host's Unicode database:
which characters are escaped comes from `astnodes.NONPRINTABLE_RANGES`, read off 3.14.
"""
from __future__ import annotations

from bisect import bisect_right

from pipeline.astnodes import AST, NONPRINTABLE_RANGES

__all__ = ["dump", "repr314"]

_PLAIN, _OPTIONAL, _SEQUENCE = 0, 1, 2

# cls -> ((field, kind), ...), attributes: derived once per class from its `_asdl_types`.
_LAYOUTS: dict[type, tuple[tuple[tuple[str, int], ...], tuple[str, ...]]] = {}

_STARTS = tuple(start for start, _ in NONPRINTABLE_RANGES)
_STOPS = tuple(stop for _, stop in NONPRINTABLE_RANGES)


def _layout(cls):
    try:
        return _LAYOUTS[cls]
    except KeyError:
        pass
    kinds = []
    for name in cls._fields:
        asdl = cls._asdl_types[name]
        kinds.append((name, _SEQUENCE if asdl.endswith("*") else _OPTIONAL if asdl.endswith("?") else _PLAIN))
    layout = _LAYOUTS[cls] = (tuple(kinds), cls._attributes)
    return layout


def _printable(cp: int) -> bool:
    i = bisect_right(_STARTS, cp) - 1
    return i < 0 or cp >= _STOPS[i]


def _repr_str(s: str) -> str:
    # ASCII printability has not changed between Unicode versions, so the host's repr is exact.
    if s.isascii():
        return repr(s)
    quote = '"' if "'" in s and '"' not in s else "'"
    out = [quote]
    for ch in s:
        cp = ord(ch)
        if ch == quote or ch == "\\":
            out.append("\\" + ch)
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif cp < 0x20 or cp == 0x7F:
            out.append(f"\\x{cp:02x}")
        elif cp < 0x7F or _printable(cp):
            out.append(ch)
        elif cp <= 0xFF:
            out.append(f"\\x{cp:02x}")
        elif cp <= 0xFFFF:
            out.append(f"\\u{cp:04x}")
        else:
            out.append(f"\\U{cp:08x}")
    out.append(quote)
    return "".join(out)


def repr314(value) -> str:
    """`repr(value)` as CPython 3.14.2 prints it, for the scalar values an AST holds.

    Differs from the host's repr only for strings (also inside tuples) holding characters whose
    printability changed between the host's Unicode database and 3.14's. Ints longer than the
    host's `sys.get_int_max_str_digits()` raise ValueError, as 3.14's repr does at its default.
    """
    if type(value) is str:
        return _repr_str(value)
    if type(value) is tuple:
        if len(value) == 1:
            return f"({repr314(value[0])},)"
        return "(" + ", ".join(repr314(v) for v in value) + ")"
    return repr(value)


def dump(node, annotate_fields=True, include_attributes=False, *, indent=None, show_empty=False) -> str:
    """Return the text `ast.dump(tree, annotate_fields, include_attributes, indent=indent,
    show_empty=show_empty)` prints in CPython 3.14.2 for the equivalent CPython tree.

    `node` is any `pipeline.astnodes` node; TypeError otherwise. `indent` is None (one line), an
    int (that many spaces per level; 0 or less: newlines only) or a str used as is.
    """
    if not isinstance(node, AST):
        raise TypeError(f"expected AST, got {type(node).__name__!r}")
    if indent is not None and not isinstance(indent, str):
        indent = " " * indent

    def node_text(n, level):
        # Returns (text, simple); `level` is the depth of n's own items.
        fields, attributes = _layout(type(n))
        parts = []
        held_empty = 0   # empty sequences left out so far, owed as `[]` if a positional follows
        named = annotate_fields
        simple = True
        for name, kind in fields:
            value = getattr(n, name)
            if kind == _OPTIONAL and value is None:
                named = True
                continue
            if kind == _SEQUENCE:
                if not value and not show_empty:
                    if not named:
                        held_empty += 1
                    continue
                text = seq_text(value, level + 1)
                simple = simple and not value
            elif isinstance(value, AST):
                text, sub_simple = node_text(value, level + 1)
                simple = simple and sub_simple
            else:
                text = repr314(value)
            if named:
                parts.append(f"{name}={text}")
            else:
                if held_empty:
                    parts.extend(["[]"] * held_empty)
                    held_empty = 0
                parts.append(text)
        if include_attributes:
            for name in attributes:
                value = getattr(n, name)
                if value is not None:
                    parts.append(f"{name}={repr314(value)}")
        if simple and len(parts) <= 3:
            return f"{type(n).__name__}({', '.join(parts)})", not parts
        return f"{type(n).__name__}({broken(parts, level)})", False

    def seq_text(items, level):
        if not items:
            return "[]"
        texts = [node_text(x, level + 1)[0] if isinstance(x, AST) else repr314(x) for x in items]
        return f"[{broken(texts, level)}]"

    def broken(parts, level):
        # Items one per line at `level`, or on one line without indent.
        if indent is None:
            return ", ".join(parts)
        prefix = "\n" + indent * level
        return prefix + ("," + prefix).join(parts)

    return node_text(node, 1)[0]
