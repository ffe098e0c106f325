"""`parse_for_editor`: never raises, is `parse()` on valid text, and recovers statement by statement.

Each unit case gives a broken text and, by hand, the same text after each broken statement in
turn is replaced by `pass` (inputs, not expectations). The expected errors are CPython's for
the text and for each of those but the last (the oracle compiles them), and the last must
compile; the editor tree must be the last one's tree with the error nodes where the `pass`es are.
"""
from __future__ import annotations

import json
import random
import re
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks import recovery
from pipeline import astnodes as A
from pipeline.astdump import dump
from pipeline.astutil import walk
from pipeline.editor_parse import ErrorNode, parse_for_editor
from pipeline.parser import decode_source, parse
from tests import oracle

# name -> (text, [text with the 1st broken statement replaced, ... with all of them replaced])
CASES = {
    "method_in_class": (
        "class A:\n    def m(self):\n        x = (1 +)\n        return x\n\n    def n(self):\n"
        "        return 2\n\ndef g():\n    return 3\n",
        ["class A:\n    def m(self):\n        pass\n        return x\n\n    def n(self):\n"
         "        return 2\n\ndef g():\n    return 3\n"]),
    "unclosed_bracket": (
        "def f():\n    x = foo(a,\n    y = 2\n\ndef g():\n    pass\n",
        ["def f():\n    pass\n    y = 2\n\ndef g():\n    pass\n"]),
    "unclosed_bracket_at_top": (
        "import os\nx = [1, 2,\ny = 3\nclass C:\n    z = {\n    def m(self): pass\n",
        ["import os\npass\ny = 3\nclass C:\n    z = {\n    def m(self): pass\n",
         "import os\npass\ny = 3\nclass C:\n    pass\n    def m(self): pass\n"]),
    "unexpected_indent": (
        "def f():\n    a = 1\n      b = 2\n      b2 = 3\n    c = 3\ndef g():\n   pass\n",
        ["def f():\n    a = 1\n    pass\n\n    c = 3\ndef g():\n   pass\n"]),
    "unindent_mismatch": (
        "class K:\n    def f(self):\n        a = 1\n      b = 2\n        c = 3\n    d = 4\n",
        ["class K:\n    def f(self):\n        a = 1\n        pass\n        c = 3\n    d = 4\n"]),
    "several": (
        "x = (1,\ndef f():\n    y = 1 +\n    return y\nclass C:\n    z = ]\nw = 4\n",
        # The lexer's error on line 6 comes before the parser's on line 3 (CPython's order).
        ["pass\ndef f():\n    y = 1 +\n    return y\nclass C:\n    z = ]\nw = 4\n",
         "pass\ndef f():\n    y = 1 +\n    return y\nclass C:\n    pass\nw = 4\n",
         "pass\ndef f():\n    pass\n    return y\nclass C:\n    pass\nw = 4\n"]),
    "eof_open_def": (
        "def f():\n    return 1\n\ndef g(",
        ["def f():\n    return 1\n\npass"]),
    "eof_missing_body": (
        "class A:\n    x = 1\n    def m(self):\n",
        ["class A:\n    x = 1\n    pass\n"]),
    "tabs": (
        "if True:\n\tx = 1\n        y = 2\nz = 3\n",
        ["if True:\n\tx = 1\n\tpass\nz = 3\n"]),
    "crlf": (
        "def f():\r\n    x = [1,\r\n    return x\r\n\r\ndef g():\r\n    pass\r\n",
        ["def f():\r\n    pass\r\n    return x\r\n\r\ndef g():\r\n    pass\r\n"]),
    "decorated_header": (
        "@dec\ndef f(x:\n    return x\ny = 1\n",
        ["pass\n\n\ny = 1\n"]),
    "elif_without_colon": (
        "def f(a):\n    if a:\n        return 1\n    elif a > 2\n        return 2\n    else:\n"
        "        return 3\ndef g(): pass\n",
        ["def f(a):\n    pass\n\n\n\n\n\ndef g(): pass\n"]),
    "lexer_error_later": (
        'x = = 1\ndef f():\n    pass\ns = """abc\n',
        ['x = = 1\ndef f():\n    pass\npass\n',
         'pass\ndef f():\n    pass\npass\n']),
    "string_split_by_newline": (
        "def f():\n    print('abc\ndef')\n    return 1\n",
        ["def f():\n    pass\ndef')\n    return 1\n",
         "def f():\n    pass\n\n    return 1\n"]),
    "else_branch_then_decorated": (
        "import os\nif os:\n    a = 1\nelse:\n    b = (1 +)\n    c = 2\n@dec\n@dec2\n"
        "def f():\n    d = [\n    return d\ne = 5 5\n",
        ["import os\nif os:\n    a = 1\nelse:\n    pass\n    c = 2\n@dec\n@dec2\n"
         "def f():\n    d = [\n    return d\ne = 5 5\n",
         "import os\nif os:\n    a = 1\nelse:\n    pass\n    c = 2\n@dec\n@dec2\n"
         "def f():\n    pass\n    return d\ne = 5 5\n",
         "import os\nif os:\n    a = 1\nelse:\n    pass\n    c = 2\n@dec\n@dec2\n"
         "def f():\n    pass\n    return d\npass\n"]),
    "block_first_line_misindented": (
        "class K:\n    def f(self, lock=None):\n        if lock is None:\n   %         lock = 1\n"
        "        return lock\n    def g(self):\n        pass\n",
        ["class K:\n    def f(self, lock=None):\n        if lock is None:\n            pass\n"
         "        return lock\n    def g(self):\n        pass\n"]),
    "try_lost_its_except": (
        "def f():\n    try:\n        x = 1\n       except ValueError:\n        x = 2\n    return x\n"
        "def g():\n    pass\n",
        ["def f():\n    try:\n        x = 1\n        pass\n        x = 2\n    return x\n"
         "def g():\n    pass\n",
         "def f():\n    pass\n\n\n\n    return x\ndef g():\n    pass\n"]),
    "match_case_body": (
        "match x:\n    case 1:\n        a b\n    case 2:\n        pass\ny = 1\n",
        ["match x:\n    case 1:\n        pass\n    case 2:\n        pass\ny = 1\n"]),
}


