"""`pipeline.partial_compile` against our own whole-module compile (itself held to CPython 3.14.2
by the oracle tests): split a module into parts (top-level statement runs; a top-level class's
members with the class as context), compile each part alone, and check that every line a part
owns lists exactly the whole module's instructions, and that `compose` gives the whole compile's
errors, warnings and folds — on corpus files, on `_pydecimal.py`, and with compile errors and
warnings injected into random parts.

Code objects print as `<code object f at 0x...>` in a listing's argrepr; the address is the
object's identity, different in any two compiles, so listings are compared with it blanked.
"""
from __future__ import annotations

import re
import sysconfig
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pipeline.compiler import compile_module
from pipeline.hover import HoverIndex
from pipeline.parser import parse
from pipeline.partial_compile import compile_part, compose, exact, live, module_facts
from tests import oracle

PYDECIMAL = Path(sysconfig.get_paths()["stdlib"]) / "_pydecimal.py"
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def _runs(stmts) -> list[list]:
    """Statements grouped so that no two groups share a line (`a = 1; b = 2`)."""
    out: list[list] = []
    for s in stmts:
        first = s.decorator_list[0].lineno if getattr(s, "decorator_list", ()) else s.lineno
        if out and first <= out[-1][-1].end_lineno:
            out[-1].append(s)
        else:
            out.append([s])
    return out


def split(tree) -> list[tuple[tuple, tuple]]:
    """(statements, classes) of each part, in document order."""
    parts = []
    for run in _runs(tree.body):
        s = run[0]
        if len(run) == 1 and type(s).__name__ == "ClassDef" and s.body[0].lineno > s.lineno:
            parts.extend((tuple(members), (s,)) for members in _runs(s.body))
        else:
            parts.append((tuple(run), ()))
    return parts


def compile_parts(specs, filename: str):
    """Each part compiled with the whole module's facts (a second compile only for the parts
    whose code read a fact another part changes)."""
    parts = [compile_part(statements, classes, filename) for statements, classes in specs]
    facts = module_facts(parts)
    return [part if part.valid_for(facts) else compile_part(statements, classes, filename, facts)
            for part, (statements, classes) in zip(parts, specs)]


def _blank(listings) -> str:
    return _ADDRESS.sub("", repr(listings))


def check_module(text: str, filename: str) -> tuple[int, int]:
    """Assert the part-by-part compile equals the whole one; (owned lines, lines in parts)."""
    tree = parse(text, filename).tree
    assert tree is not None
    whole = compile_module(tree, filename)
    specs = split(tree)
    if any(exact(statements, classes) for statements, classes in specs):
        return 0, 0
    parts = compile_parts(specs, filename)
    assert compose([(part, 0) for part in parts]) == (whole.errors, whole.warnings, whole.folds)
    if whole.code is None:
        return 0, 0
    index = HoverIndex(whole.code)
    owned = total = 0
    for part, alive in zip(parts, live([(part, 0) for part in parts])):
        for line in range(part.first_line, part.last_line + 1):
            total += 1
            if not part.owns(line):
                assert part.listings(line) is None
                continue
            owned += 1
            mine = part.listings(line, live=alive)
            assert _blank(mine) == _blank(index.listings(line)), (filename, line)
            for listing in mine[:1] if alive else ():
                # Narrowed to the first instruction's positions, as a sub-expression hover is.
                _, picked = part.by_line[line][0]
                span = picked[-1][0].positions
                if None not in span:
                    span = (span[0], span[2], span[1], span[3])
                    assert _blank(part.listings(line, span)) == _blank(index.listings(line, span))
    return owned, total


