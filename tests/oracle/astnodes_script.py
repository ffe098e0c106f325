"""Run inside the oracle (CPython 3.14.2): print `pipeline/astnodes.py`, Bytelens's AST node classes.

Every fact in the output is read off the reference interpreter's own `ast` module: the node classes
and their order, `_fields`, `_attributes`, the ASDL signature in each `__doc__` (cross-checked
against `_field_types`), what a constructor called without arguments leaves in each field (the 3.14
defaults), and which code points `str.isprintable()` rejects (what `repr` escapes, needed by dump).
The script stops with an error instead of printing anything it cannot cross-check.
"""
import _ast
import ast
import re
import sys
import warnings

_SIG = re.compile(r"^(\w+)(?:\((.*)\))?$")


def node_classes():
    """The classes of the ASDL grammar (those `_ast` defines), in definition order.

    The deprecated Python-level shims in ast.py (Suite, Param, Index, ...) are left out: the
    parser never produces them and they have no ASDL signature.
    """
    out = []

    def visit(cls):
        for sub in cls.__subclasses__():
            if getattr(_ast, sub.__name__, None) is sub and sub not in out:
                out.append(sub)
                visit(sub)
    visit(ast.AST)
    return out


def is_abstract(cls):
    return getattr(cls, "_field_types", None) is None


def signature(cls):
    """[(asdl_type, name)] parsed from the constructor's line of the ASDL text in `__doc__`."""
    m = _SIG.match(cls.__doc__.strip())
    if not m or m.group(1) != cls.__name__:
        raise SystemExit(f"unexpected __doc__ for {cls.__name__}: {cls.__doc__!r}")
    if not m.group(2):
        return []
    return [tuple(part.split()) for part in m.group(2).split(", ")]


def check_field(cls, asdl_type, name):
    """The ASDL spelling must agree with `_field_types` and with the no-argument constructor."""
    py_type = cls._field_types[name]
    is_seq = getattr(py_type, "__origin__", None) is list
    is_opt = not is_seq and type(None) in getattr(py_type, "__args__", ())
    if is_seq != asdl_type.endswith("*") or is_opt != (asdl_type.endswith("?")):
        raise SystemExit(f"{cls.__name__}.{name}: {asdl_type} disagrees with {py_type}")


