"""The VM's own runtime objects: functions, generators, coroutines, async generators, templates.

Every other value the VM handles is a host object (ints, strs, lists, dicts, classes made by the
host `type`, host builtins).  The objects here are host-callable/host-iterable so that host code
(`sorted(key=f)`, `functools.wraps`, `dataclasses`, `enum`, `contextlib`, `asyncio`) can use them
exactly as it uses CPython's own: a `Function` is callable and binds as a method; a `Generator`
implements the iterator protocol and `send`/`throw`/`close`; a `Coroutine` is awaitable.

Core attributes live in slots (not the instance `__dict__`), so `functools.wraps` copying a
function's `__dict__` copies only user attributes, as on CPython.
"""
from __future__ import annotations

import sys
import types
import warnings

from pipeline import facts

_CO_FLAGS = {name: value for value, name in facts.COMPILER_FLAG_NAMES.items()}
CO_VARARGS = _CO_FLAGS["VARARGS"]
CO_VARKEYWORDS = _CO_FLAGS["VARKEYWORDS"]
CO_GENERATOR = _CO_FLAGS["GENERATOR"]
CO_COROUTINE = _CO_FLAGS["COROUTINE"]
CO_ITERABLE_COROUTINE = _CO_FLAGS["ITERABLE_COROUTINE"]
CO_ASYNC_GENERATOR = _CO_FLAGS["ASYNC_GENERATOR"]
CO_HAS_DOCSTRING = _CO_FLAGS["HAS_DOCSTRING"]


class _Null:
    """The stack's NULL (CPython's PyStackRef_NULL) and an unbound local's value."""
    __slots__ = ()

    def __repr__(self):
        return "<NULL>"


NULL = _Null()


_host_getframe = sys._getframe  # run_code replaces sys._getframe while a program runs


def _read_by_program() -> bool:
    """Whether the attribute being computed was asked for by VM code (LOAD_ATTR) rather than by
    host code: the Python frame above a property getter is whoever called getattr."""
    caller = _host_getframe(2).f_code
    return caller.co_name == "op_LOAD_ATTR" and caller.co_filename.endswith("interpreter.py")


def _address(obj) -> str:
    return f"0x{id(obj):x}"


