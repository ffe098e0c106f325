name = "world"
width = 10
pi = 3.14159265
items = [1, 2, 3]
print(f"hello {name}!")
print(f"{name:>{width}}|{name:<8}|{name:^9}|")
print(f"{pi:.3f} {pi:e} {1234567:,} {255:#x} {255:08b} {0.25:%}")
print(f"{items!r} {name!s} {'é'!a} {len(items) * 2}")
print(f"{name=} {pi = :.2f} {items[0]=}")
print(f"{'nested {}'.format(1)} {{literal}} {f'{name}'}")
print(f"""multi
{name.upper()}
line""")
t = t"hello {name}"
print(type(t).__name__, t.strings, [i.value for i in t.interpolations])
t2 = t"{pi:.2f} and {name!r}"
for part in t2.interpolations:
    print(part.value, part.expression, part.conversion, part.format_spec)
print(t2.strings)
print("%s is %d years" % ("bob", 30), "{} {}".format(1, 2), "{x}".format(x=5))
print(format(1234.5, ",.1f"), str(12).zfill(5), repr("a'b"))
class P:
    def __format__(self, spec):
        return f"P[{spec}]"
    def __repr__(self):
        return "P()"
print(f"{P():abc} {P()!r}")
