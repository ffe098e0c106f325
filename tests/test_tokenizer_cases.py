"""Broken and tricky inputs (tests/cases/tokenize/*.py, raw bytes) against CPython 3.14.2.

Strict mode, through the CLI, must print what `python3.14 -m tokenize [-e] FILE` prints (stdout,
last stderr line, exit status). `tokenize_recovering` must never raise on them, must end with
ENDMARKER, and its first diagnostic must be the error strict mode raises.
"""
from __future__ import annotations

import functools
from pathlib import Path

import pytest

import json
import shutil

from pipeline import cli
from pipeline.tokenizer import ENDMARKER, TokenizerError, tokenize, tokenize_recovering
from tests import oracle
from tests.test_tokenizer import PROBE, parser_view_digest

CASES = Path(__file__).parent / "cases" / "tokenize"
NAMES = sorted(p.name for p in CASES.glob("*.py"))
MODES = ((), ("-e",))


@functools.cache
def expected() -> dict[tuple[str, tuple[str, ...]], oracle.Result]:
    jobs = [oracle.Job(CASES, ("-m", "tokenize", *mode, name), (name,)) for mode in MODES for name in NAMES]
    return {(job.argv[-1], job.argv[2:-1]): res for job, res in zip(jobs, oracle.run(jobs))}


def last_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1] if lines else ""


def test_there_are_enough_cases() -> None:
    assert len(NAMES) >= 90


@pytest.mark.parametrize("mode", MODES, ids=["tokenize", "tokenize-e"])
@pytest.mark.parametrize("name", NAMES)
def test_strict_matches_cpython(name: str, mode: tuple[str, ...], capsys, monkeypatch) -> None:
    want = expected()[name, mode]
    monkeypatch.chdir(CASES)
    status = cli.main(["tokenize", *mode, name])
    out, err = capsys.readouterr()
    assert (status, last_line(err)) == (want.status, last_line(want.stderr))
    assert out == want.stdout


@pytest.mark.parametrize("extra", [True, False], ids=["tokenize", "parser"])
@pytest.mark.parametrize("name", NAMES)
def test_recovering_never_raises(name: str, extra: bool) -> None:
    data = (CASES / name).read_bytes()
    tokens, errors = tokenize_recovering(data, extra_tokens=extra)
    assert tokens and tokens[-1].type == ENDMARKER
    try:
        strict = list(tokenize(data, extra_tokens=extra))
    except TokenizerError as exc:
        assert errors and errors[0] == exc.error
    else:
        assert errors == []
        assert tokens == strict


def test_parser_view_matches_cpython(tmp_path: Path) -> None:
    """The parser view (`_tokenize.TokenizerIter(..., extra_tokens=False)`) on every case."""
    (tmp_path / "probe.py").write_text(PROBE)
    shutil.copytree(CASES, tmp_path / "cases")  # inputs of the job, so they key its cache
    inputs = ("probe.py", *(f"cases/{name}" for name in NAMES))
    result = oracle.run([oracle.Job(tmp_path, ("probe.py", "cases", *NAMES), inputs)])[0]
    assert result.status == 0, result.stderr
    want = json.loads(result.stdout)
    differ = [name for name in NAMES if parser_view_digest((CASES / name).read_bytes()) != want[name]]
    assert differ == []
