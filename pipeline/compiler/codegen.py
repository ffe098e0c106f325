"""AST + symbol table -> pseudo-instruction sequences, one `Unit` per code object (`Python/codegen.c`).

`Codegen(symtable, filename, optimize).module(tree)` returns the module's `CodeObject`; nested code
objects are compiled (codegen, then `flowgraph` and `assemble`) when their definition is reached,
as CPython does, so constants and names are numbered in CPython's order.

Every construct follows 3.14's `codegen_*` function of the same name: the same instructions, in
the same order, with the same locations (NO_LOC where CPython marks code artificial), the same
labels and the same fblock (unwind) bookkeeping. Errors CPython's codegen raises become
`CompileError`s carrying CPython's message and location; warnings are collected on the Codegen.
"""
from __future__ import annotations

import dataclasses

from pipeline import astnodes as A
from pipeline import facts
from pipeline import symtable as S
from pipeline.compiler.unparse import unparse
from pipeline.compiler.ir import (COMMON_CONSTANT, FUNCTION_ATTR, INTRINSIC1, INTRINSIC2, NB, NEXT_LOC, NO_LOC,
                                  RESUME_AFTER_AWAIT, RESUME_AFTER_YIELD, RESUME_AFTER_YIELD_FROM,
                                  RESUME_AT_FUNC_START, SPECIAL_METHOD, STACK_USE_GUIDELINE,
                                  Instr, Label, Loc, const_key, loc_of)


class CompileError(Exception):
    """A SyntaxError the codegen raises (`_PyCompile_Error`)."""

    def __init__(self, message: str, loc: Loc):
        super().__init__(message)
        self.message = message
        self.loc = loc


# COMPARE_OP's argument: the comparison (Py_LT..Py_GE, in facts.CMP_OP order) shifted left 5,
# or'ed with the mask of outcomes that make it true (pycore_opcode_utils.h COMPARISON_*); the
# flowgraph sets ir.COMPARE_BOOL_BIT when a TO_BOOL follows.
_CMP_SYMBOL = {"Lt": "<", "LtE": "<=", "Eq": "==", "NotEq": "!=", "Gt": ">", "GtE": ">="}
_CMP_INDEX = {op: facts.CMP_OP.index(symbol) for op, symbol in _CMP_SYMBOL.items()}
_UNORDERED, _LESS, _GREATER, _EQUAL = 1, 2, 4, 8
_CMP_MASK = (_LESS, _LESS | _EQUAL, _EQUAL, _UNORDERED | _LESS | _GREATER, _GREATER, _GREATER | _EQUAL)


def compare_oparg(cmp: str) -> int:
    i = _CMP_INDEX[cmp]
    return (i << 5) | _CMP_MASK[i]


_BINOP = {"Add": "NB_ADD", "Sub": "NB_SUBTRACT", "Mult": "NB_MULTIPLY", "MatMult": "NB_MATRIX_MULTIPLY",
          "Div": "NB_TRUE_DIVIDE", "Mod": "NB_REMAINDER", "Pow": "NB_POWER", "LShift": "NB_LSHIFT",
          "RShift": "NB_RSHIFT", "BitOr": "NB_OR", "BitXor": "NB_XOR", "BitAnd": "NB_AND",
          "FloorDiv": "NB_FLOOR_DIVIDE"}
_INPLACE = {op: "NB_INPLACE_" + nb[3:] for op, nb in _BINOP.items()}
_UNARY = {"Invert": "UNARY_INVERT", "USub": "UNARY_NEGATIVE"}
_CONVERSION = {ord("s"): 1, ord("r"): 2, ord("a"): 3}  # FVC_STR, FVC_REPR, FVC_ASCII
_ANNOTATE_FORMAT_VALUE_WITH_FAKE_GLOBALS = 2

# Scope kinds (COMPILE_SCOPE_*).
MODULE, CLASS, FUNCTION, ASYNC_FUNCTION, LAMBDA, COMPREHENSION, ANNOTATIONS = (
    "module", "class", "function", "async_function", "lambda", "comprehension", "annotations")
_FUNCTION_SCOPES = (FUNCTION, ASYNC_FUNCTION, LAMBDA)

# CPython's CO_MAXBLOCKS: how many fblocks one code unit may nest (21 nested loops compile, 22
# raise "too many statically nested blocks"; the oracle's compile() shows the boundary). The C
# header holds it; no Python module exposes it for facts.py to take.
_MAX_BLOCKS = 21

# fblock kinds (COMPILE_FBLOCK_*).
WHILE_LOOP, FOR_LOOP, TRY_EXCEPT, FINALLY_TRY, FINALLY_END, WITH, ASYNC_WITH, HANDLER_CLEANUP, \
    POP_VALUE, EXCEPTION_HANDLER, EXCEPTION_GROUP_HANDLER, ASYNC_COMPREHENSION_GENERATOR, \
    STOP_ITERATION = range(13)
_LOOPS = (WHILE_LOOP, FOR_LOOP)


@dataclasses.dataclass
class FBlock:
    kind: int
    block: Label | None
    exit: Label | None
    datum: object
    loc: Loc


class Unit:
    """`struct compiler_unit`: one code object being generated."""

    def __init__(self, ste: S.SymbolTable, name: str, scope: str, firstlineno: int, private: str | None,
                 argcount: int = 0, posonly: int = 0, kwonly: int = 0):
        self.ste = ste
        self.name = name
        self.qualname = name
        self.scope = scope
        self.firstlineno = firstlineno
        self.private = private
        self.argcount, self.posonly, self.kwonly = argcount, posonly, kwonly
        self.consts: list = []
        self.const_index: dict = {}
        self.names: dict[str, int] = {}
        self.varnames: dict[str, int] = {name: i for i, name in enumerate(ste.varnames)}
        self.fasthidden: dict[str, bool] = {}
        cells = sorted(n for n, sym in ste.symbols.items() if sym.scope == S.CELL)
        if ste.needs_class_closure:
            cells.append("__class__")
        if ste.needs_classdict:
            cells.append("__classdict__")
        if ste.has_conditional_annotations and scope in (CLASS, MODULE):
            cells.append("__conditional_annotations__")
        self.cellvars = {name: i for i, name in enumerate(cells)}
        free = sorted(n for n, sym in ste.symbols.items()
                      if sym.scope == S.FREE or sym.flags & S.DEF_FREE_CLASS)
        self.freevars = {name: len(cells) + i for i, name in enumerate(free)}
        self.instrs: list = []
        self.fblocks: list[FBlock] = []
        self.static_attributes: set[str] | None = set() if scope == CLASS else None
        self.deferred_annotations: list = []
        self.conditional_annotation_index = 0
        self.in_conditional_block = 0
        self.in_inlined_comp = 0
        self.has_docstring = False
        self.annotations_code: list | None = None

    def add_const(self, value) -> int:
        """The index of `value` in co_consts, added on first use (the key is `const_key`, so equal
        constants of different types, like 0 and 0.0, stay apart as in CPython)."""
        index = self.const_index.get(key := const_key(value))
        if index is None:
            index = self.const_index[key] = len(self.consts)
            self.consts.append(value)
        return index


def _docstring(body) -> str | None:
    """`_PyAST_GetDocString`."""
    if body and type(body[0]).__name__ == "Expr":
        value = body[0].value
        if type(value).__name__ == "Constant" and type(value.value) is str:
            return value.value
    return None


def clean_doc(doc: str) -> str:
    """`_PyCompile_CleanDoc`: tabs expanded, the first line's leading spaces and the common
    leading spaces of the following non-blank lines removed; blank lines are kept."""
    doc = doc.expandtabs()
    lines = doc.split("\n")
    margins = [len(line) - len(line.lstrip(" ")) for line in lines[1:] if line.lstrip(" ")]
    margin = min(margins) if margins else 0
    first = lines[0].lstrip(" ")
    if first == lines[0] and margin == 0:
        return doc
    rest = []
    for line in lines[1:]:
        cut = 0
        while cut < margin and cut < len(line) and line[cut] == " ":
            cut += 1
        rest.append(line[cut:])
    return "\n".join([first, *rest])


def _kind(node) -> str:
    return type(node).__name__


# `infer_type` names for the displays `check_caller` warns about.
_DISPLAY_TYPES = {"Tuple": "tuple", "List": "list", "ListComp": "list", "Dict": "dict", "DictComp": "dict",
                  "Set": "set", "SetComp": "set", "GeneratorExp": "generator", "JoinedStr": "str",
                  "TemplateStr": "string.templatelib.Template"}


def _literal_type(e) -> str:
    return type(e.value).__name__ if _kind(e) == "Constant" else _DISPLAY_TYPES[_kind(e)]


def _is_literal_constant(e) -> bool:
    """The negation of `check_is_arg`: a constant other than None, True, False and Ellipsis."""
    return _kind(e) == "Constant" and not (e.value is None or type(e.value) is bool or e.value is Ellipsis)


class _PatternContext:
    """`pattern_context`: names captured so far, the fail_pop labels (index = items to pop),
    items above the subject, and whether an irrefutable pattern is allowed here."""

    def __init__(self):
        self.stores: list[str] = []
        self.fail_pop: list[Label] = []
        self.on_top = 0
        self.allow_irrefutable = False


def _is_wildcard(p) -> bool:
    return _kind(p) == "MatchAs" and p.pattern is None and p.name is None


def _fold_pattern_value(e):
    """ast_preprocess.c folds `-1`, `1 + 2j` and `-1 - 2j` in patterns to constants."""
    kind = _kind(e)
    if kind == "UnaryOp" and _kind(e.op) == "USub" and _kind(e.operand) == "Constant":
        return A.Constant(value=-e.operand.value, kind=None, lineno=e.lineno, col_offset=e.col_offset,
                          end_lineno=e.end_lineno, end_col_offset=e.end_col_offset)
    if kind == "BinOp" and _kind(e.op) in ("Add", "Sub"):
        left, right = _fold_pattern_value(e.left), e.right
        if _kind(left) == "Constant" and _kind(right) == "Constant":
            value = left.value + right.value if _kind(e.op) == "Add" else left.value - right.value
            return A.Constant(value=value, kind=None, lineno=e.lineno, col_offset=e.col_offset,
                              end_lineno=e.end_lineno, end_col_offset=e.end_col_offset)
    return e


# --- ast_preprocess.c's `optimize_format`: `'...%s...' % (a, b)` as an f-string.
_MAX_FORMAT_DIGITS = 3
_FORMAT_FLAGS = "-+ #0"


def _no_location_constant(value):
    return A.Constant(value=value, kind=None, lineno=-1, col_offset=-1, end_lineno=-1, end_col_offset=-1)


def _format_number(fmt: str, pos: int, ch: str) -> tuple[int, str, int] | None:
    """A width or precision starting at `ch` (`pos` is just past it): its value, the character
    after it and the position past that; None when the format ends or it has too many digits."""
    value = digits = 0
    while "0" <= ch <= "9":
        value = value * 10 + int(ch)
        if pos >= len(fmt):
            return None
        ch = fmt[pos]
        pos += 1
        digits += 1
        if digits >= _MAX_FORMAT_DIGITS:
            return None
    return value, ch, pos


def _parse_format_unit(fmt: str, pos: int, arg):
    """`parse_format` after a '%': a FormattedValue for %s/%r/%a with an optional width and
    precision (each under 3 digits), or None when unsupported; also the position after it."""
    n = len(fmt)
    flags = ""
    while True:
        if pos >= n:
            return None, pos
        ch = fmt[pos]
        pos += 1
        if ch in _FORMAT_FLAGS:
            flags += ch
            continue
        break
    width = prec = -1
    if ch.isdigit() and ch.isascii():
        number = _format_number(fmt, pos, ch)
        if number is None:
            return None, pos
        width, ch, pos = number
    if ch == ".":
        if pos >= n:
            return None, pos
        number = _format_number(fmt, pos + 1, fmt[pos])
        if number is None:
            return None, pos
        prec, ch, pos = number
    if ch not in "sra":
        return None, pos
    spec = ""
    if "-" not in flags and width > 0:
        spec += ">"
    if width >= 0:
        spec += str(width)
    if prec >= 0:
        spec += f".{prec}"
    format_spec = _no_location_constant(spec) if spec else None
    return A.FormattedValue(value=arg, conversion=ord(ch), format_spec=format_spec, lineno=arg.lineno,
                            col_offset=arg.col_offset, end_lineno=arg.end_lineno,
                            end_col_offset=arg.end_col_offset), pos


def percent_format_as_joined_str(e):
    """The JoinedStr 3.14's AST preprocessing makes of `e` (a BinOp), or None."""
    left, right = e.left, e.right
    if not (_kind(e.op) == "Mod" and _kind(left) == "Constant" and type(left.value) is str
            and _kind(right) == "Tuple" and not any(_kind(x) == "Starred" for x in right.elts)):
        return None
    fmt, elts = left.value, right.elts
    pos, count, values = 0, 0, []
    while True:
        start = pos
        while pos < len(fmt):
            if fmt[pos] != "%":
                pos += 1
            elif pos + 1 < len(fmt) and fmt[pos + 1] == "%":
                pos += 2
            else:
                break
        if pos > start:
            values.append(_no_location_constant(fmt[start:pos].replace("%%", "%")))
        if pos >= len(fmt):
            break
        if count >= len(elts):
            return None
        unit, pos = _parse_format_unit(fmt, pos + 1, elts[count])
        count += 1
        if unit is None:
            return None
        values.append(unit)
    if count < len(elts):
        return None
    return A.JoinedStr(values=tuple(values), lineno=e.lineno, col_offset=e.col_offset,
                       end_lineno=e.end_lineno, end_col_offset=e.end_col_offset)


