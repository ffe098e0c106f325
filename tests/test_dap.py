"""`bytelens dap` driven over stdio the way VS Code drives it (tests/dap_client.py), on the
programs of tests/cases/dap; stepping in from entry to exit is held to CPython 3.14's
`sys.settrace` line events (oracle probe `settrace_script.py`) on programs of tests/cases/run."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from pipeline import compile_program
from pipeline.disassemble import get_instructions, walk_code
from tests import oracle
from tests.dap_client import DapClient

HERE = Path(__file__).resolve().parent
DAP = HERE / "cases" / "dap"
RUN = HERE / "cases" / "run"


@pytest.fixture
def client():
    with DapClient() as c:
        yield c


def code_named(path: Path, qualname: str):
    code = compile_program(path.read_bytes(), str(path)).code
    return next(c for c in walk_code(code) if c.co_qualname == qualname)


def test_initialize_reports_capabilities(client):
    # A relative program without a cwd: relative to the adapter's directory (the client starts
    # it at the repository root), run in the program's folder.
    caps = client.start((DAP / "launch.py").relative_to(HERE.parent))
    for name in ("supportsConfigurationDoneRequest", "supportsConditionalBreakpoints",
                 "supportsHitConditionalBreakpoints", "supportsLogPoints", "supportsFunctionBreakpoints",
                 "supportsSteppingGranularity", "supportsDisassembleRequest", "supportsInstructionBreakpoints",
                 "supportsEvaluateForHovers", "supportsSetVariable", "supportsExceptionInfoRequest",
                 "supportsTerminateRequest", "supportsLoadedSourcesRequest", "supportsValueFormattingOptions"):
        assert caps.get(name) is True, name
    assert {f["filter"] for f in caps["exceptionBreakpointFilters"]} == {"raised", "uncaught"}
    assert client.wait_exit() == 3
    assert "cwd dap\n" in client.output("stdout")


def test_launch_output_and_exit_status(client):
    client.start("launch.py", args=["one", "two words"], cwd=DAP, env={"BYTELENS_DAP_TEST": "yes"},
                 exception_filters=["uncaught"])
    assert client.wait_exit() == 3  # sys.exit(3) is not an uncaught exception to stop at
    assert client.output("stdout") == "argv ['one', 'two words']\nenv yes\ncwd dap\n"
    assert client.output("stderr") == "to stderr\n"
    # The output arrived before the end.
    kinds = [m.get("event") for m in client.messages if m["type"] == "event"]
    assert kinds.index("exited") > max(k for k, e in enumerate(kinds) if e == "output")


def test_breakpoints_stop_where_conditions_hold(client):
    path = DAP / "loop.py"
    client.start(path, stop_on_entry=True)
    assert client.stopped()["reason"] == "entry"
    response = client.request("setBreakpoints", {"source": {"path": str(path)}, "breakpoints": [
        {"line": 5, "condition": "i % 2 == 1", "hitCondition": "2"},
        {"line": 4},  # a blank line: no code there
        {"line": 6, "logMessage": "total={total} n={n} {{braces}}"}]})["body"]["breakpoints"]
    assert [b["verified"] for b in response] == [True, False, True]
    client.request("continue", {"threadId": 1})
    stop = client.stopped()
    assert stop["reason"] == "breakpoint"
    assert client.top()["line"] == 5
    assert client.evaluate("i")["body"]["result"] == "3"  # second hit of an odd i
    client.request("continue", {"threadId": 1})
    assert client.wait_exit() == 0
    assert "total=15 n=6 {braces}\n" in client.output("console")
    assert client.output("stdout") == "result 15\n"
    assert [e["body"]["reason"] for e in client.events("stopped")] == ["entry", "breakpoint"]


def test_hit_count_without_condition(client):
    path = DAP / "loop.py"
    client.start(path, breakpoints={path: [{"line": 5, "hitCondition": ">= 5"}]})
    seen = []
    for _ in range(2):
        assert client.stopped()["reason"] == "breakpoint"
        seen.append(client.evaluate("i")["body"]["result"])
        client.request("continue", {"threadId": 1})
    client.wait_exit()
    assert seen == ["4", "5"]


def test_function_breakpoint_in_another_module(client):
    client.start(DAP / "basic.py", function_breakpoints=["double"])
    stop = client.stopped()
    assert stop["reason"] == "function breakpoint"
    top = client.top()
    assert (top["name"], top["line"], Path(top["source"]["path"]).name) == ("double", 2, "helper.py")
    client.request("continue", {"threadId": 1})
    assert client.wait_exit() == 0


def test_line_steps_in_over_out_and_into_another_module(client):
    path = DAP / "basic.py"
    client.start(path, breakpoints={path: [{"line": 16}]})
    assert client.stopped()["reason"] == "breakpoint"

    def where():
        top = client.top()
        return top["name"], top["line"]

    assert where() == ("<module>", 16)
    assert client.step("stepIn")["reason"] == "step"
    assert where() == ("add", 5)
    client.step("next")
    assert where() == ("add", 6)
    client.step("stepOut")
    assert where() == ("<module>", 16)  # back at the call, the assignment still to run
    client.step("next")
    assert where() == ("<module>", 17)
    client.step("next")  # over print
    client.step("next")  # over spin(5): its lines are not stops
    assert where() == ("<module>", 19)
    client.step("stepIn")
    top = client.top()
    assert (top["name"], top["line"], Path(top["source"]["path"]).name) == ("double", 2, "helper.py")
    client.request("continue", {"threadId": 1})
    assert client.wait_exit() == 0
    assert client.output("stdout") == "x is 3\ndone 6 [0, 1, 4, 9, 16]\n"


def test_instruction_steps_run_exactly_one_instruction(client):
    path = DAP / "stack.py"
    client.start(path, breakpoints={path: [{"line": 2}]})
    client.stopped()
    offsets = [i.offset for i in get_instructions(code_named(path, "combine"))]
    line_start = next(i.offset for i in get_instructions(code_named(path, "combine")) if i.line_number == 2)
    base = int(client.top()["instructionPointerReference"], 16) - line_start
    seen = [line_start]
    for command in ("stepIn", "next", "stepIn", "next"):
        assert client.step(command, "instruction")["reason"] == "step"
        seen.append(int(client.top()["instructionPointerReference"], 16) - base)
    start = offsets.index(line_start)
    assert seen == offsets[start:start + 5]
    # Out of the function by instruction: the caller's instruction after its CALL.
    client.step("stepOut", "instruction")
    top = client.top()
    assert top["name"] == "<module>" and top["line"] == 6
    client.request("continue", {"threadId": 1})
    assert client.wait_exit() == 0


def test_instruction_next_steps_over_calls(client):
    path = DAP / "stack.py"
    client.start(path, breakpoints={path: [{"line": 6}]})
    client.stopped()
    module = compile_program(path.read_bytes(), str(path)).code
    offsets = [i.offset for i in get_instructions(module)]
    start = offsets.index(next(i.offset for i in get_instructions(module) if i.line_number == 6))
    base = int(client.top()["instructionPointerReference"], 16) - offsets[start]
    seen = []
    while True:
        top = client.top()
        seen.append((top["name"], int(top["instructionPointerReference"], 16) - base))
        client.request("next", {"threadId": 1, "granularity": "instruction"})
        k, event = client._wait(lambda m: m["type"] == "event" and m["event"] in ("stopped", "terminated"),
                                30, client.events_seen)
        client.events_seen = k + 1
        if event["event"] == "terminated":
            break
    assert seen == [("<module>", offset) for offset in offsets[start:]]  # never inside combine
    assert client.output("stdout") == "42\n"


def test_value_stack_after_a_few_instructions_and_disassemble(client):
    path = DAP / "stack.py"
    client.start(path, breakpoints={path: [{"line": 2}]})
    client.stopped()
    code = code_named(path, "combine")
    instrs = [i for i in get_instructions(code) if i.line_number == 2]
    stack_scope = client.scope("Value stack")
    assert client.variables(stack_scope["variablesReference"]) == {}
    # Run the line's instructions up to the multiplication: first pushed, then 10.
    for instr in instrs:
        if instr.opname == "BINARY_OP":
            break
        client.step("stepIn", "instruction")
    stack = client.variables(client.scope("Value stack")["variablesReference"])
    assert [v["value"] for v in stack.values()] == ["4", "10"]
    assert list(stack) == ["[0]", "[1]"]
    ip = client.top()["instructionPointerReference"]
    view = client.request("disassemble", {"memoryReference": ip, "offset": 0, "instructionOffset": -2,
                                          "instructionCount": 5, "resolveSymbols": True})["body"]["instructions"]
    assert len(view) == 5 and view[2]["address"] == ip
    assert view[2]["instruction"].startswith("BINARY_OP")
    assert view[2]["line"] == 2 and Path(view[2]["location"]["path"]).name == "stack.py"
    addresses = [int(v["address"], 16) for v in view]
    assert addresses == sorted(addresses)
    # Past the start of the program's code the view gets placeholders, still `count` of them.
    first = client.request("disassemble", {"memoryReference": hex(0x10000), "instructionOffset": -3,
                                           "instructionCount": 4})["body"]["instructions"]
    assert [v.get("presentationHint") for v in first] == ["invalid"] * 3 + [None]
    client.request("continue", {"threadId": 1})
    assert client.wait_exit() == 0


def test_instruction_breakpoint(client):
    path = DAP / "stack.py"
    client.start(path, stop_on_entry=True)
    assert client.stopped()["reason"] == "entry"
    # The module's disassembly covers the nested code objects too: find combine's BINARY_OP.
    ip = client.top()["instructionPointerReference"]
    view = client.request("disassemble", {"memoryReference": ip, "instructionOffset": 0,
                                          "instructionCount": 200})["body"]["instructions"]
    target = next(v for v in view if v.get("instruction", "").startswith("BINARY_OP"))
    response = client.request("setInstructionBreakpoints", {"breakpoints": [
        {"instructionReference": target["address"]},
        {"instructionReference": target["address"], "offset": 1}]})["body"]["breakpoints"]
    assert [b["verified"] for b in response] == [True, False]
    client.request("continue", {"threadId": 1})
    assert client.stopped()["reason"] == "instruction breakpoint"
    top = client.top()
    assert top["instructionPointerReference"] == target["address"] and top["name"] == "combine"
    client.request("continue", {"threadId": 1})
    assert client.wait_exit() == 0


def test_generators_and_async_code(client):
    path = DAP / "gen_async.py"
    client.start(path, breakpoints={path: [{"line": 22, "hitCondition": "1"}, {"line": 17}]})
    client.stopped()
    assert client.top()["line"] == 22
    client.step("stepIn")
    assert (client.top()["name"], client.top()["line"]) == ("countdown", 5)
    client.step("next")
    assert client.top()["line"] == 6
    client.step("next")  # yields: on in the caller
    assert (client.top()["name"], client.top()["line"]) == ("<module>", 23)
    client.step("stepIn")
    assert (client.top()["name"], client.top()["line"]) == ("<module>", 22)
    client.step("stepIn")  # the generator resumes after its yield
    assert (client.top()["name"], client.top()["line"]) == ("countdown", 7)
    client.request("continue", {"threadId": 1})
    client.stopped()
    assert (client.top()["name"], client.top()["line"]) == ("main", 17)
    client.step("stepIn")
    assert (client.top()["name"], client.top()["line"]) == ("fetch", 11)
    client.step("next")  # over the await of asyncio.sleep
    assert (client.top()["name"], client.top()["line"]) == ("fetch", 12)
    client.step("stepOut")
    assert client.top()["name"] == "main"
    client.request("continue", {"threadId": 1})
    assert client.wait_exit() == 0
    assert client.output("stdout") == "[3, 2, 1] 42\n"


def test_exception_breakpoints_and_exception_info(client):
    want = oracle.run([oracle.Job(DAP, ("exceptions.py",), ("exceptions.py",))])[0]
    client.start("exceptions.py", cwd=DAP, exception_filters=["raised", "uncaught"])
    stop = client.stopped()
    assert stop["reason"] == "exception" and stop["text"] == "ZeroDivisionError"
    assert (client.top()["name"], client.top()["line"]) == ("risky", 2)
    info = client.request("exceptionInfo", {"threadId": 1})["body"]
    assert info["exceptionId"] == "ZeroDivisionError" and info["breakMode"] == "always"
    assert info["description"] == "ZeroDivisionError: division by zero"
    client.request("setExceptionBreakpoints", {"filters": ["uncaught"]})
    client.request("continue", {"threadId": 1})
    # Stopped where the KeyError is raised, the whole stack in view (hasattr's AttributeError,
    # caught by the host, was no stop).
    stop = client.stopped()
    assert stop["reason"] == "exception" and stop["text"] == "KeyError"
    assert [(f["name"], f["line"]) for f in client.frames()] == [("lookup", 19), ("<module>", 25)]
    info = client.request("exceptionInfo", {"threadId": 1})["body"]
    assert info["breakMode"] == "unhandled"
    assert info["details"]["stackTrace"] == want.stderr  # CPython's report of it, already
    client.request("continue", {"threadId": 1})
    assert client.wait_exit() == want.status == 1
    assert client.output("stderr") == want.stderr
    assert client.output("stdout") == want.stdout
    assert len(client.events("stopped")) == 2


def test_uncaught_through_host_code_stops_in_the_main_module(client):
    """An exception crossing host code (`sorted` calling the key) cannot be foreseen uncaught
    where it is raised; it stops where it reaches the main module with no handler."""
    want = oracle.run([oracle.Job(RUN, ("uncaught_sorted_key.py",), ("uncaught_sorted_key.py",))])[0]
    client.start("uncaught_sorted_key.py", cwd=RUN, exception_filters=["uncaught"])
    stop = client.stopped()
    assert stop["reason"] == "exception"
    assert [f["name"] for f in client.frames()] == ["<module>"]
    info = client.request("exceptionInfo", {"threadId": 1})["body"]
    assert info["breakMode"] == "unhandled" and info["details"]["stackTrace"] == want.stderr
    client.request("continue", {"threadId": 1})
    assert client.wait_exit() == want.status
    assert client.output("stderr") == want.stderr


def test_evaluate_set_variable_and_containers(client):
    path = DAP / "basic.py"
    client.start(path, breakpoints={path: [{"line": 6}, {"line": 13}]})
    client.stopped()
    frames = client.frames()
    assert [f["name"] for f in frames] == ["add", "<module>"]
    assert client.evaluate("a * 10 + b", frames[0]["id"], "hover")["body"]["result"] == "12"
    assert client.evaluate("hex(total)", frames[0]["id"])["body"]["result"] == "'0x3'"
    assert client.evaluate("total", frames[0]["id"], check=False)["success"]
    error = client.evaluate("missing_name", frames[0]["id"], check=False)
    assert not error["success"] and error["message"] == "NameError: name 'missing_name' is not defined"
    assert client.evaluate("add", frames[1]["id"])["body"]["result"].startswith("<function add")
    fmt = client.request("evaluate", {"expression": "255", "frameId": frames[0]["id"],
                                      "format": {"hex": True}})["body"]
    assert fmt["result"] == "0xff"
    # The debug console runs statements in the frame.
    client.evaluate("b = 7", frames[0]["id"], "repl")
    locals_ = client.variables(client.scope("Locals", frames[0]["id"])["variablesReference"])
    assert {k: v["value"] for k, v in locals_.items()} == {"a": "1", "b": "7", "total": "3"}
    client.request("setVariable", {"variablesReference": client.scope("Locals", frames[0]["id"])["variablesReference"],
                                   "name": "total", "value": "100"})
    client.request("continue", {"threadId": 1})
    client.stopped()
    # In spin: expand the list, page through it.
    locals_ = client.variables(client.scope("Locals")["variablesReference"])
    items = locals_["items"]
    assert items["variablesReference"] > 0 and items["indexedVariables"] == len(eval(items["value"]))
    page = client.variables(items["variablesReference"], filter="indexed", start=1, count=1)
    assert list(page) == ["1"]
    assert client.variables(items["variablesReference"], filter="named") == {}
    globals_ = client.variables(client.scope("Globals")["variablesReference"])
    assert globals_["x"]["value"] == "100"
    client.request("continue", {"threadId": 1})
    assert client.wait_exit() == 0
    assert client.output("stdout").startswith("x is 100\n")


def test_cells_scope(client):
    path = DAP / "closures.py"
    client.start(path, breakpoints={path: [{"line": 4}]})
    client.stopped()
    cells = client.variables(client.scope("Cells")["variablesReference"])
    assert {k: v["value"] for k, v in cells.items()} == {"count": "0", "step": "1"}
    assert client.variables(client.scope("Locals")["variablesReference"]) == {}
    client.request("continue", {"threadId": 1})
    assert client.wait_exit() == 0


def test_pause_inside_an_endless_loop_then_terminate(client):
    client.start(DAP / "spin.py")
    client.wait_event("output", predicate=lambda m: "spinning" in m["body"]["output"])
    time.sleep(0.2)
    sent = time.perf_counter()
    client.request("pause", {"threadId": 1})
    stop = client.stopped(timeout=10)
    assert stop["reason"] == "pause"
    assert client.top()["line"] in (5, 6)
    assert time.perf_counter() - sent < 2
    assert int(client.evaluate("count")["body"]["result"]) > 0
    client.request("continue", {"threadId": 1})
    time.sleep(0.1)
    sent = time.perf_counter()
    client.request("terminate")
    client.wait_event("terminated", timeout=10)
    assert time.perf_counter() - sent < 2
    assert client.events("exited")


def test_a_dying_program_leaves_the_adapter_serving(client):
    # Run Without Debugging (noDebug): the breakpoint is not a stop.
    client.start(DAP / "crash.py", no_debug=True, breakpoints={DAP / "crash.py": [{"line": 4}]})
    assert client.wait_exit() == 7
    assert client.output("stdout") == "about to die\n"
    assert client.request("threads")["body"]["threads"] == []
    assert not client.events("stopped")


def test_a_program_that_does_not_compile(client):
    want = oracle.run([oracle.Job(DAP, ("syntax_error.py",), ("syntax_error.py",))])[0]
    client.start("syntax_error.py", cwd=DAP, stop_on_entry=True)
    assert client.wait_exit() == want.status == 1
    assert client.output("stderr") == want.stderr
    assert not client.events("stopped")


def test_threads_and_loaded_sources(client):
    path = DAP / "basic.py"
    client.start(path, breakpoints={path: [{"line": 20}]})
    client.stopped()
    assert client.request("threads")["body"]["threads"] == [{"id": 1, "name": "MainThread"}]
    sources = client.request("loadedSources")["body"]["sources"]
    assert sorted(Path(s["path"]).name for s in sources) == ["basic.py", "helper.py"]
    client.request("continue", {"threadId": 1})
    assert client.wait_exit() == 0


# Programs of the VM corpus whose step-in sequence is held to CPython's settrace line events.
# Left out: coroutine_throw.py (the VM's own line events differ there: after throw() into a
# suspended coroutine the VM reports `worker` line 16 where CPython reports line 15).
STEPPED = ["argv_print.py", "gap_introspection.py", "uncaught_call_args.py", "deleted_name.py",
           "exc_uncaught_name.py", "uncaught_class_body.py", "assert_uncaught.py", "uncaught_index.py",
           "uncaught_lambda_map.py", "exc_uncaught_attr.py", "uncaught_decorator_time.py",
           "uncaught_sorted_key.py", "exc_finally_uncaught.py", "uncaught_none_attr.py",
           "exc_uncaught_from.py", "uncaught_throw_gen.py", "string_formatting.py", "uncaught_property.py",
           "exc_uncaught_context.py", "int_value_error.py", "numbers_math.py", "imports_local.py",
           "closures.py", "walrus_loops.py", "try_finally_flow.py", "generator_close_return.py",
           "generator_finalize_error.py"]


def settrace_lines(names):
    results = oracle.run([oracle.Job(RUN, ("@oracle/settrace_script.py", name), (name,)) for name in names])
    out = {}
    for name, result in zip(names, results):
        events = result.stdout.rpartition("----- settrace -----\n")[2].splitlines()
        out[name] = [tuple(e.split(" ", 1)[1].rsplit(" ", 1)) for e in events if e.startswith("line ")]
    return out


def step_in_sequence(program: Path) -> list[tuple[str, str]]:
    """(qualname, line) of every stop stepping in from entry to exit."""
    seen = []
    with DapClient() as c:
        c.start(program.name, cwd=program.parent, stop_on_entry=True)
        assert c.stopped()["reason"] == "entry"
        while True:
            top = c.top()
            seen.append((top["name"], str(top["line"])))
            c.request("stepIn", {"threadId": 1})
            k, event = c._wait(lambda m: m["type"] == "event" and m["event"] in ("stopped", "terminated"),
                               30, c.events_seen)
            c.events_seen = k + 1
            if event["event"] == "terminated":
                return seen
            assert event["body"]["reason"] == "step"


@pytest.fixture(scope="module")
def settrace_expected():
    return settrace_lines(STEPPED)


@pytest.mark.parametrize("name", STEPPED)
def test_step_in_follows_settrace_line_events(name, settrace_expected):
    want = settrace_expected[name]
    assert want, "the oracle reported no line events"
    assert step_in_sequence(RUN / name) == want


def test_columns_are_utf16_units(tmp_path):
    from server.dap_inspect import SourceColumns

    line = "x = 'é😀' + y"
    path = tmp_path / "wide.py"
    path.write_text("pass\n" + line + "\n", encoding="utf-8")
    byte_col = len(line[:line.index("y")].encode("utf-8"))
    # 11 characters before y, 12 UTF-16 units ("😀" takes two), 15 UTF-8 bytes: column 13 from 1.
    prefix = line[:line.index("y")]
    assert (len(prefix), len(prefix.encode("utf-16-le")) // 2, byte_col) == (11, 12, 15)
    assert SourceColumns().column(str(path), 2, byte_col) == 13
    assert SourceColumns().column(str(path), 2, None) == 0
