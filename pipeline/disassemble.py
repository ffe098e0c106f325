"""The 3.14 disassembler: what `dis.dis(code)` and `dis.show_code(code)` print, character for character.

`disassemble(code, ...)` is `python3.14 -m dis [-C] [-O] [-P] [-S]` applied to a compiled module:
the code object, then every nested code object (depth first through `co_consts`) under a
`Disassembly of <code object ...>:` header. Nothing here consults the host's `dis`, `opcode` or
code objects: opcode numbers and tables come from `pipeline.facts`, constant reprs are computed
the way 3.14 computes them whatever the host Python is (strings through `astdump.repr314`, which
escapes by 3.14's Unicode tables).

Code object addresses are the host `id()` of our `CodeObject`s, so they differ from CPython's as
they differ between any two CPython runs; compare through `tests.oracle.mask_addresses`.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from pipeline import facts
from pipeline.astdump import repr314
from pipeline.codeobject import CACHE_UNITS, CODE_UNIT, CodeObject, ExceptionEntry, FrozenSetConstant

_OPNAME = {op: name for name, op in {**facts.OPMAP, **facts.SPECIALIZED_OPMAP}.items() if op < 256}
_OPCODE = {name: op for op, name in _OPNAME.items()}
_DEOPT = {_OPCODE[special]: _OPCODE[base] for base, family in facts.SPECIALIZATIONS.items() for special in family}


def _ops(names) -> frozenset[int]:
    return frozenset(facts.OPMAP[name] for name in names if facts.OPMAP[name] < 256)


_HAS_ARG = _ops(facts.HAS_ARG)
_HAS_CONST = _ops(facts.HAS_CONST)
_HAS_NAME = _ops(facts.HAS_NAME)
_HAS_JUMP = _ops(facts.HAS_JUMP) | _ops(facts.HAS_EXC)
_HAS_JREL = _ops(facts.HAS_JREL)
_HAS_JABS = _ops(facts.HAS_JABS)
_HAS_LOCAL_OR_FREE = _ops(facts.HAS_LOCAL) | _ops(facts.HAS_FREE)
_HAS_COMPARE = _ops(facts.HAS_COMPARE)
# dis treats END_ASYNC_FOR as a backward jump: its "target" is the loop it ends.
_BACKWARD = _ops(("JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT", "END_ASYNC_FOR"))
_PAIRED_LOCALS = _ops(("LOAD_FAST_LOAD_FAST", "LOAD_FAST_BORROW_LOAD_FAST_BORROW",
                       "STORE_FAST_LOAD_FAST", "STORE_FAST_STORE_FAST"))
_OP = {name: facts.OPMAP[name] for name in (
    "EXTENDED_ARG", "LOAD_GLOBAL", "LOAD_ATTR", "LOAD_SUPER_ATTR", "END_ASYNC_FOR", "CONVERT_VALUE",
    "SET_FUNCTION_ATTRIBUTE", "BINARY_OP", "CALL_INTRINSIC_1", "CALL_INTRINSIC_2", "LOAD_COMMON_CONSTANT",
    "LOAD_SPECIAL", "IS_OP", "CONTAINS_OP")}

_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5
_NO_LINENO = "  --"
_INT_OVERFLOW = 1 << 31
# CPython's caches are native-endian; 3.14's reference builds (and the oracle) are little-endian.
_CACHE_BYTEORDER = "little"


def opname(op: int) -> str:
    return _OPNAME.get(op, f"<{op}>")


def _deopt(op: int) -> int:
    return _DEOPT.get(op, op)


# --- Constant reprs, as 3.14 prints them -------------------------------------------------------

def code_repr(code: CodeObject) -> str:
    """`repr` of a code object; the address is our object's `id()` (see the module docstring)."""
    return f'<code object {code.co_name} at {id(code):#x}, file "{code.co_filename}", line {code.co_firstlineno}>'


def const_repr(value) -> str:
    """`repr` of a `co_consts` value as 3.14 prints it."""
    if isinstance(value, str):
        return repr314(value)
    if isinstance(value, tuple):
        if len(value) == 1:
            return f"({const_repr(value[0])},)"
        return "(" + ", ".join(const_repr(v) for v in value) + ")"
    if isinstance(value, FrozenSetConstant):
        if not value.items:
            return "frozenset()"
        return "frozenset({" + ", ".join(const_repr(v) for v in value.items) + "})"
    if isinstance(value, slice):
        return f"slice({const_repr(value.start)}, {const_repr(value.stop)}, {const_repr(value.step)})"
    if isinstance(value, CodeObject):
        return code_repr(value)
    # None, Ellipsis, bool, int, float, complex, bytes: their reprs are the same in 3.11 to 3.14.
    return repr(value)


# --- Instructions -------------------------------------------------------------------------------

