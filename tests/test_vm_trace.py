"""The VM's tracer reports call/line/return/exception events where CPython 3.14's sys.settrace
does, for the functions of tests/cases/run/trace/target.py (run under settrace in the oracle by
driver.py, and by the VM from the oracle-compiled code with a recording tracer)."""
from __future__ import annotations

import contextlib
import io
from pathlib import Path

from pipeline.vm import run_code
from pipeline.vm.trace import Tracer, snapshot
from tests import codejson, oracle

HERE = Path(__file__).resolve().parent / "cases" / "run" / "trace"
TARGETS = {"loop", "gen", "risky", "nested", "inner", "<module>", "with_block", "coro", "gen_throw"}


class Recorder(Tracer):
    def __init__(self):
        self.events = []
        self.snapshots = []

    def _record(self, event, frame):
        if frame.code.co_name in TARGETS:
            self.events.append(f"{event} {frame.code.co_name} {frame.f_lineno}")

    def on_call(self, frame, arg):
        self._record("call", frame)

    def on_line(self, frame, lineno):
        self._record("line", frame)
        if frame.code.co_name == "loop" and lineno == 5:
            self.snapshots.append(snapshot(frame))
        if frame.code.co_name == "risky" and lineno == 17 and frame.f_locals["x"] == 2:
            frame.set_local("x", 5)  # a debugger's "set variable": 10 // 5 instead of 10 // 2
            self.snapshots.append(snapshot(frame))

    def on_return(self, frame, value):
        self._record("return", frame)

    def on_exception(self, frame, exc):
        self._record("exception", frame)


def test_line_events_match_settrace():
    want = oracle.run([oracle.Job(HERE, ("driver.py",), ("driver.py", "target.py"))])[0]
    assert want.status == 0, want.stderr
    code = codejson.export(["target.py"], root=HERE)[0].code()
    recorder = Recorder()
    with contextlib.redirect_stdout(io.StringIO()):
        status = run_code(code, argv=["target.py"], filename=str(HERE / "target.py"), tracer=recorder)
    assert status == 0
    assert recorder.events == want.stdout.splitlines()
    first = recorder.snapshots[0]
    assert first["locals"] == {"n": 4, "total": -1, "i": 1}
    assert first["lineno"] == 5 and first["name"] == "loop"
    assert [type(v).__name__ for v in first["stack"]] == ["range_iterator"]  # the for loop's
    assert recorder.snapshots[-1]["locals"] == {"x": 5}


def test_interrupts_reach_a_running_program():
    """`raise_in_program` delivers an exception the program can catch (Ctrl-C's path);
    `interrupt` ends the run with VMError, whatever the program does."""
    import threading
    import time

    import pytest

    from pipeline.vm import VMError, VirtualMachine

    code = codejson.export(["spin.py"], root=HERE)[0].code()
    vm = VirtualMachine()
    out = io.StringIO()
    outcome = {}

    def body():
        with contextlib.redirect_stdout(out):
            try:
                outcome["status"] = run_code(code, argv=["spin.py"], filename=str(HERE / "spin.py"), vm=vm)
            except VMError as exc:
                outcome["error"] = exc

    worker = threading.Thread(target=body, daemon=True)
    worker.start()
    time.sleep(0.2)
    vm.raise_in_program(KeyboardInterrupt())
    deadline = time.time() + 5
    while "interrupted" not in out.getvalue() and time.time() < deadline:
        time.sleep(0.01)
    vm.interrupt("stop")
    worker.join(5)
    assert not worker.is_alive()
    assert out.getvalue() == "interrupted\n"
    with pytest.raises(VMError):
        raise outcome["error"]
