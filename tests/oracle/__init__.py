"""The oracle: real CPython 3.14.2 (pyodide@314.0.7 under Node) and its standard library corpus.

`run(jobs)` answers what `python3.14 ARGV` prints for each job: stdout, stderr and exit status.
Answers are cached outside the clone, in the user's cache directory, keyed by the oracle version,
the argument vector and the content of every file the job reads, so reruns cost nothing and a new
clone on the same machine starts warm. A batch runs in at most two Node processes (one per core),
each loading Pyodide once.
"""
from __future__ import annotations

import concurrent.futures
import dataclasses
import hashlib
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

VERSION = "pyodide@314.0.7"
HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE / "node_modules"
PYODIDE = NODE_MODULES / "pyodide"


def cache_root() -> Path:
    base = os.environ.get("BYTELENS_CACHE") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    root = Path(base) / "bytelens" if not os.environ.get("BYTELENS_CACHE") else Path(base)
    root.mkdir(parents=True, exist_ok=True)
    return root


SCRIPT_PREFIX = "@oracle/"
"""An argv word `@oracle/NAME` names the script NAME of this folder, wherever the clone lives."""


@dataclasses.dataclass(frozen=True, slots=True)
class Job:
    """`python3.14 *argv` run in `cwd`; `inputs` are the files (relative to cwd) whose bytes it reads.

    Argv words `@oracle/NAME` run this folder's probe scripts; their contents key the cache too.
    """
    cwd: Path
    argv: tuple[str, ...]
    inputs: tuple[str, ...] = ()

    def key(self) -> str:
        h = hashlib.sha256()
        h.update(json.dumps([VERSION, list(self.argv)]).encode())
        scripts = [HERE / word[len(SCRIPT_PREFIX):] for word in self.argv if word.startswith(SCRIPT_PREFIX)]
        for path in [self.cwd / name for name in self.inputs] + scripts:
            h.update(b"\0" + hashlib.sha256(path.read_bytes()).digest())
        return h.hexdigest()

    def host_argv(self) -> list[str]:
        """argv as the oracle sees it: the host file system is mounted at /host there."""
        return [f"/host{HERE}/{word[len(SCRIPT_PREFIX):]}" if word.startswith(SCRIPT_PREFIX) else word
                for word in self.argv]


@dataclasses.dataclass(frozen=True, slots=True)
class Result:
    stdout: str
    stderr: str
    status: int


def ensure_installed() -> None:
    """Install the pinned oracle (npm ci against the committed lock file) if it is not there yet."""
    if (PYODIDE / "pyodide.asm.wasm").exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError("the oracle needs Node >= 20 and npm on PATH")
    subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE, check=True)


def _run_batch(jobs: list[Job]) -> list[Result]:
    payload = json.dumps({"jobs": [{"cwd": str(j.cwd.resolve()), "argv": j.host_argv()} for j in jobs]})
    proc = subprocess.run(["node", str(HERE / "runner.mjs")], input=payload, capture_output=True,
                          text=True, cwd=HERE, check=False)
    lines = proc.stdout.splitlines()
    if proc.returncode != 0 or len(lines) != len(jobs):
        raise RuntimeError(f"oracle batch failed (exit {proc.returncode}):\n{proc.stderr[-4000:]}")
    return [Result(**json.loads(line)) for line in lines]


def run(jobs: list[Job], *, workers: int = 2) -> list[Result]:
    """Answer every job, from the cache where possible; the rest in up to `workers` Node processes."""
    store = cache_root() / "oracle" / VERSION
    keys = [job.key() for job in jobs]
    results: dict[int, Result] = {}
    missing = []
    for i, key in enumerate(keys):
        path = store / key[:2] / f"{key}.json"
        if path.exists():
            results[i] = Result(**json.loads(path.read_text("utf-8")))
        else:
            missing.append(i)
    if missing:
        ensure_installed()
        chunks = [missing[k::workers] for k in range(workers) if missing[k::workers]]
        with concurrent.futures.ThreadPoolExecutor(len(chunks)) as pool:
            for chunk, answers in zip(chunks, pool.map(lambda c: _run_batch([jobs[i] for i in c]), chunks)):
                for i, answer in zip(chunk, answers):
                    results[i] = answer
                    path = store / keys[i][:2] / f"{keys[i]}.json"
                    path.parent.mkdir(parents=True, exist_ok=True)
                    tmp = path.with_suffix(f".{os.getpid()}.tmp")
                    tmp.write_text(json.dumps(dataclasses.asdict(answer)), "utf-8")
                    tmp.replace(path)
    return [results[i] for i in range(len(jobs))]


def run_module(module: str, args: list[str], path: Path) -> Result:
    """`python3.14 -m MODULE *args FILE` for one file (a convenience over `run`)."""
    return run([Job(path.parent, ("-m", module, *args, path.name), (path.name,))])[0]


def generated_module(script: str) -> str:
    """The text a generator script of this folder prints inside the oracle (a generated module).

    Every script of this folder keys the answer, since a generator may import its neighbours.
    """
    scripts = tuple(sorted(p.name for p in HERE.glob("*.py")))
    result = run([Job(HERE, (script,), scripts)])[0]
    if result.status != 0:
        raise RuntimeError(f"{script} failed in the oracle:\n{result.stderr}")
    return result.stdout


_ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]+")


def mask_addresses(text: str) -> str:
    """Memory addresses differ run to run and machine to machine; compare them as `at 0x...`."""
    return _ADDRESS.sub("at 0x...", text)


def _is_corpus_file(name: str) -> bool:
    top = name.split("/")[0]
    return (name.endswith(".py") and top not in ("_pyodide", "pyodide", "site-packages")
            and not name.rsplit("/", 1)[-1].startswith("_sysconfigdata"))


def corpus_dir() -> Path:
    """The CPython 3.14 standard library sources the oracle carries (534 files), unpacked once."""
    ensure_installed()
    target = cache_root() / "corpus" / VERSION
    done = target / ".complete"
    if not done.exists():
        with zipfile.ZipFile(PYODIDE / "python_stdlib.zip") as z:
            for name in z.namelist():
                if _is_corpus_file(name):
                    out = target / name
                    out.parent.mkdir(parents=True, exist_ok=True)
                    out.write_bytes(z.read(name))
        done.write_text("ok")
    return target


def corpus_files() -> list[str]:
    """Corpus files as sorted paths relative to `corpus_dir()`."""
    root = corpus_dir()
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.py"))
