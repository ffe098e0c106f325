name = "x"
a = f"{name!r:>{10}} and {name=}"
b = "%s-%r-%5.2s %%" % (name, 1, name)
c = t"hello {name!s:^5} {a}"
d = "%d" % (3,)
e = "".join([f"{i}" for i in range(3)])