@pytest.fixture(scope="module")
def cpython(tmp_path_factory) -> dict[str, dict]:
    """CPython's compile() error (or {"type": None}) for every text of CASES."""
    d = tmp_path_factory.mktemp("editor_cases")
    shutil.copy(oracle.HERE / "syntax_error.py", d)
    texts = sorted({t for text, reduced in CASES.values() for t in (text, *reduced)})
    names = []
    for i, text in enumerate(texts):
        names.append(f"case{i}.py")
        (d / names[-1]).write_bytes(text.encode("utf-8", "surrogatepass"))
    jobs = [oracle.Job(d, ("syntax_error.py", name), ("syntax_error.py", name)) for name in names]
    results = oracle.run(jobs)
    assert all(r.status == 0 for r in results), [r.stderr for r in results if r.status]
    return {text: json.loads(r.stdout) for text, r in zip(texts, results)}


def _as_json(e) -> dict:
    return {"type": e.kind, "msg": e.message, "lineno": e.lineno, "offset": e.offset,
            "end_lineno": e.end_lineno, "end_offset": e.end_offset}


def _key(e: dict) -> tuple:
    return e["lineno"], e["offset"] or 0


def _without_error_nodes(tree) -> str:
    return re.sub(r"ErrorNode\(message=(?:'[^']*'|\"[^\"]*\")\)", "Pass()", dump(tree))


@pytest.mark.parametrize("name", sorted(CASES))
def test_case(name, cpython):
    text, reduced = CASES[name]
    result = parse_for_editor(text, f"{name}.py")
    assert cpython[reduced[-1]] == {"type": None}
    earlier = (text, *reduced[:-1])
    # The errors are the parser's for each text (the parser's own tests hold it to CPython's
    # positions), and CPython's errors by kind, message and line.
    parser = sorted((_as_json(parse(t).errors[0]) for t in earlier), key=_key)
    assert [_as_json(e) for e in result.errors] == parser
    assert parse(text, f"{name}.py").errors[0] in result.errors   # the first is the parser's own
    oracle_errors = sorted((cpython[t] for t in earlier), key=_key)
    assert [(e["type"], e["msg"], e["lineno"]) for e in parser] == \
        [(e["type"], e["msg"], e["lineno"]) for e in oracle_errors]
    final = parse(reduced[-1]).tree
    assert _without_error_nodes(result.tree) == dump(final)
    assert _error_nodes_in(result.tree) == result.error_nodes and 1 <= len(result.error_nodes) <= len(reduced)


@pytest.mark.parametrize("name", sorted(CASES))
def test_case_positions_are_cpythons(name, cpython):
    text, reduced = CASES[name]
    result = parse_for_editor(text, f"{name}.py")
    expected = sorted((cpython[t] for t in (text, *reduced[:-1])), key=_key)
    assert [_as_json(e) for e in result.errors] == expected


def _error_nodes_in(tree) -> list[ErrorNode]:
    return sorted((n for n in walk(tree) if isinstance(n, ErrorNode)), key=lambda n: (n.lineno, n.col_offset))


def _defs(tree) -> list[tuple]:
    return [(type(n).__name__, n.name, n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)
            for n in walk(tree) if isinstance(n, (A.FunctionDef, A.ClassDef))]


def test_spans_around_the_broken_statement():
    text, _ = CASES["method_in_class"]
    result = parse_for_editor(text)
    # m ends where its broken statement ended; n and g keep the spans parse() gives them.
    valid = {d[1]: d for d in _defs(parse(text.replace("(1 +)", "(1 + 2)")).tree)}
    by_name = {d[1]: d for d in _defs(result.tree)}
    assert sorted(by_name) == ["A", "g", "m", "n"]
    assert (by_name["A"], by_name["n"], by_name["g"]) == (valid["A"], valid["n"], valid["g"])
    assert by_name["m"] == valid["m"]
    node, = result.error_nodes
    assert (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset) == (3, 8, 3, 17)