class Function:
    # A function defined by VM code (CPython's PyFunctionObject).  Calling it runs its code in the
    # VM that made it; `__get__` binds it as a method.  (No class docstring: `__doc__` is a
    # per-function property.)
    __slots__ = ("_vm", "__code__", "__globals__", "__builtins__", "__defaults__",
                 "__kwdefaults__", "__closure__", "__annotate__", "_annotations", "__type_params__",
                 "_name", "_qualname", "_doc", "_module", "__dict__", "__weakref__")

    def __init__(self, vm, code, globals_: dict, builtins: dict):
        self._vm = vm
        self.__code__ = code
        self.__globals__ = globals_
        self.__builtins__ = builtins
        self.__defaults__ = None
        self.__kwdefaults__ = None
        self.__closure__ = None
        self.__annotate__ = None
        self._annotations = None
        self.__type_params__ = ()
        self._name = code.co_name
        self._qualname = code.co_qualname
        consts = code.co_consts
        has_doc = code.co_flags & CO_HAS_DOCSTRING and consts and isinstance(consts[0], str)
        self._doc = consts[0] if has_doc else None
        self._module = globals_.get("__name__")

    def _get_name(self):
        return self._name

    def _set_name(self, value):
        if not isinstance(value, str):
            raise TypeError("__name__ must be set to a string object")
        self._name = value

    def _get_doc(self):
        return self._doc

    def _set_doc(self, value):
        self._doc = value

    def _get_module(self):
        return self._module

    def _set_module(self, value):
        self._module = value

    def _get_annotations(self):
        # 3.14 evaluates annotations lazily, through __annotate__(VALUE), and caches the dict.
        if self._annotations is None:
            if self.__annotate__ is None:
                self._annotations = {}
                return self._annotations
            unresolved = False
            try:
                result = self.__annotate__(1)
            except NameError:
                # A forward reference.  The program reading the attribute gets the NameError, as
                # on 3.14; a host library copying attributes (a pre-3.14 classmethod,
                # functools.wraps) probes __annotations__ eagerly where 3.14 copies __annotate__,
                # and treats AttributeError as "absent".
                if _read_by_program():
                    raise
                unresolved = True
            if unresolved:
                raise AttributeError("__annotations__ is not evaluated yet", name="__annotations__", obj=self)
            if not isinstance(result, dict):
                raise TypeError(f"__annotate__ returned non-dict of type '{type(result).__name__}'")
            self._annotations = result
        return self._annotations

    def _set_annotations(self, value):
        # As 3.14's func_set_annotations: a dict (None or `del` clear it), and __annotate__ goes.
        if value is not None and not isinstance(value, dict):
            raise TypeError("__annotations__ must be set to a dict object")
        self._annotations = value
        self.__annotate__ = None

    def _del_annotations(self):
        self._set_annotations(None)

    @property
    def __signature__(self):
        # inspect.signature() only understands host functions; it asks this first.  A wrapper
        # (functools.wraps) has none, so that inspect follows __wrapped__ as it would on 3.14.
        if "__wrapped__" in self.__dict__:
            raise AttributeError("__signature__")
        import inspect
        code = self.__code__
        names = code.co_localsplusnames
        Parameter = inspect.Parameter
        argcount, posonly, kwonly = code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount
        defaults = self.__defaults__ or ()
        kwdefaults = self.__kwdefaults__ or {}
        try:
            annotations = self.__annotations__
        except (NameError, AttributeError):
            annotations = {}
        empty = Parameter.empty
        params = []
        for i in range(argcount):
            kind = Parameter.POSITIONAL_ONLY if i < posonly else Parameter.POSITIONAL_OR_KEYWORD
            d = i - (argcount - len(defaults))
            params.append(Parameter(names[i], kind, default=defaults[d] if d >= 0 else empty,
                                    annotation=annotations.get(names[i], empty)))
        slot = argcount + kwonly
        if code.co_flags & CO_VARARGS:
            params.append(Parameter(names[slot], Parameter.VAR_POSITIONAL,
                                    annotation=annotations.get(names[slot], empty)))
            slot += 1
        for i in range(argcount, argcount + kwonly):
            params.append(Parameter(names[i], Parameter.KEYWORD_ONLY, default=kwdefaults.get(names[i], empty),
                                    annotation=annotations.get(names[i], empty)))
        if code.co_flags & CO_VARKEYWORDS:
            params.append(Parameter(names[slot], Parameter.VAR_KEYWORD,
                                    annotation=annotations.get(names[slot], empty)))
        return inspect.Signature(params, return_annotation=annotations.get("return", empty))

    __name__ = property(_get_name, _set_name)

    def __getattr__(self, name):
        # `__qualname__` cannot be a class-level property (type() claims that name), so it is
        # served here; assigning it stores it in the instance dict, which lookup finds first.
        if name == "__qualname__":
            return self._qualname
        raise AttributeError(f"'function' object has no attribute '{name}'", name=name, obj=self)
    __doc__ = property(_get_doc, _set_doc)
    __module__ = property(_get_module, _set_module)
    __annotations__ = property(_get_annotations, _set_annotations, _del_annotations)

    def __call__(self, *args, **kwargs):
        return self._vm.call_function(self, args, kwargs)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return types.MethodType(self, obj)

    def __repr__(self):
        return f"<function {self.__qualname__} at {_address(self)}>"

    # Like CPython's functions: copied as themselves, pickled by reference (module + qualname).
    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return self.__qualname__


