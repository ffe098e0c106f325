"""The bundled VM: a pure-Python interpreter for CPython 3.14 code objects, running on the host.

Public API:
- `run_code(code, *, argv, filename, tracer=None, source=None, vm=None, compile_file=None) -> int`:
  run a module code object as `python3.14 FILE ARGV...` would: program output on
  sys.stdout/sys.stderr, an uncaught exception printed as CPython 3.14 prints it, the exit status
  returned; the program's own modules are compiled by `compile_file(path) -> CodeObject`.
- `compile_program(source, filename) -> CompiledProgram` and `compile_module_file(path)`: the
  Bytelens parser + compiler as `python3.14 FILE` uses CPython's (warnings, SyntaxError report).
- `VirtualMachine`: one interpreter (builtins, per-thread frames and handled exceptions, recursion
  limit, tracer); `interrupt(reason)` stops a run, `raise_in_program(exc)` delivers e.g.
  KeyboardInterrupt.
- `Frame`, `Function`, `Generator`, `Coroutine`, `AsyncGenerator`: the VM's runtime objects.
- `format_exception(exc) -> str`: CPython 3.14's traceback text for an exception the VM raised.
- `VMError`: a failure of the VM itself (never a user-level exception).
- Tracing: `pipeline.vm.trace` (`Tracer`, `snapshot`; events call/line/instruction/return/
  exception), `Frame.set_local` for a debugger's "set variable".
"""
from pipeline.vm.errors import VMError
from pipeline.vm.frame import Frame
from pipeline.vm.interpreter import VirtualMachine
from pipeline.vm.objects import AsyncGenerator, Coroutine, Function, Generator
from pipeline import CompiledProgram, compile_program
from pipeline.vm.run import compile_module_file, run_code
from pipeline.vm.tracebacks import format_exception

__all__ = ["run_code", "compile_program", "compile_module_file", "CompiledProgram",
           "VirtualMachine", "Frame", "Function", "Generator", "Coroutine", "AsyncGenerator",
           "format_exception", "VMError"]
