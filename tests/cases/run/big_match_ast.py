"""Symbolic algebra with structural pattern matching: parse, simplify, differentiate, print."""
from __future__ import annotations

from dataclasses import dataclass


class Expr:
    def __add__(self, other):
        return Add(self, lift(other))

    def __radd__(self, other):
        return Add(lift(other), self)

    def __mul__(self, other):
        return Mul(self, lift(other))

    def __rmul__(self, other):
        return Mul(lift(other), self)

    def __pow__(self, n):
        return Pow(self, n)

    def __neg__(self):
        return Mul(Const(-1), self)


@dataclass(frozen=True)
class Const(Expr):
    value: int


@dataclass(frozen=True)
class Sym(Expr):
    name: str


@dataclass(frozen=True)
class Add(Expr):
    left: Expr
    right: Expr


@dataclass(frozen=True)
class Mul(Expr):
    left: Expr
    right: Expr


@dataclass(frozen=True)
class Pow(Expr):
    base: Expr
    exp: int


def lift(x):
    match x:
        case Expr():
            return x
        case int():
            return Const(x)
        case str() if x.isidentifier():
            return Sym(x)
    raise TypeError(f"cannot lift {x!r}")


def simplify(e):
    match e:
        case Add(l, r):
            l, r = simplify(l), simplify(r)
            match l, r:
                case (Const(0), x) | (x, Const(0)):
                    return x
                case Const(a), Const(b):
                    return Const(a + b)
                case x, y if x == y:
                    return simplify(Mul(Const(2), x))
                case Mul(Const(a), x), Mul(Const(b), y) if x == y:
                    return simplify(Mul(Const(a + b), x))
                case _:
                    return Add(l, r)
        case Mul(l, r):
            l, r = simplify(l), simplify(r)
            match l, r:
                case (Const(0), _) | (_, Const(0)):
                    return Const(0)
                case (Const(1), x) | (x, Const(1)):
                    return x
                case Const(a), Const(b):
                    return Const(a * b)
                case Const(a), Mul(Const(b), x):
                    return simplify(Mul(Const(a * b), x))
                case x, Const() as c:
                    return Mul(c, x)
                case x, y if x == y:
                    return Pow(x, 2)
                case Pow(x, n), y if x == y:
                    return Pow(x, n + 1)
                case _:
                    return Mul(l, r)
        case Pow(b, 0):
            return Const(1)
        case Pow(b, 1):
            return simplify(b)
        case Pow(Const(v), n):
            return Const(v ** n)
        case Pow(b, n):
            return Pow(simplify(b), n)
        case _:
            return e


def diff(e, var):
    match e:
        case Const():
            return Const(0)
        case Sym(name) if name == var:
            return Const(1)
        case Sym():
            return Const(0)
        case Add(l, r):
            return Add(diff(l, var), diff(r, var))
        case Mul(l, r):
            return Add(Mul(diff(l, var), r), Mul(l, diff(r, var)))
        case Pow(b, n):
            return Mul(Mul(Const(n), Pow(b, n - 1)), diff(b, var))
    raise TypeError(e)


def show(e, prec=0):
    match e:
        case Const(v) if v < 0:
            text, p = str(v), 3
        case Const(v):
            text, p = str(v), 4
        case Sym(name):
            text, p = name, 4
        case Add(l, Mul(Const(-1), r)):
            text, p = f"{show(l, 1)} - {show(r, 2)}", 1
        case Add(l, r):
            text, p = f"{show(l, 1)} + {show(r, 1)}", 1
        case Mul(Const(-1), r):
            text, p = f"-{show(r, 3)}", 3
        case Mul(Const(c), Sym() | Pow() as r):
            text, p = f"{c}{show(r, 3)}", 2
        case Mul(l, r):
            text, p = f"{show(l, 2)}*{show(r, 2)}", 2
        case Pow(b, n):
            text, p = f"{show(b, 4)}^{n}", 3
        case _:
            raise TypeError(e)
    return f"({text})" if p < prec else text


def evaluate(e, env):
    match e:
        case Const(v):
            return v
        case Sym(name):
            return env[name]
        case Add(l, r):
            return evaluate(l, env) + evaluate(r, env)
        case Mul(l, r):
            return evaluate(l, env) * evaluate(r, env)
        case Pow(b, n):
            return evaluate(b, env) ** n


def fixpoint(e):
    while (s := simplify(e)) != e:
        e = s
    return e


x, y = Sym("x"), Sym("y")
exprs = [
    x * x + 3 * x + 0,
    (x + 1) * (x + 1),
    x ** 3 + -x * y + 2 * x * 5,
    0 * y + 1 * x + x,
    (x ** 2) ** 1 * x,
    Const(2) ** 10 + y * 1,
]
for e in exprs:
    s = fixpoint(e)
    d = fixpoint(diff(e, "x"))
    env = {"x": 3, "y": -2}
    print(f"{show(s):<22} d/dx = {show(d):<28} at x=3,y=-2: {evaluate(s, env)} {evaluate(d, env)}")

match exprs[0]:
    case Add(Add(Mul(a, b), _), Const(value=0)) if a is b:
        print("matched square plus something, zero tail", a)

for obj in [{"op": "+", "args": [1, 2]}, {"op": "neg", "args": [5]}, {"op": "?"}, [1, 2, 3], (4,), "str"]:
    match obj:
        case {"op": "+", "args": [a, b]}:
            print("sum", a + b)
        case {"op": "neg", "args": [a]}:
            print("neg", -a)
        case {"op": op, **rest}:
            print("unknown op", op, rest)
        case [first, *others]:
            print("sequence", first, others)
        case _:
            print("other", obj)
try:
    lift(3.5)
except TypeError as exc:
    print(exc)
