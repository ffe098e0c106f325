"""Runs inside the oracle: CPython 3.14's raw symbol tables, as JSON, for fine-grained diffs.

    python3.14 symtable_probe.py --facts          -> {"DEF_LOCAL": 2, ..., "flag_order": [...]}:
                                                     `_symtable`'s constants, `symtable`'s flag order
    python3.14 symtable_probe.py [--mode M] FILE...  -> one JSON line per file (compiled in mode M,
                                                     default exec): {"table": T} or
                                                     {"error": [msg, lineno, offset, end_lineno, end_offset]}
T is {"type", "name", "lineno", "nested", "symbols": [[name, flags], ...], "varnames", "children": [T...]},
everything `_symtable` exposes about an entry, in its own order.
"""
import json
import sys

import _symtable


def dump(entry):
    return {"type": entry.type, "name": entry.name, "lineno": entry.lineno, "nested": bool(entry.nested),
            "symbols": [[name, flags] for name, flags in entry.symbols.items()],
            "varnames": list(entry.varnames), "children": [dump(child) for child in entry.children]}


def main(args):
    if args == ["--facts"]:
        import symtable
        facts = {name: getattr(_symtable, name) for name in dir(_symtable) if name.isupper()}
        facts["flag_order"] = [name for name, _ in symtable._flags]  # how Symbol._flags_str lists them
        print(json.dumps(facts))
        return
    mode = "exec"
    if args[:1] == ["--mode"]:
        mode, args = args[1], args[2:]
    for path in args:
        with open(path, "rb") as f:
            source = f.read()
        try:
            answer = {"table": dump(_symtable.symtable(source, path, mode))}
        except SyntaxError as exc:
            answer = {"error": [exc.msg, exc.lineno, exc.offset, exc.end_lineno, exc.end_offset]}
        print(json.dumps(answer))


main(sys.argv[1:])
