from string.templatelib import Template, Interpolation
x, y = 3, "why"
t = t"x={x} y={y!r} sum={x + 4:>4}"
print(type(t).__name__, t.strings, t.values)
for i in t.interpolations:
    print(i.value, i.expression, i.conversion, repr(i.format_spec))
print(list(t)[:3])
def render(tmpl):
    return "".join(p if isinstance(p, str) else format(p.value, p.format_spec) for p in tmpl)
print(render(t), render(t"{'a'}{'b'}"), render(t"plain"))
raw = rt"\n{x}"
print(raw.strings)
m = t"multi {x} " t"concat {y}"
print(m.strings, m.values)
