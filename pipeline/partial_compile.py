"""Compiling a document part by part: what the editor needs of one top-level statement run, or of
one member of a top-level class, without compiling the whole module.

    part = compile_part(statements, classes, filename, facts)  # classes: enclosing ClassDefs, outermost first
    facts = module_facts(parts); part.valid_for(facts)     # what own code reads of other parts
    part.owns(line) / part.listings(line, span, live=...)  # hover data, as HoverIndex(whole) gives it
    live([(part, shift), ...])                             # which parts are not dead code
    errors, warnings, folds = compose([(part, shift), ...])   # = compile_module(whole tree)'s
    part.shifted(n)                                        # the part n lines further down
    exact(statements, classes)                             # None, or why the caller must compile whole

A part is compiled inside a synthetic module: `Module(statements)`, or
`Module([ClassDef(header of classes[0], body=[... ClassDef(header of classes[-1], body=statements)])])`
(the classes' own bodies are ignored). The compiler is our own `Codegen`, subclassed here only to
record, as it goes, which stage of the enclosing code each warning, error, fold and code object
belongs to:

- `pre`: the class headers before the innermost body (decorators, type parameters);
- `own`: the part's statements (the code objects created while they are compiled are the part's
  own: functions, lambdas, generator expressions, nested classes, with everything inside them);
- `deferred`: the `__annotate__` of the innermost module or class (PEP 649), which CPython compiles
  after the last statement of that body, so after every sibling part;
- `context`: the innermost class body's (or, for a top-level part, the module's) own code;
- `post`: the class headers after the innermost body (bases and keywords, decorators applied);
- `module`: the module's code (for a class part: the class statement's instructions).

`compose` lays the parts' records out in the order the whole module's compile makes them: the AST
pre-pass warnings of every part; then the symbol table's first error (an error of its scope-building
pass anywhere beats an error of its name-analysis pass); else, group by group (a top-level part, or
the consecutive members of one class), `pre` once, each member's `own`, each member's `deferred`,
`post` once, stopping at the first code-generator error; the module's own `deferred` comes last.
Folds follow the order the flowgraph makes them: nested code objects first, a class body's code
after its members, the module's `__annotate__`, then the module's code.

Hover data is exact for the lines a part owns: lines of the part where no code outside its own
code objects (the module's, the class body's, the `__annotate__`s', the headers') has an
instruction. Those lines' instructions all come from the part's own code objects, whose code does
not depend on the sibling parts. A line of the part with no instruction at all (blank, comment,
a `pass` the flowgraph removed) is owned and lists nothing, as in the whole module.

The statements and the class headers must be in one coordinate system (any: everything returned
is in it; `compose` applies each part's shift to all of the part; `shifted(n)` moves a part,
its code objects included, so its listings are re-rendered as `dis` prints them at the new place:
line numbers, and their column's width past line 999). Statements sharing a line
(`a = 1; b = 2`) must be in the same part.

What a part's own code reads of the rest of the module is `ModuleFacts` (module-level imports,
a module-level `super`): compile with the facts of the whole module (`module_facts(all parts)`;
`valid_for` tells which parts read a fact that changed). Where `exact` gives a reason for any
part (`global`/`nonlocal` in a module or class body, a `__future__` import), the caller compiles
the whole module instead: those change other parts' code or errors. Deep trees: run
`compile_part` through `pipeline.deep.call_deep`, as `compile_program` runs the compiler.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from pipeline import astnodes as A
from pipeline.codeobject import CodeObject
from pipeline.compiler import Fold, _diagnostic
from pipeline.compiler.assemble import assemble_unit
from pipeline.compiler.codegen import Codegen, CompileError
from pipeline.compiler.ir import NB, NO_LOC
from pipeline.compiler.preprocess import finally_warnings
from pipeline.diagnostics import Diagnostic
from pipeline.disassemble import instruction_lines, walk_code
from pipeline.hover import Listing, Span, listings_of

__all__ = ["ModuleFacts", "PartCompile", "compile_part", "compose", "exact", "live", "module_facts"]


@dataclasses.dataclass(frozen=True, slots=True)
class ModuleFacts:
    """What a part's own code reads of the module's symbol table: the names some module-level
    import binds (`mod.f()` is then not a method call: no LOAD_ATTR method form), and whether
    the module's table knows `super` at all (then `super().f()` is not optimized)."""
    imported: frozenset[str] = frozenset()
    mentions_super: bool = False


