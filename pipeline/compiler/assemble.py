"""A finished unit -> `CodeObject` (`_PyCfg_OptimizedCfgToInstructionSequence` and `Python/assemble.c`).

`assemble_unit(unit, codegen)` runs the flowgraph passes, lays out `co_localsplusnames/kinds`
(cells of arguments share the argument's slot; other cells, then free variables, follow the
locals), inserts the prefix (COPY_FREE_VARS, MAKE_CELLs, RETURN_GENERATOR + POP_TOP), resolves
jump offsets (re-laying out while EXTENDED_ARGs appear), and encodes the location and exception
tables with `pipeline.assembler`.
"""
from __future__ import annotations

from pipeline import assembler, facts
from pipeline.codeobject import CODE_UNIT, CO_FAST_ARG_KW, CO_FAST_ARG_POS, CO_FAST_ARG_VAR, CO_FAST_CELL, \
    CO_FAST_FREE, CO_FAST_HIDDEN, CO_FAST_LOCAL, CodeObject, ExceptionEntry, Location
from pipeline.compiler import flowgraph as F
from pipeline.compiler.ir import CO_FLAG, HAS_ARG, JUMPS, NEXT_LOC, NO_LOC, TERMINATORS, Instr, Loc

_DEREF_OPS = frozenset({"MAKE_CELL", "LOAD_CLOSURE", "LOAD_DEREF", "STORE_DEREF", "DELETE_DEREF",
                        "LOAD_FROM_DICT_OR_DEREF"})


def code_flags(unit, future_features) -> int:
    """`compute_code_flags`; `from __future__` features with a flag mark every code object."""
    ste = unit.ste
    flags = 0
    for feature in future_features:
        flags |= facts.FUTURE_CODE_FLAGS.get(feature, 0)
    if ste.type.function_like:
        flags |= CO_FLAG["NEWLOCALS"] | CO_FLAG["OPTIMIZED"]
        if ste.nested:
            flags |= CO_FLAG["NESTED"]
        if ste.generator and not ste.coroutine:
            flags |= CO_FLAG["GENERATOR"]
        if ste.generator and ste.coroutine:
            flags |= CO_FLAG["ASYNC_GENERATOR"]
        if ste.varargs:
            flags |= CO_FLAG["VARARGS"]
        if ste.varkeywords:
            flags |= CO_FLAG["VARKEYWORDS"]
        if unit.has_docstring:
            flags |= CO_FLAG["HAS_DOCSTRING"]
        if ste.method:
            flags |= CO_FLAG["METHOD"]
    if ste.coroutine and not ste.generator:
        flags |= CO_FLAG["COROUTINE"]
    return flags


def _location(loc: Loc) -> Location:
    if loc.lineno < 0:
        return Location(None, None, None, None)
    return Location(loc.lineno, loc.end_lineno if loc.end_lineno >= 0 else None,
                    loc.col if loc.col >= 0 else None, loc.end_col if loc.end_col >= 0 else None)


def _prepare_localsplus(unit, cfg: F.CFG, flags: int) -> tuple[tuple[str, ...], bytes]:
    """`prepare_localsplus`: names and kinds; fixes DEREF opargs and inserts the prefix."""
    varnames = unit.varnames
    nlocals = len(varnames)
    cells = unit.cellvars
    frees = unit.freevars
    noffsets = len(cells) + len(frees)
    fixed = [nlocals + i for i in range(noffsets)]
    for name, index in cells.items():
        if name in varnames:
            fixed[index] = varnames[name]
    entry = cfg.entry
    prefix: list[Instr] = []
    ncells = len(cells)
    if ncells:
        by_slot = sorted(range(ncells), key=lambda i: fixed[i])
        prefix += [Instr("MAKE_CELL", i) for i in by_slot]
    if (flags & (CO_FLAG["GENERATOR"] | CO_FLAG["COROUTINE"] | CO_FLAG["ASYNC_GENERATOR"])):
        loc = Loc(unit.firstlineno, unit.firstlineno, -1, -1)
        prefix += [Instr("RETURN_GENERATOR", 0, loc), Instr("POP_TOP", 0, loc)]
    if frees:
        prefix.insert(0, Instr("COPY_FREE_VARS", len(frees)))
    for index, instr in enumerate(prefix):
        entry.insert(index, instr)
    dropped = 0
    for i in range(noffsets):
        if fixed[i] == i + nlocals:
            fixed[i] -= dropped
        else:
            dropped += 1
    for b in cfg.blocks():
        for instr in b.instrs:
            if instr.op in _DEREF_OPS:
                instr.arg = fixed[instr.arg]
    # Names and kinds.
    names: list[str] = [""] * (nlocals + noffsets - dropped)
    kinds = bytearray(len(names))
    argcount, posonly, kwonly = unit.argcount, unit.posonly, unit.kwonly
    npos = argcount + posonly
    ste = unit.ste
    for name, index in varnames.items():
        kind = CO_FAST_LOCAL
        if name in unit.fasthidden:
            kind |= CO_FAST_HIDDEN
        if name in cells:
            kind |= CO_FAST_CELL
        if index < posonly:
            kind |= CO_FAST_ARG_POS
        elif index < npos:
            kind |= CO_FAST_ARG_POS | CO_FAST_ARG_KW
        elif index < npos + kwonly:
            kind |= CO_FAST_ARG_KW
        else:
            extra = index - npos - kwonly
            if ste.varargs and extra == 0:
                kind |= CO_FAST_ARG_POS | CO_FAST_ARG_VAR
            elif ste.varkeywords and extra == (1 if ste.varargs else 0):
                kind |= CO_FAST_ARG_KW | CO_FAST_ARG_VAR
        names[index] = name
        kinds[index] = kind
    dropped = 0
    for name, index in cells.items():
        if name in varnames:
            dropped += 1
            continue
        names[index + nlocals - dropped] = name
        kinds[index + nlocals - dropped] = CO_FAST_CELL
    for name, index in frees.items():
        names[index + nlocals - dropped] = name
        kinds[index + nlocals - dropped] = CO_FAST_FREE
    return tuple(names), bytes(kinds)


