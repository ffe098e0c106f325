"""What the VM raises, and how: CPython 3.14's exact error messages, argument binding
(`initialize_locals` in ceval.c), unpacking, awaitables, `except*` exception-group surgery, and the
VM-level traceback each exception carries.

Every function here raises user-level exceptions from outside any host `except` block, so the host
never chains one of its own exceptions as `__context__`.
"""
from __future__ import annotations

import dataclasses
import sys
import types

from pipeline.codeobject import CO_FAST_FREE
from pipeline.vm.objects import (
    CO_ASYNC_GENERATOR, CO_COROUTINE, CO_ITERABLE_COROUTINE, CO_VARARGS, CO_VARKEYWORDS, NULL,
    Coroutine, Generator,
)


class VMError(BaseException):
    """A bug or a gap in the VM itself (never a user-level exception): bypasses the program's
    exception handlers and ends the run."""


# ------------------------------------------------------------------------------ tracebacks

_TB_ATTR = "__bytelens_traceback__"
NO_TRACEBACK = object()
"""`traceback_of` for an exception the VM has never seen raised."""


@dataclasses.dataclass(frozen=True, slots=True)
class TracebackEntry:
    """One frame of a VM traceback (CPython's traceback object): outermost first, like
    `tb_next` chains.  Entries are immutable and share tails, so split exception groups keep
    their original traceback as CPython's do."""
    frame: object
    lasti: int
    next: TracebackEntry | None

    @property
    def lineno(self):
        return self.frame.d.lines[self.lasti]

    def positions(self):
        return self.frame.d.positions[self.lasti]

    # The entry rides in the exception's __dict__: copying an exception shares it, pickling one
    # drops it (frames are not picklable; a traceback is not pickled by CPython either).
    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (_dropped_traceback, ())


def _dropped_traceback():
    return None


def traceback_of(exc: BaseException):
    """The VM traceback of `exc` (a TracebackEntry or None), or NO_TRACEBACK if never raised."""
    return exc.__dict__.get(_TB_ATTR, NO_TRACEBACK)


def set_traceback(exc: BaseException, tb: TracebackEntry | None) -> None:
    exc.__dict__[_TB_ATTR] = tb


def entries(exc: BaseException) -> list[TracebackEntry]:
    tb = traceback_of(exc)
    out = []
    while isinstance(tb, TracebackEntry):
        out.append(tb)
        tb = tb.next
    return out


# ------------------------------------------------------------------------ names and locals

def name_error(name: str) -> NameError:
    return NameError(f"name '{name}' is not defined", name=name)


def unbound_local(name: str) -> UnboundLocalError:
    return UnboundLocalError(f"cannot access local variable '{name}' where it is not associated with a value")


def unbound_deref(frame, slot: int) -> NameError:
    """`_PyEval_FormatExcUnbound`: a cell of this frame is unbound local, a free one NameError."""
    name = frame.code.co_localsplusnames[slot]
    if not frame.code.co_localspluskinds[slot] & CO_FAST_FREE:
        return unbound_local(name)
    return NameError(f"cannot access free variable '{name}' where it is not associated with a "
                     "value in enclosing scope", name=name)


# ------------------------------------------------------------------------ argument binding

