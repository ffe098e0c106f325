"""pipeline/parser_generated.py is what pipeline/grammar/generate.py makes of python.gram."""
from __future__ import annotations

from pipeline.grammar import generate


def test_generated_parser_is_current():
    expected = generate.generate(generate.GRAMMAR.read_text())
    assert generate.OUTPUT.read_text() == expected, (
        "pipeline/parser_generated.py is stale: run `python -m pipeline.grammar.generate`")


def test_left_recursion_leaders():
    _, rules = generate.parse_grammar(generate.GRAMMAR.read_text())
    gen = generate._Gen("", rules)
    leaders = sorted(name for name, rule in gen.rules.items() if rule.leader)
    assert leaders == ["attr", "bitwise_and", "bitwise_or", "bitwise_xor", "dotted_name", "primary",
                       "shift_expr", "sum", "t_primary", "term"]


def test_metagrammar_features():
    text = '''
@header """X = 1"""
start: a=[b] c=(','.d+)? e=f* &'(' !')' ~ $ { (a, c, e) }
b (memo): "soft" | 'if' | NAME
d: NUMBER
f: '+' | invalid_f
invalid_f: '-' { P.boom() }
'''
    code = generate.generate(text.replace('"""', "'''"))
    assert "def r_start(_p):" in code and "_m_b = [None] * _N" in code
    assert "if call_invalid:" in code
    compile(code, "<generated>", "exec")