def module_facts(parts: Iterable["PartCompile"]) -> ModuleFacts:
    """The whole module's facts: each part's contribution, united."""
    imported: set[str] = set()
    mentions_super = False
    for part in parts:
        imported |= part.provides.imported
        mentions_super = mentions_super or part.provides.mentions_super
    return ModuleFacts(frozenset(imported), mentions_super)


# Folded only if the end of the part is reachable when the flowgraph folds (see `_StageCodegen.body`).
_MARK = "\x00end of part\x00"


@dataclasses.dataclass(frozen=True, slots=True)
class PartCompile:
    """One part's compile, in the coordinates of its statements.

    `errors` / `warnings` / `folds` are what `compile_module` reports for the synthetic module
    (the part in its classes); only `compose` gives the whole module's. The other fields are the
    records `compose` and the hovers read."""
    errors: tuple[Diagnostic, ...]
    warnings: tuple[Diagnostic, ...]
    folds: tuple[Fold, ...]
    context: tuple[tuple[str, int, int], ...]   # (name, line, column) of each enclosing class
    early: tuple[Diagnostic, ...]               # the AST pre-pass's warnings
    symtable_error: Diagnostic | None
    symtable_pass: str | None                   # "build" or "analyze": the pass that raised it
    stage_warnings: tuple[tuple[str, Diagnostic], ...]   # (stage, warning) in emission order
    error_stage: str | None                     # the stage the code generator's error came from
    stage_folds: tuple[tuple[str, Fold], ...]   # (stage, fold) in the order they were made
    first_line: int
    last_line: int
    foreign_lines: frozenset[int]               # lines of the part with instructions not its own
    provides: ModuleFacts                       # this part's contribution to the module's facts
    assumed: tuple[tuple[str, bool], ...]       # (name, imported?) of each name its code read
    assumed_super: bool | None                  # mentions_super, if its code read it
    falls_through: bool                         # whether control can leave its last statement
    folds_after: bool                           # whether the flowgraph folds what follows it
    own_codes: tuple[CodeObject, ...]           # its own code objects made in the enclosing code
    _cache: dict = dataclasses.field(default_factory=dict, compare=False, repr=False)

    @property
    def by_line(self) -> dict[int, list]:
        """line -> [(qualname, [(instruction, dis text), ...])] of the own code objects; built on
        the first hover (`dis` formatting is a third of a part's compile)."""
        if "by_line" not in self._cache:
            self._cache["by_line"] = _index(self.own_codes)
        return self._cache["by_line"]

    def shifted(self, shift: int) -> "PartCompile":
        """The same part moved `shift` lines down (up if negative): its code objects too (a code
        object's lines are relative to its `co_firstlineno`), so listings are re-rendered as
        `dis` prints them at the new place."""
        if not shift:
            return self
        codes = tuple(_shift_code(code, shift) for code in self.own_codes)
        return dataclasses.replace(
            self,
            errors=tuple(_shift_diagnostic(d, shift) for d in self.errors),
            warnings=tuple(_shift_diagnostic(d, shift) for d in self.warnings),
            folds=tuple(_shift_fold(f, shift) for f in self.folds),
            context=tuple((name, line + shift, col) for name, line, col in self.context),
            early=tuple(_shift_diagnostic(d, shift) for d in self.early),
            symtable_error=self.symtable_error and _shift_diagnostic(self.symtable_error, shift),
            stage_warnings=tuple((stage, _shift_diagnostic(d, shift)) for stage, d in self.stage_warnings),
            stage_folds=tuple((stage, _shift_fold(f, shift)) for stage, f in self.stage_folds),
            first_line=self.first_line + shift, last_line=self.last_line + shift,
            foreign_lines=frozenset(line + shift for line in self.foreign_lines),
            own_codes=codes, _cache={})

    def valid_for(self, facts: ModuleFacts) -> bool:
        """Whether the part was compiled with what `facts` say wherever its code read them; if
        not, compile it again with `facts`."""
        return (all((name in facts.imported) == bit for name, bit in self.assumed)
                and self.assumed_super in (None, facts.mentions_super))

    def owns(self, line: int) -> bool:
        """Whether the whole module's hover listings of `line` are exactly `listings(line)`."""
        return self.first_line <= line <= self.last_line and line not in self.foreign_lines

    def listings(self, line: int, span: Span | None = None, live: bool = True) -> list[Listing] | None:
        """`HoverIndex(whole module code).listings(line, span)` for an owned line; None for a line
        the part does not own (the caller asks the whole module). A part that is not `live`
        (see `live`) is dead code: the flowgraph drops its code objects, so its lines list
        nothing."""
        if not self.owns(line):
            return None
        if not live:
            return []
        return listings_of(self.by_line.get(line, ()), span)


