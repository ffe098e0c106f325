"""The debuggee process of `bytelens dap`: runs one program on the Bytelens VM under a tracer.

Started by `server.dap` as `python -m server.dap_runner CMD_FD EVT_FD`; it reads requests as JSON
lines from CMD_FD and writes responses and events as JSON lines to EVT_FD, in DAP's shapes (the
adapter adds the framing and sequence numbers).  The first line is the launch configuration;
`start` (sent on configurationDone) runs the program.  The program's `sys.stdout`/`sys.stderr`
become `output` events on the same channel, so output and stops arrive in the order they happened.

Threads: a reader thread answers what needs no stopped program (breakpoints, pause, threads,
disassemble, loaded sources); everything that inspects or resumes a stopped program is queued to
the VM thread, which waits inside the tracer while stopped (evaluation must run there: the VM's
frame state is per thread).
"""
from __future__ import annotations

import io
import json
import os
import queue
import sys
import threading

from server import dap_inspect
from server.dap import response
from server.dap_inspect import CodeRegistry, Inspector

THREAD_ID = 1
# The host's own frame lookup (run_code makes sys._getframe see VM frames while a program runs).
_host_getframe = sys._getframe
_HERE = os.path.abspath(__file__)


def _uncaught_from(frame) -> bool:
    """Whether an exception raised in `frame` will certainly leave the program uncaught: no VM
    frame of the call chain has a handler around its current instruction, and no host code sits
    between them (a builtin like `hasattr` or `sorted`, or library code, could catch it; the
    VM's own calls are in interpreter.py).  False when unsure."""
    from pipeline.vm import interpreter, run
    from pipeline.vm.code import find_handler

    f = frame
    while f is not None:
        if find_handler(f.d, f.lasti) is not None:
            return False
        f = f.back
    vm_files = (os.path.abspath(interpreter.__file__), _HERE)
    bottom = os.path.abspath(run.__file__)
    host = _host_getframe(1)
    while host is not None:
        name = os.path.abspath(host.f_code.co_filename)
        if name == bottom:
            return host.f_code.co_name == "target"  # run_code's program thread: nothing above
        if name not in vm_files:
            return False
        host = host.f_back
    return False


class Channel:
    """JSON lines in both directions; `send` may be called from any thread."""

    def __init__(self, cmd_fd: int, evt_fd: int):
        self.rfile = os.fdopen(cmd_fd, "rb")
        self.wfile = os.fdopen(evt_fd, "wb", buffering=0)
        self.lock = threading.Lock()

    def receive(self) -> dict | None:
        line = self.rfile.readline()
        return json.loads(line) if line else None

    def send(self, message: dict) -> None:
        data = json.dumps(message).encode("utf-8") + b"\n"
        with self.lock:
            self.wfile.write(data)

    def event(self, name: str, body: dict | None = None) -> None:
        self.send({"type": "event", "event": name, "body": body or {}})

    def respond(self, request: dict, body=None, error: str | None = None) -> None:
        self.send(response(request, body, error))


class Output:
    """The program's stdout and stderr text, sent as `output` events: held until a line ends (or
    the other stream or a stop needs the order kept), so one `print` is one event."""

    def __init__(self, channel: Channel):
        self.channel = channel
        self.lock = threading.Lock()
        self.category = None
        self.parts: list[str] = []

    def add(self, category: str, text: str) -> None:
        with self.lock:
            if category != self.category:
                self._flush()
                self.category = category
            self.parts.append(text)
            if "\n" in text or sum(map(len, self.parts)) > 8192:
                self._flush()

    def flush(self) -> None:
        with self.lock:
            self._flush()

    def _flush(self) -> None:
        if self.parts:
            text = "".join(self.parts)
            self.parts = []
            self.channel.event("output", {"category": self.category, "output": text})


class _BinaryStream(io.RawIOBase):
    def __init__(self, text: "OutputStream"):
        self.text = text

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.text.write(bytes(data).decode("utf-8", "replace"))
        return len(data)


class OutputStream(io.TextIOBase):
    """`sys.stdout`/`sys.stderr` of the debugged program."""

    def __init__(self, output: Output, category: str):
        self.output = output
        self.category = category
        self.buffer = _BinaryStream(self)

    encoding = "utf-8"
    errors = "strict"

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise io.UnsupportedOperation("fileno")

    def write(self, text) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self.output.add(self.category, text)
        return len(text)

    def flush(self) -> None:
        self.output.flush()


