"""A small DAP client driving `python -m pipeline dap` over stdio the way VS Code does:
initialize, launch, wait for `initialized`, breakpoints, configurationDone, then requests."""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from server.dap import read_message, write_message

ROOT = Path(__file__).resolve().parent.parent


class DapError(Exception):
    pass


class DapClient:
    def __init__(self):
        self.proc = subprocess.Popen([sys.executable, "-m", "pipeline", "dap"], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.seq = 0
        self.messages: list[dict] = []
        self.cond = threading.Condition()
        self.events_seen = 0  # index into messages of events already consumed by wait_event
        self.adapter_stderr = b""
        threading.Thread(target=self._reader, daemon=True).start()
        threading.Thread(target=self._stderr, daemon=True).start()

    def _reader(self):
        while True:
            message = read_message(self.proc.stdout)
            with self.cond:
                if message is None:
                    self.messages.append({"type": "eof"})
                    self.cond.notify_all()
                    return
                message["_time"] = time.perf_counter()
                self.messages.append(message)
                self.cond.notify_all()

    def _stderr(self):
        self.adapter_stderr = self.proc.stderr.read()

    def send(self, command: str, arguments: dict | None = None) -> int:
        self.seq += 1
        message = {"seq": self.seq, "type": "request", "command": command}
        if arguments is not None:
            message["arguments"] = arguments
        write_message(self.proc.stdin, message)
        return self.seq

    def _wait(self, predicate, timeout: float, start: int = 0):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for k in range(start, len(self.messages)):
                    if predicate(self.messages[k]):
                        return k, self.messages[k]
                    if self.messages[k]["type"] == "eof":
                        raise DapError(f"adapter closed its output; stderr: {self.adapter_stderr!r}")
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise DapError(f"timed out; last messages: {self.messages[-5:]}")
                self.cond.wait(remaining)

    def request(self, command: str, arguments: dict | None = None, timeout: float = 30, check=True) -> dict:
        with self.cond:
            start = len(self.messages)
        seq = self.send(command, arguments)
        _, response = self._wait(lambda m: m["type"] == "response" and m["request_seq"] == seq, timeout, start)
        if check and not response["success"]:
            raise DapError(f"{command} failed: {response.get('message')}")
        return response

    def wait_event(self, name: str, timeout: float = 30, predicate=lambda m: True) -> dict:
        """The next `name` event not consumed yet (events are consumed in order)."""
        k, event = self._wait(lambda m: m["type"] == "event" and m["event"] == name and predicate(m),
                              timeout, self.events_seen)
        self.events_seen = k + 1
        return event

    def events(self, name: str) -> list[dict]:
        with self.cond:
            return [m for m in self.messages if m["type"] == "event" and m["event"] == name]

    def output(self, category: str | None = None) -> str:
        return "".join(m["body"]["output"] for m in self.events("output")
                       if category is None or m["body"].get("category") == category)

    # ------------------------------------------------------------------ session helpers

    def start(self, program: Path, *, args=(), stop_on_entry=False, breakpoints=None,
              function_breakpoints=None, exception_filters=(), cwd=None, env=None, no_debug=False) -> dict:
        """initialize + launch + configuration, as VS Code sequences them; returns capabilities."""
        caps = self.request("initialize", {"clientID": "tests", "adapterID": "bytelens",
                                           "linesStartAt1": True, "columnsStartAt1": True,
                                           "pathFormat": "path"})["body"]
        launch = {"program": str(program), "args": list(args), "stopOnEntry": stop_on_entry}
        if no_debug:
            launch["noDebug"] = True
        if cwd is not None:
            launch["cwd"] = str(cwd)
        if env is not None:
            launch["env"] = env
        seq = self.send("launch", launch)
        self.wait_event("initialized")
        for path, specs in (breakpoints or {}).items():
            self.request("setBreakpoints", {"source": {"path": str(path)}, "breakpoints": specs})
        if function_breakpoints is not None:
            self.request("setFunctionBreakpoints", {"breakpoints": [{"name": n} for n in function_breakpoints]})
        self.request("setExceptionBreakpoints", {"filters": list(exception_filters)})
        self.request("configurationDone")
        self._wait(lambda m: m["type"] == "response" and m["request_seq"] == seq, 30)
        return caps

    def stopped(self, timeout: float = 30) -> dict:
        return self.wait_event("stopped", timeout)["body"]

    def top(self) -> dict:
        return self.request("stackTrace", {"threadId": 1, "startFrame": 0, "levels": 1})["body"]["stackFrames"][0]

    def frames(self) -> list[dict]:
        return self.request("stackTrace", {"threadId": 1})["body"]["stackFrames"]

    def variables(self, ref: int, **extra) -> dict[str, str]:
        found = self.request("variables", {"variablesReference": ref, **extra})["body"]["variables"]
        return {v["name"]: v for v in found}

    def scope(self, name: str, frame_id: int | None = None) -> dict:
        frame_id = frame_id or self.top()["id"]
        scopes = self.request("scopes", {"frameId": frame_id})["body"]["scopes"]
        return next(s for s in scopes if s["name"] == name)

    def step(self, command: str, granularity: str | None = None) -> dict:
        args = {"threadId": 1}
        if granularity:
            args["granularity"] = granularity
        self.request(command, args)
        return self.stopped()

    def evaluate(self, expression: str, frame_id: int | None = None, context="watch", check=True) -> dict:
        args = {"expression": expression, "context": context}
        if frame_id is not None:
            args["frameId"] = frame_id
        return self.request("evaluate", args, check=check)

    def wait_exit(self, timeout: float = 30) -> int:
        code = self.wait_event("exited", timeout)["body"]["exitCode"]
        self.wait_event("terminated", timeout)
        return code

    def close(self):
        if self.proc.poll() is None:
            try:
                self.request("disconnect", {"terminateDebuggee": True}, timeout=10, check=False)
            except (DapError, OSError):
                pass
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
