"""`bytelens dap`: the Debug Adapter Protocol server (stdio), debugging programs on the Bytelens VM.

The adapter speaks DAP (Content-Length framing, written here: no DAP library) on stdin/stdout and
runs the program in a child process (`server.dap_runner`) connected by two pipes of JSON lines, so
that the adapter stays responsive while the program runs, a crash of the program (or of the VM)
never takes it down, and terminate/disconnect end the program at once by killing the child, even
inside `while True: pass`.  The adapter answers initialize, launch, configurationDone, terminate
and disconnect itself and forwards every other request to the child, which answers in DAP's shapes;
the adapter numbers everything it sends.  Its stdout carries protocol messages only.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

# The exception breakpoint filters the runner understands.
EXCEPTION_FILTERS = [
    {"filter": "raised", "label": "Raised Exceptions", "default": False,
     "description": "Stop where any exception is raised."},
    {"filter": "uncaught", "label": "Uncaught Exceptions", "default": True,
     "description": "Stop where an exception leaves the program uncaught."},
]

CAPABILITIES = {
    "supportsConfigurationDoneRequest": True,
    "supportsConditionalBreakpoints": True,
    "supportsHitConditionalBreakpoints": True,
    "supportsLogPoints": True,
    "supportsFunctionBreakpoints": True,
    "exceptionBreakpointFilters": EXCEPTION_FILTERS,
    "supportsSteppingGranularity": True,
    "supportsDisassembleRequest": True,
    "supportsInstructionBreakpoints": True,
    "supportsEvaluateForHovers": True,
    "supportsSetVariable": True,
    "supportsExceptionInfoRequest": True,
    "supportsTerminateRequest": True,
    "supportsLoadedSourcesRequest": True,
    "supportsValueFormattingOptions": True,
    "supportTerminateDebuggee": True,
}

_PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_message(stream) -> dict | None:
    """One framed message from a binary stream (None at end of input)."""
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            if length is None:
                continue
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    body = stream.read(length)
    if len(body) < length:
        return None
    return json.loads(body.decode("utf-8"))


def write_message(stream, message: dict) -> None:
    body = json.dumps(message).encode("utf-8")
    stream.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    stream.flush()


def response(request: dict, body: dict | None = None, error: str | None = None) -> dict:
    """The DAP response to `request` (without `seq`, which the sender numbers)."""
    message = {"type": "response", "request_seq": request["seq"], "command": request["command"],
               "success": error is None}
    if error is not None:
        message["message"] = error
    if body is not None:
        message["body"] = body
    return message


class DebugAdapter:
    """One debug session over a pair of binary streams."""

    def __init__(self, rfile, wfile):
        self.rfile = rfile
        self.wfile = wfile
        self.lock = threading.Lock()
        self.seq = 0
        self.child: subprocess.Popen | None = None
        self.to_child = None
        self.pending: dict[int, str] = {}  # forwarded request seq -> command
        self.exited = False
        self.terminated = False
        self.child_done = threading.Event()
        self.child_gone = False
        self.running = True

    # ------------------------------------------------------------------------- messages

    def send(self, message: dict) -> None:
        with self.lock:
            self.seq += 1
            message["seq"] = self.seq
            write_message(self.wfile, message)

    def event(self, name: str, body: dict | None = None) -> None:
        message = {"type": "event", "event": name}
        if body is not None:
            message["body"] = body
        self.send(message)

    def respond(self, request: dict, body: dict | None = None, error: str | None = None) -> None:
        self.send(response(request, body, error))

    def serve(self) -> int:
        while self.running:
            request = read_message(self.rfile)
            if request is None:
                break
            if request.get("type") != "request":
                continue
            handler = getattr(self, "on_" + request["command"], None)
            try:
                if handler is not None:
                    handler(request)
                else:
                    self.forward(request)
            except Exception as exc:  # a bad request is answered, never fatal
                self.respond(request, error=f"{type(exc).__name__}: {exc}")
        self.kill()
        return 0

    # ----------------------------------------------------------------- adapter requests

    def on_initialize(self, request):
        self.respond(request, CAPABILITIES)

    def on_launch(self, request):
        args = request.get("arguments") or {}
        if not args.get("program"):
            return self.respond(request, error="launch needs a 'program'")
        if self.child is not None:
            return self.respond(request, error="a program is already running")
        cmd_read, cmd_write = os.pipe()
        evt_read, evt_write = os.pipe()
        env = dict(os.environ)
        env.update({k: v for k, v in (args.get("env") or {}).items() if v is not None})
        for k, v in (args.get("env") or {}).items():
            if v is None:
                env.pop(k, None)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [_PROJECT_ROOT, os.environ.get("PYTHONPATH")]))
        env.setdefault("PYTHONIOENCODING", "utf-8")
        # A relative program is relative to `cwd` when given (the runner works there), else to
        # the adapter's own directory.
        program = args["program"] if args.get("cwd") else os.path.abspath(args["program"])
        cwd = args.get("cwd") or os.path.dirname(program)
        self.child = subprocess.Popen(
            [sys.executable, "-m", "server.dap_runner", str(cmd_read), str(evt_write)],
            cwd=_PROJECT_ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, pass_fds=(cmd_read, evt_write))
        os.close(cmd_read)
        os.close(evt_write)
        self.to_child = os.fdopen(cmd_write, "wb", buffering=0)
        config = {"program": program, "args": list(args.get("args") or []), "cwd": cwd,
                  "stopOnEntry": bool(args.get("stopOnEntry")), "noDebug": bool(args.get("noDebug"))}
        self.to_child.write(json.dumps(config).encode() + b"\n")
        reader = threading.Thread(target=self._read_child, args=(os.fdopen(evt_read, "rb"),), daemon=True)
        reader.start()
        for stream, category in ((self.child.stdout, "stdout"), (self.child.stderr, "stderr")):
            threading.Thread(target=self._read_stream, args=(stream, category), daemon=True).start()
        self.respond(request)
        self.event("process", {"name": os.path.abspath(os.path.join(cwd, program)),
                               "systemProcessId": self.child.pid, "isLocalProcess": True,
                               "startMethod": "launch"})
        self.event("initialized")

    def on_configurationDone(self, request):
        self._to_child({"command": "start"})
        self.respond(request)

    def on_threads(self, request):
        if self.child is None or self.child_gone:
            return self.respond(request, {"threads": []})
        self.forward(request)

    def on_terminate(self, request):
        self.kill()
        if self.child is not None:
            self.child_done.wait(5)
        self.respond(request)
        self._terminated()

    def on_disconnect(self, request):
        self.kill()
        if self.child is not None:
            self.child_done.wait(5)
        self.respond(request)
        self._terminated()
        self.running = False

    # ------------------------------------------------------------------------ the child

    def forward(self, request: dict) -> None:
        if self.child is None or self.child_gone:
            return self.respond(request, error="no program is running")
        self.pending[request["seq"]] = request["command"]
        if not self._to_child(request):
            self.pending.pop(request["seq"], None)
            self.respond(request, error="no program is running")

    def _to_child(self, message: dict) -> bool:
        try:
            self.to_child.write(json.dumps(message).encode() + b"\n")
            return True
        except (OSError, AttributeError, ValueError):
            return False

    def _read_child(self, stream) -> None:
        for line in stream:
            message = json.loads(line)
            if message["type"] == "response":
                self.pending.pop(message["request_seq"], None)
            elif message.get("event") == "exited":
                self.exited = True
            self.send(message)
        # The child is gone: answer what it left unanswered, report its end.
        self.child_gone = True
        status = self.child.wait()
        for seq, command in list(self.pending.items()):
            self.pending.pop(seq, None)
            self.respond({"seq": seq, "command": command}, error="the program ended")
        if not self.exited:
            self.exited = True
            self.event("exited", {"exitCode": status if status >= 0 else 128 - status})
        self._terminated()
        self.child_done.set()

    def _read_stream(self, stream, category: str) -> None:
        # Output written below Python's sys.stdout (file descriptors 1 and 2) and runner failures.
        while True:
            data = stream.read1(65536) if hasattr(stream, "read1") else stream.read(65536)
            if not data:
                break
            self.event("output", {"category": category, "output": data.decode("utf-8", "replace")})

    def _terminated(self) -> None:
        with self.lock:
            if self.terminated:
                return
            self.terminated = True
        self.event("terminated")

    def kill(self) -> None:
        if self.child is not None and self.child.poll() is None:
            self.child.kill()


def main() -> int:
    """Serve one session on stdin/stdout; anything else printed goes to stderr."""
    rfile, wfile = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # stdout carries protocol messages only
    return DebugAdapter(rfile, wfile).serve()
