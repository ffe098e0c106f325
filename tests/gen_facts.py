"""Regenerate pipeline/facts.py by asking the oracle (CPython 3.14.2).  `python -m tests.gen_facts`."""
from __future__ import annotations

import sys
from pathlib import Path

from tests import oracle

TARGET = Path(__file__).resolve().parent.parent / "pipeline" / "facts.py"


def generate() -> str:
    return oracle.generated_module("facts_script.py")


def main() -> int:
    TARGET.write_text(generate(), "utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
