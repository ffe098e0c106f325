"""The control-flow graph and its passes (`Python/flowgraph.c`), in CPython 3.14's order.

`build_cfg(instrs)` splits a codegen instruction sequence into `Block`s (a new block after every
jump or scope exit and at every label, as `_PyCfgBuilder_Addop`/`UseLabel` do). `optimize(cfg, unit)`
is `_PyCfg_OptimizeCodeUnit`; `finalize(cfg, unit)` is `_PyCfg_OptimizedCfgToInstructionSequence`
up to (not including) jump-offset resolution, which `assemble` does.

Invariants kept between passes, as in CPython: a jump or scope exit is only ever the last
instruction of a block; `Instr.target` is a `Block`; blocks are a linked list through `next`
(`b_next`), the entry block first. Instruction arguments of LOAD_CONST index `unit.consts`.
"""
from __future__ import annotations

from pipeline.codeobject import FrozenSetConstant
from pipeline.compiler import ir
from pipeline.compiler.setorder import frozenset_order
from pipeline.compiler.ir import (BLOCK_PUSH, JUMPS, LOADS_CONST, NO_LOC, SCOPE_EXITS, STACK_USE_GUIDELINE,
                                  TERMINATORS, UNCONDITIONAL_JUMPS, Instr, Label, const_key, is_small_int,
                                  truthy)

MAX_COPY_SIZE = 4
MIN_CONST_SEQUENCE_SIZE = 3


class Block:
    """A basic block. `stale` mirrors what CPython's instruction array holds past `b_iused` after
    instructions were removed: an instruction later appended into such a slot keeps the stale
    slot's exception handler (CPython's `basicblock_addop` does not set `i_except`), which shows
    in exception tables (NOT_TAKEN after a handler's first test, for instance)."""
    __slots__ = ("instrs", "next", "label", "predecessors", "visited", "except_handler", "preserve_lasti",
                 "cold", "warm", "startdepth", "unsafe_mask", "exceptstack", "offset", "stale")

    def __init__(self, label: int = -1):
        self.instrs: list[Instr] = []
        self.stale: list[Instr] = []
        self.next: Block | None = None
        self.label = label
        self.predecessors = 0
        self.visited = False
        self.except_handler = False
        self.preserve_lasti = False
        self.cold = False
        self.warm = False
        self.startdepth = -1
        self.unsafe_mask = 0
        self.exceptstack = None
        self.offset = 0

    def addop(self, instr: Instr) -> None:
        """`basicblock_addop`: append; the exception handler is whatever the slot held."""
        instr.exc = self.stale.pop(0).exc if self.stale else None
        self.instrs.append(instr)

    def extend(self, instrs: list[Instr]) -> None:
        """`basicblock_append_instructions`: whole instructions overwrite the slots."""
        del self.stale[:len(instrs)]
        self.instrs.extend(instrs)

    def insert(self, index: int, instr: Instr) -> None:
        """`basicblock_insert_instruction`: the array grows by one slot."""
        if self.stale:
            self.stale.pop(0)
        self.instrs.insert(index, instr)

    def compact(self, kept: list[Instr]) -> None:
        """Keep `kept` (in order); removed slots become stale, as CPython's in-place compaction."""
        full = self.instrs + self.stale
        self.instrs = kept
        self.stale = full[len(kept):]

    @property
    def last(self) -> Instr | None:
        return self.instrs[-1] if self.instrs else None

    def has_fallthrough(self) -> bool:
        last = self.last
        return not (last and last.op in TERMINATORS)

    def exits_scope(self) -> bool:
        last = self.last
        return bool(last and last.op in SCOPE_EXITS)

    def has_no_lineno(self) -> bool:
        return all(i.loc.lineno < 0 for i in self.instrs)

    def __repr__(self):
        return f"B{self.label}{self.instrs}"


class CFG:
    def __init__(self, entry: Block):
        self.entry = entry
        self.max_label = 0

    def blocks(self):
        b = self.entry
        while b is not None:
            yield b
            b = b.next

    def new_label(self) -> int:
        self.max_label += 1
        return self.max_label


def build_cfg(seq: list) -> CFG:
    """`_PyCfg_FromInstructionSequence`: labels name instruction positions (several labels at
    one position are one target); only positions something jumps to start blocks, and a block
    also ends after every jump or scope exit."""
    targeted = {item.target.id for item in seq if not isinstance(item, Label) and item.target is not None}
    entry = Block()
    cfg = CFG(entry)
    current = entry
    by_label: dict[int, Block] = {}
    pending: list[int] = []
    for item in seq:
        if isinstance(item, Label):
            cfg.max_label = max(cfg.max_label, item.id)
            pending.append(item.id)
            continue
        is_target = any(label in targeted for label in pending)
        last = current.last
        if (last is not None and (last.op in TERMINATORS or last.op in JUMPS)) or (
                is_target and (last is not None or current.label >= 0)):
            block = Block()
            current.next = block
            current = block
        if is_target:
            current.label = pending[0]
            for label in pending:
                by_label[label] = current
        pending = []
        current.instrs.append(item)
    if pending:
        block = Block(pending[0])
        current.next = block
        for label in pending:
            by_label[label] = block
    for b in cfg.blocks():
        for instr in b.instrs:
            if isinstance(instr.target, Label):
                instr.target = by_label[instr.target.id]
    return cfg


def next_nonempty(b: Block | None) -> Block | None:
    while b is not None and not b.instrs:
        b = b.next
    return b


# ---------------------------------------------------------------------- exception handling
def mark_except_handlers(cfg: CFG) -> None:
    for b in cfg.blocks():
        for instr in b.instrs:
            if instr.op in BLOCK_PUSH:
                instr.target.except_handler = True


def _reset_visited(cfg: CFG) -> None:
    for b in cfg.blocks():
        b.visited = False


