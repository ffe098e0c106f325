"""The warnings of CPython's AST pre-pass (`ast_preprocess.c`), which runs before the symbol table
and the code generator: PEP 765's `'return' in a 'finally' block` and its `break` / `continue`
forms.

The pass keeps a stack of contexts. A `finally` body opens a "finally" context, a function body a
"function" one and a loop body (not its `else`) a "loop" one; every other compound statement
(class bodies included) stays in the context around it. `return` warns when the innermost context
is a finally block; `break` and `continue` warn likewise (a function's context never has a
finally flag, so they cannot warn there either). So a loop or a function inside a finally block
hides the block from what it contains, while `if`, `with`, `match`, `try` and a loop's `else` do
not. The warning spans the statement.
"""
from __future__ import annotations

from pipeline.compiler.ir import Loc, loc_of

_FINALLY, _FUNCTION, _LOOP = "finally", "function", "loop"


def finally_warnings(tree) -> list[tuple[str, Loc]]:
    """(message, loc) for each PEP 765 warning of a Module tree, in source-walk order."""
    found: list[tuple[str, Loc]] = []
    if type(tree).__name__ == "Module":
        _walk(tree.body, None, found)
    return found


def _walk(stmts, context: str | None, found: list) -> None:
    for s in stmts:
        kind = type(s).__name__
        if kind in ("FunctionDef", "AsyncFunctionDef"):
            _walk(s.body, _FUNCTION, found)
        elif kind in ("For", "AsyncFor", "While"):
            _walk(s.body, _LOOP, found)
            _walk(s.orelse, context, found)
        elif kind in ("Try", "TryStar"):
            _walk(s.body, context, found)
            for handler in s.handlers:
                _walk(handler.body, context, found)
            _walk(s.orelse, context, found)
            _walk(s.finalbody, _FINALLY, found)
        elif kind == "If":
            _walk(s.body, context, found)
            _walk(s.orelse, context, found)
        elif kind in ("With", "AsyncWith", "ClassDef"):
            _walk(s.body, context, found)
        elif kind == "Match":
            for case in s.cases:
                _walk(case.body, context, found)
        elif context == _FINALLY and kind in ("Return", "Break", "Continue"):
            found.append((f"'{kind.lower()}' in a 'finally' block", loc_of(s)))