def test_error_node_columns_are_utf8_bytes():
    result = parse_for_editor("def f():\n    é = (1 +)\n    return é\n")
    node, = result.error_nodes
    assert (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset) == (2, 4, 2, 14)
    assert "ErrorNode(message=" in dump(result.tree)


def test_valid_text_is_parse():
    text = "import os\n\nclass A:\n    def m(self, x: int) -> int:\n        return x\n"
    result = parse_for_editor(text)
    assert result.errors == [] and result.error_nodes == []
    assert dump(result.tree, include_attributes=True) == dump(parse(text).tree, include_attributes=True)


@pytest.mark.parametrize("text", [
    "\0" * 50, "x = '\ud800\udfff' +\n", "\ufeffdef f(:\n", "(" * 1000 + ")" * 1000,
    "[" * 1000, "if 1:\n" + "".join(" " * i + "if 1:\n" for i in range(1, 120)),
    "\t\t  \n  \tx\n\t y\n", "'''else:\nlambda\r\nasync \n\x00)x = (elif y:\n}' '''\t$@d\n elif y:\n\ufeff\t1", "\r\r\r)\r", "def f():\n" * 120, "\\", "'''", "f'{", "x = 1\n  " * 200,
])
def test_never_raises_on_odd_text(text):
    _check(text)


def test_five_megabytes_terminates():
    # Big text that is cheap to parse (one long string), with errors before and after it.
    body = "a" * 5_000_000
    for text in (f"def f(:\n    pass\ns = '''{body}'''\nx = (\ny = 1\n", f"x = 1 +\ns = '''{body}\n"):
        result = parse_for_editor(text)
        assert len(result.errors) == 2 and len(result.error_nodes) == 2


def _check(text: str):
    result = parse_for_editor(text)
    plain = parse(text)
    if not plain.errors:
        assert result.errors == [] and result.error_nodes == []
        assert dump(result.tree, include_attributes=True) == dump(plain.tree, include_attributes=True)
        return
    assert plain.errors[0] in result.errors
    assert isinstance(result.tree, A.Module)
    assert _error_nodes_in(result.tree) == result.error_nodes and result.error_nodes
    assert result.errors == sorted(result.errors, key=lambda e: (e.lineno or 0, e.offset or 0))


FRAGMENTS = [
    "def f(x):\n", "class C:\n", "    ", "\t", "\n", "\r\n", "if x:\n", "else:\n", "elif y:\n",
    "try:\n", "except E:\n", "finally:\n", "return x\n", "pass\n", "x = (", ")", "[", "]", "{",
    "}", "'", '"', "'''", '"""', "f'{", "}'", "#", "\\\n", "@d\n", "lambda", ":", ",", "=", "1",
    "match x:\n", "case 1:\n", "async ", "await ", "yield", "é", "\0", "\ufeff", "\ud800", "$", " ",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3)), max_size=30).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_random_text(text):
    _check(text)


_SMALL = None


def _small_corpus() -> list[str]:
    global _SMALL
    if _SMALL is None:
        root = oracle.corpus_dir()
        sized = sorted((p.stat().st_size, n) for n in oracle.corpus_files() for p in [root / n])
        _SMALL = [decode_source((root / n).read_bytes()) for size, n in sized if 2000 < size < 6000][:40]
    return _SMALL


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=10**9), st.booleans(), st.sampled_from(recovery.ALPHABET))
def test_one_character_edits_of_corpus_files(seed, delete, char):
    files = _small_corpus()
    rng = random.Random(seed)
    text = files[rng.randrange(len(files))]
    at = rng.randrange(len(text))
    _check(text[:at] + text[at + 1:] if delete else text[:at] + char + text[at:])


def test_recovery_bar_on_a_sample():
    """The bar (benchmarks/recovery.py prints it over 1,000 variants): >= 95% of the module- and
    class-level definitions outside the broken statement keep their name and span."""
    sample = recovery.variants(40, seed=7, max_size=30_000)
    figure = recovery.measure(sample)
    assert figure.broken >= 5 and figure.counted > 200   # the sample does break things
    assert figure.ratio >= 0.95, figure.misses[:10]


def test_the_editor_analysis_reports_every_error_and_keeps_the_outline():
    """What the language server publishes: each broken statement's error (CPython's first one
    among them; all in source order), and the definitions around them in the outline and tree."""
    from pipeline.analysis import analyze

    text, _ = CASES["several"]
    result = analyze(text)
    expected = parse_for_editor(text, "<editor>")
    assert not result.parses and len(expected.errors) == 3
    assert [d.message for d in result.diagnostics] == [e.message for e in expected.errors]
    assert parse(text, "<editor>").errors[0].message in [d.message for d in result.diagnostics]
    assert [item.name for item in result.outline] == ["f", "C", "w"]
    assert sum(isinstance(node, ErrorNode) for node in walk(result.tree)) == 3
