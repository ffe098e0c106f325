"""Run inside the oracle: `show_code.py FILE` prints `dis.show_code()` of every code object FILE
compiles to, in the order `dis` disassembles them (the module, then each nested code object
depth-first in `co_consts` order). This is what `bytelens dis --info FILE` prints."""
import dis
import sys


def walk(code):
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            yield from walk(const)


with open(sys.argv[1], "rb") as f:
    module = compile(f.read(), sys.argv[1], "exec", dont_inherit=True)
for code in walk(module):
    dis.show_code(code)
