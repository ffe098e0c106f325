"""The tokenizer against real CPython 3.14.2 (the oracle) on the whole standard-library corpus.

* `python -m pipeline tokenize [-e] FILE` must print what `python3.14 -m tokenize [-e] FILE` prints:
  the same stdout, the same last stderr line and the same exit status, for each of the 534 files.
* `Token.line` must equal `TokenInfo.line`, hashed per file by a probe script run by the oracle.
* The parser view (`extra_tokens=False`) must equal `_tokenize.TokenizerIter(readline,
  extra_tokens=False)`: a probe script run by the oracle hashes its tokens (type, string, start,
  end) and error per file, and we hash ours the same way.
"""
from __future__ import annotations

import codecs
import functools
import hashlib
import json
import os
from pathlib import Path

import pytest

from pipeline import cli
from pipeline.tokenizer import ENDMARKER, TokenizerError, _decode, tokenize
from tests import oracle

FILES = oracle.corpus_files()
MODES = ((), ("-e",))


@functools.cache
def expected() -> dict[tuple[str, tuple[str, ...]], oracle.Result]:
    root = oracle.corpus_dir()
    jobs = [oracle.Job(root, ("-m", "tokenize", *mode, name), (name,)) for mode in MODES for name in FILES]
    results = oracle.run(jobs)
    return {(job.argv[-1], job.argv[2:-1]): res for job, res in zip(jobs, results)}


def last_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[-1] if lines else ""


def run_cli(argv: list[str], capsys) -> tuple[str, str, int]:
    status = cli.main(argv)
    out, err = capsys.readouterr()
    return out, err, status


@pytest.mark.parametrize("mode", MODES, ids=["tokenize", "tokenize-e"])
@pytest.mark.parametrize("name", FILES)
def test_cli_matches_cpython(name: str, mode: tuple[str, ...], capsys, monkeypatch) -> None:
    want = expected()[name, mode]
    monkeypatch.chdir(oracle.corpus_dir())
    out, err, status = run_cli(["tokenize", *mode, name], capsys)
    assert (status, last_line(err)) == (want.status, last_line(want.stderr))
    assert out == want.stdout


# Run by the oracle: the parser's token stream for each file (tokens before an error included),
# hashed (the full dump is huge); None where the file cannot even be decoded.
PROBE = '''
import _tokenize, hashlib, io, json, os, sys, tokenize
root, files = sys.argv[1], sys.argv[2:]
out = {}
for name in files:
    with open(os.path.join(root, name), "rb") as f:
        data = f.read()
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(encoding)
    except (SyntaxError, UnicodeDecodeError):
        out[name] = None
        continue
    tokens, error = [], None
    try:
        for t in _tokenize.TokenizerIter(io.StringIO(text).readline, extra_tokens=False):
            tokens.append([t[0], t[1], t[2][0], t[2][1], t[3][0], t[3][1]])
    except SyntaxError as e:
        error = [type(e).__name__, e.msg, e.lineno, e.offset]
    except (MemoryError, UnicodeDecodeError) as e:
        error = [type(e).__name__]
    out[name] = hashlib.sha256(json.dumps([tokens, error]).encode()).hexdigest()
print(json.dumps(out))
'''


def parser_view_digest(data: bytes) -> str | None:
    """Our side of PROBE for one file."""
    encoding, text, errors, consumed = _decode(data)
    try:
        # Like PROBE: detect_encoding (which also rejects NULs in the lines it reads), then a
        # strict decode.
        data.decode("utf-8-sig" if data.startswith(codecs.BOM_UTF8) else encoding)
    except UnicodeDecodeError:
        return None
    if errors or "\0" in "".join(text.split("\n")[:consumed]):
        return None
    tokens, error = [], None
    try:
        for tok in tokenize(text, extra_tokens=False):
            tokens.append([tok.type, tok.string, *tok.start, *tok.end])
    except TokenizerError as exc:
        err = exc.error
        error = [err.kind] if err.kind in ("MemoryError", "UnicodeDecodeError") else \
            [err.kind, err.message, err.lineno, err.offset]
    if not text:
        # TokenizerIter yields nothing at all for empty input; the parser still needs (and
        # gets from us) its ENDMARKER.
        assert [t[0] for t in tokens] == [ENDMARKER]
        tokens = []
    return hashlib.sha256(json.dumps([tokens, error]).encode()).hexdigest()


def test_parser_view_matches_cpython(tmp_path: Path) -> None:
    (tmp_path / "probe.py").write_text(PROBE)
    root = oracle.corpus_dir()
    job = oracle.Job(tmp_path, ("probe.py", os.path.relpath(root, tmp_path), *FILES), ("probe.py",))
    result = oracle.run([job])[0]
    assert result.status == 0, result.stderr
    want = json.loads(result.stdout)
    differ = [name for name in FILES if parser_view_digest((root / name).read_bytes()) != want[name]]
    assert differ == []


# Run by the oracle: the tokenize module's full TokenInfo (with `line`) for each file, hashed.
LINE_PROBE = '''
import hashlib, io, json, os, sys, tokenize
root, files = sys.argv[1], sys.argv[2:]
out = {}
for name in files:
    with open(os.path.join(root, name), "rb") as f:
        data = f.read()
    tokens = [[t.type, t.string, *t.start, *t.end, t.line] for t in tokenize.tokenize(io.BytesIO(data).readline)]
    out[name] = hashlib.sha256(json.dumps(tokens).encode()).hexdigest()
print(json.dumps(out))
'''


def test_token_lines_match_cpython(tmp_path: Path) -> None:
    """`Token.line` is TokenInfo.line (multi-line strings included) on the whole corpus."""
    (tmp_path / "probe.py").write_text(LINE_PROBE)
    root = oracle.corpus_dir()
    job = oracle.Job(tmp_path, ("probe.py", os.path.relpath(root, tmp_path), *FILES), ("probe.py",))
    result = oracle.run([job])[0]
    assert result.status == 0, result.stderr
    want = json.loads(result.stdout)

    def digest(name: str) -> str:
        tokens = [[t.type, t.string, *t.start, *t.end, t.line] for t in tokenize((root / name).read_bytes())]
        return hashlib.sha256(json.dumps(tokens).encode()).hexdigest()

    assert [name for name in FILES if digest(name) != want[name]] == []
