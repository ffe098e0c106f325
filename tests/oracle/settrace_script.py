"""Run inside the oracle: `settrace_script.py PROGRAM [ARGS...]` runs PROGRAM as `__main__` (as
`python3.14 PROGRAM ARGS...` would) under `sys.settrace`, then prints, after the program's own
output, a line `----- settrace -----` and one line per event of the program's own code (files in
PROGRAM's folder or below): `EVENT QUALNAME LINENO`, EVENT one of call, line, return, exception.

The debugger and the VM's tracer are held to this sequence; `split(stdout)` in tests separates it
from the program's output (the marker's last occurrence)."""
import os
import runpy
import sys
import traceback

MARKER = "----- settrace -----"
program = sys.argv[1]
root = os.path.dirname(os.path.abspath(program))
events = []
mine = {}


def is_mine(code):
    known = mine.get(code.co_filename)
    if known is None:
        name = code.co_filename
        known = mine[name] = (not name.startswith("<") and os.path.isfile(name)
                              and os.path.abspath(name).startswith(root + os.sep))
    return known


def tracer(frame, event, arg):
    code = frame.f_code
    if not is_mine(code):
        return None
    events.append(f"{event} {code.co_qualname} {frame.f_lineno}")
    return tracer


sys.argv = sys.argv[1:]
sys.path[0] = root
status = 0
sys.settrace(tracer)
try:
    runpy.run_path(program, run_name="__main__")
except SystemExit as exc:
    sys.settrace(None)
    status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
except BaseException:
    sys.settrace(None)
    traceback.print_exc()
    status = 1
finally:
    sys.settrace(None)
sys.stdout.flush()
sys.stderr.flush()
print(MARKER)
print("\n".join(events))
sys.exit(status)
