"""Compiling one part of `_pydecimal.py` (a `Decimal` method) against compiling the whole module.

    python -m benchmarks.partial_compile [--file PATH] [--repeat N]

Prints, for the host's `_pydecimal.py` (Pyodide's standard library leaves it out): the fraction of
method-body lines (inside every top-level class's methods, from the first body line to the last)
that a member part owns, so that its hover comes from the part alone, and of all the parts' lines;
the time of `compile_module(whole tree)` (the baseline, timed in the same run) and of
`compile_module` of the `class Decimal` statement alone (what a whole-statement chunk costs); the
time of `compile_part` for the median-sized `Decimal` method and for the largest one, alone and
with the first hover (the `dis` text is built lazily), and of `compose` over all parts, each as a
ratio to the baseline. Times are the best of N runs.
"""
from __future__ import annotations

import argparse
import sysconfig
import time
from pathlib import Path

from pipeline import astnodes as A
from pipeline.compiler import compile_module
from pipeline.parser import parse
from pipeline.partial_compile import compile_part, compose, module_facts


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--file", type=Path, default=Path(sysconfig.get_paths()["stdlib"]) / "_pydecimal.py")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    text = args.file.read_text(encoding="utf-8")
    name = args.file.name
    tree = parse(text, name).tree

    specs = []
    for s in tree.body:
        if type(s).__name__ == "ClassDef":
            specs.extend(((member,), (s,)) for member in s.body)
        else:
            specs.append(((s,), ()))
    parts = [compile_part(statements, classes, name) for statements, classes in specs]
    facts = module_facts(parts)
    parts = [p if p.valid_for(facts) else compile_part(st, cl, name, facts) for p, (st, cl) in zip(parts, specs)]

    owned = body_lines = 0
    owned_all = sum(part.owns(line) for part in parts for line in range(part.first_line, part.last_line + 1))
    lines_all = sum(part.last_line - part.first_line + 1 for part in parts)
    methods = []
    for part, (statements, classes) in zip(parts, specs):
        member = statements[0]
        if classes and type(member).__name__ in ("FunctionDef", "AsyncFunctionDef"):
            lines = range(member.body[0].lineno, member.end_lineno + 1)
            body_lines += len(lines)
            owned += sum(part.owns(line) for line in lines)
            if classes[0].name == "Decimal":
                methods.append((member.end_lineno - member.lineno + 1, member.name, statements, classes))
    methods.sort(key=lambda m: m[0])
    median = methods[len(methods) // 2]
    largest = methods[-1]

    whole = _best(lambda: compile_module(tree, name), args.repeat)
    decimal = next(s for s in tree.body if type(s).__name__ == "ClassDef" and s.name == "Decimal")
    chunk = _best(lambda: compile_module(A.Module(body=(decimal,), type_ignores=()), name), args.repeat)
    print(f"{name}: {len(text.split(chr(10)))} lines, {len(parts)} parts, {len(methods)} Decimal methods")
    print(f"method-body lines owned by their part: {owned}/{body_lines} = {owned / body_lines:.1%}")
    print(f"all lines of all parts owned: {owned_all}/{lines_all} = {owned_all / lines_all:.1%}")
    print(f"compile_module(whole tree): {whole * 1000:.1f} ms (baseline)")
    print(f"compile_module(class Decimal alone): {chunk * 1000:.1f} ms = {chunk / whole:.3f} x whole")
    for label, (size, method, statements, classes) in (("median", median), ("largest", largest)):
        t = _best(lambda: compile_part(statements, classes, name, facts), args.repeat)
        line = statements[0].body[-1].lineno
        hover = _best(lambda: compile_part(statements, classes, name, facts).listings(line), args.repeat)
        print(f"compile_part(Decimal.{method}, {size} lines, {label}): {t * 1000:.2f} ms "
              f"= {t / whole:.4f} x whole ({whole / t:.0f}x faster); with a first hover "
              f"{hover * 1000:.2f} ms = {hover / whole:.4f} x whole")
    t = _best(lambda: compose([(p, 0) for p in parts]), args.repeat)
    print(f"compose({len(parts)} parts): {t * 1000:.2f} ms = {t / whole:.4f} x whole")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