Positions = tuple[int | None, int | None, int | None, int | None]
"""(lineno, end_lineno, col_offset, end_col_offset) of one code unit, as `co_positions()` gives it."""
_NO_POSITIONS: Positions = (None, None, None, None)


@dataclasses.dataclass(frozen=True, slots=True)
class Instruction:
    """One decoded instruction, with the fields `dis.Instruction` has (`arg` None: takes no argument)."""
    opname: str
    opcode: int
    arg: int | None
    argval: object
    argrepr: str
    offset: int
    start_offset: int
    starts_line: bool
    line_number: int | None
    label: int | None
    positions: Positions
    cache_info: tuple[tuple[str, int, bytes], ...] | None


def _unpack_opargs(code: bytes):
    """(offset, start_offset, opcode, arg) per instruction, skipping caches, folding EXTENDED_ARG
    into the next oparg as a signed 32-bit C int, like dis._unpack_opargs."""
    extended_arg = 0
    extended_args = 0
    caches = 0
    for offset in range(0, len(code), CODE_UNIT):
        if caches:
            caches -= 1
            continue
        op = code[offset]
        deop = _deopt(op)
        caches = CACHE_UNITS.get(deop, 0)
        if deop in _HAS_ARG:
            arg = code[offset + 1] | extended_arg
            extended_arg = (arg << 8) if deop == _OP["EXTENDED_ARG"] else 0
            if extended_arg >= _INT_OVERFLOW:
                extended_arg -= 2 * _INT_OVERFLOW
        else:
            arg = None
            extended_arg = 0
        if deop == _OP["EXTENDED_ARG"]:
            extended_args += 1
            yield offset, offset, op, arg
        else:
            yield offset, offset - extended_args * CODE_UNIT, op, arg
            extended_args = 0


def _jump_target(op: int, arg: int, offset: int) -> int | None:
    deop = _deopt(op)
    if deop in _HAS_JREL:
        signed = -arg if deop in _BACKWARD else arg
        return offset + CODE_UNIT + signed * CODE_UNIT + CODE_UNIT * CACHE_UNITS.get(deop, 0)
    if deop in _HAS_JABS:
        return arg * CODE_UNIT
    return None


def find_labels(code: bytes) -> set[int]:
    """Offsets some jump in `code` targets."""
    return {target for offset, _, op, arg in _unpack_opargs(code)
            if arg is not None and (target := _jump_target(op, arg, offset)) is not None}


def find_linestarts(code: CodeObject) -> dict[int, int | None]:
    """Offset -> line for each offset where the line (None included) changes, like dis.findlinestarts."""
    starts: dict[int, int | None] = {}
    for start, _, line in code.co_lines():
        if not starts or line != last:
            starts[start] = last = line
    return starts


def _labels_map(code: bytes, exception_entries: list[ExceptionEntry]) -> dict[int, int]:
    labels = find_labels(code)
    for entry in exception_entries:
        labels.update((entry.start, entry.end, entry.target))
    return {offset: i for i, offset in enumerate(sorted(labels), 1)}


def _argval_argrepr(code: CodeObject, labels: dict[int, int], op: int, arg: int | None, offset: int):
    """dis.ArgResolver.get_argval_argrepr for one instruction."""
    if arg is None:
        return None, ""
    deop = _deopt(op)
    if deop in _HAS_CONST:
        value = code.co_consts[arg]
        return value, const_repr(value)
    if deop in _HAS_NAME:
        if deop == _OP["LOAD_GLOBAL"]:
            name, suffix = code.co_names[arg >> 1], " + NULL"
        elif deop == _OP["LOAD_ATTR"]:
            name, suffix = code.co_names[arg >> 1], " + NULL|self"
        elif deop == _OP["LOAD_SUPER_ATTR"]:
            name, suffix = code.co_names[arg >> 2], " + NULL|self"
        else:
            return code.co_names[arg], code.co_names[arg]
        return name, (name + suffix if arg & 1 and name else name)
    if deop in _HAS_JUMP:
        target = _jump_target(op, arg, offset)
        preposition = "from" if deop == _OP["END_ASYNC_FOR"] else "to"
        return target, f"{preposition} L{labels[target]}"
    if deop in _PAIRED_LOCALS:
        first, second = code.varname_from_oparg(arg >> 4), code.varname_from_oparg(arg & 15)
        return (first, second), f"{first}, {second}"
    if deop in _HAS_LOCAL_OR_FREE:
        name = code.varname_from_oparg(arg)
        return name, name
    if deop in _HAS_COMPARE:
        name = facts.CMP_OP[arg >> 5]
        return name, (f"bool({name})" if arg & 16 else name)
    if deop == _OP["CONVERT_VALUE"]:
        return arg, ("", "str", "repr", "ascii")[arg]
    if deop == _OP["SET_FUNCTION_ATTRIBUTE"]:
        return arg, ", ".join(name for i, name in enumerate(facts.FUNCTION_ATTR_FLAGS) if arg & (1 << i))
    if deop == _OP["BINARY_OP"]:
        return arg, facts.NB_OPS[arg][1]
    if deop == _OP["CALL_INTRINSIC_1"]:
        return arg, facts.INTRINSIC1_DESCS[arg]
    if deop == _OP["CALL_INTRINSIC_2"]:
        return arg, facts.INTRINSIC2_DESCS[arg]
    if deop == _OP["LOAD_COMMON_CONSTANT"]:
        return arg, facts.COMMON_CONSTANT_ARGREPRS[arg]
    if deop == _OP["LOAD_SPECIAL"]:
        return arg, facts.SPECIAL_METHOD_NAMES[arg]
    if deop == _OP["IS_OP"]:
        return arg, "is not" if arg else "is"
    if deop == _OP["CONTAINS_OP"]:
        return arg, "not in" if arg else "in"
    return arg, ""


