"""CPython 3.14's code object, as a value: the fields `marshal` carries, and the views derived from them.

`CodeObject.co_code` is the 3.14 instruction stream: 2-byte code units `(opcode, oparg)`, each
instruction followed by `INLINE_CACHE_ENTRIES[name]` zeroed CACHE units, opargs wider than 8 bits
spelled with leading EXTENDED_ARG units. `co_linetable` and `co_exceptiontable` use the 3.14 encodings
(see `InternalDocs/code_objects.md` and `InternalDocs/exception_handling.md` in CPython); this module
decodes them exactly as `Objects/codeobject.c` and `Lib/dis.py` do, and `pipeline.assembler` encodes them.

Constants (`co_consts`) are host values for None, Ellipsis, bool, int, float, complex, str, bytes,
tuple and slice; nested code objects are `CodeObject`s; frozensets are `FrozenSetConstant`s, which
keep the element order CPython iterates (and so prints) them in.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from pipeline import facts

CO_FAST_ARG_POS = facts.CO_FAST_KINDS["CO_FAST_ARG_POS"]
CO_FAST_ARG_KW = facts.CO_FAST_KINDS["CO_FAST_ARG_KW"]
CO_FAST_ARG_VAR = facts.CO_FAST_KINDS["CO_FAST_ARG_VAR"]
CO_FAST_HIDDEN = facts.CO_FAST_KINDS["CO_FAST_HIDDEN"]
CO_FAST_LOCAL = facts.CO_FAST_KINDS["CO_FAST_LOCAL"]
CO_FAST_CELL = facts.CO_FAST_KINDS["CO_FAST_CELL"]
CO_FAST_FREE = facts.CO_FAST_KINDS["CO_FAST_FREE"]

CODE_UNIT = 2
"""Bytes per code unit: offsets in bytes are twice the unit indices the tables store."""

# `_PyCodeLocationInfoKind`: the 4-bit code in the first byte of a location entry.
LOCATION_SHORT_FORMS = range(0, 10)     # same line; column // 8 is the code
LOCATION_ONE_LINE_FORMS = range(10, 13)  # line delta is code - 10; column bytes follow
LOCATION_NO_COLUMNS = 13
LOCATION_LONG = 14
LOCATION_NONE = 15
LOCATION_MAX_UNITS = 8
"""A location entry covers 1..8 code units; longer runs are split into several entries."""


@dataclasses.dataclass(frozen=True, slots=True)
class FrozenSetConstant:
    """A frozenset constant; `items` is in CPython's iteration order, which its repr follows."""
    items: tuple


@dataclasses.dataclass(frozen=True, slots=True)
class Location:
    """A source span; any part may be None. `lineno` None means the code has no location at all."""
    lineno: int | None
    end_lineno: int | None
    col_offset: int | None
    end_col_offset: int | None

    def as_tuple(self) -> tuple:
        return (self.lineno, self.end_lineno, self.col_offset, self.end_col_offset)


NO_LOCATION = Location(None, None, None, None)


@dataclasses.dataclass(frozen=True, slots=True)
class LocationEntry:
    """One decoded entry of `co_linetable`: `units` code units (1..8) sharing `location`.

    `kind` is the entry code it was read from (short forms store the column group in it).
    """
    units: int
    kind: int
    location: Location


@dataclasses.dataclass(frozen=True, slots=True)
class ExceptionEntry:
    """A `co_exceptiontable` entry, in byte offsets as `dis` reports it: [start, end) -> target."""
    start: int
    end: int
    target: int
    depth: int
    lasti: bool


def _read_varint(data: bytes, pos: int) -> tuple[int, int]:
    """Location-table varint: 6-bit chunks, least significant first, bit 6 = more follow."""
    byte = data[pos]
    pos += 1
    value = byte & 63
    shift = 6
    while byte & 64:
        byte = data[pos]
        pos += 1
        value |= (byte & 63) << shift
        shift += 6
    return value, pos


def _read_svarint(data: bytes, pos: int) -> tuple[int, int]:
    value, pos = _read_varint(data, pos)
    return (-(value >> 1) if value & 1 else value >> 1), pos


def decode_linetable(linetable: bytes, firstlineno: int) -> list[LocationEntry]:
    """The entries of a 3.14 location table, as `Objects/codeobject.c` reads them."""
    entries = []
    line = firstlineno
    pos = 0
    while pos < len(linetable):
        first = linetable[pos]
        pos += 1
        kind = (first >> 3) & 15
        units = (first & 7) + 1
        if kind == LOCATION_NONE:
            location = NO_LOCATION
        elif kind == LOCATION_LONG:
            delta, pos = _read_svarint(linetable, pos)
            line += delta
            end_delta, pos = _read_varint(linetable, pos)
            col, pos = _read_varint(linetable, pos)
            end_col, pos = _read_varint(linetable, pos)
            # Columns are stored plus one so that 0 can stand for "unknown".
            location = Location(line, line + end_delta, col - 1 if col else None, end_col - 1 if end_col else None)
        elif kind == LOCATION_NO_COLUMNS:
            delta, pos = _read_svarint(linetable, pos)
            line += delta
            location = Location(line, line, None, None)
        elif kind in LOCATION_ONE_LINE_FORMS:
            line += kind - LOCATION_ONE_LINE_FORMS.start
            location = Location(line, line, linetable[pos], linetable[pos + 1])
            pos += 2
        else:
            second = linetable[pos]
            pos += 1
            col = kind * 8 + ((second >> 4) & 7)
            location = Location(line, line, col, col + (second & 15))
        entries.append(LocationEntry(units, kind, location))
    return entries


