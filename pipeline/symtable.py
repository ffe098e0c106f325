"""The symbol table stage: a tree of `pipeline.astnodes` nodes -> CPython 3.14.2's symbol tables.

    result = build_symtable(tree, filename)        # never raises on user code
    result.errors                                  # () or the one error CPython would raise
    result.top                                     # the module's SymbolTable (None after an error)
    result.lookup(node, role)                      # the table a node owns (see `Role`)
    format_symtable(result.top, filename)          # what `python3.14 -m symtable FILE` prints
    maybe_mangle(private, table.mangled_names, name)   # a name as that scope spells it

Two passes, as in CPython's `Python/symtable.c`:
1. Building walks the tree in CPython's order and records raw facts per scope (`DEF_*`/`USE`
   flags, children, varnames, generator/coroutine...). Symbol insertion order is CPython's, since
   `-m symtable` prints symbols and children in that order.
2. Analysis resolves every name to a scope (LOCAL, GLOBAL_*, FREE, CELL), inlines comprehensions
   (PEP 709: every list/set/dict comprehension, except one directly inside a scope that can see
   a class scope, i.e. an annotation or type scope within a class body), and records the
   implicit `__class__`/`__classdict__`/`__conditional_annotations__` cells.

Results are values: frozen dataclasses, read-only mappings and tuples. The tree is never
annotated; tables are found through `SymtableResult.lookup(node, role)`, keyed by node identity.

Errors are `pipeline.diagnostics.Diagnostic` values with CPython's message and location. Like
CPython, the first error ends the stage. Locations are reported exactly as CPython reports them:
`offset`/`end_offset` are the AST's UTF-8 byte columns plus one (CPython does not convert them
to characters for symtable errors).

One order is CPython's by accident, not by design: free names that a scope only passes through
to its children are appended in the iteration order of a hashed set, which changes with the
process's string hash seed. We append them in first-seen order, which is deterministic.
"""
from __future__ import annotations

import contextlib
import dataclasses
import enum
import sys
from types import MappingProxyType
from typing import Iterator, Mapping

from pipeline import facts
from pipeline.diagnostics import Diagnostic

# `_symtable`'s constants, read off CPython 3.14.2 into pipeline/facts.py.
_C = facts.SYMTABLE_CONSTANTS
DEF_GLOBAL = _C["DEF_GLOBAL"]            # `global` statement
DEF_LOCAL = _C["DEF_LOCAL"]              # assignment in code block
DEF_PARAM = _C["DEF_PARAM"]              # formal parameter
DEF_NONLOCAL = _C["DEF_NONLOCAL"]        # `nonlocal` statement
USE = _C["USE"]                          # name is used
DEF_FREE_CLASS = _C["DEF_FREE_CLASS"]    # free variable from class's method
DEF_IMPORT = _C["DEF_IMPORT"]            # assignment by an import
DEF_ANNOT = _C["DEF_ANNOT"]              # annotated name
DEF_COMP_ITER = _C["DEF_COMP_ITER"]      # comprehension iteration variable
DEF_TYPE_PARAM = _C["DEF_TYPE_PARAM"]    # type parameter
DEF_COMP_CELL = _C["DEF_COMP_CELL"]      # cell of an inlined comprehension
DEF_BOUND = _C["DEF_BOUND"]
SCOPE_OFF = _C["SCOPE_OFF"]
SCOPE_MASK = _C["SCOPE_MASK"]
LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL = (
    _C[n] for n in ("LOCAL", "GLOBAL_EXPLICIT", "GLOBAL_IMPLICIT", "FREE", "CELL"))

# `symtable.Symbol._flags_str` order.
FLAG_NAMES = tuple((name, _C[name]) for name in facts.SYMTABLE_FLAG_ORDER)
SCOPE_NAMES = {FREE: "FREE", LOCAL: "LOCAL", GLOBAL_IMPLICIT: "GLOBAL_IMPLICIT",
               GLOBAL_EXPLICIT: "GLOBAL_EXPLICIT", CELL: "CELL"}


class BlockType(enum.IntEnum):
    """`_symtable.TYPE_*`; `label` is `symtable.SymbolTableType`'s value."""
    FUNCTION = _C["TYPE_FUNCTION"]
    CLASS = _C["TYPE_CLASS"]
    MODULE = _C["TYPE_MODULE"]
    ANNOTATION = _C["TYPE_ANNOTATION"]
    TYPE_ALIAS = _C["TYPE_TYPE_ALIAS"]
    TYPE_PARAMETERS = _C["TYPE_TYPE_PARAMETERS"]
    TYPE_VARIABLE = _C["TYPE_TYPE_VARIABLE"]

    @property
    def label(self) -> str:
        return self.name.lower().replace("_", " ")

    @property
    def function_like(self) -> bool:
        """`_PyST_IsFunctionLike`: every scope but classes and modules has fast locals."""
        return self not in (BlockType.CLASS, BlockType.MODULE)


class Comprehension(enum.IntEnum):
    """`_Py_comprehension_ty`."""
    NONE = 0
    LIST = 1
    DICT = 2
    SET = 3
    GENERATOR = 4


class Role(str, enum.Enum):
    """Which of a node's tables `SymtableResult.lookup` returns (CPython keys some by `ptr + 1`)."""
    OWN = ""                    # Module, FunctionDef, AsyncFunctionDef, ClassDef, Lambda,
                                # comprehensions, TypeAlias (its value), TypeVar (its bound),
                                # ParamSpec/TypeVarTuple (their default)
    TYPE_PARAMS = "type_params"  # the type-parameter scope of a generic def/class/alias
    ANNOTATIONS = "annotations"  # the `__annotate__` scope of a Module's or ClassDef's annotated
                                 # assignments, or of a def's parameters and return
    LOCAL_ANNOTATIONS = "local_annotations"  # the never-evaluated one of a def body's annotations
    DEFAULT = "default"          # a TypeVar's default


@dataclasses.dataclass(frozen=True, slots=True)
class Symbol:
    """One name in one scope: `flags` is the DEF_*/USE bits with the scope in bits SCOPE_OFF..,
    exactly the integer `_symtable` reports."""
    name: str
    flags: int

    @property
    def scope(self) -> int:
        return (self.flags >> SCOPE_OFF) & SCOPE_MASK

    def has(self, flag: int) -> bool:
        return bool(self.flags & flag)

    @property
    def is_local(self) -> bool:
        return self.scope in (LOCAL, CELL)

    @property
    def is_free(self) -> bool:
        return self.scope == FREE

    @property
    def is_cell(self) -> bool:
        return self.scope == CELL

    @property
    def is_global(self) -> bool:
        return self.scope in (GLOBAL_IMPLICIT, GLOBAL_EXPLICIT)

    def flag_names(self) -> list[str]:
        return [name for name, value in FLAG_NAMES if self.flags & value == value]

    def scope_name(self) -> str:
        return SCOPE_NAMES.get(self.scope) or str(self.scope)


