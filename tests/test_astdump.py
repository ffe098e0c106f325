"""`pipeline.astdump.dump` against CPython 3.14.2's `ast.dump`, on oracle trees.

The trees are the oracle's own (`ast.parse` exported by tests/oracle/ast_export.py, rebuilt by
tests/astjson.py), so these tests check dump (and the transfer format) independently of our parser.
Corpus: every stdlib file in every COMBOS combination, compared by digest; on a mismatch the full
oracle text is fetched to show where. Targeted sources: their expected text in every ALL_COMBOS
combination comes from the oracle too.
"""
from __future__ import annotations

import dataclasses
import hashlib
import tempfile
from pathlib import Path

import pytest

from pipeline import astnodes as A
from pipeline.astdump import dump, repr314
from tests import astjson, oracle


@pytest.fixture(scope="module")
def corpus():
    """{name: (export, tree)} for the whole corpus."""
    return {name: (export, astjson.load(export)) for name, export in astjson.export_corpus().items()}


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _first_difference(name: str, combo: str, ours: str) -> str:
    theirs = astjson.export_files(oracle.corpus_dir(), [name], dumps="text")[0]["dumps"][combo]
    if "error" in theirs:
        return f"{name}: the oracle's dump raised {theirs['error']}"
    expected = theirs["text"]
    at = next((i for i, (a, b) in enumerate(zip(expected, ours)) if a != b), min(len(expected), len(ours)))
    start = max(0, at - 200)
    return (f"{name}, at character {at}:\n  oracle: {expected[start:at + 100]!r}\n"
            f"  ours:   {ours[start:at + 100]!r}")


def _ours(tree, kwargs) -> dict:
    try:
        return {"text": dump(tree, **kwargs)}
    except Exception as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}


@pytest.mark.parametrize("combo", list(astjson.COMBOS))
def test_corpus(corpus, combo):
    kwargs = astjson.COMBOS[combo]
    failures = []
    for name, (export, tree) in corpus.items():
        expected = export["dumps"][combo]
        got = _ours(tree, kwargs)
        if "error" in expected or "error" in got:
            same = expected.get("error") == got.get("error")
        else:
            same = _digest(got["text"]) == expected["sha256"]
        if not same:
            failures.append(name)
    assert len(corpus) == 534
    if failures:
        pytest.fail(f"{len(corpus) - len(failures)}/{len(corpus)} identical for {combo}; first: "
                    + _first_difference(failures[0], combo, _ours(corpus[failures[0]][1], kwargs).get("text", "")))


# name -> (source, ast_export.py options)
TARGETED = {
    "empty_module": ("", ()),
    "constants": (
        "x = ('s', b'b\\x00\\xff', 0, 7, 2**64, 123456789012345678901234567890, 1.5, 1e400, 0.1,"
        " 1e-300, 1j, 2.5j, 1e400j, True, False, None, ..., u'u', r'\\n', '\\t\\n\\r\\x7f\\x00',"
        " \"it's\", 'q\"', 'both\\'\"', '\\\\', '\\u00e9\\u0378\\U0001F600\\ud800\\x85\\xa0\\u2028',"
        " '\\U0001FAE8\\U0001FAE9\\U0002EBF0\\U00031350', b'\\'\"')\n", ()),
    "unicode_identifiers": ("é = ŝ + 名字\n", ()),
    "huge_int": ("x = 0x" + "f" * 4000 + "\n", ()),
    "big_int_under_limit": ("x = 0x" + "f" * 3500 + "\n", ()),
    "deeply_nested": ("x = " + "[" * 60 + "1" + "]" * 60 + "\ny = " + "-(" * 40 + "z" + ")" * 40
                      + "\nw = " + " + ".join(["a"] * 150) + "\nv = a" + ".b" * 80 + "\n", ()),
    "type_ignores": ("import x  # type: ignore\ndef f(a,  # type: int\n      ):\n"
                     "    # type: (...) -> None\n    y = 1  # type: List[int]\n"
                     "z = 2  # type: ignore[misc]\n", ("--type-comments",)),
    "strings": ("f'{a!r:>{w}} {b=} {{}} é'\nt'{x!s} {y:.2f} {z=}'\n'a' 'b'\nb'x' b'y'\n"
                "f'{a}' 'b' f'{c:{d}}'\n", ()),
    "statements": ("async def f[T, *Ts, **P](a, /, b=1, *c, d, e=2, **g) -> T:\n"
                   "    async with a as b, c: pass\n    async for i in j: await k\n"
                   "    nonlocal q\nclass C[T: int = str](B, k=1): pass\n"
                   "type A[X] = list[X]\nfrom ... import (a as b, c)\nimport d.e as f\n"
                   "try:\n    pass\nexcept* (E, F) as e:\n    raise X from None\nelse: pass\n"
                   "finally: del a, b[1:2, ::3]\nwhile x := y: break\nelse: continue\n"
                   "assert x, 'm'\nx[1], *y = z\nx += 1; x: int = 2; (y): int\nglobal g\n"
                   "lambda *, k=1: (yield from g)\n", ()),
    "match": ("match v:\n    case [1, *r, _] | (2 | 3) as z if z: pass\n"
              "    case {'k': None, 1.5: True, **rest}: pass\n    case P(a, b=[c], d=-1+2j): pass\n"
              "    case None | str() | {} | [] | -1 | a.b: pass\n", ()),
    "comprehensions": ("[x async for x in y if x if z for w in x]\n{k: v for k, v in d}\n"
                       "{**a, 'b': 1, **c}\n(x for x in y)\n{x for x in y}\n", ()),
    "eval_mode": ("a if b else c\n", ("--mode", "eval")),
    "single_mode": ("x = 1\n", ("--mode", "single")),
    "func_type_mode": ("(int, *str, **bool) -> List[int]\n", ("--mode", "func_type")),
}


