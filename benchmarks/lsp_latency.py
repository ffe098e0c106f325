"""Editor latency of the real `bytelens lsp` over stdio while `_pydecimal.py` is edited.

    python -m benchmarks.lsp_latency [--edits N] [--file PATH] [--full] [--slowest N]

A pygls client starts the server, opens `_pydecimal.py` (the host's copy: Pyodide's standard
library, our corpus, leaves it out) and replays realistic edits inside function bodies: a new
line typed character by character (every broken intermediate state included), deleting a line,
pasting a 20-line function. After each `didChange` it sends, as VS Code does at once, a
semantic-tokens request (`full/delta` against the last result, as VS Code asks a server that
offers deltas; `--full` asks for all tokens each time) and a hover at the cursor, and waits for
the diagnostics published for that version. Reported, in wall-clock milliseconds from the
`didChange`: p50/p95/max to the semantic tokens, to the diagnostics (the first publication for
the version: the parser's and the compiler's together), to the hover; also the first analysis
(didOpen to its diagnostics), the first hover of the opened file, and the server's VmRSS/VmHWM.
`--slowest N` lists the N slowest edits. The machine's load average is printed too: on a shared
machine it is part of the numbers.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
import sysconfig
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

URI = "file:///bench/_pydecimal.py"
TYPED = "total = self._int + str(len(digits)) * (exp - 1)"
PASTE = "".join(f"{line}\n" for line in [
    "def pasted_helper(value, places=2):",
    '    """A pasted function of twenty lines."""',
    "    if value is None:",
    "        return None",
    "    sign = '-' if value < 0 else ''",
    "    value = abs(value)",
    "    whole, frac = divmod(value, 1)",
    "    digits = []",
    "    for _ in range(places):",
    "        frac *= 10",
    "        digit, frac = divmod(frac, 1)",
    "        digits.append(str(int(digit)))",
    "    text = str(int(whole))",
    "    if digits:",
    "        text += '.' + ''.join(digits)",
    "    result = sign + text",
    "    while result.endswith('0') and '.' in result:",
    "        result = result[:-1]",
    "    total = len(result)",
    "    return result, total",
])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def body_lines(text: str, count: int) -> list[int]:
    """0-based lines of `return` statements at 8 spaces (method bodies), spread over the file."""
    found = [n for n, line in enumerate(text.split("\n")) if re.match(r" {8}return \w", line)]
    step = max(len(found) // count, 1)
    return found[::step][:count]


class Bench:
    def __init__(self, client: LanguageClient, full: bool = False):
        self.client = client
        self.full = full            # `semanticTokens/full` after each edit instead of `full/delta`
        self.result_id = None
        self.version = 1
        self.diagnostics: dict[int, float] = {}
        self.waiters: dict[int, asyncio.Future] = {}
        self.text = ""

    def on_diagnostics(self, params: types.PublishDiagnosticsParams) -> None:
        now = time.perf_counter()
        if params.version is not None:
            self.diagnostics.setdefault(params.version, now)
            waiter = self.waiters.pop(params.version, None)
            if waiter is not None and not waiter.done():
                waiter.set_result(now)

    def diagnostics_for(self, version: int) -> asyncio.Future:
        future = asyncio.get_running_loop().create_future()
        if version in self.diagnostics:
            future.set_result(self.diagnostics[version])
        else:
            self.waiters[version] = future
        return future

    async def edit(self, line: int, col: int, end_line: int, end_col: int, new: str,
                   hover_at: tuple[int, int]) -> tuple[float, float, float]:
        self.version += 1
        version = self.version
        waiting = self.diagnostics_for(version)
        doc = types.TextDocumentIdentifier(uri=URI)
        t0 = time.perf_counter()
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=version),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=line, character=col),
                                  end=types.Position(line=end_line, character=end_col)), text=new)]))
        stamps: dict[str, float] = {}

        async def tokens():
            if self.full or self.result_id is None:
                got = await self.client.text_document_semantic_tokens_full_async(
                    types.SemanticTokensParams(text_document=doc))
            else:
                got = await self.client.text_document_semantic_tokens_full_delta_async(
                    types.SemanticTokensDeltaParams(text_document=doc, previous_result_id=self.result_id))
            stamps["tokens"] = time.perf_counter()
            self.result_id = got.result_id

        async def hover():
            await self.client.text_document_hover_async(types.HoverParams(
                text_document=doc, position=types.Position(line=hover_at[0], character=hover_at[1])))
            stamps["hover"] = time.perf_counter()

        _, _, diag = await asyncio.gather(tokens(), hover(), waiting)
        return stamps["tokens"] - t0, diag - t0, stamps["hover"] - t0


def vm(pid: int) -> dict[str, str]:
    out = {}
    for row in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = row.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = value.strip()
    return out


async def main(edits: int, path: Path, slowest: int = 0, full: bool = False) -> None:
    text = path.read_text("utf-8")
    client = LanguageClient("bytelens-bench", "0")
    bench = Bench(client, full)
    progress: list[str] = []

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params):
        bench.on_diagnostics(params)

    @client.feature(types.WINDOW_WORK_DONE_PROGRESS_CREATE)
    def on_create(params):
        return None

    @client.feature(types.PROGRESS)
    def on_progress(params):
        value = params.value
        progress.append(value.get("kind", "?") if isinstance(value, dict) else getattr(value, "kind", "?"))
    root = Path(__file__).resolve().parent.parent
    await client.start_io(sys.executable, "-m", "pipeline", "lsp", cwd=str(root))
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(
        window=types.WindowClientCapabilities(work_done_progress=True))))
    client.initialized(types.InitializedParams())
    pid = client._server.pid

    waiting = bench.diagnostics_for(1)
    t0 = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=URI, language_id="python", version=1, text=text)))
    first = await waiting - t0
    doc = types.TextDocumentIdentifier(uri=URI)
    t1 = time.perf_counter()
    got = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=doc))
    first_tokens = time.perf_counter() - t1
    bench.result_id = got.result_id
    targets = body_lines(text, 64)
    t1 = time.perf_counter()
    await client.text_document_hover_async(types.HoverParams(
        text_document=doc, position=types.Position(line=targets[0], character=9)))
    first_hover = time.perf_counter() - t1

    samples: dict[str, list[float]] = {"typing": [], "newline": [], "delete": [], "paste": []}
    described: list[tuple[tuple[float, float, float], str]] = []  # each edit's times and what it was
    timings: list[tuple[float, float, float]] = []
    lines = text.split("\n")
    shift = 0  # lines added above the next target by earlier edits
    for n, target in enumerate(targets):
        if len(timings) >= edits:
            break
        line = target + shift
        indent = len(lines[target]) - len(lines[target].lstrip())
        end = len(lines[target])
        # Enter at the end of the line, then the new line typed character by character.
        got = await bench.edit(line, end, line, end, "\n" + " " * indent, (line + 1, indent))
        timings.append(got), samples["newline"].append(got[0]), described.append((got, f"newline after {line + 1}"))
        for i, ch in enumerate(TYPED):
            col = indent + i
            got = await bench.edit(line + 1, col, line + 1, col, ch, (line + 1, col))
            timings.append(got), samples["typing"].append(got[0])
            described.append((got, f"line {line + 2}: {TYPED[:i + 1]!r}"))
        # Delete the typed line again.
        got = await bench.edit(line + 1, 0, line + 2, 0, "", (line, indent))
        timings.append(got), samples["delete"].append(got[0]), described.append((got, f"delete line {line + 2}"))
        if n % 4 == 3:
            # Paste a 20-line function above the method holding the line (top level, column 0).
            at = max(k for k in range(target + 1) if lines[k].startswith("    def ")) + shift
            pasted = PASTE.replace("\n", "\n    ").rstrip(" ")
            got = await bench.edit(at, 0, at, 0, "    " + pasted + "\n", (at + 2, 8))
            timings.append(got), samples["paste"].append(got[0]), described.append((got, f"paste at {at + 1}"))
            shift += PASTE.count("\n") + 1
    memory = vm(pid)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()

    print(f"file: {path} ({len(lines)} lines); edits: {len(timings)}; semantic tokens by "
          f"{'full' if full else 'full/delta'} requests; load average {os.getloadavg()}")
    print(f"first analysis (didOpen -> diagnostics): {first * 1000:.0f} ms; then semantic tokens "
          f"{first_tokens * 1000:.0f} ms; first hover {first_hover * 1000:.0f} ms; progress {progress[:1] + progress[-1:]}")
    for k, label in enumerate(("semantic tokens", "diagnostics", "hover")):
        values = [t[k] * 1000 for t in timings]
        print(f"didChange -> {label:15s}: p50 {percentile(values, .5):7.1f} ms  p95 {percentile(values, .95):7.1f} ms"
              f"  max {max(values):7.1f} ms")
    for kind, values in samples.items():
        if values:
            values = [v * 1000 for v in values]
            print(f"  tokens after {kind:8s} ({len(values):3d}): p50 {percentile(values, .5):7.1f} ms  "
                  f"p95 {percentile(values, .95):7.1f} ms")
    print(f"server memory with the file open: VmRSS {memory.get('VmRSS')}, VmHWM {memory.get('VmHWM')}")
    if slowest:
        print(f"the {slowest} slowest edits (tokens / diagnostics / hover ms):")
        for got, what in sorted(described, key=lambda d: -max(d[0]))[:slowest]:
            print(f"  {got[0] * 1000:7.1f} {got[1] * 1000:7.1f} {got[2] * 1000:7.1f}  {what}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=320)
    parser.add_argument("--file", type=Path, default=Path(sysconfig.get_paths()["stdlib"]) / "_pydecimal.py")
    parser.add_argument("--slowest", type=int, default=0, help="list the N slowest edits")
    parser.add_argument("--full", action="store_true",
                        help="ask `semanticTokens/full` after each edit (VS Code asks `full/delta`)")
    args = parser.parse_args()
    asyncio.run(main(args.edits, args.file, args.slowest, args.full))