@dataclasses.dataclass(frozen=True, slots=True, eq=False)
class SymbolTable:
    """One scope (CPython's `PySTEntryObject`), after analysis.

    `symbols` and `children` are in CPython's order. `children` no longer holds inlined
    comprehensions (their own children are spliced in their place); their tables stay reachable
    through `SymtableResult.lookup`, with `comp_inlined` set. Flags (`generator`, `coroutine`,
    `needs_class_closure`, ...) mean what the same-named `ste_*` fields mean to CPython's compiler.
    """
    name: str
    type: BlockType
    lineno: int
    col_offset: int
    end_lineno: int
    end_col_offset: int
    nested: bool
    symbols: Mapping[str, Symbol] = dataclasses.field(repr=False)
    varnames: tuple[str, ...] = dataclasses.field(repr=False)
    children: tuple["SymbolTable", ...] = dataclasses.field(repr=False)
    comprehension: Comprehension
    comp_inlined: bool
    generator: bool
    coroutine: bool
    returns_value: bool
    varargs: bool
    varkeywords: bool
    method: bool
    has_docstring: bool
    needs_class_closure: bool
    needs_classdict: bool
    has_conditional_annotations: bool
    can_see_class_scope: bool
    annotations_used: bool
    annotation_block: "SymbolTable | None" = dataclasses.field(repr=False)  # a module's or
                                             # class's `__annotate__` scope, or None
    mangled_names: frozenset[str] | None     # for `maybe_mangle`: set in a generic class's
                                             # type-param scopes, None elsewhere
    scope_info: str | None                   # "a TypeVar bound", ... (type variable scopes)

    def lookup(self, name: str) -> Symbol | None:
        return self.symbols.get(name)

    def scope_of(self, name: str) -> int:
        """`_PyST_GetScope`: 0 for a name this scope does not know."""
        symbol = self.symbols.get(name)
        return symbol.scope if symbol else 0

    def walk(self) -> Iterator["SymbolTable"]:
        """This table and its descendants, depth first, in `children` order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclasses.dataclass(frozen=True, slots=True, eq=False)
class SymtableResult:
    """What the stage answers: the module's table or the error that stopped it."""
    filename: str
    top: SymbolTable | None
    errors: tuple[Diagnostic, ...]
    future_features: frozenset[str]   # `from __future__` feature names in force
    _blocks: Mapping[tuple[int, str], tuple[object, SymbolTable]] = dataclasses.field(repr=False)

    def lookup(self, node: object, role: Role = Role.OWN) -> SymbolTable:
        """The table `node` owns in `role`; KeyError if it owns none (or the build failed)."""
        return self._blocks[id(node), Role(role).value][1]

    def get(self, node: object, role: Role = Role.OWN) -> SymbolTable | None:
        entry = self._blocks.get((id(node), Role(role).value))
        return entry[1] if entry else None


# --- Messages (CPython's words).
_GLOBAL_PARAM = "name '%s' is parameter and global"
_NONLOCAL_PARAM = "name '%s' is parameter and nonlocal"
_GLOBAL_AFTER_ASSIGN = "name '%s' is assigned to before global declaration"
_NONLOCAL_AFTER_ASSIGN = "name '%s' is assigned to before nonlocal declaration"
_GLOBAL_AFTER_USE = "name '%s' is used prior to global declaration"
_NONLOCAL_AFTER_USE = "name '%s' is used prior to nonlocal declaration"
_GLOBAL_ANNOT = "annotated name '%s' can't be global"
_NONLOCAL_ANNOT = "annotated name '%s' can't be nonlocal"
_NAMED_EXPR_COMP_IN = {
    BlockType.CLASS: "assignment expression within a comprehension cannot be used in a class body",
    BlockType.TYPE_VARIABLE: "assignment expression within a comprehension cannot be used in a TypeVar bound",
    BlockType.TYPE_ALIAS: "assignment expression within a comprehension cannot be used in a type alias",
    BlockType.TYPE_PARAMETERS: "assignment expression within a comprehension cannot be used within the definition of a generic",
}
_YIELD_IN_COMPREHENSION = {
    Comprehension.LIST: "'yield' inside list comprehension",
    Comprehension.SET: "'yield' inside set comprehension",
    Comprehension.DICT: "'yield' inside dict comprehension",
    Comprehension.GENERATOR: "'yield' inside generator expression",
}
_COMPREHENSION_OF = {"ListComp": (Comprehension.LIST, "listcomp"),
                     "SetComp": (Comprehension.SET, "setcomp"),
                     "DictComp": (Comprehension.DICT, "dictcomp"),
                     "GeneratorExp": (Comprehension.GENERATOR, "genexpr")}
# `from __future__` features that change nothing here but are valid (future.c).
_KNOWN_FUTURES = frozenset({"nested_scopes", "generators", "division", "absolute_import",
                            "with_statement", "print_function", "unicode_literals",
                            "barry_as_FLUFL", "generator_stop", "annotations"})

_Loc = tuple[int, int, int, int]  # lineno, col_offset, end_lineno, end_col_offset (AST's)


class _Error(Exception):
    """The first symtable error: ends the build; becomes a Diagnostic."""

    def __init__(self, message: str, loc: _Loc, kind: str = "SyntaxError"):
        super().__init__(message)
        self.message = message
        self.loc = loc
        self.kind = kind


def _loc(node) -> _Loc:
    end_lineno = node.end_lineno if node.end_lineno is not None else node.lineno
    end_col = node.end_col_offset if node.end_col_offset is not None else node.col_offset
    return node.lineno, node.col_offset, end_lineno, end_col


def mangle(private: str | None, name: str) -> str:
    """`_Py_Mangle`: `__x` inside class `_K` is `_K__x`; dunders, dotted names and classes
    named only with underscores are left alone."""
    if private is None or not name.startswith("__"):
        return name
    if name.endswith("__") or "." in name:
        return name
    stripped = private.lstrip("_")
    if not stripped:
        return name
    return f"_{stripped}{name}"


def maybe_mangle(private: str | None, mangled_names: "frozenset[str] | set[str] | None", name: str) -> str:
    """`_Py_MaybeMangle`: how a scope whose `mangled_names` is given spells `name` inside class
    `private`. The type-parameter scopes of a generic class mangle only its type parameters
    (`mangled_names`); every other scope (None) mangles as `mangle` does."""
    if mangled_names is not None and name not in mangled_names:
        return name
    return mangle(private, name)


def _docstring(body) -> bool:
    """`_PyAST_GetDocString` is not NULL: the body starts with a string-constant expression."""
    if not body:
        return False
    first = body[0]
    if type(first).__name__ != "Expr":
        return False
    value = first.value
    return type(value).__name__ == "Constant" and type(value.value) is str


