import sys
print("out 1")
print("err 1", file=sys.stderr)
sys.stderr.write("err 2\n")
print("out 2")
import warnings
warnings.warn("a user warning")
warnings.warn("deprecated thing", DeprecationWarning)
warnings.warn("future thing", FutureWarning)
def deep():
    warnings.warn("from function", RuntimeWarning, stacklevel=2)
deep()
print("out 3")
