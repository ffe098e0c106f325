"""Parse time (tokenize + parse to a tree) of our parser as a ratio to parso's, timed in the same run.

    python -m benchmarks.parse_speed [--rounds N] [--profile]

parso (`pip install bytelens[bench]`) is a pure-Python parser with error recovery, as ours is
with `parse_for_editor`; both get the same decoded text. Timed over the 3.14 standard library
and over `_pydecimal.py` alone (Pyodide's standard library leaves it out; the host's own copy is
used), best of N rounds in CPU time. `--profile` adds cProfile's top functions for our parse of
`_pydecimal.py`, where the time goes.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import sys
import sysconfig
import time
from pathlib import Path

from pipeline.parser import decode_source, parse
from tests import oracle


def _parso_grammar():
    import parso
    for version in ("3.14", "3.13", "3.12"):
        try:
            return parso.load_grammar(version=version), version
        except (NotImplementedError, FileNotFoundError, ValueError):
            continue
    raise SystemExit("parso has no grammar for Python 3.12 or later")


def _ours(sources: dict[str, str]) -> float:
    start = time.process_time()
    for name, text in sources.items():
        parse(text, name)
    return time.process_time() - start


def _parso(grammar, sources: dict[str, str]) -> float:
    start = time.process_time()
    for text in sources.values():
        grammar.parse(text, error_recovery=True, cache=False)
    return time.process_time() - start


def measure(label: str, sources: dict[str, str], grammar, rounds: int) -> tuple[float, float]:
    best_ours = best_parso = float("inf")
    for _ in range(rounds):
        gc.collect()
        best_ours = min(best_ours, _ours(sources))
        gc.collect()
        best_parso = min(best_parso, _parso(grammar, sources))
    megabytes = sum(len(t.encode("utf-8", "surrogatepass")) for t in sources.values()) / 1e6
    print(f"{label}: {len(sources)} files, {megabytes:.2f} MB; best of {rounds} rounds, CPU time")
    print(f"  bytelens parse: {best_ours:7.2f} s  ({megabytes / best_ours:.2f} MB/s)")
    print(f"  parso parse:    {best_parso:7.2f} s  ({megabytes / best_parso:.2f} MB/s)")
    print(f"  ratio bytelens/parso: {best_ours / best_parso:.2f}  "
          f"({'faster' if best_ours < best_parso else 'slower'} than parso)")
    return best_ours, best_parso


def profile(text: str, top: int = 25) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    parse(text, "_pydecimal.py")
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    print(f"cProfile of our parse of _pydecimal.py, top {top} by own time:")
    print(out.getvalue())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args(argv)
    grammar, version = _parso_grammar()
    import parso
    print(f"parso {parso.__version__} (grammar {version}); host Python {sys.version.split()[0]}")
    root = oracle.corpus_dir()
    corpus = {name: decode_source((root / name).read_bytes()) for name in oracle.corpus_files()}
    pydecimal_path = Path(sysconfig.get_paths()["stdlib"]) / "_pydecimal.py"
    pydecimal = corpus.get("_pydecimal.py") or decode_source(pydecimal_path.read_bytes())
    # Warm both up (imports, generated rule tables, parso's grammar caches) before timing.
    parse(pydecimal, "_pydecimal.py")
    grammar.parse(pydecimal, error_recovery=True, cache=False)
    measure(f"_pydecimal.py ({pydecimal_path})", {"_pydecimal.py": pydecimal}, grammar, args.rounds)
    measure("corpus", corpus, grammar, args.rounds)
    if args.profile:
        profile(pydecimal)
    return 0


if __name__ == "__main__":
    sys.exit(main())
