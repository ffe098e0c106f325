"""The VM's tracing hook, for a debugger (no protocol types here; `server/` adapts it).

Set `VirtualMachine.tracer` (or pass `tracer=` to `run_code`) to a callable
`tracer(event, frame, arg)`; None (the default) costs nothing: the eval loop checks once per
frame run, not per instruction.  Events, all with the running `Frame`:

- "call": the frame starts or resumes (a generator's send/throw resumes it); arg None.
- "line": the next instruction starts a new source line, where CPython's `sys.settrace` reports
  one (first instruction of a line, or a jump/handler target, entered from another line or
  after RESUME -- a generator resumed by throw() counts as after RESUME; a backward jump
  within one line reports it again); arg is the line number.
- "instruction": before every instruction; arg is its byte offset.
- "return": the frame returns or yields (arg: the value), or unwinds by an exception (arg None).
- "exception": an exception unwinds through the frame (each frame once; arg: the exception);
  also, as sys.settrace reports them, the StopIteration that ends a loop or a delegation:
  FOR_ITER over a Python-level `__next__` or over a generator returning a value, and SEND
  when the generator/coroutine it delegates to returns or a Python-level iterator stops
  (arg: a StopIteration carrying the value).  Iterators implemented by the host in C end
  quietly, as in CPython.

`tests/test_vm_lines.py` holds these events to the oracle's `sys.settrace`, program by program.

A tracer may raise to stop the program (the exception propagates as if raised by the
instruction about to run); `Tracer` below dispatches events to methods, and `snapshot(frame)`
gives the frame state a debugger shows.
"""
from __future__ import annotations

from pipeline.vm.frame import Frame
from pipeline.vm.objects import NULL


class Tracer:
    """Dispatches tracer events to `on_<event>(frame, arg)` methods; override the ones needed."""

    def __call__(self, event: str, frame: Frame, arg) -> None:
        getattr(self, "on_" + event)(frame, arg)

    def on_call(self, frame: Frame, arg) -> None:
        pass

    def on_line(self, frame: Frame, lineno: int) -> None:
        pass

    def on_instruction(self, frame: Frame, offset: int) -> None:
        pass

    def on_return(self, frame: Frame, value) -> None:
        pass

    def on_exception(self, frame: Frame, exc: BaseException) -> None:
        pass


def snapshot(frame: Frame) -> dict:
    """The frame as plain data: code, byte offset and positions of the current instruction,
    bound locals (cells dereferenced), and the value stack (bottom first; NULL slots as None)."""
    return {
        "code": frame.code,
        "name": frame.code.co_qualname,
        "filename": frame.code.co_filename,
        "offset": frame.f_lasti,
        "lineno": frame.f_lineno,
        "positions": frame.positions(),
        "locals": dict(frame.f_locals),
        "stack": [None if v is NULL else v for v in frame.stack],
    }