def label_exception_targets(cfg: CFG) -> None:
    """Record in each instruction the handler covering it (`Instr.exc`), following SETUP_*/POP_BLOCK
    along every path; POP_BLOCKs become NOPs."""
    _reset_visited(cfg)
    entry = cfg.entry
    entry.exceptstack = [None]
    entry.visited = True
    todo = [entry]
    while todo:
        b = todo.pop()
        stack = b.exceptstack
        b.exceptstack = None
        handler = stack[-1]
        last_yield_depth = -1
        for i, instr in enumerate(b.instrs):
            op = instr.op
            if op in BLOCK_PUSH:
                if not instr.target.visited:
                    instr.target.exceptstack = list(stack)
                    instr.target.visited = True
                    todo.append(instr.target)
                if op in ("SETUP_WITH", "SETUP_CLEANUP"):
                    instr.target.preserve_lasti = True
                stack.append(instr.target)
                handler = instr.target
            elif op == "POP_BLOCK":
                stack.pop()
                handler = stack[-1]
                instr.set("NOP")
            elif op in JUMPS:
                instr.exc = handler
                if not instr.target.visited:
                    instr.target.exceptstack = list(stack) if b.has_fallthrough() else stack
                    if not b.has_fallthrough():
                        stack = None
                    instr.target.visited = True
                    todo.append(instr.target)
            elif op == "YIELD_VALUE":
                instr.exc = handler
                last_yield_depth = len(stack) - 1
            elif op == "RESUME":
                instr.exc = handler
                if instr.arg != ir.RESUME_AT_FUNC_START:
                    if last_yield_depth == 1:
                        instr.arg |= ir.RESUME_OPARG_DEPTH1_MASK
                    last_yield_depth = -1
            else:
                instr.exc = handler
        if b.has_fallthrough() and b.next is not None and not b.next.visited:
            b.next.exceptstack = stack
            b.next.visited = True
            todo.append(b.next)


# ---------------------------------------------------------------------- reachability and lines
def remove_unreachable(cfg: CFG) -> None:
    for b in cfg.blocks():
        b.predecessors = 0
        b.visited = False
    entry = cfg.entry
    entry.predecessors = 1
    entry.visited = True
    stack = [entry]
    while stack:
        b = stack.pop()
        nxt = b.next
        if nxt is not None and b.has_fallthrough():
            if not nxt.visited:
                nxt.visited = True
                stack.append(nxt)
            nxt.predecessors += 1
        for instr in b.instrs:
            if instr.op in JUMPS or instr.op in BLOCK_PUSH:
                target = instr.target
                if not target.visited:
                    target.visited = True
                    stack.append(target)
                target.predecessors += 1
    for b in cfg.blocks():
        if b.predecessors == 0:
            b.compact([])
            b.except_handler = False


def inline_small_or_no_lineno_blocks(cfg: CFG) -> None:
    changed = True
    while changed:
        changed = False
        for b in cfg.blocks():
            last = b.last
            if last is None or last.op not in UNCONDITIONAL_JUMPS:
                continue
            target = last.target
            small_exit = target.exits_scope() and len(target.instrs) <= MAX_COPY_SIZE
            no_lineno = target.has_no_lineno() and not target.has_fallthrough()
            if small_exit or no_lineno:
                removed = last.op
                last.set("NOP")
                b.extend([i.copy() for i in target.instrs])
                if no_lineno:
                    new_last = b.last
                    if new_last.op in UNCONDITIONAL_JUMPS and removed == "JUMP":
                        new_last.op = "JUMP"
                target.predecessors -= 1
                changed = True


_EVAL_BREAK = frozenset({"JUMP", "JUMP_BACKWARD", "RESUME", "CALL", "CALL_KW", "CALL_FUNCTION_EX"})


def _is_exit_or_eval_check_without_lineno(b: Block) -> bool:
    if b.exits_scope() or any(i.op in ("JUMP", "JUMP_BACKWARD") for i in b.instrs):
        return b.has_no_lineno()
    return False


def duplicate_exits_without_lineno(cfg: CFG) -> None:
    for b in list(cfg.blocks()):
        last = b.last
        if last is None or last.op not in JUMPS:
            continue
        target = next_nonempty(last.target)
        if target is not None and _is_exit_or_eval_check_without_lineno(target) and target.predecessors > 1:
            new = Block(cfg.new_label())
            new.instrs = [i.copy() for i in target.instrs]
            new.instrs[0].loc = last.loc
            last.target = new
            target.predecessors -= 1
            new.predecessors = 1
            new.next = target.next
            target.next = new
    for b in cfg.blocks():
        if b.has_fallthrough() and b.next is not None and b.instrs:
            if _is_exit_or_eval_check_without_lineno(b.next) and b.next.instrs:
                b.next.instrs[0].loc = b.last.loc


def propagate_line_numbers(cfg: CFG) -> None:
    for b in cfg.blocks():
        last = b.last
        if last is None:
            continue
        prev = NO_LOC
        for instr in b.instrs:
            if instr.loc.lineno == -1:
                instr.loc = prev
            else:
                prev = instr.loc
        if b.has_fallthrough() and b.next is not None and b.next.predecessors == 1:
            if b.next.instrs and b.next.instrs[0].loc.lineno == -1:
                b.next.instrs[0].loc = prev
        if last.op in JUMPS:
            target = last.target
            if target.predecessors == 1 and target.instrs and target.instrs[0].loc.lineno == -1:
                target.instrs[0].loc = prev


def resolve_line_numbers(cfg: CFG) -> None:
    duplicate_exits_without_lineno(cfg)
    propagate_line_numbers(cfg)


# ---------------------------------------------------------------------- constants
class Consts:
    """The unit's constant list with `add_const`'s merge-by-key lookup."""

    def __init__(self, unit, folds: list):
        self.unit = unit
        self.folds = folds  # (location, value) of every expression folded to a constant

    def get(self, instr: Instr):
        if instr.op == "LOAD_SMALL_INT":
            return instr.arg
        return self.unit.consts[instr.arg]

    def add(self, value) -> int:
        return self.unit.add_const(value)

    def make_load(self, instr: Instr, value) -> None:
        """`instr_make_load_const`; records the fold."""
        self.folds.append((instr.loc, value))
        if is_small_int(value):
            instr.set("LOAD_SMALL_INT", value)
        else:
            instr.set("LOAD_CONST", self.add(value))


def nop_out(instrs) -> None:
    """Folded-away instructions become NOPs without a location (so they always go away)."""
    for instr in instrs:
        instr.set("NOP")
        instr.loc = NO_LOC