class _Entry:
    """A scope while it is being built and analysed (mutable; frozen into a SymbolTable)."""

    __slots__ = ("name", "type", "node", "loc", "symbols", "varnames", "children",
                 "directives", "mangled_names", "nested", "generator", "coroutine",
                 "comprehension", "returns_value", "needs_class_closure", "comp_inlined",
                 "comp_iter_target", "can_see_class_scope", "comp_iter_expr", "needs_classdict",
                 "has_conditional_annotations", "in_conditional_block",
                 "in_unevaluated_annotation", "annotation_block", "has_docstring", "method",
                 "varargs", "varkeywords", "annotations_used", "scope_info")

    def __init__(self, name: str, type_: BlockType, node, loc: _Loc, parent: "_Entry | None"):
        self.name = name
        self.type = type_
        self.node = node
        self.loc = loc
        self.symbols: dict[str, int] = {}
        self.varnames: list[str] = []
        self.children: list[_Entry] = []
        self.directives: dict[str, _Loc] = {}
        self.mangled_names: set[str] | None = None
        self.nested = parent is not None and (parent.nested or parent.type.function_like)
        self.method = parent is not None and parent.type == BlockType.CLASS and type_ == BlockType.FUNCTION
        self.comprehension = Comprehension.NONE
        self.generator = self.coroutine = self.returns_value = False
        self.needs_class_closure = self.needs_classdict = self.comp_inlined = False
        self.comp_iter_target = self.can_see_class_scope = False
        self.comp_iter_expr = 0
        self.has_conditional_annotations = self.in_conditional_block = False
        self.in_unevaluated_annotation = False
        self.annotation_block: _Entry | None = None
        self.has_docstring = self.varargs = self.varkeywords = self.annotations_used = False
        self.scope_info: str | None = None