def _instr_units(instr: Instr) -> int:
    return assembler.instruction_units(instr.op, instr.arg if instr.op in HAS_ARG else 0)


# END_ASYNC_FOR names the SEND of its loop, but its oparg reaches the END_SEND as laid out when
# CLEANUP_THROW is cold: SEND, YIELD_VALUE, RESUME and JUMP_BACKWARD_NO_INTERRUPT past the SEND
# (observed: in async comprehensions, where CLEANUP_THROW stays inline, it lands on CLEANUP_THROW).
_END_ASYNC_FOR_REACH = sum(assembler.instruction_units(op, 0) for op in
                           ("SEND", "YIELD_VALUE", "RESUME", "JUMP_BACKWARD_NO_INTERRUPT"))


def _resolve_jump_offsets(blocks: list[F.Block]) -> None:
    while True:
        total = 0
        for b in blocks:
            b.offset = total
            total += sum(_instr_units(i) for i in b.instrs)
        changed = False
        for b in blocks:
            pos = b.offset
            for instr in b.instrs:
                size = _instr_units(instr)
                pos += size
                if instr.op in JUMPS:
                    target = instr.target.offset
                    if instr.op == "END_ASYNC_FOR":
                        target += _END_ASYNC_FOR_REACH
                    instr.arg = pos - target if target < pos else target - pos
                    if _instr_units(instr) != size:
                        changed = True
        if not changed:
            return


def assemble_unit(unit, codegen) -> CodeObject:
    nlocals = len(unit.varnames)
    nparams = unit.argcount + unit.posonly + unit.kwonly + bool(unit.ste.varargs) + bool(unit.ste.varkeywords)
    if unit.annotations_code:
        _inject_annotations(unit)
    cfg = F.build_cfg(unit.instrs)
    F.optimize(cfg, unit, nlocals, nparams, codegen.folds)
    F.convert_pseudo_conditional_jumps(cfg)
    # CPython never reports an empty stack (`def f(): raise` has co_stacksize 1): observed on
    # every code object of the corpus.
    stacksize = max(F.calculate_stackdepth(cfg), 1)
    flags = code_flags(unit, codegen.st.future_features)
    names, kinds = _prepare_localsplus(unit, cfg, flags)
    F.convert_pseudo_ops(cfg)
    F.normalize_jumps(cfg)
    F.optimize_load_fast(cfg)
    blocks = [b for b in cfg.blocks()]
    _resolve_jump_offsets(blocks)
    _resolve_next_locations([instr for b in blocks for instr in b.instrs])
    code = bytearray()
    spans = []
    entries: list[ExceptionEntry] = []
    current = None  # (handler block, start offset)
    offset = 0
    for b in blocks:
        for instr in b.instrs:
            arg = instr.arg if instr.op in HAS_ARG else 0
            code += assembler.encode_instruction(instr.op, arg)
            units = _instr_units(instr)
            spans.append((_location(instr.loc), units))
            handler = instr.exc
            if current is None or handler is not current[0]:
                if current is not None and current[0] is not None:
                    entries.append(_exception_entry(current[0], current[1], offset))
                current = (handler, offset)
            offset += units
    if current is not None and current[0] is not None:
        entries.append(_exception_entry(current[0], current[1], offset))
    linetable = assembler.encode_linetable(assembler.runs_from_spans(spans), unit.firstlineno)
    return CodeObject(
        co_code=bytes(code), co_consts=tuple(unit.consts), co_names=tuple(unit.names),
        co_localsplusnames=names, co_localspluskinds=kinds, co_argcount=unit.argcount + unit.posonly,
        co_posonlyargcount=unit.posonly, co_kwonlyargcount=unit.kwonly, co_stacksize=stacksize,
        co_flags=flags, co_name=unit.name, co_qualname=unit.qualname, co_filename=codegen.filename,
        co_firstlineno=unit.firstlineno, co_linetable=linetable,
        co_exceptiontable=assembler.encode_exceptiontable(entries))


def _resolve_next_locations(instrs: list[Instr]) -> None:
    """`assemble_location_info`: NEXT_LOCATION is the following instruction's location (none
    for a terminator), resolved last to first."""
    for i in range(len(instrs) - 1, -1, -1):
        if instrs[i].loc == NEXT_LOC:
            instrs[i].loc = NO_LOC if instrs[i].op in TERMINATORS else instrs[i + 1].loc


def _exception_entry(handler: F.Block, start: int, end: int) -> ExceptionEntry:
    depth = handler.startdepth - 1
    if handler.preserve_lasti:
        depth -= 1
    return ExceptionEntry(start * CODE_UNIT, end * CODE_UNIT, handler.offset * CODE_UNIT, depth,
                          handler.preserve_lasti)


def _inject_annotations(unit) -> None:
    """The module's `__annotate__` definition goes where CPython's ANNOTATIONS_PLACEHOLDER is:
    right after the RESUME, before the docstring."""
    unit.instrs[1:1] = unit.annotations_code
    unit.annotations_code = None