def get_instructions(code: CodeObject, *, adaptive: bool = False) -> list[Instruction]:
    """The instructions of `code` (EXTENDED_ARG included, caches folded into `cache_info`), as
    `dis.get_instructions` yields them. `adaptive` reads opcodes and caches from the quickened code."""
    original = code.co_code
    shown = code.co_code_adaptive if adaptive else original
    labels = _labels_map(original, code.exception_entries())
    linestarts = find_linestarts(code)
    positions = list(code.co_positions())
    line_number = None
    out = []
    for offset, start_offset, op, arg in _unpack_opargs(original):
        starts_line = offset in linestarts
        if starts_line:
            line_number = linestarts[offset]
        deop = _deopt(op)
        op = shown[offset]
        argval, argrepr = _argval_argrepr(code, labels, op, arg, offset)
        cache_info = None
        if CACHE_UNITS.get(deop):
            cache_info = []
            cache_offset = offset
            for name, size in facts.CACHE_FORMAT[_OPNAME[deop]].items():
                cache_info.append((name, size, shown[cache_offset + 2:cache_offset + 2 + 2 * size]))
                cache_offset += size * 2
            cache_info = tuple(cache_info)
        unit = offset // CODE_UNIT
        out.append(Instruction(opname(op), op, arg, argval, argrepr, offset, start_offset, starts_line,
                               line_number, labels.get(offset),
                               positions[unit] if unit < len(positions) else _NO_POSITIONS, cache_info))
    return out


# --- Printing -------------------------------------------------------------------------------------

def _lineno_width(linestarts: dict[int, int | None]) -> int:
    # Line 0 counts as "no line" here, exactly as dis's filter(None, ...) makes it.
    known = [line for line in linestarts.values() if line]
    if not known:
        return 0
    width = max(3, len(str(max(known))))
    if width < len(_NO_LINENO) and None in linestarts.values():
        width = len(_NO_LINENO)
    return width


def _positions_width(code: CodeObject) -> int:
    has_value = False
    values_width = 0
    for positions in code.co_positions():
        has_value |= any(isinstance(p, int) for p in positions)
        values_width = max(values_width, sum(1 if p is None else len(str(p)) for p in positions))
    # Three separators ("L:C-L:C") plus a trailing space; never narrower than "  --" plus one.
    return 1 + max(len(_NO_LINENO), 3 + values_width) if has_value else 0


@dataclasses.dataclass(frozen=True, slots=True)
class _Formatter:
    lineno_width: int
    offset_width: int
    label_width: int
    show_caches: bool
    show_positions: bool

    def instruction(self, instr: Instruction, out: list[str]) -> None:
        self.line(instr, out)
        if self.show_caches and instr.cache_info:
            offset = instr.offset
            for name, size, data in instr.cache_info:
                for i in range(size):
                    offset += CODE_UNIT
                    # Only the first unit of each cache value shows the value.
                    argrepr = f"{name}: {int.from_bytes(data, _CACHE_BYTEORDER)}" if i == 0 else ""
                    self.line(Instruction("CACHE", facts.OPMAP["CACHE"], 0, None, argrepr, offset, offset,
                                          False, None, None, instr.positions, None), out)

    def line(self, instr: Instruction, out: list[str]) -> None:
        if self.lineno_width and instr.starts_line and instr.offset > 0:
            out.append("\n")
        fields = []
        if self.lineno_width:
            if self.show_positions:
                if all(p is None for p in instr.positions):
                    text = _NO_LINENO
                else:
                    lineno, end_lineno, col, end_col = ("?" if p is None else p for p in instr.positions)
                    text = f"{lineno}:{col}-{end_lineno}:{end_col}"
                fields.append(text.ljust(self.lineno_width))
            elif instr.starts_line:
                lineno = _NO_LINENO if instr.line_number is None else str(instr.line_number)
                fields.append(lineno.rjust(self.lineno_width))
            else:
                fields.append(" " * self.lineno_width)
        if instr.label is not None:
            fields.append(f"L{instr.label}:".rjust(self.label_width))
        else:
            fields.append(" " * self.label_width)
        if self.offset_width:
            fields.append(f"{instr.offset:>{self.offset_width}}  ")
        fields.append("   ")
        fields.append(instr.opname.ljust(_OPNAME_WIDTH))
        if instr.arg is not None:
            # A long opname eats into the oparg column rather than pushing it right.
            excess = max(0, len(instr.opname) - _OPNAME_WIDTH)
            fields.append(repr(instr.arg).rjust(_OPARG_WIDTH - excess))
            if instr.argrepr:
                fields.append("(" + instr.argrepr + ")")
        out.append(" ".join(fields).rstrip() + "\n")


