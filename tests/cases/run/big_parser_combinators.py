"""Parser combinators built from closures and operator overloading, used to parse arithmetic,
key=value config files and a list syntax, with error positions and memoisation statistics."""
import functools


class ParseFailure(Exception):
    def __init__(self, expected, pos, text):
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        super().__init__(f"expected {expected} at line {line}, column {col}")
        self.pos = pos


class Parser:
    def __init__(self, fn, name="?"):
        self.fn = fn
        self.name = name

    def __call__(self, text, pos):
        return self.fn(text, pos)

    def __rshift__(self, other):
        return seq(self, other).map(lambda pair: pair[1])

    def __lshift__(self, other):
        return seq(self, other).map(lambda pair: pair[0])

    def __add__(self, other):
        return seq(self, other)

    def __or__(self, other):
        return alt(self, other)

    def map(self, f):
        def run(text, pos):
            value, pos2 = self(text, pos)
            return f(value), pos2
        return Parser(run, self.name)

    def named(self, name):
        self.name = name
        return self

    def parse(self, text):
        value, pos = (self << eof)(text, 0)
        return value


class Fail(Exception):
    def __init__(self, expected, pos):
        self.expected, self.pos = expected, pos


def literal(s):
    def run(text, pos):
        if text.startswith(s, pos):
            return s, pos + len(s)
        raise Fail(repr(s), pos)
    return Parser(run, repr(s))


def char_where(pred, name):
    def run(text, pos):
        if pos < len(text) and pred(text[pos]):
            return text[pos], pos + 1
        raise Fail(name, pos)
    return Parser(run, name)


def seq(*parsers):
    def run(text, pos):
        values = []
        for p in parsers:
            v, pos = p(text, pos)
            values.append(v)
        return tuple(values), pos
    return Parser(run, " ".join(p.name for p in parsers))


def alt(*parsers):
    def run(text, pos):
        furthest = None
        for p in parsers:
            try:
                return p(text, pos)
            except Fail as f:
                if furthest is None or f.pos > furthest.pos:
                    furthest = f
                elif f.pos == furthest.pos and f.expected not in furthest.expected:
                    furthest = Fail(f"{furthest.expected} or {f.expected}", f.pos)
        raise furthest
    return Parser(run, " | ".join(p.name for p in parsers))


def many(p, at_least=0):
    def run(text, pos):
        values = []
        while True:
            try:
                v, pos2 = p(text, pos)
            except Fail:
                break
            if pos2 == pos:
                break
            values.append(v)
            pos = pos2
        if len(values) < at_least:
            raise Fail(p.name, pos)
        return values, pos
    return Parser(run, f"{p.name}*")


def sep_by(p, sep):
    return (p + many(sep >> p)).map(lambda pair: [pair[0], *pair[1]]) | Parser(lambda t, i: ([], i), "nothing")


def lazy(thunk):
    return Parser(lambda text, pos: thunk()(text, pos), "lazy")


def _eof(text, pos):
    if pos == len(text):
        return None, pos
    raise Fail("end of input", pos)


eof = Parser(_eof, "end of input")
ws = many(char_where(str.isspace, "space"))


def token(p):
    return p << ws


def run_parser(parser, text):
    try:
        return parser.parse(text)
    except Fail as f:
        raise ParseFailure(f.expected, f.pos, text) from None


number = token(many(char_where(str.isdigit, "digit"), 1).map(lambda ds: int("".join(ds)))).named("number")
lparen, rparen = token(literal("(")), token(literal(")"))


def chain(operand, ops):
    def fold(pair):
        value, rest = pair
        for op, rhs in rest:
            value = ops[op](value, rhs)
        return value
    op_parser = alt(*(token(literal(o)) for o in ops))
    return (operand + many(op_parser + operand)).map(fold)


expr = lazy(lambda: sum_)
atom = number | (lparen >> expr << rparen) | (token(literal("-")) >> lazy(lambda: atom)).map(lambda v: -v)
product_ = chain(atom, {"*": lambda a, b: a * b, "/": lambda a, b: a // b, "%": lambda a, b: a % b})
sum_ = chain(product_, {"+": lambda a, b: a + b, "-": lambda a, b: a - b})
arith = ws >> expr

for text in ["1 + 2 * 3", " (1 + 2) * 3 ", "10 - 4 - 3", "-(2 + 3) * -2", "7 % 4 + 20 / 6", "2 *", "(1 + 2", "1 + x"]:
    try:
        print(f"{text!r:>18} = {run_parser(arith, text)}")
    except ParseFailure as exc:
        print(f"{text!r:>18} : {exc}")

ident = token(many(char_where(lambda c: c.isalnum() or c == "_", "identifier character"), 1).map("".join))
string = token(literal('"') >> many(char_where(lambda c: c != '"', "string character")).map("".join) << literal('"'))
value = lazy(lambda: list_value | string | number | ident)
list_value = (token(literal("[")) >> sep_by(value, token(literal(","))) << token(literal("]")))
entry = seq(ident << token(literal("=")), value)
config = ws >> many(entry).map(dict)

CONFIG = '''
name = "demo"
ports = [80, 443, [8000, 8080]]
debug = off
retries = 3
empty = []
'''
print(run_parser(config, CONFIG))
for bad in ['name = ', 'x = [1, 2', 'x = "open', '= 3']:
    try:
        run_parser(config, bad)
    except ParseFailure as exc:
        print(repr(bad), "->", exc, exc.pos)


@functools.lru_cache(maxsize=None)
def parse_cached(text):
    return run_parser(arith, text)


for text in ["1+1", "2*3", "1+1", "2*3", "1+1"]:
    parse_cached(text)
info = parse_cached.cache_info()
print(info.hits, info.misses, info.currsize, parse_cached("40+2"))