def _const_loading_instrs(b: Block, start: int, size: int):
    """`get_const_loading_instrs`: the `size` constant loads ending at `start`, NOPs skipped."""
    found = []
    i = start
    while i >= 0 and len(found) < size:
        instr = b.instrs[i]
        i -= 1
        if instr.op == "NOP":
            continue
        if instr.op not in LOADS_CONST:
            return None
        found.append(instr)
    if len(found) < size:
        return None
    found.reverse()
    return found


def optimize_load_const(cfg: CFG, consts: Consts) -> None:
    for b in cfg.blocks():
        op_, arg_ = None, 0
        instrs = b.instrs
        for i, instr in enumerate(instrs):
            if instr.op == "LOAD_CONST":
                value = consts.get(instr)
                if is_small_int(value):
                    instr.set("LOAD_SMALL_INT", value)
            is_copy_of_load_const = op_ == "LOAD_CONST" and instr.op == "COPY" and instr.arg == 1
            if not is_copy_of_load_const:
                op_, arg_ = instr.op, instr.arg
            if op_ not in LOADS_CONST:
                continue
            nextop = instrs[i + 1].op if i + 1 < len(instrs) else None
            loader = Instr(op_, arg_)
            if nextop in ("POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE"):
                is_true = truthy(consts.get(loader))
                instr.set("NOP")
                if is_true == (nextop == "POP_JUMP_IF_TRUE"):
                    instrs[i + 1].op = "JUMP"
                else:
                    instrs[i + 1].set("NOP")
            elif nextop in ("JUMP_IF_FALSE", "JUMP_IF_TRUE"):
                # The non-popping jumps keep the constant on the stack.
                is_true = truthy(consts.get(loader))
                if is_true == (nextop == "JUMP_IF_TRUE"):
                    instrs[i + 1].op = "JUMP"
                else:
                    instrs[i + 1].set("NOP")
            elif nextop == "IS_OP":
                if consts.get(loader) is not None or len(instrs) <= i + 2:
                    continue
                is_instr = instrs[i + 1]
                jump_instr = instrs[i + 2]
                if jump_instr.op == "TO_BOOL":
                    jump_instr.set("NOP")
                    if len(instrs) <= i + 3:
                        continue
                    jump_instr = instrs[i + 3]
                invert = bool(is_instr.arg)
                if jump_instr.op == "POP_JUMP_IF_FALSE":
                    invert = not invert
                elif jump_instr.op != "POP_JUMP_IF_TRUE":
                    continue
                instr.set("NOP")
                is_instr.set("NOP")
                jump_instr.op = "POP_JUMP_IF_NOT_NONE" if invert else "POP_JUMP_IF_NONE"
            elif nextop == "TO_BOOL":
                value = truthy(consts.get(loader))
                instr.set("NOP")
                instrs[i + 1].set("LOAD_CONST", consts.add(value))


# Constant folding limits (flowgraph.c MAX_*).
MAX_INT_SIZE = 128
MAX_COLLECTION_SIZE = 256
MAX_STR_SIZE = 4096
MAX_TOTAL_ITEMS = 1024


def _safe_binop(op: str, left, right):
    """`eval_const_binop` with CPython's size guards; raises on anything it must not fold."""
    tl, tr = type(left), type(right)
    if op == "NB_MULTIPLY":
        if tl is int and tr is int and left and right:
            if left.bit_length() + right.bit_length() > MAX_INT_SIZE:
                raise ValueError
        for seq, n in ((left, right), (right, left)):
            if type(seq) in (str, bytes, tuple) and type(n) is int:
                if n < 0 or not len(seq):
                    pass
                elif type(seq) is tuple and n > MAX_COLLECTION_SIZE // len(seq):
                    raise ValueError
                elif type(seq) is tuple and sum(1 for _ in seq) * n > MAX_TOTAL_ITEMS:
                    raise ValueError
                elif type(seq) in (str, bytes) and n > MAX_STR_SIZE // len(seq):
                    raise ValueError
        return left * right
    if op == "NB_POWER":
        if tl is int and tr is int and left and right > 0:
            if left.bit_length() * right > MAX_INT_SIZE:
                raise ValueError
        return left ** right
    if op == "NB_LSHIFT":
        if tl is int and tr is int and left and right:
            if right < 0 or right > MAX_INT_SIZE or left.bit_length() > MAX_INT_SIZE - right:
                raise ValueError
        return left << right
    if op == "NB_REMAINDER":
        if tl in (str, bytes):
            raise ValueError  # string formatting is not folded
        return left % right
    if op == "NB_SUBSCR":
        return left[right]
    table = {"NB_ADD": lambda: left + right, "NB_SUBTRACT": lambda: left - right,
             "NB_TRUE_DIVIDE": lambda: left / right, "NB_FLOOR_DIVIDE": lambda: left // right,
             "NB_RSHIFT": lambda: left >> right, "NB_OR": lambda: left | right,
             "NB_XOR": lambda: left ^ right, "NB_AND": lambda: left & right}
    if op not in table:
        raise ValueError
    return table[op]()


_NB_NAMES = {i: name for name, i in ir.NB.items()}
_FOLDABLE_TYPES = (int, float, complex, str, bytes, tuple, bool, type(None), type(Ellipsis))


def _foldable(value) -> bool:
    if type(value) is tuple:
        return all(_foldable(v) for v in value)
    return type(value) in _FOLDABLE_TYPES


def fold_binop(b: Block, i: int, consts: Consts) -> None:
    instr = b.instrs[i]
    operands = _const_loading_instrs(b, i - 1, 2)
    if operands is None:
        return
    left, right = consts.get(operands[0]), consts.get(operands[1])
    if not (_foldable(left) and _foldable(right)):
        return
    try:
        value = _safe_binop(_NB_NAMES[instr.arg], left, right)
    except Exception:
        return
    if type(value) in (str, bytes) and len(value) > MAX_STR_SIZE:
        return
    if type(value) is tuple and len(value) > MAX_COLLECTION_SIZE:
        return
    if type(value) is int and value.bit_length() > MAX_INT_SIZE:
        return
    nop_out(operands)
    consts.make_load(instr, value)