@pytest.fixture(scope="module")
def targeted():
    """{name: export} for TARGETED, every ALL_COMBOS combination as text."""
    with_options = {}
    for name, (source, options) in TARGETED.items():
        with_options.setdefault(options, []).append(name)
    out = {}
    for options, names in with_options.items():
        with tempfile.TemporaryDirectory() as tmp:
            for name in names:
                (Path(tmp) / f"{name}.py").write_text(TARGETED[name][0], "utf-8")
            exports = astjson.export_files(Path(tmp), [f"{n}.py" for n in names], options=options,
                                           dumps="text", combos="all")
        out.update(zip(names, exports))
    return out


@pytest.mark.parametrize("name", list(TARGETED))
def test_targeted(targeted, name):
    export = targeted[name]
    tree = astjson.load(export)
    for combo, kwargs in astjson.ALL_COMBOS.items():
        got = _ours(tree, kwargs)
        assert got == export["dumps"][combo], combo


def test_empty_module_texts(targeted):
    # The shapes the 3.14 rules give for a node with nothing but empty lists.
    assert targeted["empty_module"]["dumps"]["default"]["text"] == "Module()"
    assert targeted["empty_module"]["dumps"]["show_empty"]["text"] == "Module(body=[], type_ignores=[])"


def test_huge_int_raises_like_the_oracle(targeted):
    assert targeted["huge_int"]["dumps"]["default"]["error"].startswith("ValueError: Exceeds the limit")


def test_rejects_non_nodes():
    with pytest.raises(TypeError, match="expected AST, got 'list'"):
        dump([])


def test_hand_built_nodes():
    # Nodes built without locations: absent attributes are left out, as 3.14 leaves out missing ones.
    node = A.Expr(A.Constant(1, kind=None), lineno=1, col_offset=0)
    assert dump(node, include_attributes=True) == \
        "Expr(value=Constant(value=1), lineno=1, col_offset=0)"
    assert dump(A.Name("x")) == "Name(id='x', ctx=Load())"


def test_repr314_uses_314_printability():
    # U+1FAE8 (Unicode 15) is printable in 3.14 though older hosts escape it; U+0378 is unassigned.
    assert repr314("\U0001FAE8\u0378") == "'\U0001FAE8\\u0378'"
    assert repr314(("a", 1)) == "('a', 1)"
    assert repr314(("a",)) == "('a',)"


def test_first_difference(targeted):
    tree = astjson.load(targeted["statements"])
    assert astjson.first_difference(tree, astjson.load(targeted["statements"])) is None
    first = tree.body[0]
    moved = A.Module((dataclasses.replace(first, end_col_offset=first.end_col_offset + 1),) + tree.body[1:])
    assert astjson.first_difference(moved, tree) == \
        f"Module.body[0].end_col_offset: {first.end_col_offset + 1} != {first.end_col_offset}"
    assert astjson.first_difference(A.Module(tree.body[:1]), tree) == \
        f"Module.body: length 1 != {len(tree.body)}"