class _Builder:
    """Pass 1 (`symtable_visit_*`): raw facts per scope, in CPython's visiting order."""

    def __init__(self, future_annotations: bool, top_level_await: bool,
                 future_location: _Loc | None):
        self.future_annotations = future_annotations
        self.top_level_await = top_level_await
        self.future_location = future_location or (-1, -1, -1, -1)
        self.stack: list[_Entry] = []
        self.cur: _Entry | None = None
        self.top: _Entry | None = None
        self.global_symbols: dict[str, int] = {}
        self.private: str | None = None
        self.blocks: dict[tuple[int, str], _Entry] = {}
        self.expr_visitors = {name[6:]: getattr(self, name) for name in dir(self)
                              if name.startswith("_expr_")}
        self.stmt_visitors = {name[6:]: getattr(self, name) for name in dir(self)
                              if name.startswith("_stmt_")}

    # -- blocks

    def new_entry(self, name: str, type_: BlockType, node, role: Role, loc: _Loc) -> _Entry:
        entry = _Entry(name, type_, node, loc, self.cur)
        self.blocks[id(node), role.value] = entry
        return entry

    def enter_existing(self, entry: _Entry, add_to_children: bool = True) -> None:
        prev = self.cur
        self.stack.append(entry)
        if prev is not None:
            # bpo-37757: no assignment expression anywhere in a comprehension's outermost iterable.
            entry.comp_iter_expr = prev.comp_iter_expr
            # Classes mangle every name anyway; other scopes inherit the generic class's set.
            if prev.mangled_names is not None and entry.type != BlockType.CLASS:
                entry.mangled_names = prev.mangled_names
        self.cur = entry
        # Under `from __future__ import annotations` annotation scopes are strings at compile
        # time: they are visited (for errors) but are nobody's child and are never analysed.
        if self.future_annotations and entry.type == BlockType.ANNOTATION:
            return
        if entry.type == BlockType.MODULE:
            self.global_symbols = entry.symbols
        if prev is not None and add_to_children:
            prev.children.append(entry)

    def enter(self, name: str, type_: BlockType, node, role: Role, loc: _Loc) -> _Entry:
        entry = self.new_entry(name, type_, node, role, loc)
        self.enter_existing(entry)
        if type_ in (BlockType.ANNOTATION, BlockType.TYPE_VARIABLE, BlockType.TYPE_ALIAS):
            # The compiled function reads its `format` argument.
            self.add_def(".format", DEF_PARAM, loc)
            self.add_def(".format", USE, loc)
        return entry

    def exit(self) -> None:
        self.stack.pop()
        self.cur = self.stack[-1] if self.stack else None

    # -- symbols

    def maybe_mangle(self, entry: _Entry, name: str) -> str:
        return maybe_mangle(self.private, entry.mangled_names, name)

    def lookup(self, name: str, entry: _Entry | None = None) -> int:
        entry = entry or self.cur
        return entry.symbols.get(self.maybe_mangle(entry, name), 0)

    def add_def_helper(self, name: str, flag: int, entry: _Entry, loc: _Loc) -> None:
        mangled = self.maybe_mangle(self.cur, name)
        val = entry.symbols.get(mangled)
        if val is not None:
            if flag & DEF_PARAM and val & DEF_PARAM:
                raise _Error(f"duplicate argument '{name}' in function definition", loc)
            if flag & DEF_TYPE_PARAM and val & DEF_TYPE_PARAM:
                raise _Error(f"duplicate type parameter '{name}'", loc)
            val |= flag
        else:
            val = flag
        if entry.comp_iter_target:
            # An iteration variable must not clash with an assignment expression's target.
            if val & (DEF_GLOBAL | DEF_NONLOCAL):
                raise _Error(f"comprehension inner loop cannot rebind assignment expression target '{name}'", loc)
            val |= DEF_COMP_ITER
        entry.symbols[mangled] = val
        if flag & DEF_PARAM:
            entry.varnames.append(mangled)
        elif flag & DEF_GLOBAL:
            self.global_symbols[mangled] = self.global_symbols.get(mangled, 0) | flag

    def check_name(self, name: str, loc: _Loc, ctx: str) -> None:
        if name == "__debug__":
            if ctx == "Store":
                raise _Error("cannot assign to __debug__", loc)
            if ctx == "Del":
                raise _Error("cannot delete __debug__", loc)

    def add_def(self, name: str, flag: int, loc: _Loc, ctx: str | None = None) -> None:
        if ctx is None:
            ctx = "Load" if flag == USE else "Store"
        if flag & (DEF_PARAM | DEF_LOCAL | DEF_IMPORT):
            self.check_name(name, loc, ctx)
        if flag & DEF_TYPE_PARAM and self.cur.mangled_names is not None:
            self.cur.mangled_names.add(name)
        self.add_def_helper(name, flag, self.cur, loc)

    def record_directive(self, name: str, loc: _Loc) -> None:
        # CPython keeps a list and reports the first matching entry: keep the first location.
        self.cur.directives.setdefault(self.maybe_mangle(self.cur, name), loc)

    # -- module

    def visit_module(self, tree) -> _Entry:
        kind = type(tree).__name__
        self.top = self.enter("top", BlockType.MODULE, tree, Role.OWN, (0, 0, 0, 0))
        if kind == "Expression":
            self.visit_expr(tree.body)
        elif kind in ("Module", "Interactive"):
            if kind == "Module" and _docstring(tree.body):
                self.top.has_docstring = True
            for stmt in tree.body:
                self.visit_stmt(stmt)
        else:
            raise _Error("this compiler does not handle FunctionTypes", (0, -1, 0, -1), "RuntimeError")
        self.exit()
        return self.top

    # -- statements

    def visit_stmt(self, s) -> None:
        self.stmt_visitors[type(s).__name__](s)

    def visit_stmts(self, stmts) -> None:
        for s in stmts:
            self.visit_stmt(s)

    def visit_exprs(self, exprs) -> None:
        for e in exprs:
            if e is not None:
                self.visit_expr(e)

    @contextlib.contextmanager
    def conditional(self):
        """Annotations met here are conditional (`ENTER_CONDITIONAL_BLOCK`)."""
        entry = self.cur
        saved = entry.in_conditional_block
        entry.in_conditional_block = True
        yield
        entry.in_conditional_block = saved

    def visit_function(self, s, is_async: bool) -> None:
        loc = _loc(s)
        args = s.args
        self.add_def(s.name, DEF_LOCAL, loc)
        self.visit_exprs(args.defaults)
        self.visit_exprs(args.kw_defaults)
        self.visit_exprs(s.decorator_list)
        if s.type_params:
            has_kwdefaults = any(d is not None for d in args.kw_defaults[:len(args.kwonlyargs)])
            # CPython tests `args->defaults != NULL`, and the parser always makes the sequence
            # (empty or not): every generic def gets `.defaults`.
            self.enter_type_param_block(s.name, s, True, has_kwdefaults, False, loc)
            self.visit_type_params(s.type_params)
        function = self.new_entry(s.name, BlockType.FUNCTION, s, Role.OWN, loc)
        function.has_docstring = _docstring(s.body)
        self.visit_function_annotations(s, args, s.returns)
        self.enter_existing(function)
        if is_async:
            function.coroutine = True
        self.visit_arguments(args)
        self.visit_stmts(s.body)
        self.exit()
        if s.type_params:
            self.exit()

    def _stmt_FunctionDef(self, s) -> None:
        self.visit_function(s, False)

    def _stmt_AsyncFunctionDef(self, s) -> None:
        self.visit_function(s, True)

    def _stmt_ClassDef(self, s) -> None:
        loc = _loc(s)
        self.add_def(s.name, DEF_LOCAL, loc)
        self.visit_exprs(s.decorator_list)
        saved_private = self.private
        if s.type_params:
            self.enter_type_param_block(s.name, s, False, False, True, loc)
            self.private = s.name
            self.cur.mangled_names = set()
            self.visit_type_params(s.type_params)
        self.visit_exprs(s.bases)
        for kw in s.keywords:
            if kw.arg is not None:
                self.check_name(kw.arg, _loc(kw), "Store")
        for kw in s.keywords:
            self.visit_expr(kw.value)
        entry = self.enter(s.name, BlockType.CLASS, s, Role.OWN, loc)
        self.private = s.name
        if s.type_params:
            self.add_def("__type_params__", DEF_LOCAL, loc)
            self.add_def(".type_params", USE, loc)
        entry.has_docstring = _docstring(s.body)
        self.visit_stmts(s.body)
        self.exit()
        if s.type_params:
            self.exit()
        self.private = saved_private

    def _stmt_TypeAlias(self, s) -> None:
        self.visit_expr(s.name)
        name = s.name.id
        in_class = self.cur.type == BlockType.CLASS
        loc = _loc(s)
        if s.type_params:
            self.enter_type_param_block(name, s, False, False, False, loc)
            self.visit_type_params(s.type_params)
        alias = self.enter(name, BlockType.TYPE_ALIAS, s, Role.OWN, loc)
        alias.can_see_class_scope = in_class
        if in_class:
            self.add_def("__classdict__", USE, _loc(s.value))
        self.visit_expr(s.value)
        self.exit()
        if s.type_params:
            self.exit()

    def _stmt_Return(self, s) -> None:
        if s.value is not None:
            self.visit_expr(s.value)
            self.cur.returns_value = True

    def _stmt_Delete(self, s) -> None:
        self.visit_exprs(s.targets)

    def _stmt_Assign(self, s) -> None:
        self.visit_exprs(s.targets)
        self.visit_expr(s.value)

    def _stmt_AnnAssign(self, s) -> None:
        cur = self.cur
        cur.annotations_used = True
        target = s.target
        if type(target).__name__ == "Name":
            flags = self.lookup(target.id)
            if flags & (DEF_GLOBAL | DEF_NONLOCAL) and cur.symbols is not self.global_symbols and s.simple:
                template = _GLOBAL_ANNOT if flags & DEF_GLOBAL else _NONLOCAL_ANNOT
                raise _Error(template % target.id, _loc(s))
            if s.simple:
                self.add_def(target.id, DEF_ANNOT | DEF_LOCAL, _loc(target))
            # CPython's `if (simple && !add_def(...)) ... else {...}` also runs this for a
            # simple target: a second DEF_LOCAL that changes nothing but is checked the same way.
            if s.value is not None:
                self.add_def(target.id, DEF_LOCAL, _loc(target))
        else:
            self.visit_expr(target)
        self.visit_annotation(s.annotation)
        if s.value is not None:
            self.visit_expr(s.value)

    def _stmt_AugAssign(self, s) -> None:
        self.visit_expr(s.target)
        self.visit_expr(s.value)

    def visit_for(self, s) -> None:
        self.visit_expr(s.target)
        self.visit_expr(s.iter)
        with self.conditional():
            self.visit_stmts(s.body)
            self.visit_stmts(s.orelse)

    def _stmt_For(self, s) -> None:
        self.visit_for(s)

    def _stmt_AsyncFor(self, s) -> None:
        self.check_async_statement("'async for' outside async function", s)
        self.visit_for(s)

    def _stmt_While(self, s) -> None:
        self.visit_expr(s.test)
        with self.conditional():
            self.visit_stmts(s.body)
            self.visit_stmts(s.orelse)

    def _stmt_If(self, s) -> None:
        self.visit_expr(s.test)
        with self.conditional():
            self.visit_stmts(s.body)
            self.visit_stmts(s.orelse)

    def _stmt_Match(self, s) -> None:
        self.visit_expr(s.subject)
        with self.conditional():
            for case in s.cases:
                self.visit_pattern(case.pattern)
                if case.guard is not None:
                    self.visit_expr(case.guard)
                self.visit_stmts(case.body)

    def _stmt_Raise(self, s) -> None:
        if s.exc is not None:
            self.visit_expr(s.exc)
            if s.cause is not None:
                self.visit_expr(s.cause)

    def visit_try(self, s) -> None:
        with self.conditional():
            self.visit_stmts(s.body)
            for handler in s.handlers:
                if handler.type is not None:
                    self.visit_expr(handler.type)
                if handler.name is not None:
                    self.add_def(handler.name, DEF_LOCAL, _loc(handler))
                self.visit_stmts(handler.body)
            self.visit_stmts(s.orelse)
            self.visit_stmts(s.finalbody)

    def _stmt_Try(self, s) -> None:
        self.visit_try(s)

    def _stmt_TryStar(self, s) -> None:
        self.visit_try(s)

    def _stmt_Assert(self, s) -> None:
        self.visit_expr(s.test)
        if s.msg is not None:
            self.visit_expr(s.msg)

    def visit_alias(self, a) -> None:
        name = a.asname if a.asname is not None else a.name
        if name == "*":
            if self.cur.type != BlockType.MODULE:
                raise _Error("import * only allowed at module level", _loc(a))
            return
        # `import a.b.c` binds `a`.
        self.add_def(name.split(".", 1)[0], DEF_IMPORT, _loc(a))

    def _stmt_Import(self, s) -> None:
        for a in s.names:
            self.visit_alias(a)

    def _stmt_ImportFrom(self, s) -> None:
        for a in s.names:
            self.visit_alias(a)
        future = self.future_location
        if (s.module == "__future__" and s.level == 0
                and (s.lineno > future[0] or (s.lineno == future[2] and s.col_offset > future[3]))):
            raise _Error("from __future__ imports must occur at the beginning of the file", _loc(s))

    def visit_directive(self, s, is_global: bool) -> None:
        for name in s.names:
            cur = self.lookup(name)
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT):
                if cur & DEF_PARAM:
                    template = _GLOBAL_PARAM if is_global else _NONLOCAL_PARAM
                elif cur & USE:
                    template = _GLOBAL_AFTER_USE if is_global else _NONLOCAL_AFTER_USE
                elif cur & DEF_ANNOT:
                    template = _GLOBAL_ANNOT if is_global else _NONLOCAL_ANNOT
                else:
                    template = _GLOBAL_AFTER_ASSIGN if is_global else _NONLOCAL_AFTER_ASSIGN
                raise _Error(template % name, _loc(s))
            self.add_def(name, DEF_GLOBAL if is_global else DEF_NONLOCAL, _loc(s))
            self.record_directive(name, _loc(s))

    def _stmt_Global(self, s) -> None:
        self.visit_directive(s, True)

    def _stmt_Nonlocal(self, s) -> None:
        self.visit_directive(s, False)

    def _stmt_Expr(self, s) -> None:
        self.visit_expr(s.value)

    def _stmt_Pass(self, s) -> None:
        pass

    _stmt_Break = _stmt_Continue = _stmt_Pass

    def visit_with(self, s) -> None:
        with self.conditional():
            for item in s.items:
                self.visit_expr(item.context_expr)
                if item.optional_vars is not None:
                    self.visit_expr(item.optional_vars)
            self.visit_stmts(s.body)

    def _stmt_With(self, s) -> None:
        self.visit_with(s)

    def _stmt_AsyncWith(self, s) -> None:
        self.check_async_statement("'async with' outside async function", s)
        self.visit_with(s)

    def allows_top_level_await(self) -> bool:
        return self.top_level_await and self.cur.type == BlockType.MODULE

    def check_async_statement(self, message: str, s) -> None:
        if self.allows_top_level_await():
            self.cur.coroutine = True
        if not self.cur.coroutine:
            raise _Error(message, _loc(s))

    # -- type parameters

    def enter_type_param_block(self, name: str, node, has_defaults: bool, has_kwdefaults: bool,
                               is_class: bool, loc: _Loc) -> None:
        in_class = self.cur.type == BlockType.CLASS
        self.enter(name, BlockType.TYPE_PARAMETERS, node, Role.TYPE_PARAMS, loc)
        if in_class:
            self.cur.can_see_class_scope = True
            self.add_def("__classdict__", USE, loc)
        if is_class:
            # Set when the type params tuple is built, used when the bases are.
            self.add_def(".type_params", DEF_LOCAL, loc)
            self.add_def(".type_params", USE, loc)
            self.add_def(".generic_base", DEF_LOCAL, loc)
            self.add_def(".generic_base", USE, loc)
        if has_defaults:
            self.add_def(".defaults", DEF_PARAM, loc)
        if has_kwdefaults:
            self.add_def(".kwdefaults", DEF_PARAM, loc)

    def visit_type_params(self, type_params) -> None:
        for tp in type_params:
            kind = type(tp).__name__
            self.add_def(tp.name, DEF_TYPE_PARAM | DEF_LOCAL, _loc(tp))
            if kind == "TypeVar":
                info = None
                if tp.bound is not None:
                    is_tuple = type(tp.bound).__name__ == "Tuple"
                    info = "a TypeVar constraint" if is_tuple else "a TypeVar bound"
                self.visit_type_param_expr(tp.bound, tp, Role.OWN, info)
                self.visit_type_param_expr(tp.default_value, tp, Role.DEFAULT, "a TypeVar default")
            else:
                self.visit_type_param_expr(tp.default_value, tp, Role.OWN, f"a {kind} default")

    def visit_type_param_expr(self, e, tp, role: Role, info: str | None) -> None:
        if tp.name == "__classdict__":
            raise _Error("reserved name '__classdict__' cannot be used for type parameter", _loc(tp))
        if e is None:
            return
        in_class = self.cur.can_see_class_scope
        entry = self.enter(tp.name, BlockType.TYPE_VARIABLE, tp, role, _loc(e))
        entry.can_see_class_scope = in_class
        if in_class:
            self.add_def("__classdict__", USE, _loc(e))
        entry.scope_info = info
        self.visit_expr(e)
        self.exit()

    # -- annotations

    def visit_annotation(self, annotation) -> None:
        """The annotation of an AnnAssign, in the scope's single `__annotate__` scope."""
        cur = self.cur
        # Annotations in function bodies are never evaluated: their names bind nothing.
        unevaluated = cur.type == BlockType.FUNCTION
        conditional = cur.type == BlockType.MODULE or (cur.type == BlockType.CLASS and cur.in_conditional_block)
        if conditional and not cur.has_conditional_annotations:
            cur.has_conditional_annotations = True
            self.add_def("__conditional_annotations__", USE, _loc(annotation))
        if cur.annotation_block is None:
            role = Role.LOCAL_ANNOTATIONS if cur.type.function_like else Role.ANNOTATIONS
            block = self.enter("__annotate__", BlockType.ANNOTATION, cur.node, role, _loc(annotation))
            cur.annotation_block = block
            if cur.type == BlockType.CLASS and not self.future_annotations:
                block.can_see_class_scope = True
                self.add_def("__classdict__", USE, _loc(annotation))
        else:
            self.enter_existing(cur.annotation_block, add_to_children=False)
        if unevaluated:
            self.cur.in_unevaluated_annotation = True
        self.visit_expr(annotation)
        if unevaluated:
            self.cur.in_unevaluated_annotation = False
        self.exit()

    def visit_function_annotations(self, s, args, returns) -> None:
        """A def's parameter and return annotations, in a new `__annotate__` scope."""
        in_class = self.cur.can_see_class_scope or self.cur.type == BlockType.CLASS
        block = self.enter("__annotate__", BlockType.ANNOTATION, s, Role.ANNOTATIONS, _loc(s))
        if in_class:
            block.can_see_class_scope = True
            self.add_def("__classdict__", USE, _loc(s))
        annotated = [a.annotation for a in (*args.posonlyargs, *args.args)]
        annotated.append(args.vararg.annotation if args.vararg is not None else None)
        annotated.append(args.kwarg.annotation if args.kwarg is not None else None)
        annotated.extend(a.annotation for a in args.kwonlyargs)
        annotated.append(returns)
        for annotation in annotated:
            if annotation is not None:
                block.annotations_used = True
                self.visit_expr(annotation)
        self.exit()

    def visit_arguments(self, args) -> None:
        for a in (*args.posonlyargs, *args.args, *args.kwonlyargs):
            self.add_def(a.arg, DEF_PARAM, _loc(a))
        if args.vararg is not None:
            self.add_def(args.vararg.arg, DEF_PARAM, _loc(args.vararg))
            self.cur.varargs = True
        if args.kwarg is not None:
            self.add_def(args.kwarg.arg, DEF_PARAM, _loc(args.kwarg))
            self.cur.varkeywords = True

    # -- patterns

    def visit_pattern(self, p) -> None:
        kind = type(p).__name__
        if kind == "MatchValue":
            self.visit_expr(p.value)
        elif kind == "MatchSequence":
            for sub in p.patterns:
                self.visit_pattern(sub)
        elif kind == "MatchStar":
            if p.name is not None:
                self.add_def(p.name, DEF_LOCAL, _loc(p))
        elif kind == "MatchMapping":
            self.visit_exprs(p.keys)
            for sub in p.patterns:
                self.visit_pattern(sub)
            if p.rest is not None:
                self.add_def(p.rest, DEF_LOCAL, _loc(p))
        elif kind == "MatchClass":
            self.visit_expr(p.cls)
            for sub in p.patterns:
                self.visit_pattern(sub)
            for attr, sub in zip(p.kwd_attrs, p.kwd_patterns):
                self.check_name(attr, _loc(sub), "Store")
            for sub in p.kwd_patterns:
                self.visit_pattern(sub)
        elif kind == "MatchAs":
            if p.pattern is not None:
                self.visit_pattern(p.pattern)
            if p.name is not None:
                self.add_def(p.name, DEF_LOCAL, _loc(p))
        elif kind == "MatchOr":
            for sub in p.patterns:
                self.visit_pattern(sub)
        # MatchSingleton binds and uses nothing.

    # -- expressions

    def visit_expr(self, e) -> None:
        visitor = self.expr_visitors.get(type(e).__name__)
        if visitor is not None:
            visitor(e)
            return
        # Every other expression just visits its sub-expressions in field order.
        for field in _EXPR_CHILDREN[type(e).__name__]:
            value = getattr(e, field)
            if isinstance(value, tuple):
                self.visit_exprs(value)
            elif value is not None:
                self.visit_expr(value)

    def raise_if_annotation_block(self, what: str, e) -> None:
        cur = self.cur
        if cur.type == BlockType.ANNOTATION:
            message = f"{what} cannot be used within an annotation"
        elif cur.type == BlockType.TYPE_VARIABLE:
            message = f"{what} cannot be used within {cur.scope_info}"
        elif cur.type == BlockType.TYPE_ALIAS:
            message = f"{what} cannot be used within a type alias"
        elif cur.type == BlockType.TYPE_PARAMETERS:
            message = f"{what} cannot be used within the definition of a generic"
        else:
            return
        raise _Error(message, _loc(e))

    def _expr_NamedExpr(self, e) -> None:
        self.raise_if_annotation_block("named expression", e)
        if self.cur.comp_iter_expr > 0:
            raise _Error("assignment expression cannot be used in a comprehension iterable expression", _loc(e))
        if self.cur.comprehension:
            self.extend_namedexpr_scope(e.target)
        self.visit_expr(e.value)
        self.visit_expr(e.target)

    def extend_namedexpr_scope(self, target) -> None:
        """A walrus in a comprehension binds in the nearest enclosing function or module."""
        name = target.id
        loc = _loc(target)
        for entry in reversed(self.stack):
            if entry.comprehension:
                flags = self.lookup(name, entry)
                if flags & DEF_COMP_ITER and flags & DEF_LOCAL:
                    raise _Error(f"assignment expression cannot rebind comprehension iteration variable '{name}'", loc)
                continue
            if entry.type == BlockType.FUNCTION:
                if self.lookup(name, entry) & DEF_GLOBAL:
                    self.add_def(name, DEF_GLOBAL, loc)
                else:
                    self.add_def(name, DEF_NONLOCAL, loc)
                self.record_directive(name, loc)
                self.add_def_helper(name, DEF_LOCAL, entry, loc)
                return
            if entry.type == BlockType.MODULE:
                self.add_def(name, DEF_GLOBAL, loc)
                self.record_directive(name, loc)
                self.add_def_helper(name, DEF_GLOBAL, entry, loc)
                return
            if entry.type in _NAMED_EXPR_COMP_IN:
                raise _Error(_NAMED_EXPR_COMP_IN[entry.type], loc)
        raise AssertionError("a comprehension always has an enclosing scope")

    def _expr_Lambda(self, e) -> None:
        self.visit_exprs(e.args.defaults)
        self.visit_exprs(e.args.kw_defaults)
        self.enter("lambda", BlockType.FUNCTION, e, Role.OWN, _loc(e))
        self.visit_arguments(e.args)
        self.visit_expr(e.body)
        self.exit()

    def visit_comprehension(self, e, elt, value) -> None:
        kind, scope_name = _COMPREHENSION_OF[type(e).__name__]
        is_generator = kind == Comprehension.GENERATOR
        outermost = e.generators[0]
        # The outermost iterable is evaluated in the enclosing scope.
        self.cur.comp_iter_expr += 1
        self.visit_expr(outermost.iter)
        self.cur.comp_iter_expr -= 1
        comp = self.enter(scope_name, BlockType.FUNCTION, e, Role.OWN, _loc(e))
        comp.comprehension = kind
        if outermost.is_async:
            comp.coroutine = True
        # The outermost iterator is the implicit argument `.0`.
        self.add_def(".0", DEF_PARAM, comp.loc)
        comp.comp_iter_target = True
        self.visit_expr(outermost.target)
        comp.comp_iter_target = False
        self.visit_exprs(outermost.ifs)
        for generator in e.generators[1:]:
            comp.comp_iter_target = True
            self.visit_expr(generator.target)
            comp.comp_iter_target = False
            comp.comp_iter_expr += 1
            self.visit_expr(generator.iter)
            comp.comp_iter_expr -= 1
            self.visit_exprs(generator.ifs)
            if generator.is_async:
                comp.coroutine = True
        if value is not None:
            self.visit_expr(value)
        self.visit_expr(elt)
        comp.generator = is_generator
        is_async = comp.coroutine and not is_generator
        self.exit()
        cur = self.cur
        if (is_async and not (cur.type == BlockType.FUNCTION and cur.coroutine)
                and cur.comprehension == Comprehension.NONE and not self.allows_top_level_await()):
            raise _Error("asynchronous comprehension outside of an asynchronous function", _loc(e))
        if is_async:
            cur.coroutine = True

    def _expr_GeneratorExp(self, e) -> None:
        self.visit_comprehension(e, e.elt, None)

    def _expr_ListComp(self, e) -> None:
        self.visit_comprehension(e, e.elt, None)

    def _expr_SetComp(self, e) -> None:
        self.visit_comprehension(e, e.elt, None)

    def _expr_DictComp(self, e) -> None:
        # CPython visits the value before the key.
        self.visit_comprehension(e, e.key, e.value)

    def visit_yield(self, e) -> None:
        self.raise_if_annotation_block("yield expression", e)
        if e.value is not None:
            self.visit_expr(e.value)
        cur = self.cur
        cur.generator = True
        if cur.comprehension:
            raise _Error(_YIELD_IN_COMPREHENSION[cur.comprehension], _loc(e))

    _expr_Yield = _expr_YieldFrom = visit_yield

    def _expr_Await(self, e) -> None:
        self.raise_if_annotation_block("await expression", e)
        cur = self.cur
        if not self.allows_top_level_await():
            if not cur.type.function_like:
                raise _Error("'await' outside function", _loc(e))
            if not (cur.type == BlockType.FUNCTION and cur.coroutine) and cur.comprehension == Comprehension.NONE:
                raise _Error("'await' outside async function", _loc(e))
        self.visit_expr(e.value)
        cur.coroutine = True

    def _expr_Call(self, e) -> None:
        self.visit_expr(e.func)
        self.visit_exprs(e.args)
        for kw in e.keywords:
            if kw.arg is not None:
                self.check_name(kw.arg, _loc(kw), "Store")
        for kw in e.keywords:
            self.visit_expr(kw.value)

    def _expr_Attribute(self, e) -> None:
        self.check_name(e.attr, _loc(e), type(e.ctx).__name__)
        self.visit_expr(e.value)

    def _expr_Name(self, e) -> None:
        if self.cur.in_unevaluated_annotation:
            return
        ctx = type(e.ctx).__name__
        loc = _loc(e)
        self.add_def(e.id, USE if ctx == "Load" else DEF_LOCAL, loc, ctx)
        # `super()` needs the `__class__` cell.
        if ctx == "Load" and self.cur.type.function_like and e.id == "super":
            self.add_def("__class__", USE, loc)