class _GeneratorBase:
    # Shared machinery of generators, coroutines and async generators: one suspended VM frame,
    # resumed by `_resume(value, exc)`.  Subclasses name the kind for messages and reprs.
    __slots__ = ("_vm", "_frame", "_running", "_finished", "_exc_state", "_name", "_qualname",
                 "__weakref__")
    _kind = "generator"

    def __init__(self, vm, frame, func):
        self._vm = vm
        self._frame = frame
        self._running = False
        self._finished = False
        # This generator's own "currently handled exception" slot (CPython's gi_exc_state).
        self._exc_state = [None]
        self._name = func.__name__
        self._qualname = func.__qualname__

    @property
    def __name__(self):
        return self._name

    def __getattr__(self, name):
        if name == "__qualname__":  # see Function.__getattr__
            return self._qualname
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'", name=name, obj=self)

    def __repr__(self):
        return f"<{self._kind} object {self._qualname} at {_address(self)}>"

    def __reduce__(self):
        raise TypeError(f"cannot pickle '{type(self).__name__}' object")

    def _yieldfrom(self):
        """The sub-iterator this generator is delegating to (suspended in yield from/await)."""
        frame = self._frame
        if self._finished or not frame.started or not frame.in_yield_from:
            return None
        return frame.stack[-1]

    def _resume(self, value, exc=None):
        """Run until the next yield: ('yield', v) or ('return', v); raises what the frame raises."""
        if self._running:
            raise ValueError(f"{self._kind} already executing")
        if self._finished:
            # CPython's gen_send_ex2 on a completed frame: a throw re-raises, a coroutine
            # refuses, a generator just returns None again.
            if exc is not None:
                raise exc
            if self._kind == "coroutine":
                raise RuntimeError("cannot reuse already awaited coroutine")
            return "return", None
        frame = self._frame
        if not frame.started and value is not None and exc is None:
            raise TypeError(f"can't send non-None value to a just-started {self._kind}")
        self._running = True
        try:
            kind, result = self._vm.resume_generator(self, value, exc)
        except BaseException:
            self._finished = True
            raise
        finally:
            self._running = False
        if kind == "return":
            self._finished = True
        return kind, result

    def _send(self, value):
        kind, result = self._resume(value)
        if kind == "return":
            raise _stop_iteration(result)
        return result

    def _throw(self, typ, val=None, tb=None):
        exc = _normalize_throw(typ, val, tb)
        yf = self._yieldfrom()
        if yf is not None:
            # Delegate to the sub-iterator first (PEP 380); whatever it raises, StopIteration
            # included, is then raised in this frame at the suspended yield.
            self._running = True
            try:
                if isinstance(exc, GeneratorExit):
                    _close_iter(yf)
                elif isinstance(yf, _GeneratorBase):
                    return yf._throw(exc)
                else:
                    meth = getattr(yf, "throw", None)
                    if meth is not None:
                        return meth(exc)
            except BaseException as err:
                exc = err
            finally:
                self._running = False
        kind, result = self._resume(None, exc)
        if kind == "return":
            raise _stop_iteration(result)
        return result

    def __del__(self):
        # CPython's _PyGen_Finalize: a suspended generator dropped by the program is closed, so
        # its finally blocks run when the last reference goes (host refcounting gives the same
        # moment); a coroutine never started warns.  Only while the VM still runs the program.
        if self._finished or self._running or not self._vm.active:
            return
        if not self._frame.started:
            if self._kind == "coroutine":
                warnings._warn_unawaited_coroutine(self)  # "coroutine ... was never awaited"
            return
        try:
            self._close()
        except BaseException as exc:  # CPython reports these as unraisable and goes on
            self._vm.report_unraisable(exc, f"while closing generator {self!r}")

    def _close(self):
        frame = self._frame
        if self._finished:
            return None
        if not frame.started:
            self._finished = True
            return None
        exc = GeneratorExit()
        yf = self._yieldfrom()
        if yf is not None:
            self._running = True
            try:
                _close_iter(yf)
            except BaseException as err:
                exc = err
            finally:
                self._running = False
        try:
            kind, result = self._resume(None, exc)
        except (GeneratorExit, StopIteration):
            return None
        if kind == "return":
            return result
        raise RuntimeError(f"{self._kind} ignored GeneratorExit")


def _stop_iteration(value):
    return StopIteration() if value is None else StopIteration(value)


def _normalize_throw(typ, val, tb):
    if isinstance(typ, BaseException):
        if val is not None:
            raise TypeError("instance exception may not have a separate value")
        exc = typ
    elif isinstance(typ, type) and issubclass(typ, BaseException):
        if val is None:
            exc = typ()
        elif isinstance(val, typ):
            exc = val
        else:
            exc = typ(*val) if isinstance(val, tuple) else typ(val)
    else:
        raise TypeError("exceptions must be classes or instances deriving from BaseException, "
                        f"not {type(typ).__name__}")
    if tb is not None:
        exc = exc.with_traceback(tb)
    return exc


def _close_iter(yf):
    if isinstance(yf, _GeneratorBase):
        yf._close()
        return
    meth = getattr(yf, "close", None)
    if meth is not None:
        meth()


