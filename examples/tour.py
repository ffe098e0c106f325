"""A tour of what CPython 3.14 does with Python code (the seed article's examples).

Try: bytelens tokenize examples/tour.py   (and ast, dis, run as they land)
"""
from string.templatelib import Interpolation

# Constant folding: the compiler turns this into LOAD_SMALL_INT 14.
x = 2 + 3 * 4


def add(a, b):
    # One fused LOAD_FAST_BORROW_LOAD_FAST_BORROW, then BINARY_OP (+).
    return a + b


# PEP 701: f-strings are tokens and grammar now: FSTRING_START, FSTRING_MIDDLE, OP '{' ...
name = "world"
greeting = f"hi {name}"

# PEP 750: a t-string is a Template that keeps literal text and interpolations apart.
template = t"hello {name}"
for part in template:
    if isinstance(part, Interpolation):
        print(f"  interpolation: expr={part.expression!r} value={part.value!r}")
    else:
        print(f"  literal text:  {part!r}")

print(add(x, 1), greeting)
