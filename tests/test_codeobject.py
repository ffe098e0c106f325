"""The 3.14 encodings on small hand-made cases, with expected bytes worked out from the documented
formats (CPython's InternalDocs/code_objects.md and exception_handling.md), one per entry kind and
edge. The corpus-wide checks against real CPython output are in test_disassemble.py."""
from __future__ import annotations

import pytest

from pipeline import facts
from pipeline.assembler import (LocationRun, encode_exceptiontable, encode_instruction, encode_linetable,
                                instruction_units, runs_from_spans)
from pipeline.codeobject import (CO_FAST_CELL, CO_FAST_FREE, CO_FAST_HIDDEN, CO_FAST_LOCAL, CodeObject,
                                 ExceptionEntry, Location, decode_exceptiontable, decode_linetable, quicken)
from pipeline.disassemble import pretty_flags

EXTENDED_ARG = facts.OPMAP["EXTENDED_ARG"]
LOAD_CONST = facts.OPMAP["LOAD_CONST"]
LOAD_GLOBAL = facts.OPMAP["LOAD_GLOBAL"]


def _first_byte(kind: int, units: int) -> int:
    return 0x80 | (kind << 3) | (units - 1)


def test_instruction_extended_arg_and_caches():
    assert encode_instruction("LOAD_CONST", 0x45) == bytes((LOAD_CONST, 0x45))
    assert encode_instruction("LOAD_CONST", 0x12345) == bytes((EXTENDED_ARG, 0x01, EXTENDED_ARG, 0x23, LOAD_CONST, 0x45))
    assert instruction_units("LOAD_CONST", 0x1000000) == 4
    caches = facts.INLINE_CACHE_ENTRIES["LOAD_GLOBAL"]
    assert encode_instruction("LOAD_GLOBAL", 0x101) == bytes((EXTENDED_ARG, 1, LOAD_GLOBAL, 1)) + bytes(2 * caches)
    with pytest.raises(ValueError):
        encode_instruction("LOAD_CONST", 1 << 32)


# (location, units, running line before) -> expected entry bytes
LOCATION_CASES = [
    # Short form: same line, column 5 = group 0 + low bits 5, width 4.
    (Location(1, 1, 5, 9), 1, 1, bytes((_first_byte(0, 1), (5 << 4) | 4))),
    (Location(1, 1, 77, 77), 3, 1, bytes((_first_byte(9, 3), (5 << 4) | 0))),
    # One-line forms: line delta 0..2 in the code, columns as bytes.
    (Location(1, 1, 100, 110), 2, 1, bytes((_first_byte(10, 2), 100, 110))),
    (Location(3, 3, 1, 2), 1, 1, bytes((_first_byte(12, 1), 1, 2))),
    # No columns: signed varint line delta (-3 -> 7).
    (Location(7, 7, None, None), 1, 10, bytes((_first_byte(13, 1), 7))),
    (Location(5, None, None, None), 1, 1, bytes((_first_byte(13, 1), 8))),
    # Long form: multi-line span; columns stored plus one; 200 as varint 0x48 0x03.
    (Location(1, 3, 2, 4), 1, 1, bytes((_first_byte(14, 1), 0, 2, 3, 5))),
    (Location(2, 2, 199, 300), 1, 1, bytes((_first_byte(14, 1), 2, 0, 0x48, 0x03, 0x6D, 0x04))),
    (Location(4, 6, None, None), 1, 1, bytes((_first_byte(14, 1), 6, 2, 0, 0))),
    # No location.
    (Location(None, None, None, None), 8, 1, bytes((_first_byte(15, 8),))),
]


@pytest.mark.parametrize("location, units, line, expected", LOCATION_CASES)
def test_location_entry_forms(location, units, line, expected):
    assert encode_linetable([LocationRun(location, units)], line) == expected
    (entry,) = decode_linetable(expected, line)
    assert entry.units == units
    # An unknown end line decodes as the start line, as CPython's reader reports it.
    end_lineno = location.end_lineno if location.end_lineno is not None else location.lineno
    assert entry.location == Location(location.lineno, end_lineno, location.col_offset, location.end_col_offset)