class Generator(_GeneratorBase):
    # A VM generator (CPython's PyGenObject): an iterator with send/throw/close.
    __slots__ = ()
    _kind = "generator"

    def __iter__(self):
        return self

    def __next__(self):
        return self._send(None)

    def send(self, value):
        return self._send(value)

    def throw(self, typ, val=None, tb=None):
        return self._throw(typ, val, tb)

    def close(self):
        return self._close()

    @property
    def gi_frame(self):
        return None if self._finished else self._frame

    @property
    def gi_running(self):
        return self._running

    @property
    def gi_suspended(self):
        return self._frame.started and not self._running and not self._finished

    @property
    def gi_code(self):
        return self._frame.code

    @property
    def gi_yieldfrom(self):
        return self._yieldfrom()


class Coroutine(_GeneratorBase):
    # A VM coroutine (CPython's PyCoroObject): awaitable, with send/throw/close.
    __slots__ = ("_awaited",)
    _kind = "coroutine"

    def __init__(self, vm, frame, func):
        super().__init__(vm, frame, func)
        self._awaited = False

    def send(self, value):
        return self._send(value)

    def throw(self, typ, val=None, tb=None):
        return self._throw(typ, val, tb)

    def close(self):
        return self._close()

    def __await__(self):
        return _CoroutineWrapper(self)

    # Coroutine origin tracking (sys.set_coroutine_origin_tracking_depth) is never on.
    cr_origin = None

    @property
    def cr_frame(self):
        return None if self._finished else self._frame

    @property
    def cr_running(self):
        return self._running

    @property
    def cr_code(self):
        return self._frame.code

    @property
    def cr_await(self):
        return self._yieldfrom()


class _CoroutineWrapper:
    # What `coro.__await__()` returns: an iterator driving the coroutine.
    __slots__ = ("_coro",)

    def __init__(self, coro):
        self._coro = coro

    def __iter__(self):
        return self

    def __next__(self):
        return self._coro._send(None)

    def send(self, value):
        return self._coro._send(value)

    def throw(self, typ, val=None, tb=None):
        return self._coro._throw(typ, val, tb)

    def close(self):
        return self._coro._close()


class AsyncGenWrappedValue:
    """A value yielded by `yield` in an async generator (INTRINSIC_ASYNC_GEN_WRAP), as opposed to
    a value an inner `await` passes up to the event loop."""
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class AsyncGenerator(_GeneratorBase):
    # A VM async generator (CPython's PyAsyncGenObject).
    __slots__ = ()
    _kind = "async generator"

    def __aiter__(self):
        return self

    def __anext__(self):
        return _AsyncGenStep(self, "send", None)

    def asend(self, value):
        return _AsyncGenStep(self, "send", value)

    def athrow(self, typ, val=None, tb=None):
        return _AsyncGenStep(self, "throw", (typ, val, tb))

    def aclose(self):
        return _AsyncGenStep(self, "close", None)

    @property
    def ag_frame(self):
        return None if self._finished else self._frame

    @property
    def ag_running(self):
        return self._running

    @property
    def ag_code(self):
        return self._frame.code

    @property
    def ag_await(self):
        return self._yieldfrom()


class _AsyncGenStep:
    # The awaitable returned by __anext__/asend/athrow/aclose: each send() resumes the async
    # generator; a wrapped yield ends the step (StopIteration(value)), an unwrapped one is an
    # inner await's value and goes up to whoever drives us.
    __slots__ = ("_agen", "_mode", "_arg", "_state")

    def __init__(self, agen, mode, arg):
        self._agen = agen
        self._mode = mode
        self._arg = arg
        self._state = "init"

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def _finish(self, kind, result):
        if kind == "return":
            self._state = "done"
            if self._mode == "close":
                raise StopIteration()
            raise StopAsyncIteration()
        if isinstance(result, AsyncGenWrappedValue):
            self._state = "done"
            if self._mode == "close":
                raise RuntimeError("async generator ignored GeneratorExit")
            raise _stop_iteration(result.value)
        return result

    def send(self, value):
        agen = self._agen
        if self._state == "done":
            raise RuntimeError("cannot reuse already awaited __anext__()/asend()")
        try:
            if self._state == "init":
                self._state = "running"
                if self._mode == "send":
                    if agen._finished:
                        raise StopAsyncIteration()
                    kind, result = agen._resume(self._arg if value is None else value)
                elif self._mode == "throw":
                    if agen._finished:
                        raise _normalize_throw(*self._arg)
                    exc = _normalize_throw(*self._arg)
                    kind, result = agen._resume(None, exc)
                else:
                    if agen._finished or not agen._frame.started:
                        agen._finished = True
                        self._state = "done"
                        raise StopIteration()
                    kind, result = agen._resume(None, GeneratorExit())
            else:
                kind, result = agen._resume(value)
        except (StopAsyncIteration, GeneratorExit):
            self._state = "done"
            if self._mode == "close":
                raise StopIteration()
            raise
        return self._finish(kind, result)

    def throw(self, typ, val=None, tb=None):
        exc = _normalize_throw(typ, val, tb)
        try:
            kind, result = self._agen._resume(None, exc)
        except (StopAsyncIteration, GeneratorExit):
            self._state = "done"
            if self._mode == "close":
                raise StopIteration()
            raise
        return self._finish(kind, result)

    def close(self):
        self._state = "done"


