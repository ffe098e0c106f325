"""The compiler's SyntaxWarnings against CPython 3.14.2's, snippet by snippet.

Each snippet is compiled by the oracle's `compile()` twice: once with every warning recorded
(message and line of each), once with warnings made errors (the first warning's whole range).
`compile_module` must report the same warnings, in the same order, and the first with the same
range. The snippets cover PEP 765's `'return'/'break'/'continue' in a 'finally' block` (emitted
by CPython's AST pre-pass, so before the compiler's own warnings and errors) and `is` / `is not`
with a literal, tuples of constants included; several expect no warning at all.
"""
from __future__ import annotations

import json

import pytest

from pipeline.compiler import compile_module
from tests import astjson, oracle

PROBE = '''\
import json, sys, warnings
for source in json.load(open(sys.argv[1], encoding="utf-8")):
    row = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(source, "<case>", "exec", dont_inherit=True)
        except SyntaxError as exc:
            row["error"] = exc.msg
    row["caught"] = [[str(w.message), w.lineno] for w in caught if w.category is SyntaxWarning]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(source, "<case>", "exec", dont_inherit=True)
        except SyntaxError as exc:
            row["first"] = [exc.msg, exc.lineno, exc.offset, exc.end_lineno, exc.end_offset]
    print(json.dumps(row))
'''

SNIPPETS = {
    # PEP 765: the statement leaves a finally block.
    "return_in_finally": "def f():\n    try:\n        pass\n    finally:\n        return 1\n",
    "bare_return_in_finally": "def f():\n    try:\n        g()\n    finally:\n        if x:\n            return\n",
    "break_in_finally": "for i in x:\n    try:\n        pass\n    finally:\n        break\n",
    "continue_in_finally": "while x:\n    try:\n        pass\n    finally:\n        continue\n",
    "return_in_nested_function": "def f():\n    try:\n        pass\n    finally:\n        def g():\n            return 1\n",
    "return_in_async_def_in_finally": ("def f():\n    try:\n        pass\n    finally:\n"
                                       "        async def g():\n            return 1\n"),
    "break_in_loop_in_finally": "try:\n    pass\nfinally:\n    for i in x:\n        break\n",
    "continue_in_while_in_finally": "try:\n    pass\nfinally:\n    while x:\n        continue\n",
    "return_in_loop_in_finally": ("def f():\n    try:\n        pass\n    finally:\n"
                                  "        for i in x:\n            return i\n"),
    "return_in_loop_else_in_finally": ("def f():\n    try:\n        pass\n    finally:\n"
                                       "        for i in x:\n            pass\n        else:\n            return 2\n"),
    "break_in_loop_else_in_finally": ("for j in y:\n    try:\n        pass\n    finally:\n"
                                      "        while x:\n            pass\n        else:\n            break\n"),
    "return_in_try_in_finally": ("def f():\n    try:\n        pass\n    finally:\n"
                                 "        try:\n            return 1\n        except E:\n            return 2\n"),
    "return_in_inner_finally": ("def f():\n    try:\n        try:\n            pass\n        finally:\n"
                                "            return 1\n    except E:\n        pass\n"),
    "return_in_except_not_finally": "def f():\n    try:\n        pass\n    except E:\n        return 1\n    else:\n        return 2\n",
    "try_star_finally": "def f():\n    try:\n        pass\n    except* E:\n        pass\n    finally:\n        return (\n            1)\n",
    "with_and_match_in_finally": ("def f():\n    try:\n        pass\n    finally:\n        with a:\n"
                                  "            match x:\n                case 1:\n                    return 1\n"),
    "class_method_in_finally": ("try:\n    pass\nfinally:\n    class C:\n        def m(self):\n"
                                "            return 1\n"),
    "loop_finally_in_finally": ("def f():\n    try:\n        pass\n    finally:\n        for i in x:\n"
                                "            try:\n                pass\n            finally:\n                continue\n"),
    "two_in_one_finally": ("def f():\n    for i in x:\n        try:\n            pass\n        finally:\n"
                           "            if i:\n                break\n            return i\n"),
    "module_return_in_finally": "try:\n    pass\nfinally:\n    return 1\n",
    "return_in_class_body_in_finally": ("def f():\n    try:\n        pass\n    finally:\n        class C:\n"
                                        "            return 1\n"),
    "is_literal_in_finally": "def f():\n    try:\n        pass\n    finally:\n        a = x is 1\n",
    "is_literal_in_finally_after_return": "def f():\n    try:\n        return g()\n    finally:\n        a = x is 1\n",
    "is_literal_in_nested_finally": ("try:\n    pass\nfinally:\n    try:\n        pass\n    finally:\n"
                                     "        a = x is 'a'\n"),
    "is_literal_in_finally_after_break": "for i in x:\n    try:\n        break\n    finally:\n        a = i is 1.5\n",
    "is_literal_after_finally_in_finally": ("try:\n    pass\nfinally:\n    try:\n        pass\n    finally:\n"
                                            "        pass\n    a = x is 1\n"),
    "call_literal_in_finally": "try:\n    pass\nfinally:\n    (1)()\n",
    "finally_then_symtable_error": "def f():\n    try:\n        pass\n    finally:\n        return\n    nonlocal y\n",
    "is_literal_then_codegen_error": "a = x is 1\nreturn\n",
    "codegen_error_then_is_literal": "return\na = x is 1\n",
    "finally_and_is_literal": "def f():\n    if x is 1:\n        pass\n    try:\n        pass\n    finally:\n        return\n",
    # `is` / `is not` with a literal: a tuple of constants counts as one.
    "is_empty_tuple": "a = [] is ()\n",
    "is_not_tuple": "a = x is not (1, 'b')\n",
    "tuple_is_name": "a = (1, 2.5, None) is x\n",
    "is_tuple_in_if": "if x is (1,):\n    pass\n",
    "is_tuple_in_chain": "a = x < y is (1, 2) < z\n",
    "is_tuple_with_name": "a = x is (1, y)\n",
    "is_nested_tuple": "a = x is ((1,), 2)\n",
    "is_negative_in_tuple": "a = x is (-1,)\n",
    "is_starred_tuple": "a = x is (*y,)\n",
    "is_list": "a = x is [1]\n",
    "is_singletons": "a = x is None or x is (None) or x is ... or x is not True\n",
}
NAMES = list(SNIPPETS)


