"""The VM on real code: the top-level code of every corpus module that has no `__main__` block,
run as `python3.14 MODULE.py` (defining its functions and classes, importing what it imports),
must print and exit exactly as CPython 3.14 does; and every opcode the corpus uses has a handler.

The VM's values and imported modules are the host's: where the host's standard library is older
than 3.14, a module importing a 3.14-only name fails under the VM; those are listed in XFAIL.
"""
from __future__ import annotations

import contextlib
import importlib
import io
from pathlib import Path

import pytest

from pipeline import facts
from pipeline.vm import run_code
from pipeline.vm.code import decoded
from pipeline.vm.interpreter import VirtualMachine
from tests import codejson, oracle

_HOST_GAP = "imports a name the host's (pre-3.14) standard library or runtime does not have"
_ORACLE_WARNING = ("the oracle harness's own `import __main__` trips this module's DeprecationWarning, "
                   "which `python3.14 FILE` would not print")
XFAIL = {
    "_pyio.py": _HOST_GAP, "csv.py": _HOST_GAP, "opcode.py": _HOST_GAP, "os.py": _HOST_GAP,
    "ssl.py": _HOST_GAP, "statistics.py": _HOST_GAP, "threading.py": _HOST_GAP,
    "warnings.py": _HOST_GAP, "zipimport.py": _HOST_GAP,
    "fractions.py": "its 3.14 regular expression uses \\z, which the host's `re` rejects",
    "antigravity.py": "opens a web browser: the oracle's (pyodide) webbrowser module differs",
    "nturl2path.py": _ORACLE_WARNING, "sre_compile.py": _ORACLE_WARNING,
    "sre_constants.py": _ORACLE_WARNING,
}


def _modules() -> list[str]:
    root = oracle.corpus_dir()
    return [name for name in oracle.corpus_files()
            if "/" not in name and "__main__" not in (root / name).read_text("utf-8", errors="replace")]


MODULES = _modules()
# A module a program imports resolves to the host's copy when the host has imported it already,
# else to the corpus file next to the program (run in the VM).  Import `pickle` now (shelve and
# tracemalloc import it; the corpus copy needs a 3.12+ host) so that which one they get does not
# depend on what earlier tests happened to import.
importlib.import_module("pickle")


@pytest.fixture(scope="module")
def expected():
    root = oracle.corpus_dir()
    results = oracle.run([oracle.Job(root, (name,), (name,)) for name in MODULES])
    exports = codejson.export(MODULES)
    return {name: (res, exp) for name, res, exp in zip(MODULES, results, exports)}


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=XFAIL[n])) if n in XFAIL else n
    for n in MODULES
])
def test_module_top_level(expected, name):
    want, export = expected[name]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = run_code(export.code(), argv=[name], filename=str(oracle.corpus_dir() / name),
                          compile_file=_compile_with_oracle)
    assert (out.getvalue(), err.getvalue(), status) == (want.stdout, want.stderr, want.status)


def _compile_with_oracle(path: str):
    """Corpus modules the module imports (found next to it, as `python3.14 FILE` finds them)."""
    relative = Path(path).resolve().relative_to(oracle.corpus_dir().resolve()).as_posix()
    return codejson.export([relative])[0].code()


def _walk(code):
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            yield from _walk(const)


def test_every_corpus_opcode_has_a_handler():
    used = set()
    for export in codejson.export(oracle.corpus_files()):
        for code in _walk(export.code()):
            used.update(name for name in decoded(code).names if name)
    handled = {name[3:] for name in dir(VirtualMachine) if name.startswith("op_")}
    assert used <= handled, sorted(used - handled)
    # Everything the compiler can emit is handled; INTERPRETER_EXIT only ends C-level entry frames.
    real = {name for name, num in facts.OPMAP.items() if num < facts.MIN_INSTRUMENTED_OPCODE}
    assert real - handled == {"INTERPRETER_EXIT"}