try:  # 3.14's template strings; the host has them from 3.14 on.
    from string.templatelib import Interpolation, Template  # type: ignore[import-not-found]
    TEMPLATELIB = None
except ImportError:
    class Interpolation:
        """`string.templatelib.Interpolation` for hosts before 3.14: one `{value!conv:spec}`."""
        __slots__ = ("value", "expression", "conversion", "format_spec")
        __match_args__ = ("value", "expression", "conversion", "format_spec")

        def __init__(self, value, expression="", conversion=None, format_spec=""):
            self.value = value
            self.expression = expression
            self.conversion = conversion
            self.format_spec = format_spec

        def __repr__(self):
            return (f"Interpolation({self.value!r}, {self.expression!r}, {self.conversion!r}, "
                    f"{self.format_spec!r})")

    class Template:
        """`string.templatelib.Template` for hosts before 3.14: alternating strings and
        interpolations, always starting and ending with a (possibly empty) string."""
        __slots__ = ("strings", "interpolations")

        def __init__(self, *args):
            strings, interps = [""], []
            for arg in args:
                if isinstance(arg, str):
                    strings[-1] += arg
                elif isinstance(arg, Interpolation):
                    interps.append(arg)
                    strings.append("")
                else:
                    raise TypeError(f"Template.__new__ *args need to be of type 'str' or "
                                    f"'Interpolation', got {type(arg).__name__}")
            self.strings = tuple(strings)
            self.interpolations = tuple(interps)

        @property
        def values(self):
            return tuple(i.value for i in self.interpolations)

        def __iter__(self):
            for s, i in zip(self.strings, self.interpolations + (None,)):
                if s:
                    yield s
                if i is not None:
                    yield i

        def __add__(self, other):
            if isinstance(other, Template):
                return Template(*self, *other)
            raise TypeError('can only concatenate string.templatelib.Template (not '
                            f'"{type(other).__name__}") to string.templatelib.Template')

        def __repr__(self):
            return f"Template(strings={self.strings!r}, interpolations={self.interpolations!r})"

    def convert(obj, /, conversion):
        """`string.templatelib.convert`: apply an interpolation's conversion ('a', 'r', 's')."""
        if conversion is None:
            return obj
        if conversion == "r":
            return repr(obj)
        if conversion == "s":
            return str(obj)
        if conversion == "a":
            return ascii(obj)
        raise ValueError(f"invalid conversion specifier: {conversion!r}")

    # What `import string.templatelib` gives VM programs on such a host (see run_code).
    TEMPLATELIB = types.ModuleType("string.templatelib", "Support for template string literals.")
    for _obj in (Template, Interpolation, convert):
        _obj.__module__ = "string.templatelib"
        setattr(TEMPLATELIB, _obj.__name__, _obj)
    TEMPLATELIB.__all__ = ["Interpolation", "Template", "convert"]


def _as_builtin_type(cls, name: str) -> None:
    # Programs (and host error messages) see CPython's names for these types.  (Function keeps
    # its class-level `__module__` property: a function's module is per instance.)
    cls.__name__ = cls.__qualname__ = name
    if cls is not Function:
        cls.__module__ = "builtins"


for _cls, _name in ((Function, "function"), (Generator, "generator"), (Coroutine, "coroutine"),
                    (AsyncGenerator, "async_generator"), (_CoroutineWrapper, "coroutine_wrapper"),
                    (_AsyncGenStep, "async_generator_asend")):
    _as_builtin_type(_cls, _name)
