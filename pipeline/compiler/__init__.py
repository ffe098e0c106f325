"""The compiler: AST + symbol table -> CPython 3.14.2's code objects, instruction for instruction.

    result = compile_module(tree, filename)     # never raises on user code
    result.code                                 # the module's CodeObject, or None after an error
    result.errors / result.warnings             # Diagnostics, in CPython's words
    result.folds                                # expressions folded to constants (editor hints)

Stages, as in CPython: `codegen` (AST -> pseudo-instructions per code object), `flowgraph`
(the CFG passes of `_PyCfg_OptimizeCodeUnit` and `_PyCfg_OptimizedCfgToInstructionSequence`),
`assemble` (layout, tables, CodeObject); before them `preprocess` gives the AST pre-pass's
PEP 765 warnings; `unparse` gives annotations their text under
`from __future__ import annotations`; `setorder` the element order of frozenset constants.

3.14 folds constants in the CFG, not the AST. What `ast_preprocess.c` still rewrites is done by
`codegen` at the node concerned, so the caller's tree (and the symbol table keyed by its nodes)
is never copied: `'..%s..' % (a,)` becomes an f-string, `__debug__` a constant, and `-1` /
`1 + 2j` in match patterns constants.

Contract: the result never raises for user code. CPython's compile-time SyntaxErrors come back in
`errors` (with `code` None); SyntaxWarnings in `warnings`. Should a construct be unsupported or
the compiler fail internally, `code` is None and `unsupported` says why.
"""
from __future__ import annotations

import dataclasses

from pipeline.codeobject import CodeObject
from pipeline.diagnostics import Diagnostic
from pipeline.compiler.assemble import assemble_unit
from pipeline.compiler.codegen import Codegen, CompileError
from pipeline.compiler.ir import Loc
from pipeline.compiler.preprocess import finally_warnings

__all__ = ["compile_module", "CompileResult", "Fold"]


@dataclasses.dataclass(frozen=True, slots=True)
class Fold:
    """An expression the compiler replaced by a constant: its span (AST columns, UTF-8 bytes)
    and the constant's repr."""
    lineno: int
    end_lineno: int
    col_offset: int
    end_col_offset: int
    value_repr: str

    @classmethod
    def made(cls, loc, value) -> "Fold":
        """The fold the code generator reported at `loc` with the constant `value`."""
        from pipeline.astdump import repr314

        try:
            text = repr314(value) if isinstance(value, str) else repr(value)
        except Exception:
            text = repr(value)
        return cls(loc.lineno, loc.end_lineno, loc.col, loc.end_col, text)


@dataclasses.dataclass(frozen=True, slots=True)
class CompileResult:
    code: CodeObject | None
    errors: tuple[Diagnostic, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()
    folds: tuple[Fold, ...] = ()     # in the order the flowgraph made them, nested code included
    unsupported: str | None = None   # why `code` is None without an error, if it is


def _diagnostic(message: str, loc: Loc, severity: str, kind: str = "SyntaxError") -> Diagnostic:
    line = max(loc.lineno, 1)
    end_line = loc.end_lineno if loc.end_lineno >= 0 else line
    return Diagnostic(kind, message, line, loc.col + 1 if loc.col >= 0 else 0, end_line,
                      loc.end_col + 1 if loc.end_col >= 0 else 0, severity)


def compile_module(tree, filename: str, *, symtable=None, optimize: int = 0) -> CompileResult:
    """Compile a Module (or Expression) tree. Symtable errors are returned as they are."""
    from pipeline.symtable import build_symtable

    # CPython's AST pre-pass warns before the symbol table and the code generator run, so its
    # warnings come first and stand whatever error follows.
    early = tuple(_diagnostic(message, loc, "warning", "SyntaxWarning") for message, loc in finally_warnings(tree))
    if symtable is None:
        symtable = build_symtable(tree, filename)
    if symtable.errors or symtable.top is None:
        return CompileResult(None, tuple(symtable.errors), early)
    codegen = Codegen(symtable, filename, optimize, assemble_unit)
    codegen.folds = []
    try:
        code = codegen.module(tree)
    except CompileError as exc:  # the warnings CPython emitted before it stopped stand too
        warnings = early + tuple(_diagnostic(message, loc, "warning", "SyntaxWarning")
                                 for message, loc in codegen.warnings)
        return CompileResult(None, (_diagnostic(exc.message, exc.loc, "error"),), warnings)
    except NotImplementedError as exc:
        return CompileResult(None, warnings=early, unsupported=str(exc))
    except Exception as exc:  # a compiler bug must not take the editor down
        return CompileResult(None, warnings=early, unsupported=f"internal error: {type(exc).__name__}: {exc}")
    warnings = early + tuple(_diagnostic(message, loc, "warning", "SyntaxWarning")
                             for message, loc in codegen.warnings)
    folds = tuple(Fold.made(loc, value) for loc, value in codegen.folds if loc.lineno >= 0)
    return CompileResult(code, (), warnings, folds)