class _StageCodegen(Codegen):
    """The compiler, recording the stage (see the module docstring) of what it makes."""

    def __init__(self, symtable, filename: str, target, facts: ModuleFacts):
        super().__init__(symtable, filename, 0, self._assemble)
        self.facts = facts
        self.assumed: dict[str, bool] = {}
        self.assumed_super: bool | None = None
        self.target = target            # the innermost synthetic ClassDef, or None
        self.stage = "pre" if target is not None else "own"
        self.awaiting_context = target is None
        self.context_unit = None
        self.folds: list = []
        self.mark_folded = False
        self.warning_stages: list[str] = []
        self.assembled: list[tuple[str, CodeObject, int, int]] = []  # stage, code, folds from, to

    def _assemble(self, unit, codegen) -> CodeObject:
        start = len(self.folds)
        code = assemble_unit(unit, codegen)
        made = self.folds[start:]
        kept = [fold for fold in made if not (type(fold[1]) is str and fold[1] == _MARK)]
        if len(kept) < len(made):  # the end block may have been copied for each way into it
            self.mark_folded = True
            self.folds[start:] = kept
        if unit is self.context_unit:
            stage = "context"
            self.stage = "post"
        elif unit.scope == "module":
            stage = "module"
        else:
            stage = self.stage
        self.assembled.append((stage, code, start, len(self.folds)))
        return code

    def enter_scope(self, *args, **kwargs):
        unit = super().enter_scope(*args, **kwargs)
        if self.awaiting_context:
            self.context_unit = unit
            self.awaiting_context = False
        return unit

    def class_body(self, s, firstlineno: int) -> None:
        if s is self.target:
            self.stage = "own"
            self.awaiting_context = True
        super().class_body(s, firstlineno)

    def body(self, loc, stmts) -> None:
        super().body(loc, stmts)
        if self.u is self.context_unit:
            # `_MARK + ""`, folded and then dropped with its POP_TOP: whether the fold happens
            # tells whether code after the part is still reachable when the flowgraph folds
            # (`raise` ends it before; `while True:` only after).
            self.load_const(_MARK[:-1], NO_LOC)
            self.load_const(_MARK[-1:], NO_LOC)
            self.emit("BINARY_OP", NB["NB_ADD"], NO_LOC)
            self.emit("POP_TOP", 0, NO_LOC)

    def process_deferred_annotations(self, loc) -> None:
        if self.u is not self.context_unit:
            return super().process_deferred_annotations(loc)
        self.stage = "deferred"
        super().process_deferred_annotations(loc)
        self.stage = "context"

    def is_import_originated(self, e) -> bool:
        local = super().is_import_originated(e)
        if type(e).__name__ != "Name":
            return local
        table = self.units[0].ste
        if table is not self.st.top and table.lookup(e.id) is not self.st.top.lookup(e.id):
            return local  # a module-level inlined comprehension's own binding hides the module's
        bit = e.id in self.facts.imported
        self.assumed[e.id] = bit
        return local or bit

    def is_super_call(self, attr) -> bool:
        value = attr.value
        if type(value).__name__ == "Call" and type(value.func).__name__ == "Name" and value.func.id == "super":
            self.assumed_super = self.facts.mentions_super
            if self.facts.mentions_super:
                return False
        return super().is_super_call(attr)

    def warn(self, message: str, loc) -> None:
        if not self.warnings_off:
            self.warning_stages.append(self.stage)
        super().warn(message, loc)


def _first_line(s) -> int:
    decorators = getattr(s, "decorator_list", ())
    return decorators[0].lineno if decorators else s.lineno


