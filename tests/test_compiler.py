"""The compiler against CPython 3.14.2 on the standard library corpus.

For every corpus file: the oracle's tree (tests/astjson) -> our symbol table -> our compiler ->
`disassemble`, compared with the oracle's `python -m dis FILE` (addresses masked; elements of
frozensets of strings, which CPython prints in hash order, sorted). Files still known to differ
are listed in tests/compiler_xfail.txt (written by `python -m tests.test_compiler --measure`,
with the cause of each) and marked xfail(strict=True).

A second test compares what dis does not show, field by field, with the code objects CPython
itself compiled (tests/codejson): co_code, names, locals and their kinds, stack size, flags,
line/column table, exception table, for every nested code object.

    python -m tests.test_compiler --measure     # figures, report and xfail list
"""
from __future__ import annotations

import collections
import functools
import re
import sys
from pathlib import Path

import pytest

from pipeline.compiler import compile_module
from pipeline.disassemble import disassemble
from pipeline.symtable import build_symtable
from tests import astjson, canonical, codejson, oracle

HERE = Path(__file__).resolve().parent
XFAIL_FILE = HERE / "compiler_xfail.txt"
REPORT_FILE = HERE / "compiler-report.txt"
_SECTION = re.compile(r"^Disassembly of <code object (\S+) at 0x\.\.\., file \"[^\"]*\", line (\d+)>:$", re.M)


@functools.cache
def corpus() -> list[str]:
    return oracle.corpus_files()


@functools.cache
def _trees() -> dict[str, dict]:
    return astjson.export_corpus()


@functools.cache
def _oracle_dis() -> dict[str, oracle.Result]:
    root = oracle.corpus_dir()
    files = corpus()
    return dict(zip(files, oracle.run([oracle.Job(root, ("-m", "dis", f), (f,)) for f in files])))


def comparable(text: str) -> str:
    return canonical.dis_text(oracle.mask_addresses(text))


@functools.cache
def our_code(path: str):
    """(our module code object, or None) and why there is none."""
    tree = astjson.load(_trees()[path])
    try:
        st = build_symtable(tree, path)
        result = compile_module(tree, path, symtable=st)
    except Exception as exc:  # a crash is a finding, reported per file
        return None, f"crash: {type(exc).__name__}: {exc}"
    if result.code is None:
        return None, result.unsupported or f"errors: {result.errors}"
    return result.code, ""


def our_dis(path: str) -> tuple[str | None, str]:
    """(our disassembly, or None) and why there is none."""
    code, reason = our_code(path)
    return (None, reason) if code is None else (comparable(disassemble(code)), "")


@functools.cache
def _oracle_codes() -> dict[str, codejson.Export]:
    return dict(zip(corpus(), codejson.export(corpus())))


FIELDS = ("co_code", "co_consts", "co_names", "co_localsplusnames", "co_localspluskinds", "co_argcount",
          "co_posonlyargcount", "co_kwonlyargcount", "co_stacksize", "co_flags", "co_name", "co_qualname",
          "co_firstlineno", "co_linetable", "co_exceptiontable")


def _walk(code):
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            yield from _walk(const)


def _shallow(value):
    """Constants compared without nested code objects (those are compared on their own) and
    without frozenset order (CPython's is hash order)."""
    if hasattr(value, "co_code"):
        return ("code", value.co_qualname)
    if type(value) is tuple:
        return tuple(_shallow(v) for v in value)
    if hasattr(value, "items") and not isinstance(value, dict):
        return ("frozenset", sorted(map(repr, value.items)))
    return (type(value).__name__, repr(value))


def field_differences(ours, theirs) -> list[str]:
    """`qualname: field` for every field of every nested code object that differs."""
    out = []
    for a, b in zip(_walk(ours), _walk(theirs)):
        for field in FIELDS:
            x, y = getattr(a, field), getattr(b, field)
            if field == "co_consts":
                x, y = _shallow(x), _shallow(y)
            if x != y:
                out.append(f"{b.co_qualname}: {field}")
    if sum(1 for _ in _walk(ours)) != sum(1 for _ in _walk(theirs)):
        out.append("number of code objects")
    return out