def _format_missing(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return ", ".join(names[:-3] + [f"{names[-3]}, {names[-2]}, and {names[-1]}"])


def _missing(func, code, fast, start, end, kind) -> TypeError:
    names = [repr(code.co_localsplusnames[i]) for i in range(start, end) if fast[i] is NULL]
    s = "" if len(names) == 1 else "s"
    return TypeError(f"{func.__qualname__}() missing {len(names)} required {kind} argument{s}: "
                     f"{_format_missing(names)}")


def _too_many_positional(func, code, fast, given) -> TypeError:
    argcount = code.co_argcount
    kwonly_given = sum(1 for i in range(argcount, argcount + code.co_kwonlyargcount) if fast[i] is not NULL)
    defcount = len(func.__defaults__) if func.__defaults__ else 0
    if defcount:
        plural = True
        sig = f"from {argcount - defcount} to {argcount}"
    else:
        plural = argcount != 1
        sig = str(argcount)
    kwonly_sig = ""
    if kwonly_given:
        kwonly_sig = (f" positional argument{'s' if given != 1 else ''} (and {kwonly_given} "
                      f"keyword-only argument{'s' if kwonly_given != 1 else ''})")
    verb = "was" if given == 1 and not kwonly_given else "were"
    return TypeError(f"{func.__qualname__}() takes {sig} positional argument{'s' if plural else ''} "
                     f"but {given}{kwonly_sig} {verb} given")


def bind_arguments(func, code, fast: list, args, kwargs) -> None:
    """Fill `fast` from a call's arguments, raising CPython's TypeErrors in CPython's order."""
    argcount = code.co_argcount
    flags = code.co_flags
    if (not kwargs and len(args) == argcount and not code.co_kwonlyargcount
            and not flags & (CO_VARARGS | CO_VARKEYWORDS)):
        fast[:argcount] = args  # the common call: exactly the positional parameters
        return
    posonly = code.co_posonlyargcount
    total = argcount + code.co_kwonlyargcount
    slot = total
    varargs_slot = varkw_slot = -1
    if flags & CO_VARARGS:
        varargs_slot = slot
        slot += 1
    if flags & CO_VARKEYWORDS:
        varkw_slot = slot
    nargs = len(args)
    n = min(nargs, argcount)
    fast[:n] = args[:n]
    kwdict = {} if varkw_slot >= 0 else None
    if varkw_slot >= 0:
        fast[varkw_slot] = kwdict
    if varargs_slot >= 0:
        fast[varargs_slot] = tuple(args[n:])
    if kwargs:
        names = code.co_localsplusnames
        for keyword, value in kwargs.items():
            if not isinstance(keyword, str):
                raise TypeError(f"{func.__qualname__}() keywords must be strings")
            try:
                j = names.index(keyword, posonly, total)
            except ValueError:
                j = -1
            if j < 0:
                if kwdict is None:
                    raise _unexpected_keyword(func, code, kwargs, keyword)
                kwdict[keyword] = value
                continue
            if fast[j] is not NULL:
                raise TypeError(f"{func.__qualname__}() got multiple values for argument '{keyword}'")
            fast[j] = value
    if nargs > argcount and varargs_slot < 0:
        raise _too_many_positional(func, code, fast, nargs)
    if nargs < argcount:
        defaults = func.__defaults__ or ()
        m = argcount - len(defaults)
        if any(fast[i] is NULL for i in range(nargs, m)):
            raise _missing(func, code, fast, 0, m, "positional")
        for i in range(max(nargs - m, 0), len(defaults)):
            if fast[m + i] is NULL:
                fast[m + i] = defaults[i]
    if code.co_kwonlyargcount:
        kwdefaults = func.__kwdefaults__ or {}
        for i in range(argcount, total):
            if fast[i] is NULL:
                default = kwdefaults.get(code.co_localsplusnames[i], NULL)
                fast[i] = default
        if any(fast[i] is NULL for i in range(argcount, total)):
            raise _missing(func, code, fast, argcount, total, "keyword-only")


def _unexpected_keyword(func, code, kwargs, keyword) -> TypeError:
    names = code.co_localsplusnames
    if code.co_posonlyargcount:
        posonly = [name for name in names[:code.co_posonlyargcount] if name in kwargs]
        if posonly:
            return TypeError(f"{func.__qualname__}() got some positional-only arguments passed as "
                             f"keyword arguments: '{', '.join(posonly)}'")
    total = code.co_argcount + code.co_kwonlyargcount
    candidates = list(names[code.co_posonlyargcount:total])
    suggestion = suggest(candidates, keyword) if candidates else None
    if suggestion:
        return TypeError(f"{func.__qualname__}() got an unexpected keyword argument '{keyword}'. "
                         f"Did you mean '{suggestion}'?")
    return TypeError(f"{func.__qualname__}() got an unexpected keyword argument '{keyword}'")


def function_str(func) -> str:
    """`_PyObject_FunctionStr`: how call errors name a callable (`mod.qualname()`)."""
    qualname = getattr(func, "__qualname__", None)
    if qualname is None:
        return str(func)
    module = getattr(func, "__module__", None)
    if module is not None and module != "builtins":
        return f"{module}.{qualname}()"
    return f"{qualname}()"


def is_iterable(obj) -> bool:
    """Whether iter(obj) can work at all (`tp_iter` or the sequence protocol)."""
    return hasattr(type(obj), "__iter__") or hasattr(type(obj), "__getitem__")


def dict_merge(target: dict, update, func) -> None:
    """DICT_MERGE: `**update` into a call's keyword dict (`_PyDict_MergeEx` + its messages)."""
    keys_method = getattr(update, "keys", None)
    if keys_method is None:
        raise TypeError(f"{function_str(func)} argument after ** must be a mapping, not "
                        f"{type(update).__name__}")
    for key in (update if type(update) is dict else keys_method()):
        if key in target:
            if not isinstance(key, str):
                raise TypeError(f"{function_str(func)} keywords must be strings")
            raise TypeError(f"{function_str(func)} got multiple values for keyword argument '{key}'")
        target[key] = update[key]


# ------------------------------------------------------------------------------ unpacking

def unpack(seq, before: int, after: int) -> list:
    """`_PyEval_UnpackIterableStackRef`: `before` items, then (if after >= 0) a list of the
    rest minus `after` trailing items, then those.  Returns the items in source order."""
    if not is_iterable(seq):
        raise TypeError(f"cannot unpack non-iterable {type(seq).__name__} object")
    it = iter(seq)
    out = []
    for i in range(before):
        item = next(it, NULL)
        if item is NULL:
            if after < 0:
                raise ValueError(f"not enough values to unpack (expected {before}, got {i})")
            raise ValueError(f"not enough values to unpack (expected at least {before + after}, got {i})")
        out.append(item)
    if after < 0:
        if next(it, NULL) is not NULL:
            if type(seq) in (list, tuple, dict):
                raise ValueError(f"too many values to unpack (expected {before}, got {len(seq)})")
            raise ValueError(f"too many values to unpack (expected {before})")
        return out
    rest = list(it)
    if len(rest) < after:
        raise ValueError(f"not enough values to unpack (expected at least {before + after}, "
                         f"got {before + len(rest)})")
    if after:
        out.append(rest[:len(rest) - after])
        out.extend(rest[len(rest) - after:])
    else:
        out.append(rest)
    return out


# ------------------------------------------------------------------------------ raising

# Builtin number types' ZeroDivisionError messages before 3.14, and what 3.14 says instead.
_ZERO_DIVISION_MESSAGES = dict.fromkeys(
    ("integer division or modulo by zero", "integer modulo by zero", "float division by zero",
     "float floor division by zero", "float modulo", "float divmod()", "complex division by zero"),
    "division by zero")
_ZERO_DIVISION_MESSAGES["0.0 cannot be raised to a negative power"] = "zero to a negative power"


def unhashable(exc: BaseException, container) -> BaseException:
    """3.14's wording when a dict key or set element is unhashable (an older host says only
    "unhashable type: 'list'"); other exceptions are returned as they are."""
    message = exc.args[0] if type(exc) is TypeError and len(exc.args) == 1 else None
    if not (isinstance(message, str) and message.startswith("unhashable type: '")):
        return exc
    if isinstance(container, dict):
        role = "a dict key"
    elif isinstance(container, (set, frozenset)):
        role = "a set element"
    else:
        return exc
    return TypeError(f"cannot use {message[len('unhashable type: '):]} as {role} ({message})")


def keyed(container, operation, *args):
    """`operation(*args)` on a dict or set `container`, with 3.14's unhashable-key wording."""
    try:
        return operation(*args)
    except TypeError as exc:
        error = unhashable(exc, container)
    raise error


def no_dict_for_attribute(exc: BaseException, owner) -> BaseException:
    """3.14's wording for assigning a new attribute to an object without `__dict__`."""
    if (type(exc) is AttributeError and len(exc.args) == 1 and isinstance(exc.args[0], str)
            and exc.args[0].endswith("'") and " object has no attribute '" in exc.args[0]
            and not hasattr(owner, "__dict__")):
        return AttributeError(exc.args[0] + " and no __dict__ for setting new attributes",
                              name=exc.name, obj=exc.obj)
    return exc


def modern_type_error(exc: BaseException, func) -> BaseException:
    """3.14's wording for TypeErrors an older host words differently when calling `func`:
    unhashable keys of dict/set methods and constructors, abstract classes, MRO conflicts."""
    if type(exc) is not TypeError or len(exc.args) != 1 or not isinstance(exc.args[0], str):
        return exc
    message = exc.args[0]
    if message.startswith("Can't instantiate abstract class ") and isinstance(func, type):
        names = sorted(getattr(func, "__abstractmethods__", ()))
        if names:
            plural = "s" if len(names) > 1 else ""
            return TypeError(f"Can't instantiate abstract class {func.__name__} without an "
                             f"implementation for abstract method{plural} "
                             f"{', '.join(map(repr, names))}")
    if message.startswith("Cannot create a consistent method resolution\n"):
        return TypeError(message.replace("\n", " ", 1))
    return unhashable(exc, _keyed_container(func))


def _keyed_container(func):
    """The dict or set a host callable stores keys in (a bound method or a constructor)."""
    if type(func) in (types.BuiltinMethodType, types.MethodWrapperType):
        return func.__self__
    if func is dict:
        return {}
    if func is set or func is frozenset:
        return set()
    return None


def modern_zero_division(exc: ZeroDivisionError) -> ZeroDivisionError:
    """A builtin type's ZeroDivisionError worded as 3.14 words it (an older host words it
    per type); any other ZeroDivisionError is returned as it is."""
    if type(exc) is ZeroDivisionError and len(exc.args) == 1:
        message = _ZERO_DIVISION_MESSAGES.get(exc.args[0])
        if message is not None:
            return ZeroDivisionError(message)
    return exc


# 3.14's math domain errors name the expected input ("math domain error" on older hosts).
_MATH_DOMAIN = {
    "sqrt": "expected a nonnegative input",
    "log": "expected a positive input", "log10": "expected a positive input",
    "log2": "expected a positive input",
    "log1p": "expected argument value > -1",
    "acos": "expected a number in range from -1 up to 1",
    "asin": "expected a number in range from -1 up to 1",
    "acosh": "expected argument value not less than 1",
    "atanh": "expected a number between -1 and 1",
    "gamma": "expected a noninteger or positive integer",
    "lgamma": "expected a noninteger or positive integer",
    "cos": "expected a finite input", "sin": "expected a finite input", "tan": "expected a finite input",
}
# Sequence searches whose 3.14 message names the method ("3 is not in list" on older hosts).
_NOT_IN = {"list.index": "list", "deque.index": "deque", "deque.remove": "deque", "range.index": "range"}


def modern_value_error(exc: BaseException, func, args) -> BaseException:
    """A host builtin's ValueError (or math.log's ZeroDivisionError) worded as 3.14 words it;
    any other exception is returned as it is."""
    qualname = getattr(func, "__qualname__", None)
    if type(exc) is ZeroDivisionError:
        return modern_zero_division(exc) if getattr(func, "__module__", None) == "math" else exc
    if type(exc) is not ValueError or len(exc.args) != 1 or not isinstance(exc.args[0], str):
        return exc
    if qualname in _NOT_IN and exc.args[0].endswith(f" is not in {_NOT_IN[qualname]}"):
        return ValueError(f"{qualname}(x): x not in {_NOT_IN[qualname]}")
    if exc.args[0] == "math domain error" and getattr(func, "__module__", None) == "math" \
            and qualname in _MATH_DOMAIN and args:
        message = _MATH_DOMAIN[qualname]
        if qualname.startswith("log") and qualname != "log1p":
            # The offending argument: an int is reported without its value, a float with it.
            bad = next((a for a in args if isinstance(a, (int, float)) and not a > 0), None)
            if bad is None or isinstance(bad, int):
                return ValueError(message)
            return ValueError(f"{message}, got {float(bad)!r}")
        try:
            return ValueError(f"{message}, got {float(args[0])!r}")
        except (TypeError, ValueError, OverflowError):
            return exc
    return exc


def exception_instance(value, message: str) -> BaseException:
    """`do_raise`'s normalization: a class is instantiated; anything else must be an instance."""
    if isinstance(value, type) and issubclass(value, BaseException):
        instance = value()
        if not isinstance(instance, BaseException):
            raise TypeError(f"calling {value!r} should have returned an instance of BaseException, "
                            f"not {type(instance).__name__}")
        return instance
    if isinstance(value, BaseException):
        return value
    raise TypeError(message)


def stopiteration_error(co_flags: int, exc: BaseException) -> BaseException:
    """INTRINSIC_STOPITERATION_ERROR: StopIteration leaking out of a generator body."""
    msg = None
    if isinstance(exc, StopIteration):
        msg = "generator raised StopIteration"
        if co_flags & CO_ASYNC_GENERATOR:
            msg = "async generator raised StopIteration"
        elif co_flags & CO_COROUTINE:
            msg = "coroutine raised StopIteration"
    elif co_flags & CO_ASYNC_GENERATOR and isinstance(exc, StopAsyncIteration):
        msg = "async generator raised StopAsyncIteration"
    if msg is None:
        return exc
    error = RuntimeError(msg)
    error.__cause__ = exc
    error.__context__ = exc
    return error


_EXCEPT_TYPE_ERROR = "catching classes that do not inherit from BaseException is not allowed"


def _valid_except_type(t) -> bool:
    return isinstance(t, type) and issubclass(t, BaseException)


def check_except_type(match_type) -> None:
    if isinstance(match_type, tuple):
        if not all(_valid_except_type(t) for t in match_type):
            raise TypeError(_EXCEPT_TYPE_ERROR)
    elif not _valid_except_type(match_type):
        raise TypeError(_EXCEPT_TYPE_ERROR)


def check_except_star_type(match_type) -> None:
    check_except_type(match_type)
    types_ = match_type if isinstance(match_type, tuple) else (match_type,)
    if any(issubclass(t, BaseExceptionGroup) for t in types_):
        raise TypeError("catching ExceptionGroup with except* is not allowed. Use except instead.")


def _copy_metadata(src: BaseException, dst: BaseException) -> None:
    dst.__cause__ = src.__cause__
    dst.__context__ = src.__context__
    dst.__suppress_context__ = src.__suppress_context__
    dst.__traceback__ = src.__traceback__
    tb = traceback_of(src)
    if tb is not NO_TRACEBACK:
        set_traceback(dst, tb)
    if hasattr(src, "__notes__"):
        dst.__notes__ = list(src.__notes__)


def split_group(eg: BaseException, predicate):
    """`BaseExceptionGroup.split` by a leaf predicate, keeping VM tracebacks on derived groups."""
    if predicate(eg):
        return eg, None
    if not isinstance(eg, BaseExceptionGroup):
        return None, eg
    matched, rest = [], []
    for exc in eg.exceptions:
        m, r = split_group(exc, predicate)
        if m is not None:
            matched.append(m)
        if r is not None:
            rest.append(r)
    match_eg = rest_eg = None
    if matched:
        match_eg = eg.derive(matched)
        _copy_metadata(eg, match_eg)
    if rest:
        rest_eg = eg.derive(rest)
        _copy_metadata(eg, rest_eg)
    return match_eg, rest_eg


def exception_group_match(frame, exc, match_type):
    """`_PyEval_ExceptionGroupMatch`: (match, rest) of `exc` against an `except*` clause."""
    if exc is None:
        return None, None
    if isinstance(exc, match_type):
        if isinstance(exc, BaseExceptionGroup):
            return exc, None
        wrapped = BaseExceptionGroup("", (exc,))
        set_traceback(wrapped, TracebackEntry(frame, frame.lasti, None))
        return wrapped, None
    if isinstance(exc, BaseExceptionGroup):
        return split_group(exc, lambda e: isinstance(e, match_type))
    return None, exc


def _leaf_ids(exc, out: set) -> set:
    if isinstance(exc, BaseExceptionGroup):
        for e in exc.exceptions:
            _leaf_ids(e, out)
    else:
        out.add(id(exc))
    return out


def _same_metadata(a: BaseException, b: BaseException) -> bool:
    return (getattr(a, "__notes__", None) is getattr(b, "__notes__", None)
            and traceback_of(a) is traceback_of(b)
            and a.__cause__ is b.__cause__ and a.__context__ is b.__context__)


def prep_reraise_star(orig, excs: list):
    """`_PyExc_PrepReraiseStar`: what an `except*` block re-raises once all clauses ran."""
    if not excs:
        return None
    if not isinstance(orig, BaseExceptionGroup):
        return excs[0]
    raised, reraised = [], []
    for e in excs:
        if e is None:
            continue
        (reraised if _same_metadata(e, orig) else raised).append(e)
    keep = set()
    for e in reraised:
        _leaf_ids(e, keep)
    reraised_eg = split_group(orig, lambda e: not isinstance(e, BaseExceptionGroup) and id(e) in keep)[0] if keep else None
    if not raised:
        return reraised_eg
    if reraised_eg is not None:
        raised.append(reraised_eg)
    if len(raised) == 1:
        return raised[0]
    return BaseExceptionGroup("", raised)


# ------------------------------------------------------------------------------ async

def _awaitable_iter(obj):
    """`_PyCoro_GetAwaitableIter`, or None when `obj` has no `__await__`."""
    if type(obj) is Coroutine:
        return obj
    if type(obj) is Generator and obj._frame.code.co_flags & CO_ITERABLE_COROUTINE:
        return obj
    getter = getattr(type(obj), "__await__", None)
    if getter is None:
        return None
    res = getter(obj)
    if type(res) is Coroutine or type(res).__name__ == "coroutine":
        raise TypeError("__await__() returned a coroutine")
    if not hasattr(type(res), "__next__"):
        raise TypeError(f"__await__() returned non-iterator of type '{type(res).__name__}'")
    return res


def get_awaitable(obj, oparg: int):
    """GET_AWAITABLE: oparg 1/2 say the object came from __aenter__/__aexit__."""
    it = _awaitable_iter(obj)
    if it is None:
        name = type(obj).__name__
        if oparg == 1:
            raise TypeError(f"'async with' received an object from __aenter__ that does not implement __await__: {name}")
        if oparg == 2:
            raise TypeError(f"'async with' received an object from __aexit__ that does not implement __await__: {name}")
        raise TypeError(f"'{name}' object can't be awaited")
    if type(it) is Coroutine and it._yieldfrom() is not None:
        raise RuntimeError("coroutine is being awaited already")
    return it


def get_aiter(obj):
    getter = getattr(type(obj), "__aiter__", None)
    if getter is None:
        raise TypeError(f"'async for' requires an object with __aiter__ method, got {type(obj).__name__}")
    it = getter(obj)
    if getattr(type(it), "__anext__", None) is None:
        raise TypeError("'async for' received an object from __aiter__ that does not implement "
                        f"__anext__: {type(it).__name__}")
    return it


def get_anext(aiter):
    getter = getattr(type(aiter), "__anext__", None)
    if getter is None:
        raise TypeError(f"'async for' requires an iterator with __anext__ method, got {type(aiter).__name__}")
    awaitable = getter(aiter)
    it = _awaitable_iter(awaitable)
    if it is None:
        raise TypeError(f"'async for' received an invalid object from __anext__: {type(awaitable).__name__}")
    return it


_SPECIAL_ERRORS = (
    ("context manager", "__enter__", ("__aenter__", "__aexit__"), "async with"),
    ("context manager", "__exit__", ("__aenter__", "__aexit__"), "async with"),
    ("asynchronous context manager", "__aenter__", ("__enter__", "__exit__"), "with"),
    ("asynchronous context manager", "__aexit__", ("__enter__", "__exit__"), "with"),
)


def special_method_missing(owner, oparg: int) -> TypeError:
    protocol, name, other, statement = _SPECIAL_ERRORS[oparg]
    msg = f"'{type(owner).__name__}' object does not support the {protocol} protocol (missed {name} method)"
    if all(hasattr(type(owner), m) for m in other):
        other_protocol = "context manager" if statement == "with" else "asynchronous context manager"
        msg += f" but it supports the {other_protocol} protocol. Did you mean to use '{statement}'?"
    return TypeError(msg)


# ------------------------------------------------------------------------------ imports

def import_from(module, name: str):
    """IMPORT_FROM (`_PyEval_ImportFrom`): an attribute, else a submodule already imported."""
    value = getattr(module, name, NULL)
    if value is not NULL:
        return value
    pkgname = getattr(module, "__name__", None)
    if isinstance(pkgname, str):
        sub = sys.modules.get(f"{pkgname}.{name}")
        if sub is not None:
            return sub
    else:
        pkgname = "<unknown module name>"
    path = getattr(module, "__file__", None)
    where = f" ({path})" if isinstance(path, str) else " (unknown location)"
    raise ImportError(f"cannot import name '{name}' from '{pkgname}'{where}", name=pkgname, path=path)


def import_star(module, namespace) -> None:
    names = getattr(module, "__all__", NULL)
    if names is NULL:
        names = [n for n in module.__dict__ if not n.startswith("_")]
        skip_check = True
    else:
        skip_check = False
    for name in names:
        if not skip_check and not isinstance(name, str):
            raise TypeError(f"Item in {module.__name__}.__all__ must be str, not {type(name).__name__}")
        namespace[name] = getattr(module, name)


# --------------------------------------------------------------------------- matching

def match_keys(subject, keys):
    """MATCH_KEYS: a tuple of the values, or None if a key is missing."""
    if not keys:
        return ()
    seen = []
    values = []
    dummy = object()
    get = subject.get
    for key in keys:
        if key in seen:
            raise ValueError(f"mapping pattern checks duplicate key ({key!r})")
        seen.append(key)
        value = get(key, dummy)
        if value is dummy:
            return None
        values.append(value)
    return tuple(values)


def match_class(subject, cls, nargs: int, kw_names: tuple, match_self_types: tuple):
    """MATCH_CLASS (`_PyEval_MatchClass`): a tuple of attributes, or None for no match."""
    if not isinstance(cls, type):
        raise TypeError("called match pattern must be a class")
    if not isinstance(subject, cls):
        return None
    seen = set()
    attrs = []
    missing = object()

    def attr(name):
        if name in seen:
            raise TypeError(f"{cls.__name__}() got multiple sub-patterns for attribute {name!r}")
        seen.add(name)
        return getattr(subject, name, missing)

    if nargs:
        match_args = getattr(cls, "__match_args__", missing)
        match_self = False
        if match_args is missing:
            match_self = issubclass(cls, match_self_types)
            match_args = ()
        elif type(match_args) is not tuple:
            raise TypeError(f"{cls.__name__}.__match_args__ must be a tuple (got {type(match_args).__name__})")
        allowed = 1 if match_self else len(match_args)
        if allowed < nargs:
            plural = "" if allowed == 1 else "s"
            raise TypeError(f"{cls.__name__}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)")
        if match_self:
            attrs.append(subject)
        else:
            for name in match_args[:nargs]:
                if type(name) is not str:
                    raise TypeError(f"__match_args__ elements must be strings (got {type(name).__name__})")
                value = attr(name)
                if value is missing:
                    return None
                attrs.append(value)
    for name in kw_names:
        value = attr(name)
        if value is missing:
            return None
        attrs.append(value)
    return tuple(attrs)


# ---------------------------------------------------------------------------- suggestions

_MAX_CANDIDATE_ITEMS = 750
_MAX_STRING_SIZE = 40
_MOVE_COST = 2
_CASE_COST = 1


def _substitution_cost(a: str, b: str) -> int:
    if a == b:
        return 0
    if a.lower() == b.lower():
        return _CASE_COST
    return _MOVE_COST


def levenshtein(a: str, b: str, max_cost: int) -> int:
    """`Python/suggestions.c:levenshtein_distance` (case changes cost half a move)."""
    if a == b:
        return 0
    pre = 0
    while pre < len(a) and pre < len(b) and a[pre] == b[pre]:
        pre += 1
    a, b = a[pre:], b[pre:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if not a or not b:
        return _MOVE_COST * (len(a) + len(b))
    if len(a) > _MAX_STRING_SIZE or len(b) > _MAX_STRING_SIZE:
        return max_cost + 1
    if len(b) < len(a):
        a, b = b, a
    if (len(b) - len(a)) * _MOVE_COST > max_cost:
        return max_cost + 1
    row = list(range(_MOVE_COST, _MOVE_COST * (len(a) + 1), _MOVE_COST))
    result = 0
    for bindex, bchar in enumerate(b):
        distance = result = bindex * _MOVE_COST
        minimum = sys.maxsize
        for index, achar in enumerate(a):
            substitute = distance + _substitution_cost(bchar, achar)
            distance = row[index]
            result = min(min(result, distance) + _MOVE_COST, substitute)
            row[index] = result
            if result < minimum:
                minimum = result
        if minimum > max_cost:
            return max_cost + 1
    return result


def suggest(candidates: list[str], wrong: str) -> str | None:
    """`_Py_CalculateSuggestions` (Python/suggestions.c, which 3.14's traceback uses): the
    closest candidate within a third of the characters involved."""
    if len(candidates) >= _MAX_CANDIDATE_ITEMS or len(wrong) > _MAX_STRING_SIZE:
        return None
    best_distance = sys.maxsize  # the C version starts unbounded (traceback.py's fallback does not)
    suggestion = None
    for name in candidates:
        if name == wrong:
            continue
        max_distance = (len(name) + len(wrong) + 3) * _MOVE_COST // 6
        max_distance = min(max_distance, best_distance - 1)
        distance = levenshtein(wrong, name, max_distance)
        if distance > max_distance:
            continue
        if not suggestion or distance < best_distance:
            suggestion = name
            best_distance = distance
    return suggestion