def test_long_runs_are_chunked_by_eight():
    short = Location(1, 1, 0, 3)
    table = encode_linetable([LocationRun(short, 19)], 1)
    assert table == bytes((_first_byte(0, 8), 3, _first_byte(0, 8), 3, _first_byte(0, 3), 3))
    assert [e.units for e in decode_linetable(table, 1)] == [8, 8, 3]


def test_runs_merge_equal_neighbours_and_line_deltas_chain():
    a, b = Location(2, 2, 0, 1), Location(4, 4, 0, 1)
    runs = runs_from_spans([(a, 1), (a, 2), (b, 1)])
    assert runs == [LocationRun(a, 3), LocationRun(b, 1)]
    table = encode_linetable(runs, 1)
    assert table == bytes((_first_byte(11, 3), 0, 1, _first_byte(12, 1), 0, 1))
    code = _code(co_code=bytes(8), co_linetable=table)
    assert list(code.co_positions()) == [a.as_tuple()] * 3 + [b.as_tuple()]
    assert list(code.co_lines()) == [(0, 6, 2), (6, 8, 4)]


def test_co_lines_merges_entries_on_one_line_and_reports_none():
    table = encode_linetable([LocationRun(Location(1, 1, 0, 1), 1), LocationRun(Location(1, 1, 2, 3), 1),
                              LocationRun(Location(None, None, None, None), 1),
                              LocationRun(Location(1, 1, 0, 1), 1)], 1)
    code = _code(co_code=bytes(8), co_linetable=table)
    assert list(code.co_lines()) == [(0, 4, 1), (4, 6, None), (6, 8, 1)]


def test_exception_table_varints():
    entries = [ExceptionEntry(4, 20, 40, 1, True), ExceptionEntry(400, 402, 8, 0, False)]
    table = encode_exceptiontable(entries)
    # 2 units from 2, to 20, depth 1 with lasti; then start 200 = 3<<6 | 8 in two chunks.
    assert table == bytes((0x82, 8, 20, 3, 0x80 | 0x40 | 3, 8, 1, 4, 0))
    assert decode_exceptiontable(table) == entries
    with pytest.raises(ValueError):
        encode_exceptiontable([ExceptionEntry(4, 4, 8, 0, False)])


def _code(**fields) -> CodeObject:
    defaults = dict(co_code=b"", co_consts=(), co_names=(), co_localsplusnames=(), co_localspluskinds=b"",
                    co_argcount=0, co_posonlyargcount=0, co_kwonlyargcount=0, co_stacksize=0, co_flags=0,
                    co_name="f", co_qualname="f", co_filename="f.py", co_firstlineno=1, co_linetable=b"",
                    co_exceptiontable=b"")
    return CodeObject(**{**defaults, **fields})


def test_derived_variable_views():
    code = _code(co_localsplusnames=("a", "c", "h", "f"),
                 co_localspluskinds=bytes((CO_FAST_LOCAL | CO_FAST_CELL, CO_FAST_CELL,
                                           CO_FAST_LOCAL | CO_FAST_HIDDEN, CO_FAST_FREE)))
    assert code.co_varnames == ("a", "h")
    assert code.co_cellvars == ("a", "c")
    assert code.co_freevars == ("f",)
    assert code.co_nlocals == 2


def test_quicken_sets_first_cache_unit_only():
    code = encode_instruction("LOAD_GLOBAL", 0) + encode_instruction("LOAD_CONST", 0)
    counter = facts.QUICKENED_COUNTERS["LOAD_GLOBAL"].to_bytes(2, "little")
    assert quicken(code) == code[:2] + counter + code[4:]


def test_pretty_flags():
    assert pretty_flags(0) == "0x0"
    assert pretty_flags(3) == "OPTIMIZED, NEWLOCALS"
    assert pretty_flags(1 << 20 | 1) == "OPTIMIZED, 0x100000"