def _header_lines(cls) -> set[int]:
    nodes = [*cls.decorator_list, *cls.bases, *cls.keywords, *cls.type_params]
    last = max([cls.lineno, *(n.end_lineno for n in nodes if n.end_lineno is not None)])
    return set(range(_first_line(cls), last + 1))


def _synthetic(statements: Sequence, classes: Sequence):
    body = tuple(statements)
    target = None
    for cls in reversed(classes):
        cls = dataclasses.replace(cls, body=body)
        target = target or cls
        body = (cls,)
    return A.Module(body=body, type_ignores=()), target


def _symtable_pass(tree, filename: str) -> str:
    """Which of the symbol table's passes raised its error: CPython builds every scope first and
    analyses names after, so a build error anywhere in the module beats any analysis error."""
    from pipeline import symtable as S

    try:
        features, future_location = S._future_features(tree)
        with S._deep_recursion():
            S._Builder("annotations" in features, False, future_location).visit_module(tree)
    except S._Error:
        return "build"
    except RecursionError:
        return "build"
    return "analyze"


def compile_part(statements: Sequence, classes: Sequence = (), filename: str = "<unknown>",
                 facts: ModuleFacts | None = None) -> PartCompile:
    """Compile `statements` as the whole module's compile does inside the top-level `classes`
    (outermost first; their bodies are replaced by `statements`), given the whole module's
    `facts` (None: the part's own, right when no other part imports a name it uses as a module
    or mentions `super` at module level; `valid_for` tells). Never raises on user code."""
    from pipeline.symtable import DEF_IMPORT, build_symtable

    tree, target = _synthetic(statements, classes)
    context = tuple((c.name, c.lineno, c.col_offset) for c in classes)
    first = min(_first_line(s) for s in statements)
    last = max(s.end_lineno for s in statements)
    header: set[int] = set()
    for cls in classes:
        header |= _header_lines(cls)
    early = tuple(_diagnostic(message, loc, "warning", "SyntaxWarning") for message, loc in finally_warnings(tree))
    table = build_symtable(tree, filename)
    provides = ModuleFacts()
    if table.top is not None:
        provides = ModuleFacts(frozenset(name for name, symbol in table.top.symbols.items()
                                         if symbol.flags & DEF_IMPORT), "super" in table.top.symbols)
    gen = None
    falls_through = True
    own_codes: list[CodeObject] = []

    def result(errors=(), warnings=(), folds=(), sym_pass=None, stage_warnings=(), error_stage=None,
               stage_folds=(), foreign=None):
        return PartCompile(tuple(errors), early + tuple(warnings), tuple(folds), context, early,
                           errors[0] if sym_pass else None, sym_pass, tuple(stage_warnings), error_stage,
                           tuple(stage_folds), first, last,
                           frozenset(range(first, last + 1)) if foreign is None else frozenset(foreign),
                           provides, tuple(sorted(gen.assumed.items())) if gen else (),
                           gen.assumed_super if gen else None, falls_through,
                           gen is None or gen.mark_folded, tuple(own_codes))

    if table.errors or table.top is None:
        return result(errors=table.errors, sym_pass=_symtable_pass(tree, filename))
    gen = _StageCodegen(table, filename, target, provides if facts is None else facts)
    error = None
    try:
        module_code = gen.module(tree)
    except CompileError as exc:
        module_code = None
        error = _diagnostic(exc.message, exc.loc, "error")
    except Exception as exc:  # unsupported or a compiler bug: nothing of this part is exact
        return result(errors=(Diagnostic("SystemError", f"internal error: {type(exc).__name__}: {exc}", first, 0,
                                         first, 0),), error_stage="internal")
    stage_warnings = [(stage, _diagnostic(message, loc, "warning", "SyntaxWarning"))
                      for stage, (message, loc) in zip(gen.warning_stages, gen.warnings)]
    warnings = [w for _, w in stage_warnings]
    if error is not None:
        return result(errors=(error,), warnings=warnings, stage_warnings=stage_warnings,
                      error_stage="post" if gen.stage == "context" else gen.stage)
    fold_stage = [None] * len(gen.folds)
    for stage, _code, start, end in gen.assembled:
        for i in range(start, end):
            fold_stage[i] = fold_stage[i] or stage
    stage_folds = []
    for stage, (loc, value) in zip(fold_stage, gen.folds):
        if loc.lineno >= 0:
            stage_folds.append((stage, Fold.made(loc, value)))

    # The part's own code objects, in the context code's co_consts order (dis's order).
    own_ids = {id(code) for stage, code, _, _ in gen.assembled if stage == "own"}
    context_code = next(code for stage, code, _, _ in gen.assembled if stage == "context")
    own_codes[:] = [c for c in context_code.co_consts if isinstance(c, CodeObject) and id(c) in own_ids]
    own_walk = [code for top in own_codes for code in walk_code(top)]
    own_walk_ids = {id(code) for code in own_walk}
    # The context code returns only at its implicit end (a `return` or `yield` there is an
    # error): no RETURN_VALUE left means the flowgraph found the end unreachable.
    falls_through = any(instr.opname == "RETURN_VALUE" for instr, _ in instruction_lines(context_code))
    foreign = set(header)
    if not classes:
        # The module's first statement also carries the module's `__conditional_annotations__`
        # set when any part has a conditional annotation: a part cannot know it is the first.
        foreign.add(statements[0].lineno)
    for code in walk_code(module_code):
        if id(code) not in own_walk_ids:
            foreign.update(instr.line_number for instr, _ in instruction_lines(code)
                           if instr.line_number is not None)
    return result(warnings=warnings, folds=[f for _, f in stage_folds], stage_warnings=stage_warnings,
                  stage_folds=stage_folds, foreign=foreign)


