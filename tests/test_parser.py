"""The parser against real CPython 3.14.2 (the oracle), through `bytelens ast`.

- The whole standard-library corpus: `bytelens ast -a FILE` prints what `python3.14 -m ast -a FILE`
  prints, file for file.
- tests/cases/parse/*.py: small valid files exercising every construct, compared the same way,
  stderr (SyntaxWarnings) included (`NAME.MODE.py` files are parsed with `-m MODE`).
- tests/cases/syntax_errors/*.py: the error report (from the `  File "FILE"` line on) and the exit
  status of `python3.14 -m ast FILE`.
Expected values always come from the oracle. Known gaps are strict xfails.
"""
from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from pipeline import cli
from pipeline.parser import parse
from tests import oracle

CASES = Path(__file__).resolve().parent / "cases"
PARSE_CASES = sorted(p.name for p in (CASES / "parse").glob("*.py"))
ERROR_CASES = sorted(p.name for p in (CASES / "syntax_errors").glob("*.py"))
# Errors CPython raises after parsing (its compiler and symtable): `python -m ast` accepts them.
LATE_ERROR_CASES = sorted(p.name for p in (CASES / "syntax_errors" / "compile").glob("*.py"))
CORPUS = oracle.corpus_files()

# Known gaps: case file -> why it still differs from CPython.
PARSE_GAPS: dict[str, str] = {}
ERROR_GAPS: dict[str, str] = {}


def _cases(names: list[str], gaps: dict[str, str]) -> list:
    return [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=gaps[n])) if n in gaps else n
            for n in names]


def _mode_args(name: str) -> tuple[str, ...]:
    parts = name.split(".")
    return ("-m", parts[-2]) if len(parts) == 3 else ()


def _bytelens(argv: list[str]) -> tuple[str, str, int]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(argv)
    return out.getvalue(), err.getvalue(), status


@pytest.fixture(scope="module")
def corpus_expected() -> dict[str, oracle.Result]:
    d = Path(oracle.corpus_dir())
    jobs = [oracle.Job(cwd=d, argv=("-m", "ast", "-a", f), inputs=(f,)) for f in CORPUS]
    return dict(zip(CORPUS, oracle.run(jobs)))


@pytest.fixture(scope="module")
def parse_expected() -> dict[str, oracle.Result]:
    d = CASES / "parse"
    jobs = [oracle.Job(cwd=d, argv=("-m", "ast", "-a", *_mode_args(f), f), inputs=(f,)) for f in PARSE_CASES]
    return dict(zip(PARSE_CASES, oracle.run(jobs)))


@pytest.fixture(scope="module")
def error_expected() -> dict[str, oracle.Result]:
    d = CASES / "syntax_errors"
    jobs = [oracle.Job(cwd=d, argv=("-m", "ast", f), inputs=(f,)) for f in ERROR_CASES]
    return dict(zip(ERROR_CASES, oracle.run(jobs)))


@pytest.mark.parametrize("name", CORPUS)
def test_corpus_ast(name, corpus_expected):
    expected = corpus_expected[name]
    assert expected.status == 0
    out, err, status = _bytelens(["ast", "-a", str(Path(oracle.corpus_dir()) / name)])
    assert (status, err) == (0, "")
    assert out == expected.stdout


@pytest.mark.parametrize("name", _cases(PARSE_CASES, PARSE_GAPS))
def test_parse_case(name, parse_expected, monkeypatch):
    expected = parse_expected[name]
    monkeypatch.chdir(CASES / "parse")
    out, err, status = _bytelens(["ast", "-a", *_mode_args(name), name])
    assert expected.status == 0, "a parse case must be valid Python 3.14"
    assert (out, err, status) == (expected.stdout, expected.stderr, 0)


def _report(stderr: str, name: str) -> str:
    """The error report's lines, from the `  File "NAME"` line on (an error with no location,
    such as null bytes, which CPython's compile() raises below ast.py's frames: its last line)."""
    lines = stderr.splitlines(True)
    starts = [i for i, line in enumerate(lines) if line.startswith(f'  File "{name}"')]
    return "".join(lines[starts[-1]:] if starts else lines[-1:])