# Sub-expressions, in CPython's visiting order, of expressions with no visitor of their own.
_EXPR_CHILDREN = {
    "BoolOp": ("values",), "BinOp": ("left", "right"), "UnaryOp": ("operand",),
    "IfExp": ("test", "body", "orelse"), "Dict": ("keys", "values"), "Set": ("elts",),
    "Compare": ("left", "comparators"), "FormattedValue": ("value", "format_spec"),
    "Interpolation": ("value", "format_spec"), "JoinedStr": ("values",),
    "TemplateStr": ("values",), "Constant": (), "Subscript": ("value", "slice"),
    "Starred": ("value",), "Slice": ("lower", "upper", "step"), "List": ("elts",),
    "Tuple": ("elts",),
}


class _Analyzer:
    """Pass 2 (`symtable_analyze`): every name's scope, comprehension inlining, cells."""

    def analyze_block(self, ste: _Entry, bound: set[str] | None, free: dict[str, None],
                      global_: set[str], type_params: set[str], class_entry: _Entry | None) -> None:
        """Resolve `ste`'s names; add the free names it (or a child) needs from outside to `free`.

        `free` dicts are ordered sets: see the module docstring on CPython's hashed-set order.
        """
        local: set[str] = set()
        scopes: dict[str, int] = {}
        newglobal: set[str] = set()
        newfree: dict[str, None] = {}
        newbound: set[str] = set()
        inlined_cells: set[str] = set()
        is_class = ste.type == BlockType.CLASS
        # Class bindings are invisible to nested functions: pass down only what was visible before.
        if is_class:
            newglobal |= global_
            if bound is not None:
                newbound |= bound
        for name, flags in ste.symbols.items():
            self.analyze_name(ste, scopes, name, flags, bound, local, free, global_, type_params, class_entry)
        if not is_class:
            if ste.type.function_like:
                newbound |= local
            if bound is not None:
                newbound |= bound
            newglobal |= global_
        else:
            newbound |= {"__class__", "__classdict__", "__conditional_annotations__"}

        for child in ste.children:
            child_class_entry = None
            if child.can_see_class_scope:
                if is_class:
                    child_class_entry = ste
                elif class_entry is not None:
                    child_class_entry = class_entry
            # Inline all comprehensions but generator expressions, except in annotation scopes
            # that see a class scope.
            inline = bool(child.comprehension) and not child.generator and not ste.can_see_class_scope
            child_free = dict(newfree)
            self.analyze_block(child, set(newbound), child_free, set(newglobal), set(type_params),
                               child_class_entry)
            if inline:
                self.inline_comprehension(ste, child, scopes, child_free, inlined_cells)
                child.comp_inlined = True
            newfree.update(child_free)

        # Splice the children of inlined comprehensions into our children.
        spliced: list[_Entry] = []
        for child in ste.children:
            if child.comp_inlined:
                spliced.extend(child.children)
            else:
                spliced.append(child)
        ste.children = spliced

        if ste.type.function_like:
            self.analyze_cells(scopes, newfree, inlined_cells)
        elif is_class:
            self.drop_class_free(ste, newfree)
        self.update_symbols(ste.symbols, scopes, bound, newfree, inlined_cells,
                            is_class or ste.can_see_class_scope)
        free.update(newfree)

    @staticmethod
    def analyze_name(ste: _Entry, scopes: dict[str, int], name: str, flags: int,
                     bound: set[str] | None, local: set[str], free: dict[str, None],
                     global_: set[str], type_params: set[str], class_entry: _Entry | None) -> None:
        if flags & DEF_GLOBAL:
            if flags & DEF_NONLOCAL:
                raise _Error(f"name '{name}' is nonlocal and global", ste.directives[name])
            scopes[name] = GLOBAL_EXPLICIT
            global_.add(name)
            if bound is not None:
                bound.discard(name)
            return
        if flags & DEF_NONLOCAL:
            if bound is None:
                raise _Error("nonlocal declaration not allowed at module level", ste.directives[name])
            if name not in bound:
                raise _Error(f"no binding for nonlocal '{name}' found", ste.directives[name])
            if name in type_params:
                raise _Error(f"nonlocal binding not allowed for type parameter '{name}'", ste.directives[name])
            scopes[name] = FREE
            free[name] = None
            return
        if flags & DEF_BOUND:
            scopes[name] = LOCAL
            local.add(name)
            global_.discard(name)
            if flags & DEF_TYPE_PARAM:
                type_params.add(name)
            else:
                type_params.discard(name)
            return
        # In a scope that sees a class scope, a name the class binds (or declares global) is
        # looked up in the class namespace and then the globals, not in an enclosing function.
        if class_entry is not None:
            class_flags = class_entry.symbols.get(name, 0)
            if class_flags & DEF_GLOBAL:
                scopes[name] = GLOBAL_EXPLICIT
                return
            if class_flags & DEF_BOUND and not class_flags & DEF_NONLOCAL:
                scopes[name] = GLOBAL_IMPLICIT
                return
        if bound is not None and name in bound:
            scopes[name] = FREE
            free[name] = None
            return
        scopes[name] = GLOBAL_IMPLICIT

    @staticmethod
    def inline_comprehension(ste: _Entry, comp: _Entry, scopes: dict[str, int],
                             comp_free: dict[str, None], inlined_cells: set[str]) -> None:
        """Merge an inlined comprehension's symbols into the enclosing scope (PEP 709)."""
        remove_dunder_class = False
        for name, comp_flags in comp.symbols.items():
            if comp_flags & DEF_PARAM:  # the implicit `.0`
                continue
            scope = (comp_flags >> SCOPE_OFF) & SCOPE_MASK
            only_flags = comp_flags & ((1 << SCOPE_OFF) - 1)
            if scope == CELL or only_flags & DEF_COMP_CELL:
                inlined_cells.add(name)
            existing = ste.symbols.get(name)
            # `__class__` is never free through a class scope (see drop_class_free).
            if scope == FREE and ste.type == BlockType.CLASS and name == "__class__":
                scope = GLOBAL_IMPLICIT
                comp_free.pop(name, None)
                remove_dunder_class = True
            if existing is None:
                ste.symbols[name] = only_flags
                scopes[name] = scope
            elif existing & DEF_BOUND and ste.type != BlockType.CLASS:
                # Free in the comprehension but local here: simply local, unless a child of the
                # comprehension needs it as a cell, or we are a class body.
                if not any(child.symbols.get(name, 0) >> SCOPE_OFF & SCOPE_MASK == FREE
                           for child in comp.children):
                    comp_free.pop(name, None)
        if remove_dunder_class:
            del comp.symbols["__class__"]

    @staticmethod
    def analyze_cells(scopes: dict[str, int], free: dict[str, None], inlined_cells: set[str]) -> None:
        """A local that a child needs free becomes a cell and stops being free."""
        for name, scope in scopes.items():
            if scope != LOCAL:
                continue
            if name not in free and name not in inlined_cells:
                continue
            scopes[name] = CELL
            free.pop(name, None)

    @staticmethod
    def drop_class_free(ste: _Entry, free: dict[str, None]) -> None:
        """The class provides these implicit cells itself: they stop at the class."""
        if "__class__" in free:
            del free["__class__"]
            ste.needs_class_closure = True
        if "__classdict__" in free:
            del free["__classdict__"]
            ste.needs_classdict = True
        if "__conditional_annotations__" in free:
            del free["__conditional_annotations__"]
            ste.has_conditional_annotations = True

    @staticmethod
    def update_symbols(symbols: dict[str, int], scopes: dict[str, int], bound: set[str] | None,
                       free: dict[str, None], inlined_cells: set[str], classflag: bool) -> None:
        for name, flags in symbols.items():
            if name in inlined_cells:
                flags |= DEF_COMP_CELL
            symbols[name] = flags | (scopes[name] << SCOPE_OFF)
        # Free names of children that this scope does not bind: pass them through.
        for name in free:
            flags = symbols.get(name)
            if flags is not None:
                # A method's free variable named like a class-level name.
                if classflag:
                    symbols[name] = flags | DEF_FREE_CLASS
                continue
            if bound is not None and name not in bound:
                continue  # a global
            symbols[name] = FREE << SCOPE_OFF


