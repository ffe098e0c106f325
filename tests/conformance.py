"""The conformance dashboard: each stage's agreement with CPython 3.14 on its own standard library.

    python -m tests.conformance [STAGE ...] [--sample N] [--report PATH]

prints one line per stage, `STAGE: N/M files identical to CPython 3.14 (P%)`, and writes the
differing files with a first diff to a report.  The `run` stage instead runs the programs of
tests/cases/run (`bytelens run PROG` against `python3.14 PROG`) and compares their whole stderr
(tracebacks included) as well: `run: N/M programs identical to CPython 3.14 (P%)`. A file is identical when our `bytelens` command
and CPython's own command agree on stdout, the last line of stderr and the exit status. Where
CPython's own output depends on its string hash seed (symtable's pass-through free names, dis's
frozensets of strings), both sides are compared in the seed-independent form of tests/canonical.py.
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import difflib
import io
import re
import sys
import traceback
from pathlib import Path
from typing import Callable

from tests import canonical, oracle

REPORT = Path(__file__).resolve().parent / "conformance-report.txt"
RUN_CASES = Path(__file__).resolve().parent / "cases" / "run"
RUN_BAR = 252  # programs of tests/cases/run that must be identical; the test suite enforces it


@dataclasses.dataclass(frozen=True, slots=True)
class Stage:
    """A stage compares `bytelens *ours FILE` with `python3.14 *theirs FILE`."""
    name: str
    ours: tuple[str, ...]
    theirs: tuple[str, ...]
    bar: int  # files (of the whole corpus) that must be identical; the test suite enforces it
    # Puts stdout in a form independent of CPython's string hash seed (see tests/canonical.py).
    canonical: Callable[[str], str] | None = None
    # Splits stdout into per-code-object sections, for the finer figure (dis and dis-info).
    units: Callable[[str], list[str]] | None = None


def dis_sections(text: str) -> list[str]:
    """`dis` output, one section per code object (the module's, then each `Disassembly of ...`)."""
    return text.split("\nDisassembly of ")


def show_code_sections(text: str) -> list[str]:
    """`show_code` output for several code objects, one section each (each starts with `Name:`)."""
    return [part for part in re.split(r"(?m)^(?=Name: )", text) if part]


STAGES = {
    "tokenize": Stage("tokenize", ("tokenize",), ("-m", "tokenize"), bar=534),
    "tokenize-e": Stage("tokenize-e", ("tokenize", "-e"), ("-m", "tokenize", "-e"), bar=534),
    "ast": Stage("ast", ("ast", "-a"), ("-m", "ast", "-a"), bar=534),
    "symtable": Stage("symtable", ("symtable",), ("-m", "symtable"), bar=534, canonical=canonical.symtable_text),
    "dis": Stage("dis", ("dis",), ("-m", "dis"), bar=534, canonical=canonical.dis_text, units=dis_sections),
    # `dis.show_code()` of every code object, in dis's order (there is no `python -m dis --info`).
    "dis-info": Stage("dis-info", ("dis", "--info"), ("@oracle/show_code.py",), bar=534,
                      canonical=canonical.dis_text, units=show_code_sections),
}


@dataclasses.dataclass(frozen=True, slots=True)
class Outcome:
    stdout: str
    stderr: str
    status: int

    def key(self) -> tuple[str, str, int]:
        last = self.stderr.rstrip("\n").rsplit("\n", 1)[-1]
        return oracle.mask_addresses(self.stdout), oracle.mask_addresses(last), self.status


def run_ours(argv: list[str]) -> Outcome:
    """Run `bytelens *argv` in this process; a crash in our code is an outcome, not an abort."""
    from pipeline.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except Exception:  # a bug in Bytelens: record it as this file's difference
            traceback.print_exc(file=err)
            status = -1
    return Outcome(out.getvalue(), err.getvalue(), status)


def first_diff(ours: Outcome, theirs: Outcome, context: int = 3) -> str:
    parts = []
    for label, a, b in (("stdout", theirs.stdout, ours.stdout), ("stderr", theirs.stderr, ours.stderr)):
        # Diff what is compared: addresses masked (and stdout already in the stage's canonical form).
        a, b = oracle.mask_addresses(a), oracle.mask_addresses(b)
        if a != b:
            diff = difflib.unified_diff(a.splitlines(), b.splitlines(), f"cpython {label}",
                                        f"bytelens {label}", n=context, lineterm="")
            parts.append("\n".join(list(diff)[:40]))
    if ours.status != theirs.status:
        parts.append(f"exit status: cpython {theirs.status}, bytelens {ours.status}")
    return "\n".join(parts)


def sample(files: list[str], n: int | None) -> list[str]:
    """`n` files spread evenly over the sorted corpus (deterministic), or all of them."""
    if n is None or n >= len(files):
        return files
    step = len(files) / n
    return [files[int(i * step)] for i in range(n)]


@dataclasses.dataclass
class UnitCount:
    """Code objects compared (sections in the same position), and how many were identical."""
    same: int = 0
    total: int = 0

    def add(self, ours: str, theirs: str, split: Callable[[str], list[str]]) -> None:
        a, b = split(oracle.mask_addresses(ours)), split(oracle.mask_addresses(theirs))
        self.same += sum(x == y for x, y in zip(a, b))
        self.total += max(len(a), len(b))


def check_stage(stage: Stage, files: list[str], units: UnitCount | None = None) -> tuple[list[str], dict[str, str]]:
    """Return (identical files, {differing file: first diff}); count code objects into `units`."""
    root = oracle.corpus_dir()
    expected = oracle.run([oracle.Job(root, (*stage.theirs, f), (f,)) for f in files])
    same, different = [], {}
    for name, theirs in zip(files, expected):
        ours = run_ours([*stage.ours, str(root / name)])
        # Our command was given an absolute path; CPython's a relative one. Compare as CPython prints.
        ours = Outcome(ours.stdout.replace(str(root / name), name),
                       ours.stderr.replace(str(root / name), name), ours.status)
        theirs = Outcome(theirs.stdout, theirs.stderr, theirs.status)
        if stage.canonical is not None:
            ours = dataclasses.replace(ours, stdout=stage.canonical(ours.stdout))
            theirs = dataclasses.replace(theirs, stdout=stage.canonical(theirs.stdout))
        if units is not None and stage.units is not None:
            units.add(ours.stdout, theirs.stdout, stage.units)
        if ours.key() == theirs.key():
            same.append(name)
        else:
            different[name] = first_diff(ours, theirs)
    return same, different


def run_programs() -> list[str]:
    """The `run` stage's corpus: the programs of tests/cases/run (their sibling modules and the
    trace/ probes are not programs)."""
    return sorted(p.name for p in RUN_CASES.glob("*.py"))


def _run_inputs() -> tuple[str, ...]:
    """Every file a program may import (keys the oracle's cached answers)."""
    return tuple(sorted(p.relative_to(RUN_CASES).as_posix() for p in RUN_CASES.rglob("*.py")
                        if p.parent.name != "trace"))


def _relative_paths(text: str, root: str) -> str:
    return text.replace(root + "/", "")


def check_run(files: list[str]) -> tuple[list[str], dict[str, str]]:
    """`bytelens run PROG` (our compiler and VM) against `python3.14 PROG`: identical when stdout,
    the whole stderr (addresses masked) and the exit status agree.  File names are compared
    relative to tests/cases/run (the oracle sees the folder under /host)."""
    inputs = _run_inputs()
    expected = oracle.run([oracle.Job(RUN_CASES, (name,), inputs) for name in files])
    root = str(RUN_CASES)
    same, different = [], {}
    for name, theirs in zip(files, expected):
        ours = run_ours(["run", f"{root}/{name}"])
        ours = Outcome(_relative_paths(ours.stdout, root), _relative_paths(ours.stderr, root), ours.status)
        theirs = Outcome(_relative_paths(theirs.stdout, "/host" + root),
                         _relative_paths(theirs.stderr, "/host" + root), theirs.status)
        key = (oracle.mask_addresses(ours.stdout), oracle.mask_addresses(ours.stderr), ours.status)
        if key == (oracle.mask_addresses(theirs.stdout), oracle.mask_addresses(theirs.stderr), theirs.status):
            same.append(name)
        else:
            different[name] = first_diff(ours, theirs)
    return same, different


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.conformance", description=__doc__.split("\n")[1])
    parser.add_argument("stages", nargs="*", metavar="STAGE",
                        help=f"any of {', '.join(STAGES)}, run (default: all)")
    parser.add_argument("--sample", type=int, metavar="N", help="check N files spread over the corpus")
    parser.add_argument("--report", type=Path, default=REPORT, help=f"where to write the differences ({REPORT.name})")
    args = parser.parse_args(argv)
    unknown = [s for s in args.stages if s not in STAGES and s != "run"]
    if unknown:
        parser.error(f"unknown stage(s): {', '.join(unknown)}")
    files = sample(oracle.corpus_files(), args.sample)
    with args.report.open("w", encoding="utf-8") as report:
        for stage in (STAGES.get(s, s) for s in (args.stages or [*STAGES, "run"])):
            if stage == "run":
                programs = sample(run_programs(), args.sample)
                same, different = check_run(programs)
                print(f"run: {len(same)}/{len(programs)} programs identical to CPython 3.14 "
                      f"({100 * len(same) / len(programs):.1f}%)", flush=True)
                for name, diff in different.items():
                    report.write(f"== run: {name}\n{diff}\n\n")
                continue
            units = UnitCount()
            same, different = check_stage(stage, files, units)
            line = f"{stage.name}: {len(same)}/{len(files)} files identical to CPython 3.14 ({100 * len(same) / len(files):.1f}%)"
            if stage.units is not None:
                line += f"; code objects {units.same}/{units.total} ({100 * units.same / max(units.total, 1):.1f}%)"
            print(line, flush=True)
            for name, diff in different.items():
                report.write(f"== {stage.name}: {name}\n{diff}\n\n")
    print(f"differences: {args.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
