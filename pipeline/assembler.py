"""The 3.14 encodings the assembler owns (`Python/assemble.c`): instruction units with EXTENDED_ARG and
inline caches, the location table, and the exception table.

Every encoder makes the same choices CPython's does, so that the bytes are identical, not merely
equivalent: `pipeline.codeobject` decodes what these produce, and the tests re-encode every table
real CPython 3.14 produced for the standard library and compare the bytes.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from pipeline import facts
from pipeline.codeobject import (CODE_UNIT, LOCATION_LONG, LOCATION_MAX_UNITS, LOCATION_NO_COLUMNS,
                                 LOCATION_NONE, LOCATION_ONE_LINE_FORMS, LOCATION_SHORT_FORMS, ExceptionEntry,
                                 Location)

EXTENDED_ARG = facts.OPMAP["EXTENDED_ARG"]
CACHE = facts.OPMAP["CACHE"]
MAX_OPARG = (1 << 32) - 1


def instruction_units(opname: str, oparg: int = 0) -> int:
    """Code units the instruction occupies: EXTENDED_ARG prefixes, itself, its inline caches."""
    if not 0 <= oparg <= MAX_OPARG:
        raise ValueError(f"oparg {oparg} out of range")
    prefixes = (oparg > 0xFF) + (oparg > 0xFFFF) + (oparg > 0xFFFFFF)
    return prefixes + 1 + facts.INLINE_CACHE_ENTRIES.get(opname, 0)


def encode_instruction(opname: str, oparg: int = 0) -> bytes:
    """The instruction's code units: the high bytes of `oparg` in EXTENDED_ARG units (most
    significant first), the opcode with the low byte, then its zeroed CACHE units."""
    units = instruction_units(opname, oparg)
    caches = facts.INLINE_CACHE_ENTRIES.get(opname, 0)
    out = bytearray()
    for shift in range(8 * (units - caches - 1), 0, -8):
        out += bytes((EXTENDED_ARG, (oparg >> shift) & 0xFF))
    out += bytes((facts.OPMAP[opname], oparg & 0xFF))
    out += bytes((CACHE, 0)) * caches
    return bytes(out)


def _varint(value: int) -> bytes:
    """Location-table varint: 6-bit chunks, least significant first, bit 6 = more follow."""
    out = bytearray()
    while value >= 64:
        out.append((value & 63) | 64)
        value >>= 6
    out.append(value)
    return bytes(out)


def _svarint(value: int) -> bytes:
    return _varint(((-value) << 1) | 1 if value < 0 else value << 1)


@dataclasses.dataclass(frozen=True, slots=True)
class LocationRun:
    """`units` consecutive code units (any number >= 1) sharing one source location.

    Columns may be None (unknown); `lineno` None means no location. An `end_lineno` of None (the
    compiler's -1) is only expected without columns, where it encodes like `end_lineno == lineno`;
    otherwise `end_lineno >= lineno`.
    """
    location: Location
    units: int


def _location_entry(location: Location, units: int, line: int) -> tuple[bytes, int]:
    """One entry of 1..8 units, as `write_location_info_entry` chooses its form; returns it and the new running line."""
    def head(kind: int) -> bytes:
        return bytes((0x80 | (kind << 3) | (units - 1),))

    lineno, end_lineno, col, end_col = location.as_tuple()
    if lineno is None:
        return head(LOCATION_NONE), line
    delta = lineno - line
    if col is None or end_col is None:
        if end_lineno is None or end_lineno == lineno:
            return head(LOCATION_NO_COLUMNS) + _svarint(delta), lineno
    elif end_lineno == lineno:
        if delta == 0 and col < 80 and 0 <= end_col - col < 16:
            group, low = divmod(col, 8)
            return head(LOCATION_SHORT_FORMS[group]) + bytes(((low << 4) | (end_col - col),)), line
        if 0 <= delta < len(LOCATION_ONE_LINE_FORMS) and col < 128 and end_col < 128:
            return head(LOCATION_ONE_LINE_FORMS[delta]) + bytes((col, end_col)), lineno
    # Unknown parts are stored as 0 (values are stored plus one); an unknown end line as no delta.
    end_delta = 0 if end_lineno is None else end_lineno - lineno
    body = _svarint(delta) + _varint(end_delta) + _varint(0 if col is None else col + 1) \
        + _varint(0 if end_col is None else end_col + 1)
    return head(LOCATION_LONG) + body, lineno


def encode_linetable(runs: Iterable[LocationRun], firstlineno: int) -> bytes:
    """The location table for consecutive runs. Runs are written as given (CPython writes one run per
    maximal group of adjacent instructions with the same location); each is split into entries of at
    most 8 units, full ones first. Line deltas count from `firstlineno`."""
    out = bytearray()
    line = firstlineno
    for run in runs:
        remaining = run.units
        while remaining > 0:
            units = min(remaining, LOCATION_MAX_UNITS)
            entry, line = _location_entry(run.location, units, line)
            out += entry
            remaining -= units
    return bytes(out)


def runs_from_spans(spans: Iterable[tuple[Location, int]]) -> list[LocationRun]:
    """Group per-instruction (location, units) pairs into runs, merging neighbours with equal
    locations, as `assemble_location_info` does."""
    runs: list[LocationRun] = []
    for location, units in spans:
        if runs and runs[-1].location == location:
            runs[-1] = LocationRun(location, runs[-1].units + units)
        else:
            runs.append(LocationRun(location, units))
    return runs


def _exception_item(value: int, first: bool) -> bytes:
    """Exception-table varint: 6-bit chunks, most significant first, bit 6 = more follow; bit 7
    marks the first byte of an entry."""
    if not 0 <= value < 1 << 30:
        raise ValueError(f"exception table value {value} out of range")
    chunks = [value & 63]
    value >>= 6
    while value:
        chunks.append(value & 63)
        value >>= 6
    chunks.reverse()
    out = bytearray((chunk | 64) for chunk in chunks[:-1])
    out.append(chunks[-1])
    if first:
        out[0] |= 0x80
    return bytes(out)


def encode_exceptiontable(entries: Iterable[ExceptionEntry]) -> bytes:
    """The exception table for entries in byte offsets (as `CodeObject.exception_entries` gives
    them): start, length and target in code units, then depth * 2 + lasti."""
    out = bytearray()
    for entry in entries:
        if entry.end <= entry.start or entry.start % CODE_UNIT or entry.end % CODE_UNIT or entry.target % CODE_UNIT:
            raise ValueError(f"bad exception table entry {entry}")
        out += _exception_item(entry.start // CODE_UNIT, True)
        out += _exception_item((entry.end - entry.start) // CODE_UNIT, False)
        out += _exception_item(entry.target // CODE_UNIT, False)
        out += _exception_item((entry.depth << 1) | entry.lasti, False)
    return bytes(out)