def _future_features(tree) -> tuple[frozenset[str], _Loc | None]:
    """`_PyFuture_FromAST`: the features of the leading `from __future__` imports and the last
    one's location; raises _Error for an unknown feature (or `braces`)."""
    features: set[str] = set()
    location = None
    kind = type(tree).__name__
    if kind not in ("Module", "Interactive"):
        return frozenset(), None
    body = tree.body
    start = 1 if _docstring(body) else 0
    for s in body[start:]:
        if not (type(s).__name__ == "ImportFrom" and s.level == 0 and s.module == "__future__"):
            break
        for a in s.names:
            if a.name == "braces":
                raise _Error("not a chance", _loc(a))
            if a.name not in _KNOWN_FUTURES:
                raise _Error(f"future feature {a.name} is not defined", _loc(a))
            features.add(a.name)
        location = _loc(s)
    return frozenset(features), location


def _freeze(entry: _Entry, memo: dict[int, SymbolTable]) -> SymbolTable:
    done = memo.get(id(entry))
    if done is not None:
        return done
    children = tuple(_freeze(child, memo) for child in entry.children)
    annotation_block = _freeze(entry.annotation_block, memo) if entry.annotation_block else None
    table = SymbolTable(
        name=entry.name, type=entry.type, lineno=entry.loc[0], col_offset=entry.loc[1],
        end_lineno=entry.loc[2], end_col_offset=entry.loc[3], nested=entry.nested,
        symbols=MappingProxyType({name: Symbol(name, flags) for name, flags in entry.symbols.items()}),
        varnames=tuple(entry.varnames), children=children, comprehension=entry.comprehension,
        comp_inlined=entry.comp_inlined, generator=entry.generator, coroutine=entry.coroutine,
        returns_value=entry.returns_value, varargs=entry.varargs, varkeywords=entry.varkeywords,
        method=entry.method, has_docstring=entry.has_docstring,
        needs_class_closure=entry.needs_class_closure, needs_classdict=entry.needs_classdict,
        has_conditional_annotations=entry.has_conditional_annotations,
        can_see_class_scope=entry.can_see_class_scope, annotations_used=entry.annotations_used,
        annotation_block=annotation_block,
        mangled_names=frozenset(entry.mangled_names) if entry.mangled_names is not None else None,
        scope_info=entry.scope_info)
    memo[id(entry)] = table
    return table


