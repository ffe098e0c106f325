"""Debugger latency of `bytelens dap`, driven over stdio like VS Code (tests/dap_client.py).

    python -m benchmarks.dap_latency [--steps N] [--pauses N]

- Step latency: time from sending a step request to receiving the `stopped` event, over N step-in
  requests at line granularity and N at instruction granularity (program tests/cases/dap/steps.py);
  p50/p95 in ms (target p95 <= 50 ms).
- Pause latency: time from `pause` to `stopped` while the program runs `while True: ...`
  (tests/cases/dap/spin.py); median and max in ms (target <= 200 ms).
The baseline, timed in the same run, is the round trip of a `threads` request (adapter -> debuggee
-> adapter, no program code run): each figure is also printed as a ratio to it.
- Tracing cost: steps.py run to its end under the debugger (no breakpoints) against the same launch
  with `noDebug` (no tracer), configurationDone to `exited`, best of 3.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from tests.dap_client import DapClient

CASES = Path(__file__).resolve().parent.parent / "tests" / "cases" / "dap"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def step_latencies(client: DapClient, n: int, granularity: str | None) -> list[float]:
    out = []
    for _ in range(n):
        args = {"threadId": 1}
        if granularity:
            args["granularity"] = granularity
        sent = time.perf_counter()
        client.request("stepIn", args)
        event = client.wait_event("stopped")
        out.append((event["_time"] - sent) * 1000)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dap_latency")
    parser.add_argument("--steps", type=int, default=250)
    parser.add_argument("--pauses", type=int, default=20)
    args = parser.parse_args(argv)

    with DapClient() as client:
        client.start(CASES / "steps.py", stop_on_entry=True)
        client.stopped()
        baseline = []
        for _ in range(args.steps):
            sent = time.perf_counter()
            client.request("threads")
            baseline.append((time.perf_counter() - sent) * 1000)
        lines = step_latencies(client, args.steps, None)
        instructions = step_latencies(client, args.steps, "instruction")
    with DapClient() as client:
        client.start(CASES / "spin.py")
        client.wait_event("output", predicate=lambda m: "spinning" in m["body"]["output"])
        pauses = []
        for _ in range(args.pauses):
            time.sleep(0.05)
            sent = time.perf_counter()
            client.request("pause", {"threadId": 1})
            pauses.append((client.wait_event("stopped")["_time"] - sent) * 1000)
            client.request("continue", {"threadId": 1})

    runs = {}
    for no_debug in (True, False):
        times = []
        for _ in range(3):
            with DapClient() as client:
                client.start(CASES / "steps.py", no_debug=no_debug)
                started = time.perf_counter()  # start() returns once configurationDone is answered
                times.append(client.wait_event("exited")["_time"] - started)
        runs[no_debug] = min(times)

    base = statistics.median(baseline)
    print(f"baseline: threads round trip p50 {base:.2f} ms over {len(baseline)} requests")
    for name, values in (("step in (line)", lines), ("step in (instruction)", instructions)):
        p50, p95 = percentile(values, 0.5), percentile(values, 0.95)
        print(f"{name}: p50 {p50:.2f} ms, p95 {p95:.2f} ms over {len(values)} steps "
              f"({p50 / base:.1f}x / {p95 / base:.1f}x the baseline); target p95 <= 50 ms")
    print(f"pause in an endless loop: median {statistics.median(pauses):.2f} ms, max {max(pauses):.2f} ms "
          f"over {len(pauses)} pauses ({max(pauses) / base:.1f}x the baseline); target <= 200 ms")
    print(f"run to the end: debugging {runs[False] * 1000:.0f} ms, noDebug {runs[True] * 1000:.0f} ms "
          f"({runs[False] / runs[True]:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
