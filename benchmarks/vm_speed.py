"""The bundled VM against the host interpreter, on CPU-bound programs (benchmarks/programs/).

    python -m benchmarks.vm_speed [--rounds N] [--only NAME ...] [--profile NAME]

Each program is compiled once by our pipeline, then run by `pipeline.vm.run_code` (as `bytelens
run` does) and by the host (`compile` + `exec` of the same source, the timing baseline) in the
same process, best of N rounds in CPU time, output captured.  Both runs must print the same
text (else the figure means nothing and the program is reported as a mismatch).  Printed: each
program's times and slowdown, and the geometric mean of the slowdowns.  `--profile NAME` runs
one program in the VM under cProfile and prints where the time goes.
"""
from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import io
import math
import pstats
import sys
import time
from pathlib import Path

from pipeline import compile_program
from pipeline.vm.frame import Frame
from pipeline.vm.interpreter import VirtualMachine
from pipeline.vm.run import run_code

PROGRAMS = Path(__file__).resolve().parent / "programs"


def _ours(code, path: Path) -> tuple[float, str]:
    out = io.StringIO()
    start = time.process_time()
    with contextlib.redirect_stdout(out):
        status = run_code(code, argv=[path.name], filename=str(path))
    elapsed = time.process_time() - start
    if status != 0:
        raise RuntimeError(f"{path.name} ended with status {status} in the VM")
    return elapsed, out.getvalue()


def _host(source: bytes, path: Path) -> tuple[float, str]:
    out = io.StringIO()
    host_code = compile(source, str(path), "exec", dont_inherit=True)
    start = time.process_time()
    with contextlib.redirect_stdout(out):
        exec(host_code, {"__name__": "__main__", "__file__": str(path)})
    return time.process_time() - start, out.getvalue()


def _compile(path: Path):
    compiled = compile_program(path.read_bytes(), str(path))
    if compiled.code is None:
        raise RuntimeError(compiled.failure_report())
    return compiled.code


def measure(names: list[str], rounds: int) -> float:
    print(f"host {sys.version.split()[0]}; best of {rounds} round(s), CPU time")
    print(f"  {'program':24} {'bytelens VM':>12} {'host':>10} {'slowdown':>9}")
    ratios = []
    for name in names:
        path = PROGRAMS / name
        source = path.read_bytes()
        code = _compile(path)
        best_ours = best_host = float("inf")
        for _ in range(rounds):
            gc.collect()
            ours, ours_out = _ours(code, path)
            gc.collect()
            host, host_out = _host(source, path)
            best_ours, best_host = min(best_ours, ours), min(best_host, host)
        if ours_out != host_out:
            print(f"  {name:24} MISMATCH: the VM printed {ours_out!r}, the host {host_out!r}")
            continue
        ratio = best_ours / best_host
        ratios.append(ratio)
        print(f"  {name:24} {best_ours:10.3f} s {best_host:8.4f} s {ratio:8.1f}x")
    geomean = math.exp(sum(map(math.log, ratios)) / len(ratios))
    print(f"  geometric mean slowdown over {len(ratios)} programs: {geomean:.1f}x")
    return geomean


def profile(name: str, top: int = 25) -> None:
    """Run one program on the VM in this thread under cProfile; print the hottest functions."""
    path = PROGRAMS / name
    code = _compile(path)
    vm = VirtualMachine()
    namespace = {"__name__": "__main__", "__file__": str(path), "__builtins__": vm.builtins}
    profiler = cProfile.Profile()
    with contextlib.redirect_stdout(io.StringIO()):
        profiler.enable()
        vm.run_frame(Frame(code, namespace, vm.builtins, namespace, None))
        profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.vm_speed")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--only", nargs="*", help="program file names (default: all)")
    parser.add_argument("--profile", metavar="NAME", help="profile one program instead")
    args = parser.parse_args(argv)
    if args.profile:
        profile(args.profile)
        return 0
    names = args.only or sorted(p.name for p in PROGRAMS.glob("*.py"))
    measure(names, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