@contextlib.contextmanager
def _deep_recursion(limit: int = 20000):
    """Deeply nested code (long operator chains) recurses deeply; CPython's C visitor does too."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, limit))
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


def build_symtable(tree, filename: str, future_features: frozenset[str] | None = None, *,
                   allow_top_level_await: bool = False) -> SymtableResult:
    """The symbol tables of `tree` (a Module, Interactive or Expression node), as CPython builds
    them for `filename`.

    `future_features` are the `from __future__` feature names in force; None reads them (and
    their errors) off the tree as CPython's future.c does. The stage never raises on user code:
    an error comes back in `errors` (at most one, CPython's first) with `top` None.
    """
    def failure(err: _Error) -> SymtableResult:
        lineno, col, end_lineno, end_col = err.loc
        diagnostic = Diagnostic(err.kind, err.message, lineno, col + 1, end_lineno, end_col + 1)
        return SymtableResult(filename, None, (diagnostic,), features, MappingProxyType({}))

    features = frozenset()
    try:
        features, future_location = _future_features(tree)
    except _Error as err:
        return failure(err)
    if future_features is not None:
        features = frozenset(future_features)
    builder = _Builder("annotations" in features, allow_top_level_await, future_location)
    try:
        with _deep_recursion():
            top = builder.visit_module(tree)
            _Analyzer().analyze_block(top, None, {}, set(), set(), None)
    except _Error as err:
        return failure(err)
    except RecursionError:
        # CPython's C visitor gives up too (Py_EnterRecursiveCall), with no location.
        diagnostic = Diagnostic("RecursionError", "maximum recursion depth exceeded during compilation",
                                0, 0, 0, 0)
        return SymtableResult(filename, None, (diagnostic,), features, MappingProxyType({}))
    memo: dict[int, SymbolTable] = {}
    top_table = _freeze(top, memo)
    blocks = {key: (entry.node, _freeze(entry, memo)) for key, entry in builder.blocks.items()}
    return SymtableResult(filename, top_table, (), features, MappingProxyType(blocks))


def format_symtable(table: SymbolTable, filename: str) -> str:
    """What `python3.14 -m symtable` prints for a module's table (its `print_symbols`)."""
    lines: list[str] = []

    def emit(t: SymbolTable, level: int) -> None:
        indent = "    " * level
        nested = "nested " if t.nested else ""
        what = f"from file {filename!r}" if t.type == BlockType.MODULE else repr(t.name)
        lines.append(f"{indent}symbol table for {nested}{t.type.label} {what}:")
        for symbol in t.symbols.values():
            flags = ", ".join(symbol.flag_names()).lower()
            lines.append(f"    {indent}{symbol.scope_name().lower()} symbol {symbol.name!r}: {flags}")
        lines.append("")
        for child in t.children:
            emit(child, level + 1)

    emit(table, 0)
    return "\n".join(lines) + "\n"
