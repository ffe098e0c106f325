"""Trees from the oracle: run tests/oracle/ast_export.py on files and rebuild `pipeline.astnodes` trees.

    exports = export_files(root, ["json/decoder.py"])      # one oracle batch, cached per file
    tree = load(exports[0])                                # a pipeline.astnodes.Module
    export_corpus()                                        # {corpus name: export} for all 534
    export_source("x = 1\n", options=("--mode", "single"))  # one text, full dump texts

An export is the JSON object ast_export.py prints (see its docstring for the format): the tree,
and `ast.dump` of it for each combination in COMBOS (or ALL_COMBOS), as a digest or as text. `load` rebuilds the
exact values: ints of any size, floats and complex bit for bit, str (lone surrogates included),
bytes, bool, None, Ellipsis.

Files are staged, with the script, into a temporary directory that becomes the job's cwd, so the
cache keys depend on the script and the files' content and relative names, not on where the clone
or the corpus lives.
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from pipeline import astnodes as A
from tests import oracle
from tests.oracle.ast_export import COMBOS, EXTRA_COMBOS  # the dump option sets the export runs

SCRIPT = Path(oracle.__file__).resolve().parent / "ast_export.py"

ALL_COMBOS = {**COMBOS, **EXTRA_COMBOS}


def export_files(root: Path, names: list[str], *, options: tuple[str, ...] = (),
                 dumps: str = "hash", combos: str = "corpus") -> list[dict]:
    """Export each file `root/name` with ast_export.py OPTIONS (e.g. ("--mode", "eval")).

    `dumps` is "hash" (digests of ast.dump) or "text" (the full text); `combos` is "corpus"
    (COMBOS) or "all" (ALL_COMBOS). Returns the decoded JSON objects in order; raises
    RuntimeError if the script itself fails.
    """
    with tempfile.TemporaryDirectory(prefix="bytelens-ast-") as tmp:
        stage = Path(tmp)
        shutil.copyfile(SCRIPT, stage / SCRIPT.name)
        for name in names:
            target = stage / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(root / name, target)
        jobs = [oracle.Job(stage, (SCRIPT.name, *options, "--dumps", dumps, "--combos", combos, name), (SCRIPT.name, name))
                for name in names]
        results = oracle.run(jobs)
    out = []
    for name, result in zip(names, results):
        if result.status != 0:
            raise RuntimeError(f"ast_export.py failed on {name}:\n{result.stderr}")
        out.append(json.loads(result.stdout))
    return out


def export_source(source: str | bytes, *, options: tuple[str, ...] = (), dumps: str = "text",
                  combos: str = "all") -> dict:
    """Export one source text (str is encoded as UTF-8), by default with the full dump texts of
    every combination in ALL_COMBOS."""
    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    with tempfile.TemporaryDirectory(prefix="bytelens-src-") as tmp:
        (Path(tmp) / "source.py").write_bytes(data)
        return export_files(Path(tmp), ["source.py"], options=options, dumps=dumps, combos=combos)[0]


def export_corpus(dumps: str = "hash") -> dict[str, dict]:
    """Every corpus file's export, keyed by its name relative to `oracle.corpus_dir()`."""
    names = oracle.corpus_files()
    return dict(zip(names, export_files(oracle.corpus_dir(), names, dumps=dumps)))


def _decode_int(text: str) -> int:
    if len(text) < 4000:
        return int(text)
    saved = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return int(text)
    finally:
        sys.set_int_max_str_digits(saved)


def _constant(pair):
    tag, payload = pair
    if tag == "int":
        return _decode_int(payload)
    if tag == "float":
        return float.fromhex(payload)
    if tag == "complex":
        return complex(float.fromhex(payload[0]), float.fromhex(payload[1]))
    if tag == "str":
        return payload
    if tag == "bytes":
        return bytes.fromhex(payload)
    if tag == "bool":
        return payload
    if tag == "None":
        return None
    if tag == "Ellipsis":
        return ...
    if tag == "tuple":
        return tuple(_constant(p) for p in payload)
    if tag == "frozenset":
        return frozenset(_constant(p) for p in payload)
    raise ValueError(f"unknown constant tag {tag!r}")


_NODE, _SEQ, _CONST, _SCALAR = range(4)
_SCALAR_TYPES = {"identifier", "string", "int"}


def _plan(cls) -> tuple[int, ...]:
    """How to decode each of cls's slots, in `_fields + _attributes` order."""
    plan = []
    for name in cls._fields + cls._attributes:
        asdl = cls._asdl_types[name]
        base = asdl.rstrip("?*")
        plan.append(_SEQ if asdl.endswith("*") else _CONST if base == "constant"
                    else _SCALAR if base in _SCALAR_TYPES else _NODE)
    return tuple(plan)


def load(export: dict) -> A.AST:
    """Rebuild the exported tree as `pipeline.astnodes` nodes.

    Raises ValueError if the export failed (SyntaxError) or if its classes' fields differ from
    ours (astnodes.py is stale).
    """
    if "error" in export:
        raise ValueError(export["error"])
    plans = {}
    for name, slots in export["fields"].items():
        cls = A.NODE_CLASSES[name]
        if tuple(slots) != cls._fields + cls._attributes:
            raise ValueError(f"{name}: oracle slots {slots} differ from ours; regenerate astnodes.py")
        plans[name] = (cls, _plan(cls))

    def build(data):
        cls, plan = plans[data[0]]
        args = []
        for kind, value in zip(plan, data[1:]):
            if kind == _SCALAR or value is None:
                args.append(value)
            elif kind == _NODE:
                args.append(build(value))
            elif kind == _SEQ:
                args.append(tuple(build(v) if type(v) is list else v for v in value))
            else:
                args.append(_constant(value))
        return cls(*args)

    # Python-to-Python calls do not use the C stack, so deep trees only need a higher limit.
    saved_depth = sys.getrecursionlimit()
    sys.setrecursionlimit(max(saved_depth, 100_000))
    try:
        return build(export["tree"])
    finally:
        sys.setrecursionlimit(saved_depth)


def first_difference(ours: A.AST, theirs: A.AST) -> str | None:
    """Where two trees first differ, depth first in field then attribute order, as a path such as
    `Module.body[3].value.args[0].col_offset: 5 != 6`; None if they are equal. For checking a
    parser's tree against `load(export)` with a message that says where."""
    def compare(a, b, path):
        if type(a) is not type(b):
            return f"{path}: {type(a).__name__} != {type(b).__name__}"
        if isinstance(a, A.AST):
            for name in a._fields + a._attributes:
                found = compare(getattr(a, name), getattr(b, name), f"{path}.{name}")
                if found:
                    return found
            return None
        if type(a) is tuple:
            for i, (x, y) in enumerate(zip(a, b)):
                found = compare(x, y, f"{path}[{i}]")
                if found:
                    return found
            return None if len(a) == len(b) else f"{path}: length {len(a)} != {len(b)}"
        return None if a == b else f"{path}: {a!r} != {b!r}"

    return compare(ours, theirs, type(ours).__name__)
