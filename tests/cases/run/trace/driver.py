# Oracle side of tests/test_vm_trace.py: the events CPython 3.14's sys.settrace reports for the
# functions of target.py, one "event name line" per line.
import runpy
import sys

TARGETS = {"loop", "gen", "risky", "nested", "inner", "<module>", "with_block", "coro", "gen_throw"}


def tracer(frame, event, arg):
    if frame.f_code.co_name in TARGETS and frame.f_code.co_filename.endswith("target.py"):
        print(event, frame.f_code.co_name, frame.f_lineno)
    return tracer


sys.settrace(tracer)
runpy.run_path("target.py")
sys.settrace(None)
