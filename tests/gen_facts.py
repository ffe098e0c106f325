"""Regenerate pipeline/facts.py by asking the oracle (CPython 3.14.2).  `python -m tests.gen_facts`."""
from __future__ import annotations

import sys
from pathlib import Path

from tests import oracle

TARGET = Path(__file__).resolve().parent.parent / "pipeline" / "facts.py"


def generate() -> str:
    here = Path(oracle.__file__).parent
    # The script may import its neighbours: every oracle-side script keys the cache.
    scripts = tuple(sorted(p.name for p in here.glob("*.py")))
    result = oracle.run([oracle.Job(here, ("facts_script.py",), scripts)])[0]
    if result.status != 0:
        raise RuntimeError(result.stderr)
    return result.stdout


def main() -> int:
    TARGET.write_text(generate(), "utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
