"""The symbol table stage against CPython 3.14.2's own, on trees the oracle parsed.

- Corpus: for each of the 534 standard library files, `format_symtable` of our tables (built from
  the oracle's `ast.parse` tree, tests/astjson.py) equals `python3.14 -m symtable FILE`.
- Cases (tests/cases/symtable/): every table's raw facts as `_symtable` exposes them (type, name,
  lineno, nested, symbols with their flag integers in order, varnames, children), or the error
  (message and location), from tests/oracle/symtable_probe.py; and the `-m symtable` text.
- Command line: `bytelens symtable CASE` (our parser included) = `python3.14 -m symtable CASE`.
  The corpus through our parser is the conformance dashboard's business.

CPython appends the free names a scope only passes through in the order of a hashed set, which
changes with each process's string hash seed (the oracle runs with hash randomization on); an
inlined comprehension hands such names on to its parent in that order. Such symbols are the only
ones without a USE/DEF flag of their own (DEF_FREE_CLASS and DEF_COMP_CELL come later), so
comparisons sort each run of them; see `canonical_text` and `canonical_table`.
"""
from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest

from pipeline import astnodes as A
from pipeline import facts
from pipeline import symtable as S
from tests import astjson, canonical, conformance, oracle

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases" / "symtable"
PROBE = HERE / "oracle" / "symtable_probe.py"
CASE_NAMES = sorted(p.relative_to(CASES).as_posix() for p in CASES.rglob("*.py"))
# CPython's own `ast.parse` rejects these (future.c runs inside the parser too), so the oracle has
# no tree for them: test_future_errors builds theirs by hand.
PARSER_REJECTS = {"errors/future_braces.py", "errors/future_unknown.py"}

_LATE_FLAGS = S.DEF_FREE_CLASS | S.DEF_COMP_CELL  # set by analysis, not by a use or definition
canonical_text = canonical.symtable_text


def canonical_table(table: dict) -> dict:
    """A probe dump with each run of pass-through symbols sorted by name."""
    symbols, run = [], []
    for pair in table["symbols"] + [None]:
        if pair is not None and not pair[1] & ((1 << S.SCOPE_OFF) - 1) & ~_LATE_FLAGS:
            run.append(pair)
            continue
        symbols.extend(sorted(run))
        run = []
        if pair is not None:
            symbols.append(pair)
    return {**table, "symbols": symbols, "children": [canonical_table(c) for c in table["children"]]}


def dump(table: S.SymbolTable) -> dict:
    """Our table in symtable_probe.py's format."""
    return {"type": int(table.type), "name": table.name, "lineno": table.lineno, "nested": table.nested,
            "symbols": [[name, symbol.flags] for name, symbol in table.symbols.items()],
            "varnames": list(table.varnames), "children": [dump(child) for child in table.children]}


