"""A tokenizer, parser and tree-walking interpreter for a tiny expression language."""
from dataclasses import dataclass, field
from typing import Any

KEYWORDS = {"let", "fn", "if", "else", "while", "print", "return"}


@dataclass
class Token:
    kind: str
    text: str
    line: int

    def __repr__(self):
        return f"{self.kind}:{self.text!r}@{self.line}"


class LexError(Exception):
    pass


def tokenize(src):
    tokens = []
    i, line = 0, 1
    while i < len(src):
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif c == "#":
            while i < len(src) and src[i] != "\n":
                i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            tokens.append(Token("num", src[i:j], line))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(Token("kw" if word in KEYWORDS else "name", word, line))
            i = j
        elif src.startswith(("==", "!=", "<=", ">="), i):
            tokens.append(Token("op", src[i:i + 2], line))
            i += 2
        elif c in "+-*/%<>=(){},;":
            tokens.append(Token("op", c, line))
            i += 1
        else:
            raise LexError(f"bad character {c!r} on line {line}")
    tokens.append(Token("eof", "", line))
    return tokens


@dataclass
class Num:
    value: int

@dataclass
class Var:
    name: str

@dataclass
class BinOp:
    op: str
    left: Any
    right: Any

@dataclass
class Call:
    func: str
    args: list

@dataclass
class Let:
    name: str
    value: Any

@dataclass
class If:
    cond: Any
    then: list
    other: list = field(default_factory=list)

@dataclass
class While:
    cond: Any
    body: list

@dataclass
class Print:
    value: Any

@dataclass
class Return:
    value: Any

@dataclass
class FnDef:
    name: str
    params: list
    body: list


class Parser:
    PREC = {"==": 1, "!=": 1, "<": 2, ">": 2, "<=": 2, ">=": 2, "+": 3, "-": 3, "*": 4, "/": 4, "%": 4}

    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def next(self):
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def expect(self, text):
        tok = self.next()
        if tok.text != text:
            raise SyntaxError(f"expected {text!r}, got {tok!r}")
        return tok

    def program(self):
        stmts = []
        while self.peek().kind != "eof":
            stmts.append(self.statement())
        return stmts

    def block(self):
        self.expect("{")
        stmts = []
        while self.peek().text != "}":
            stmts.append(self.statement())
        self.expect("}")
        return stmts

    def statement(self):
        tok = self.peek()
        match tok:
            case Token(kind="kw", text="let"):
                self.next()
                name = self.next().text
                self.expect("=")
                value = self.expr(0)
                self.expect(";")
                return Let(name, value)
            case Token(kind="kw", text="if"):
                self.next()
                cond = self.expr(0)
                then = self.block()
                other = []
                if self.peek().text == "else":
                    self.next()
                    other = self.block()
                return If(cond, then, other)
            case Token(kind="kw", text="while"):
                self.next()
                return While(self.expr(0), self.block())
            case Token(kind="kw", text="print"):
                self.next()
                value = self.expr(0)
                self.expect(";")
                return Print(value)
            case Token(kind="kw", text="return"):
                self.next()
                value = self.expr(0)
                self.expect(";")
                return Return(value)
            case Token(kind="kw", text="fn"):
                self.next()
                name = self.next().text
                self.expect("(")
                params = []
                while self.peek().text != ")":
                    params.append(self.next().text)
                    if self.peek().text == ",":
                        self.next()
                self.expect(")")
                return FnDef(name, params, self.block())
            case _:
                value = self.expr(0)
                self.expect(";")
                return value

    def expr(self, min_prec):
        left = self.atom()
        while (op := self.peek().text) in self.PREC and self.PREC[op] > min_prec:
            self.next()
            left = BinOp(op, left, self.expr(self.PREC[op]))
        return left

    def atom(self):
        tok = self.next()
        if tok.kind == "num":
            return Num(int(tok.text))
        if tok.kind == "name":
            if self.peek().text == "(":
                self.next()
                args = []
                while self.peek().text != ")":
                    args.append(self.expr(0))
                    if self.peek().text == ",":
                        self.next()
                self.expect(")")
                return Call(tok.text, args)
            return Var(tok.text)
        if tok.text == "(":
            inner = self.expr(0)
            self.expect(")")
            return inner
        raise SyntaxError(f"unexpected {tok!r}")


class ReturnSignal(Exception):
    def __init__(self, value):
        self.value = value


OPS = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a // b, "%": lambda a, b: a % b, "<": lambda a, b: int(a < b),
    ">": lambda a, b: int(a > b), "<=": lambda a, b: int(a <= b), ">=": lambda a, b: int(a >= b),
    "==": lambda a, b: int(a == b), "!=": lambda a, b: int(a != b),
}


class Interpreter:
    def __init__(self):
        self.functions = {}
        self.output = []
        self.steps = 0

    def run(self, stmts, env):
        for stmt in stmts:
            self.execute(stmt, env)

    def execute(self, node, env):
        self.steps += 1
        match node:
            case Let(name, value):
                env[name] = self.eval(value, env)
            case Print(value):
                self.output.append(str(self.eval(value, env)))
            case If(cond, then, other):
                self.run(then if self.eval(cond, env) else other, env)
            case While(cond, body):
                while self.eval(cond, env):
                    self.run(body, env)
            case Return(value):
                raise ReturnSignal(self.eval(value, env))
            case FnDef(name):
                self.functions[name] = node
            case _:
                self.eval(node, env)

    def eval(self, node, env):
        match node:
            case Num(v):
                return v
            case Var(name):
                try:
                    return env[name]
                except KeyError:
                    raise NameError(f"undefined variable {name}") from None
            case BinOp(op, l, r):
                return OPS[op](self.eval(l, env), self.eval(r, env))
            case Call(name, args):
                fn = self.functions[name]
                local = dict(zip(fn.params, (self.eval(a, env) for a in args)))
                try:
                    self.run(fn.body, local)
                except ReturnSignal as sig:
                    return sig.value
                return 0
        raise TypeError(f"cannot evaluate {node!r}")


PROGRAM = """
# factorial and fibonacci
fn fact(n) { if n <= 1 { return 1; } return n * fact(n - 1); }
fn fib(n) { let a = 0; let b = 1; while n > 0 { let t = a + b; let a = b; let b = t; let n = n - 1; } return a; }
let i = 0;
while i < 8 { print fact(i) + fib(i) * 1000; let i = i + 1; }
print 17 % 5 == 2;
print (3 + 4) * 5 - 6 / 2;
"""

tokens = tokenize(PROGRAM)
print(len(tokens), tokens[:6])
tree = Parser(tokens).program()
print(tree[2])
interp = Interpreter()
interp.run(tree, {})
print("\n".join(interp.output))
print("steps", interp.steps)

for bad in ["let x = 1 $ 2;", "print y;", "let = 3;"]:
    try:
        interp.run(Parser(tokenize(bad)).program(), {})
    except (LexError, NameError, SyntaxError) as exc:
        print(type(exc).__name__, exc)