def fold_unaryop(b: Block, i: int, consts: Consts) -> None:
    instr = b.instrs[i]
    operands = _const_loading_instrs(b, i - 1, 1)
    if operands is None:
        return
    value = consts.get(operands[0])
    if not _foldable(value) or type(value) is tuple and instr.op != "UNARY_NOT":
        return
    try:
        if instr.op == "UNARY_NEGATIVE":
            result = -value
        elif instr.op == "UNARY_INVERT":
            if type(value) is bool:
                return
            result = ~value
        elif instr.op == "UNARY_NOT":
            result = not truthy(value)
        else:
            result = +value
    except Exception:
        return
    nop_out(operands)
    consts.make_load(instr, result)


def fold_tuple(b: Block, i: int, consts: Consts) -> None:
    instr = b.instrs[i]
    n = instr.arg
    if n > STACK_USE_GUIDELINE:
        return
    loads = _const_loading_instrs(b, i - 1, n)
    if loads is None:
        return
    value = tuple(consts.get(x) for x in loads)
    nop_out(loads)
    consts.make_load(instr, value)


def fold_list_to_tuple(b: Block, i: int, consts: Consts) -> None:
    """BUILD_LIST 0, (LOAD_CONST, LIST_APPEND 1)*, CALL_INTRINSIC_1 LIST_TO_TUPLE -> LOAD_CONST."""
    instrs = b.instrs
    items = []
    expect_append = True
    pos = i - 1
    while pos >= 0:
        instr = instrs[pos]
        if instr.op == "NOP":
            pos -= 1
            continue
        if instr.op == "BUILD_LIST" and instr.arg == 0:
            if not expect_append:
                return
            items.reverse()
            value = tuple(consts.get(x) for x in items)
            nop_out(instrs[pos:i])
            consts.make_load(instrs[i], value)
            return
        if expect_append:
            if not (instr.op == "LIST_APPEND" and instr.arg == 1):
                return
            expect_append = False
        else:
            if instr.op not in LOADS_CONST:
                return
            items.append(instr)
            expect_append = True
        pos -= 1


def optimize_lists_and_sets(b: Block, i: int, nextop, consts: Consts) -> None:
    instr = b.instrs[i]
    contains_or_iter = nextop in ("GET_ITER", "CONTAINS_OP")
    n = instr.arg
    if n > STACK_USE_GUIDELINE or (n < MIN_CONST_SEQUENCE_SIZE and not contains_or_iter):
        return
    loads = _const_loading_instrs(b, i - 1, n)
    if loads is None:
        if contains_or_iter and instr.op == "BUILD_LIST":
            instr.set("BUILD_TUPLE", n)
        return
    values = tuple(consts.get(x) for x in loads)
    if instr.op == "BUILD_SET":
        values = FrozenSetConstant(frozenset_order(values))
    index = consts.add(values)
    nop_out(loads)
    if contains_or_iter:
        instr.set("LOAD_CONST", index)
    else:
        build = instr.op
        b.instrs[i - 2].loc = instr.loc
        b.instrs[i - 2].set(build, 0)
        b.instrs[i - 1].set("LOAD_CONST", index)
        instr.set("LIST_EXTEND" if build == "BUILD_LIST" else "SET_UPDATE", 1)


def jump_thread(b: Block, instr: Instr, target: Instr, op: str) -> bool:
    if instr.target is not target.target:
        instr.set("NOP")
        b.addop(Instr(op, 0, target.loc, target.target))
        return True
    return False


def optimize_basic_block(b: Block, consts: Consts) -> None:
    instrs = b.instrs
    i = 0
    while i < len(instrs):
        instr = instrs[i]
        op, arg = instr.op, instr.arg
        target = instr.target.instrs[0] if (op in JUMPS and instr.target is not None and instr.target.instrs) else None
        top = target.op if target is not None else None
        nextop = instrs[i + 1].op if i + 1 < len(instrs) else None
        if op == "BUILD_TUPLE":
            if nextop == "UNPACK_SEQUENCE" and arg == instrs[i + 1].arg and arg in (1, 2, 3):
                instr.set("NOP")
                if arg == 1:
                    instrs[i + 1].set("NOP")
                else:
                    instrs[i + 1].op = "SWAP"
                i += 1
                continue
            fold_tuple(b, i, consts)
        elif op in ("BUILD_LIST", "BUILD_SET"):
            optimize_lists_and_sets(b, i, nextop, consts)
        elif op in ("POP_JUMP_IF_NOT_NONE", "POP_JUMP_IF_NONE", "POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE"):
            if top == "JUMP":
                i -= jump_thread(b, instr, target, op)
        elif op in ("JUMP_IF_FALSE", "JUMP_IF_TRUE"):
            same = op
            other = "JUMP_IF_TRUE" if op == "JUMP_IF_FALSE" else "JUMP_IF_FALSE"
            if top in ("JUMP", same):
                i -= jump_thread(b, instr, target, op)
                i += 1
                continue
            if top == other:
                instr.target = instr.target.next
                continue
        elif op in ("JUMP", "JUMP_NO_INTERRUPT"):
            if top == "JUMP":
                i -= jump_thread(b, instr, target, "JUMP")
                i += 1
                continue
            if top == "JUMP_NO_INTERRUPT":
                i -= jump_thread(b, instr, target, op)
                i += 1
                continue
        elif op == "STORE_FAST":
            if nextop == op and arg == instrs[i + 1].arg and instr.loc.lineno == instrs[i + 1].loc.lineno:
                instr.set("POP_TOP")
        elif op == "SWAP":
            if arg == 1:
                instr.set("NOP")
        elif op == "LOAD_GLOBAL":
            if nextop == "PUSH_NULL" and not arg & 1:
                instr.set("LOAD_GLOBAL", arg | 1)
                instrs[i + 1].set("NOP")
        elif op == "COMPARE_OP":
            if nextop == "TO_BOOL":
                instr.set("NOP")
                instrs[i + 1].set("COMPARE_OP", arg | ir.COMPARE_BOOL_BIT)
                i += 1
                continue
        elif op in ("CONTAINS_OP", "IS_OP"):
            if nextop == "TO_BOOL":
                instr.set("NOP")
                instrs[i + 1].set(op, arg)
                i += 1
                continue
            if nextop == "UNARY_NOT":
                instr.set("NOP")
                instrs[i + 1].set(op, arg ^ 1)
                i += 1
                continue
        elif op == "TO_BOOL":
            if nextop == "TO_BOOL":
                instr.set("NOP")
                i += 1
                continue
        elif op == "UNARY_NOT":
            if nextop == "TO_BOOL":
                instr.set("NOP")
                instrs[i + 1].set("UNARY_NOT")
                i += 1
                continue
            if nextop == "UNARY_NOT":
                instr.set("NOP")
                instrs[i + 1].set("NOP")
                i += 1
                continue
            fold_unaryop(b, i, consts)
        elif op in ("UNARY_INVERT", "UNARY_NEGATIVE"):
            fold_unaryop(b, i, consts)
        elif op == "CALL_INTRINSIC_1":
            if arg == ir.INTRINSIC1["INTRINSIC_LIST_TO_TUPLE"]:
                if nextop == "GET_ITER":
                    instr.set("NOP")
                else:
                    fold_list_to_tuple(b, i, consts)
            elif arg == ir.INTRINSIC1["INTRINSIC_UNARY_POSITIVE"]:
                fold_unaryop(b, i, consts)
        elif op == "BINARY_OP":
            fold_binop(b, i, consts)
        i += 1
    i = 0
    while i < len(instrs):
        if instrs[i].op == "SWAP":
            i = swaptimize(b, i)
            apply_static_swaps(b, i)
        i += 1