# Requests the reader thread answers itself, at any time.
_ANYTIME = {"setBreakpoints", "setFunctionBreakpoints", "setExceptionBreakpoints",
            "setInstructionBreakpoints", "pause", "threads", "disassemble", "loadedSources"}


class Runner:
    """The session: launch configuration, the program's code objects, the debugger."""

    def __init__(self, channel: Channel, config: dict):
        self.channel = channel
        self.config = config
        self.output = Output(channel)
        self.registry = CodeRegistry()
        self.started = threading.Event()
        self.compile_lock = threading.RLock()
        self.loaded: list[str] = []  # files of the program run so far (the script, its imports)
        # Compiled and run under the name it was given, as `python3.14 PROGRAM` does (tracebacks
        # and `__file__` show it); the runner runs in the launch's cwd.
        self.program = config["program"]
        self.debugger = Debugger(self)
        self.debugger.root = os.path.dirname(os.path.abspath(self.program))

    def compile_file(self, path: str):
        """The code object of one of the program's files (compiled once: breakpoints, addresses
        and the running program share it).  Raises as importing a bad module raises."""
        from pipeline.vm.run import compile_module_file

        key = dap_inspect.normpath(path)
        with self.compile_lock:
            code = self.registry.files.get(key)
            if code is None:
                code = compile_module_file(path)
                self.registry.add_file(key, code)
        return code

    def import_file(self, path: str):
        """`compile_file` for the VM's importer: the module is now loaded."""
        code = self.compile_file(path)
        if code.co_filename not in self.loaded:
            self.loaded.append(code.co_filename)
            self.channel.event("loadedSource", {"reason": "new", "source": dap_inspect.source_of(path)})
        return code

    def reader(self) -> None:
        while True:
            request = self.channel.receive()
            if request is None:
                os._exit(0)  # the adapter is gone
            command = request.get("command")
            if command == "start":
                self.started.set()
            elif command in _ANYTIME:
                try:
                    body = getattr(self, "req_" + command)(request.get("arguments") or {})
                    self.channel.respond(request, body)
                except Exception as exc:  # a malformed request must not end the session
                    self.channel.respond(request, error=f"{type(exc).__name__}: {exc}")
            else:
                self.debugger.submit(request)

    # -------------------------------------------------------------- requests at any time

    def req_threads(self, args):
        return {"threads": [{"id": THREAD_ID, "name": "MainThread"}]}

    def req_pause(self, args):
        if not self.debugger.stopped:
            self.debugger.pause_requested = True
        return {}

    def req_setBreakpoints(self, args):
        return {"breakpoints": self.debugger.set_line_breakpoints(args)}

    def req_setFunctionBreakpoints(self, args):
        return {"breakpoints": self.debugger.set_function_breakpoints(args.get("breakpoints", []))}

    def req_setExceptionBreakpoints(self, args):
        wanted = list(args.get("filters", [])) + [o["filterId"] for o in args.get("filterOptions", [])]
        known = {"raised", "uncaught"}
        self.debugger.exception_filters = set(wanted) & known
        return {"breakpoints": [{"verified": f in known} for f in wanted]}

    def req_setInstructionBreakpoints(self, args):
        return {"breakpoints": self.debugger.set_instruction_breakpoints(args.get("breakpoints", []))}

    def req_disassemble(self, args):
        return {"instructions": self.registry.disassemble(
            int(args["memoryReference"], 0) + args.get("offset", 0), args.get("instructionOffset", 0),
            args["instructionCount"], self.debugger.columns.column)}

    def req_loadedSources(self, args):
        return {"sources": [dap_inspect.source_of(path) for path in self.loaded]}

    # ---------------------------------------------------------------------------- running

    def run(self) -> int:
        from pipeline import compile_program
        from pipeline.vm import VirtualMachine, run_code

        stdout, stderr = OutputStream(self.output, "stdout"), OutputStream(self.output, "stderr")
        # The session is configured (breakpoints, filters) whatever becomes of the program; a
        # program that cannot be read or compiled ends, with CPython's report, once it is.
        with self.compile_lock:  # breakpoint requests wait for the script's own code object
            threading.Thread(target=self.reader, name="dap-reader", daemon=True).start()
            try:
                with open(self.program, "rb") as f:
                    source = f.read()
            except OSError as err:
                stderr.write(f"bytelens: can't open file {os.path.abspath(self.program)!r}: [Errno {err.errno}] {err.strerror}\n")
                compiled = None
            else:
                compiled = compile_program(source, self.program)
                stderr.write(compiled.warnings)
                if compiled.code is None:
                    stderr.write(compiled.failure_report())
                else:
                    self.registry.add_file(dap_inspect.normpath(self.program), compiled.code)
        if compiled is None or compiled.code is None:
            self.started.wait()
            return 2 if compiled is None else 1
        self.loaded.append(self.program)
        self.channel.event("loadedSource", {"reason": "new", "source": dap_inspect.source_of(self.program)})
        self.started.wait()
        # Run Without Debugging: no tracer at all, so the program runs at the VM's full speed.
        vm = VirtualMachine(tracer=None if self.config.get("noDebug") else self.debugger)
        self.debugger.vm = vm
        sys.stdout, sys.stderr = stdout, stderr
        try:
            return run_code(compiled.code, argv=[self.program, *self.config.get("args", [])],
                            filename=self.program, vm=vm, compile_file=self.import_file)
        except Exception as exc:  # a VM failure (VMError) ends the program, not the session
            stderr.write(f"bytelens: the VM failed: {type(exc).__name__}: {exc}\n")
            return 1
        finally:
            self.output.flush()


