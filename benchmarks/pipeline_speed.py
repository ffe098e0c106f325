"""The whole front half (tokenize + parse + symbol table + compile) as a ratio to the host's `compile()`.

    python -m benchmarks.pipeline_speed [--rounds N]

Timed over the 3.14 standard library and over `_pydecimal.py` alone, best of N rounds in CPU time,
(Pyodide's standard library leaves `_pydecimal.py` out; the host's own copy is used, same module),
in the same process. The host (Python >= 3.11) cannot compile every 3.14 file; the ratio is taken
over the files it compiles, and our time over the whole corpus is printed as well. Each stage's
share of our time is shown, so it is clear where the time goes.
"""
from __future__ import annotations

import argparse
import gc
import sys
import sysconfig
import time
from pathlib import Path

from pipeline.compiler import compile_module
from pipeline.parser import parse
from pipeline.symtable import build_symtable
from tests import oracle


def ours(sources: dict[str, bytes], stages: dict[str, float]) -> None:
    for name, src in sources.items():
        t0 = time.process_time()
        tree = parse(src, name).tree
        t1 = time.process_time()
        table = build_symtable(tree, name)
        t2 = time.process_time()
        compile_module(tree, name, symtable=table)
        t3 = time.process_time()
        stages["parse (incl. tokenize)"] += t1 - t0
        stages["symtable"] += t2 - t1
        stages["compile"] += t3 - t2


def host(sources: dict[str, bytes]) -> None:
    for name, src in sources.items():
        compile(src, name, "exec", dont_inherit=True)


def host_compiles(name: str, src: bytes) -> bool:
    try:
        compile(src, name, "exec", dont_inherit=True)
    except SyntaxError:
        return False
    return True


def measure(label: str, sources: dict[str, bytes], rounds: int) -> None:
    both = {n: s for n, s in sources.items() if host_compiles(n, s)}
    best_ours = best_both = best_host = float("inf")
    stages: dict[str, float] = {}
    for _ in range(rounds):
        gc.collect()
        round_stages = dict.fromkeys(("parse (incl. tokenize)", "symtable", "compile"), 0.0)
        start = time.process_time()
        ours(sources, round_stages)
        all_ours = time.process_time() - start
        if all_ours < best_ours:
            best_ours, stages = all_ours, round_stages
        start = time.process_time()
        ours(both, dict.fromkeys(round_stages, 0.0))
        best_both = min(best_both, time.process_time() - start)
        start = time.process_time()
        host(both)
        best_host = min(best_host, time.process_time() - start)
    megabytes = sum(map(len, sources.values())) / 1e6
    print(f"{label}: {len(sources)} files, {megabytes:.2f} MB; best of {rounds} rounds, CPU time")
    print(f"  bytelens, all files: {best_ours:7.2f} s  ({megabytes / best_ours:.2f} MB/s)")
    for stage, seconds in stages.items():
        print(f"    {stage:24} {seconds:7.2f} s  ({100 * seconds / best_ours:.0f}%)")
    print(f"  on the {len(both)} files host {sys.version.split()[0]} compiles: bytelens {best_both:.2f} s, "
          f"host compile() {best_host:.3f} s, slowdown {best_both / best_host:.0f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    root = oracle.corpus_dir()
    corpus = {name: (root / name).read_bytes() for name in oracle.corpus_files()}
    pydecimal = Path(sysconfig.get_paths()["stdlib"]) / "_pydecimal.py"
    measure(f"{pydecimal} (host {sys.version.split()[0]})", {"_pydecimal.py": pydecimal.read_bytes()}, args.rounds)
    measure("corpus", corpus, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
