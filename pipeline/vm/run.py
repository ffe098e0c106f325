"""`run_code`: run a module code object the way `python3.14 FILE ARGS...` runs a script."""
from __future__ import annotations

import builtins
import contextlib
import dataclasses
import importlib.abc
import importlib.util
import linecache
import operator
import os
import sys
import threading
import traceback
import types
import warnings

from pipeline.vm.errors import VMError
from pipeline.vm.frame import Frame
from pipeline.vm.interpreter import VirtualMachine
from pipeline.vm.objects import TEMPLATELIB
from pipeline.vm.errors import NO_TRACEBACK, traceback_of
from pipeline.vm.tracebacks import format_exception

# A fresh interpreter's warning filters (whatever the embedding process, e.g. pytest, set up).
_DEFAULT_WARNING_FILTERS = [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]

# VM calls nest host calls several deep; the VM enforces CPython's own recursion limit, and the
# host needs headroom (and a thread stack) for that many VM frames.
_HOST_RECURSION_LIMIT = 60_000
_HOST_FRAMES_PER_VM_FRAME = 12
_THREAD_STACK = 512 * 1024 * 1024


def _exit_status(exc: SystemExit) -> int:
    """CPython's handling of an uncaught SystemExit: None is 0, an int is itself, anything else
    is printed to stderr and gives 1."""
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(f"{code}\n")
    return 1


@contextlib.contextmanager
def _patched(obj, name, value):
    saved = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, saved)


_UNSET = object()
_VM_DIR = os.path.dirname(os.path.abspath(__file__))


def _warn_at(message, category, filename, lineno, globals_, source):
    """`warnings.warn` with the location already found (what warn does once it has a frame)."""
    if isinstance(message, Warning):
        category = type(message)
    registry = globals_.setdefault("__warningregistry__", {})
    warnings.warn_explicit(message, category or UserWarning, filename, lineno,
                           globals_.get("__name__", "<string>"), registry, globals_, source)


def _show_warning(msg) -> None:
    """The warnings module's own display: the formatted warning on stderr."""
    sys.stderr.write(warnings._formatwarnmsg(msg))