# ---------------------------------------------------------------------- SWAP elimination
def swaptimize(b: Block, i: int) -> int:
    """`swaptimize`: replace a run of SWAPs (and NOPs) starting at `i` by the shortest equivalent
    sequence, written from the run's end; returns the index of the run's last instruction."""
    instrs = b.instrs
    depth = instrs[i].arg
    length = 1
    more = False
    while i + length < len(instrs):
        op = instrs[i + length].op
        if op == "SWAP":
            depth = max(depth, instrs[i + length].arg)
            more = True
        elif op != "NOP":
            break
        length += 1
    if not more:
        return i
    stack = list(range(depth))  # index 0 is the top of the stack
    for k in range(i, i + length):
        if instrs[k].op == "SWAP":
            oparg = instrs[k].arg
            stack[0], stack[oparg - 1] = stack[oparg - 1], stack[0]
    visited = -1
    current = i + length - 1
    for k in range(depth):
        if stack[k] == visited or stack[k] == k:
            continue
        j = k
        while True:
            if j:
                instrs[current].set("SWAP", j + 1)
                current -= 1
            if stack[j] == visited:
                break
            stack[j], j = visited, stack[j]
    while current >= i:
        instrs[current].set("NOP")
        current -= 1
    return i + length - 1


_SWAPPABLE = frozenset({"STORE_FAST", "STORE_FAST_MAYBE_NULL", "POP_TOP"})


def _stores_to(instr: Instr) -> int:
    return instr.arg if instr.op in ("STORE_FAST", "STORE_FAST_MAYBE_NULL") else -1


def _next_swappable(instrs, i: int, lineno: int) -> int:
    while True:
        i += 1
        if i >= len(instrs):
            return -1
        instr = instrs[i]
        if lineno >= 0 and instr.loc.lineno != lineno:
            return -1
        if instr.op == "NOP":
            continue
        if instr.op in _SWAPPABLE:
            return i
        return -1


def apply_static_swaps(b: Block, i: int) -> None:
    """`apply_static_swaps`: SWAP n followed by stores/pops becomes the stores reordered."""
    instrs = b.instrs
    while i >= 0:
        swap = instrs[i]
        if swap.op != "SWAP":
            if swap.op == "NOP" or swap.op in _SWAPPABLE:
                i -= 1
                continue
            return
        j = _next_swappable(instrs, i, -1)
        if j < 0:
            return
        k = j
        lineno = instrs[j].loc.lineno
        for _ in range(swap.arg - 1):
            k = _next_swappable(instrs, k, lineno)
            if k < 0:
                return
        store_j, store_k = _stores_to(instrs[j]), _stores_to(instrs[k])
        if store_j >= 0 or store_k >= 0:
            if store_j == store_k:
                return
            for idx in range(j + 1, k):
                other = _stores_to(instrs[idx])
                if other >= 0 and other in (store_j, store_k):
                    return
        swap.set("NOP")
        instrs[j], instrs[k] = instrs[k], instrs[j]
        i -= 1


# ---------------------------------------------------------------------- NOPs and jumps
def remove_redundant_nops_in_block(b: Block) -> int:
    out = []
    prev_lineno = -1
    instrs = b.instrs
    n = len(instrs)
    for src, instr in enumerate(instrs):
        lineno = instr.loc.lineno
        if instr.op == "NOP":
            if lineno < 0:
                continue
            if prev_lineno == lineno:
                continue
            if src < n - 1:
                next_lineno = instrs[src + 1].loc.lineno
                if next_lineno == lineno:
                    continue
                if next_lineno < 0:
                    instrs[src + 1].loc = instr.loc
                    continue
            else:
                nxt = next_nonempty(b.next)
                if nxt is not None:
                    next_loc_line = -1
                    for other in nxt.instrs:
                        if other.op == "NOP" and other.loc.lineno < 0:
                            continue
                        next_loc_line = other.loc.lineno
                        break
                    if lineno == next_loc_line:
                        continue
        out.append(instr)
        prev_lineno = lineno
    removed = n - len(out)
    if removed:
        b.compact(out)
    return removed


def remove_redundant_nops(cfg: CFG) -> int:
    return sum(remove_redundant_nops_in_block(b) for b in cfg.blocks())


def remove_redundant_nops_and_pairs(cfg: CFG) -> None:
    done = False
    while not done:
        done = True
        instr = None
        for b in cfg.blocks():
            remove_redundant_nops_in_block(b)
            if b.label >= 0:
                instr = None
            for cur in b.instrs:
                prev, instr = instr, cur
                if cur.op == "POP_TOP" and prev is not None and (
                        prev.op in LOADS_CONST or (prev.op == "COPY" and prev.arg == 1)):
                    prev.set("NOP")
                    cur.set("NOP")
                    done = False
            if (instr is not None and instr.op in JUMPS) or not b.has_fallthrough():
                instr = None