def _index(own_codes) -> dict[int, list]:
    """line -> [(qualname, [(instruction, dis text), ...])], code objects in dis's order."""
    by_line: dict[int, list] = {}
    for top in own_codes:
        for code in walk_code(top):
            rows: dict[int, list] = {}
            for instr, text in instruction_lines(code):
                if instr.line_number is not None:
                    rows.setdefault(instr.line_number, []).append((instr, text))
            for line, picked in rows.items():
                by_line.setdefault(line, []).append((code.co_qualname, picked))
    return by_line


def _shift_code(code: CodeObject, shift: int) -> CodeObject:
    consts = tuple(_shift_code(c, shift) if isinstance(c, CodeObject) else c for c in code.co_consts)
    return dataclasses.replace(code, co_firstlineno=code.co_firstlineno + shift, co_consts=consts)


# ------------------------------------------------------------------------------------- compose
def _shift_diagnostic(d: Diagnostic, shift: int) -> Diagnostic:
    if not shift or d.lineno <= 0:
        return d
    return dataclasses.replace(d, lineno=d.lineno + shift, end_lineno=d.end_lineno + shift)


def _shift_fold(f: Fold, shift: int) -> Fold:
    if not shift:
        return f
    return dataclasses.replace(f, lineno=f.lineno + shift, end_lineno=f.end_lineno + shift)


def _groups(entries: list[tuple]) -> list[tuple[tuple, list[tuple]]]:
    """Consecutive entries `(part, shift, ...)` of one class (the same context after their
    shifts); each top-level part a group of its own with the key ()."""
    groups: list = []
    for entry in entries:
        part, shift = entry[0], entry[1]
        key = tuple((name, line + shift, col) for name, line, col in part.context)
        if groups and groups[-1][0] == key and key:
            groups[-1][1].append(entry)
        else:
            groups.append((key, [entry]))
    return groups


def _reachability(entries: list[tuple], attribute: str) -> list[tuple[bool, bool]]:
    """(reachable with the module, reachable in its own body's code) for each entry, with
    `attribute` ("falls_through" or "folds_after") saying whether a part lets control past."""
    flags: list[tuple[bool, bool]] = []
    module_live = True
    for key, members in _groups(entries):
        body_live = True if key else module_live
        for entry in members:
            flags.append((module_live and body_live, body_live))
            body_live = body_live and getattr(entry[0], attribute)
        if not key:
            module_live = body_live
    return flags


def live(parts: Iterable[tuple[PartCompile, int]]) -> list[bool]:
    """For each part (in document order, with its shift), whether its code is in the whole
    module: a part after one that never falls through (`raise`, `while True:` without `break`) in
    the same module or class body is dead code, and so is every member of a class whose
    statement is; the flowgraph removes dead code with the code objects it creates."""
    return [present for present, _ in _reachability(list(parts), "falls_through")]