def _read_exception_varint(data: bytes, pos: int) -> tuple[int, int]:
    """Exception-table varint: 6-bit chunks, most significant first, bit 6 = more follow (bit 7 marks an entry)."""
    byte = data[pos]
    pos += 1
    value = byte & 63
    while byte & 64:
        byte = data[pos]
        pos += 1
        value = (value << 6) | (byte & 63)
    return value, pos


def decode_exceptiontable(table: bytes) -> list[ExceptionEntry]:
    """The entries of a 3.14 exception table, offsets converted to bytes (as `dis` shows them)."""
    entries = []
    pos = 0
    while pos < len(table):
        start, pos = _read_exception_varint(table, pos)
        length, pos = _read_exception_varint(table, pos)
        target, pos = _read_exception_varint(table, pos)
        depth_lasti, pos = _read_exception_varint(table, pos)
        entries.append(ExceptionEntry(start * CODE_UNIT, (start + length) * CODE_UNIT, target * CODE_UNIT,
                                      depth_lasti >> 1, bool(depth_lasti & 1)))
    return entries


CACHE_UNITS = {facts.OPMAP[name]: count for name, count in facts.INLINE_CACHE_ENTRIES.items()}
"""Opcode -> inline CACHE units following it (opcodes without caches are absent)."""
_QUICKENED_BY_OPCODE = {facts.OPMAP[name]: value for name, value in facts.QUICKENED_COUNTERS.items()}


def quicken(code: bytes) -> bytes:
    """`_co_code_adaptive` of a code object that has not run yet: each instruction's first cache unit
    holds the warm-up counter `_PyCode_Quicken` puts there; every opcode is unchanged."""
    out = bytearray(code)
    pos = 0
    while pos < len(code):
        op = code[pos]
        if op in _QUICKENED_BY_OPCODE:
            out[pos + 2:pos + 4] = _QUICKENED_BY_OPCODE[op].to_bytes(2, "little")
        pos += CODE_UNIT * (1 + CACHE_UNITS.get(op, 0))
    return bytes(out)


@dataclasses.dataclass(frozen=True, slots=True)
class CodeObject:
    """A 3.14 code object. Invariants: `len(co_localsplusnames) == len(co_localspluskinds)`;
    `co_code` has even length; the tables decode to offsets within `co_code`."""
    co_code: bytes
    co_consts: tuple
    co_names: tuple[str, ...]
    co_localsplusnames: tuple[str, ...]
    co_localspluskinds: bytes
    co_argcount: int
    co_posonlyargcount: int
    co_kwonlyargcount: int
    co_stacksize: int
    co_flags: int
    co_name: str
    co_qualname: str
    co_filename: str
    co_firstlineno: int
    co_linetable: bytes
    co_exceptiontable: bytes

    def _names_of_kind(self, kind: int) -> tuple[str, ...]:
        return tuple(name for name, k in zip(self.co_localsplusnames, self.co_localspluskinds) if k & kind)

    @property
    def co_varnames(self) -> tuple[str, ...]:
        return self._names_of_kind(CO_FAST_LOCAL)

    @property
    def co_cellvars(self) -> tuple[str, ...]:
        return self._names_of_kind(CO_FAST_CELL)

    @property
    def co_freevars(self) -> tuple[str, ...]:
        return self._names_of_kind(CO_FAST_FREE)

    @property
    def co_nlocals(self) -> int:
        return len(self.co_varnames)

    @property
    def co_code_adaptive(self) -> bytes:
        """What `_co_code_adaptive` holds before the code first runs (see `quicken`)."""
        return quicken(self.co_code)

    def varname_from_oparg(self, oparg: int) -> str:
        """The local, cell or free variable an oparg of a *_FAST / *_DEREF instruction names."""
        return self.co_localsplusnames[oparg]

    def location_entries(self) -> list[LocationEntry]:
        return decode_linetable(self.co_linetable, self.co_firstlineno)

    def co_positions(self) -> Iterator[tuple]:
        """One (lineno, end_lineno, col_offset, end_col_offset) per code unit, as far as the table goes."""
        for entry in self.location_entries():
            span = entry.location.as_tuple()
            for _ in range(entry.units):
                yield span

    def co_lines(self) -> Iterator[tuple[int, int, int | None]]:
        """(start, end, lineno) byte ranges; neighbouring entries on the same line are merged (PEP 626)."""
        start = end = 0
        line: int | None | bool = False  # False: no range open yet (None is a real "no line" value)
        for entry in self.location_entries():
            entry_line = entry.location.lineno
            if line is not False and entry_line != line:
                yield (start, end, line)
                start = end
            line = entry_line
            end += entry.units * CODE_UNIT
        if line is not False:
            yield (start, end, line)

    def exception_entries(self) -> list[ExceptionEntry]:
        return decode_exceptiontable(self.co_exceptiontable)
