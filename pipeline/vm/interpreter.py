"""The eval loop: CPython 3.14 bytecode semantics (`Python/bytecodes.c`), one `op_<NAME>` method
per opcode, run over host objects.

Contracts:
- `VirtualMachine.call(callable, args, kwargs)` calls anything the program can call; VM functions
  run in this VM, everything else is a host call.
- A handler either returns None (go on at `frame.ip`) or True (the frame returns or yields:
  `frame.why`, `frame.result`).  User-level errors are host exceptions raised by the handler;
  they are routed through the code's exception table exactly as CPython's `exception_unwind`
  does.  Inconsistencies of the VM itself raise `VMError`, which is never handed to the
  program's handlers.
- Handlers never raise a user exception from inside a host `except` block (the host would chain
  its own exception as `__context__`); the VM sets `__context__` itself from the program's
  currently handled exception, as `_PyErr_SetObject` does.
- Tracebacks are VM-level: each frame an exception unwinds through prepends a `TracebackEntry`
  (stored on the exception) unless the instruction re-raises (RERAISE, bare `raise`, ...).
"""
from __future__ import annotations

import builtins as host_builtins
import collections.abc
import operator
import sys
import threading
import types
import typing

from pipeline import facts
from pipeline.codeobject import CODE_UNIT
from pipeline.vm import errors, vmbuiltins
from pipeline.vm.code import DECODED_LIMIT, find_handler
from pipeline.vm.errors import VMError, set_traceback, traceback_of
from pipeline.vm.frame import Frame
from pipeline.vm.objects import (
    CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_ITERABLE_COROUTINE, NULL, AsyncGenerator,
    AsyncGenWrappedValue, Coroutine, Function, Generator, Interpolation, Template, _GeneratorBase,
)

CellType = types.CellType

_BINARY = {
    "+": operator.add, "&": operator.and_, "//": operator.floordiv, "<<": operator.lshift,
    "@": operator.matmul, "*": operator.mul, "%": operator.mod, "|": operator.or_,
    "**": operator.pow, ">>": operator.rshift, "-": operator.sub, "/": operator.truediv,
    "^": operator.xor, "+=": operator.iadd, "&=": operator.iand, "//=": operator.ifloordiv,
    "<<=": operator.ilshift, "@=": operator.imatmul, "*=": operator.imul, "%=": operator.imod,
    "|=": operator.ior, "**=": operator.ipow, ">>=": operator.irshift, "-=": operator.isub,
    "/=": operator.itruediv, "^=": operator.ixor, "[]": operator.getitem,
}
BINARY_OPS = tuple(_BINARY[symbol] for _, symbol in facts.NB_OPS)
_COMPARE = {"<": operator.lt, "<=": operator.le, "==": operator.eq, "!=": operator.ne,
            ">": operator.gt, ">=": operator.ge}
COMPARE_OPS = tuple(_COMPARE[symbol] for symbol in facts.CMP_OP)
COMMON_CONSTANTS = tuple(getattr(host_builtins, name) for name in facts.COMMON_CONSTANTS)
_CONVERSIONS = (None, str, repr, ascii)
_CONVERSION_CHARS = (None, "s", "r", "a")
# Types whose class patterns match the subject itself (_Py_TPFLAGS_MATCH_SELF).
_MATCH_SELF = (bool, bytearray, bytes, dict, float, frozenset, int, list, set, str, tuple)
# SET_FUNCTION_ATTRIBUTE's oparg: one bit per attribute, in FUNCTION_ATTR_FLAGS order.
_FUNCTION_ATTRS = {1 << k: name for k, name in enumerate(facts.FUNCTION_ATTR_FLAGS)}
_MISSING = object()
_DEFAULT_RECURSION_LIMIT = 1000
_GENERATOR_FLAGS = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR


def _type_name(obj) -> str:
    return type(obj).__name__


class _ThreadState(threading.local):
    def __init__(self):
        self.frame: Frame | None = None
        self.depth = 0
        # The program's "currently handled exception" slots (CPython's exc_info chain): the
        # thread's own slot at the bottom, one per running generator above it.
        self.exc_stack: list[list] = [[None]]