@contextlib.contextmanager
def _host_hooks(vm: VirtualMachine, filename: str, lines: list[str]):
    """While the program runs, host functions that look at "the current frame" see VM frames:
    `sys.exc_info`/`sys.exception` (the program's handled exception), `sys._getframe` (VM frames
    past host library code), `sys.getrecursionlimit`/`sys.setrecursionlimit` (the VM's limit),
    `warnings.warn` (the
    warning's location) and the `traceback` printers (VM tracebacks, for exceptions the VM
    raised); `linecache` knows the program's source under its code filename; a pre-3.14 host
    gets `string.templatelib` (the VM's Template/Interpolation)."""
    host_exc_info = sys.exc_info
    host_getframe = sys._getframe

    def exc_info():
        info = host_exc_info()
        if info[0] is not None:  # host code inside its own handler
            return info
        exc = vm.handled_exception()
        return (None, None, None) if exc is None else (type(exc), exc, exc.__traceback__)

    def warn(message, category=None, stacklevel=1, source=None, **kwargs):
        # `stacklevel` counts the frames a 3.14 process would have: host frames of library code
        # between here and the VM, then the VM's frames (the VM's own machinery is invisible).
        level = stacklevel
        host = host_getframe(1)
        while host is not None and not host.f_code.co_filename.startswith(_VM_DIR):
            if level == 1:
                return _warn_at(message, category, host.f_code.co_filename, host.f_lineno,
                                host.f_globals, source)
            level -= 1
            host = host.f_back
        frame = vm.frame
        for _ in range(level - 1):
            frame = frame.back if frame is not None else None
        if frame is None:
            return _warn_at(message, category, "<sys>", 0, sys.__dict__, source)
        return _warn_at(message, category, frame.code.co_filename, frame.f_lineno or 0,
                        frame.globals, source)

    host_traceback = {name: getattr(traceback, name) for name in
                      ("print_exception", "format_exception", "print_exc", "format_exc")}

    def _vm_exception(exc, value):
        value = exc if value is _UNSET else value
        if isinstance(value, BaseException) and traceback_of(value) is not NO_TRACEBACK:
            return value
        return None

    def format_exception_(exc, /, value=_UNSET, tb=_UNSET, limit=None, chain=True, **kwargs):
        value_ = _vm_exception(exc, value)
        if value_ is None:
            return host_traceback["format_exception"](exc, value, tb, limit, chain, **kwargs)
        return format_exception(value_).splitlines(keepends=True)

    def print_exception(exc, /, value=_UNSET, tb=_UNSET, limit=None, file=None, chain=True, **kwargs):
        value_ = _vm_exception(exc, value)
        if value_ is None:
            return host_traceback["print_exception"](exc, value, tb, limit, file, chain, **kwargs)
        (file or sys.stderr).write(format_exception(value_))

    def format_exc(limit=None, chain=True):
        exc = vm.handled_exception()
        return "".join(format_exception_(exc)) if exc is not None else "NoneType: None\n"

    def print_exc(limit=None, file=None, chain=True):
        (file or sys.stderr).write(format_exc())

    def getframe(depth=0):
        # Host frames of library code up to the VM's machinery, then the VM's frames.
        host = host_getframe(1)
        while host is not None and not host.f_code.co_filename.startswith(_VM_DIR):
            if depth == 0:
                return host
            depth -= 1
            host = host.f_back
        frame = vm.frame
        for _ in range(depth):
            frame = frame.back if frame is not None else None
        if frame is None:
            raise ValueError("call stack is not deep enough")
        return frame

    def getrecursionlimit():
        return vm.recursion_limit

    def setrecursionlimit(limit):
        # The program's limit is the VM's (CPython counts Python frames); the host only needs
        # headroom for that many VM frames.
        limit = operator.index(limit)
        if limit < 1:
            raise ValueError("recursion limit must be greater or equal than 1")
        if vm.depth >= limit:
            raise RecursionError(f"cannot set the recursion limit to {limit} at the recursion "
                                 f"depth {vm.depth}: the limit is too low")
        vm.recursion_limit = limit
        host_setrecursionlimit(max(host_getrecursionlimit(), limit * _HOST_FRAMES_PER_VM_FRAME))

    host_getrecursionlimit, host_setrecursionlimit = sys.getrecursionlimit, sys.setrecursionlimit
    if TEMPLATELIB is not None:  # a host before 3.14: provide string.templatelib
        import string
        sys.modules["string.templatelib"] = string.templatelib = TEMPLATELIB
    logging = sys.modules.get("logging")
    saved_logging = (logging.root.handlers[:], logging.root.level) if logging else None
    if logging:  # a fresh interpreter's root logger has no handlers (pytest's would take records)
        logging.root.handlers[:] = []
        logging.root.setLevel(logging.WARNING)
    saved_cache = linecache.cache.get(filename)
    linecache.cache[filename] = (sum(map(len, lines)), None, lines, filename)
    saved_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(_HOST_RECURSION_LIMIT)
    try:
        with contextlib.ExitStack() as patches:
            patches.enter_context(warnings.catch_warnings())
            for obj, name, value in ((sys, "exc_info", exc_info), (sys, "exception", vm.handled_exception),
                                     (sys, "getrecursionlimit", getrecursionlimit),
                                     (sys, "_getframe", getframe),
                                     (sys, "setrecursionlimit", setrecursionlimit),
                                     (warnings, "warn", warn),
                                     (traceback, "format_exception", format_exception_),
                                     (traceback, "print_exception", print_exception),
                                     (traceback, "format_exc", format_exc),
                                     (traceback, "print_exc", print_exc)):
                patches.enter_context(_patched(obj, name, value))
            warnings.filters[:] = _DEFAULT_WARNING_FILTERS
            warnings.showwarning = warnings._showwarning_orig
            warnings._showwarnmsg_impl = _show_warning  # undo a recording catch_warnings
            warnings._filters_mutated()
            yield
    finally:
        if TEMPLATELIB is not None:
            sys.modules.pop("string.templatelib", None)
            del string.templatelib
        if saved_logging is not None:
            logging.root.handlers[:], level = saved_logging
            logging.root.setLevel(level)
        elif "logging" in sys.modules:  # first imported by the program: forget its handlers
            sys.modules["logging"].root.handlers[:] = []
        sys.setrecursionlimit(saved_limit)
        if saved_cache is None:
            linecache.cache.pop(filename, None)
        else:
            linecache.cache[filename] = saved_cache


