x = f"plain {a} and {b!r} and {c!s:>10} and {d!a:{width}.{prec}f}"
y = f'{x=}' f"{x = }" f"{x=!r}" f"{x=:>5}" f"{x=!s:^{w}}"
z = f"{'nested' + f'{inner}'}" f'''triple {a
    + b} end'''
w = f"{x:{'{'}>10}" f"{{literal}}" f"a{{b}}c{d}e{{"
v = rf"\d{x}\n" fr'{y}\t' Rf"{z}" F"{w}" f"\N{BULLET} {x}\t\x41\u00e9"
u = f"{a['key']}" f'{b["key"]}' f"{c:%Y-%m-%d}" f"{d!r:}" f"{(lambda: 1)}"
t = f"{x:{y:{z}}}" f"{'a' if b else 'c'}" f"{(yield)}" f"{*a,}" f"{x,y}"
s = f"" f"{x}" "" f"" "tail"
r = f"{x # comment
}"
q = f"{
    x
}" f"é{x}ü{y}ñ"
