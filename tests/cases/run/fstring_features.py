import datetime
name, n, f = "Ada", 42, 3.14159
print(f"{name!r:>8}|{n:05d}|{n:x}|{n:#b}|{f:.2f}|{f:10.3e}|{n:,}|{1234567.891:_.2f}")
print(f"{n=}", f"{f = :.1f}", f"{name.upper()=}", f"{'nested ' + name}")
print(f"{'{'}{n}{'}'}", f"{{literal}}", f"{n:{'>'}{10}}")
width, prec = 10, 3
print(f"{f:{width}.{prec}f}|", f"{'x':^{width}}|")
print(f"{[1, 2][0]} {dict(a=1)['a']} {(lambda: 'lam')()}")
print(f"{3 if n > 10 else 4}", f"{n!s:>5}", f"{name!a}", f"{'é'!a}")
d = datetime.date(2024, 2, 29)
print(f"{d:%Y/%m/%d} {d:%A %d %B}", f"{d}")
print(f"""multi
{name}
line""")
print(f"{0.5:%}", f"{-3:+d}", f"{3: d}", f"{255:o}", f"{1e20:g}", f"{1.0:g}", f"{12:c}" if False else "")
items = ["a", "b"]
print(f"{', '.join(items)}", f"{len(items) * '='}", f'{"quotes"}', f"{n:{'+' if n > 0 else ''}}")
print(f"{f!r}", f"{None}", f"{True:d}", f"{10**20}")
