"""Code objects real CPython 3.14 compiled, brought over as `pipeline.codeobject.CodeObject`s.

`export(files, root=..., all_flags=...)` runs `tests/oracle/code_export.py` in the oracle for files
(cached like every oracle job) and returns one `Export` per file: the module code object, and the
`dis` / `dis.show_code` texts printed by the same process (see code_export.py for why).
`code_from_json` turns the exported JSON of one code object into a `CodeObject`.
"""
from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from pipeline.codeobject import CodeObject, FrozenSetConstant
from tests import oracle

EXPORT_SCRIPT = Path(__file__).resolve().parent / "oracle" / "code_export.py"


def const_from_json(tagged: list):
    """One type-tagged constant (see code_export.py) as the value `CodeObject.co_consts` holds."""
    tag = tagged[0]
    value = tagged[1] if len(tagged) > 1 else None
    if tag == "none":
        return None
    if tag == "ellipsis":
        return Ellipsis
    if tag == "bool":
        return bool(value)
    if tag == "int":
        return int(value)
    if tag == "float":
        return float.fromhex(value)
    if tag == "complex":
        return complex(float.fromhex(value[0]), float.fromhex(value[1]))
    if tag == "str":
        return value if isinstance(value, str) else bytes.fromhex(value["surrogates"]).decode("utf-8", "surrogatepass")
    if tag == "bytes":
        return bytes.fromhex(value)
    if tag == "tuple":
        return tuple(const_from_json(v) for v in value)
    if tag == "frozenset":
        return FrozenSetConstant(tuple(const_from_json(v) for v in value))
    if tag == "slice":
        return slice(*(const_from_json(v) for v in value))
    if tag == "code":
        return code_from_json(value)
    raise ValueError(f"unknown constant tag {tag!r}")


def code_from_json(data: dict) -> CodeObject:
    return CodeObject(
        co_code=bytes.fromhex(data["code"]),
        co_consts=tuple(const_from_json(c) for c in data["consts"]),
        co_names=tuple(data["names"]),
        co_localsplusnames=tuple(data["localsplusnames"]),
        co_localspluskinds=bytes.fromhex(data["localspluskinds"]),
        co_argcount=data["argcount"],
        co_posonlyargcount=data["posonlyargcount"],
        co_kwonlyargcount=data["kwonlyargcount"],
        co_stacksize=data["stacksize"],
        co_flags=data["flags"],
        co_name=data["name"],
        co_qualname=data["qualname"],
        co_filename=data["filename"],
        co_firstlineno=data["firstlineno"],
        co_linetable=bytes.fromhex(data["linetable"]),
        co_exceptiontable=bytes.fromhex(data["exceptiontable"]),
    )


def walk_json(data: dict):
    """The exported code object and every nested one, depth first through co_consts."""
    yield data
    for const in data["consts"]:
        if const[0] == "code":
            yield from walk_json(const[1])


@dataclasses.dataclass(frozen=True, slots=True)
class Export:
    """One corpus file as the oracle compiled it. `dis` maps a `python -m dis` flag ("" for none) to
    its output; `show_code` holds `dis.show_code` of each code object in `walk_json` order."""
    path: str
    json: dict
    dis: dict[str, str]
    show_code: tuple[str, ...]

    def code(self) -> CodeObject:
        return code_from_json(self.json)


def export_job(path: str, *, root: Path | None = None, all_flags: bool = False) -> oracle.Job:
    """The oracle job exporting file `path`, relative to `root` (by default the corpus directory)."""
    root = root or oracle.corpus_dir()
    script = os.path.relpath(EXPORT_SCRIPT, root)
    flags = ("--all-flags",) if all_flags else ()
    return oracle.Job(root, (script, path, *flags), (script, path))


def export(paths: list[str], *, root: Path | None = None, all_flags: bool = False) -> list[Export]:
    results = oracle.run([export_job(path, root=root, all_flags=all_flags) for path in paths])
    exports = []
    for path, result in zip(paths, results):
        if result.status != 0:
            raise RuntimeError(f"exporting {path} failed:\n{result.stderr}")
        doc = json.loads(result.stdout)
        exports.append(Export(path, doc["code"], doc["dis"], tuple(doc["show_code"])))
    return exports