def run_probe(root: Path, names: list[str], *extra: str) -> list[oracle.Result]:
    """symtable_probe.py on each file, staged with the script so cache keys ignore where we live."""
    with tempfile.TemporaryDirectory(prefix="bytelens-symtable-") as tmp:
        stage = Path(tmp)
        shutil.copyfile(PROBE, stage / PROBE.name)
        for name in names:
            (stage / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(root / name, stage / name)
        jobs = [oracle.Job(stage, (PROBE.name, *extra, name), (PROBE.name, name)) for name in names]
        jobs += [oracle.Job(stage, ("-m", "symtable", name), (name,)) for name in names]
        return oracle.run(jobs)


# --- facts


def test_block_types_cover_cpythons():
    """Every `_symtable.TYPE_*` has its BlockType (the values come from pipeline/facts.py)."""
    types = {n[5:]: v for n, v in facts.SYMTABLE_CONSTANTS.items() if n.startswith("TYPE_")}
    assert {t.name: t.value for t in S.BlockType} == types


# --- the corpus


@pytest.fixture(scope="module")
def corpus():
    names = oracle.corpus_files()
    root = oracle.corpus_dir()
    expected = oracle.run([oracle.Job(root, ("-m", "symtable", name), (name,)) for name in names])
    return astjson.export_corpus(), dict(zip(names, expected))


@pytest.mark.parametrize("name", oracle.corpus_files())
def test_corpus_file(corpus, name):
    exports, expected = corpus
    result = S.build_symtable(astjson.load(exports[name]), name)
    assert result.errors == ()
    assert canonical_text(S.format_symtable(result.top, name)) == canonical_text(expected[name].stdout)


def test_corpus_is_the_whole_stdlib():
    assert len(oracle.corpus_files()) == 534


# --- small cases


@pytest.fixture(scope="module")
def cases():
    names = [n for n in CASE_NAMES if n not in PARSER_REJECTS]
    exports = astjson.export_files(CASES, names)
    results = run_probe(CASES, names)
    probes, texts = results[:len(names)], results[len(names):]
    return {name: (export, json.loads(probe.stdout), text)
            for name, export, probe, text in zip(names, exports, probes, texts)}


@pytest.mark.parametrize("name", [n for n in CASE_NAMES if n not in PARSER_REJECTS])
def test_case(cases, name):
    export, expected, text = cases[name]
    result = S.build_symtable(astjson.load(export), name)
    if "error" in expected:
        assert text.status == 1
        assert [(e.message, e.lineno, e.offset, e.end_lineno, e.end_offset) for e in result.errors] == \
            [tuple(expected["error"])]
        assert result.top is None
    else:
        assert result.errors == ()
        assert canonical_table(dump(result.top)) == canonical_table(expected["table"])
        assert canonical_text(S.format_symtable(result.top, name)) == canonical_text(text.stdout)


def test_future_errors():
    """`from __future__ import braces` / an unknown feature: future.c's errors, at the alias."""
    names = sorted(PARSER_REJECTS)
    results = run_probe(CASES, names)
    for name, probe in zip(names, results):
        feature = (CASES / name).read_text().split()[-1]
        alias = A.alias(feature, None, 1, 23, 1, 23 + len(feature))
        tree = A.Module((A.ImportFrom("__future__", (alias,), 0, 1, 0, 1, 23 + len(feature)),), ())
        result = S.build_symtable(tree, name)
        error = result.errors[0]
        assert [error.message, error.lineno, error.offset, error.end_lineno, error.end_offset] == \
            json.loads(probe.stdout)["error"]


# --- the other compile modes (eval, single), as `eval`/`exec`/`compile` would use them


MODE_SOURCES = {
    "eval": ["[x for x in y]", "lambda a, *b: (a, b, c)", "(yield)", "await x",
             "{k: v for k in (w := z) for v in k}", "super().f(__class__)"],
    "single": ["x = [y for y in z]", "def f():\n    global g\n    return (lambda: g)\n",
               "class C:\n    x: int = 1\n", "nonlocal q", "import os.path"],
}


@pytest.mark.parametrize("mode", sorted(MODE_SOURCES))
def test_modes(mode):
    sources = MODE_SOURCES[mode]
    with tempfile.TemporaryDirectory(prefix="bytelens-symtable-") as tmp:
        root = Path(tmp)
        names = [f"s{i}.py" for i in range(len(sources))]
        for name, source in zip(names, sources):
            (root / name).write_text(source + "\n", "utf-8")
        exports = astjson.export_files(root, names, options=("--mode", mode))
        probes = run_probe(root, names, "--mode", mode)[:len(names)]
    for source, export, probe in zip(sources, exports, probes):
        expected = json.loads(probe.stdout)
        result = S.build_symtable(astjson.load(export), "m.py")
        if "error" in expected:
            assert [[e.message, e.lineno, e.offset, e.end_lineno, e.end_offset] for e in result.errors] == \
                [expected["error"]], source
        else:
            assert canonical_table(dump(result.top)) == canonical_table(expected["table"]), source


# --- what the compiler relies on


def _tree(source: str):
    return astjson.load(astjson.export_source(source, dumps="hash", combos="corpus"))


def test_lookup_by_node_and_role():
    tree = _tree("class C[T: int]:\n    x: int\n    def m(self, a: T) -> T:\n"
                 "        return [super() for _ in a]\n")
    result = S.build_symtable(tree, "m.py")
    cls = tree.body[0]
    method = cls.body[1]
    comp = method.body[0].value
    assert result.lookup(tree) is result.top
    assert result.lookup(cls, S.Role.TYPE_PARAMS).type == S.BlockType.TYPE_PARAMETERS
    assert result.lookup(cls.type_params[0]).scope_info == "a TypeVar bound"
    klass = result.lookup(cls)
    assert klass.type == S.BlockType.CLASS and klass.needs_class_closure and klass.needs_classdict
    assert klass.annotation_block is result.lookup(cls, S.Role.ANNOTATIONS)
    assert klass.annotation_block.can_see_class_scope
    assert result.lookup(method).method and result.lookup(method, S.Role.ANNOTATIONS).annotations_used
    inlined = result.lookup(comp)
    assert inlined.comp_inlined and inlined.comprehension == S.Comprehension.LIST
    assert inlined not in result.lookup(method).children
    assert result.lookup(method).lookup("__class__").is_free
    assert result.get(tree, S.Role.TYPE_PARAMS) is None


def test_function_facts():
    tree = _tree('"""doc"""\nasync def f(a, *b, **c):\n    """doc"""\n    yield (x for x in a)\n'
                 "def g():\n    return 1\n")
    result = S.build_symtable(tree, "m.py")
    f, g = (result.lookup(stmt) for stmt in tree.body[1:])
    genexpr = result.lookup(tree.body[1].body[1].value.value)
    assert result.top.has_docstring and f.has_docstring and not g.has_docstring
    assert f.coroutine and f.generator and f.varargs and f.varkeywords
    assert f.varnames == ("a", "b", "c")
    assert g.returns_value and not g.generator
    assert genexpr.generator and not genexpr.comp_inlined and genexpr.varnames == (".0",)


def test_errors_are_values():
    result = S.build_symtable(_tree("def f(x):\n    global x\n"), "m.py")
    assert result.top is None
    (error,) = result.errors
    assert (error.kind, error.message, error.lineno, error.offset) == \
        ("SyntaxError", "name 'x' is parameter and global", 2, 5)
    with pytest.raises(KeyError):
        result.lookup(object())


def test_mangle():
    assert S.mangle("C", "__x") == "_C__x"
    assert S.mangle("_C", "__x") == "_C__x"
    assert S.mangle("___", "__x") == "__x"
    assert S.mangle("C", "__x__") == "__x__"
    assert S.mangle("C", "__a.b") == "__a.b"
    assert S.mangle(None, "__x") == "__x"


# --- the command line, end to end (our parser included)


@pytest.fixture(scope="module")
def cli_expected():
    results = oracle.run([oracle.Job(CASES, ("-m", "symtable", name), (name,)) for name in CASE_NAMES])
    return dict(zip(CASE_NAMES, results))


@pytest.mark.parametrize("name", CASE_NAMES)
def test_cli(cli_expected, name, monkeypatch):
    """`bytelens symtable FILE` = `python3.14 -m symtable FILE`: stdout, status, last stderr line."""
    monkeypatch.chdir(CASES)
    ours = conformance.run_ours(["symtable", name])
    theirs = cli_expected[name]
    assert canonical_text(ours.stdout) == canonical_text(theirs.stdout)
    assert ours.status == theirs.status
    assert ours.stderr.splitlines()[-1:] == theirs.stderr.splitlines()[-1:]


def test_maybe_mangle():
    """In a generic class's type-parameter scopes only the type parameters are mangled."""
    result = S.build_symtable(_tree("class C[__T](__Base):\n    x: __T\n"), "m.py")
    params = result.top.children[0]
    assert params.mangled_names == frozenset({"__T"})
    assert S.maybe_mangle("C", params.mangled_names, "__T") == "_C__T"
    assert S.maybe_mangle("C", params.mangled_names, "__Base") == "__Base"
    assert S.maybe_mangle("C", None, "__Base") == "_C__Base"
    assert "__Base" in params.symbols and "_C__T" in params.symbols
