a = f"""{
    x
    =}"""
b = f"{x:=^10}" f"{'a' if x else 'b'=}" f"{x=:{y}}" f'{x:{"a"}}'
c = f"{x}{{" f"{{}}" f"}}{x}{{" u"a" f"b" "c"
d = t"{x=:{y}}" t"{ x = !r:>{w}}"
e = f"{x!r:^{w}.{p}}" f"{3.14:.2f}" f"{x:}}}"
g = f"{x:{y}{z}}" f"a{b}c{d}e" f'{f"{f'{x}'}"}'
h = f"{x:\n}" rf"{x:\n}"
