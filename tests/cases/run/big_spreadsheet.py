"""A spreadsheet: cells hold numbers or formulas, formulas are parsed with a Pratt parser,
dependencies are tracked for recalculation, ranges and functions are supported, and a cycle
ends the program with an uncaught error raised inside nested evaluation."""
import math
import re

TOKEN = re.compile(r"\s*(?:(\d+\.?\d*)|([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)|([A-Z]+)\(|(.))")


class FormulaError(Exception):
    pass


class CycleError(FormulaError):
    pass


def tokenize(text):
    pos = 0
    out = []
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            break
        num, ref, func, op = m.groups()
        if num:
            out.append(("num", float(num)))
        elif ref:
            out.append(("ref", ref))
        elif func:
            out.append(("func", func))
        elif op and not op.isspace():
            out.append(("op", op))
        pos = m.end()
    out.append(("end", None))
    return out


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def split_ref(ref):
    m = re.fullmatch(r"([A-Z]+)([0-9]+)", ref)
    return col_index(m.group(1)), int(m.group(2))


def expand(rng):
    a, b = rng.split(":")
    (c1, r1), (c2, r2) = split_ref(a), split_ref(b)
    letters = lambda n: chr(64 + n)
    return [f"{letters(c)}{r}" for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]


FUNCS = {"SUM": sum, "MAX": max, "MIN": min, "AVG": lambda xs: sum(xs) / len(xs),
         "SQRT": lambda xs: math.sqrt(xs[0]), "COUNT": len}
BINARY = {"+": (1, lambda a, b: a + b), "-": (1, lambda a, b: a - b),
          "*": (2, lambda a, b: a * b), "/": (2, lambda a, b: a / b), "^": (3, lambda a, b: a ** b)}


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.i = 0

    def take(self):
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def expr(self, min_prec=0):
        kind, val = self.take()
        if kind == "num":
            left = ("num", val)
        elif kind == "ref":
            left = ("range", expand(val)) if ":" in val else ("ref", val)
        elif kind == "func":
            args = []
            while self.tokens[self.i] != ("op", ")"):
                args.append(self.expr())
                if self.tokens[self.i] == ("op", ","):
                    self.take()
            self.take()
            left = ("call", val, args)
        elif (kind, val) == ("op", "("):
            left = self.expr()
            if self.take() != ("op", ")"):
                raise FormulaError("missing )")
        elif (kind, val) == ("op", "-"):
            left = ("neg", self.expr(3))
        else:
            raise FormulaError(f"unexpected {val!r}")
        while True:
            kind, val = self.tokens[self.i]
            if kind != "op" or val not in BINARY or BINARY[val][0] <= min_prec - (val == "^"):
                return left
            self.take()
            left = ("bin", val, left, self.expr(BINARY[val][0]))


def references(node):
    match node:
        case ("ref", name):
            yield name
        case ("range", names):
            yield from names
        case ("call", _, args):
            for a in args:
                yield from references(a)
        case ("bin", _, l, r):
            yield from references(l)
            yield from references(r)
        case ("neg", x):
            yield from references(x)


class Sheet:
    def __init__(self):
        self.raw = {}
        self.trees = {}
        self.cache = {}
        self.evaluating = []

    def __setitem__(self, name, value):
        self.raw[name] = value
        if isinstance(value, str) and value.startswith("="):
            self.trees[name] = Parser(tokenize(value[1:])).expr()
        else:
            self.trees.pop(name, None)
        self.invalidate(name)

    def invalidate(self, name):
        self.cache.pop(name, None)
        for other, tree in self.trees.items():
            if name in references(tree) and other in self.cache:
                self.invalidate(other)

    def __getitem__(self, name):
        if name in self.cache:
            return self.cache[name]
        if name in self.evaluating:
            raise CycleError(" -> ".join(self.evaluating[self.evaluating.index(name):] + [name]))
        self.evaluating.append(name)
        try:
            value = self.eval(self.trees[name]) if name in self.trees else float(self.raw.get(name, 0))
        finally:
            self.evaluating.pop()
        self.cache[name] = value
        return value

    def eval(self, node):
        match node:
            case ("num", v):
                return v
            case ("ref", name):
                return self[name]
            case ("neg", x):
                return -self.eval(x)
            case ("bin", op, l, r):
                return BINARY[op][1](self.eval(l), self.eval(r))
            case ("call", fname, args):
                values = []
                for a in args:
                    if a[0] == "range":
                        values.extend(self[n] for n in a[1])
                    else:
                        values.append(self.eval(a))
                return FUNCS[fname](values)

    def show(self, names):
        return "  ".join(f"{n}={self[n]:g}" for n in names)


sheet = Sheet()
for name, value in {"A1": 10, "A2": 20, "A3": 30, "B1": "=A1*2", "B2": "=A2+B1", "B3": "=SUM(A1:A3)",
                    "C1": "=AVG(A1:B2)", "C2": "=2^3^2", "C3": "=-(A1-A2)/4", "D1": "=SQRT(B3*3)+MAX(A1,C2,5)"}.items():
    sheet[name] = value
print(sheet.show(["B1", "B2", "B3", "C1", "C2", "C3", "D1"]))
print(tokenize("SUM(A1:B2)*-3.5")[:4], expand("A1:B2"), col_index("AA"))
sheet["A1"] = 100
print(sheet.show(["B1", "B2", "B3", "C1", "D1"]))
print(sorted(set(references(sheet.trees["C1"]))), len(sheet.cache))
for bad in ["=1+", "=(1+2", "=*3"]:
    try:
        sheet["E1"] = bad
    except (FormulaError, IndexError) as exc:
        print(type(exc).__name__, exc)
sheet["E1"] = "=COUNT(A1:A3)+A9"
print(sheet["E1"])
try:
    sheet["E2"] = "=A1/0"
    sheet["E2"]
except ZeroDivisionError as exc:
    print("ZeroDivisionError:", exc)
del sheet.trees["E2"]


def recalc_all(sheet):
    return {name: sheet[name] for name in sorted(sheet.trees)}


sheet["F1"] = "=F3+1"
sheet["F2"] = "=F1*2"
sheet["F3"] = "=SUM(A1:A2)+F2"
print("recalculating with a cycle...")
print(recalc_all(sheet))
