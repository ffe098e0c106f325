person = {"name": "Ada", "age": 36}
print("%(name)s is %(age)d" % person, "{name} is {age}".format_map(person))
print("%5.1f|%-6s|%03d|%+d|%e" % (3.14159, "ab", 7, 5, 12345.678))
print("{:>8}|{:<8}|{:^8}|{:08.3f}|{:,}|{:b}|{:o}|{:X}".format("r", "l", "c", 3.14159, 1234567, 5, 8, 255))
print("{0!r:>10} {0!s:<5}|".format("x"), "{:%Y}".format(__import__("datetime").date(2024, 1, 2)))
print(f"{'nested':{'>'}{10}}", f"{3.0:g}", f"{1e20:.2e}", f"{-0.0}", f"{10**15:_}")
width, prec = 10, 2
print(f"{2.71828:{width}.{prec}f}|", f"{'x'!r:^7}|", f"{[1, 2]!s}")
print("tab\tend", repr("a\tb"), "multi\nline".splitlines(), r"raw\n")
print(str.maketrans("ab", "xy"), "abc".translate(str.maketrans("ab", "xy")))
print("{:.3}".format("abcdef"), "{:.2%}".format(0.1234), format(0.5, ".0%"))