class _Stop(Exception):
    pass


def compose(parts: Iterable[tuple[PartCompile, int]]) -> tuple[tuple[Diagnostic, ...], tuple[Diagnostic, ...],
                                                                 tuple[Fold, ...]]:
    """(errors, warnings, folds) of the whole module from its parts in document order, each with
    the line shift that moves it to its place: what `compile_module(whole tree)` reports, provided
    every part is `exact`."""
    parts = list(parts)
    warnings = [_shift_diagnostic(w, shift) for part, shift in parts for w in part.early]
    for wanted in ("build", "analyze"):
        for part, shift in parts:
            if part.symtable_pass == wanted:
                return (_shift_diagnostic(part.symtable_error, shift),), tuple(warnings), ()
    for part, shift in parts:
        if part.error_stage == "internal":
            return tuple(_shift_diagnostic(e, shift) for e in part.errors), tuple(warnings), ()

    # Dead code's own instructions are removed before the flowgraph folds (its nested code
    # objects were already compiled, with their folds).
    groups = _groups([(part, shift, reachable)
                      for (part, shift), (_, reachable) in zip(parts, _reachability(parts, "folds_after"))])

    def emit(part: PartCompile, shift: int, _alive: bool, stages: tuple[str, ...]) -> None:
        warnings.extend(_shift_diagnostic(w, shift) for stage, w in part.stage_warnings if stage in stages)
        if part.error_stage in stages:
            raise _Stop(_shift_diagnostic(part.errors[0], shift))

    top_level: list[tuple[PartCompile, int]] = []
    try:
        for key, members in groups:
            if not key:
                for member in members:
                    emit(*member, ("own",))
                top_level.extend(members)
                continue
            emit(*members[0], ("pre",))
            for member in members:
                emit(*member, ("own",))
            for member in members:
                emit(*member, ("deferred", "context"))
            emit(*members[-1], ("post", "module"))
        for member in top_level:
            emit(*member, ("deferred", "context", "post", "module"))
    except _Stop as stop:
        return (stop.args[0],), tuple(warnings), ()

    folds: list[Fold] = []

    def take(part: PartCompile, shift: int, reachable: bool, stages: tuple[str, ...]) -> None:
        if not reachable:
            stages = tuple(stage for stage in stages if stage not in ("context", "module"))
        folds.extend(_shift_fold(f, shift) for stage, f in part.stage_folds if stage in stages)

    for key, members in groups:
        if not key:
            for member in members:
                take(*member, ("own",))
            continue
        take(*members[0], ("pre",))
        for stage in ("own", "deferred", "context"):
            for member in members:
                take(*member, (stage,))
        take(*members[0], ("post",))
    for member in top_level:
        take(*member, ("deferred",))
    module_live = True
    for key, members in groups:
        if not key:
            take(*members[0], ("context", "module"))
            module_live = members[0][2] and members[0][0].folds_after
        elif module_live:
            take(*members[0], ("module",))
    return (), tuple(warnings), tuple(folds)


# --------------------------------------------------------------------------------------- exact
def _context_statements(statements):
    """The statements that run in the enclosing module or class body itself (not in a nested
    function or class)."""
    for s in statements:
        yield s
        kind = type(s).__name__
        if kind in ("FunctionDef", "AsyncFunctionDef", "ClassDef"):
            continue
        for field in ("body", "orelse", "finalbody"):
            yield from _context_statements(getattr(s, field, ()))
        for handler in getattr(s, "handlers", ()):
            yield from _context_statements(handler.body)
        for case in getattr(s, "cases", ()):
            yield from _context_statements(case.body)


def exact(statements: Sequence, classes: Sequence = ()) -> str | None:
    """None when `compile_part(statements, classes)` composes exactly; else why the caller must
    compile the whole module (the part's code depends on its siblings)."""
    for s in _context_statements(statements):
        kind = type(s).__name__
        if kind in ("Global", "Nonlocal"):
            return f"'{kind.lower()}' in the {'class' if classes else 'module'} body"
        if kind == "ImportFrom" and s.module == "__future__" and s.level == 0:
            return "a __future__ import"
    return None
