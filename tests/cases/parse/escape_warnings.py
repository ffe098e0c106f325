a = "\d"
b = b"\q" b"\w"
c = "\777" '\400' "\377"
d = f"\s{x}\p"
e = f"""first
\y line {x}
"""
f = r"\d" "\\d"
f2 = rb"\d"
g = "ok\n" f"{x:\d}"
h = t"\m{y}"
