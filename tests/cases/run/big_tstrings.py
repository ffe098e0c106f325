"""t-strings (PEP 750): an HTML renderer with escaping, a SQL-ish parameterizer, a structured
logger and template composition, all driven by string.templatelib."""
from string.templatelib import Interpolation, Template


def escape_html(text):
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


class Markup(str):
    """Text already safe for HTML."""


def convert(value, conversion):
    if conversion == "r":
        return repr(value)
    if conversion == "s":
        return str(value)
    if conversion == "a":
        return ascii(value)
    return value


def html(template):
    if not isinstance(template, Template):
        raise TypeError(f"html() wants a Template, not {type(template).__name__}")
    out = []
    for item in template:
        if isinstance(item, str):
            out.append(item)
            continue
        value = convert(item.value, item.conversion)
        if isinstance(value, Template):
            out.append(html(value))
        elif isinstance(value, Markup):
            out.append(format(value, item.format_spec))
        elif isinstance(value, (list, tuple)):
            out.append("".join(html(v) if isinstance(v, Template) else escape_html(v) for v in value))
        else:
            out.append(escape_html(format(value, item.format_spec)))
    return Markup("".join(out))


def sql(template):
    parts, params = [], []
    for item in template:
        if isinstance(item, Interpolation):
            if item.format_spec == "ident":
                if not str(item.value).isidentifier():
                    raise ValueError(f"bad identifier {item.value!r}")
                parts.append(f'"{item.value}"')
            else:
                parts.append("?")
                params.append(item.value)
        else:
            parts.append(item)
    return "".join(parts), tuple(params)


def log_fields(template):
    message = []
    fields = {}
    for item in template:
        if isinstance(item, Interpolation):
            fields[item.expression] = item.value
            message.append(format(convert(item.value, item.conversion), item.format_spec))
        else:
            message.append(item)
    return "".join(message), fields


user = "<script>alert('x')</script>"
items = ["apples & pears", "<b>bold</b>"]
price = 12.5
row = t"<td>{price:.2f}</td>"
page = t"<h1>Hello {user}!</h1><ul>{[t'<li>{i}</li>' for i in items]}</ul><table>{row}</table>"
print(html(page))
print(html(t"{Markup('<em>safe</em>')} vs {'<em>unsafe</em>'} and {user!r:.10}"))

table = "users"
name = "o'brien"
min_age = 21
query, params = sql(t"SELECT * FROM {table:ident} WHERE name = {name} AND age >= {min_age}")
print(query)
print(params)
try:
    sql(t"DROP {'x; --':ident}")
except ValueError as exc:
    print("rejected:", exc)

count, elapsed = 42, 0.25
msg, fields = log_fields(t"processed {count:>5} rows in {elapsed:.3f}s for {user!a}")
print(msg)
print(fields)

tmpl = t"a{1}b{2 + 3!r}c"
print(tmpl.strings, tmpl.values, [i.expression for i in tmpl.interpolations])
print([(i.conversion, i.format_spec) for i in t"{x!s:>4}{x}".interpolations] if (x := 7) else None)
combined = t"left {user[:3]} " + t"right {price}"
print(combined.strings, combined.values)
print(repr(Interpolation(5, "five", None, "03d")), Interpolation(5, "five").format_spec == "")
empty = t""
print(empty.strings, empty.values, list(empty))
nested = t"outer {t'inner {count}'} end"
inner = nested.values[0]
print(type(inner).__name__, inner.values, html(nested))
try:
    html("not a template")
except TypeError as exc:
    print(exc)
try:
    t"x" + "y"
except TypeError as exc:
    print(type(exc).__name__, exc)
print(sum(1 for part in page if isinstance(part, Interpolation)), len(page.strings))
for i in range(3):
    tm = t"row {i}: {i * i:>3} {'even' if i % 2 == 0 else 'odd'}"
    print(html(tm))


class Translator:
    """Message catalogs keyed by a template's static strings, with reordered placeholders."""

    def __init__(self, catalog):
        self.catalog = catalog

    def key(self, template):
        return "{}".join(template.strings)

    def __call__(self, template):
        pattern = self.catalog.get(self.key(template))
        values = [format(i.value, i.format_spec) for i in template.interpolations]
        if pattern is None:
            return "".join(s + (values[k] if k < len(values) else "") for k, s in enumerate(template.strings))
        return pattern.format(*values)


fr = Translator({"{} has {} new messages": "{1} nouveaux messages pour {0}",
                 "Total: {}": "Montant : {}"})
who, n = "Zoé", 5
print(fr(t"{who} has {n} new messages"))
print(fr(t"Total: {price:.2f}"))
print(fr(t"untranslated {who}!"))


def dedent_template(template):
    strings = [s.replace("\n    ", "\n") for s in template.strings]
    parts = []
    for k, s in enumerate(strings):
        parts.append(s)
        if k < len(template.interpolations):
            parts.append(template.interpolations[k])
    return Template(*parts)


block = dedent_template(t"""
    <p>{user}</p>
    <p>{count:>4}</p>""")
print(html(block))
print(Template("a", Interpolation(1, "1"), "b").strings, Template("x", "y").strings)
print(Template(Interpolation(1, "x"), Interpolation(2, "y")).strings)