def sections(text: str) -> dict[str, str]:
    """Split a dis output into its code objects: key "<name>@line#n" (n-th of that key)."""
    out = {}
    parts = _SECTION.split(text)
    seen = collections.Counter()
    out["<module>"] = parts[0]
    for i in range(1, len(parts), 3):
        key = f"{parts[i]}@{parts[i + 1]}"
        seen[key] += 1
        out[f"{key}#{seen[key]}"] = parts[i + 2]
    return out


def _first_difference(ours: str, theirs: str) -> str:
    a, b = theirs.splitlines(), ours.splitlines()
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"line {i + 1}: expected {x.strip()!r} got {y.strip()!r}"
    return f"length {len(a)} vs {len(b)}"


def _cause(reason: str, ours: str | None, theirs: str) -> str:
    """A short grouping key for a file's first difference."""
    if ours is None:
        return reason.split(":")[0] if reason.startswith("crash") else f"unsupported: {reason}"
    a, b = theirs.splitlines(), ours.splitlines()
    for x, y in zip(a, b):
        if x != y:
            ex = x.split()
            gy = y.split()
            pick = lambda parts: next((p for p in parts if p.isupper() and len(p) > 2), "?")
            return f"{pick(ex)} vs {pick(gy)}"
    return "length"


def measure() -> dict:
    files = corpus()
    dis = _oracle_dis()
    identical_files = 0
    objects_total = objects_same = 0
    causes = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    failing: dict[str, str] = {}
    for path in files:
        theirs = comparable(dis[path].stdout)
        ours, reason = our_dis(path)
        their_sections = sections(theirs)
        objects_total += len(their_sections)
        if ours == theirs:
            identical_files += 1
            objects_same += len(their_sections)
            continue
        if ours is not None:
            our_sections = sections(ours)
            objects_same += sum(1 for k, v in their_sections.items() if our_sections.get(k) == v)
        cause = _cause(reason, ours, theirs)
        causes[cause] += 1
        if len(examples[cause]) < 3:
            examples[cause].append(f"{path}: {reason or _first_difference(ours, theirs)}")
        failing[path] = cause
    return {"files": len(files), "identical_files": identical_files, "objects": objects_total,
            "identical_objects": objects_same, "causes": causes, "examples": examples, "failing": failing}


def write_report(m: dict) -> None:
    lines = [f"files identical: {m['identical_files']}/{m['files']}",
             f"code objects identical: {m['identical_objects']}/{m['objects']}", "",
             "first difference per file, grouped (count, cause, examples):"]
    for cause, count in m["causes"].most_common():
        lines.append(f"{count:4d}  {cause}")
        for example in m["examples"][cause]:
            lines.append(f"        {example}")
    REPORT_FILE.write_text("\n".join(lines) + "\n", "utf-8")
    XFAIL_FILE.write_text("".join(f"{path}\t{cause}\n" for path, cause in sorted(m["failing"].items())), "utf-8")


def _xfails() -> dict[str, str]:
    if not XFAIL_FILE.exists():
        return {}
    return dict(line.split("\t", 1) for line in XFAIL_FILE.read_text("utf-8").splitlines() if line)


def _params():
    xfails = _xfails()
    for path in corpus():
        marks = [pytest.mark.xfail(strict=True, reason=xfails[path])] if path in xfails else []
        yield pytest.param(path, marks=marks, id=path)


@pytest.mark.parametrize("path", list(_params()))
def test_corpus_dis_matches(path):
    ours, reason = our_dis(path)
    assert ours is not None, reason
    assert ours == comparable(_oracle_dis()[path].stdout)


@pytest.mark.parametrize("path", list(_params()))
def test_corpus_code_object_fields_match(path):
    code, reason = our_code(path)
    assert code is not None, reason
    assert field_differences(code, _oracle_codes()[path].code()) == []


if __name__ == "__main__":
    if "--measure" in sys.argv:
        result = measure()
        write_report(result)
        print(REPORT_FILE.read_text("utf-8")[:6000])
