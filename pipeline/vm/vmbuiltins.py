"""The VM's builtins module: host builtins plus the ones that must know about VM frames —
`__build_class__` (class bodies run in the VM, classes are made by the host metaclass), zero
-argument `super()`, `globals()`, `locals()`, `vars()`, `dir()` — the ones that would compile on
the host (`exec`, `eval`, `compile` go through the Bytelens parser and compiler), and the ones whose 3.14
behaviour differs from an older host's (`sum`'s compensated float summation, 3.12+; `divmod` and
`pow`'s ZeroDivisionError wording, `min`/`max`'s empty-iterable wording, 3.14).
"""
from __future__ import annotations

import builtins as host_builtins
import math
import types

from pipeline.vm.errors import modern_type_error, modern_zero_division
from pipeline.vm.frame import Frame
from pipeline.vm.objects import NULL, Function

_MISSING = object()


def calculate_metaclass(meta: type, bases: tuple) -> type:
    """`_PyType_CalculateMetaclass`: the most derived metaclass of `meta` and the bases'."""
    winner = meta
    for base in bases:
        tmp = type(base)
        if issubclass(winner, tmp):
            continue
        if issubclass(tmp, winner):
            winner = tmp
            continue
        raise TypeError("metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases")
    return winner


def build_class(vm, func, name, /, *bases, **kwds):
    """`builtins.__build_class__`: run the class body `func` in a fresh namespace, then call
    the metaclass; fills the `__class__` cell the body returns."""
    if not isinstance(func, Function):
        raise TypeError("__build_class__: func must be a function")
    if not isinstance(name, str):
        raise TypeError("__build_class__: name is not a string")
    orig_bases = bases
    bases = types.resolve_bases(bases)
    meta = kwds.pop("metaclass", _MISSING)
    if meta is _MISSING:
        meta = type(bases[0]) if bases else type
        is_class = True
    else:
        is_class = isinstance(meta, type)
    if is_class:
        meta = calculate_metaclass(meta, bases)
    prepare = getattr(meta, "__prepare__", None)
    ns = prepare(name, bases, **kwds) if prepare is not None else {}
    if not hasattr(ns, "__getitem__") or not hasattr(ns, "__setitem__"):
        meta_name = meta.__name__ if is_class else "<metaclass>"
        raise TypeError(f"{meta_name}.__prepare__() must return a mapping, not {type(ns).__name__}")
    cell = vm.call_function(func, (), None, locals_=ns)
    if bases is not orig_bases:
        ns["__orig_bases__"] = orig_bases
    classdict_cell = ns.pop("__classdictcell__", None) if "__classdictcell__" in ns else None
    _evaluate_class_annotations(ns)
    _implicit_method_kinds(ns)
    error = None
    try:
        cls = meta(name, bases, ns, **kwds)
    except TypeError as exc:
        error = modern_type_error(exc, meta)
    if error is not None:
        raise error
    if isinstance(cls, type) and isinstance(cell, types.CellType):
        try:
            cell_cls = cell.cell_contents
        except ValueError:
            cell_cls = _MISSING
        if cell_cls is _MISSING:
            raise RuntimeError(f"__class__ not set defining {name!r} as {cls!r}. Was __classcell__ "
                               "propagated to type.__new__?")
        if cell_cls is not cls:
            raise TypeError(f"__class__ set to {cell_cls!r} defining {name!r} as {cls!r}")
    if isinstance(classdict_cell, types.CellType) and isinstance(cls, type):
        classdict_cell.cell_contents = cls.__dict__
    return cls


def _implicit_method_kinds(ns) -> None:
    # type.__new__ makes plain functions named __new__ static and __init_subclass__ /
    # __class_getitem__ class methods, but only for its own function type: do it for ours.
    for name, kind in (("__new__", staticmethod), ("__init_subclass__", classmethod),
                       ("__class_getitem__", classmethod)):
        if isinstance(ns.get(name) if hasattr(ns, "get") else None, Function):
            ns[name] = kind(ns[name])


def _evaluate_class_annotations(ns) -> None:
    # 3.14 class bodies store a lazy `__annotate_func__`; host metaclasses and host libraries
    # (dataclasses, typing) read `__annotations__`, so evaluate it now when it evaluates cleanly.
    # A pre-3.14 host class has no `__annotate__` getter: the function is a class attribute.
    annotate = ns.get("__annotate_func__") if hasattr(ns, "get") else None
    if annotate is None or "__annotations__" in ns:
        return
    if "__annotate__" not in ns:
        ns["__annotate__"] = annotate
    try:
        ns["__annotations__"] = annotate(1)
    except NameError:  # a forward reference: evaluated on first access, as 3.14 does
        ns["__annotations__"] = _LazyClassAnnotations(annotate)


