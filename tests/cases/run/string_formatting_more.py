print("%d items at %.2f = %8.3f" % (3, 1.5, 4.5), "%x %X %o %e" % (255, 255, 8, 12345.678))
print("%(name)s is %(age)d" % {"name": "Bo", "age": 30}, "%c%c" % (72, "i"), "%%", "%5.1s|" % "abc")
print("%+d % d %05d %-5d|" % (5, 5, 5, 5), "%r %a" % ("é", "é"), "%i" % 3.9)
print("{:<6}|{:^6}|{:>6}".format("l", "c", "r"), "{:*^9}".format("mid"), "{0[1]} {1[k]}".format([5, 6], {"k": "v"}))
print("{:,}".format(12345678), "{:.3%}".format(0.12345), "{:e}".format(0.00012), "{:#x}".format(255))
class P:
    x = 3
print("{0.x} {0.__class__.__name__}".format(P()), "{!r:>5}".format("a"), format(3.14159, ".3g"))
print(format(1234.5, "010.2f"), format(-1, "+"), format("s", "3"), format(True, ""), format(10, "n"))
import string
t = string.Template("$who likes ${what}s")
print(t.substitute(who="ann", what="cake"), t.safe_substitute(who="x"))
try:
    "%d" % "x"
except TypeError as e:
    print(e)
try:
    "{} {}".format(1)
except IndexError as e:
    print(e)
