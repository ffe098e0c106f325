"""The compiler's intermediate values: source locations, instructions, labels and constant keys.

An `Instr` is one (pseudo-)instruction as `Python/codegen.c` emits it and `Python/flowgraph.c`
rewrites it: `op` is an opcode name from `pipeline.facts.OPMAP` (real or pseudo), `arg` its
integer argument, `loc` its source span, `target` the jump/handler `Label` (codegen) or `Block`
(flowgraph), `exc` the handler block the instruction is covered by (set by the flowgraph).

Locations are `Loc` tuples (lineno, end_lineno, col_offset, end_col_offset) with CPython's -1 for
"unknown"; `NO_LOC` is CPython's NO_LOCATION (lineno -1: the instruction gets its line from its
neighbours, or none).
"""
from __future__ import annotations

import math
import struct
from typing import NamedTuple

from pipeline import facts


class Loc(NamedTuple):
    lineno: int
    end_lineno: int
    col: int
    end_col: int


NO_LOC = Loc(-1, -1, -1, -1)
NEXT_LOC = Loc(-2, -2, -2, -2)
"""CPython's NEXT_LOCATION: the instruction takes the location of the instruction after it."""


def loc_of(node) -> Loc:
    """`LOC(node)`: a node's span, -1 for absent parts."""
    end_lineno = node.end_lineno if node.end_lineno is not None else node.lineno
    end_col = node.end_col_offset if node.end_col_offset is not None else -1
    return Loc(node.lineno, end_lineno, node.col_offset, end_col)


class Label:
    """A jump target in the codegen's instruction sequence; `id` orders labels by creation."""
    __slots__ = ("id",)

    def __init__(self, id_: int):
        self.id = id_

    def __repr__(self):
        return f"L{self.id}"


class Instr:
    """One instruction; mutable, as CPython's passes rewrite instructions in place."""
    __slots__ = ("op", "arg", "loc", "target", "exc")

    def __init__(self, op: str, arg: int = 0, loc: Loc = NO_LOC, target=None, exc=None):
        self.op = op
        self.arg = arg
        self.loc = loc
        self.target = target
        self.exc = exc

    def set(self, op: str, arg: int = 0) -> None:
        """`INSTR_SET_OP0/1`: change the opcode and argument, keep location and target."""
        self.op = op
        self.arg = arg

    def copy(self) -> "Instr":
        return Instr(self.op, self.arg, self.loc, self.target, self.exc)

    def __repr__(self):
        return f"{self.op}({self.arg}{', ->' + repr(self.target) if self.target is not None else ''}) @{self.loc.lineno}"


# --- Opcode classes (Include/internal/pycore_opcode_utils.h), by name.
HAS_ARG = frozenset(facts.HAS_ARG)
JUMPS = frozenset(name for name in facts.HAS_JUMP if not name.startswith("INSTRUMENTED_"))
"""HAS_TARGET less the block pushes: jumps, FOR_ITER, SEND and END_ASYNC_FOR (which names the
END_SEND it ends)."""
BLOCK_PUSH = frozenset({"SETUP_FINALLY", "SETUP_CLEANUP", "SETUP_WITH"})
UNCONDITIONAL_JUMPS = frozenset({"JUMP", "JUMP_NO_INTERRUPT", "JUMP_FORWARD", "JUMP_BACKWARD",
                                 "JUMP_BACKWARD_NO_INTERRUPT"})
SCOPE_EXITS = frozenset({"RETURN_VALUE", "RAISE_VARARGS", "RERAISE"})
TERMINATORS = UNCONDITIONAL_JUMPS | SCOPE_EXITS
LOADS_CONST = frozenset({"LOAD_CONST", "LOAD_SMALL_INT"})

NB = {name: i for i, (name, _symbol) in enumerate(facts.NB_OPS)}
INTRINSIC1 = {name: i for i, name in enumerate(facts.INTRINSIC1_DESCS)}
INTRINSIC2 = {name: i for i, name in enumerate(facts.INTRINSIC2_DESCS)}
SPECIAL_METHOD = {name: i for i, name in enumerate(facts.SPECIAL_METHOD_NAMES)}
COMMON_CONSTANT = {name: i for i, name in enumerate(facts.COMMON_CONSTANTS)}
FUNCTION_ATTR = {name: 1 << i for i, name in enumerate(facts.FUNCTION_ATTR_FLAGS)}
CO_FLAG = {name: bit for bit, name in facts.COMPILER_FLAG_NAMES.items()}

# RESUME's argument (pycore_opcode_utils.h): where the frame resumes, plus a bit for "inside
# one exception handler" after a yield.
RESUME_AT_FUNC_START, RESUME_AFTER_YIELD, RESUME_AFTER_YIELD_FROM, RESUME_AFTER_AWAIT = 0, 1, 2, 3
RESUME_OPARG_DEPTH1_MASK = 4

COMPARE_BOOL_BIT = 16  # COMPARE_OP's oparg bit asking for a bool result (dis shows `bool(==)`)
STACK_USE_GUIDELINE = 30  # _PY_STACK_USE_GUIDELINE: longer displays and calls are built piecewise


def stack_effect(op: str, arg: int, jump: bool) -> int:
    """`PyCompile_OpcodeStackEffectWithJump`, read off the oracle's table for opargs 0..15;
    larger opargs extend each row's pattern (constant, alternating or linear in the oparg).
    UNPACK_EX packs two counts into its oparg: its effect is their sum."""
    row = facts.STACK_EFFECTS[op][1 if jump else 0]
    if arg < len(row):
        return row[arg]
    if op == "UNPACK_EX":
        return (arg & 0xFF) + (arg >> 8)
    base = len(row) - 2 + (arg & 1)
    slope = (row[-1] - row[-3]) // 2
    return row[base] + slope * (arg - base)


def const_key(value):
    """`_PyCode_ConstantKey`: equal keys for constants CPython merges into one co_consts entry.
    Types are part of the key (1, 1.0 and True differ), -0.0 differs from 0.0, NaNs by bits."""
    kind = type(value)
    if kind is float:
        return (float, struct.pack("<d", value))
    if kind is complex:
        return (complex, struct.pack("<dd", value.real, value.imag))
    if kind is tuple:
        return (tuple, tuple(const_key(v) for v in value))
    if kind.__name__ == "FrozenSetConstant":
        return ("frozenset", frozenset(const_key(v) for v in value.items))
    if kind is slice:
        return (slice, const_key(value.start), const_key(value.stop), const_key(value.step))
    if kind in (int, bool, str, bytes, type(None), type(Ellipsis)):
        return (kind, value)
    try:
        # Code objects: CPython's constant cache merges equal ones (a generator expression
        # compiled twice by the all()/any()/tuple() fast path is one constant).
        hash(value)
        return ("value", value)
    except TypeError:
        return ("id", id(value))


def is_small_int(value) -> bool:
    """`_PY_IS_SMALL_INT`: ints LOAD_SMALL_INT pushes without a constant."""
    return type(value) is int and 0 <= value < 256


def truthy(value) -> bool:
    if type(value).__name__ == "FrozenSetConstant":
        return bool(value.items)
    if type(value) is float and math.isnan(value):
        return True
    return bool(value)
