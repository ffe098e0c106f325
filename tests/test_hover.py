"""Hover fidelity: for every line of a sample of corpus files, the instructions a hover lists equal
the ones CPython 3.14's own `dis` output attributes to that line (the oracle's text, sliced)."""
from __future__ import annotations

import re

import pytest

from pipeline import compile_program
from pipeline.hover import HoverIndex
from tests import canonical, conformance, oracle

FILES = conformance.sample(oracle.corpus_files(), 40)
_LINENO = re.compile(r"^ *(\d+|--) ")


def dis_lines_by_source_line(text: str) -> dict[int, list[list[str]]]:
    """CPython's `dis` text sliced per source line: for each line, its instruction lines, one list
    per code object (a section), in dis's order. dis prints a line number where a line starts."""
    by_line: dict[int, list[list[str]]] = {}
    for section in text.split("\nDisassembly of "):
        current, seen = None, {}
        for row in section.splitlines():
            if not row.strip() or row.endswith(">:") or row == "ExceptionTable:" or row.startswith("  L") and " to L" in row:
                continue
            match = _LINENO.match(row)
            if match:
                current = None if match.group(1) == "--" else int(match.group(1))
            if current is not None:
                seen.setdefault(current, []).append(row)
        for line, rows in seen.items():
            by_line.setdefault(line, []).append(rows)
    return by_line


@pytest.fixture(scope="module")
def expected():
    root = oracle.corpus_dir()
    results = oracle.run([oracle.Job(root, ("-m", "dis", name), (name,)) for name in FILES])
    return {name: dis_lines_by_source_line(_comparable(r.stdout)) for name, r in zip(FILES, results)}


def _comparable(text: str) -> str:
    return canonical.dis_text(oracle.mask_addresses(text))


@pytest.mark.parametrize("name", FILES)
def test_hover_lists_what_dis_attributes_to_each_line(name, expected):
    root = oracle.corpus_dir()
    compiled = compile_program((root / name).read_bytes(), name)
    assert compiled.code is not None
    theirs = expected[name]
    assert theirs, "the oracle's dis output was sliced into lines"
    index = HoverIndex(compiled.code)
    for line in range(1, max(theirs) + 2):
        ours = [[_comparable(row) for row in listing.lines] for listing in index.listings(line)]
        assert ours == theirs.get(line, []), f"line {line}"