class _LazyClassAnnotations:
    """A class's `__annotations__` that do not evaluate yet: the host's `type.__annotations__`
    getter calls this descriptor, which evaluates them (raising NameError while a name is still
    undefined) and caches the dict in the class."""
    __slots__ = ("annotate",)

    def __init__(self, annotate):
        self.annotate = annotate

    def __get__(self, obj, owner=None):
        result = self.annotate(1)
        if isinstance(owner, type) and owner.__dict__.get("__annotations__") is self:
            type.__setattr__(owner, "__annotations__", result)
        return result


def zero_arg_super(frame):
    """`super()` without arguments: the enclosing class from the `__class__` cell, the first
    argument of the calling frame (`super_init_without_args`)."""
    if frame is None or frame.code.co_argcount == 0:
        raise RuntimeError("super(): no arguments")
    first = frame.fast[0]
    if first is not NULL and 0 in frame.cell_slots():
        try:
            first = first.cell_contents
        except ValueError:
            first = NULL
    if first is NULL:
        raise RuntimeError("super(): arg[0] deleted")
    names = frame.code.co_localsplusnames
    if "__class__" not in names:
        raise RuntimeError("super(): __class__ cell not found")
    cell = frame.fast[names.index("__class__")]
    try:
        cls = cell.cell_contents
    except ValueError:
        cls = _MISSING
    if cls is _MISSING:
        raise RuntimeError("super(): empty __class__ cell")
    if not isinstance(cls, type):
        raise RuntimeError(f"super(): __class__ is not a type ({type(cls).__name__})")
    return super(cls, first)


class TypeAliasType:
    """`typing.TypeAliasType` (3.12 `type X = ...`) for hosts without it; the value is lazy."""

    def __init__(self, name, type_params, compute_value, module=None):
        self.__name__ = name
        self.__type_params__ = type_params or ()
        self._compute_value = compute_value
        self.__module__ = module

    @property
    def __value__(self):
        # Evaluated on first access, then kept (a NameError leaves it unevaluated).
        if "_value" not in self.__dict__:
            self._value = self._compute_value(1)
        return self._value

    @property
    def __parameters__(self):
        return self.__type_params__

    def __getitem__(self, args):
        if not self.__type_params__:
            raise TypeError("Only generic type aliases are subscriptable")
        return types.GenericAlias(self, args if isinstance(args, tuple) else (args,))

    def __repr__(self):
        return self.__name__


def vm_sum(iterable, /, start=0):
    """`sum` as 3.12+ computes it: floats (and ints mixed into them) are added with Neumaier's
    compensated summation, everything else with `+`."""
    if isinstance(start, str):
        raise TypeError("sum() can't sum strings [use ''.join(seq) instead]")
    if isinstance(start, bytes):
        raise TypeError("sum() can't sum bytes [use b''.join(seq) instead]")
    if isinstance(start, bytearray):
        raise TypeError("sum() can't sum bytearray [use b''.join(seq) instead]")
    result = start
    it = iter(iterable)
    for item in it:
        if type(result) is float and (type(item) is float or isinstance(item, int)):
            total, comp = result, 0.0
            while item is not _MISSING and (type(item) is float or isinstance(item, int)):
                x = float(item)
                t = total + x
                comp += (total - t) + x if abs(total) >= abs(x) else (x - t) + total
                total = t
                item = next(it, _MISSING)
            if comp and math.isfinite(comp):
                total += comp
            result = total
            if item is _MISSING:
                return result
        result = result + item
    return result


def _modern_zero_division(builtin):
    """`builtin` (divmod, pow) raising ZeroDivisionError with 3.14's wording."""
    def wrapper(*args):
        try:
            return builtin(*args)
        except ZeroDivisionError as exc:
            error = modern_zero_division(exc)
        raise error
    wrapper.__name__ = wrapper.__qualname__ = builtin.__name__
    wrapper.__doc__ = builtin.__doc__
    return wrapper


def _modern_empty_message(builtin):
    """`min`/`max` with 3.14's wording for an empty iterable."""
    old = f"{builtin.__name__}() arg is an empty sequence"

    def wrapper(*args, **kwargs):
        try:
            return builtin(*args, **kwargs)
        except ValueError as exc:
            error = exc
            if exc.args == (old,):
                error = ValueError(f"{builtin.__name__}() iterable argument is empty")
        raise error
    wrapper.__name__ = wrapper.__qualname__ = builtin.__name__
    wrapper.__doc__ = builtin.__doc__
    return wrapper


