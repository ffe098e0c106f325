"""The compiler on small cases, one construct family per file in tests/cases/compile/, and its API.

Each case file is compiled from the oracle's tree and disassembled; the text must equal what
`python3.14 -m dis FILE` prints (addresses masked, frozensets of strings sorted). The API tests
check what `compile_module` reports besides code: CPython's compile-time errors and warnings, and
the folds the editor shows.
"""
from __future__ import annotations

import functools
from pathlib import Path

import pytest

from pipeline.compiler import compile_module
from pipeline.disassemble import disassemble
from tests import astjson, oracle
from tests.test_compiler import comparable

CASES = Path(__file__).resolve().parent / "cases" / "compile"
NAMES = sorted(p.name for p in CASES.glob("*.py"))


@functools.cache
def _exports() -> dict[str, dict]:
    return dict(zip(NAMES, astjson.export_files(CASES, NAMES)))


@functools.cache
def _oracle() -> dict[str, oracle.Result]:
    return dict(zip(NAMES, oracle.run([oracle.Job(CASES, ("-m", "dis", n), (n,)) for n in NAMES])))


# Known differences, each with its cause (re-measured by running this module).
XFAIL: dict[str, str] = {}


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=XFAIL[n]))
                                  if n in XFAIL else n for n in NAMES])
def test_case_dis_matches(name):
    expected = _oracle()[name]
    assert expected.status == 0, expected.stderr
    result = compile_module(astjson.load(_exports()[name]), name)
    assert result.code is not None, (result.errors, result.unsupported)
    assert comparable(disassemble(result.code)) == comparable(expected.stdout)


def _compile(source: str):
    return compile_module(astjson.load(astjson.export_source(source, dumps="hash", combos="corpus")), "<case>")


@pytest.mark.parametrize("source, message", [
    ("def f():\n    pass\nreturn 1\n", "'return' outside function"),
    ("while x:\n    pass\nbreak\n", "'break' outside loop"),
    ("for x in y:\n    def f():\n        continue\n", "'continue' not properly in loop"),
    ("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n", "default 'except:' must be last"),
    ("def f():\n    yield from x\nasync def g():\n    yield from x\n", "'yield from' inside async function"),
    ("match x:\n    case a:\n        pass\n    case b:\n        pass\n",
     "name capture 'a' makes remaining patterns unreachable"),
    ("match x:\n    case [a, a]:\n        pass\n", "multiple assignments to name 'a' in pattern"),
    ("f(a=1, a=2)\n", "keyword argument repeated: a"),
])
def test_compile_errors(source, message):
    result = _compile(source)
    assert result.code is None
    assert [d.message for d in result.errors] == [message]
    assert result.errors[0].kind == "SyntaxError"


def test_warnings_are_reported_with_code():
    result = _compile("assert (x, 'message')\nif x is 1:\n    pass\n")
    assert result.code is not None
    assert [(d.message, d.lineno) for d in result.warnings] == [
        ("assertion is always true, perhaps remove parentheses?", 1),
        ('"is" with \'int\' literal. Did you mean "=="?', 2),
    ]
    assert all(d.severity == "warning" for d in result.warnings)


def test_folds_carry_spans_and_values():
    result = _compile("x = 2 ** 10\ny = (1, 'a')\nz = -3\n")
    folds = {(f.lineno, f.col_offset, f.end_col_offset): f.value_repr for f in result.folds}
    assert folds == {(1, 4, 11): "1024", (2, 4, 12): "(1, 'a')", (3, 4, 6): "-3"}