class ProgramModule(types.ModuleType):
    """A module run in the VM.  Its `__annotations__` are 3.14's: evaluated from the module's
    `__annotate__` on first access (a pre-3.14 host module would give an empty dict)."""

    @property
    def __annotations__(self):
        ns = self.__dict__
        if "__annotations__" in ns:
            return ns["__annotations__"]
        annotate = ns.get("__annotate__")
        result = {} if annotate is None else annotate(1)
        if not isinstance(result, dict):
            raise TypeError(f"__annotate__ returned non-dict of type '{type(result).__name__}'")
        ns["__annotations__"] = result
        return result

    @__annotations__.setter
    def __annotations__(self, value):
        self.__dict__["__annotations__"] = value

    @__annotations__.deleter
    def __annotations__(self):
        try:
            del self.__dict__["__annotations__"]
        except KeyError:
            raise AttributeError("__annotations__") from None


ProgramModule.__name__ = ProgramModule.__qualname__ = "module"
ProgramModule.__module__ = "builtins"


class ProgramImporter(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports of the program's own modules (files under the script's directory, which
    `python3.14 FILE` finds through `sys.path[0]`): compiled by `compile_file(path) ->
    CodeObject` and executed in the VM — never compiled by the host.  Without `compile_file`
    such an import fails with ImportError."""

    def __init__(self, vm: VirtualMachine, root: str, compile_file):
        self.vm = vm
        self.root = os.path.abspath(root)
        self.compile_file = compile_file
        self.loaded: list[str] = []
        self.sources: dict[str, list[str]] = {}

    def find_spec(self, fullname, path, target=None):
        if path is None:
            base = self.root
        else:
            base = next((p for p in path if os.path.abspath(p).startswith(self.root)), None)
            if base is None:
                return None
        name = fullname.rpartition(".")[2]
        package_init = os.path.join(base, name, "__init__.py")
        if os.path.isfile(package_init):
            return importlib.util.spec_from_file_location(
                fullname, package_init, loader=self, submodule_search_locations=[os.path.join(base, name)])
        module_file = os.path.join(base, name + ".py")
        if os.path.isfile(module_file):
            return importlib.util.spec_from_file_location(fullname, module_file, loader=self)
        return None

    def create_module(self, spec):
        return ProgramModule(spec.name)

    def exec_module(self, module):
        origin = module.__spec__.origin
        if self.compile_file is None:
            raise ImportError(f"bytelens: importing {origin} needs the Bytelens compiler",
                              name=module.__name__, path=origin)
        self.loaded.append(module.__name__)
        code = self.compile_file(origin)
        with open(origin, encoding="utf-8", errors="surrogateescape") as f:
            lines = f.read().splitlines(keepends=True)
        # Tracebacks show this module's lines under whatever filename it was compiled with.
        self.sources[code.co_filename] = lines
        linecache.cache.setdefault(code.co_filename, (sum(map(len, lines)), None, lines, code.co_filename))
        module.__builtins__ = sys.modules["__main__"].__builtins__
        self.vm.run_frame(Frame(code, module.__dict__, self.vm.builtins, module.__dict__, None))


def compile_module_file(path: str):
    """A `compile_file` for ProgramImporter using the Bytelens pipeline: warnings go to stderr;
    a SyntaxError is raised as importing a bad module raises it."""
    from pipeline import compile_program

    with open(path, "rb") as f:
        compiled = compile_program(f.read(), path)
    sys.stderr.write(compiled.warnings)
    if compiled.code is not None:
        return compiled.code
    e = compiled.error
    if e is None:
        raise ImportError(compiled.failure_report().rstrip("\n"), path=path)
    raise getattr(builtins, e.kind, SyntaxError)(
        e.message, (e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset))


def run_code(code, *, argv, filename: str, tracer=None, source: str | None = None,
             vm: VirtualMachine | None = None, compile_file=None) -> int:
    """Run `code` (a module `CodeObject`) as `__main__` with `sys.argv = argv`; return the exit
    status.  Program output goes to sys.stdout/sys.stderr; an uncaught exception is printed as
    CPython 3.14 prints it.  `filename` is the script's path (its `__file__`, and where its
    source lines come from, unless `source` gives them); the program's own modules next to it
    are compiled by `compile_file` (see ProgramImporter).  A VMError propagates (a VM bug)."""
    vm = vm or VirtualMachine(tracer=tracer)
    importer = ProgramImporter(vm, os.path.dirname(os.path.abspath(filename)), compile_file)
    main = ProgramModule("__main__")
    main.__file__ = filename
    main.__builtins__ = types.ModuleType("builtins")
    main.__builtins__.__dict__.update(vm.builtins)
    if source is None:
        with open(filename, encoding="utf-8", errors="surrogateescape") as f:
            source = f.read()
    lines = source.splitlines(keepends=True)
    outcome: dict = {}

    def target():
        saved_argv, saved_main = sys.argv, sys.modules.get("__main__")
        sys.argv = list(argv)
        sys.modules["__main__"] = main
        sys.meta_path.insert(0, importer)
        vm.active = True
        try:
            vm.run_frame(Frame(code, main.__dict__, vm.builtins, main.__dict__, None))
            outcome["status"] = 0
        except SystemExit as exc:
            outcome["exit"] = exc
        except VMError as exc:
            outcome["vm_error"] = exc
        except BaseException as exc:  # the program's uncaught exception
            outcome["uncaught"] = exc
        finally:
            vm.active = False
            sys.meta_path.remove(importer)
            for name in importer.loaded:  # the next program starts without them, as a new process
                sys.modules.pop(name, None)
            for name, lines_ in importer.sources.items():
                if linecache.cache.get(name, (None, None, None))[2] is lines_:
                    linecache.cache.pop(name, None)
            sys.argv = saved_argv
            if saved_main is not None:
                sys.modules["__main__"] = saved_main

    with _host_hooks(vm, code.co_filename, lines):
        saved_stack = threading.stack_size()
        threading.stack_size(_THREAD_STACK)
        try:
            thread = threading.Thread(target=target, name="bytelens-vm")
            thread.start()
        finally:
            threading.stack_size(saved_stack)
        while thread.is_alive():
            try:
                thread.join(0.25)
            except KeyboardInterrupt:  # Ctrl-C reaches this (main) thread: hand it to the program
                vm.raise_in_program(KeyboardInterrupt())
    if "vm_error" in outcome:
        raise outcome["vm_error"]
    if "exit" in outcome:
        status = _exit_status(outcome["exit"])
    elif "uncaught" in outcome:
        exc = outcome["uncaught"]
        # The program is over: the exception's own methods (`__str__`) run untraced, as they
        # run after a `sys.settrace` tracer is gone.
        tracer, vm.tracer = vm.tracer, None
        try:
            sys.stderr.write(format_exception(exc, {**importer.sources, code.co_filename: lines}))
        finally:
            vm.tracer = tracer
        # CPython ends an uncaught KeyboardInterrupt by dying of SIGINT: a shell sees 128 + 2.
        status = 130 if isinstance(exc, KeyboardInterrupt) else 1
    else:
        status = outcome["status"]
    sys.stdout.flush()
    return status