@pytest.mark.parametrize("name", _cases(ERROR_CASES, ERROR_GAPS))
def test_syntax_error(name, error_expected, monkeypatch):
    expected = error_expected[name]
    monkeypatch.chdir(CASES / "syntax_errors")
    out, err, status = _bytelens(["ast", name])
    assert expected.status == 1
    assert (out, _report(err, name), status) == ("", _report(expected.stderr, name), 1)


@pytest.fixture(scope="module")
def late_error_expected() -> dict[str, tuple[oracle.Result, oracle.Result]]:
    d = CASES / "syntax_errors" / "compile"
    names = LATE_ERROR_CASES
    results = oracle.run([oracle.Job(cwd=d, argv=("-m", "ast", f), inputs=(f,)) for f in names]
                         + [oracle.Job(cwd=d, argv=(f,), inputs=(f,)) for f in names])
    return {f: (results[i], results[len(names) + i]) for i, f in enumerate(names)}


@pytest.mark.parametrize("name", LATE_ERROR_CASES)
def test_late_syntax_error(name, late_error_expected, monkeypatch):
    """The stage that raises: `bytelens ast` accepts what `python -m ast` accepts, and `bytelens
    run` reports the compiler's SyntaxError as `python FILE` does."""
    parsed, ran = late_error_expected[name]
    monkeypatch.chdir(CASES / "syntax_errors" / "compile")
    assert (parsed.status, ran.status) == (0, 1)
    assert _bytelens(["ast", name])[2] == 0
    out, err, status = _bytelens(["run", name])
    assert (_report(err, name), status) == (_report(ran.stderr, name), 1)


def test_dump_options(monkeypatch):
    """-i, --show-empty, --no-type-comments and -O reach the dump and the parser as in CPython."""
    name = "type_comments.py"
    monkeypatch.chdir(CASES / "parse")
    variants = [("-i", "0"), ("--show-empty",), ("--no-type-comments",), ("-i", "1", "-a"), ("-O", "1")]
    expected = oracle.run([oracle.Job(cwd=CASES / "parse", argv=("-m", "ast", *v, name), inputs=(name,))
                           for v in variants])
    for v, exp in zip(variants, expected):
        out, _, status = _bytelens(["ast", *v, name])
        assert (out, status) == (exp.stdout, exp.status), v


def test_parse_never_raises_on_junk():
    for text in ["(", ")", "\0", "f'{", "def", "x = [1,\n" * 50, "\\", "'''", "if x:\n\ty\n        z",
                 b"\xff\xfe", "(" * 300 + ")" * 300, "class A(:\n", "lambda: (yield"]:
        result = parse(text)
        assert (result.tree is None) == bool(result.errors)


def measure() -> int:
    """`python -m tests.test_parser --measure`: the share of invalid snippets whose error report
    (message, line, caret line, exit status) is CPython's, with the ones that differ."""
    import os

    d = CASES / "syntax_errors"
    expected = oracle.run([oracle.Job(cwd=d, argv=("-m", "ast", f), inputs=(f,)) for f in ERROR_CASES])
    here = os.getcwd()
    os.chdir(d)
    try:
        differing = []
        for name, exp in zip(ERROR_CASES, expected):
            out, err, status = _bytelens(["ast", name])
            if exp.status != 1 or (out, _report(err, name), status) != ("", _report(exp.stderr, name), 1):
                differing.append(name)
    finally:
        os.chdir(here)
    same = len(ERROR_CASES) - len(differing)
    for name in differing:
        print(f"differs: {name}")
    print(f"invalid snippets: {same}/{len(ERROR_CASES)} identical to CPython 3.14 "
          f"({100 * same / len(ERROR_CASES):.1f}%)")
    return 0 if not differing else 1


if __name__ == "__main__":
    import sys

    if sys.argv[1:] != ["--measure"]:
        sys.exit("usage: python -m tests.test_parser --measure")
    sys.exit(measure())
