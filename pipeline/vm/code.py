"""Decoded views of 3.14 code objects, computed once per code object and shared by every frame.

`decode(code)` turns `co_code` (16-bit units: opcode byte, argument byte, followed by the inline
CACHE units `INLINE_CACHE_ENTRIES` reserves) into a table indexed by code unit: for each
instruction start, the opcode name, its full argument (EXTENDED_ARG prefixes folded in) and the
unit index of the next instruction.  Jump targets are resolved to unit indexes the way
`bytecodes.c` computes them (relative to the instruction after the caches).  The exception table,
line table and positions come from the code object's own decoders, converted to unit indexes.
"""
from __future__ import annotations

import dataclasses

from pipeline import facts
from pipeline.codeobject import CODE_UNIT, CO_FAST_CELL, CO_FAST_FREE, FrozenSetConstant

OPNAME = {num: name for name, num in facts.OPMAP.items() if num < 256}
_CACHES = {facts.OPMAP[name]: n for name, n in facts.INLINE_CACHE_ENTRIES.items()}
_EXTENDED_ARG = facts.OPMAP["EXTENDED_ARG"]
_CACHE = facts.OPMAP["CACHE"]

# Jumps whose argument counts forward from the next instruction, and those counting backward.
_FORWARD = {"JUMP_FORWARD", "POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE", "POP_JUMP_IF_NONE",
            "POP_JUMP_IF_NOT_NONE", "FOR_ITER", "SEND"}
_BACKWARD = {"JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT", "END_ASYNC_FOR"}


@dataclasses.dataclass(frozen=True, slots=True)
class Handler:
    """One exception-table entry, in code units: instructions [start, end) go to `target`."""
    start: int
    end: int
    target: int
    depth: int
    lasti: bool


@dataclasses.dataclass(slots=True)
class Decoded:
    """Per-unit tables for one code object (index = byte offset // 2).

    `names[i]`/`args[i]`/`nexts[i]` are meaningful at instruction starts (EXTENDED_ARG prefixes
    decode as "EXTENDED_ARG" and fall through to the instruction they prefix); `jumps[i]` is the
    resolved target of a jump instruction, else -1.  `lines[i]` is the line of unit i (None when
    the instruction has no line).  `line_starts` holds the units where a tracer's line event may
    fire (first unit of each line run, jump targets, handler targets).
    """
    code: object
    names: list
    args: list
    nexts: list
    jumps: list
    handlers: tuple
    lines: list
    positions: list
    line_starts: frozenset
    consts: tuple
    cell_slots: frozenset


def _exception_entries(code) -> tuple[Handler, ...]:
    return tuple(Handler(e.start // CODE_UNIT, e.end // CODE_UNIT, e.target // CODE_UNIT, e.depth, e.lasti)
                 for e in code.exception_entries())


def decode(code) -> Decoded:
    raw = code.co_code
    n = len(raw) // CODE_UNIT
    names: list = [None] * n
    args = [0] * n
    nexts = [0] * n
    jumps = [-1] * n
    i = 0
    ext = 0
    while i < n:
        op = raw[CODE_UNIT * i]
        arg = raw[CODE_UNIT * i + 1] | ext
        name = OPNAME.get(op)
        if name is None:
            raise ValueError(f"unknown opcode {op} at offset {CODE_UNIT * i} in {code.co_name}")
        nxt = i + 1 + _CACHES.get(op, 0)
        names[i], args[i], nexts[i] = name, arg, nxt
        if op == _EXTENDED_ARG:
            ext = arg << 8
            i += 1
            continue
        ext = 0
        if name in _FORWARD:
            jumps[i] = nxt + arg
        elif name in _BACKWARD:
            jumps[i] = nxt - arg
        i = nxt
    handlers = _exception_entries(code)
    positions = list(code.co_positions())
    lines: list = [None] * n
    for start, end, line in code.co_lines():
        for u in range(start // CODE_UNIT, min(end // CODE_UNIT, n)):
            lines[u] = line
    starts = _line_starts(names, nexts, jumps, handlers, lines)
    consts = tuple(_runtime_const(c) for c in code.co_consts)
    cells = frozenset(k for k, kind in enumerate(code.co_localspluskinds) if kind & (CO_FAST_CELL | CO_FAST_FREE))
    return Decoded(code, names, args, nexts, jumps, handlers, lines, positions, starts, consts, cells)


# Instructions that never start a line for tracing (`initialize_lines` in instrumentation.c):
# FOR_ITER/SEND skip the END_*, RESUME reports the call itself.
_NEVER_LINE_START = frozenset({"END_ASYNC_FOR", "END_FOR", "END_SEND", "RESUME", "POP_ITER"})


def _line_starts(names, nexts, jumps, handlers, lines) -> frozenset:
    """Units where a tracer's line event may fire: after the first RESUME, each instruction
    whose line differs from the previous one's, every jump target and every handler."""
    n = len(names)
    first = next((i for i, name in enumerate(names) if name == "RESUME"), n)
    starts = set()
    current = None
    i = first
    while i < n:
        name = names[i]
        if name not in _NEVER_LINE_START and name != "EXTENDED_ARG":
            if lines[i] != current and lines[i] is not None:
                starts.add(i)
            current = lines[i]
        i = nexts[i]
    # A target is the EXTENDED_ARG prefix of its instruction: the line belongs to the prefixed
    # instruction (the tracer skips prefixes).
    targets = [_prefixed(names, j) for j in jumps if j >= first]
    targets += [_prefixed(names, h.target) for h in handlers]
    starts.update(j for j in targets
                  if j < n and lines[j] is not None and names[j] not in _NEVER_LINE_START)
    return frozenset(starts)


def _prefixed(names, unit: int) -> int:
    """The instruction an EXTENDED_ARG prefix at `unit` belongs to (`unit` itself otherwise)."""
    while unit < len(names) and names[unit] == "EXTENDED_ARG":
        unit += 1
    return unit


def _runtime_const(value):
    """A constant as the program sees it: frozenset constants (kept as FrozenSetConstant to
    preserve CPython's iteration order) become frozensets, also inside tuples."""
    if isinstance(value, FrozenSetConstant):
        return frozenset(_runtime_const(v) for v in value.items)
    if type(value) is tuple:
        return tuple(_runtime_const(v) for v in value)
    return value


_DECODED: dict[int, Decoded] = {}
# Code objects cannot be weakly referenced (frozen slotted dataclasses), so the cache holds them;
# past this many (a program compiling strings in a loop) it starts over.
DECODED_LIMIT = 20_000


def decoded(code) -> Decoded:
    """The decoded tables of `code`, cached (code objects are values; the entry keeps `code`
    alive, so its id cannot be reused while cached)."""
    d = _DECODED.get(id(code))
    if d is None or d.code is not code:
        if len(_DECODED) >= DECODED_LIMIT:
            _DECODED.clear()
        d = _DECODED[id(code)] = decode(code)
    return d


def find_handler(d: Decoded, unit: int) -> Handler | None:
    """The innermost handler covering instruction `unit` (the table is ordered; first match wins)."""
    for h in d.handlers:
        if h.start <= unit < h.end:
            return h
    return None