def remove_redundant_jumps(cfg: CFG) -> int:
    changes = 0
    for b in cfg.blocks():
        last = b.last
        if last is not None and last.op in UNCONDITIONAL_JUMPS:
            target = next_nonempty(last.target)
            if target is next_nonempty(b.next):
                changes += 1
                last.set("NOP")
    return changes


def remove_redundant_nops_and_jumps(cfg: CFG) -> None:
    while True:
        removed = remove_redundant_nops(cfg) + remove_redundant_jumps(cfg)
        if not removed:
            break


def remove_unused_consts(cfg: CFG, unit) -> None:
    n = len(unit.consts)
    if not n:
        return
    used = [False] * n
    used[0] = True  # the first constant may be the docstring: always kept
    for b in cfg.blocks():
        for instr in b.instrs:
            if instr.op == "LOAD_CONST":
                used[instr.arg] = True
    if all(used):
        return
    new_index = {}
    consts = []
    for i, value in enumerate(unit.consts):
        if used[i]:
            new_index[i] = len(consts)
            consts.append(value)
    unit.consts = consts
    unit.const_index = {const_key(v): i for i, v in enumerate(consts)}
    for b in cfg.blocks():
        for instr in b.instrs:
            if instr.op == "LOAD_CONST":
                instr.arg = new_index[instr.arg]


# ---------------------------------------------------------------------- locals
def add_checks_for_loads_of_uninitialized_variables(cfg: CFG, nlocals: int, nparams: int) -> None:
    if nlocals == 0:
        return
    if nlocals > 64:
        _fast_scan_many_locals(cfg, nlocals)
        nlocals = 64
    for b in cfg.blocks():
        b.visited = False
        b.unsafe_mask = 0
    stack = []

    def maybe_push(b: Block, mask: int) -> None:
        both = b.unsafe_mask | mask
        if b.unsafe_mask != both:
            b.unsafe_mask = both
            if not b.visited:
                stack.append(b)
                b.visited = True

    def scan(b: Block) -> None:
        mask = b.unsafe_mask
        for instr in b.instrs:
            if instr.exc is not None:
                maybe_push(instr.exc, mask)
            if instr.arg >= 64:
                continue
            bit = 1 << instr.arg
            op = instr.op
            if op in ("DELETE_FAST", "LOAD_FAST_AND_CLEAR", "STORE_FAST_MAYBE_NULL"):
                mask |= bit
            elif op in ("STORE_FAST", "LOAD_FAST_CHECK"):
                mask &= ~bit
            elif op == "LOAD_FAST":
                if mask & bit:
                    instr.op = "LOAD_FAST_CHECK"
                mask &= ~bit
        if b.next is not None and b.has_fallthrough():
            maybe_push(b.next, mask)
        last = b.last
        if last is not None and last.op in JUMPS:
            maybe_push(last.target, mask)

    start = 0
    for i in range(nparams, nlocals):
        start |= 1 << i
    maybe_push(cfg.entry, start)
    for b in cfg.blocks():
        scan(b)
    while stack:
        b = stack.pop()
        b.visited = False
        scan(b)


def _fast_scan_many_locals(cfg: CFG, nlocals: int) -> None:
    """Locals beyond the first 64 are checked one block at a time (no flow between blocks)."""
    states = [0] * (nlocals - 64)
    blocknum = 0
    for b in cfg.blocks():
        blocknum += 1
        for instr in b.instrs:
            arg = instr.arg
            if arg < 64:
                continue
            op = instr.op
            if op in ("DELETE_FAST", "LOAD_FAST_AND_CLEAR", "STORE_FAST_MAYBE_NULL"):
                states[arg - 64] = blocknum - 1
            elif op == "STORE_FAST":
                states[arg - 64] = blocknum
            elif op == "LOAD_FAST":
                if states[arg - 64] != blocknum:
                    instr.op = "LOAD_FAST_CHECK"
                states[arg - 64] = blocknum


def insert_superinstructions(cfg: CFG) -> None:
    for b in cfg.blocks():
        instrs = b.instrs
        for i, instr in enumerate(instrs):
            if i + 1 >= len(instrs):
                break
            nxt = instrs[i + 1]
            super_op = None
            if instr.op == "LOAD_FAST" and nxt.op == "LOAD_FAST":
                super_op = "LOAD_FAST_LOAD_FAST"
            elif instr.op == "STORE_FAST" and nxt.op == "LOAD_FAST":
                super_op = "STORE_FAST_LOAD_FAST"
            elif instr.op == "STORE_FAST" and nxt.op == "STORE_FAST":
                super_op = "STORE_FAST_STORE_FAST"
            if super_op is None:
                continue
            l1, l2 = instr.loc.lineno, nxt.loc.lineno
            if l1 >= 0 and l2 >= 0 and l1 != l2:
                continue
            if instr.arg >= 16 or nxt.arg >= 16:
                continue
            instr.set(super_op, (instr.arg << 4) | nxt.arg)
            nxt.set("NOP")
    remove_redundant_nops(cfg)


# ---------------------------------------------------------------------- cold blocks
def _mark_warm(cfg: CFG) -> None:
    _reset_visited(cfg)
    entry = cfg.entry
    stack = [entry]
    entry.visited = True
    while stack:
        b = stack.pop()
        b.warm = True
        nxt = b.next
        if nxt is not None and b.has_fallthrough() and not nxt.visited:
            stack.append(nxt)
            nxt.visited = True
        for instr in b.instrs:
            if instr.op in JUMPS and not instr.target.visited:
                stack.append(instr.target)
                instr.target.visited = True


def _mark_cold(cfg: CFG) -> None:
    _mark_warm(cfg)
    _reset_visited(cfg)
    stack = []
    for b in cfg.blocks():
        if b.except_handler:
            stack.append(b)
            b.visited = True
    while stack:
        b = stack.pop()
        b.cold = True
        nxt = b.next
        if nxt is not None and b.has_fallthrough() and not nxt.warm and not nxt.visited:
            stack.append(nxt)
            nxt.visited = True
        for instr in b.instrs:
            if instr.op in JUMPS:
                target = instr.target
                if not target.warm and not target.visited:
                    stack.append(target)
                    target.visited = True


