"""Frames: one activation of a code object (CPython's _PyInterpreterFrame + PyFrameObject).

A frame holds the locals-plus array (`fast`: arguments and locals, then cells, then free
variables, in `co_localsplusnames` order; NULL marks an unbound slot), the value stack, the
instruction pointer `ip` (the code unit to run next) and `lasti` (the unit of the instruction
running or last run, which tracebacks, `f_lineno` and handlers' pushed lasti use).
"""
from __future__ import annotations

from types import CellType

from pipeline.codeobject import CODE_UNIT
from pipeline.vm.code import Decoded, decoded
from pipeline.vm.objects import NULL


class Frame:
    __slots__ = ("code", "d", "globals", "builtins", "locals", "fast", "stack", "ip", "lasti",
                 "func", "back", "started", "in_yield_from", "why", "result", "reraising",
                 "prev_unit", "ops")

    def __init__(self, code, globals_: dict, builtins: dict, locals_, func):
        self.code = code
        self.d: Decoded = decoded(code)
        self.globals = globals_
        self.builtins = builtins
        # The namespace of module and class bodies (LOAD_NAME/STORE_NAME); None in functions.
        self.locals = locals_
        self.fast = [NULL] * len(code.co_localsplusnames)
        self.stack: list = []
        self.ip = 0
        self.lasti = 0
        self.func = func
        self.back: Frame | None = None
        # Generator frames: whether the first send has happened, and whether the frame is
        # suspended inside a `yield from`/`await` (its sub-iterator is then on top of the stack).
        self.started = True
        self.in_yield_from = False
        # How the last run ended ("return" or "yield") and with what value.
        self.why = None
        self.result = None
        # Set by RERAISE-like instructions: the exception propagates without a traceback entry.
        self.reraising = False
        self.prev_unit = -1  # the instruction the tracer saw last
        self.ops = None  # the eval loop's handler table, kept for a generator's resumptions

    def take_result(self):
        """The value the frame returned or yielded, no longer held by the frame (a generator's
        frame must not keep its own generator alive)."""
        result, self.result = self.result, None
        return result

    # Introspection in the shape of CPython's frame objects (for the debugger and `locals()`).

    @property
    def f_code(self):
        return self.code

    @property
    def f_globals(self):
        return self.globals

    @property
    def f_builtins(self):
        return self.builtins

    @property
    def f_back(self):
        return self.back

    @property
    def f_lasti(self) -> int:
        return self.lasti * CODE_UNIT

    @property
    def f_lineno(self):
        return self.d.lines[self.lasti]

    @property
    def f_locals(self) -> dict:
        """The namespace for module/class bodies; for functions a snapshot of bound locals and
        cells (as `locals()` returns)."""
        if self.locals is not None:
            return self.locals
        out = {}
        cells = self.d.cell_slots
        for k, (name, value) in enumerate(zip(self.code.co_localsplusnames, self.fast)):
            if value is NULL:
                continue
            # Only cell/free slots hold cells the VM made; a plain local may hold a cell object.
            if k in cells and isinstance(value, CellType):
                try:
                    value = value.cell_contents
                except ValueError:
                    continue
            out[name] = value
        return out

    def set_local(self, name: str, value) -> None:
        """Assign one of the frame's variables, as a debugger's "set variable" does: the
        namespace of a module or class body, else the local or cell slot (KeyError if the code
        has no such variable)."""
        if self.locals is not None and name not in self.code.co_localsplusnames:
            self.locals[name] = value
            return
        k = self.code.co_localsplusnames.index(name) if name in self.code.co_localsplusnames else -1
        if k < 0:
            raise KeyError(name)
        if k in self.d.cell_slots and isinstance(self.fast[k], CellType):
            self.fast[k].cell_contents = value
        else:
            self.fast[k] = value

    def cell_slots(self) -> frozenset:
        """Slots whose kind is cell or free (they hold cells once MAKE_CELL/COPY_FREE_VARS ran)."""
        return self.d.cell_slots

    def positions(self):
        """(lineno, end_lineno, col, end_col) of the current instruction."""
        return self.d.positions[self.lasti]

    def __repr__(self):
        return (f"<frame at 0x{id(self):x}, file {self.code.co_filename!r}, "
                f"line {self.f_lineno}, code {self.code.co_name}>")
