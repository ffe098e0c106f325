"""The symbol table stage on random small programs that stress scoping, against CPython 3.14's.

`program(seed)` is deterministic: nested defs (sync, async, generic, annotated, decorated),
classes (generic too), type parameters with bounds and defaults, lambdas, every kind of
comprehension, assignment expressions, `global`/`nonlocal`, annotations (lazy, or stringified
by `from __future__ import annotations`), type aliases, deletions, imports, try/except and
conditional blocks, over a handful of names that collide on
purpose (private names, `super`, `__class__`). Every program parses, but many are invalid on
purpose: CPython's symtable errors are part of what is compared. Each program's tables (or
error) must equal what tests/oracle/symtable_probe.py reports for it, as in tests/test_symtable.py.
"""
from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

import pytest

from pipeline import symtable as S
from tests import astjson
from tests.test_symtable import canonical_table, dump, run_probe

NAMES = ("a", "b", "x", "__p", "super", "__class__", "T")


class _Gen:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.lines: list[str] = []
        self.counter = 0

    def name(self) -> str:
        return self.rng.choice(NAMES)

    def fresh(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def expr(self, depth: int = 0, walrus: bool = True) -> str:
        r = self.rng.random()
        if depth > 2 or r < 0.35:
            return self.name()
        if r < 0.45:
            return f"{self.name()}.attr"
        if r < 0.52:
            return "super()"
        if r < 0.62:
            default = f"={self.expr(depth + 1, walrus)}" if self.rng.random() < 0.3 else ""
            return f"(lambda {self.name()}{default}: {self.expr(depth + 1, walrus)})"
        if r < 0.84:
            kind = self.rng.choice(["[{e} for {n} in {i}{c}]", "{{{e} for {n} in {i}{c}}}",
                                    "({e} for {n} in {i}{c})", "{{{n}: {e} for {n} in {i}{c}}}"])
            cond = f" if {self.expr(depth + 1, walrus)}" if self.rng.random() < 0.3 else ""
            more = f" for {self.name()} in {self.name()}" if self.rng.random() < 0.3 else ""
            # The outermost iterable may not hold an assignment expression (an error every time).
            return kind.format(e=self.expr(depth + 1, walrus), n=self.name(),
                               i=self.expr(depth + 1, False), c=cond + more)
        if r < 0.88 and walrus:
            return f"({self.name()} := {self.expr(depth + 1, walrus)})"
        return f"({self.expr(depth + 1, walrus)}, {self.expr(depth + 1, walrus)})"

    def type_param(self) -> str:
        """One type parameter, sometimes with a bound or a default (each its own scope)."""
        r = self.rng.random()
        if r < 0.6:
            return self.name()
        if r < 0.8:
            return f"{self.name()}: {self.expr(walrus=False)}"
        return f"{self.rng.choice(['', '*', '**'])}{self.name()} = {self.expr(walrus=False)}"

    def emit(self, indent: int, text: str) -> None:
        self.lines.append("    " * indent + text)

    def block(self, indent: int, depth: int, kind: str) -> None:
        for _ in range(self.rng.randint(1, 4)):
            self.stmt(indent, depth, kind)

    def stmt(self, indent: int, depth: int, kind: str) -> None:
        r = self.rng.random()
        nested = depth < 3
        if r < 0.18:
            self.emit(indent, f"{self.name()} = {self.expr()}")
        elif r < 0.30:
            self.emit(indent, f"print({self.expr()})")
        elif r < 0.33:
            self.emit(indent, f"{self.rng.choice(['global', 'nonlocal'])} {self.name()}")
        elif r < 0.50 and nested:
            asynchronous = "async " if self.rng.random() < 0.2 else ""
            generic = f"[{self.type_param()}]" if self.rng.random() < 0.2 else ""
            params = ", ".join(f"{p}: {self.expr(walrus=False)}" if self.rng.random() < 0.3 else p
                               for p in self.rng.sample(NAMES, self.rng.randint(0, 2)))
            if self.rng.random() < 0.3:
                params += f"{', ' if params else ''}*{self.name()}"
            returns = f" -> {self.expr(walrus=False)}" if self.rng.random() < 0.2 else ""
            if self.rng.random() < 0.2:
                self.emit(indent, f"@{self.expr(walrus=False)}")
            self.emit(indent, f"{asynchronous}def {self.fresh('f')}{generic}({params}){returns}:")
            self.block(indent + 1, depth + 1, "async" if asynchronous else "def")
        elif r < 0.62 and nested:
            generic = f"[{self.type_param()}]" if self.rng.random() < 0.25 else ""
            self.emit(indent, f"class {self.fresh('C')}{generic}({self.name()}):")
            self.block(indent + 1, depth + 1, "class")
        elif r < 0.68:
            value = f" = {self.expr()}" if self.rng.random() < 0.5 else ""
            self.emit(indent, f"{self.name()}: {self.expr(walrus=False)}{value}")
        elif r < 0.72:
            generic = f"[{self.type_param()}]" if self.rng.random() < 0.5 else ""
            self.emit(indent, f"type {self.fresh('A')}{generic} = {self.expr(walrus=False)}")
        elif r < 0.76:
            self.emit(indent, f"del {self.name()}")
        elif r < 0.80:
            self.emit(indent, f"import {self.name()}")
        elif r < 0.86 and kind in ("def", "async"):
            self.emit(indent, f"print((yield {self.expr()}))")
        elif r < 0.90 and kind == "async":
            self.emit(indent, f"await {self.expr()}")
        elif r < 0.93:
            self.emit(indent, f"if {self.expr()}:")
            self.block(indent + 1, depth, kind)
        elif r < 0.96:
            self.emit(indent, f"for {self.name()} in {self.expr()}:")
            self.block(indent + 1, depth, kind)
        else:
            self.emit(indent, "try:")
            self.block(indent + 1, depth, kind)
            self.emit(indent, f"except {self.name()} as {self.name()}:")
            self.block(indent + 1, depth, kind)


def program(seed: int) -> str:
    gen = _Gen(seed)
    if gen.rng.random() < 0.15:
        gen.emit(0, "from __future__ import annotations")
    gen.block(0, 0, "module")
    return "\n".join(gen.lines) + "\n"


COUNT = 300


@pytest.fixture(scope="module")
def programs():
    """Each program with its oracle tree export (or None if CPython cannot parse it) and probe."""
    names = [f"p{seed}.py" for seed in range(COUNT)]
    with tempfile.TemporaryDirectory(prefix="bytelens-programs-") as tmp:
        root = Path(tmp)
        for seed, name in enumerate(names):
            (root / name).write_text(program(seed), "utf-8")
        exports = astjson.export_files(root, names)
        probes = run_probe(root, names)[:COUNT]
    return {name: (export, probe) for name, export, probe in zip(names, exports, probes)}


@pytest.mark.parametrize("seed", range(COUNT))
def test_program(programs, seed):
    export, probe = programs[f"p{seed}.py"]
    assert "error" not in export, "the generator writes only programs CPython's parser accepts"
    expected = json.loads(probe.stdout)
    result = S.build_symtable(astjson.load(export), f"p{seed}.py")
    if "error" in expected:
        assert [[e.message, e.lineno, e.offset, e.end_lineno, e.end_offset] for e in result.errors] == \
            [expected["error"]], program(seed)
    else:
        assert result.errors == (), program(seed)
        assert canonical_table(dump(result.top)) == canonical_table(expected["table"]), program(seed)


def test_programs_exercise_both_outcomes(programs):
    """The generator is worth its time: both tables and errors occur often."""
    answers = [json.loads(probe.stdout) for _, probe in programs.values()]
    assert sum("error" in a for a in answers) > COUNT // 5 and sum("table" in a for a in answers) > COUNT // 3
