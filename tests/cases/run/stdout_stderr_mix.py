import sys
print("to stdout")
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
sys.stderr.write("err written\n")
print("a", "b", sep="|", end=";\n")
print(*range(3), sep=", ")
print()
import warnings
warnings.warn("careful")
def f():
    warnings.warn("in function", UserWarning)
f()
raise SystemExit(2)