def push_cold_blocks_to_end(cfg: CFG) -> None:
    entry = cfg.entry
    if entry.next is None:
        return
    _mark_cold(cfg)
    for b in list(cfg.blocks()):
        if b.cold and b.has_fallthrough() and b.next is not None and b.next.warm:
            jump = Block()
            if b.next.label < 0:
                b.next.label = cfg.new_label()
            jump.instrs = [Instr("JUMP_NO_INTERRUPT", 0, NO_LOC, b.next)]
            jump.cold = True
            jump.next = b.next
            jump.predecessors = 1
            b.next = jump
    cold_head = cold_tail = None
    b = entry
    while b.next is not None:
        while b.next is not None and not b.next.cold:
            b = b.next
        if b.next is None:
            break
        end = b.next
        while end.next is not None and end.next.cold:
            end = end.next
        if cold_head is None:
            cold_head = b.next
        else:
            cold_tail.next = b.next
        cold_tail = end
        b.next = end.next
        end.next = None
    b.next = cold_head
    if cold_head is not None:
        remove_redundant_nops_and_jumps(cfg)


# ---------------------------------------------------------------------- the pipeline
def optimize(cfg: CFG, unit, nlocals: int, nparams: int, folds: list) -> None:
    """`_PyCfg_OptimizeCodeUnit`; appends the folds it makes to `folds`."""
    consts = Consts(unit, folds)
    mark_except_handlers(cfg)
    label_exception_targets(cfg)
    inline_small_or_no_lineno_blocks(cfg)
    remove_unreachable(cfg)
    resolve_line_numbers(cfg)
    optimize_load_const(cfg, consts)
    for b in cfg.blocks():
        optimize_basic_block(b, consts)
    remove_redundant_nops_and_pairs(cfg)
    remove_unreachable(cfg)
    remove_redundant_nops_and_jumps(cfg)
    remove_unused_consts(cfg, unit)
    add_checks_for_loads_of_uninitialized_variables(cfg, nlocals, nparams)
    insert_superinstructions(cfg)
    push_cold_blocks_to_end(cfg)
    resolve_line_numbers(cfg)


def convert_pseudo_conditional_jumps(cfg: CFG) -> None:
    """JUMP_IF_FALSE/TRUE -> COPY 1, TO_BOOL, POP_JUMP_IF_* (all three under the jump's handler)."""
    for b in cfg.blocks():
        last = b.last
        if last is not None and last.op in ("JUMP_IF_FALSE", "JUMP_IF_TRUE"):
            last.op = "POP_JUMP_IF_FALSE" if last.op == "JUMP_IF_FALSE" else "POP_JUMP_IF_TRUE"
            at = len(b.instrs) - 1
            b.insert(at, Instr("COPY", 1, last.loc, None, last.exc))
            b.insert(at + 1, Instr("TO_BOOL", 0, last.loc, None, last.exc))


def calculate_stackdepth(cfg: CFG) -> int:
    for b in cfg.blocks():
        b.startdepth = -1
    stack = []

    def push(b: Block, depth: int) -> None:
        if b.startdepth < 0:
            b.startdepth = depth
            stack.append(b)

    maxdepth = 0
    push(cfg.entry, 0)
    while stack:
        b = stack.pop()
        depth = b.startdepth
        fallthrough = True
        for instr in b.instrs:
            effect = ir.stack_effect(instr.op, instr.arg, False)
            new_depth = depth + effect
            maxdepth = max(maxdepth, new_depth)
            if instr.op in JUMPS or instr.op in BLOCK_PUSH:
                target_depth = depth + ir.stack_effect(instr.op, instr.arg, True)
                maxdepth = max(maxdepth, target_depth)
                push(instr.target, target_depth)
            depth = new_depth
            if instr.op in TERMINATORS:
                fallthrough = False
                break
        if fallthrough and b.next is not None:
            push(b.next, depth)
    return maxdepth


def convert_pseudo_ops(cfg: CFG) -> None:
    for b in cfg.blocks():
        for instr in b.instrs:
            if instr.op in BLOCK_PUSH:
                instr.set("NOP")
            elif instr.op == "LOAD_CLOSURE":
                instr.op = "LOAD_FAST"
            elif instr.op == "STORE_FAST_MAYBE_NULL":
                instr.op = "STORE_FAST"
    remove_redundant_nops_and_jumps(cfg)


def normalize_jumps(cfg: CFG) -> None:
    _reset_visited(cfg)
    for b in list(cfg.blocks()):
        b.visited = True
        last = b.last
        if last is None or last.op not in JUMPS:
            continue
        forward = not last.target.visited
        if last.op == "JUMP":
            last.op = "JUMP_FORWARD" if forward else "JUMP_BACKWARD"
            continue
        if last.op == "JUMP_NO_INTERRUPT":
            last.op = "JUMP_FORWARD" if forward else "JUMP_BACKWARD_NO_INTERRUPT"
            continue
        reverse = {"POP_JUMP_IF_NOT_NONE": "POP_JUMP_IF_NONE", "POP_JUMP_IF_NONE": "POP_JUMP_IF_NOT_NONE",
                   "POP_JUMP_IF_FALSE": "POP_JUMP_IF_TRUE", "POP_JUMP_IF_TRUE": "POP_JUMP_IF_FALSE"}.get(last.op)
        if reverse is None:
            continue
        if forward:
            # The not-taken edge is marked for instrumentation, in the jumping block.
            b.addop(Instr("NOT_TAKEN", 0, last.loc))
            continue
        target = last.target
        back = Block(cfg.new_label())
        back.instrs = [Instr("NOT_TAKEN", 0, last.loc), Instr("JUMP_BACKWARD", 0, last.loc, target)]
        back.cold = b.cold
        back.startdepth = target.startdepth
        last.op = reverse
        last.target = b.next
        back.next = b.next
        b.next = back
        back.visited = True