class Debugger:
    """The VM tracer: breakpoints, stepping, pause; while stopped it serves requests on the VM
    thread (see `pipeline.vm.trace` for the events)."""

    def __init__(self, runner: Runner):
        self.runner = runner
        self.channel = runner.channel
        self.registry = runner.registry
        self.columns = dap_inspect.SourceColumns()
        self.vm = None
        self.root = ""
        self.thread = None  # the program's main VM thread (other threads run untraced)
        self.commands: queue.Queue = queue.Queue()
        self.stopped = False
        self.quiet = False  # evaluating for the debugger: events are not the program's
        self.pause_requested = False
        self.entry_pending = bool(runner.config.get("stopOnEntry"))
        # Stepping: (kind "in"/"over"/"out", granularity, frame) or None.
        self.step = None
        # After a stop on a line event, the instruction event of that same instruction follows.
        self.skip_instruction = None
        self.line_bps: dict[str, dict[int, dap_inspect.Breakpoint]] = {}
        self.function_bps: dict[str, dap_inspect.Breakpoint] = {}
        self.function_pending = None
        self._function_hit = None
        self.instruction_bps: dict[int, dict[int, int]] = {}  # id(code) -> {offset: breakpoint id}
        self.exception_filters: set[str] = set()
        self.last_exception = 0  # id() of the last exception seen unwinding
        self.reported_uncaught = 0  # id() of the last one stopped at as uncaught
        self.mine: dict[str, str | None] = {}  # co_filename -> normalized path, None if not the program's
        self.next_id = 1
        self.inspector: Inspector | None = None

    def _new_id(self) -> int:
        self.next_id += 1
        return self.next_id

    # ----------------------------------------------------------------- breakpoint tables

    def set_line_breakpoints(self, args: dict) -> list[dict]:
        path = args.get("source", {}).get("path")
        wanted = args.get("breakpoints")
        if wanted is None:
            wanted = [{"line": line} for line in args.get("lines", [])]
        key = dap_inspect.normpath(path) if path else None
        lines = set()
        message = None
        if key is not None and not key.startswith(dap_inspect.normpath(self.root) + os.sep):
            message = "not a file of the program (files outside its folder run on the host)"
        elif key is not None:
            try:
                lines = dap_inspect.code_lines(self.runner.compile_file(path))
            except (OSError, SyntaxError, ImportError) as exc:
                message = f"cannot compile {path}: {exc}"
        table, out = {}, []
        for spec in wanted:
            bp = dap_inspect.Breakpoint(self._new_id(), spec["line"], spec.get("condition"),
                                        spec.get("hitCondition"), spec.get("logMessage"))
            verified = bp.line in lines
            entry = {"id": bp.id, "verified": verified, "line": bp.line, "source": args.get("source")}
            if verified:
                table[bp.line] = bp
            else:
                entry["message"] = message or f"line {bp.line} has no code"
                entry["reason"] = "failed"
            out.append(entry)
        if key is not None:
            self.line_bps[key] = table
        return out

    def set_function_breakpoints(self, specs: list[dict]) -> list[dict]:
        table, out = {}, []
        for spec in specs:
            bp = dap_inspect.Breakpoint(self._new_id(), 0, spec.get("condition"), spec.get("hitCondition"))
            table[spec["name"]] = bp
            out.append({"id": bp.id, "verified": True})
        self.function_bps = table
        return out

    def set_instruction_breakpoints(self, specs: list[dict]) -> list[dict]:
        table: dict[int, dict[int, int]] = {}
        out = []
        for spec in specs:
            address = int(spec["instructionReference"], 0) + spec.get("offset", 0)
            found = self.registry.instruction_at(address)
            bp_id = self._new_id()
            entry = {"id": bp_id, "verified": found is not None, "instructionReference": hex(address)}
            if found is None:
                entry["message"] = "no instruction starts at this address"
            else:
                code, offset = found
                table.setdefault(id(code), {})[offset] = bp_id
            out.append(entry)
        self.instruction_bps = table
        return out

    # -------------------------------------------------------------------------- tracing

    def _path(self, code) -> str | None:
        name = code.co_filename
        path = self.mine.get(name, False)
        if path is False:
            path = None
            if not name.startswith("<") and os.path.isfile(name):
                norm = dap_inspect.normpath(name)
                if norm.startswith(dap_inspect.normpath(self.root) + os.sep):
                    path = norm
            self.mine[name] = path
        return path

    def __call__(self, event: str, frame, arg) -> None:
        # The hot path: an instruction event when nothing can stop at one.
        if (event == "instruction" and self.step is None and not self.pause_requested
                and not self.instruction_bps and self.skip_instruction is None):
            return
        if self.quiet:
            return
        if self.thread is None:
            self.thread = threading.get_ident()
        elif threading.get_ident() != self.thread:
            return
        if event == "instruction":
            self._on_instruction(frame, arg)
        elif event == "line":
            self._on_line(frame, arg)
        elif event == "call":
            if self.function_bps:
                self._on_call(frame)
        elif event == "exception":
            if self.exception_filters:
                self._on_exception(frame, arg)
        elif event == "return":
            step = self.step
            if step is not None and step[2] is frame:
                # The stepping frame returned or yielded: hold no reference to it (a frame kept
                # alive would delay what its end finalizes, e.g. a generator it dropped).
                self.step = (step[0], step[1], None)

    def _deeper(self, frame, than) -> bool:
        """Whether `than` is a strict ancestor of `frame` (frame runs inside a call from it)."""
        f = frame.back
        while f is not None:
            if f is than:
                return True
            f = f.back
        return False

    def _on_instruction(self, frame, offset: int) -> None:
        skip = self.skip_instruction
        if skip is not None:
            self.skip_instruction = None
            if skip[0] is frame and skip[1] == offset:
                return
        if self.pause_requested:  # wherever the VM is (code without a file too: the Disassembly view shows it)
            return self.stop("pause", frame)
        if self.instruction_bps:
            bp_ids = self.instruction_bps.get(id(frame.code))
            if bp_ids and offset in bp_ids:
                return self.stop("instruction breakpoint", frame, hit=[bp_ids[offset]])
        step = self.step
        if step is None or self._path(frame.code) is None:
            return
        kind, granularity, origin = step
        if kind == "out":
            if frame is not origin and not self._deeper(frame, origin):
                self.stop("step", frame)
        elif granularity == "instruction":
            if kind == "in" or frame is origin or not self._deeper(frame, origin):
                self.stop("step", frame)

    def _on_line(self, frame, lineno: int) -> None:
        path = self._path(frame.code)
        if path is None:
            return
        if self.entry_pending:
            self.entry_pending = False
            return self.stop("entry", frame, line=True)
        table = self.line_bps.get(path)
        if table:
            bp = table.get(lineno)
            if bp is not None and self._should_break(bp, frame):
                return self.stop("breakpoint", frame, hit=[bp.id], line=True)
        if self.function_pending is frame:
            self.function_pending = None
            return self.stop("function breakpoint", frame, hit=[self._function_hit], line=True)
        step = self.step
        if step is None:
            return
        kind, granularity, origin = step
        if granularity != "instruction" and kind != "out":
            if kind == "in" or frame is origin or not self._deeper(frame, origin):
                self.stop("step", frame, line=True)

    def _on_call(self, frame) -> None:
        code = frame.code
        bp = self.function_bps.get(code.co_qualname) or self.function_bps.get(code.co_name)
        if bp is None or self._path(code) is None:
            return
        d = frame.d
        if d.names[frame.lasti] != "RESUME" or d.args[frame.lasti] != 0:
            return  # a generator resuming, not a call
        if self._should_break(bp, frame):
            self.function_pending = frame
            self._function_hit = bp.id

    def _on_exception(self, frame, exc) -> None:
        from pipeline.vm.code import find_handler
        from pipeline.vm.errors import traceback_of

        if self._path(frame.code) is None:
            return
        # Where it is raised (its traceback starts in this frame), not again as it unwinds; only
        # ids are kept: a reference would keep the exception's frames alive.
        raised_here = id(exc) != self.last_exception or getattr(traceback_of(exc), "next", None) is None
        self.last_exception = id(exc)
        uncaught = "uncaught" in self.exception_filters and not isinstance(exc, SystemExit)
        if raised_here:
            # sys.exit() is how a program ends, not an error to stop at.
            if uncaught and _uncaught_from(frame):
                self.reported_uncaught = id(exc)
                return self.stop("exception", frame, exception=(exc, "unhandled"))
            if "raised" in self.exception_filters:
                return self.stop("exception", frame, exception=(exc, "always"))
        # Not foreseen where it was raised (host code or a handler was in the way): reaching the
        # main module's frame with no handler there, it is uncaught for sure.
        if (uncaught and frame.back is None and id(exc) != self.reported_uncaught
                and find_handler(frame.d, frame.lasti) is None):
            self.reported_uncaught = id(exc)
            return self.stop("exception", frame, exception=(exc, "unhandled"))

    def _should_break(self, bp, frame) -> bool:
        """Condition, hit count and log message of a breakpoint reached in `frame`."""
        if bp.condition:
            try:
                if not self.get_inspector().evaluate_value(frame, bp.condition):
                    return False
            except Exception as exc:
                self.runner.output.add("console", f"breakpoint condition {bp.condition!r} failed: "
                                                  f"{dap_inspect.exception_text(exc)}\n")
                return True
        bp.hits += 1
        if not bp.hit_condition_met():
            return False
        if bp.log_message is not None:
            text = self.get_inspector().interpolate(frame, bp.log_message)
            self.runner.output.add("console", text + "\n")
            self.runner.output.flush()
            return False
        return True

    def get_inspector(self) -> Inspector:
        if self.inspector is None:
            self.inspector = Inspector(self)
        return self.inspector

    # ------------------------------------------------------------------------- stopping

    def stop(self, reason: str, frame, *, hit=None, line=False, exception=None) -> None:
        """Stop the program in `frame`: report it, then serve requests until one resumes."""
        self.runner.output.flush()
        self.step = None
        self.pause_requested = False
        self.function_pending = None
        inspector = self.get_inspector()
        inspector.begin(frame, exception)
        body = {"reason": reason, "threadId": THREAD_ID, "allThreadsStopped": True}
        if hit:
            body["hitBreakpointIds"] = hit
        if exception is not None:
            body["description"] = dap_inspect.exception_text(exception[0])
            body["text"] = type(exception[0]).__name__
        self.stopped = True
        self.channel.event("stopped", body)
        while True:
            request = self.commands.get()
            command = request["command"]
            if command in ("continue", "next", "stepIn", "stepOut"):
                self.resume(request, frame)
                break
            self.quiet = True
            try:
                body = inspector.handle(command, request.get("arguments") or {})
            except dap_inspect.RequestError as exc:
                self.channel.respond(request, error=str(exc))
            except Exception as exc:
                self.channel.respond(request, error=f"{type(exc).__name__}: {exc}")
            else:
                self.channel.respond(request, body)
            finally:
                self.quiet = False
        self.skip_instruction = (frame, frame.f_lasti) if line else None

    def resume(self, request: dict, frame) -> None:
        args = request.get("arguments") or {}
        command = request["command"]
        granularity = args.get("granularity", "statement")
        self.step = {"continue": None, "next": ("over", granularity, frame),
                     "stepIn": ("in", granularity, frame), "stepOut": ("out", granularity, frame)}[command]
        self.inspector.end()
        self.stopped = False
        self.channel.respond(request, {"allThreadsContinued": True} if command == "continue" else {})

    def submit(self, request: dict) -> None:
        """A request that needs the stopped program (from the reader thread)."""
        if not self.stopped:
            self.channel.respond(request, error="the program is running (pause it first)"
                                 if request["command"] not in ("continue", "next", "stepIn", "stepOut")
                                 else "the program is not stopped")
            return
        self.commands.put(request)


def main(argv: list[str]) -> int:
    channel = Channel(int(argv[0]), int(argv[1]))
    config = channel.receive()
    if config is None:
        return 0
    if config.get("cwd"):
        os.chdir(config["cwd"])
    runner = Runner(channel, config)
    status = runner.run()
    runner.output.flush()
    channel.event("exited", {"exitCode": status})
    return status


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.__stdout__.flush()
    os._exit(code)
