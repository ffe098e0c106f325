"""Which `invalid_*` alternatives of our 3.14 grammar the invalid snippets exercise.

tests/test_parser.py checks each snippet's error report against the oracle; this module checks
that the set reaches every `invalid_*` rule: every alternative of every rule raises for at least
one snippet (traced with `pipeline.parser.trace_invalid_rules`), except the alternatives listed
below with the reason they cannot raise, each checked to stay unreached.
"""
from __future__ import annotations

from pathlib import Path

from pipeline.grammar.generate import GRAMMAR, parse_grammar
from pipeline.parser import parse, trace_invalid_rules

CASES = Path(__file__).resolve().parent / "cases" / "syntax_errors"

# Rules that only return a value to an alternative of another `invalid_*` rule, which raises:
# they are exercised when that alternative raises (the snippet named shows one such input).
HELPERS: dict[str, tuple[str, int]] = {
    "invalid_ann_assign_target": ("invalid_assignment", 1),   # annotate_list.py, annotate_paren_tuple.py
    "invalid_parameters_helper": ("invalid_parameters", 3),   # nondefault_after_default.py
    "invalid_lambda_parameters_helper": ("invalid_lambda_parameters", 3),
    "invalid_class_argument_pattern": ("invalid_class_pattern", 1),
}

# Alternatives no input can make raise in 3.14, and why.
UNREACHABLE: dict[tuple[str, int], str] = {
    ("invalid_arguments", 3):
        "`f(a=x for x in y)`: `args` is tried before `invalid_arguments` at the same position, and "
        "its `invalid_kwarg` alternative 2 matches the same tokens and raises the same message first",
    ("invalid_fstring_replacement_field", 11):
        "alternatives 9 and 10 raise for every field that is not `{expr[=][!conv]:spec}` closed by "
        "'}'; what is left is a well-formed field, which the first pass accepts",
    ("invalid_tstring_replacement_field", 11):
        "as for f-strings: alternatives 9 and 10 leave only well-formed fields",
}


def _alternatives() -> dict[tuple[str, int], None]:
    _, rules = parse_grammar(GRAMMAR.read_text(encoding="utf-8"))
    return {(r.name, n): None for r in rules if r.name.startswith("invalid_")
            for n in range(1, len(r.alts) + 1)}


def _hits() -> set[tuple[str, int]]:
    hits: set[tuple[str, int]] = set()
    for path in sorted(CASES.glob("*.py")):
        with trace_invalid_rules() as trace:
            result = parse(path.read_bytes(), path.name)
        assert result.errors, f"{path.name} parses: not an invalid snippet"
        for chain in trace:
            hits.update(chain)
    return hits


def test_every_invalid_alternative_raises():
    alternatives = _alternatives()
    assert len({rule for rule, _ in alternatives}) >= 60, "the grammar's invalid_* rules were not found"
    hits = _hits()
    helper_alts = {a for a in alternatives if a[0] in HELPERS}
    missing = [a for a in alternatives if a not in hits and a not in helper_alts and a not in UNREACHABLE]
    assert missing == [], "no snippet makes these alternatives raise"
    assert [a for a in UNREACHABLE if a in hits] == [], "listed as unreachable, yet reached"
    assert all(a in alternatives for a in UNREACHABLE)
    for helper, user in HELPERS.items():
        assert user in hits, f"{helper}: {user} never raises"
    assert hits <= set(alternatives)


def test_trace_is_off_by_default():
    with trace_invalid_rules() as trace:
        parse("f(a=)\n")
    assert trace == [(("invalid_arguments", 4),)]
    parse("f(a=)\n")
    assert trace == [(("invalid_arguments", 4),)]