def compile_source(source, filename: str, mode: str, flags: int):
    """`compile()` through the Bytelens pipeline (never the host's): a CodeObject, or the
    SyntaxError CPython would raise.  A code object passes through unchanged."""
    from pipeline.codeobject import CodeObject
    from pipeline.compiler import compile_module
    from pipeline.parser import decode_source, parse

    if isinstance(source, CodeObject):
        return source
    if mode not in ("exec", "eval"):
        raise ValueError("compile() mode must be 'exec', 'eval' or 'single'" if mode != "single"
                         else "bytelens: compile() mode 'single' is not supported")
    if flags:
        raise NotImplementedError("bytelens: compile() flags are not supported")
    if not isinstance(source, (str, bytes, bytearray)):
        raise TypeError("compile() arg 1 must be a string, bytes or AST object")
    parsed = parse(bytes(source) if not isinstance(source, str) else source, filename, mode)
    error = parsed.errors[0] if parsed.errors else None
    if error is None:
        result = compile_module(parsed.tree, filename)
        if result.code is not None:
            return result.code
        if not result.errors:
            raise NotImplementedError(f"bytelens: the compiler cannot compile this yet: {result.unsupported}")
        d = result.errors[0]
        lines = decode_source(source).splitlines()
        text = lines[d.lineno - 1] + "\n" if 0 < d.lineno <= len(lines) else None
        raise getattr(host_builtins, d.kind, SyntaxError)(
            d.message, (filename, d.lineno, d.offset, text, d.end_lineno, d.end_offset))
    raise getattr(host_builtins, error.kind, SyntaxError)(
        error.message, (error.filename, error.lineno, error.offset, error.text, error.end_lineno,
                        error.end_offset))


def make_builtins(vm) -> dict:
    """The builtins namespace VM code sees: the host's, with the frame-aware ones replaced."""
    names = dict(host_builtins.__dict__)

    def __build_class__(func, name, /, *bases, **kwds):
        return build_class(vm, func, name, *bases, **kwds)

    def globals():
        return vm.frame.globals

    def locals():
        return vm.frame.f_locals

    def vars(*args):
        if args:
            return host_builtins.vars(*args)
        return vm.frame.f_locals

    def dir(*args):
        if args:
            return host_builtins.dir(*args)
        return sorted(vm.frame.f_locals)

    def compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1):
        return compile_source(source, filename, mode, flags)

    def _run(source, globals_, locals_, mode):
        code = compile_source(source, "<string>", mode, 0)
        if globals_ is None:
            frame = vm.frame
            globals_ = frame.globals
            if locals_ is None:
                locals_ = frame.f_locals
        elif not isinstance(globals_, dict):
            raise TypeError(f"{mode}() globals must be a dict, not {type(globals_).__name__}")
        if locals_ is None:
            locals_ = globals_
        if "__builtins__" not in globals_:
            globals_["__builtins__"] = vm.builtins
        builtins_ = globals_["__builtins__"]
        if isinstance(builtins_, types.ModuleType):
            builtins_ = builtins_.__dict__
        return vm.run_frame(Frame(code, globals_, builtins_, locals_, None))

    def exec(source, globals=None, locals=None, /, *, closure=None):
        _run(source, globals, locals, "exec")

    def eval(source, globals=None, locals=None, /):
        if isinstance(source, str):
            source = source.lstrip(" \t")
        return _run(source, globals, locals, "eval")

    names.update(__build_class__=__build_class__, globals=globals, locals=locals, vars=vars, dir=dir,
                 exec=exec, eval=eval, compile=compile, sum=vm_sum,
                 divmod=_modern_zero_division(host_builtins.divmod),
                 pow=_modern_zero_division(host_builtins.pow),
                 min=_modern_empty_message(host_builtins.min), max=_modern_empty_message(host_builtins.max))
    return names


def _type_param_classes():
    """The classes of PEP 695 type parameters.  3.12+ hosts make them with infer_variance=True
    (repr `T`); on an older host, subclasses of typing's TypeVar/ParamSpec whose repr is the bare
    name, as 3.14 prints type parameters (`list[T]`, not `list[~T]`)."""
    import sys
    import typing
    if sys.version_info >= (3, 12):
        return (lambda name, *constraints, bound=None: typing.TypeVar(name, *constraints, bound=bound, infer_variance=True),
                lambda name: typing.ParamSpec(name, infer_variance=True))

    class LazyDefault:
        # INTRINSIC_SET_TYPEPARAM_DEFAULT stores the default's evaluate function; 3.13+
        # evaluates it on first access to __default__.
        @property
        def __default__(self):
            if "_default" not in self.__dict__:
                if "_evaluate_default" not in self.__dict__:
                    raise AttributeError("__default__")
                self._default = self._evaluate_default()
            return self._default

        @__default__.setter
        def __default__(self, evaluate):
            self._evaluate_default = evaluate

    class TypeVar(LazyDefault, typing.TypeVar, _root=True):
        def __repr__(self):
            return self.__name__

    class ParamSpec(LazyDefault, typing.ParamSpec, _root=True):
        def __repr__(self):
            return self.__name__

    for cls in (TypeVar, ParamSpec):
        cls.__module__ = "typing"
    return TypeVar, ParamSpec


PEP695_TYPEVAR, PEP695_PARAMSPEC = _type_param_classes()