class Codegen:
    """Compiles one module; `units` is the stack of code objects being generated (innermost last)."""

    def __init__(self, symtable: S.SymtableResult, filename: str, optimize: int, assemble):
        self.st = symtable
        self.filename = filename
        self.optimize = optimize
        self.assemble = assemble  # Unit -> CodeObject (flowgraph + assembler)
        self.units: list[Unit] = []
        self.next_label = 0
        self.future_annotations = "annotations" in symtable.future_features
        self.warnings: list[tuple[str, Loc]] = []

    # ----------------------------------------------------------------- units and emitting
    @property
    def u(self) -> Unit:
        return self.units[-1]

    def new_label(self) -> Label:
        self.next_label += 1
        return Label(self.next_label)

    def use_label(self, label: Label) -> None:
        self.u.instrs.append(label)

    def emit(self, op: str, arg: int = 0, loc: Loc = NO_LOC) -> None:
        self.u.instrs.append(Instr(op, arg, loc))

    def jump(self, op: str, target: Label, loc: Loc = NO_LOC) -> None:
        """`codegen_addop_j` (NOT_TAKEN comes later, from `flowgraph.normalize_jumps`)."""
        self.u.instrs.append(Instr(op, 0, loc, target))

    def add_const(self, value) -> int:
        return self.u.add_const(value)

    def load_const(self, value, loc: Loc) -> None:
        """`codegen_addop_load_const`: always a constant; the CFG turns small ints into
        LOAD_SMALL_INT (the constant stays only if it is the first)."""
        self.emit("LOAD_CONST", self.add_const(value), loc)

    @staticmethod
    def _dict_add(mapping: dict, name: str) -> int:
        if name not in mapping:
            mapping[name] = len(mapping)
        return mapping[name]

    def mangle(self, name: str) -> str:
        """`_PyCompile_MaybeMangle`."""
        ste = self.u.ste
        if ste.mangled_names is not None and name not in ste.mangled_names:
            return name
        return S.mangle(self.u.private, name)

    def emit_name(self, op: str, name: str, loc: Loc, mangle: bool = True) -> None:
        """`ADDOP_NAME` (mangled) / `ADDOP_N` on co_names, with the argument encodings of
        LOAD_ATTR (method bit) and LOAD_SUPER_ATTR (two-argument and method bits)."""
        arg = self._dict_add(self.u.names, self.mangle(name) if mangle else name)
        shift = {"LOAD_ATTR": (1, 0), "LOAD_METHOD": (1, 1), "LOAD_SUPER_ATTR": (2, 2),
                 "LOAD_SUPER_METHOD": (2, 3), "LOAD_ZERO_SUPER_ATTR": (2, 0),
                 "LOAD_ZERO_SUPER_METHOD": (2, 1)}.get(op)
        if shift:
            arg = (arg << shift[0]) | shift[1]
            op = "LOAD_ATTR" if op.startswith("LOAD_") and "SUPER" not in op else "LOAD_SUPER_ATTR"
        self.emit(op, arg, loc)

    def emit_varname(self, op: str, name: str, loc: Loc) -> None:
        self.emit(op, self._dict_add(self.u.varnames, name), loc)

    def enter_scope(self, name: str, scope: str, node, lineno: int, private=None, *, role=S.Role.OWN,
                    argcount: int = 0, posonly: int = 0, kwonly: int = 0, ste=None) -> Unit:
        """`codegen_enter_scope`: push a unit and emit its RESUME."""
        ste = ste or self.st.lookup(node, role)
        if private is None and self.units:
            private = self.u.private
        unit = Unit(ste, name, scope, lineno, private, argcount, posonly, kwonly)
        if self.units:
            self._set_qualname(unit)
        self.units.append(unit)
        if scope == MODULE:
            loc = Loc(0, lineno, 0, 0)  # the module's RESUME is on line 0
        else:
            loc = Loc(lineno, lineno, 0, 0)
        self.emit("RESUME", RESUME_AT_FUNC_START, loc)
        return unit

    def _set_qualname(self, unit: Unit) -> None:
        """`compiler_set_qualname`."""
        stack = self.units
        parent = stack[-1]
        if parent.scope == ANNOTATIONS:
            if len(stack) == 1:
                return
            parent = stack[-2]
        force_global = False
        if unit.scope in (FUNCTION, ASYNC_FUNCTION, CLASS):
            mangled = S.mangle(parent.private, unit.name)
            if parent.ste.scope_of(mangled) == S.GLOBAL_EXPLICIT:
                force_global = True
        if force_global or parent.scope == MODULE:
            unit.qualname = unit.name
        elif parent.scope in _FUNCTION_SCOPES:
            unit.qualname = f"{parent.qualname}.<locals>.{unit.name}"
        else:
            unit.qualname = f"{parent.qualname}.{unit.name}"

    def exit_scope(self, add_none: bool = True):
        """`_PyCompile_OptimizeAndAssemble` + `_PyCompile_ExitScope`: the unit's code object."""
        if add_none:
            self.load_const(None, NO_LOC)
        self.emit("RETURN_VALUE", 0, NO_LOC)
        unit = self.units.pop()
        return self.assemble(unit, self)

    def error(self, message: str, loc: Loc):
        raise CompileError(message, loc)

    def warn(self, message: str, loc: Loc) -> None:
        self.warnings.append((message, loc))

    def push_fblock(self, kind, block, exit_=None, datum=None, loc=NO_LOC) -> None:
        if len(self.u.fblocks) >= _MAX_BLOCKS:
            self.error("too many statically nested blocks", loc)
        self.u.fblocks.append(FBlock(kind, block, exit_, datum, loc))

    def pop_fblock(self) -> None:
        self.u.fblocks.pop()

    # ----------------------------------------------------------------- dispatch
    def visit(self, node) -> None:
        getattr(self, "visit_" + _kind(node))(node)

    def visit_seq(self, nodes) -> None:
        for node in nodes:
            self.visit(node)

    # ----------------------------------------------------------------- module
    def module(self, tree):
        self.enter_scope("<module>", MODULE, tree, 1)
        if _kind(tree) == "Expression":
            self.visit(tree.body)
            self.emit("RETURN_VALUE", 0, NO_LOC)
            unit = self.units.pop()
            return self.assemble(unit, self)
        loc = loc_of(tree.body[0]) if tree.body else Loc(1, 1, 0, 0)
        if self.u.ste.has_conditional_annotations:
            self.emit("BUILD_SET", 0, loc)
            self.emit_name("STORE_NAME", "__conditional_annotations__", loc, mangle=False)
        self.body(loc, tree.body)
        return self.exit_scope()

    def body(self, loc: Loc, stmts) -> None:
        """`_PyCodegen_Body`: docstring, statements, then the deferred `__annotate__`."""
        if self.future_annotations and self.u.ste.annotations_used:
            self.emit("SETUP_ANNOTATIONS", 0, loc)
        if not stmts:
            return
        first = 0
        doc = _docstring(stmts) if self.optimize < 2 else None
        if doc is not None:
            first = 1
            self.load_const(clean_doc(doc), loc_of(stmts[0].value))
            self.nameop("__doc__", "Store", NO_LOC)
        for stmt in stmts[first:]:
            self.visit(stmt)
        if not self.future_annotations:
            self.process_deferred_annotations(loc)

    # ----------------------------------------------------------------- names
    def nameop(self, name: str, ctx: str, loc: Loc) -> None:
        """`codegen_nameop`."""
        u = self.u
        mangled = self.mangle(name)
        ste = u.ste
        scope = ste.scope_of(mangled)
        optype = "NAME"
        mapping = u.names
        if scope == S.FREE:
            optype, mapping = "DEREF", u.freevars
        elif scope == S.CELL:
            optype, mapping = "DEREF", u.cellvars
        elif scope == S.LOCAL:
            if ste.type.function_like or u.fasthidden.get(mangled):
                optype = "FAST"
        elif scope == S.GLOBAL_IMPLICIT:
            if ste.type.function_like:
                optype = "GLOBAL"
        elif scope == S.GLOBAL_EXPLICIT:
            optype = "GLOBAL"
        if optype == "FAST":
            self.emit_varname({"Load": "LOAD_FAST", "Store": "STORE_FAST", "Del": "DELETE_FAST"}[ctx], mangled, loc)
            return
        if optype == "DEREF":
            arg = mapping[mangled] if mangled in mapping else self._dict_add(mapping, mangled)
            if ctx == "Load":
                if ste.type == S.BlockType.CLASS and not u.in_inlined_comp:
                    self.emit("LOAD_LOCALS", 0, loc)
                    op = "LOAD_FROM_DICT_OR_DEREF"
                elif ste.can_see_class_scope:
                    self.load_classdict_freevar(loc)
                    op = "LOAD_FROM_DICT_OR_DEREF"
                else:
                    op = "LOAD_DEREF"
            else:
                op = "STORE_DEREF" if ctx == "Store" else "DELETE_DEREF"
            self.emit(op, arg, loc)
            return
        arg = self._dict_add(u.names, mangled)
        if optype == "GLOBAL":
            if ctx == "Load":
                if ste.can_see_class_scope and scope == S.GLOBAL_IMPLICIT:
                    self.load_classdict_freevar(loc)
                    self.emit("LOAD_FROM_DICT_OR_GLOBALS", arg, loc)
                else:
                    self.emit("LOAD_GLOBAL", arg << 1, loc)
            else:
                self.emit("STORE_GLOBAL" if ctx == "Store" else "DELETE_GLOBAL", arg, loc)
            return
        if ctx == "Load":
            if ste.type == S.BlockType.CLASS and u.in_inlined_comp:
                self.emit("LOAD_GLOBAL", arg << 1, loc)
            else:
                self.emit("LOAD_NAME", arg, loc)
        else:
            self.emit("STORE_NAME" if ctx == "Store" else "DELETE_NAME", arg, loc)

    def load_classdict_freevar(self, loc: Loc) -> None:
        self.emit("LOAD_DEREF", self.u.freevars["__classdict__"], loc)

    # ----------------------------------------------------------------- statements
    def visit_Expr(self, s) -> None:
        value = s.value
        if _kind(value) == "Constant":
            self.emit("NOP", 0, loc_of(s))
            return
        self.visit(value)
        self.emit("POP_TOP", 0, NO_LOC)

    def visit_Pass(self, s) -> None:
        self.emit("NOP", 0, loc_of(s))

    def visit_Global(self, s) -> None:
        pass

    visit_Nonlocal = visit_Global

    def visit_Assign(self, s) -> None:
        self.visit(s.value)
        n = len(s.targets)
        for i, target in enumerate(s.targets):
            if i < n - 1:
                self.emit("COPY", 1, loc_of(s))
            self.visit(target)

    def visit_AugAssign(self, s) -> None:
        e = s.target
        loc = loc_of(e)
        kind = _kind(e)
        if kind == "Attribute":
            self.visit(e.value)
            self.emit("COPY", 1, loc)
            self.emit_name("LOAD_ATTR", e.attr, self.attr_loc(loc, e))
        elif kind == "Subscript":
            self.visit(e.value)
            if self.is_two_element_slice(e.slice):
                self.slice_two_parts(e.slice)
                for _ in range(3):
                    self.emit("COPY", 3, loc)
                self.emit("BINARY_SLICE", 0, loc)
            else:
                self.visit(e.slice)
                self.emit("COPY", 2, loc)
                self.emit("COPY", 2, loc)
                self.emit("BINARY_OP", NB["NB_SUBSCR"], loc)
        else:
            self.nameop(e.id, "Load", loc)
        self.visit(s.value)
        self.emit("BINARY_OP", NB[_INPLACE[_kind(s.op)]], loc_of(s))
        if kind == "Attribute":
            loc = self.attr_loc(loc, e)
            self.emit("SWAP", 2, loc)
            self.emit_name("STORE_ATTR", e.attr, loc)
        elif kind == "Subscript":
            if self.is_two_element_slice(e.slice):
                for n in (4, 3, 2):
                    self.emit("SWAP", n, loc)
                self.emit("STORE_SLICE", 0, loc)
            else:
                self.emit("SWAP", 3, loc)
                self.emit("SWAP", 2, loc)
                self.emit("STORE_SUBSCR", 0, loc)
        else:
            self.nameop(e.id, "Store", loc)

    def visit_AnnAssign(self, s) -> None:
        loc = loc_of(s)
        target = s.target
        if s.value is not None:
            self.visit(s.value)
            self.visit(target)
        kind = _kind(target)
        if kind == "Name":
            if s.simple and self.u.scope in (MODULE, CLASS):
                if self.future_annotations:
                    self.load_annotation_text(s.annotation)
                    self.emit_name("LOAD_NAME", "__annotations__", loc, mangle=False)
                    self.load_const(self.mangle(target.id), loc)
                    self.emit("STORE_SUBSCR", 0, loc)
                    return
                index = self.add_deferred_annotation(s)
                if index is not None:
                    op = "LOAD_DEREF" if self.u.scope == CLASS else "LOAD_NAME"
                    if op == "LOAD_DEREF":
                        self.emit(op, self.u.cellvars["__conditional_annotations__"], loc)
                    else:
                        self.emit_name(op, "__conditional_annotations__", loc, mangle=False)
                    self.load_const(index, loc)
                    self.emit("SET_ADD", 1, loc)
                    self.emit("POP_TOP", 0, loc)
        elif s.value is None:
            if kind == "Attribute":
                self.check_ann_expr(target.value)
            elif kind == "Subscript":
                self.check_ann_expr(target.value)
                self.check_ann_subscr(target.slice)

    def check_ann_expr(self, e) -> None:
        self.visit(e)
        self.emit("POP_TOP", 0, loc_of(e))

    def check_ann_subscr(self, e) -> None:
        kind = _kind(e)
        if kind == "Slice":
            for part in (e.lower, e.upper, e.step):
                if part is not None:
                    self.check_ann_expr(part)
        elif kind == "Tuple":
            for elt in e.elts:
                self.check_ann_subscr(elt)
        else:
            self.check_ann_expr(e)

    def add_deferred_annotation(self, s):
        """`_PyCompile_AddDeferredAnnotation`: returns the conditional index, if conditional."""
        u = self.u
        index = None
        # Module-level annotations all count as conditional (a module may run partially).
        if u.in_conditional_block or (u.scope == MODULE and u.ste.has_conditional_annotations):
            index = u.conditional_annotation_index
            u.conditional_annotation_index += 1
        u.deferred_annotations.append((s, -1 if index is None else index))
        return index

    def process_deferred_annotations(self, loc: Loc) -> None:
        """`codegen_process_deferred_annotations`: the `__annotate__` of a module or class."""
        u = self.u
        if not u.deferred_annotations:
            return
        deferred = u.deferred_annotations
        u.deferred_annotations = []
        module = u.scope == MODULE
        if module:
            saved = u.instrs
            u.instrs = []
        ste = u.ste
        self.setup_annotations_scope(loc, None, ste.annotation_block.name, ste=ste.annotation_block)
        self.emit("BUILD_MAP", 0, loc)
        for st, index in deferred:
            mangled = self.mangle(st.target.id)
            not_set = self.new_label()
            sloc = loc_of(st)
            if index != -1:
                self.load_const(index, sloc)
                if u.scope == CLASS:
                    # ADDOP_NAME on u_freevars: the annotate function captures the class's cell.
                    frees = self.u.freevars
                    if "__conditional_annotations__" not in frees:
                        frees["__conditional_annotations__"] = len(self.u.cellvars) + len(frees)
                    self.emit("LOAD_DEREF", frees["__conditional_annotations__"], sloc)
                else:
                    self.emit_name("LOAD_GLOBAL", "__conditional_annotations__", sloc, mangle=False)
                    self.u.instrs[-1].arg <<= 1
                self.emit("CONTAINS_OP", 0, sloc)
                self.jump("POP_JUMP_IF_FALSE", not_set, sloc)
            self.visit(st.annotation)
            self.emit("COPY", 2, sloc)
            self.load_const(mangled, sloc)
            self.emit("STORE_SUBSCR", 0, loc)
            self.use_label(not_set)
        self.leave_annotations_scope(loc)
        self.nameop("__annotate_func__" if u.scope == CLASS else "__annotate__", "Store", loc)
        if module:
            u.annotations_code = u.instrs
            u.instrs = saved

    def setup_annotations_scope(self, loc: Loc, node, name: str, ste=None) -> None:
        """`codegen_setup_annotations_scope`: `__annotate__(format)` raising NotImplementedError
        for formats beyond VALUE_WITH_FAKE_GLOBALS."""
        self.enter_scope(name, ANNOTATIONS, node, loc.lineno, ste=ste, posonly=1)
        self.emit("LOAD_FAST", 0, loc)
        self.load_const(_ANNOTATE_FORMAT_VALUE_WITH_FAKE_GLOBALS, loc)
        self.emit("COMPARE_OP", compare_oparg("Gt"), loc)
        body = self.new_label()
        self.jump("POP_JUMP_IF_FALSE", body, loc)
        self.emit("LOAD_COMMON_CONSTANT", COMMON_CONSTANT["NotImplementedError"], loc)
        self.emit("RAISE_VARARGS", 1, loc)
        self.use_label(body)

    def leave_annotations_scope(self, loc: Loc) -> None:
        """Return the dict built, make the function; its parameter shows as `format`."""
        self.emit("RETURN_VALUE", 0, loc)
        code = self.exit_scope()
        names = tuple("format" if n == ".format" else n for n in code.co_localsplusnames)
        code = dataclasses.replace(code, co_localsplusnames=names)
        self.make_closure(loc, code, 0)

    def visit_Delete(self, s) -> None:
        self.visit_seq(s.targets)

    def visit_Return(self, s) -> None:
        loc = loc_of(s)
        value = s.value
        preserve_tos = value is not None and _kind(value) != "Constant"
        ste = self.u.ste
        if not ste.type.function_like:
            self.error("'return' outside function", loc)
        if value is not None and ste.coroutine and ste.generator:
            self.error("'return' with value in async generator", loc)
        if preserve_tos:
            self.visit(value)
        elif value is not None:
            # A constant is returned at its own location (the NOP gives the line an event).
            loc = loc_of(value)
            self.emit("NOP", 0, loc)
        if value is None or value.lineno != s.lineno:
            loc = loc_of(s)
            self.emit("NOP", 0, loc)
        loc = self.unwind_fblock_stack(loc, preserve_tos, None)[0]
        if value is None:
            self.load_const(None, loc)
        elif not preserve_tos:
            self.load_const(value.value, loc)
        self.emit("RETURN_VALUE", 0, loc)

    def visit_Break(self, s) -> None:
        loc = loc_of(s)
        self.emit("NOP", 0, loc)
        loc, loop = self.unwind_fblock_stack(loc, False, True)
        if loop is None:
            self.error("'break' outside loop", loc_of(s))
        loc = self.unwind_fblock(loop, loc, False)
        self.jump("JUMP", loop.exit, loc)

    def visit_Continue(self, s) -> None:
        loc = loc_of(s)
        self.emit("NOP", 0, loc)
        loc, loop = self.unwind_fblock_stack(loc, False, True)
        if loop is None:
            self.error("'continue' not properly in loop", loc_of(s))
        self.jump("JUMP", loop.block, loc)

    def unwind_fblock_stack(self, loc: Loc, preserve_tos: bool, want_loop):
        """`codegen_unwind_fblock_stack`: emit the exits of the enclosing blocks (innermost
        first) up to the nearest loop if `want_loop`; returns (location, loop or None)."""
        fblocks = self.u.fblocks
        if not fblocks:
            return loc, None
        top = fblocks[-1]
        if top.kind == EXCEPTION_GROUP_HANDLER:
            self.error("'break', 'continue' and 'return' cannot appear in an except* block", loc)
        if want_loop and top.kind in _LOOPS:
            return loc, top
        fblocks.pop()
        try:
            loc = self.unwind_fblock(top, loc, preserve_tos)
            loc, loop = self.unwind_fblock_stack(loc, preserve_tos, want_loop)
        finally:
            fblocks.append(top)
        return loc, loop

    def unwind_fblock(self, info: FBlock, loc: Loc, preserve_tos: bool) -> Loc:
        """`codegen_unwind_fblock`: the code leaving one block; returns the location to use next."""
        kind = info.kind
        if kind in (WHILE_LOOP, EXCEPTION_HANDLER, EXCEPTION_GROUP_HANDLER, ASYNC_COMPREHENSION_GENERATOR,
                    STOP_ITERATION):
            return loc
        if kind == FOR_LOOP:
            if preserve_tos:
                self.emit("SWAP", 2, loc)
            self.emit("POP_TOP", 0, loc)
            return loc
        if kind == TRY_EXCEPT:
            self.emit("POP_BLOCK", 0, loc)
            return loc
        if kind == FINALLY_TRY:
            self.emit("POP_BLOCK", 0, loc)
            if preserve_tos:
                self.push_fblock(POP_VALUE, None)
            self.visit_seq(info.datum)
            if preserve_tos:
                self.pop_fblock()
            return NO_LOC
        if kind == FINALLY_END:
            if preserve_tos:
                self.emit("SWAP", 2, loc)
            self.emit("POP_TOP", 0, loc)
            if preserve_tos:
                self.emit("SWAP", 2, loc)
            self.emit("POP_BLOCK", 0, loc)
            self.emit("POP_EXCEPT", 0, loc)
            return loc
        if kind in (WITH, ASYNC_WITH):
            loc = info.loc
            self.emit("POP_BLOCK", 0, loc)
            if preserve_tos:
                self.emit("SWAP", 3, loc)
                self.emit("SWAP", 2, loc)
            self.call_exit_with_nones(loc)
            if kind == ASYNC_WITH:
                self.emit("GET_AWAITABLE", 2, loc)
                self.load_const(None, loc)
                self.add_yield_from(loc, True)
            self.emit("POP_TOP", 0, loc)
            return NO_LOC
        if kind == HANDLER_CLEANUP:
            if info.datum is not None:
                self.emit("POP_BLOCK", 0, loc)
            if preserve_tos:
                self.emit("SWAP", 2, loc)
            self.emit("POP_BLOCK", 0, loc)
            self.emit("POP_EXCEPT", 0, loc)
            if info.datum is not None:
                self.load_const(None, loc)
                self.nameop(info.datum, "Store", loc)
                self.nameop(info.datum, "Del", loc)
            return loc
        if kind == POP_VALUE:
            if preserve_tos:
                self.emit("SWAP", 2, loc)
            self.emit("POP_TOP", 0, loc)
            return loc
        raise AssertionError(kind)

    def visit_If(self, s) -> None:
        end = self.new_label()
        orelse = self.new_label() if s.orelse else end
        self.u.in_conditional_block += 1
        self.jump_if(loc_of(s), s.test, orelse, False)
        self.visit_seq(s.body)
        if s.orelse:
            self.jump("JUMP_NO_INTERRUPT", end)
            self.use_label(orelse)
            self.visit_seq(s.orelse)
        self.u.in_conditional_block -= 1
        self.use_label(end)

    def visit_While(self, s) -> None:
        loop, end, anchor = self.new_label(), self.new_label(), self.new_label()
        self.u.in_conditional_block += 1
        self.use_label(loop)
        self.push_fblock(WHILE_LOOP, loop, end, loc=loc_of(s))
        self.jump_if(loc_of(s), s.test, anchor, False)
        self.visit_seq(s.body)
        self.jump("JUMP", loop)
        self.pop_fblock()
        self.use_label(anchor)
        if s.orelse:
            self.visit_seq(s.orelse)
        self.use_label(end)
        self.u.in_conditional_block -= 1

    def visit_For(self, s) -> None:
        loc = loc_of(s)
        start, body, cleanup, end = self.new_label(), self.new_label(), self.new_label(), self.new_label()
        self.u.in_conditional_block += 1
        self.push_fblock(FOR_LOOP, start, end, loc=loc)
        self.visit(s.iter)
        loc = loc_of(s.iter)
        self.emit("GET_ITER", 0, loc)
        self.use_label(start)
        self.jump("FOR_ITER", cleanup, loc)
        self.emit("NOP", 0, loc_of(s.target))
        self.use_label(body)
        self.visit(s.target)
        self.visit_seq(s.body)
        self.jump("JUMP", start)
        self.use_label(cleanup)
        self.emit("END_FOR")
        self.emit("POP_ITER")
        self.pop_fblock()
        self.visit_seq(s.orelse)
        self.use_label(end)
        self.u.in_conditional_block -= 1

    def visit_AsyncFor(self, s) -> None:
        loc = loc_of(s)
        ste = self.u.ste
        if not ste.coroutine:
            self.error("'async for' outside async function", loc)
        start, except_, end = self.new_label(), self.new_label(), self.new_label()
        self.u.in_conditional_block += 1
        self.visit(s.iter)
        self.emit("GET_AITER", 0, loc_of(s.iter))
        self.use_label(start)
        self.push_fblock(FOR_LOOP, start, end, loc=loc)
        self.jump("SETUP_FINALLY", except_, loc)
        self.emit("GET_ANEXT", 0, loc)
        self.load_const(None, loc)
        send = self.add_yield_from(loc, True)
        self.emit("POP_BLOCK", 0, loc)
        self.emit("NOT_TAKEN", 0, loc)
        self.visit(s.target)
        self.visit_seq(s.body)
        self.jump("JUMP", start)
        self.pop_fblock()
        self.use_label(except_)
        self.jump("END_ASYNC_FOR", send, loc_of(s.iter))
        self.visit_seq(s.orelse)
        self.use_label(end)
        self.u.in_conditional_block -= 1

    def visit_Raise(self, s) -> None:
        n = 0
        if s.exc is not None:
            self.visit(s.exc)
            n += 1
            if s.cause is not None:
                self.visit(s.cause)
                n += 1
        self.emit("RAISE_VARARGS", n, loc_of(s))

    def visit_Assert(self, s) -> None:
        test = s.test
        if (_kind(test) == "Tuple" and test.elts) or (
                _kind(test) == "Constant" and type(test.value) is tuple and test.value):
            self.warn("assertion is always true, perhaps remove parentheses?", loc_of(s))
        if self.optimize:
            return
        end = self.new_label()
        self.jump_if(loc_of(s), test, end, True)
        self.emit("LOAD_COMMON_CONSTANT", COMMON_CONSTANT["AssertionError"], loc_of(s))
        if s.msg is not None:
            self.visit(s.msg)
            self.emit("CALL", 0, loc_of(s))
        self.emit("RAISE_VARARGS", 1, loc_of(test))
        self.use_label(end)

    def visit_Import(self, s) -> None:
        loc = loc_of(s)
        for alias in s.names:
            self.load_const(0, loc)
            self.load_const(None, loc)
            self.emit_name("IMPORT_NAME", alias.name, loc)
            if alias.asname:
                self.import_as(loc, alias.name, alias.asname)
            else:
                self.nameop(alias.name.split(".")[0], "Store", loc)

    def import_as(self, loc: Loc, name: str, asname: str) -> None:
        parts = name.split(".")
        if len(parts) > 1:
            for i, attr in enumerate(parts[1:]):
                self.emit_name("IMPORT_FROM", attr, loc, mangle=False)
                if i < len(parts) - 2:
                    self.emit("SWAP", 2, loc)
                    self.emit("POP_TOP", 0, loc)
            self.nameop(asname, "Store", loc)
            self.emit("POP_TOP", 0, loc)
        else:
            self.nameop(asname, "Store", loc)

    def visit_ImportFrom(self, s) -> None:
        loc = loc_of(s)
        self.load_const(s.level or 0, loc)
        self.load_const(tuple(alias.name for alias in s.names), loc)
        self.emit_name("IMPORT_NAME", s.module or "", loc)
        for i, alias in enumerate(s.names):
            if i == 0 and alias.name.startswith("*"):
                self.emit("CALL_INTRINSIC_1", INTRINSIC1["INTRINSIC_IMPORT_STAR"], loc)
                self.emit("POP_TOP", 0, NO_LOC)
                return
            self.emit_name("IMPORT_FROM", alias.name, loc)
            self.nameop(alias.asname or alias.name, "Store", loc)
        self.emit("POP_TOP", 0, loc)

    # --- try
    def visit_Try(self, s) -> None:
        if s.finalbody:
            self.try_finally(s)
        else:
            self.try_except(s)

    def pop_except_and_reraise(self, loc: Loc) -> None:
        self.emit("COPY", 3, loc)
        self.emit("POP_EXCEPT", 0, loc)
        self.emit("RERAISE", 1, loc)

    def try_finally(self, s, star: bool = False) -> None:
        loc = loc_of(s)
        body, end, exit_, cleanup = self.new_label(), self.new_label(), self.new_label(), self.new_label()
        self.jump("SETUP_FINALLY", end, loc)
        self.use_label(body)
        self.push_fblock(FINALLY_TRY, body, end, s.finalbody, loc)
        if s.handlers:
            (self.try_star_except if star else self.try_except)(s)
        else:
            self.visit_seq(s.body)
        self.emit("POP_BLOCK")
        self.pop_fblock()
        self.visit_seq(s.finalbody)
        self.jump("JUMP_NO_INTERRUPT", exit_)
        self.use_label(end)
        self.jump("SETUP_CLEANUP", cleanup)
        self.emit("PUSH_EXC_INFO")
        self.push_fblock(FINALLY_END, end)
        self.visit_seq(s.finalbody)
        self.pop_fblock()
        self.emit("RERAISE", 0)
        self.use_label(cleanup)
        self.pop_except_and_reraise(NO_LOC)
        self.use_label(exit_)

    def try_except(self, s) -> None:
        loc = loc_of(s)
        body, except_, end, cleanup = self.new_label(), self.new_label(), self.new_label(), self.new_label()
        self.jump("SETUP_FINALLY", except_, loc)
        self.use_label(body)
        self.push_fblock(TRY_EXCEPT, body, loc=loc)
        self.visit_seq(s.body)
        self.pop_fblock()
        self.emit("POP_BLOCK")
        self.visit_seq(s.orelse)
        self.jump("JUMP_NO_INTERRUPT", end)
        self.use_label(except_)
        self.jump("SETUP_CLEANUP", cleanup)
        self.emit("PUSH_EXC_INFO")
        self.push_fblock(EXCEPTION_HANDLER, None, loc=loc)
        n = len(s.handlers)
        for i, handler in enumerate(s.handlers):
            hloc = loc_of(handler)
            if handler.type is None and i < n - 1:
                self.error("default 'except:' must be last", hloc)
            except_ = self.new_label()
            if handler.type is not None:
                self.visit(handler.type)
                self.emit("CHECK_EXC_MATCH", 0, hloc)
                self.jump("POP_JUMP_IF_FALSE", except_, hloc)
            if handler.name:
                cleanup_end, cleanup_body = self.new_label(), self.new_label()
                self.nameop(handler.name, "Store", hloc)
                self.jump("SETUP_CLEANUP", cleanup_end, hloc)
                self.use_label(cleanup_body)
                self.push_fblock(HANDLER_CLEANUP, cleanup_body, None, handler.name, hloc)
                self.visit_seq(handler.body)
                self.pop_fblock()
                self.emit("POP_BLOCK")
                self.emit("POP_BLOCK")
                self.emit("POP_EXCEPT")
                self.load_const(None, NO_LOC)
                self.nameop(handler.name, "Store", NO_LOC)
                self.nameop(handler.name, "Del", NO_LOC)
                self.jump("JUMP_NO_INTERRUPT", end)
                self.use_label(cleanup_end)
                self.load_const(None, NO_LOC)
                self.nameop(handler.name, "Store", NO_LOC)
                self.nameop(handler.name, "Del", NO_LOC)
                self.emit("RERAISE", 1)
            else:
                cleanup_body = self.new_label()
                self.emit("POP_TOP", 0, hloc)
                self.use_label(cleanup_body)
                self.push_fblock(HANDLER_CLEANUP, cleanup_body, None, None, hloc)
                self.visit_seq(handler.body)
                self.pop_fblock()
                self.emit("POP_BLOCK")
                self.emit("POP_EXCEPT")
                self.jump("JUMP_NO_INTERRUPT", end)
            self.use_label(except_)
        self.pop_fblock()
        self.emit("RERAISE", 0)
        self.use_label(cleanup)
        self.pop_except_and_reraise(NO_LOC)
        self.use_label(end)

    def visit_TryStar(self, s) -> None:
        if s.finalbody:
            self.try_finally(s, star=True)
        else:
            self.try_star_except(s)

    def try_star_except(self, s) -> None:
        """`codegen_try_star_except`: handlers collect what they raise into a list that
        INTRINSIC_PREP_RERAISE_STAR turns into the group to re-raise (or None)."""
        loc = loc_of(s)
        body, except_, orelse, end, cleanup, reraise_star = (self.new_label() for _ in range(6))
        self.jump("SETUP_FINALLY", except_, loc)
        self.use_label(body)
        self.push_fblock(TRY_EXCEPT, body, loc=loc)
        self.visit_seq(s.body)
        self.pop_fblock()
        self.emit("POP_BLOCK")
        self.jump("JUMP_NO_INTERRUPT", orelse)
        self.use_label(except_)
        self.jump("SETUP_CLEANUP", cleanup)
        self.emit("PUSH_EXC_INFO")
        self.push_fblock(EXCEPTION_GROUP_HANDLER, None, None, "except handler", loc)
        n = len(s.handlers)
        for i, handler in enumerate(s.handlers):
            hloc = loc_of(handler)
            except_ = self.new_label()
            except_with_error, no_match = self.new_label(), self.new_label()
            if i == 0:
                self.emit("BUILD_LIST", 0, hloc)
                self.emit("COPY", 2, hloc)
            if handler.type is not None:
                self.visit(handler.type)
                self.emit("CHECK_EG_MATCH", 0, hloc)
                self.emit("COPY", 1, hloc)
                self.jump("POP_JUMP_IF_NONE", no_match, hloc)
            cleanup_end, cleanup_body = self.new_label(), self.new_label()
            if handler.name:
                self.nameop(handler.name, "Store", hloc)
            else:
                self.emit("POP_TOP", 0, hloc)
            self.jump("SETUP_CLEANUP", cleanup_end, hloc)
            self.use_label(cleanup_body)
            self.push_fblock(HANDLER_CLEANUP, cleanup_body, None, handler.name, hloc)
            self.visit_seq(handler.body)
            self.pop_fblock()
            self.emit("POP_BLOCK")
            if handler.name:
                self.clear_handler_name(handler.name)
            self.jump("JUMP", except_)
            self.use_label(cleanup_end)
            if handler.name:
                self.clear_handler_name(handler.name)
            self.emit("LIST_APPEND", 3)
            self.emit("POP_TOP")
            self.jump("JUMP", except_with_error)
            self.use_label(except_)
            self.emit("NOP")  # holds a propagated location
            self.jump("JUMP", except_with_error)
            self.use_label(no_match)
            self.emit("POP_TOP", 0, hloc)
            self.use_label(except_with_error)
            if i == n - 1:
                self.emit("LIST_APPEND", 1)
                self.jump("JUMP", reraise_star)
        self.pop_fblock()
        reraise = self.new_label()
        self.use_label(reraise_star)
        self.emit("CALL_INTRINSIC_2", INTRINSIC2["INTRINSIC_PREP_RERAISE_STAR"])
        self.emit("COPY", 1)
        self.jump("POP_JUMP_IF_NOT_NONE", reraise)
        self.emit("POP_TOP")
        self.emit("POP_BLOCK")
        self.emit("POP_EXCEPT")
        self.jump("JUMP_NO_INTERRUPT", end)
        self.use_label(reraise)
        self.emit("POP_BLOCK")
        self.emit("SWAP", 2)
        self.emit("POP_EXCEPT")
        self.emit("RERAISE", 0)
        self.use_label(cleanup)
        self.pop_except_and_reraise(NO_LOC)
        self.use_label(orelse)
        self.visit_seq(s.orelse)
        self.use_label(end)

    def clear_handler_name(self, name: str) -> None:
        """`name = None; del name` (artificial), after an `except ... as name` body."""
        self.load_const(None, NO_LOC)
        self.nameop(name, "Store", NO_LOC)
        self.nameop(name, "Del", NO_LOC)

    # --- with
    def call_exit_with_nones(self, loc: Loc) -> None:
        for _ in range(3):
            self.load_const(None, loc)
        self.emit("CALL", 3, loc)

    def with_except_finish(self, cleanup: Label) -> None:
        suppress, exit_ = self.new_label(), self.new_label()
        self.emit("TO_BOOL")
        self.jump("POP_JUMP_IF_TRUE", suppress)
        self.emit("RERAISE", 2)
        self.use_label(suppress)
        for op in ("POP_TOP", "POP_BLOCK", "POP_EXCEPT", "POP_TOP", "POP_TOP", "POP_TOP"):
            self.emit(op)
        self.jump("JUMP_NO_INTERRUPT", exit_)
        self.use_label(cleanup)
        self.pop_except_and_reraise(NO_LOC)
        self.use_label(exit_)

    def visit_With(self, s, pos: int = 0) -> None:
        self.with_inner(s, pos, False)

    def visit_AsyncWith(self, s, pos: int = 0) -> None:
        ste = self.u.ste
        if not ste.coroutine:
            self.error("'async with' outside async function", loc_of(s))
        self.with_inner(s, pos, True)

    def with_inner(self, s, pos: int, is_async: bool) -> None:
        item = s.items[pos]
        block, final, exit_, cleanup = self.new_label(), self.new_label(), self.new_label(), self.new_label()
        self.visit(item.context_expr)
        loc = loc_of(item.context_expr)
        enter, leave = ("__aenter__", "__aexit__") if is_async else ("__enter__", "__exit__")
        self.emit("COPY", 1, loc)
        self.emit("LOAD_SPECIAL", SPECIAL_METHOD[leave], loc)
        self.emit("SWAP", 2, loc)
        self.emit("SWAP", 3, loc)
        self.emit("LOAD_SPECIAL", SPECIAL_METHOD[enter], loc)
        self.emit("CALL", 0, loc)
        if is_async:
            self.emit("GET_AWAITABLE", 1, loc)
            self.load_const(None, loc)
            self.add_yield_from(loc, True)
        self.jump("SETUP_WITH", final, loc)
        self.use_label(block)
        self.push_fblock(ASYNC_WITH if is_async else WITH, block, final, s, loc)
        if item.optional_vars is not None:
            self.visit(item.optional_vars)
        else:
            self.emit("POP_TOP", 0, loc)
        pos += 1
        if pos == len(s.items):
            self.visit_seq(s.body)
        else:
            self.with_inner(s, pos, is_async)
        # codegen_async_with_inner gives this POP_BLOCK the item's location; codegen_with_inner
        # makes it artificial.
        self.emit("POP_BLOCK", 0, loc if is_async else NO_LOC)
        self.pop_fblock()
        self.call_exit_with_nones(loc)
        if is_async:
            self.emit("GET_AWAITABLE", 2, loc)
            self.load_const(None, loc)
            self.add_yield_from(loc, True)
        self.emit("POP_TOP", 0, loc)
        self.jump("JUMP", exit_, loc)
        self.use_label(final)
        self.jump("SETUP_CLEANUP", cleanup, loc)
        self.emit("PUSH_EXC_INFO", 0, loc)
        self.emit("WITH_EXCEPT_START", 0, loc)
        if is_async:
            self.emit("GET_AWAITABLE", 2, loc)
            self.load_const(None, loc)
            self.add_yield_from(loc, True)
        self.with_except_finish(cleanup)
        self.use_label(exit_)

    # --- definitions
    def decorators(self, decorators) -> None:
        self.visit_seq(decorators)

    def apply_decorators(self, decorators) -> None:
        for deco in reversed(decorators):
            self.emit("CALL", 0, loc_of(deco))

    def default_arguments(self, loc: Loc, args) -> int:
        """`codegen_default_arguments`: push defaults (tuple) and kw-defaults (dict); the flags."""
        flags = 0
        if args.defaults:
            self.visit_seq(args.defaults)
            self.emit("BUILD_TUPLE", len(args.defaults), loc)
            flags |= FUNCTION_ATTR["defaults"]
        if args.kwonlyargs:
            count = 0
            for arg, default in zip(args.kwonlyargs, args.kw_defaults):
                if default is not None:
                    self.load_const(self.mangle(arg.arg), loc)
                    self.visit(default)
                    count += 1
            if count:
                self.emit("BUILD_MAP", count, loc)
                flags |= FUNCTION_ATTR["kwdefaults"]
        return flags

    def visit_FunctionDef(self, s, is_async: bool = False) -> None:
        loc = loc_of(s)
        self.decorators(s.decorator_list)
        firstlineno = s.decorator_list[0].lineno if s.decorator_list else s.lineno
        flags = self.default_arguments(loc, s.args)
        generic_args = 0
        if s.type_params:
            if flags:
                generic_args = 2 if flags & FUNCTION_ATTR["kwdefaults"] else 1
            self.enter_scope(f"<generic parameters of {s.name}>", ANNOTATIONS, s, firstlineno,
                             role=S.Role.TYPE_PARAMS, argcount=generic_args)
            self.type_params(s.type_params)
            for i in range(generic_args):
                self.emit("LOAD_FAST", i, loc)
        flags |= self.function_annotations(loc, s)
        self.function_body(s, is_async, flags, firstlineno)
        if s.type_params:
            self.emit("SWAP", 2, loc)
            self.emit("CALL_INTRINSIC_2", INTRINSIC2["INTRINSIC_SET_FUNCTION_TYPE_PARAMS"], loc)
            self.make_closure(loc, self.exit_scope(add_none=False), 0)
            if generic_args:
                self.emit("SWAP", generic_args + 1, loc)
                self.emit("CALL", generic_args - 1, loc)
            else:
                self.emit("PUSH_NULL", 0, loc)
                self.emit("CALL", 0, loc)
        self.apply_decorators(s.decorator_list)
        self.nameop(s.name, "Store", loc)

    def visit_AsyncFunctionDef(self, s) -> None:
        self.visit_FunctionDef(s, True)

    def function_annotations(self, loc: Loc, s) -> int:
        """`codegen_annotations`: an `__annotate__` function for the parameters and return."""
        ste = self.st.get(s, S.Role.ANNOTATIONS)
        if ste is None or not ste.annotations_used:
            return 0
        self.setup_annotations_scope(loc, None, ste.name, ste=ste)
        count = 0
        for name, annotation in self.annotated_parameters(s):
            self.load_const(self.mangle(name), loc)
            if self.future_annotations:
                self.load_annotation_text(annotation)
            elif _kind(annotation) == "Starred":
                self.visit(annotation.value)
                self.emit("UNPACK_SEQUENCE", 1, loc)
            else:
                self.visit(annotation)
            count += 1
        self.emit("BUILD_MAP", count, loc)
        self.leave_annotations_scope(loc)
        return FUNCTION_ATTR["annotate"]

    @staticmethod
    def annotated_parameters(s):
        """(name, annotation) in `codegen_annotations_in_scope`'s order: args, then positional-only
        ones, *args, keyword-only ones, **kwargs, the return."""
        args = s.args
        items = [(a.arg, a.annotation) for a in args.args] + [(a.arg, a.annotation) for a in args.posonlyargs]
        if args.vararg is not None:
            items.append((args.vararg.arg, args.vararg.annotation))
        items += [(a.arg, a.annotation) for a in args.kwonlyargs]
        if args.kwarg is not None:
            items.append((args.kwarg.arg, args.kwarg.annotation))
        items.append(("return", s.returns))
        return [(name, annotation) for name, annotation in items if annotation is not None]

    def load_annotation_text(self, annotation) -> None:
        """`codegen_visit_annexpr`: under `from __future__ import annotations`, the source text."""
        self.load_const(unparse(annotation), loc_of(annotation))

    def function_body(self, s, is_async: bool, flags: int, firstlineno: int) -> None:
        args = s.args
        scope = ASYNC_FUNCTION if is_async else FUNCTION
        self.enter_scope(s.name, scope, s, firstlineno, argcount=len(args.args),
                         posonly=len(args.posonlyargs), kwonly=len(args.kwonlyargs))
        u = self.u
        doc = _docstring(s.body) if self.optimize < 2 else None
        first = 0
        if doc is not None:
            first = 1
            self.add_const(clean_doc(doc))
            u.has_docstring = True
        ste = u.ste
        stop_iteration = ste.coroutine or ste.generator
        start = self.new_label()
        self.use_label(start)
        if stop_iteration:
            self.push_fblock(STOP_ITERATION, start)
        for stmt in s.body[first:]:
            self.visit(stmt)
        if stop_iteration:
            self.wrap_in_stopiteration_handler()
            self.pop_fblock()
        code = self.exit_scope()
        self.make_closure(loc_of(s), code, flags)

    def wrap_in_stopiteration_handler(self) -> None:
        handler = self.new_label()
        self.u.instrs.insert(0, Instr("SETUP_CLEANUP", 0, NO_LOC, handler))
        self.load_const(None, NO_LOC)
        self.emit("RETURN_VALUE")
        self.use_label(handler)
        self.emit("CALL_INTRINSIC_1", INTRINSIC1["INTRINSIC_STOPITERATION_ERROR"])
        self.emit("RERAISE", 1)

    def make_closure(self, loc: Loc, code, flags: int) -> None:
        """`codegen_make_closure`: LOAD_CLOSURE each free variable of `code` from this unit."""
        frees = code.co_freevars
        if frees:
            u = self.u
            for name in frees:
                # `_PyCompile_LookupArg`: a cell of this unit, else one of its free variables.
                scope = u.ste.scope_of(name)
                if scope == S.CELL or (name in u.cellvars and name not in u.freevars):
                    arg = u.cellvars[name]
                else:
                    arg = u.freevars[name]
                self.emit("LOAD_CLOSURE", arg, loc)
            flags |= FUNCTION_ATTR["closure"]
            self.emit("BUILD_TUPLE", len(frees), loc)
        self.emit("LOAD_CONST", self.add_const(code), loc)
        self.emit("MAKE_FUNCTION", 0, loc)
        for name in ("closure", "annotations", "annotate", "kwdefaults", "defaults"):
            if flags & FUNCTION_ATTR[name]:
                self.emit("SET_FUNCTION_ATTRIBUTE", FUNCTION_ATTR[name], loc)

    def visit_Lambda(self, e) -> None:
        loc = loc_of(e)
        args = e.args
        flags = self.default_arguments(loc, args)
        self.enter_scope("<lambda>", LAMBDA, e, e.lineno, argcount=len(args.args),
                         posonly=len(args.posonlyargs), kwonly=len(args.kwonlyargs))
        self.visit(e.body)
        if self.u.ste.generator:
            code = self.exit_scope(add_none=False)
        else:
            self.emit("RETURN_VALUE", 0, loc_of(e.body))
            code = self.exit_scope()
        self.make_closure(loc, code, flags)

    def visit_ClassDef(self, s) -> None:
        loc = loc_of(s)
        self.decorators(s.decorator_list)
        firstlineno = s.decorator_list[0].lineno if s.decorator_list else s.lineno
        if s.type_params:
            self.enter_scope(f"<generic parameters of {s.name}>", ANNOTATIONS, s, firstlineno, private=s.name,
                             role=S.Role.TYPE_PARAMS)
            self.type_params(s.type_params)
            self.nameop(".type_params", "Store", loc)
        self.class_body(s, firstlineno)
        if s.type_params:
            self.nameop(".type_params", "Load", loc)
            self.emit("CALL_INTRINSIC_1", INTRINSIC1["INTRINSIC_SUBSCRIPT_GENERIC"], loc)
            self.nameop(".generic_base", "Store", loc)
            generic_base = A.Name(id=".generic_base", ctx=A.Load(), lineno=loc.lineno, col_offset=loc.col,
                                  end_lineno=loc.end_lineno, end_col_offset=loc.end_col)
            self.call_helper(loc, 2, (*s.bases, generic_base), s.keywords)
            self.make_closure(loc, self.exit_scope(add_none=False), 0)
            self.emit("PUSH_NULL", 0, loc)
            self.emit("CALL", 0, loc)
        else:
            self.call_helper(loc, 2, s.bases, s.keywords)
        self.apply_decorators(s.decorator_list)
        self.nameop(s.name, "Store", loc)

    def class_body(self, s, firstlineno: int) -> None:
        self.enter_scope(s.name, CLASS, s, firstlineno, private=s.name)
        u = self.u
        loc = Loc(firstlineno, firstlineno, 0, 0)
        self.nameop("__name__", "Load", loc)
        self.nameop("__module__", "Store", loc)
        self.load_const(u.qualname, loc)
        self.nameop("__qualname__", "Store", loc)
        self.load_const(u.firstlineno, loc)
        self.nameop("__firstlineno__", "Store", loc)
        ste = u.ste
        if s.type_params:
            self.nameop(".type_params", "Load", loc)
            self.nameop("__type_params__", "Store", loc)
        if ste.needs_classdict:
            self.emit("LOAD_LOCALS", 0, loc)
            self.emit("STORE_DEREF", u.cellvars["__classdict__"], loc)
        if ste.has_conditional_annotations:
            self.emit("BUILD_SET", 0, loc)
            self.emit("STORE_DEREF", u.cellvars["__conditional_annotations__"], loc)
        self.body(loc, s.body)
        self.load_const(tuple(sorted(u.static_attributes)), NO_LOC)
        self.nameop("__static_attributes__", "Store", NO_LOC)
        if ste.needs_classdict:
            self.emit("LOAD_CLOSURE", u.cellvars["__classdict__"])
            self.nameop("__classdictcell__", "Store", NO_LOC)
        if ste.needs_class_closure:
            self.emit("LOAD_CLOSURE", u.cellvars["__class__"])
            self.emit("COPY", 1)
            self.nameop("__classcell__", "Store", NO_LOC)
            self.emit("RETURN_VALUE")
            code = self.exit_scope(add_none=False)
        else:
            code = self.exit_scope()
        loc = loc_of(s)
        self.emit("LOAD_BUILD_CLASS", 0, loc)
        self.emit("PUSH_NULL", 0, loc)
        self.make_closure(loc, code, 0)
        self.load_const(s.name, loc)

    # --- match (codegen_match_inner and the codegen_pattern_* family)
    def visit_Match(self, s) -> None:
        self.visit(s.subject)
        end = self.new_label()
        cases = s.cases
        last = cases[-1]
        has_default = _is_wildcard(last.pattern) and len(cases) > 1
        pc = _PatternContext()
        for i, case in enumerate(cases[:len(cases) - has_default]):
            ploc = loc_of(case.pattern)
            not_last = i != len(cases) - has_default - 1
            if not_last:
                self.emit("COPY", 1, ploc)
            pc.stores = []
            pc.allow_irrefutable = case.guard is not None or i == len(cases) - 1
            pc.fail_pop = []
            pc.on_top = 0
            self.pattern(case.pattern, pc)
            for name in pc.stores:
                self.nameop(name, "Store", ploc)
            if case.guard is not None:
                self.ensure_fail_pop(pc, 0)
                self.jump_if(ploc, case.guard, pc.fail_pop[0], False)
            if not_last:
                self.emit("POP_TOP", 0, NEXT_LOC)
            self.visit_seq(case.body)
            self.jump("JUMP", end)
            self.emit_and_reset_fail_pop(ploc, pc)
        if has_default:
            ploc = loc_of(last.pattern)
            self.emit("POP_TOP" if len(cases) == 1 else "NOP", 0, ploc)
            if last.guard is not None:
                self.jump_if(ploc, last.guard, end, False)
            self.visit_seq(last.body)
        self.use_label(end)

    def ensure_fail_pop(self, pc, n: int) -> None:
        while len(pc.fail_pop) < n + 1:
            pc.fail_pop.append(self.new_label())

    def jump_to_fail_pop(self, loc: Loc, pc, op: str) -> None:
        pops = pc.on_top + len(pc.stores)
        self.ensure_fail_pop(pc, pops)
        self.jump(op, pc.fail_pop[pops], loc)

    def emit_and_reset_fail_pop(self, loc: Loc, pc) -> None:
        if not pc.fail_pop:
            return
        for label in reversed(pc.fail_pop[1:]):
            self.use_label(label)
            self.emit("POP_TOP", 0, loc)
        self.use_label(pc.fail_pop[0])
        pc.fail_pop = []

    def pattern_rotate(self, loc: Loc, count: int) -> None:
        while count > 1:
            self.emit("SWAP", count, loc)
            count -= 1

    def pattern_store_name(self, loc: Loc, name, pc) -> None:
        if name is None:
            self.emit("POP_TOP", 0, loc)
            return
        if name in pc.stores:
            self.error(f"multiple assignments to name {name!r} in pattern", loc)
        self.pattern_rotate(loc, pc.on_top + len(pc.stores) + 1)
        pc.stores.append(name)

    def pattern(self, p, pc) -> None:
        getattr(self, "pattern_" + _kind(p))(p, pc)

    def subpattern(self, p, pc) -> None:
        saved = pc.allow_irrefutable
        pc.allow_irrefutable = True
        self.pattern(p, pc)
        pc.allow_irrefutable = saved

    def pattern_MatchAs(self, p, pc) -> None:
        loc = loc_of(p)
        if p.pattern is None:
            if not pc.allow_irrefutable:
                if p.name:
                    self.error(f"name capture {p.name!r} makes remaining patterns unreachable", loc)
                self.error("wildcard makes remaining patterns unreachable", loc)
            self.pattern_store_name(loc, p.name, pc)
            return
        pc.on_top += 1
        self.emit("COPY", 1, loc)
        self.pattern(p.pattern, pc)
        pc.on_top -= 1
        self.pattern_store_name(loc, p.name, pc)

    def pattern_MatchStar(self, p, pc) -> None:
        self.pattern_store_name(loc_of(p), p.name, pc)

    def pattern_MatchValue(self, p, pc) -> None:
        loc = loc_of(p)
        value = _fold_pattern_value(p.value)
        if _kind(value) not in ("Constant", "Attribute"):
            self.error("patterns may only match literals and attribute lookups", loc)
        self.visit(value)
        self.emit("COMPARE_OP", compare_oparg("Eq"), loc)
        self.emit("TO_BOOL", 0, loc)
        self.jump_to_fail_pop(loc, pc, "POP_JUMP_IF_FALSE")

    def pattern_MatchSingleton(self, p, pc) -> None:
        loc = loc_of(p)
        self.load_const(p.value, loc)
        self.emit("IS_OP", 0, loc)
        self.jump_to_fail_pop(loc, pc, "POP_JUMP_IF_FALSE")

    def pattern_MatchSequence(self, p, pc) -> None:
        loc = loc_of(p)
        patterns = p.patterns
        size = len(patterns)
        star = -1
        only_wildcard = True
        star_wildcard = False
        for i, sub in enumerate(patterns):
            if _kind(sub) == "MatchStar":
                if star >= 0:
                    self.error("multiple starred names in sequence pattern", loc)
                star_wildcard = sub.name is None
                only_wildcard &= star_wildcard
                star = i
                continue
            only_wildcard &= _is_wildcard(sub)
        pc.on_top += 1
        self.emit("MATCH_SEQUENCE", 0, loc)
        self.jump_to_fail_pop(loc, pc, "POP_JUMP_IF_FALSE")
        if star < 0:
            self.emit("GET_LEN", 0, loc)
            self.load_const(size, loc)
            self.emit("COMPARE_OP", compare_oparg("Eq"), loc)
            self.jump_to_fail_pop(loc, pc, "POP_JUMP_IF_FALSE")
        elif not only_wildcard:
            self.emit("GET_LEN", 0, loc)
            self.load_const(size - 1, loc)
            self.emit("COMPARE_OP", compare_oparg("GtE"), loc)
            self.jump_to_fail_pop(loc, pc, "POP_JUMP_IF_FALSE")
        pc.on_top -= 1
        if only_wildcard:
            self.emit("POP_TOP", 0, loc)
        elif star_wildcard:
            pc.on_top += 1
            for i, sub in enumerate(patterns):
                if _is_wildcard(sub) or i == star:
                    continue
                self.emit("COPY", 1, loc)
                if i < star:
                    self.load_const(i, loc)
                else:
                    self.emit("GET_LEN", 0, loc)
                    self.load_const(size - i, loc)
                    self.emit("BINARY_OP", NB["NB_SUBTRACT"], loc)
                self.emit("BINARY_OP", NB["NB_SUBSCR"], loc)
                self.subpattern(sub, pc)
            pc.on_top -= 1
            self.emit("POP_TOP", 0, loc)
        else:
            self.pattern_unpack(loc, patterns)
            pc.on_top += size
            for sub in patterns:
                pc.on_top -= 1
                self.subpattern(sub, pc)

    def pattern_unpack(self, loc: Loc, patterns) -> None:
        n = len(patterns)
        for i, sub in enumerate(patterns):
            if _kind(sub) == "MatchStar":
                self.emit("UNPACK_EX", i + ((n - i - 1) << 8), loc)
                return
        self.emit("UNPACK_SEQUENCE", n, loc)

    def pattern_MatchMapping(self, p, pc) -> None:
        loc = loc_of(p)
        keys, patterns = p.keys, p.patterns
        size = len(keys)
        pc.on_top += 1
        self.emit("MATCH_MAPPING", 0, loc)
        self.jump_to_fail_pop(loc, pc, "POP_JUMP_IF_FALSE")
        if not size and not p.rest:
            pc.on_top -= 1
            self.emit("POP_TOP", 0, loc)
            return
        if size:
            self.emit("GET_LEN", 0, loc)
            self.load_const(size, loc)
            self.emit("COMPARE_OP", compare_oparg("GtE"), loc)
            self.jump_to_fail_pop(loc, pc, "POP_JUMP_IF_FALSE")
        seen = set()
        for key in keys:
            key = _fold_pattern_value(key)
            if _kind(key) == "Constant":
                k = const_key(key.value)
                if k in seen:
                    self.error(f"mapping pattern checks duplicate key ({key.value!r})", loc)
                seen.add(k)
            elif _kind(key) != "Attribute":
                self.error("mapping pattern keys may only match literals and attribute lookups", loc)
            self.visit(key)
        self.emit("BUILD_TUPLE", size, loc)
        self.emit("MATCH_KEYS", 0, loc)
        pc.on_top += 2
        self.emit("COPY", 1, loc)
        self.load_const(None, loc)
        self.emit("IS_OP", 1, loc)
        self.jump_to_fail_pop(loc, pc, "POP_JUMP_IF_FALSE")
        self.emit("UNPACK_SEQUENCE", size, loc)
        pc.on_top += size - 1
        for sub in patterns:
            pc.on_top -= 1
            self.subpattern(sub, pc)
        pc.on_top -= 2
        if p.rest:
            self.emit("BUILD_MAP", 0, loc)
            self.emit("SWAP", 3, loc)
            self.emit("DICT_UPDATE", 2, loc)
            self.emit("UNPACK_SEQUENCE", size, loc)
            while size:
                self.emit("COPY", 1 + size, loc)
                size -= 1
                self.emit("SWAP", 2, loc)
                self.emit("DELETE_SUBSCR", 0, loc)
            self.pattern_store_name(loc, p.rest, pc)
        else:
            self.emit("POP_TOP", 0, loc)
            self.emit("POP_TOP", 0, loc)

    def pattern_MatchClass(self, p, pc) -> None:
        loc = loc_of(p)
        patterns, attrs, kwd_patterns = p.patterns, p.kwd_attrs, p.kwd_patterns
        for i, attr in enumerate(attrs):
            if attr in attrs[i + 1:]:
                j = attrs.index(attr, i + 1)
                self.error(f"attribute name repeated in class pattern: {attr}", loc_of(kwd_patterns[j]))
        self.visit(p.cls)
        self.load_const(tuple(attrs), loc)
        nargs = len(patterns)
        self.emit("MATCH_CLASS", nargs, loc)
        self.emit("COPY", 1, loc)
        self.load_const(None, loc)
        self.emit("IS_OP", 1, loc)
        pc.on_top += 1
        self.jump_to_fail_pop(loc, pc, "POP_JUMP_IF_FALSE")
        total = nargs + len(attrs)
        self.emit("UNPACK_SEQUENCE", total, loc)
        pc.on_top += total - 1
        for sub in (*patterns, *kwd_patterns):
            pc.on_top -= 1
            if _is_wildcard(sub):
                self.emit("POP_TOP", 0, loc)
                continue
            self.subpattern(sub, pc)

    def pattern_MatchOr(self, p, pc) -> None:
        loc = loc_of(p)
        end = self.new_label()
        old_stores, old_allow, old_fail_pop, old_on_top = pc.stores, pc.allow_irrefutable, pc.fail_pop, pc.on_top
        control = None
        size = len(p.patterns)
        for i, alt in enumerate(p.patterns):
            aloc = loc_of(alt)
            pc.stores = []
            pc.allow_irrefutable = i == size - 1 and old_allow
            pc.fail_pop = []
            pc.on_top = 0
            self.emit("COPY", 1, aloc)
            self.pattern(alt, pc)
            if i == 0:
                control = list(pc.stores)
            elif len(pc.stores) != len(control):
                self.error("alternative patterns bind different names", loc)
            elif pc.stores:
                for icontrol in range(len(pc.stores) - 1, -1, -1):
                    name = control[icontrol]
                    if name not in pc.stores:
                        self.error("alternative patterns bind different names", loc)
                    istores = pc.stores.index(name)
                    if icontrol != istores:
                        rotations = istores + 1
                        rotated = pc.stores[:rotations]
                        del pc.stores[:rotations]
                        pc.stores[icontrol - istores:icontrol - istores] = rotated
                        for _ in range(rotations):
                            self.pattern_rotate(aloc, icontrol + 1)
            self.jump("JUMP", end, aloc)
            self.emit_and_reset_fail_pop(aloc, pc)
        pc.stores, pc.allow_irrefutable, pc.fail_pop, pc.on_top = old_stores, old_allow, old_fail_pop, old_on_top
        self.emit("POP_TOP", 0, loc)
        self.jump_to_fail_pop(loc, pc, "JUMP")
        self.use_label(end)
        nrots = len(control) + 1 + pc.on_top + len(pc.stores)
        for name in control:
            self.pattern_rotate(loc, nrots)
            if name in pc.stores:
                self.error(f"multiple assignments to name {name!r} in pattern", loc)
            pc.stores.append(name)
        self.emit("POP_TOP", 0, loc)

    def visit_TypeAlias(self, s) -> None:
        """`codegen_typealias`: TypeAliasType(name, type_params, lazy value function)."""
        loc = loc_of(s)
        name = s.name.id
        if s.type_params:
            self.enter_scope(f"<generic parameters of {name}>", ANNOTATIONS, s, loc.lineno,
                             role=S.Role.TYPE_PARAMS)
            self.load_const(name, loc)
            self.type_params(s.type_params)
        else:
            self.load_const(name, loc)
            self.load_const(None, loc)
        self.load_const((1,), loc)
        self.setup_annotations_scope(loc, s, name)
        self.visit(s.value)
        self.emit("RETURN_VALUE", 0, loc)
        self.make_closure(loc, self.exit_scope(add_none=False), FUNCTION_ATTR["defaults"])
        self.emit("BUILD_TUPLE", 3, loc)
        self.emit("CALL_INTRINSIC_1", INTRINSIC1["INTRINSIC_TYPEALIAS"], loc)
        if s.type_params:
            self.make_closure(loc, self.exit_scope(add_none=False), 0)
            self.emit("PUSH_NULL", 0, loc)
            self.emit("CALL", 0, loc)
        self.nameop(name, "Store", loc)

    def type_params(self, params) -> None:
        """`codegen_type_params`: each TypeVar / TypeVarTuple / ParamSpec made and stored, then
        the tuple of them; bounds and defaults are lazily evaluated functions."""
        intrinsic = {"TypeVar": "INTRINSIC_TYPEVAR", "TypeVarTuple": "INTRINSIC_TYPEVARTUPLE",
                     "ParamSpec": "INTRINSIC_PARAMSPEC"}
        seen_default = False
        for param in params:
            loc = loc_of(param)
            kind = _kind(param)
            self.load_const(param.name, loc)
            bound = getattr(param, "bound", None)
            if bound is not None:
                self.type_param_bound_or_default(bound, param.name, param, S.Role.OWN, False)
                op = "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS" if _kind(bound) == "Tuple" else "INTRINSIC_TYPEVAR_WITH_BOUND"
                self.emit("CALL_INTRINSIC_2", INTRINSIC2[op], loc)
            else:
                self.emit("CALL_INTRINSIC_1", INTRINSIC1[intrinsic[kind]], loc)
            if param.default_value is not None:
                seen_default = True
                role = S.Role.DEFAULT if kind == "TypeVar" else S.Role.OWN
                self.type_param_bound_or_default(param.default_value, param.name, param, role,
                                                 kind == "TypeVarTuple")
                self.emit("CALL_INTRINSIC_2", INTRINSIC2["INTRINSIC_SET_TYPEPARAM_DEFAULT"], loc)
            elif seen_default:
                self.error(f"non-default type parameter '{param.name}' follows default type parameter", loc)
            self.emit("COPY", 1, loc)
            self.nameop(param.name, "Store", loc)
        self.emit("BUILD_TUPLE", len(params), loc_of(params[0]))

    def type_param_bound_or_default(self, e, name: str, node, role, allow_starred: bool) -> None:
        loc = loc_of(e)
        self.load_const((1,), loc)
        self.setup_annotations_scope(loc, node, name, ste=self.st.lookup(node, role))
        if allow_starred and _kind(e) == "Starred":
            self.visit(e.value)
            self.emit("UNPACK_SEQUENCE", 1, loc)
        else:
            self.visit(e)
        self.emit("RETURN_VALUE", 0, loc)
        self.make_closure(loc, self.exit_scope(), FUNCTION_ATTR["defaults"])

    # ----------------------------------------------------------------- expressions
    def visit_Constant(self, e) -> None:
        self.load_const(e.value, loc_of(e))

    def visit_Name(self, e) -> None:
        if e.id == "__debug__" and _kind(e.ctx) == "Load":
            # ast_preprocess.c: `__debug__` is a constant of the optimization level.
            self.load_const(not self.optimize, loc_of(e))
            return
        self.nameop(e.id, _kind(e.ctx), loc_of(e))

    def visit_BinOp(self, e) -> None:
        formatted = percent_format_as_joined_str(e)
        if formatted is not None:
            self.visit(formatted)
            return
        self.visit(e.left)
        self.visit(e.right)
        self.emit("BINARY_OP", NB[_BINOP[_kind(e.op)]], loc_of(e))

    def visit_UnaryOp(self, e) -> None:
        loc = loc_of(e)
        self.visit(e.operand)
        op = _kind(e.op)
        if op == "UAdd":
            self.emit("CALL_INTRINSIC_1", INTRINSIC1["INTRINSIC_UNARY_POSITIVE"], loc)
        elif op == "Not":
            self.emit("TO_BOOL", 0, loc)
            self.emit("UNARY_NOT", 0, loc)
        else:
            self.emit(_UNARY[op], 0, loc)

    def visit_BoolOp(self, e) -> None:
        loc = loc_of(e)
        op = "JUMP_IF_FALSE" if _kind(e.op) == "And" else "JUMP_IF_TRUE"
        end = self.new_label()
        for value in e.values[:-1]:
            self.visit(value)
            self.jump(op, end, loc)
            self.emit("POP_TOP", 0, loc)
        self.visit(e.values[-1])
        self.use_label(end)

    def visit_IfExp(self, e) -> None:
        end, next_ = self.new_label(), self.new_label()
        self.jump_if(loc_of(e), e.test, next_, False)
        self.visit(e.body)
        self.jump("JUMP_NO_INTERRUPT", end)
        self.use_label(next_)
        self.visit(e.orelse)
        self.use_label(end)

    def visit_NamedExpr(self, e) -> None:
        self.visit(e.value)
        self.emit("COPY", 1, loc_of(e))
        self.visit(e.target)

    def compare_op(self, op, loc: Loc) -> None:
        kind = _kind(op)
        if kind in ("Is", "IsNot"):
            self.emit("IS_OP", kind == "IsNot", loc)
        elif kind in ("In", "NotIn"):
            self.emit("CONTAINS_OP", kind == "NotIn", loc)
        else:
            self.emit("COMPARE_OP", compare_oparg(kind), loc)

    def check_compare(self, e) -> None:
        """`codegen_check_compare`: SyntaxWarning for `is` / `is not` with a literal constant."""
        left = e.left
        for op, right in zip(e.ops, e.comparators):
            if _kind(op) in ("Is", "IsNot") and (_is_literal_constant(left) or _is_literal_constant(right)):
                msg = "\"is\" with '%s' literal. Did you mean \"==\"?" if _kind(op) == "Is" else \
                    "\"is not\" with '%s' literal. Did you mean \"!=\"?"
                literal = left if _is_literal_constant(left) else right
                self.warn(msg % _literal_type(literal), loc_of(e))
                return
            left = right

    def visit_Compare(self, e) -> None:
        loc = loc_of(e)
        self.check_compare(e)
        self.visit(e.left)
        n = len(e.ops) - 1
        if n == 0:
            self.visit(e.comparators[0])
            self.compare_op(e.ops[0], loc)
            return
        cleanup = self.new_label()
        for i in range(n):
            self.visit(e.comparators[i])
            self.emit("SWAP", 2, loc)
            self.emit("COPY", 2, loc)
            self.compare_op(e.ops[i], loc)
            self.emit("COPY", 1, loc)
            self.emit("TO_BOOL", 0, loc)
            self.jump("POP_JUMP_IF_FALSE", cleanup, loc)
            self.emit("POP_TOP", 0, loc)
        self.visit(e.comparators[n])
        self.compare_op(e.ops[n], loc)
        end = self.new_label()
        self.jump("JUMP_NO_INTERRUPT", end)
        self.use_label(cleanup)
        self.emit("SWAP", 2, loc)
        self.emit("POP_TOP", 0, loc)
        self.use_label(end)

    def jump_if(self, loc: Loc, e, target: Label, cond: bool) -> None:
        """`codegen_jump_if`: jump to `target` when `e` is truthy == `cond`."""
        kind = _kind(e)
        if kind == "UnaryOp" and _kind(e.op) == "Not":
            return self.jump_if(loc, e.operand, target, not cond)
        if kind == "BoolOp":
            cond2 = _kind(e.op) == "Or"
            next2 = target
            if cond2 != cond:
                next2 = self.new_label()
            for value in e.values[:-1]:
                self.jump_if(loc, value, next2, cond2)
            self.jump_if(loc, e.values[-1], target, cond)
            if next2 is not target:
                self.use_label(next2)
            return
        if kind == "IfExp":
            end, next2 = self.new_label(), self.new_label()
            self.jump_if(loc, e.test, next2, False)
            self.jump_if(loc, e.body, target, cond)
            self.jump("JUMP_NO_INTERRUPT", end)
            self.use_label(next2)
            self.jump_if(loc, e.orelse, target, cond)
            self.use_label(end)
            return
        if kind == "Compare" and len(e.ops) > 1:
            eloc = loc_of(e)
            self.check_compare(e)
            cleanup = self.new_label()
            self.visit(e.left)
            n = len(e.ops) - 1
            for i in range(n):
                self.visit(e.comparators[i])
                self.emit("SWAP", 2, eloc)
                self.emit("COPY", 2, eloc)
                self.compare_op(e.ops[i], eloc)
                self.emit("TO_BOOL", 0, eloc)
                self.jump("POP_JUMP_IF_FALSE", cleanup, eloc)
            self.visit(e.comparators[n])
            self.compare_op(e.ops[n], eloc)
            self.emit("TO_BOOL", 0, eloc)
            self.jump("POP_JUMP_IF_TRUE" if cond else "POP_JUMP_IF_FALSE", target, eloc)
            end = self.new_label()
            self.jump("JUMP_NO_INTERRUPT", end)
            self.use_label(cleanup)
            self.emit("POP_TOP", 0, eloc)
            if not cond:
                self.jump("JUMP_NO_INTERRUPT", target)
            self.use_label(end)
            return
        self.visit(e)
        self.emit("TO_BOOL", 0, loc_of(e))
        self.jump("POP_JUMP_IF_TRUE" if cond else "POP_JUMP_IF_FALSE", target, loc_of(e))

    # --- attributes, subscripts, slices
    @staticmethod
    def attr_loc(loc: Loc, attr) -> Loc:
        """`update_start_location_to_match_attr`: a multi-line attribute access is located at
        its attribute name."""
        if loc.lineno != attr.end_lineno:
            lineno = attr.end_lineno
            n = len(attr.attr)
            col, end_col = loc.col, loc.end_col
            if n <= attr.end_col_offset:
                col = attr.end_col_offset - n
            else:
                col = end_col = -1
            end_lineno = max(lineno, loc.end_lineno)
            if lineno == end_lineno:
                end_col = max(col, end_col)
            return Loc(lineno, end_lineno, col, end_col)
        return loc

    def is_super_call(self, attr) -> bool:
        """`can_optimize_super_call`: `super().x` in a method with a `__class__` cell, or
        `super(C, obj).x`, when `super` is the builtin as far as the symbol tables tell."""
        value = attr.value
        if (_kind(value) != "Call" or _kind(value.func) != "Name" or value.func.id != "super"
                or attr.attr == "__class__" or value.keywords):
            return False
        u = self.u
        if u.ste.scope_of("super") != S.GLOBAL_IMPLICIT or self.st.top.scope_of("super") != 0:
            return False
        if len(value.args) == 2:
            return not any(_kind(a) == "Starred" for a in value.args)
        if value.args:
            return False
        if u.argcount == 0 and u.posonly == 0:
            return False
        return u.ste.scope_of("__class__") == S.FREE

    def load_args_for_super(self, e) -> None:
        """`load_args_for_super`: push `super`, then its two arguments, or `__class__` and the
        first parameter."""
        self.nameop(e.func.id, "Load", loc_of(e.func))
        if len(e.args) == 2:
            self.visit(e.args[0])
            self.visit(e.args[1])
            return
        loc = loc_of(e)
        self.nameop("__class__", "Load", loc)
        self.nameop(next(iter(self.u.varnames)), "Load", loc)

    def visit_Attribute(self, e) -> None:
        loc = loc_of(e)
        ctx = _kind(e.ctx)
        if ctx == "Load" and self.is_super_call(e):
            self.load_args_for_super(e.value)
            op = "LOAD_SUPER_ATTR" if e.value.args else "LOAD_ZERO_SUPER_ATTR"
            self.emit_name(op, e.attr, loc)
            self.emit("NOP", 0, self.attr_loc(loc, e))
            return
        self.maybe_add_static_attribute(e)
        self.visit(e.value)
        loc = self.attr_loc(loc, e)
        op = {"Load": "LOAD_ATTR", "Store": "STORE_ATTR", "Del": "DELETE_ATTR"}[ctx]
        self.emit_name(op, e.attr, loc)

    def maybe_add_static_attribute(self, e) -> None:
        """`_PyCompile_MaybeAddStaticAttributeToClass`: `self.x = ...` in a method of a class."""
        if _kind(e.value) != "Name" or _kind(e.ctx) != "Store" or e.value.id != "self":
            return
        for unit in reversed(self.units[:-1]):
            if unit.scope == CLASS:
                unit.static_attributes.add(e.attr)
                break

    @staticmethod
    def is_constant_slice(e) -> bool:
        return _kind(e) == "Slice" and all(part is None or _kind(part) == "Constant"
                                          for part in (e.lower, e.upper, e.step))

    def is_two_element_slice(self, e) -> bool:
        """`should_apply_two_element_slice_optimization`: BINARY_SLICE / STORE_SLICE."""
        return _kind(e) == "Slice" and e.step is None and not self.is_constant_slice(e)

    def slice_two_parts(self, s) -> None:
        for part in (s.lower, s.upper):
            if part is None:
                self.load_const(None, loc_of(s))
            else:
                self.visit(part)

    def visit_Subscript(self, e) -> None:
        loc = loc_of(e)
        ctx = _kind(e.ctx)
        self.visit(e.value)
        if self.is_two_element_slice(e.slice) and ctx != "Del":
            self.slice_two_parts(e.slice)
            self.emit("BINARY_SLICE" if ctx == "Load" else "STORE_SLICE", 0, loc)
            return
        self.visit(e.slice)
        if ctx == "Load":
            self.emit("BINARY_OP", NB["NB_SUBSCR"], loc)
        else:
            self.emit("STORE_SUBSCR" if ctx == "Store" else "DELETE_SUBSCR", 0, loc)

    def visit_Slice(self, e) -> None:
        loc = loc_of(e)
        if self.is_constant_slice(e):
            parts = [None if part is None else part.value for part in (e.lower, e.upper, e.step)]
            self.load_const(slice(*parts), loc)
            return
        self.slice_two_parts(e)
        n = 2
        if e.step is not None:
            n = 3
            self.visit(e.step)
        self.emit("BUILD_SLICE", n, loc)

    def visit_Starred(self, e) -> None:
        if _kind(e.ctx) == "Store":
            self.error("starred assignment target must be in a list or tuple", loc_of(e))
        self.error("can't use starred expression here", loc_of(e))

    # --- displays
    def starunpack(self, loc: Loc, elts, injected, pushed: int, build: str, add: str, extend: str,
                   tuple_: bool) -> None:
        """`starunpack_helper_impl`."""
        n = len(elts)
        big = n + pushed + (1 if injected else 0) > STACK_USE_GUIDELINE
        seen_star = any(_kind(e) == "Starred" for e in elts)
        if not seen_star and not big:
            self.visit_seq(elts)
            if injected:
                self.nameop(injected, "Load", loc)
                n += 1
            self.emit("BUILD_TUPLE" if tuple_ else build, n + pushed, loc)
            return
        built = False
        if big:
            self.emit(build, pushed, loc)
            built = True
        for i, elt in enumerate(elts):
            if _kind(elt) == "Starred":
                if not built:
                    self.emit(build, i + pushed, loc)
                    built = True
                self.visit(elt.value)
                self.emit(extend, 1, loc)
            else:
                self.visit(elt)
                if built:
                    self.emit(add, 1, loc)
        if injected:
            self.nameop(injected, "Load", loc)
            self.emit(add, 1, loc)
        if tuple_:
            self.emit("CALL_INTRINSIC_1", INTRINSIC1["INTRINSIC_LIST_TO_TUPLE"], loc)

    def assignment_helper(self, loc: Loc, elts) -> None:
        n = len(elts)
        seen_star = False
        for i, elt in enumerate(elts):
            if _kind(elt) == "Starred":
                if seen_star:
                    self.error("multiple starred expressions in assignment", loc)
                if i >= 1 << 8 or n - i - 1 >= (1 << 31) >> 8:
                    self.error("too many expressions in star-unpacking assignment", loc)
                self.emit("UNPACK_EX", i + ((n - i - 1) << 8), loc)
                seen_star = True
        if not seen_star:
            self.emit("UNPACK_SEQUENCE", n, loc)
        for elt in elts:
            self.visit(elt.value if _kind(elt) == "Starred" else elt)

    def visit_List(self, e) -> None:
        self._sequence(e, "BUILD_LIST", "LIST_APPEND", "LIST_EXTEND", False)

    def visit_Tuple(self, e) -> None:
        self._sequence(e, "BUILD_LIST", "LIST_APPEND", "LIST_EXTEND", True)

    def _sequence(self, e, build, add, extend, tuple_) -> None:
        loc = loc_of(e)
        ctx = _kind(e.ctx)
        if ctx == "Store":
            self.assignment_helper(loc, e.elts)
        elif ctx == "Load":
            self.starunpack(loc, e.elts, None, 0, build, add, extend, tuple_)
        else:
            self.visit_seq(e.elts)

    def visit_Set(self, e) -> None:
        self.starunpack(loc_of(e), e.elts, None, 0, "BUILD_SET", "SET_ADD", "SET_UPDATE", False)

    def subdict(self, e, begin: int, end: int) -> None:
        loc = loc_of(e)
        n = end - begin
        big = n * 2 > STACK_USE_GUIDELINE
        if big:
            self.emit("BUILD_MAP", 0, loc)
        for i in range(begin, end):
            self.visit(e.keys[i])
            self.visit(e.values[i])
            if big:
                self.emit("MAP_ADD", 1, loc)
        if not big:
            self.emit("BUILD_MAP", n, loc)

    def visit_Dict(self, e) -> None:
        loc = loc_of(e)
        n = len(e.values)
        have_dict = False
        elements = 0
        for i in range(n):
            if e.keys[i] is None:
                if elements:
                    self.subdict(e, i - elements, i)
                    if have_dict:
                        self.emit("DICT_UPDATE", 1, loc)
                    have_dict = True
                    elements = 0
                if not have_dict:
                    self.emit("BUILD_MAP", 0, loc)
                    have_dict = True
                self.visit(e.values[i])
                self.emit("DICT_UPDATE", 1, loc)
            elif elements * 2 > STACK_USE_GUIDELINE:
                self.subdict(e, i - elements, i + 1)
                if have_dict:
                    self.emit("DICT_UPDATE", 1, loc)
                have_dict = True
                elements = 0
            else:
                elements += 1
        if elements:
            self.subdict(e, n - elements, n)
            if have_dict:
                self.emit("DICT_UPDATE", 1, loc)
            have_dict = True
        if not have_dict:
            self.emit("BUILD_MAP", 0, loc)

    # --- strings
    def visit_JoinedStr(self, e) -> None:
        loc = loc_of(e)
        values = e.values
        if len(values) > STACK_USE_GUIDELINE:
            self.load_const("", loc)
            self.emit_name("LOAD_METHOD", "join", loc, mangle=False)
            self.emit("BUILD_LIST", 0, loc)
            for value in values:
                self.visit(value)
                self.emit("LIST_APPEND", 1, loc)
            self.emit("CALL", 1, loc)
            return
        self.visit_seq(values)
        if len(values) > 1:
            self.emit("BUILD_STRING", len(values), loc)
        elif not values:
            self.load_const("", loc)

    def visit_TemplateStr(self, e) -> None:
        """`codegen_template_str`: the strings (an empty one between adjacent interpolations),
        the interpolations, BUILD_TEMPLATE."""
        loc = loc_of(e)
        strings = 0
        last_was_interpolation = True
        for value in e.values:
            if _kind(value) == "Interpolation":
                if last_was_interpolation:
                    self.load_const("", loc)
                    strings += 1
                last_was_interpolation = True
            else:
                self.visit(value)
                strings += 1
                last_was_interpolation = False
        if last_was_interpolation:
            self.load_const("", loc)
            strings += 1
        self.emit("BUILD_TUPLE", strings, loc)
        interpolations = [value for value in e.values if _kind(value) == "Interpolation"]
        self.visit_seq(interpolations)
        self.emit("BUILD_TUPLE", len(interpolations), loc)
        self.emit("BUILD_TEMPLATE", 0, loc)

    def visit_Interpolation(self, e) -> None:
        loc = loc_of(e)
        self.visit(e.value)
        self.load_const(e.str, loc)
        oparg = 2
        if e.format_spec is not None:
            oparg += 1
            self.visit(e.format_spec)
        if e.conversion != -1:
            oparg |= _CONVERSION[e.conversion] << 2
        self.emit("BUILD_INTERPOLATION", oparg, loc)

    def visit_FormattedValue(self, e) -> None:
        self.visit(e.value)
        loc = loc_of(e)
        if e.conversion != -1:
            self.emit("CONVERT_VALUE", _CONVERSION[e.conversion], loc)
        if e.format_spec is not None:
            self.visit(e.format_spec)
            self.emit("FORMAT_WITH_SPEC", 0, loc)
        else:
            self.emit("FORMAT_SIMPLE", 0, loc)

    # --- calls
    def visit_Call(self, e) -> None:
        self.validate_keywords(e.keywords)
        if self.maybe_optimize_method_call(e):
            return
        skip = self.new_label()
        self.check_caller(e.func)
        self.visit(e.func)
        optimized = self.maybe_optimize_function_call(e, skip)
        if not optimized:
            self.emit("PUSH_NULL", 0, loc_of(e.func))
            self.call_helper(loc_of(e), 0, e.args, e.keywords)
        self.use_label(skip)

    def check_caller(self, func) -> None:
        """`check_caller`: SyntaxWarning for calling a literal or a display."""
        if _kind(func) in _DISPLAY_TYPES or _kind(func) == "Constant":
            self.warn(f"'{_literal_type(func)}' object is not callable; perhaps you missed a comma?", loc_of(func))

    def validate_keywords(self, keywords) -> None:
        seen = set()
        for kw in keywords:
            if kw.arg is None:
                continue
            if kw.arg in seen:
                self.error(f"keyword argument repeated: {kw.arg}", loc_of(kw))
            seen.add(kw.arg)

    def is_import_originated(self, e) -> bool:
        if _kind(e) != "Name":
            return False
        # The module's table as it stands now: an inlined comprehension at module level
        # temporarily replaces the symbols it binds or uses (as CPython edits st_top).
        symbol = self.units[0].ste.lookup(e.id)
        return bool(symbol and symbol.flags & S.DEF_IMPORT)

    def maybe_optimize_method_call(self, e) -> bool:
        meth = e.func
        args, kwds = e.args, e.keywords
        if _kind(meth) != "Attribute" or _kind(meth.ctx) != "Load":
            return False
        if self.is_import_originated(meth.value):
            return False
        if len(args) + len(kwds) + (1 if kwds else 0) >= STACK_USE_GUIDELINE:
            return False
        if any(_kind(a) == "Starred" for a in args) or any(kw.arg is None for kw in kwds):
            return False
        loc = loc_of(meth)
        if self.is_super_call(meth):
            self.load_args_for_super(meth.value)
            op = "LOAD_SUPER_METHOD" if meth.value.args else "LOAD_ZERO_SUPER_METHOD"
            self.emit_name(op, meth.attr, loc)
            loc = self.attr_loc(loc, meth)
            self.emit("NOP", 0, loc)
        else:
            self.visit(meth.value)
            loc = self.attr_loc(loc, meth)
            self.emit_name("LOAD_METHOD", meth.attr, loc)
        self.visit_seq(args)
        if kwds:
            self.visit_seq(kwds)
            self.load_const(tuple(kw.arg for kw in kwds), loc)
            self.emit("CALL_KW", len(args) + len(kwds), self.attr_loc(loc_of(e), meth))
        else:
            self.emit("CALL", len(args), self.attr_loc(loc_of(e), meth))
        return True

    def visit_keyword(self, kw) -> None:
        self.visit(kw.value)

    def maybe_optimize_function_call(self, e, end: Label) -> bool:
        """`maybe_optimize_function_call`: `all`/`any`/`tuple` of a generator expression run
        inline when the name still means the builtin."""
        func = e.func
        if not (_kind(func) == "Name" and len(e.args) == 1 and not e.keywords
                and _kind(e.args[0]) == "GeneratorExp"):
            return False
        name = func.id
        if name not in ("all", "any", "tuple"):
            return False
        loc = loc_of(func)
        skip = self.new_label()
        self.emit("COPY", 1, loc)
        self.emit("LOAD_COMMON_CONSTANT", COMMON_CONSTANT[name], loc)
        self.emit("IS_OP", 0, loc)
        self.jump("POP_JUMP_IF_FALSE", skip, loc)
        self.emit("POP_TOP", 0, loc)
        if name == "tuple":
            self.emit("BUILD_LIST", 0, loc)
        self.visit(e.args[0])
        loop, cleanup = self.new_label(), self.new_label()
        self.use_label(loop)
        self.jump("FOR_ITER", cleanup, loc)
        if name == "tuple":
            self.emit("LIST_APPEND", 2, loc)
            self.jump("JUMP", loop, loc)
        else:
            self.emit("TO_BOOL", 0, loc)
            self.jump("POP_JUMP_IF_TRUE" if name == "all" else "POP_JUMP_IF_FALSE", loop, loc)
        self.emit("POP_ITER")
        if name != "tuple":
            self.load_const(name != "all", loc)
        self.jump("JUMP", end, loc)
        self.use_label(cleanup)
        self.emit("END_FOR")
        self.emit("POP_ITER")
        if name == "tuple":
            self.emit("CALL_INTRINSIC_1", INTRINSIC1["INTRINSIC_LIST_TO_TUPLE"], loc)
        else:
            self.load_const(name == "all", loc)
        self.jump("JUMP", end, loc)
        self.use_label(skip)
        self.emit("PUSH_NULL", 0, loc_of(e.func))
        self.call_helper(loc_of(e), 0, e.args, e.keywords)
        return True

    def call_helper(self, loc: Loc, n: int, args, keywords, injected=None) -> None:
        """`codegen_call_helper_impl`: CALL / CALL_KW, or CALL_FUNCTION_EX with * and **."""
        self.validate_keywords(keywords)
        nelts, nkw = len(args), len(keywords)
        simple = (nelts + nkw * 2 <= STACK_USE_GUIDELINE and not any(_kind(a) == "Starred" for a in args)
                  and not any(kw.arg is None for kw in keywords))
        if simple:
            self.visit_seq(args)
            if injected:
                self.nameop(injected, "Load", loc)
                nelts += 1
            if nkw:
                self.visit_seq(keywords)
                self.load_const(tuple(kw.arg for kw in keywords), loc)
                self.emit("CALL_KW", n + nelts + nkw, loc)
            else:
                self.emit("CALL", n + nelts, loc)
            return
        if n == 0 and nelts == 1 and _kind(args[0]) == "Starred" and not injected:
            self.visit(args[0].value)
        else:
            self.starunpack(loc, args, injected, n, "BUILD_LIST", "LIST_APPEND", "LIST_EXTEND", True)
        if nkw:
            have_dict = False
            nseen = 0
            for i, kw in enumerate(keywords):
                if kw.arg is None:
                    if nseen:
                        self.subkwargs(loc, keywords, i - nseen, i)
                        if have_dict:
                            self.emit("DICT_MERGE", 1, loc)
                        have_dict = True
                        nseen = 0
                    if not have_dict:
                        self.emit("BUILD_MAP", 0, loc)
                        have_dict = True
                    self.visit(kw.value)
                    self.emit("DICT_MERGE", 1, loc)
                else:
                    nseen += 1
            if nseen:
                self.subkwargs(loc, keywords, nkw - nseen, nkw)
                if have_dict:
                    self.emit("DICT_MERGE", 1, loc)
        else:
            self.emit("PUSH_NULL", 0, loc)
        self.emit("CALL_FUNCTION_EX", 0, loc)

    def subkwargs(self, loc: Loc, keywords, begin: int, end: int) -> None:
        n = end - begin
        big = n * 2 > STACK_USE_GUIDELINE
        if big:
            self.emit("BUILD_MAP", 0)
        for kw in keywords[begin:end]:
            self.load_const(kw.arg, loc)
            self.visit(kw.value)
            if big:
                self.emit("MAP_ADD", 1)
        if not big:
            self.emit("BUILD_MAP", n, loc)

    # --- generators and coroutines
    def add_yield(self, loc: Loc) -> None:
        ste = self.u.ste
        if ste.generator and ste.coroutine:
            self.emit("CALL_INTRINSIC_1", INTRINSIC1["INTRINSIC_ASYNC_GEN_WRAP"], loc)
        self.emit("YIELD_VALUE", 0, loc)
        self.emit("RESUME", RESUME_AFTER_YIELD, loc)

    def add_yield_from(self, loc: Loc, is_await: bool) -> Label:
        """`codegen_add_yield_from`; returns the label of its SEND (END_ASYNC_FOR's target)."""
        send, fail, exit_ = self.new_label(), self.new_label(), self.new_label()
        self.use_label(send)
        self.jump("SEND", exit_, loc)
        self.jump("SETUP_FINALLY", fail, loc)
        self.emit("YIELD_VALUE", 1, loc)
        self.emit("POP_BLOCK")
        self.emit("RESUME", RESUME_AFTER_AWAIT if is_await else RESUME_AFTER_YIELD_FROM, loc)
        self.jump("JUMP_NO_INTERRUPT", send, loc)
        self.use_label(fail)
        self.emit("CLEANUP_THROW", 0, loc)
        self.use_label(exit_)
        self.emit("END_SEND", 0, loc)
        return send

    def visit_Yield(self, e) -> None:
        loc = loc_of(e)
        if not self.u.ste.type.function_like:
            self.error("'yield' outside function", loc)
        if e.value is not None:
            self.visit(e.value)
        else:
            self.load_const(None, loc)
        self.add_yield(loc)

    def visit_YieldFrom(self, e) -> None:
        loc = loc_of(e)
        if not self.u.ste.type.function_like:
            self.error("'yield from' outside function", loc)
        if self.u.scope == ASYNC_FUNCTION:
            self.error("'yield from' inside async function", loc)
        self.visit(e.value)
        self.emit("GET_YIELD_FROM_ITER", 0, loc)
        self.load_const(None, loc)
        self.add_yield_from(loc, False)

    def visit_Await(self, e) -> None:
        loc = loc_of(e)
        ste = self.u.ste
        if not ste.type.function_like:
            self.error("'await' outside function", loc)
        if self.u.scope not in (ASYNC_FUNCTION, COMPREHENSION) and not ste.coroutine:
            self.error("'await' outside async function", loc)
        self.visit(e.value)
        self.emit("GET_AWAITABLE", 0, loc)
        self.load_const(None, loc)
        self.add_yield_from(loc, True)

    # --- comprehensions
    def visit_GeneratorExp(self, e) -> None:
        self.comprehension(e, "genexpr", e.generators, e.elt, None)

    def visit_ListComp(self, e) -> None:
        self.comprehension(e, "listcomp", e.generators, e.elt, None)

    def visit_SetComp(self, e) -> None:
        self.comprehension(e, "setcomp", e.generators, e.elt, None)

    def visit_DictComp(self, e) -> None:
        self.comprehension(e, "dictcomp", e.generators, e.key, e.value)

    def comprehension(self, e, kind: str, generators, elt, val) -> None:
        ste = self.st.lookup(e)
        inlined = ste.comp_inlined
        is_async = ste.coroutine
        loc = loc_of(e)
        outermost = generators[0]
        state = None
        if inlined:
            self.visit(outermost.iter)
            self.emit("GET_AITER" if outermost.is_async else "GET_ITER", 0, loc_of(outermost.iter))
            state = self.push_inlined_comprehension_state(loc, ste)
        else:
            self.enter_scope(f"<{kind}>", COMPREHENSION, e, e.lineno, argcount=1)
        if kind != "genexpr":
            op = {"listcomp": "BUILD_LIST", "setcomp": "BUILD_SET", "dictcomp": "BUILD_MAP"}[kind]
            self.emit(op, 0, loc)
            if inlined:
                self.emit("SWAP", 2, loc)
        self.comprehension_generator(loc, generators, 0, 0, elt, val, kind, inlined)
        if inlined:
            self.pop_inlined_comprehension_state(loc, state)
            return
        if kind != "genexpr":
            self.emit("RETURN_VALUE", 0, loc)
        else:
            self.wrap_in_stopiteration_handler()
        code = self.exit_scope()
        self.make_closure(loc, code, 0)
        self.visit(outermost.iter)
        self.emit("GET_AITER" if outermost.is_async else "GET_ITER", 0, loc_of(outermost.iter))
        self.emit("CALL", 0, loc)
        if is_async and kind != "genexpr":
            self.emit("GET_AWAITABLE", 0, loc)
            self.load_const(None, loc)
            self.add_yield_from(loc, True)

    def push_inlined_comprehension_state(self, loc: Loc, comp: S.SymbolTable):
        u = self.u
        outer = u.ste
        in_class_block = outer.type == S.BlockType.CLASS and not u.in_inlined_comp
        temp_symbols = {}
        fast_hidden = []
        pushed = []
        symbols = dict(outer.symbols)
        for name, sym in comp.symbols.items():
            scope = sym.scope
            outsym = outer.lookup(name)
            outsc = outsym.scope if outsym else 0
            if (scope != outsc and scope != S.FREE and not (scope == S.CELL and outsc == S.FREE)) or in_class_block:
                temp_symbols[name] = outsym
                symbols[name] = sym
            if sym.flags & S.DEF_LOCAL and not sym.flags & S.DEF_NONLOCAL:
                if not outer.type.function_like:
                    if not u.fasthidden.get(name):
                        u.fasthidden[name] = True
                        fast_hidden.append(name)
                self.emit_varname("LOAD_FAST_AND_CLEAR", name, loc)
                if scope == S.CELL:
                    if outsc == S.FREE:
                        self.emit("MAKE_CELL", u.freevars[name], loc)
                    else:
                        self.emit("MAKE_CELL", self._dict_add(u.cellvars, name) if name not in u.cellvars
                                  else u.cellvars[name], loc)
                pushed.append(name)
        saved_ste = u.ste
        if temp_symbols:
            from types import MappingProxyType
            u.ste = dataclasses.replace(outer, symbols=MappingProxyType(symbols))
        cleanup = None
        if pushed:
            self.emit("SWAP", len(pushed) + 1, loc)
            cleanup = self.new_label()
            self.jump("SETUP_FINALLY", cleanup, loc)
        u.in_inlined_comp += 1
        return (saved_ste, fast_hidden, pushed, cleanup)

    def restore_inlined_locals(self, loc: Loc, pushed) -> None:
        self.emit("SWAP", len(pushed) + 1, loc)
        for name in reversed(pushed):
            self.emit_varname("STORE_FAST_MAYBE_NULL", name, loc)

    def pop_inlined_comprehension_state(self, loc: Loc, state) -> None:
        saved_ste, fast_hidden, pushed, cleanup = state
        u = self.u
        u.in_inlined_comp -= 1
        u.ste = saved_ste
        if pushed:
            self.emit("POP_BLOCK")
            end = self.new_label()
            self.jump("JUMP_NO_INTERRUPT", end)
            self.use_label(cleanup)
            self.emit("SWAP", 2)
            self.emit("POP_TOP")
            self.restore_inlined_locals(loc, pushed)
            self.emit("RERAISE", 0)
            self.use_label(end)
            self.restore_inlined_locals(loc, pushed)
        for name in fast_hidden:
            u.fasthidden[name] = False

    def comprehension_generator(self, loc, generators, index, depth, elt, val, kind, iter_on_stack) -> None:
        if generators[index].is_async:
            self.async_comprehension_generator(loc, generators, index, depth, elt, val, kind, iter_on_stack)
        else:
            self.sync_comprehension_generator(loc, generators, index, depth, elt, val, kind, iter_on_stack)

    def sync_comprehension_generator(self, loc, generators, index, depth, elt, val, kind, iter_on_stack):
        start, if_cleanup, anchor = self.new_label(), self.new_label(), self.new_label()
        gen = generators[index]
        if not iter_on_stack:
            if index == 0:
                self.emit("LOAD_FAST", 0, loc)
            else:
                elts = gen.iter.elts if _kind(gen.iter) in ("List", "Tuple") else ()
                if len(elts) == 1 and _kind(elts[0]) != "Starred":
                    self.visit(elts[0])
                    start = None
                else:
                    self.visit(gen.iter)
        if start is not None:
            depth += 1
            if index:
                self.emit("GET_ITER", 0, loc_of(gen.iter))
            self.use_label(start)
            self.jump("FOR_ITER", anchor, loc_of(gen.iter))
        self.visit(gen.target)
        for cond in gen.ifs:
            self.jump_if(loc, cond, if_cleanup, False)
        index += 1
        if index < len(generators):
            self.comprehension_generator(loc, generators, index, depth, elt, val, kind, False)
        elt_loc = loc_of(elt)
        if index >= len(generators):
            elt_loc = self.comprehension_element(kind, elt, val, depth)
        self.use_label(if_cleanup)
        if start is not None:
            self.jump("JUMP", start, elt_loc)
            self.use_label(anchor)
            self.emit("END_FOR")
            self.emit("POP_ITER")

    def comprehension_element(self, kind, elt, val, depth) -> Loc:
        elt_loc = loc_of(elt)
        if kind == "genexpr":
            self.visit(elt)
            self.add_yield(elt_loc)
            self.emit("POP_TOP", 0, elt_loc)
        elif kind == "listcomp":
            self.visit(elt)
            self.emit("LIST_APPEND", depth + 1, elt_loc)
        elif kind == "setcomp":
            self.visit(elt)
            self.emit("SET_ADD", depth + 1, elt_loc)
        else:
            self.visit(elt)
            self.visit(val)
            elt_loc = Loc(elt.lineno, val.end_lineno, elt.col_offset, val.end_col_offset)
            self.emit("MAP_ADD", depth + 1, elt_loc)
        return elt_loc

    def async_comprehension_generator(self, loc, generators, index, depth, elt, val, kind, iter_on_stack):
        start, except_, if_cleanup = (self.new_label() for _ in range(3))
        gen = generators[index]
        if not iter_on_stack:
            if index == 0:
                self.emit("LOAD_FAST", 0, loc)
            else:
                self.visit(gen.iter)
                self.emit("GET_AITER", 0, loc_of(gen.iter))
        self.use_label(start)
        self.push_fblock(ASYNC_COMPREHENSION_GENERATOR, start, None, None, loc)
        self.jump("SETUP_FINALLY", except_, loc)
        self.emit("GET_ANEXT", 0, loc)
        self.load_const(None, loc)
        send = self.add_yield_from(loc, True)
        self.emit("POP_BLOCK", 0, loc)
        self.visit(gen.target)
        for cond in gen.ifs:
            self.jump_if(loc, cond, if_cleanup, False)
        depth += 1
        index += 1
        if index < len(generators):
            self.comprehension_generator(loc, generators, index, depth, elt, val, kind, False)
        elt_loc = loc_of(elt)
        if index >= len(generators):
            elt_loc = self.comprehension_element(kind, elt, val, depth)
        self.use_label(if_cleanup)
        self.jump("JUMP", start, elt_loc)
        self.pop_fblock()
        self.use_label(except_)
        self.jump("END_ASYNC_FOR", send, loc)
