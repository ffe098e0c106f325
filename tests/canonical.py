"""Outputs of CPython that depend on the process's string hash seed, put in a seed-independent form.

CPython 3.14 randomises string hashes per process, and two of its outputs show hash order:
- `-m symtable`: the free names a scope only passes through to its children are appended in the
  iteration order of a hashed set; such symbols are the only ones with no USE/DEF flag of their
  own, so each run of them is sorted.
- `-m dis`: a frozenset constant of strings prints its elements in hash order; the elements of
  frozensets holding strings are sorted (recursively).
Two runs of real CPython on the same file can differ here and nowhere else; everything else is
compared exactly.
"""
from __future__ import annotations

import re

_PASS_THROUGH_RUN = re.compile(r"(?:^ *\w+ symbol '[^']*': (?:def_free_class|def_comp_cell|, )*\n)+", re.M)


def symtable_text(text: str) -> str:
    """`-m symtable` output with each run of pass-through symbol lines sorted."""
    return _PASS_THROUGH_RUN.sub(lambda m: "".join(sorted(m.group(0).splitlines(True))), text)


_TOKEN = re.compile(r"""b?'(?:[^'\\\n]|\\.)*'|b?"(?:[^"\\\n]|\\.)*"|[(\[{]|[)\]}]|, |.""")
_FROZENSET = "frozenset({"


def dis_text(text: str) -> str:
    """Elements of frozensets that hold strings (hash-ordered) sorted, recursively; all else kept.

    A "frozenset({" that does not close on its line (say, inside a string) is left alone.
    """
    out = []
    pos = 0
    while (start := text.find(_FROZENSET, pos)) >= 0:
        out.append(text[pos:start])
        pos = start + len(_FROZENSET)
        elements, current, depth = [], [], 0
        while (match := _TOKEN.match(text, pos)) is not None:
            token = match.group()
            pos += len(token)
            if depth == 0 and token in (", ", "}"):
                elements.append(dis_text("".join(current)))
                current = []
                if token == "}":
                    break
                continue
            depth += (token in "([{") - (token in ")]}") if len(token) == 1 else 0
            current.append(token)
        else:
            out.append(_FROZENSET)
            pos = start + len(_FROZENSET)
            continue
        if any("'" in e or '"' in e for e in elements):
            elements.sort()
        out.append(_FROZENSET + ", ".join(elements) + "}")
    out.append(text[pos:])
    return "".join(out)
