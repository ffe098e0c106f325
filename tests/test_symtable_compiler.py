"""What the compiler will read off our symbol tables, checked against the code objects CPython 3.14
compiles for the same files (tests/codejson.py).

`-m symtable` prints neither `generator`, `coroutine`, `needs_class_closure`, `needs_classdict`,
`has_conditional_annotations`, `has_docstring`, `method`, `nested`, `varargs` nor which
comprehensions are inlined; CPython's compiler turns each into something a code object shows:

- every scope that compiles to a code object (inlined comprehensions do not) has one with its
  name, nested in its parent's code object's constants;
- `co_flags`: NESTED (function-like scopes only), GENERATOR / COROUTINE / ASYNC_GENERATOR, VARARGS, VARKEYWORDS, and for
  functions HAS_DOCSTRING and METHOD;
- cell variables: CELL symbols, inlined-comprehension cells (DEF_COMP_CELL), and the implicit
  `__class__` / `__classdict__` / `__conditional_annotations__` cells;
- free variables: FREE symbols, and class-level names a method needs free (DEF_FREE_CLASS);
- a def's or lambda's parameters, in order, start its locals.

Code objects CPython dropped as dead code simply have no partner; every code object must.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import facts
from pipeline import symtable as S
from tests import astjson, codejson, oracle

CO = {name: bit for bit, name in facts.COMPILER_FLAG_NAMES.items()}
CHECKED_FLAGS = (CO["NESTED"] | CO["GENERATOR"] | CO["COROUTINE"] | CO["ASYNC_GENERATOR"]
                 | CO["VARARGS"] | CO["VARKEYWORDS"] | CO["HAS_DOCSTRING"] | CO["METHOD"])
CELL_KIND = facts.CO_FAST_KINDS["CO_FAST_CELL"]
FREE_KIND = facts.CO_FAST_KINDS["CO_FAST_FREE"]


def code_name(table: S.SymbolTable) -> str:
    """The co_name CPython gives the code object compiled from `table`."""
    if table.type == S.BlockType.MODULE:
        return "<module>"
    if table.type == S.BlockType.TYPE_PARAMETERS:
        return f"<generic parameters of {table.name}>"
    if table.type == S.BlockType.FUNCTION and (table.comprehension or table.name == "lambda"):
        return f"<{table.name}>"
    return table.name


def compiles(parent: S.SymbolTable, table: S.SymbolTable) -> bool:
    """Whether CPython makes a code object of `table`: not of a def's `__annotate__` scope when
    the def has no annotations, nor of the never-evaluated one of a def body's annotations."""
    if table.type != S.BlockType.ANNOTATION:
        return True
    if table is parent.annotation_block:
        return parent.type in (S.BlockType.MODULE, S.BlockType.CLASS)
    return table.annotations_used


def expected(table: S.SymbolTable, parent: S.SymbolTable | None) -> dict:
    flags = 0
    if table.nested and table.type.function_like:
        flags |= CO["NESTED"]
    if table.generator:
        flags |= CO["ASYNC_GENERATOR"] if table.coroutine else CO["GENERATOR"]
    elif table.coroutine:
        flags |= CO["COROUTINE"]
    flags |= CO["VARARGS"] if table.varargs else 0
    flags |= CO["VARKEYWORDS"] if table.varkeywords else 0
    if table.type == S.BlockType.FUNCTION:
        flags |= CO["HAS_DOCSTRING"] if table.has_docstring else 0
        flags |= CO["METHOD"] if table.method else 0
    cells = {name for name, symbol in table.symbols.items()
             if symbol.scope == S.CELL or symbol.has(S.DEF_COMP_CELL)}
    implicit = {"__class__": table.needs_class_closure, "__classdict__": table.needs_classdict,
                "__conditional_annotations__": table.has_conditional_annotations}
    cells |= {name for name, present in implicit.items() if present}
    frees = {name for name, symbol in table.symbols.items()
             if symbol.scope == S.FREE or symbol.has(S.DEF_FREE_CLASS)}
    if (parent is not None and parent.type == S.BlockType.CLASS and table is parent.annotation_block
            and parent.has_conditional_annotations):
        frees.add("__conditional_annotations__")  # the compiler's own reference to the class cell
    params = list(table.varnames) if table.type == S.BlockType.FUNCTION else None
    return {"flags": flags, "cells": cells, "frees": frees, "params": params}


def actual(code: dict, params: list | None) -> dict:
    kinds = bytes.fromhex(code["localspluskinds"])
    names = code["localsplusnames"]
    return {"flags": code["flags"] & CHECKED_FLAGS,
            "cells": {n for n, k in zip(names, kinds) if k & CELL_KIND},
            "frees": {n for n, k in zip(names, kinds) if k & FREE_KIND},
            "params": None if params is None else names[:len(params)]}


def pairs(table: S.SymbolTable, code: dict, where: str, future_annotations: bool,
          parent: S.SymbolTable | None = None):
    """(path, parent table, table, code object) for `table`/`code` and, recursively, their
    partners below."""
    yield where, parent, table, code
    unmatched = [child for child in table.children if compiles(table, child)]
    for const in code["consts"]:
        if const[0] != "code":
            continue
        child_code = const[1]
        if future_annotations and child_code["name"] == "__annotate__":
            # Its table is nobody's child and never analysed (its annotations compile to
            # strings); CPython looks it up by node, as `SymtableResult.lookup` does.
            continue
        candidates = [t for t in unmatched if code_name(t) == child_code["name"]]
        assert candidates, f"{where}: no table for code object {child_code['name']!r} line {child_code['firstlineno']}"
        # Decorators come first: a def's code starts at or before the def's own line.
        later = [t for t in candidates if t.lineno >= child_code["firstlineno"]]
        child = (later or candidates)[0]
        unmatched.remove(child)
        yield from pairs(child, child_code, f"{where} > {child_code['name']}@{child.lineno}",
                         future_annotations, table)


@pytest.fixture(scope="module")
def compiled():
    names = oracle.corpus_files()
    return astjson.export_corpus(), dict(zip(names, codejson.export(names)))


@pytest.mark.parametrize("name", oracle.corpus_files())
def test_corpus_code_objects(compiled, name):
    trees, codes = compiled
    result = S.build_symtable(astjson.load(trees[name]), name)
    future_annotations = "annotations" in result.future_features
    for where, parent, table, code in pairs(result.top, codes[name].json, name, future_annotations):
        want = expected(table, parent)
        assert actual(code, want["params"]) == want, where


CASES = Path(__file__).resolve().parent / "cases" / "symtable"
CASE_NAMES = sorted(p.relative_to(CASES).as_posix() for p in CASES.glob("*.py"))  # errors/ excluded


@pytest.mark.parametrize("name", CASE_NAMES)
def test_case_code_objects(name):
    (export,) = astjson.export_files(CASES, [name])
    (code,) = codejson.export([name], root=CASES)
    result = S.build_symtable(astjson.load(export), name)
    future_annotations = "annotations" in result.future_features
    for where, parent, table, code_json in pairs(result.top, code.json, name, future_annotations):
        want = expected(table, parent)
        assert actual(code_json, want["params"]) == want, where