# ---------------------------------------------------------------------- LOAD_FAST_BORROW
# Values each opcode pushes (bytecodes.c outputs); popped = pushed - stack effect.
_NO_OUTPUT = frozenset({
    "POP_TOP", "STORE_FAST", "STORE_NAME", "STORE_GLOBAL", "STORE_DEREF", "STORE_ATTR", "STORE_SUBSCR",
    "STORE_SLICE", "DELETE_FAST", "DELETE_NAME", "DELETE_GLOBAL", "DELETE_DEREF", "DELETE_ATTR",
    "DELETE_SUBSCR", "RAISE_VARARGS", "RERAISE", "POP_JUMP_IF_FALSE", "POP_JUMP_IF_TRUE",
    "POP_JUMP_IF_NONE", "POP_JUMP_IF_NOT_NONE", "POP_EXCEPT", "END_FOR", "POP_ITER", "NOP", "NOT_TAKEN",
    "JUMP_FORWARD", "JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT", "RESUME", "MAKE_CELL", "COPY_FREE_VARS",
    "SETUP_ANNOTATIONS", "END_ASYNC_FOR", "EXTENDED_ARG", "LIST_APPEND", "SET_ADD", "MAP_ADD",
    "LIST_EXTEND", "SET_UPDATE", "DICT_UPDATE", "DICT_MERGE", "STORE_FAST_STORE_FAST",
})


def _pushed(op: str, arg: int) -> int:
    if op in _NO_OUTPUT:
        return 0
    if op == "UNPACK_SEQUENCE":
        return arg
    if op == "UNPACK_EX":
        return (arg & 0xFF) + (arg >> 8) + 1
    if op == "LOAD_GLOBAL":
        return 1 + (arg & 1)
    if op in ("CLEANUP_THROW", "PUSH_EXC_INFO", "LOAD_SPECIAL", "CHECK_EG_MATCH"):
        return 2
    return 1


def optimize_load_fast(cfg: CFG) -> None:
    SUPPORT_KILLED, STORED_AS_LOCAL, REF_UNCONSUMED = 1, 2, 4
    _reset_visited(cfg)
    entry = cfg.entry
    todo = [entry]
    entry.visited = True

    def push_block(target: Block) -> None:
        if not target.visited:
            target.visited = True
            todo.append(target)

    while todo:
        b = todo.pop()
        flags = [0] * len(b.instrs)
        refs: list[tuple[int, int]] = [(-1, -1)] * max(b.startdepth, 0)

        def kill_local(local: int) -> None:
            for instr_index, ref_local in refs:
                if ref_local == local:
                    flags[instr_index] |= SUPPORT_KILLED

        def store_local(local: int, ref) -> None:
            kill_local(local)
            if ref[0] != -1:
                flags[ref[0]] |= STORED_AS_LOCAL

        for i, instr in enumerate(b.instrs):
            op, arg = instr.op, instr.arg
            if op == "DELETE_FAST":
                kill_local(arg)
            elif op == "LOAD_FAST":
                refs.append((i, arg))
            elif op == "LOAD_FAST_AND_CLEAR":
                kill_local(arg)
                refs.append((i, arg))
            elif op == "LOAD_FAST_LOAD_FAST":
                refs.append((i, arg >> 4))
                refs.append((i, arg & 15))
            elif op == "STORE_FAST":
                store_local(arg, refs.pop())
            elif op == "STORE_FAST_LOAD_FAST":
                store_local(arg >> 4, refs.pop())
                refs.append((i, arg & 15))
            elif op == "STORE_FAST_STORE_FAST":
                store_local(arg >> 4, refs.pop())
                store_local(arg & 15, refs.pop())
            elif op == "COPY":
                refs.append(refs[len(refs) - arg])
            elif op == "SWAP":
                refs[-1], refs[-arg] = refs[-arg], refs[-1]
            elif op in ("FORMAT_SIMPLE", "GET_ANEXT", "GET_LEN", "GET_YIELD_FROM_ITER", "IMPORT_FROM",
                        "MATCH_KEYS", "MATCH_MAPPING", "MATCH_SEQUENCE", "WITH_EXCEPT_START"):
                net = ir.stack_effect(op, arg, False)
                # CPython pushes these with the loop counter as instruction index (a quirk
                # that only matters through REF_UNCONSUMED marks).
                for j in range(net):
                    refs.append((j, -1))
            elif op in ("DICT_MERGE", "DICT_UPDATE", "LIST_APPEND", "LIST_EXTEND", "MAP_ADD", "RERAISE",
                        "SET_ADD", "SET_UPDATE"):
                for _ in range(-ir.stack_effect(op, arg, False)):
                    refs.pop()
            elif op in ("END_SEND", "SET_FUNCTION_ATTRIBUTE"):
                tos = refs.pop()
                refs.pop()
                refs.append(tos)
            elif op in ("LOAD_SPECIAL", "PUSH_EXC_INFO"):
                tos = refs.pop()
                refs.append((i, -1))
                refs.append(tos)
            elif op == "CHECK_EXC_MATCH":
                refs.pop()
                refs.append((i, -1))
            elif op == "FOR_ITER":
                push_block(instr.target)
                refs.append((i, -1))
            elif op in ("LOAD_ATTR", "LOAD_SUPER_ATTR"):
                self_ref = refs.pop()
                if op == "LOAD_SUPER_ATTR":
                    refs.pop()
                    refs.pop()
                refs.append((i, -1))
                if arg & 1:
                    refs.append(self_ref)
            elif op == "SEND":
                push_block(instr.target)
                refs.pop()
                refs.append((i, -1))
            else:
                pushed = _pushed(op, arg)
                popped = pushed - ir.stack_effect(op, arg, False)
                if op in JUMPS or op in BLOCK_PUSH:
                    push_block(instr.target)
                for _ in range(popped):
                    refs.pop()
                for _ in range(pushed):
                    refs.append((i, -1))
        last = b.last
        # An empty block does not pass its successor on (as in CPython).
        if last is not None and b.next is not None and last.op not in TERMINATORS:
            push_block(b.next)
        for instr_index, _local in refs:
            if instr_index != -1:
                flags[instr_index] |= REF_UNCONSUMED
        for i, instr in enumerate(b.instrs):
            if not flags[i]:
                if instr.op == "LOAD_FAST":
                    instr.op = "LOAD_FAST_BORROW"
                elif instr.op == "LOAD_FAST_LOAD_FAST":
                    instr.op = "LOAD_FAST_BORROW_LOAD_FAST_BORROW"