class VirtualMachine:
    """One interpreter: its builtins, the program's handled-exception stack and call depth.

    `tracer`, if set, is called as `tracer(event, frame, arg)` with event one of "call", "line",
    "instruction", "return", "exception" (see `pipeline.vm.trace`); None costs nothing.
    """

    def __init__(self, *, tracer=None, recursion_limit: int = _DEFAULT_RECURSION_LIMIT):
        self.tracer = tracer
        self.recursion_limit = recursion_limit
        # Per host thread (a program's threads run VM code concurrently): the running frame,
        # the call depth and the handled-exception stack.
        self.ts = _ThreadState()
        self.builtins = vmbuiltins.make_builtins(self)
        self._handler_cache: dict[int, tuple] = {}
        # Set from any thread by `interrupt()` / `raise_in_program()`: delivered at the next
        # call or backward jump, where CPython checks its eval breaker.
        self.pending: BaseException | None = None
        # True while a program runs (run_code): generator finalization runs VM code only then.
        self.active = False

    def report_unraisable(self, exc: BaseException, what: str) -> None:
        """An exception nothing can catch, raised `what` (e.g. "while closing generator <...>"),
        as CPython's default unraisable hook prints it: the traceback, without chained ones."""
        from pipeline.vm.tracebacks import format_exception_only, format_stack
        tb = errors.entries(exc)
        text = [f"Exception ignored {what}:\n"]
        if tb:
            text += ["Traceback (most recent call last):\n", *format_stack(tb, {})]
        sys.stderr.write("".join(text + format_exception_only(exc)))

    @property
    def frame(self) -> Frame | None:
        """The frame running in the calling thread (None outside VM code)."""
        return self.ts.frame

    @property
    def depth(self) -> int:
        """The calling thread's VM call depth (what the recursion limit bounds)."""
        return self.ts.depth

    def interrupt(self, reason: str) -> None:
        """Stop the running program at its next call or backward jump with VMError(reason)."""
        self.pending = VMError(reason)

    def raise_in_program(self, exc: BaseException) -> None:
        """Raise `exc` in the program at its next call or backward jump, as CPython raises
        KeyboardInterrupt on Ctrl-C (the program's handlers see it)."""
        self.pending = exc

    def _deliver_pending(self):
        # A VMError stays pending (every frame it unwinds through stops too); a program-level
        # exception is raised once.
        exc = self.pending
        if not isinstance(exc, VMError):
            self.pending = None
        raise exc

    # ----------------------------------------------------------------------------- calling

    def call(self, func, args, kwargs=None):
        """Call `func(*args, **kwargs)` as CPython's vectorcall would."""
        if type(func) is Function:
            return self.call_function(func, args, kwargs)
        if type(func) is types.MethodType and type(func.__func__) is Function:
            return self.call_function(func.__func__, (func.__self__, *args), kwargs)
        if func is super and not args and not kwargs:
            return vmbuiltins.zero_arg_super(self.frame)
        try:
            return func(*args, **kwargs) if kwargs else func(*args)
        except TypeError as exc:
            if _host_wants_a_function(func, args):
                return func(_host_function(args[0]), *args[1:])
            error = errors.modern_type_error(exc, func)
        except (ValueError, ZeroDivisionError) as exc:
            error = errors.modern_value_error(exc, func, args)
        raise error

    def call_function(self, func: Function, args, kwargs, locals_=None):
        """Run `func` with bound arguments; returns its result (a generator for generator
        functions: RETURN_GENERATOR returns it)."""
        code = func.__code__
        frame = Frame(code, func.__globals__, func.__builtins__, locals_, func)
        errors.bind_arguments(func, code, frame.fast, args, kwargs)
        # run_frame(frame), inlined: this is the path of every call of a VM function.
        if self.pending is not None:
            self._deliver_pending()
        ts = self.ts
        if ts.depth >= self.recursion_limit:
            raise RecursionError("maximum recursion depth exceeded")
        ts.depth += 1
        frame.back = ts.frame
        ts.frame = frame
        try:
            return self._eval(frame, None)
        finally:
            ts.frame = frame.back
            frame.back = None
            ts.depth -= 1

    def run_frame(self, frame: Frame, exc: BaseException | None = None):
        """Execute `frame` from `frame.ip` until it returns or yields (result in
        `frame.result`, also returned) or raises; `exc` resumes it by raising at `lasti`."""
        if self.pending is not None:
            self._deliver_pending()
        ts = self.ts
        if ts.depth >= self.recursion_limit:
            raise RecursionError("maximum recursion depth exceeded")
        ts.depth += 1
        frame.back = ts.frame
        ts.frame = frame
        try:
            return self._eval(frame, exc)
        finally:
            # Unlink like CPython does when a frame returns or suspends: a suspended
            # generator must not keep its last resumer alive.
            ts.frame = frame.back
            frame.back = None
            ts.depth -= 1

    def _handlers(self, d):
        """The bound `op_` method of every unit of `d` (cached per decoded code object)."""
        table = self._handler_cache.get(id(d))
        if table is None or table[0] is not d:
            if len(self._handler_cache) >= DECODED_LIMIT:
                self._handler_cache.clear()
            ops = []
            for name in d.names:
                ops.append(None if name is None else getattr(self, "op_" + name, self._missing_op(name)))
            table = self._handler_cache[id(d)] = (d, ops)
        return table[1]

    @staticmethod
    def _missing_op(name):
        def handler(frame, arg):
            raise VMError(f"opcode {name} is not implemented by the Bytelens VM")
        return handler

    def _eval(self, frame: Frame, pending: BaseException | None):
        d = frame.d
        ops = frame.ops
        if ops is None:
            ops = frame.ops = self._handlers(d)
        nexts = d.nexts
        args = d.args
        # A generator's frame outlives its run (the generator holds it): once it returns or
        # raises, its locals are released as CPython clears a finished generator's frame, so
        # what it held is finalized at the same moment.
        generator_code = frame.code.co_flags & _GENERATOR_FLAGS
        tracer = self.tracer
        if tracer is not None and pending is not None:
            tracer("call", frame, None)  # resumed by throw(): no RESUME runs
            # CPython's frame points past the YIELD_VALUE, at the RESUME: a handler on the
            # yield's own line still reports it.
            frame.prev_unit = frame.ip
        i = frame.lasti
        while True:
            if pending is None:
                try:
                    if tracer is None:
                        while True:
                            i = frame.ip
                            frame.lasti = i
                            frame.ip = nexts[i]
                            if ops[i](frame, args[i]) is not None:
                                if generator_code and frame.why == "return" and frame.started:
                                    frame.fast = [NULL] * len(frame.fast)
                                return frame.take_result()
                    else:
                        while True:
                            i = frame.ip
                            frame.lasti = i
                            self._trace_instruction(tracer, frame, i)
                            frame.ip = nexts[i]
                            if ops[i](frame, args[i]) is not None:
                                if d.names[i] != "RETURN_GENERATOR":
                                    tracer("return", frame, frame.result)
                                if generator_code and frame.why == "return" and frame.started:
                                    frame.fast = [NULL] * len(frame.fast)
                                return frame.take_result()
                except VMError:
                    raise
                except BaseException as err:  # a user-level exception: unwind below
                    pending = err
            exc, pending = pending, None
            if frame.reraising:
                frame.reraising = False
            else:
                self.record_traceback(exc, frame)
                if tracer is not None:
                    tracer("exception", frame, exc)
            handler = find_handler(d, i)
            if handler is None:
                frame.stack.clear()
                if tracer is not None:
                    tracer("return", frame, None)
                if generator_code:
                    frame.fast = [NULL] * len(frame.fast)
                raise exc
            del frame.stack[handler.depth:]
            if handler.lasti:
                frame.stack.append(frame.lasti)
            frame.stack.append(exc)
            frame.ip = handler.target

    def _trace_instruction(self, tracer, frame: Frame, i: int):
        # sys.settrace's model (3.12+, via instrumentation): RESUME reports the call; a line
        # start reports its line when entered from another line or straight after RESUME.
        # A backward jump within one line reports that line again (legacy tracing's JUMP hook).
        d = frame.d
        prev = frame.prev_unit
        if d.names[i] == "RESUME":
            tracer("call", frame, None)
        elif i in d.line_starts or (prev >= 0 and d.names[prev] == "JUMP_BACKWARD"):
            line = d.lines[i]
            if line is not None and (prev < 0 or d.lines[prev] != line
                                     or d.names[prev] in ("RESUME", "JUMP_BACKWARD")):
                tracer("line", frame, line)
        frame.prev_unit = i
        tracer("instruction", frame, i * CODE_UNIT)

    # ------------------------------------------------------------------------ exceptions

    def handled_exception(self):
        """The program's currently handled exception (`sys.exception()`), or None."""
        for slot in reversed(self.ts.exc_stack):
            if slot[0] is not None:
                return slot[0]
        return None

    def chain_context(self, exc: BaseException):
        """`_PyErr_SetObject`'s implicit chaining: the handled exception becomes the context."""
        handled = self.handled_exception()
        if handled is None or handled is exc:
            return
        o = handled
        while True:
            ctx = o.__context__
            if ctx is None:
                break
            if ctx is exc:
                o.__context__ = None
                break
            o = ctx
        exc.__context__ = handled

    def record_traceback(self, exc: BaseException, frame: Frame):
        """An exception unwinds through `frame`: chain its context if it is new to the VM, and
        prepend the frame to its traceback."""
        tb = traceback_of(exc)
        if tb is errors.NO_TRACEBACK:
            if exc.__context__ is None:
                self.chain_context(exc)
            tb = None
        set_traceback(exc, errors.TracebackEntry(frame, frame.lasti, tb))

    # ------------------------------------------------------------------------- generators

    def resume_generator(self, gen: _GeneratorBase, value, exc):
        """Run a generator's frame with `value` sent (or `exc` thrown) into it; returns
        ("yield", value) or ("return", value)."""
        frame = gen._frame
        frame.started = True
        frame.stack.append(value)
        if exc is not None:
            state = gen._exc_state[0]
            if state is not None and state is not exc and exc.__context__ is None:
                exc.__context__ = state
        if self.pending is not None:
            self._deliver_pending()
        # run_frame(frame, exc), inlined (every resumption of a generator comes here).
        ts = self.ts
        if ts.depth >= self.recursion_limit:
            raise RecursionError("maximum recursion depth exceeded")
        exc_stack = ts.exc_stack
        exc_stack.append(gen._exc_state)
        ts.depth += 1
        frame.back = ts.frame
        ts.frame = frame
        try:
            result = self._eval(frame, exc)
        finally:
            ts.frame = frame.back
            frame.back = None
            ts.depth -= 1
            exc_stack.pop()
        return frame.why, result

    # ============================================================ instruction handlers
    # Each takes (frame, oparg).  Stack effects follow bytecodes.c; comments name the layout.

    def op_NOP(self, f, arg):
        pass

    op_NOT_TAKEN = op_RESUME = op_EXTENDED_ARG = op_NOP

    def op_CACHE(self, f, arg):
        raise VMError("executing a CACHE unit")

    op_RESERVED = op_CACHE

    # --- loads and stores

    def op_LOAD_CONST(self, f, arg):
        f.stack.append(f.d.consts[arg])

    def op_LOAD_SMALL_INT(self, f, arg):
        f.stack.append(arg)

    def op_LOAD_COMMON_CONSTANT(self, f, arg):
        f.stack.append(COMMON_CONSTANTS[arg])

    def op_LOAD_FAST(self, f, arg):
        f.stack.append(f.fast[arg])

    op_LOAD_FAST_BORROW = op_LOAD_FAST

    def op_LOAD_FAST_CHECK(self, f, arg):
        value = f.fast[arg]
        if value is NULL:
            raise errors.unbound_local(f.code.co_localsplusnames[arg])
        f.stack.append(value)

    def op_LOAD_FAST_AND_CLEAR(self, f, arg):
        f.stack.append(f.fast[arg])
        f.fast[arg] = NULL

    def op_LOAD_FAST_LOAD_FAST(self, f, arg):
        f.stack.append(f.fast[arg >> 4])
        f.stack.append(f.fast[arg & 15])

    op_LOAD_FAST_BORROW_LOAD_FAST_BORROW = op_LOAD_FAST_LOAD_FAST

    def op_STORE_FAST(self, f, arg):
        f.fast[arg] = f.stack.pop()

    def op_STORE_FAST_LOAD_FAST(self, f, arg):
        f.fast[arg >> 4] = f.stack.pop()
        f.stack.append(f.fast[arg & 15])

    def op_STORE_FAST_STORE_FAST(self, f, arg):
        # (value2, value1 --): value1 (top) goes to the first slot.
        f.fast[arg >> 4] = f.stack.pop()
        f.fast[arg & 15] = f.stack.pop()

    def op_DELETE_FAST(self, f, arg):
        if f.fast[arg] is NULL:
            raise errors.unbound_local(f.code.co_localsplusnames[arg])
        f.fast[arg] = NULL

    def op_MAKE_CELL(self, f, arg):
        initial = f.fast[arg]
        f.fast[arg] = CellType() if initial is NULL else CellType(initial)

    def op_COPY_FREE_VARS(self, f, arg):
        closure = f.func.__closure__
        base = len(f.fast) - arg
        for k in range(arg):
            f.fast[base + k] = closure[k]

    def _deref(self, f, slot):
        try:
            return f.fast[slot].cell_contents
        except ValueError:
            pass
        raise errors.unbound_deref(f, slot)

    def op_LOAD_DEREF(self, f, arg):
        f.stack.append(self._deref(f, arg))

    def op_STORE_DEREF(self, f, arg):
        f.fast[arg].cell_contents = f.stack.pop()

    def op_DELETE_DEREF(self, f, arg):
        cell = f.fast[arg]
        try:
            del cell.cell_contents
            return
        except ValueError:
            pass
        raise errors.unbound_deref(f, arg)

    def op_LOAD_FROM_DICT_OR_DEREF(self, f, arg):
        mapping = f.stack.pop()
        name = f.code.co_localsplusnames[arg]
        value = _lookup(mapping, name)
        f.stack.append(self._deref(f, arg) if value is _MISSING else value)

    def _load_global(self, f, name):
        value = f.globals.get(name, _MISSING)
        if value is _MISSING:
            value = f.builtins.get(name, _MISSING)
            if value is _MISSING:
                raise errors.name_error(name)
        return value

    def op_LOAD_GLOBAL(self, f, arg):
        f.stack.append(self._load_global(f, f.code.co_names[arg >> 1]))
        if arg & 1:
            f.stack.append(NULL)

    def op_LOAD_NAME(self, f, arg):
        name = f.code.co_names[arg]
        if f.locals is None:
            raise SystemError(f"no locals when loading {name!r}")
        value = _lookup(f.locals, name)
        if value is _MISSING:
            value = self._load_global(f, name)
        f.stack.append(value)

    def op_LOAD_FROM_DICT_OR_GLOBALS(self, f, arg):
        mapping = f.stack.pop()
        name = f.code.co_names[arg]
        value = _lookup(mapping, name)
        f.stack.append(self._load_global(f, name) if value is _MISSING else value)

    def op_LOAD_LOCALS(self, f, arg):
        if f.locals is None:
            raise SystemError("no locals found")
        f.stack.append(f.locals)

    def op_STORE_NAME(self, f, arg):
        name = f.code.co_names[arg]
        if f.locals is None:
            raise SystemError(f"no locals found when storing {name!r}")
        f.locals[name] = f.stack.pop()

    def op_DELETE_NAME(self, f, arg):
        name = f.code.co_names[arg]
        try:
            del f.locals[name]
            return
        except KeyError:
            pass
        raise errors.name_error(name)

    def op_STORE_GLOBAL(self, f, arg):
        f.globals[f.code.co_names[arg]] = f.stack.pop()

    def op_DELETE_GLOBAL(self, f, arg):
        name = f.code.co_names[arg]
        if f.globals.pop(name, _MISSING) is _MISSING:
            raise errors.name_error(name)

    def op_LOAD_ATTR(self, f, arg):
        owner = f.stack.pop()
        f.stack.append(getattr(owner, f.code.co_names[arg >> 1]))
        if arg & 1:
            # Method form: CPython pushes (unbound method, self) or (attribute, NULL); pushing
            # the bound attribute and NULL calls the same thing.
            f.stack.append(NULL)

    def op_STORE_ATTR(self, f, arg):
        owner = f.stack.pop()
        value = f.stack.pop()
        try:
            setattr(owner, f.code.co_names[arg], value)
            return
        except AttributeError as exc:
            error = errors.no_dict_for_attribute(exc, owner)
        raise error

    def op_DELETE_ATTR(self, f, arg):
        delattr(f.stack.pop(), f.code.co_names[arg])

    def op_LOAD_SUPER_ATTR(self, f, arg):
        # (global_super, class, self -- attr, NULL if oparg & 1)
        self_ = f.stack.pop()
        cls = f.stack.pop()
        global_super = f.stack.pop()
        sup = self.call(global_super, (cls, self_) if arg & 2 else ())
        f.stack.append(getattr(sup, f.code.co_names[arg >> 2]))
        if arg & 1:
            f.stack.append(NULL)

    def op_LOAD_SPECIAL(self, f, arg):
        # (self -- method, self_or_null)
        owner = f.stack.pop()
        name = facts.SPECIAL_METHOD_NAMES[arg]
        attr = _lookup_special(owner, name)
        if attr is _MISSING:
            raise errors.special_method_missing(owner, arg)
        if isinstance(attr, (Function, types.FunctionType)):
            f.stack.append(attr)
            f.stack.append(owner)
        else:
            getter = getattr(type(attr), "__get__", None)
            f.stack.append(attr if getter is None else getter(attr, owner, type(owner)))
            f.stack.append(NULL)

    def op_LOAD_BUILD_CLASS(self, f, arg):
        bc = f.builtins.get("__build_class__", _MISSING)
        if bc is _MISSING:
            raise NameError("__build_class__ not found")
        f.stack.append(bc)

    # --- stack shuffling

    def op_POP_TOP(self, f, arg):
        f.stack.pop()

    op_END_FOR = op_POP_ITER = op_POP_TOP

    def op_PUSH_NULL(self, f, arg):
        f.stack.append(NULL)

    def op_COPY(self, f, arg):
        f.stack.append(f.stack[-arg])

    def op_SWAP(self, f, arg):
        s = f.stack
        s[-1], s[-arg] = s[-arg], s[-1]

    def op_END_SEND(self, f, arg):
        value = f.stack.pop()
        f.stack[-1] = value

    # --- operators

    def op_BINARY_OP(self, f, arg):
        stack = f.stack
        rhs = stack.pop()
        try:
            stack[-1] = BINARY_OPS[arg](stack[-1], rhs)  # lhs replaced by the result
            return
        except ZeroDivisionError as exc:
            error = errors.modern_zero_division(exc)
        except TypeError as exc:
            error = errors.unhashable(exc, stack.pop())  # only a subscript can have a key problem
        raise error

    def op_COMPARE_OP(self, f, arg):
        stack = f.stack
        rhs = stack.pop()
        res = COMPARE_OPS[arg >> 5](stack[-1], rhs)
        stack[-1] = bool(res) if arg & 16 else res

    def op_IS_OP(self, f, arg):
        rhs = f.stack.pop()
        lhs = f.stack.pop()
        f.stack.append((lhs is rhs) ^ bool(arg))

    def op_CONTAINS_OP(self, f, arg):
        rhs = f.stack.pop()
        lhs = f.stack.pop()
        f.stack.append(errors.keyed(rhs, operator.contains, rhs, lhs) ^ bool(arg))

    def op_UNARY_NEGATIVE(self, f, arg):
        f.stack.append(-f.stack.pop())

    def op_UNARY_INVERT(self, f, arg):
        f.stack.append(~f.stack.pop())

    def op_UNARY_NOT(self, f, arg):
        f.stack.append(not f.stack.pop())

    def op_TO_BOOL(self, f, arg):
        f.stack.append(bool(f.stack.pop()))

    def op_BINARY_SLICE(self, f, arg):
        stop = f.stack.pop()
        start = f.stack.pop()
        container = f.stack.pop()
        f.stack.append(container[start:stop])

    def op_STORE_SLICE(self, f, arg):
        stop = f.stack.pop()
        start = f.stack.pop()
        container = f.stack.pop()
        container[start:stop] = f.stack.pop()

    def op_STORE_SUBSCR(self, f, arg):
        # (v, container, sub --)
        sub = f.stack.pop()
        container = f.stack.pop()
        errors.keyed(container, operator.setitem, container, sub, f.stack.pop())

    def op_DELETE_SUBSCR(self, f, arg):
        sub = f.stack.pop()
        container = f.stack.pop()
        errors.keyed(container, operator.delitem, container, sub)

    # --- jumps

    def op_JUMP_FORWARD(self, f, arg):
        f.ip = f.d.jumps[f.lasti]

    op_JUMP_BACKWARD_NO_INTERRUPT = op_JUMP_FORWARD

    def op_JUMP_BACKWARD(self, f, arg):
        # CPython checks its eval breaker here (and at calls): so does the VM's interrupt.
        if self.pending is not None:
            self._deliver_pending()
        f.ip = f.d.jumps[f.lasti]

    def op_POP_JUMP_IF_FALSE(self, f, arg):
        if f.stack.pop() is False:
            f.ip = f.d.jumps[f.lasti]

    def op_POP_JUMP_IF_TRUE(self, f, arg):
        if f.stack.pop() is True:
            f.ip = f.d.jumps[f.lasti]

    def op_POP_JUMP_IF_NONE(self, f, arg):
        if f.stack.pop() is None:
            f.ip = f.d.jumps[f.lasti]

    def op_POP_JUMP_IF_NOT_NONE(self, f, arg):
        if f.stack.pop() is not None:
            f.ip = f.d.jumps[f.lasti]

    # --- iteration

    def op_GET_ITER(self, f, arg):
        f.stack.append(iter(f.stack.pop()))

    def op_FOR_ITER(self, f, arg):
        it = f.stack[-1]
        if type(it) is Generator and not it._finished:
            kind, value = it._resume(None)
            done = kind == "return"
            stop = value is not None
        else:
            try:
                value = next(it)
                done = False
            except StopIteration as exc:
                done = True
                value = exc.value
                stop = _raises_stop_iteration(it, value)
        if done:
            if stop and self.tracer is not None:
                self.tracer("exception", f, StopIteration(value))
            # Exhausted: jump past the END_FOR at the target.
            f.ip = f.d.jumps[f.lasti] + 1
        else:
            f.stack.append(value)

    def op_GET_YIELD_FROM_ITER(self, f, arg):
        iterable = f.stack[-1]
        if type(iterable) is Coroutine:
            if not f.code.co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE):
                raise TypeError("cannot 'yield from' a coroutine object in a non-coroutine generator")
        elif type(iterable) is not Generator:
            f.stack[-1] = iter(iterable)

    def op_SEND(self, f, arg):
        # (receiver, v -- receiver, retval); on StopIteration jump to END_SEND with its value.
        v = f.stack.pop()
        receiver = f.stack[-1]
        if isinstance(receiver, _GeneratorBase):
            kind, value = receiver._resume(v)
            done = stop = kind == "return"  # END_SEND reports a generator's return
        else:
            try:
                if v is None and hasattr(type(receiver), "__next__"):
                    value = next(receiver)
                else:
                    value = receiver.send(v)
                done = False
            except StopIteration as exc:
                value = exc.value
                done = True
                stop = (v is not None or type(receiver) in (types.GeneratorType, types.CoroutineType)
                        or _raises_stop_iteration(receiver, value))
        f.stack.append(value)
        if done:
            if stop and self.tracer is not None:
                self.tracer("exception", f, StopIteration(value))
            f.ip = f.d.jumps[f.lasti]

    def op_YIELD_VALUE(self, f, arg):
        f.result = f.stack.pop()
        f.why = "yield"
        f.in_yield_from = arg == 1
        return True

    def op_RETURN_VALUE(self, f, arg):
        f.result = f.stack.pop()
        f.why = "return"
        return True

    def op_RETURN_GENERATOR(self, f, arg):
        flags = f.code.co_flags
        if flags & CO_COROUTINE:
            gen = Coroutine(self, f, f.func)
        elif flags & CO_ASYNC_GENERATOR:
            gen = AsyncGenerator(self, f, f.func)
        else:
            gen = Generator(self, f, f.func)
        f.started = False
        f.result = gen
        f.why = "return"
        return True

    def op_CLEANUP_THROW(self, f, arg):
        # (sub_iter, last_sent_val, exc_value -- none, value)
        exc = f.stack[-1]
        if isinstance(exc, StopIteration):
            del f.stack[-3:]
            f.stack.append(None)
            f.stack.append(exc.value)
            return
        f.reraising = True
        raise exc

    # --- async

    def op_GET_AWAITABLE(self, f, arg):
        f.stack.append(errors.get_awaitable(f.stack.pop(), arg))

    def op_GET_AITER(self, f, arg):
        f.stack.append(errors.get_aiter(f.stack.pop()))

    def op_GET_ANEXT(self, f, arg):
        f.stack.append(errors.get_anext(f.stack[-1]))

    def op_END_ASYNC_FOR(self, f, arg):
        # (awaitable, exc --): StopAsyncIteration ends the loop; anything else re-raises.
        exc = f.stack[-1]
        if isinstance(exc, StopAsyncIteration):
            del f.stack[-2:]
            return
        f.reraising = True
        raise exc

    # --- building values

    def _pop_n(self, f, n):
        if not n:
            return []
        items = f.stack[-n:]
        del f.stack[-n:]
        return items

    def op_BUILD_TUPLE(self, f, arg):
        f.stack.append(tuple(self._pop_n(f, arg)))

    def op_BUILD_LIST(self, f, arg):
        f.stack.append(self._pop_n(f, arg))

    def op_BUILD_SET(self, f, arg):
        result = set()
        errors.keyed(result, result.update, self._pop_n(f, arg))
        f.stack.append(result)

    def op_BUILD_MAP(self, f, arg):
        items = self._pop_n(f, 2 * arg)
        result = {}
        for k in range(0, 2 * arg, 2):
            errors.keyed(result, operator.setitem, result, items[k], items[k + 1])
        f.stack.append(result)

    def op_BUILD_STRING(self, f, arg):
        f.stack.append("".join(self._pop_n(f, arg)))

    def op_BUILD_SLICE(self, f, arg):
        f.stack.append(slice(*self._pop_n(f, arg)))

    def op_LIST_APPEND(self, f, arg):
        v = f.stack.pop()
        f.stack[-arg].append(v)

    def op_SET_ADD(self, f, arg):
        v = f.stack.pop()
        target = f.stack[-arg]
        errors.keyed(target, target.add, v)

    def op_MAP_ADD(self, f, arg):
        value = f.stack.pop()
        key = f.stack.pop()
        target = f.stack[-arg]
        errors.keyed(target, operator.setitem, target, key, value)

    def op_LIST_EXTEND(self, f, arg):
        iterable = f.stack.pop()
        if not errors.is_iterable(iterable):
            raise TypeError(f"Value after * must be an iterable, not {_type_name(iterable)}")
        f.stack[-arg].extend(iterable)

    def op_SET_UPDATE(self, f, arg):
        iterable = f.stack.pop()
        target = f.stack[-arg]
        errors.keyed(target, target.update, iterable)

    def op_DICT_UPDATE(self, f, arg):
        update = f.stack.pop()
        if not hasattr(update, "keys"):
            raise TypeError(f"'{_type_name(update)}' object is not a mapping")
        f.stack[-arg].update(update)

    def op_DICT_MERGE(self, f, arg):
        # (callable, unused, unused, dict, unused[oparg-1], update --)
        update = f.stack.pop()
        target = f.stack[-arg]
        func = f.stack[-arg - 3]
        errors.dict_merge(target, update, func)

    def op_CALL_INTRINSIC_1(self, f, arg):
        value = f.stack.pop()
        f.stack.append(getattr(self, "intrinsic_" + facts.INTRINSIC1_DESCS[arg])(f, value))

    def op_CALL_INTRINSIC_2(self, f, arg):
        value1 = f.stack.pop()
        value2 = f.stack.pop()
        f.stack.append(getattr(self, "intrinsic_" + facts.INTRINSIC2_DESCS[arg])(f, value2, value1))

    # --- formatting and templates

    def op_CONVERT_VALUE(self, f, arg):
        f.stack.append(_CONVERSIONS[arg](f.stack.pop()))

    def op_FORMAT_SIMPLE(self, f, arg):
        value = f.stack.pop()
        f.stack.append(value if type(value) is str else format(value))

    def op_FORMAT_WITH_SPEC(self, f, arg):
        spec = f.stack.pop()
        f.stack.append(format(f.stack.pop(), spec))

    def op_BUILD_INTERPOLATION(self, f, arg):
        # (value, str, format[oparg & 1] -- interpolation); conversion code in oparg >> 2.
        spec = f.stack.pop() if arg & 1 else ""
        expression = f.stack.pop()
        value = f.stack.pop()
        f.stack.append(Interpolation(value, expression, _CONVERSION_CHARS[arg >> 2], spec))

    def op_BUILD_TEMPLATE(self, f, arg):
        interpolations = f.stack.pop()
        strings = f.stack.pop()
        parts = [strings[0]]
        for interp, s in zip(interpolations, strings[1:]):
            parts.append(interp)
            parts.append(s)
        f.stack.append(Template(*parts))

    # --- unpacking

    def op_UNPACK_SEQUENCE(self, f, arg):
        f.stack.extend(reversed(errors.unpack(f.stack.pop(), arg, -1)))

    def op_UNPACK_EX(self, f, arg):
        f.stack.extend(reversed(errors.unpack(f.stack.pop(), arg & 0xFF, arg >> 8)))

    # --- calls and functions

    def op_CALL(self, f, arg):
        # (callable, self_or_null, args[oparg] -- res)
        stack = f.stack
        args = stack[-arg:] if arg else []
        if arg:
            del stack[-arg:]
        self_or_null = stack.pop()
        func = stack.pop()
        if self_or_null is not NULL:
            args.insert(0, self_or_null)
        if type(func) is Function:  # the common case, without `call`'s dispatch
            stack.append(self.call_function(func, args, None))
        else:
            stack.append(self.call(func, args))

    def op_CALL_KW(self, f, arg):
        # (callable, self_or_null, args[oparg], kwnames -- res)
        stack = f.stack
        kwnames = stack.pop()
        args = self._pop_n(f, arg)
        self_or_null = stack.pop()
        func = stack.pop()
        nkw = len(kwnames)
        kwargs = dict(zip(kwnames, args[len(args) - nkw:]))
        del args[len(args) - nkw:]
        if self_or_null is not NULL:
            args.insert(0, self_or_null)
        stack.append(self.call(func, args, kwargs))

    def op_CALL_FUNCTION_EX(self, f, arg):
        # (func, unused, callargs, kwargs_or_null -- result)
        kwargs = f.stack.pop()
        callargs = f.stack.pop()
        f.stack.pop()
        func = f.stack.pop()
        if type(callargs) is not tuple:
            if not errors.is_iterable(callargs):
                raise TypeError(f"{errors.function_str(func)} argument after * must be an iterable, "
                                f"not {_type_name(callargs)}")
            callargs = tuple(callargs)
        f.stack.append(self.call(func, callargs, None if kwargs is NULL else kwargs))

    def op_MAKE_FUNCTION(self, f, arg):
        f.stack.append(Function(self, f.stack.pop(), f.globals, f.builtins))

    def op_SET_FUNCTION_ATTRIBUTE(self, f, arg):
        # (attr, func -- func); oparg is one MAKE_FUNCTION_* flag.
        func = f.stack.pop()
        value = f.stack.pop()
        attr = _FUNCTION_ATTRS.get(arg)
        if attr is None:
            raise VMError(f"SET_FUNCTION_ATTRIBUTE with unknown flag {arg}")
        if attr == "annotations" and type(value) is tuple:
            value = dict(zip(value[::2], value[1::2]))  # (name, value, ...) pairs
        setattr(func, f"__{attr}__", value)
        f.stack.append(func)

    def op_EXIT_INIT_CHECK(self, f, arg):
        value = f.stack.pop()
        if value is not None:
            raise TypeError(f"__init__() should return None, not '{_type_name(value)}'")

    # --- exceptions

    def op_RAISE_VARARGS(self, f, arg):
        cause = f.stack.pop() if arg == 2 else _MISSING
        exc = f.stack.pop() if arg >= 1 else _MISSING
        if exc is _MISSING:
            handled = self.handled_exception()
            if handled is None:
                raise RuntimeError("No active exception to reraise")
            f.reraising = True
            raise handled
        value = errors.exception_instance(exc, "exceptions must derive from BaseException")
        if cause is not _MISSING:
            if cause is None:
                value.__cause__ = None
            else:
                value.__cause__ = errors.exception_instance(
                    cause, "exception causes must derive from BaseException")
        self.chain_context(value)
        if traceback_of(value) is errors.NO_TRACEBACK:
            set_traceback(value, None)
        raise value

    def op_RERAISE(self, f, arg):
        exc = f.stack.pop()
        if arg:
            f.lasti = f.stack[-arg]
        f.reraising = True
        raise exc

    def op_PUSH_EXC_INFO(self, f, arg):
        # (exc -- prev_exc, new_exc)
        exc = f.stack.pop()
        slot = self.ts.exc_stack[-1]
        f.stack.append(slot[0])
        slot[0] = exc
        f.stack.append(exc)

    def op_POP_EXCEPT(self, f, arg):
        self.ts.exc_stack[-1][0] = f.stack.pop()

    def op_CHECK_EXC_MATCH(self, f, arg):
        match_type = f.stack.pop()
        errors.check_except_type(match_type)
        f.stack.append(isinstance(f.stack[-1], match_type))

    def op_CHECK_EG_MATCH(self, f, arg):
        # (exc_value, match_type -- rest, match)
        match_type = f.stack.pop()
        exc = f.stack.pop()
        errors.check_except_star_type(match_type)
        match, rest = errors.exception_group_match(f, exc, match_type)
        if match is not None:
            self.ts.exc_stack[-1][0] = match
        f.stack.append(rest)
        f.stack.append(match)

    def op_WITH_EXCEPT_START(self, f, arg):
        # (exit_func, exit_self, lasti, prev_exc, val -- ..., res)
        s = f.stack
        val = s[-1]
        exit_func, exit_self = s[-5], s[-4]
        host_tb = val.__traceback__
        vm_tb = traceback_of(val)
        exc_args = (type(val), val, host_tb)
        args = exc_args if exit_self is NULL else (exit_self, *exc_args)
        s.append(self.call(exit_func, args))
        if val.__traceback__ is host_tb and traceback_of(val) is not vm_tb:
            # The exit function re-raised `val` somewhere (contextlib throws it into the
            # generator) and then put back the traceback it was given: put back ours too.
            set_traceback(val, vm_tb)

    # --- classes, imports, annotations

    def op_SETUP_ANNOTATIONS(self, f, arg):
        if f.locals is None:
            raise SystemError("no locals found when setting up annotations")
        if _lookup(f.locals, "__annotations__") is _MISSING:
            f.locals["__annotations__"] = {}

    def op_IMPORT_NAME(self, f, arg):
        fromlist = f.stack.pop()
        level = f.stack.pop()
        importer = f.builtins.get("__import__", _MISSING)
        if importer is _MISSING:
            raise ImportError("__import__ not found")
        name = f.code.co_names[arg]
        f.stack.append(self.call(importer, (name, f.globals, f.locals, fromlist, level)))

    def op_IMPORT_FROM(self, f, arg):
        f.stack.append(errors.import_from(f.stack[-1], f.code.co_names[arg]))

    # --- pattern matching

    def op_GET_LEN(self, f, arg):
        f.stack.append(len(f.stack[-1]))

    def op_MATCH_MAPPING(self, f, arg):
        f.stack.append(isinstance(f.stack[-1], collections.abc.Mapping))

    def op_MATCH_SEQUENCE(self, f, arg):
        subject = f.stack[-1]
        f.stack.append(isinstance(subject, collections.abc.Sequence)
                       and not isinstance(subject, (str, bytes, bytearray)))

    def op_MATCH_KEYS(self, f, arg):
        # (subject, keys -- subject, keys, values_or_none)
        f.stack.append(errors.match_keys(f.stack[-2], f.stack[-1]))

    def op_MATCH_CLASS(self, f, arg):
        # (subject, type, names -- attrs_or_none)
        names = f.stack.pop()
        cls = f.stack.pop()
        subject = f.stack.pop()
        f.stack.append(errors.match_class(subject, cls, arg, names, _MATCH_SELF))

    # ------------------------------------------------------------------- intrinsics

    def intrinsic_INTRINSIC_1_INVALID(self, f, value):
        raise SystemError("invalid intrinsic function")

    def intrinsic_INTRINSIC_2_INVALID(self, f, value2, value1):
        raise SystemError("invalid intrinsic function")

    def intrinsic_INTRINSIC_PRINT(self, f, value):
        if value is not None:
            sys.displayhook(value)
        return None

    def intrinsic_INTRINSIC_IMPORT_STAR(self, f, module):
        errors.import_star(module, f.locals)
        return None

    def intrinsic_INTRINSIC_STOPITERATION_ERROR(self, f, exc):
        return errors.stopiteration_error(f.code.co_flags, exc)

    def intrinsic_INTRINSIC_ASYNC_GEN_WRAP(self, f, value):
        return AsyncGenWrappedValue(value)

    def intrinsic_INTRINSIC_UNARY_POSITIVE(self, f, value):
        return +value

    def intrinsic_INTRINSIC_LIST_TO_TUPLE(self, f, value):
        return tuple(value)

    def intrinsic_INTRINSIC_TYPEVAR(self, f, name):
        return vmbuiltins.PEP695_TYPEVAR(name)

    def intrinsic_INTRINSIC_PARAMSPEC(self, f, name):
        return vmbuiltins.PEP695_PARAMSPEC(name)

    def intrinsic_INTRINSIC_TYPEVARTUPLE(self, f, name):
        return typing.TypeVarTuple(name)

    def intrinsic_INTRINSIC_SUBSCRIPT_GENERIC(self, f, params):
        return typing.Generic[params]

    def intrinsic_INTRINSIC_TYPEALIAS(self, f, args):
        name, type_params, compute_value = args
        return vmbuiltins.TypeAliasType(name, type_params, compute_value, f.globals.get("__name__"))

    def intrinsic_INTRINSIC_PREP_RERAISE_STAR(self, f, orig, excs):
        return errors.prep_reraise_star(orig, excs)

    def intrinsic_INTRINSIC_TYPEVAR_WITH_BOUND(self, f, name, bound):
        return vmbuiltins.PEP695_TYPEVAR(name, bound=bound())

    def intrinsic_INTRINSIC_TYPEVAR_WITH_CONSTRAINTS(self, f, name, constraints):
        return vmbuiltins.PEP695_TYPEVAR(name, *constraints())

    def intrinsic_INTRINSIC_SET_FUNCTION_TYPE_PARAMS(self, f, func, params):
        func.__type_params__ = params
        return func

    def intrinsic_INTRINSIC_SET_TYPEPARAM_DEFAULT(self, f, typeparam, default):
        typeparam.__default__ = default
        return typeparam


