from string.templatelib import Template, Interpolation

name = "world"
count = 3
t = t"hello {name}, {count:03d} items {name!r}"
print(t)
print(t.strings, t.values)
for part in t:
    print(repr(part))
def render(template):
    out = []
    for item in template:
        if isinstance(item, Interpolation):
            value = item.value
            if item.conversion == "r":
                value = repr(value)
            out.append(format(value, item.format_spec))
        else:
            out.append(item)
    return "".join(out)
print(render(t))
print(isinstance(t, Template), t"" .strings, (t"a{1}" + t"b{2}").strings)
