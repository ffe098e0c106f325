"""Our tokenizer's throughput over the 3.14 standard library, as a ratio to the host's `tokenize`.

    python -m benchmarks.tokenize_speed [--rounds N] [--profile]

Both tokenizers get the same decoded text and collect every token of a file in a list (as
`python -m tokenize` does); they are timed alternately in the same process, best of N rounds,
in CPU time, so other load on a shared machine stays out of the ratio. The host's tokenizer is
only a yardstick: on Python 3.11 it is the pure-Python regex tokenizer, on 3.12+ a C one.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import sys
import time
import tokenize as host_tokenize

from pipeline.tokenizer import tokenize
from tests import oracle


def ours(sources: list[str]) -> int:
    return sum(len(list(tokenize(src))) for src in sources)


def ours_parser_view(sources: list[str]) -> int:
    return sum(len(list(tokenize(src, extra_tokens=False))) for src in sources)


def host(sources: list[str]) -> int:
    count = 0
    for src in sources:
        try:
            count += len(list(host_tokenize.generate_tokens(io.StringIO(src).readline)))
        except (SyntaxError, host_tokenize.TokenError):
            pass  # the host may predate a 3.14 feature; what it read until then is timed all the same
    return count


def cpu_time(fn, sources: list[str]) -> tuple[float, int]:
    gc.collect()
    start = time.process_time()
    n = fn(sources)
    return time.process_time() - start, n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="also show where our tokenizer spends its time")
    args = parser.parse_args(argv)
    root = oracle.corpus_dir()
    sources = [(root / name).read_bytes().decode("utf-8") for name in oracle.corpus_files()]
    megabytes = sum(len(s.encode("utf-8")) for s in sources) / 1e6
    contenders = {"bytelens (tokenize view)": ours, "bytelens (parser view)": ours_parser_view,
                  f"host tokenize {sys.version.split()[0]}": host}
    best: dict[str, float] = {label: float("inf") for label in contenders}
    counts: dict[str, int] = {}
    for _ in range(args.rounds):
        for label, fn in contenders.items():
            seconds, counts[label] = cpu_time(fn, sources)
            best[label] = min(best[label], seconds)
    host_label = list(contenders)[-1]
    print(f"corpus: {len(sources)} files, {megabytes:.2f} MB; best of {args.rounds} rounds, CPU time")
    for label, seconds in best.items():
        print(f"{label:28} {megabytes / seconds:6.2f} MB/s  {counts[label]:8} tokens  {seconds:6.2f} s"
              f"  speed ratio to host {best[host_label] / seconds:.2f}x")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(ours, sources)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(12)
    return 0


if __name__ == "__main__":
    sys.exit(main())