def _raises_stop_iteration(it, value) -> bool:
    """Whether CPython's tp_iternext of `it` ends by raising StopIteration (which FOR_ITER and
    SEND report to sys.settrace as an "exception" event) rather than returning NULL quietly:
    a `__next__` written in Python raises it, a generator only to carry a return value, an
    iterator implemented in C (the host's builtins) does not.  (SEND also reports the return
    of a generator or coroutine it delegated to, at END_SEND, whatever the value.)"""
    if isinstance(it, _GeneratorBase):
        return False  # finished already: no value to carry
    if type(it) is types.GeneratorType:
        return value is not None
    return isinstance(getattr(type(it), "__next__", None), (Function, types.FunctionType))


def _lookup(mapping, name):
    """`PyMapping_GetOptionalItem`: mapping[name] or _MISSING (KeyError only means absent)."""
    if type(mapping) is dict:
        return mapping.get(name, _MISSING)
    try:
        return mapping[name]
    except KeyError:
        return _MISSING


def _host_wants_a_function(func, args) -> bool:
    """Before 3.12 `ExceptionGroup.split`/`subgroup` accept only a host function as the
    condition (3.12+ take any callable): a VM function is then passed wrapped in one."""
    return (len(args) == 1 and type(args[0]) is Function and getattr(func, "__name__", None) in ("split", "subgroup")
            and isinstance(getattr(func, "__self__", None), BaseExceptionGroup))


def _host_function(vm_function):
    return lambda exc: vm_function(exc)


def _lookup_special(owner, name):
    """A special method looked up on the type, bypassing the instance (`_PyType_Lookup`)."""
    for klass in type(owner).__mro__:
        attr = klass.__dict__.get(name, _MISSING)
        if attr is not _MISSING:
            return attr
    return _MISSING