def defaults(cls):
    """{field: Python source of its default ('None', '()', '_LOAD' for the shared Load()), or None
    if it is required}, from what `cls()` leaves in each field."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        blank = cls()
    out = {}
    for name in cls._fields:
        if not hasattr(blank, name):
            out[name] = None
            continue
        value = getattr(blank, name)
        if value is None:
            out[name] = "None"
        elif value == []:
            out[name] = "()"
        elif type(value) is ast.Load:
            out[name] = "_LOAD"
        else:
            raise SystemExit(f"{cls.__name__}.{name}: unexpected default {value!r}")
    return out


def nonprintable_ranges():
    """Maximal [start, stop) runs of code points for which `str.isprintable()` is false."""
    ranges = []
    start = None
    for cp in range(sys.maxunicode + 2):
        bad = cp <= sys.maxunicode and not chr(cp).isprintable()
        if bad and start is None:
            start = cp
        elif not bad and start is not None:
            ranges.append((start, cp))
            start = None
    return ranges


def annotation(asdl_type):
    base = asdl_type.rstrip("?*")
    py = {"identifier": "str", "string": "str", "int": "int", "constant": "object"}.get(base, base)
    if asdl_type.endswith("?*"):
        return f"tuple[{py} | None, ...]"
    if asdl_type.endswith("*"):
        return f"tuple[{py}, ...]"
    if asdl_type.endswith("?"):
        return f"{py} | None"
    return py


def emit_class(cls, out):
    name = cls.__name__
    base = cls.__mro__[1].__name__
    if is_abstract(cls):
        out.append(f"class {name}({base}):")
        out.append(f'    """Abstract ASDL type `{name}`; its constructors subclass it."""')
        out.append("    __slots__ = ()")
        out.append(f"    _attributes = {cls._attributes!r}")
        out.append("")
        out.append("")
        return
    sig = signature(cls)
    if tuple(n for _, n in sig) != cls._fields:
        raise SystemExit(f"{name}: __doc__ fields {sig} disagree with _fields {cls._fields}")
    for asdl_type, field in sig:
        check_field(cls, asdl_type, field)
    dflt = defaults(cls)
    for field, value in dflt.items():
        kind = dict((n, t) for t, n in sig)[field]
        expected = "None" if kind.endswith("?") else "()" if kind.endswith("*") else \
            "_LOAD" if kind == "expr_context" else None
        if value != expected:
            raise SystemExit(f"{name}.{field}: default {value} is not the expected {expected}")
    attrs = [("int?" if getattr(cls, a, ...) is None else "int", a) for a in cls._attributes]
    params = [(t, n, dflt[n]) for t, n in sig] + [("int?", n, "None") for _, n in attrs]
    asdl = {n: t for t, n in sig + attrs}

    out.append("@_dataclass(frozen=True, slots=True, init=False, match_args=False)")
    out.append(f"class {name}({base}):")
    out.append(f'    """{cls.__doc__.strip()}"""')
    out.append(f"    _fields = {cls._fields!r}")
    out.append(f"    _attributes = {cls._attributes!r}")
    out.append(f"    _asdl_types = {asdl!r}")
    out.append(f"    __match_args__ = {cls._fields!r}")
    for t, n, d in params:
        out.append(f"    {n}: {annotation(t)}" + ("" if d is None else f" = {d}"))
    if not params:
        # Fieldless nodes (contexts, operators) are values with no state: one shared instance each.
        out.append("")
        out.append("    def __new__(cls):")
        out.append("        return _SHARED[cls]")
        out.append("")
        out.append("")
        out.append(f"_SHARED[{name}] = object.__new__({name})")
        out.append("")
        out.append("")
        return
    sig_parts = []
    checks = []
    seen_default = False
    for t, n, d in params:
        if d is None and not seen_default:
            sig_parts.append(n)
        elif d is None:
            sig_parts.append(f"{n}=_REQUIRED")
            checks.append(n)
        else:
            seen_default = True
            sig_parts.append(f"{n}={d}")
    out.append("")
    out.append(f"    def __init__(self, {', '.join(sig_parts)}):")
    for n in checks:
        out.append(f"        if {n} is _REQUIRED:")
        out.append(f"            _missing({name}, {n!r})")
    for _, n, _ in params:
        out.append(f"        _set_{name}_{n}(self, {n})")
    out.append("")
    out.append("")
    for _, n, _ in params:
        out.append(f"_set_{name}_{n} = {name}.__dict__[{n!r}].__set__")
    out.append("")
    out.append("")


def main():
    classes = node_classes()
    out = []
    w = out.append
    w('"""The AST node classes of CPython 3.14.2, as immutable values.')
    w("")
    w("@generated by tests/gen_astnodes.py from the oracle's own `ast` module (pyodide@314.0.7).")
    w("Do not edit; regenerate with `python -m tests.gen_astnodes`.")
    w("")
    w("Contract:")
    w("- One class per ASDL constructor, subclassing its abstract ASDL type (`expr`, `stmt`, ...),")
    w("  itself a subclass of `AST`; every class has CPython's `_fields` and `_attributes`, and")
    w("  `_asdl_types` maps each of them to its ASDL type (`expr?` optional, `stmt*` sequence).")
    w("- Concrete classes are frozen slotted dataclasses; their fields are `_fields` followed by")
    w("  `_attributes`, positional-or-keyword in that order. Sequences are tuples.")
    w("- Defaults are 3.14's: optional fields None, sequences (), `expr_context` fields Load().")
    w("  Omitting any other field raises TypeError (3.14 only warns; 3.15 will raise).")
    w("  Attributes default to None, meaning absent (dump leaves them out).")
    w("- Fieldless nodes (Load(), Add(), Eq(), ...) are shared instances: `Load() is Load()`.")
    w("- Constructors check nothing else (no types): the parser builds millions of nodes.")
    w('"""')
    w("from __future__ import annotations")
    w("")
    w("from dataclasses import dataclass as _dataclass")
    w("")
    w("")
    w("class _Required:")
    w('    """Default of a required parameter that follows an optional one (Python needs a default)."""')
    w("    __slots__ = ()")
    w("")
    w("    def __repr__(self):")
    w('        return "<required>"')
    w("")
    w("")
    w("_REQUIRED = _Required()")
    w("_SHARED = {}")
    w("")
    w("")
    w("def _missing(cls, name):")
    w('    raise TypeError(f"{cls.__name__}.__init__ missing required argument {name!r}")')
    w("")
    w("")
    w("class AST:")
    w('    """Root of every node class."""')
    w("    __slots__ = ()")
    w("    _fields = ()")
    w("    _attributes = ()")
    w("    _asdl_types = {}")
    w("")
    w("")
    # Load() is a default value of other classes, so the stateless classes (contexts, operators
    # and their abstract types) come first; NODE_CLASSES below keeps the ASDL order.
    stateless = [c for c in classes if not c._fields and not c._attributes]
    for cls in stateless:
        emit_class(cls, out)
    w("_LOAD = Load()")
    w("")
    w("")
    for cls in classes:
        if cls not in stateless:
            emit_class(cls, out)
    w("# Every node class by name, abstract ones included, in ASDL order.")
    names = ", ".join(f"{c.__name__!r}: {c.__name__}" for c in classes)
    w(f"NODE_CLASSES = {{'AST': AST, {names}}}")
    w("")
    w("# [start, stop) runs of code points that CPython 3.14's str.isprintable() rejects, i.e. that")
    w("# repr() escapes; the host Python may have an older Unicode database, so dump uses these.")
    w("NONPRINTABLE_RANGES = (")
    pairs = [f"(0x{a:X}, 0x{b:X})," for a, b in nonprintable_ranges()]
    for i in range(0, len(pairs), 6):
        w("    " + " ".join(pairs[i:i + 6]))
    w(")")
    sys.stdout.write("\n".join(out).rstrip("\n") + "\n")


main()