@pytest.fixture(scope="module")
def expected(tmp_path_factory):
    root = tmp_path_factory.mktemp("warnings")
    (root / "probe.py").write_text(PROBE, "utf-8")
    (root / "snippets.json").write_text(json.dumps(list(SNIPPETS.values())), "utf-8")
    [result] = oracle.run([oracle.Job(root, ("probe.py", "snippets.json"), ("probe.py", "snippets.json"))])
    assert result.status == 0, result.stderr
    return dict(zip(NAMES, map(json.loads, result.stdout.splitlines())))


def _compile(source: str):
    return compile_module(astjson.load(astjson.export_source(source, dumps="hash", combos="corpus")), "<case>")


@pytest.mark.parametrize("name", NAMES)
def test_warnings_match(expected, name):
    want = expected[name]
    result = _compile(SNIPPETS[name])
    assert [[d.message, d.lineno] for d in result.warnings] == want["caught"]
    assert [d.message for d in result.errors][:1] == ([want["error"]] if "error" in want else [])
    if want["caught"]:
        first = result.warnings[0]
        assert [first.message, first.lineno, first.offset, first.end_lineno, first.end_offset] == want["first"]


def test_snippets_cover_both_outcomes(expected):
    """The set keeps cases where CPython warns and where it does not, for both checks."""
    warned = {name for name, row in expected.items() if row["caught"]}
    assert {"return_in_finally", "break_in_finally", "continue_in_finally", "is_empty_tuple"} <= warned
    assert {"return_in_nested_function", "break_in_loop_in_finally", "is_tuple_with_name"}.isdisjoint(warned)