def _corpus_sample(count: int) -> list[str]:
    files = oracle.corpus_files()
    return files[::max(1, len(files) // count)][:count]


CORPUS = _corpus_sample(64)


def test_corpus_parts_equal_the_whole_module():
    root = oracle.corpus_dir()
    checked = owned = total = 0
    for name in CORPUS:
        text = (root / name).read_text(encoding="utf-8")
        o, t = check_module(text, Path(name).name)
        checked += t > 0
        owned += o
        total += t
    # Files with a __future__ import (or module-level global) are compiled whole by the caller.
    assert checked >= 60, checked
    assert owned > 0.7 * total, (owned, total)


def test_pydecimal_parts_equal_the_whole_module():
    owned, total = check_module(PYDECIMAL.read_text(encoding="utf-8"), "_pydecimal.py")
    assert owned > 0.9 * total, (owned, total)


def test_parts_at_local_coordinates_compose_with_shifts():
    """The caller parses each top-level chunk alone (its first line is line 1) and shifts."""
    root = oracle.corpus_dir()
    owned = 0
    for name in ("bisect.py", "colorsys.py", "keyword.py", "shlex.py", "textwrap.py"):
        text = (root / name).read_text(encoding="utf-8")
        tree = parse(text, name).tree
        whole = compile_module(tree, name)
        lines = text.split("\n")
        specs, shifts = [], []
        for run in _runs(tree.body):
            first = run[0].decorator_list[0].lineno if getattr(run[0], "decorator_list", ()) else run[0].lineno
            chunk = "\n".join(lines[first - 1:run[-1].end_lineno]) + "\n"
            local = parse(chunk, name).tree
            s = local.body[0]
            if len(local.body) == 1 and type(s).__name__ == "ClassDef" and s.body[0].lineno > s.lineno:
                specs.extend((tuple(members), (s,)) for members in _runs(s.body))
                shifts.extend([first - 1] * len(_runs(s.body)))
            else:
                specs.append((tuple(local.body), ()))
                shifts.append(first - 1)
        parts = compile_parts(specs, name)
        assert compose(list(zip(parts, shifts))) == (whole.errors, whole.warnings, whole.folds)
        moved = [part.shifted(shift) for part, shift in zip(parts, shifts)]
        assert compose([(part, 0) for part in moved]) == (whole.errors, whole.warnings, whole.folds)
        index = HoverIndex(whole.code)
        for part, alive in zip(moved, live([(part, 0) for part in moved])):
            for line in range(part.first_line, part.last_line + 1):
                if part.owns(line):
                    owned += 1
                    assert _blank(part.listings(line, live=alive)) == _blank(index.listings(line)), (name, line)
    assert owned > 200


def test_shifted_listings_past_line_999():
    """`dis` widens the line-number column with the lines a code object spans."""
    chunk = "class C:\n    def f(self, x):\n        if x:\n            return (lambda: x)\n        return 2\n"
    text = "x = 0\n" * 1200 + chunk
    whole = HoverIndex(compile_module(parse(text, "m.py").tree, "m.py").code)
    local = parse(chunk, "m.py").tree
    part = compile_part(local.body[0].body, local.body[0:1], "m.py").shifted(1200)
    for line in range(1203, 1206):
        assert part.owns(line)
        assert _blank(part.listings(line)) == _blank(whole.listings(line)) != "[]"
    assert "1203" in part.listings(1203)[0].lines[0]


def test_module_facts_come_from_other_parts():
    """`mod.f()` is a method call unless a module-level import binds `mod`; `super().f()` is
    optimized unless the module's table knows `super`: facts of the whole module."""
    text = ("import os\nclass C:\n    def f(self):\n        return os.path.join(super().g())\n"
            "super = super\n")
    tree = parse(text, "m.py").tree
    specs = split(tree)
    alone = [compile_part(statements, classes, "m.py") for statements, classes in specs]
    facts = module_facts(alone)
    assert facts.imported == {"os"} and facts.mentions_super
    method = alone[1]
    assert not method.valid_for(facts)
    index = HoverIndex(compile_module(tree, "m.py").code)
    assert _blank(method.listings(4)) != _blank(index.listings(4))
    again = compile_part(*specs[1], "m.py", facts)
    assert again.valid_for(facts) and _blank(again.listings(4)) == _blank(index.listings(4))


DEAD_CODE = """\
x = 1 + 2
while True:
    pass
y = 3 * 4
def f():
    return 5 * 6
class C:
    a = 7 * 8
    raise E
    b = 9 * 10
    def g(self):
        return 11 * 12
"""


def test_parts_after_one_that_never_falls_through_are_dead():
    """The flowgraph drops what follows `while True:` or `raise` in the same body, with the code
    objects it creates (so those lines list nothing), and a class whose statement is dead with
    all its members. Folds: nested code objects were compiled first and keep theirs; a dead
    class body's code is still folded; after `raise` the enclosing code's folds are gone, after
    `while True:` (its exit jump goes only when the flowgraph folds) they stay."""
    tree = parse(DEAD_CODE, "m.py").tree
    parts = compile_parts(split(tree), "m.py")
    assert live([(part, 0) for part in parts]) == [True, True, False, False, False, False, False, False]
    assert [(part.falls_through, part.folds_after) for part in parts] == [
        (True, True), (False, True), (True, True), (True, True), (True, True), (False, False), (True, True),
        (True, True)]
    assert check_module(DEAD_CODE, "m.py") == (2, 11)
    whole = compile_module(tree, "m.py")
    assert [f.value_repr for f in whole.folds] == ["30", "132", "56", "3", "12"]


def test_blank_comment_and_pass_lines_are_owned():
    text = "class C:\n    def f(self):\n\n        # note\n        pass\n\n        return 1\n"
    tree = parse(text, "m.py").tree
    part = compile_part((tree.body[0].body[0],), (tree.body[0],), "m.py")
    index = HoverIndex(compile_module(tree, "m.py").code)
    assert not part.owns(2)  # the def line: the class body stores the function there
    for line in (3, 4, 5, 6, 7):
        assert part.owns(line)
        assert _blank(part.listings(line)) == _blank(index.listings(line))
    assert part.listings(3) == [] and part.listings(4) == []


CLASS_FEATURES = '''\
import os
x: int = 1
if os:
    y: list[int] = []
z: (1, 2) = 3

@dataclass(frozen=(1 is 1))
class C[T](Base if x is 1 else B, metaclass=M, flag=2 + 3):
    """doc"""
    a: T
    q: (x is 2) = 0
    __b: int = 1 << 4
    if os:
        c: "str" = 'c'
    def __init__(self, v: T) -> None:
        super().__init__()
        self.__b = v
        print(__class__, __b)
    def g[U: T](self, u: U, w: T = -1) -> U:
        return [self.__b for _ in range(2 * 3)]
    @property
    def h(self): return os.path.join(self.a) + (1, 2)[0]
    lam = lambda self: self.a
    class Inner:
        def k(self): return super().k()
    type Alias[V] = list[V | T]
    def m(self) -> 'C[T]':
        async def n(): await self
        return (x for x in self if x is not ())

class D:
    def __init__(self): super().__init__()
    attr = [v for v in range(3)]
'''


def test_class_context_features_compose():
    """Type parameters, __class__ and super(), name mangling, class and module annotations
    (conditional ones too), warnings in decorators (before the body), in class annotations (after
    it) and in bases (after those), folds at every level."""
    whole = compile_module(parse(CLASS_FEATURES, "f.py").tree, "f.py")
    assert len(whole.warnings) == 4 and whole.folds and not whole.errors
    owned, total = check_module(CLASS_FEATURES, "f.py")
    assert 0 < owned < total


@pytest.mark.parametrize("header", ["@f(a=1, a=2)\nclass C(B):", "class C(B, a=1, a=2):", "class C(B):"])
@pytest.mark.parametrize("member", ["x = 1 is 1", "return 2", "def f(self):\n        return 3 is 3",
                                    "def f(self):\n        yield from 4 is 4\n        break"])
def test_class_header_errors_against_member_diagnostics(header, member):
    """A header's errors and warnings are in every member's compile: `compose` keeps the
    decorators' before the members' and the bases' after them, once."""
    source = (f"import os\nif x is 0: pass\n{header}\n    y = 5 is 5\n    {member}\n"
              f"    def g(self):\n        return (1, 2)(3)\nz = 6 is 6\n")
    check_module(source, "m.py")


def test_a_later_build_error_beats_an_earlier_analysis_error():
    """The symbol table builds every scope before it analyses names."""
    source = "def f():\n    nonlocal q\nclass C:\n    def g(self, a, a):\n        pass\n"
    tree = parse(source, "m.py").tree
    whole = compile_module(tree, "m.py")
    assert [e.message for e in whole.errors] == ["duplicate argument 'a' in function definition"]
    parts = compile_parts(split(tree), "m.py")
    assert [part.symtable_pass for part in parts] == ["analyze", "build"]
    check_module(source, "m.py")


def test_conditional_annotations_elsewhere_mark_the_first_statement():
    source = "try:\n    import os\nexcept ImportError:\n    pass\nif os:\n    x: int = 1\n"
    tree = parse(source, "m.py").tree
    assert check_module(source, "m.py")[1] == 6
    assert not compile_part(tree.body[:1], (), "m.py").owns(1)


@pytest.mark.parametrize("source, reason", [
    ("global x\n", "'global' in the module body"),
    ("class C:\n    global x\n", "'global' in the class body"),
    ("class C:\n    if y:\n        nonlocal x\n", "'nonlocal' in the class body"),
    ("from __future__ import annotations\n", "a __future__ import"),
    ("def f():\n    global x\n", None),
])
def test_exact_reasons(source, reason):
    tree = parse(source, "m.py").tree
    s = tree.body[0]
    if type(s).__name__ == "ClassDef":
        assert exact(s.body, (s,)) == reason
    else:
        assert exact(tree.body, ()) == reason


# ------------------------------------------------------------------------- injected diagnostics
SNIPPETS = (
    "return 1",                                           # 'return' outside function (at module/class level)
    "yield 1",                                            # 'yield' outside function
    "await x",                                            # 'await' outside function
    "break",                                              # 'break' outside loop
    "def _inj(a, a):\n    pass",                          # duplicate argument (symtable, build pass)
    "def _inj():\n    nonlocal _nobody",                  # no binding for nonlocal (analysis pass)
    "class _Inj:\n    nonlocal _nobody",                  # the same, in a nested class
    "if x is 1:\n    pass",                               # "is" with a literal
    "_inj = (1, 2)(3)",                                   # 'tuple' object is not callable
    "assert (x, 'message')",                              # assertion is always true
    "_inj: (1 is 1) = 2",                                 # a warning in a deferred annotation
    "_inj: (yield) = 2",                                  # yield in an annotation
    "def _inj():\n    try:\n        pass\n    finally:\n        return 1",  # PEP 765 (pre-pass)
    "for _i in x:\n    try:\n        pass\n    finally:\n        break",
    "_inj = 2 + 3 * 4",                                   # a fold
    "_inj = lambda: -(1 << 8)",                           # a fold in a nested code object
)

INJECT_FILES = ("bisect.py", "colorsys.py", "shlex.py", "textwrap.py", "fractions.py", "heapq.py")


def _statement_starts(tree, text_lines) -> list[tuple[int, str]]:
    """(line, indentation) where a statement starts a line of its own, at every depth."""
    starts = []

    def visit(body):
        for s in body:
            line = s.decorator_list[0].lineno if getattr(s, "decorator_list", ()) else s.lineno
            col = s.decorator_list[0].col_offset - 1 if getattr(s, "decorator_list", ()) else s.col_offset
            prefix = text_lines[line - 1].encode("utf-8")[:col].decode("utf-8", "replace")
            if prefix.strip() == "" and line not in {l for l, _ in starts}:
                starts.append((line, prefix))
            for field in ("body", "orelse", "finalbody"):
                visit(getattr(s, field, ()))
            for handler in getattr(s, "handlers", ()):
                visit(handler.body)
            for case in getattr(s, "cases", ()):
                visit(case.body)

    visit(tree.body)
    return starts


_SOURCES: dict[str, tuple[list[str], list]] = {}


def _source(name: str):
    if name not in _SOURCES:
        text = (oracle.corpus_dir() / name).read_text(encoding="utf-8")
        lines = text.split("\n")
        _SOURCES[name] = (lines, _statement_starts(parse(text, name).tree, lines))
    return _SOURCES[name]


def _inject(name: str, chosen) -> str:
    lines, _ = _source(name)
    lines = list(lines)
    for (line, indent), snippet in sorted(chosen, reverse=True):
        lines[line - 1:line - 1] = [indent + row for row in snippet.split("\n")]
    return "\n".join(lines)


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_each_snippet_composes_at_each_depth(snippet):
    """Module level, a class member, a method body and a function body of shlex.py."""
    lines, starts = _source("shlex.py")
    picks = {}
    for line, indent in starts:
        depth = len(indent) // 4
        inside_class = any(l < line and i == "" and lines[l - 1].startswith("class ") for l, i in starts)
        picks.setdefault((depth, inside_class and depth > 0 and line < 290), (line, indent))
    assert {(0, False), (1, True), (2, True), (1, False)} <= set(picks)
    for key in ((0, False), (1, True), (2, True), (1, False)):
        text = _inject("shlex.py", [(picks[key], snippet)])
        assert parse(text, "shlex.py").tree is not None
        tree = parse(text, "shlex.py").tree
        whole = compile_module(tree, "shlex.py")
        if not any(exact(a, b) for a, b in split(tree)):
            assert check_module(text, "shlex.py")[1] > 0 or whole.code is None
        else:
            assert "nonlocal" in snippet and key == (0, False)


@settings(max_examples=40, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(INJECT_FILES), st.lists(st.tuples(st.floats(0, 1, exclude_max=True),
                                                         st.sampled_from(SNIPPETS)), min_size=1, max_size=2))
def test_injected_errors_and_warnings_compose(name, injections):
    lines, starts = _source(name)
    lines = list(lines)
    chosen = sorted({starts[int(where * len(starts))]: snippet for where, snippet in injections}.items(),
                    reverse=True)
    for (line, indent), snippet in chosen:
        lines[line - 1:line - 1] = [indent + row for row in snippet.split("\n")]
    text = "\n".join(lines)
    result = parse(text, name)
    if result.tree is None:  # e.g. a snippet before an `else:` or `except:` clause
        return
    check_module(text, name)
