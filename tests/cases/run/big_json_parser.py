"""A recursive-descent JSON parser and serializer, checked against the json module."""
import json
import math


class ParseError(ValueError):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at position {pos}")
        self.pos = pos


ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class Parser:
    def __init__(self, text):
        self.text = text
        self.i = 0

    def error(self, msg):
        raise ParseError(msg, self.i)

    def ws(self):
        while self.i < len(self.text) and self.text[self.i] in " \t\r\n":
            self.i += 1

    def parse(self):
        self.ws()
        value = self.value()
        self.ws()
        if self.i != len(self.text):
            self.error("trailing data")
        return value

    def value(self):
        self.ws()
        if self.i >= len(self.text):
            self.error("unexpected end")
        c = self.text[self.i]
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c == '"':
            return self.string()
        if c in "-0123456789":
            return self.number()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.i):
                self.i += len(word)
                return val
        self.error(f"unexpected {c!r}")

    def obj(self):
        self.i += 1
        result = {}
        self.ws()
        if self.text[self.i] == "}":
            self.i += 1
            return result
        while True:
            self.ws()
            if self.text[self.i] != '"':
                self.error("expected key")
            key = self.string()
            self.ws()
            if self.text[self.i] != ":":
                self.error("expected ':'")
            self.i += 1
            result[key] = self.value()
            self.ws()
            c = self.text[self.i]
            self.i += 1
            if c == "}":
                return result
            if c != ",":
                self.i -= 1
                self.error("expected ',' or '}'")

    def arr(self):
        self.i += 1
        items = []
        self.ws()
        if self.text[self.i] == "]":
            self.i += 1
            return items
        while True:
            items.append(self.value())
            self.ws()
            c = self.text[self.i]
            self.i += 1
            if c == "]":
                return items
            if c != ",":
                self.i -= 1
                self.error("expected ',' or ']'")

    def string(self):
        self.i += 1
        out = []
        while True:
            if self.i >= len(self.text):
                self.error("unterminated string")
            c = self.text[self.i]
            if c == '"':
                self.i += 1
                return "".join(out)
            if c == "\\":
                esc = self.text[self.i + 1]
                if esc == "u":
                    out.append(chr(int(self.text[self.i + 2:self.i + 6], 16)))
                    self.i += 6
                    continue
                if esc not in ESCAPES:
                    self.error(f"bad escape \\{esc}")
                out.append(ESCAPES[esc])
                self.i += 2
            else:
                out.append(c)
                self.i += 1

    def number(self):
        start = self.i
        if self.text[self.i] == "-":
            self.i += 1
        while self.i < len(self.text) and self.text[self.i].isdigit():
            self.i += 1
        is_float = False
        if self.i < len(self.text) and self.text[self.i] == ".":
            is_float = True
            self.i += 1
            while self.i < len(self.text) and self.text[self.i].isdigit():
                self.i += 1
        if self.i < len(self.text) and self.text[self.i] in "eE":
            is_float = True
            self.i += 1
            if self.text[self.i] in "+-":
                self.i += 1
            while self.i < len(self.text) and self.text[self.i].isdigit():
                self.i += 1
        literal = self.text[start:self.i]
        return float(literal) if is_float else int(literal)


def dumps(value, indent=0):
    pad = "  " * indent
    match value:
        case None:
            return "null"
        case bool():
            return "true" if value else "false"
        case int() | float():
            if isinstance(value, float) and not math.isfinite(value):
                raise ValueError(f"cannot encode {value!r}")
            return repr(value)
        case str():
            return json.dumps(value)
        case list() | tuple():
            if not value:
                return "[]"
            inner = ",\n".join(pad + "  " + dumps(v, indent + 1) for v in value)
            return "[\n" + inner + "\n" + pad + "]"
        case dict():
            if not value:
                return "{}"
            inner = ",\n".join(f"{pad}  {json.dumps(str(k))}: {dumps(v, indent + 1)}" for k, v in value.items())
            return "{\n" + inner + "\n" + pad + "}"
    raise TypeError(f"not JSON: {type(value).__name__}")


DOCS = [
    '{"name": "widget", "tags": ["a", "b"], "price": 12.5, "stock": 3, "ok": true, "x": null}',
    '[1, -2, 3.25e2, "esc\\n\\t\\"q\\" \\u00e9", {"nested": {"deep": [[], {}]}}]',
    '  "just a string"  ',
    '[1, 2,, 3]',
    '{"a" 1}',
    '"unterminated',
    '[1, 2] extra',
    '{"bad": "\\x"}',
]

for doc in DOCS:
    try:
        ours = Parser(doc).parse()
    except ParseError as exc:
        try:
            json.loads(doc)
        except json.JSONDecodeError as theirs:
            print("both reject:", exc, "|", theirs.msg)
        continue
    print(ours == json.loads(doc), ours)

tree = Parser(DOCS[0]).parse()
text = dumps(tree)
print(text)
print(json.loads(text) == tree)
print(dumps([1.0, [True, None], {"k": (1, 2)}]))
for bad in (float("nan"), {1, 2}):
    try:
        dumps(bad)
    except (ValueError, TypeError) as exc:
        print(type(exc).__name__, exc)
