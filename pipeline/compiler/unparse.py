"""Expressions back to source text, as `Python/ast_unparse.c` writes them (`_PyAST_ExprAsUnicode`).

Used for annotations under `from __future__ import annotations`, which CPython stores as the
unparsed text of the annotation expression. Parentheses follow ast_unparse.c's precedence levels,
not the source's. Constructs it does not cover raise NotImplementedError (the compiler then
reports the module as unsupported rather than guessing).
"""
from __future__ import annotations

import math

from pipeline.astdump import repr314

(PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_BOR, PR_BXOR, PR_BAND, PR_SHIFT, PR_ARITH, PR_TERM,
 PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM) = range(16)

_BINOP = {"Add": (" + ", PR_ARITH), "Sub": (" - ", PR_ARITH), "Mult": (" * ", PR_TERM),
          "MatMult": (" @ ", PR_TERM), "Div": (" / ", PR_TERM), "Mod": (" % ", PR_TERM),
          "LShift": (" << ", PR_SHIFT), "RShift": (" >> ", PR_SHIFT), "BitOr": (" | ", PR_BOR),
          "BitXor": (" ^ ", PR_BXOR), "BitAnd": (" & ", PR_BAND), "FloorDiv": (" // ", PR_TERM),
          "Pow": (" ** ", PR_POWER)}
_UNARY = {"Not": ("not ", PR_NOT), "Invert": ("~", PR_FACTOR), "UAdd": ("+", PR_FACTOR), "USub": ("-", PR_FACTOR)}
_CMP = {"Eq": "==", "NotEq": "!=", "Lt": "<", "LtE": "<=", "Gt": ">", "GtE": ">=", "Is": "is",
        "IsNot": "is not", "In": "in", "NotIn": "not in"}
_INF = "1e309"  # ast_unparse.c writes infinities as a literal that overflows to inf


def unparse(e) -> str:
    return _expr(e, PR_TEST)


def _kind(node) -> str:
    return type(node).__name__


def _paren(text: str, needed: bool) -> str:
    return f"({text})" if needed else text


def _constant(value) -> str:
    if value is Ellipsis:
        return "..."
    if type(value) is float:
        return _INF if math.isinf(value) else repr(value)
    if type(value) is complex:
        if math.isinf(value.real) or math.isinf(value.imag):
            raise NotImplementedError("infinite complex constant")
        return repr(value)
    if type(value) is tuple:
        raise NotImplementedError("tuple constant")
    return repr314(value)


def _expr(e, level: int) -> str:
    kind = _kind(e)
    if kind == "Name":
        return e.id
    if kind == "Constant":
        prefix = "u" if e.kind == "u" else ""
        return prefix + _constant(e.value)
    if kind == "Attribute":
        value = _expr(e.value, PR_ATOM)
        period = " ." if _kind(e.value) == "Constant" and type(e.value.value) is int else "."
        return f"{value}{period}{e.attr}"
    if kind == "Subscript":
        return f"{_expr(e.value, PR_ATOM)}[{_expr(e.slice, PR_TUPLE)}]"
    if kind == "Slice":
        text = (_expr(e.lower, PR_TEST) if e.lower else "") + ":" + (_expr(e.upper, PR_TEST) if e.upper else "")
        if e.step is not None:
            text += ":" + _expr(e.step, PR_TEST)
        return text
    if kind == "Tuple":
        if not e.elts:
            return "()"
        text = ", ".join(_expr(x, PR_TEST) for x in e.elts)
        if len(e.elts) == 1:
            text += ","
        return _paren(text, level > PR_TUPLE)
    if kind == "List":
        return "[" + ", ".join(_expr(x, PR_TEST) for x in e.elts) + "]"
    if kind == "Set":
        return "{" + ", ".join(_expr(x, PR_TEST) for x in e.elts) + "}" if e.elts else "{*()}"
    if kind == "Dict":
        items = [f"**{_expr(v, PR_EXPR_DICT)}" if k is None else f"{_expr(k, PR_TEST)}: {_expr(v, PR_TEST)}"
                 for k, v in zip(e.keys, e.values)]
        return "{" + ", ".join(items) + "}"
    if kind == "Starred":
        return "*" + _expr(e.value, PR_BOR)
    if kind == "BinOp":
        op, pr = _BINOP[_kind(e.op)]
        rassoc = op == " ** "
        return _paren(_expr(e.left, pr + rassoc) + op + _expr(e.right, pr + (not rassoc)), level > pr)
    if kind == "UnaryOp":
        op, pr = _UNARY[_kind(e.op)]
        return _paren(op + _expr(e.operand, pr), level > pr)
    if kind == "BoolOp":
        pr = PR_AND if _kind(e.op) == "And" else PR_OR
        sep = " and " if pr == PR_AND else " or "
        return _paren(sep.join(_expr(v, pr + 1) for v in e.values), level > pr)
    if kind == "Compare":
        text = _expr(e.left, PR_CMP + 1)
        for op, right in zip(e.ops, e.comparators):
            text += f" {_CMP[_kind(op)]} {_expr(right, PR_CMP + 1)}"
        return _paren(text, level > PR_CMP)
    if kind == "IfExp":
        text = f"{_expr(e.body, PR_TEST + 1)} if {_expr(e.test, PR_TEST + 1)} else {_expr(e.orelse, PR_TEST)}"
        return _paren(text, level > PR_TEST)
    if kind == "Call":
        args = []
        if len(e.args) == 1 and not e.keywords and _kind(e.args[0]) == "GeneratorExp":
            raise NotImplementedError("generator expression")
        args += [_expr(a, PR_TEST) for a in e.args]
        args += [f"**{_expr(k.value, PR_TEST)}" if k.arg is None else f"{k.arg}={_expr(k.value, PR_TEST)}"
                 for k in e.keywords]
        return f"{_expr(e.func, PR_ATOM)}({', '.join(args)})"
    raise NotImplementedError(f"unparsing {kind}")


PR_EXPR_DICT = PR_BOR