def _disassemble_one(code: CodeObject, out: list[str], *, show_caches: bool, adaptive: bool,
                     show_offsets: bool, show_positions: bool) -> None:
    entries = code.exception_entries()
    labels = _labels_map(code.co_code, entries)
    formatter = _Formatter(
        lineno_width=_positions_width(code) if show_positions else _lineno_width(find_linestarts(code)),
        offset_width=len(str(max(len(code.co_code) - 2, 9999))) if show_offsets else 0,
        label_width=4 + len(str(len(labels))),
        show_caches=show_caches, show_positions=show_positions)
    for instr in get_instructions(code, adaptive=adaptive):
        formatter.instruction(instr, out)
    if entries:
        out.append("ExceptionTable:\n")
        for e in entries:
            lasti = " lasti" if e.lasti else ""
            out.append(f"  L{labels[e.start]} to L{labels[e.end]} -> L{labels[e.target]} [{e.depth}]{lasti}\n")


def instruction_lines(code: CodeObject) -> list[tuple[Instruction, str]]:
    """Each instruction of one code object with its line of `dis` text, exactly as `disassemble`
    prints it there (same column widths; the line number shown where a source line starts)."""
    formatter = _Formatter(lineno_width=_lineno_width(find_linestarts(code)), offset_width=0,
                           label_width=4 + len(str(len(_labels_map(code.co_code, code.exception_entries())))),
                           show_caches=False, show_positions=False)
    pairs = []
    for instr in get_instructions(code):
        out: list[str] = []
        formatter.line(instr, out)
        pairs.append((instr, out[-1].rstrip("\n")))
    return pairs


def walk_code(code: CodeObject) -> Iterator[CodeObject]:
    """A code object, then its nested code objects depth first in `co_consts` order (dis's order)."""
    yield code
    for const in code.co_consts:
        if isinstance(const, CodeObject):
            yield from walk_code(const)


def disassemble(code: CodeObject, *, show_caches: bool = False, adaptive: bool = False,
                show_offsets: bool = False, show_positions: bool = False) -> str:
    """What `dis.dis(code, ...)` prints for a code object: it, then its nested code objects."""
    out: list[str] = []
    for co in walk_code(code):
        if co is not code:
            out.append(f"\nDisassembly of {code_repr(co)}:\n")
        _disassemble_one(co, out, show_caches=show_caches, adaptive=adaptive, show_offsets=show_offsets,
                         show_positions=show_positions)
    return "".join(out)


def pretty_flags(flags: int) -> str:
    """co_flags as dis.pretty_flags names them (unknown bits in hex; no flags at all is "0x0")."""
    names = []
    for bit in range(32):
        flag = 1 << bit
        if flags & flag:
            names.append(facts.COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def code_info(code: CodeObject) -> str:
    """dis.code_info for a code object (no trailing newline)."""
    lines = [
        f"Name:              {code.co_name}",
        f"Filename:          {code.co_filename}",
        f"Argument count:    {code.co_argcount}",
        f"Positional-only arguments: {code.co_posonlyargcount}",
        f"Kw-only arguments: {code.co_kwonlyargcount}",
        f"Number of locals:  {code.co_nlocals}",
        f"Stack size:        {code.co_stacksize}",
        f"Flags:             {pretty_flags(code.co_flags)}",
    ]
    sections = (("Constants:", [const_repr(c) for c in code.co_consts]), ("Names:", code.co_names),
                ("Variable names:", code.co_varnames), ("Free variables:", code.co_freevars),
                ("Cell variables:", code.co_cellvars))
    for title, items in sections:
        if items:
            lines.append(title)
            lines.extend(f"{i:4d}: {item}" for i, item in enumerate(items))
    return "\n".join(lines)


def show_code(code: CodeObject) -> str:
    """What dis.show_code(code) prints."""
    return code_info(code) + "\n"
