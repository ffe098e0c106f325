"""What the debugger shows of a stopped VM program, in DAP's shapes: code addresses and the
Disassembly view (`CodeRegistry`), stack frames, scopes, variables, evaluation and exception
info (`Inspector`), breakpoint bookkeeping (`Breakpoint`).  Used by `server.dap_runner` on the VM
thread; expressions are compiled by our pipeline and run on the VM in the selected frame.
"""
from __future__ import annotations

import bisect
import os
import re
import types

from pipeline.positions import utf16_len, utf8_to_char_col

CODE_BASE = 0x10000
_ALIGN = 0x1000
_MAX_REPR = 1000


class RequestError(Exception):
    """A request the stopped program cannot answer (its message goes to the client)."""


def normpath(path: str) -> str:
    return os.path.normcase(os.path.abspath(path))


def source_of(path: str) -> dict:
    return {"name": os.path.basename(path), "path": os.path.abspath(path)}


class SourceColumns:
    """DAP's columns (1-based UTF-16 units) for the VM's UTF-8 byte columns, from the source
    files' lines (read once per session; lines split where CPython splits them)."""

    def __init__(self):
        self.lines: dict[str, list[str]] = {}

    def line(self, path: str, line: int) -> str:
        lines = self.lines.get(path)
        if lines is None:
            try:
                with open(path, encoding="utf-8", errors="replace") as f:
                    lines = re.split(r"\r\n|\r|\n", f.read())
            except OSError:
                lines = []
            self.lines[path] = lines
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def column(self, path: str | None, line: int | None, byte_col: int | None) -> int:
        """The column of a byte column of `line` in `path` (0: unknown)."""
        if byte_col is None or line is None:
            return 0
        if path is None:
            return byte_col + 1
        text = self.line(path, line)
        return utf16_len(text[:utf8_to_char_col(text, byte_col)]) + 1


def code_lines(code) -> set[int]:
    """The lines of a file's code objects where a line event (so a line breakpoint) can fire."""
    from pipeline.disassemble import walk_code
    from pipeline.vm.code import decoded

    lines = set()
    for c in walk_code(code):
        d = decoded(c)
        lines.update(d.lines[u] for u in d.line_starts if d.lines[u])
    return lines


def exception_text(exc: BaseException) -> str:
    """`Type: message`, as the last line of CPython's traceback shows it."""
    from pipeline.vm.tracebacks import format_exception_only

    try:
        return "".join(format_exception_only(exc)).rstrip("\n")
    except Exception:
        return type(exc).__name__


_HIT = re.compile(r"\s*(==|>=|<=|>|<|%)?\s*(\d+)\s*$")


class Breakpoint:
    """A line or function breakpoint: its condition, hit condition and log message, and how often
    it was reached with its condition true."""

    def __init__(self, id_: int, line: int, condition=None, hit_condition=None, log_message=None):
        self.id = id_
        self.line = line
        self.condition = condition
        self.hit_condition = hit_condition
        self.log_message = log_message
        self.hits = 0

    def hit_condition_met(self) -> bool:
        """A bare number N means "the N-th hit"; `>= N`, `> N`, `< N`, `<= N`, `== N`, `% N` compare
        the hit count (a condition that does not parse never stops)."""
        if not self.hit_condition:
            return True
        m = _HIT.match(self.hit_condition)
        if m is None:
            return False
        op, n = m.group(1) or "==", int(m.group(2))
        hits = self.hits
        return {"==": hits == n, ">=": hits >= n, "<=": hits <= n, ">": hits > n, "<": hits < n,
                "%": n > 0 and hits % n == 0}[op]


class CodeRegistry:
    """Code objects of the program with their addresses: each gets a base (aligned, increasing in
    registration order), an instruction's address is base + byte offset."""

    def __init__(self):
        self.files: dict[str, object] = {}
        self.bases: dict[int, int] = {}
        self.codes: list[tuple[int, object]] = []  # (base, code), bases increasing
        self.next_base = CODE_BASE
        self._flat = None  # (addresses, entries) of every registered instruction

    def add_file(self, key: str, code) -> None:
        from pipeline.disassemble import walk_code

        self.files[key] = code
        for c in walk_code(code):
            self.base_of(c)

    def base_of(self, code) -> int:
        base = self.bases.get(id(code))
        if base is None or self.codes[self._index(base)][1] is not code:
            base = self.bases[id(code)] = self.next_base
            self.codes.append((base, code))
            self.next_base += (len(code.co_code) // _ALIGN + 2) * _ALIGN
            self._flat = None
        return base

    def _index(self, base: int) -> int:
        return bisect.bisect_left(self.codes, base, key=lambda entry: entry[0])

    def address(self, code, offset: int) -> str:
        return hex(self.base_of(code) + offset)

    def _instructions(self):
        from pipeline.disassemble import get_instructions

        if self._flat is None:
            addresses, entries = [], []
            for base, code in list(self.codes):
                instructions = get_instructions(code)
                for k, instr in enumerate(instructions):
                    end = instructions[k + 1].offset if k + 1 < len(instructions) else len(code.co_code)
                    addresses.append(base + instr.offset)
                    entries.append((code, instr, code.co_code[instr.offset:end], k == 0))
            self._flat = (addresses, entries)
        return self._flat

    def instruction_at(self, address: int):
        """(code, byte offset) of the instruction starting at `address`, else None."""
        addresses, entries = self._instructions()
        k = bisect.bisect_left(addresses, address)
        if k < len(addresses) and addresses[k] == address:
            return entries[k][0], entries[k][1].offset
        return None

    def disassemble(self, address: int, instruction_offset: int, count: int, column_of) -> list[dict]:
        """`count` instructions starting `instruction_offset` instructions from the one at (or
        before) `address`, across code objects in address order; padded with invalid entries
        past either end, as the Disassembly view expects exactly `count`."""
        addresses, entries = self._instructions()
        if not addresses:
            return [{"address": hex(address + 2 * k), "instruction": "", "presentationHint": "invalid"}
                    for k in range(count)]
        here = bisect.bisect_right(addresses, address) - 1
        out = []
        for k in range(here + instruction_offset, here + instruction_offset + count):
            if k < 0:
                out.append({"address": hex(max(addresses[0] + 2 * k, 0)), "instruction": "",
                            "presentationHint": "invalid"})
                continue
            if k >= len(addresses):
                out.append({"address": hex(addresses[-1] + 2 * (k - len(addresses) + 1)),
                            "instruction": "", "presentationHint": "invalid"})
                continue
            code, instr, raw, first = entries[k]
            text = instr.opname
            if instr.arg is not None:
                text += f" {instr.arg}"
            if instr.argrepr:
                text += f" ({instr.argrepr})"
            entry = {"address": hex(addresses[k]), "instructionBytes": raw.hex(" "), "instruction": text}
            if first:
                entry["symbol"] = code.co_qualname
            line, end_line, col, end_col = instr.positions
            path = code.co_filename if os.path.isfile(code.co_filename) else None
            if path is not None:
                entry["location"] = source_of(path)
            if line:
                entry["line"] = line
                entry["column"] = column_of(path, line, col)
                if end_line:
                    entry["endLine"] = end_line
                    entry["endColumn"] = column_of(path, end_line, end_col)
            out.append(entry)
        return out


class Inspector:
    """Requests served while the program is stopped; references are valid until it resumes."""

    def __init__(self, debugger):
        self.debugger = debugger
        self.registry = debugger.registry
        self.columns = debugger.columns
        self.frames: list = []
        self.refs: dict[int, tuple] = {}
        self.exception = None

    def begin(self, frame, exception) -> None:
        self.frames = []
        f = frame
        while f is not None:
            self.frames.append(f)
            f = f.back
        self.refs = {}
        self.exception = exception

    def end(self) -> None:
        self.frames = []
        self.refs = {}
        self.exception = None

    def handle(self, command: str, args: dict):
        handler = getattr(self, "req_" + command, None)
        if handler is None:
            raise RequestError(f"unsupported request {command!r}")
        return handler(args)

    def _frame(self, frame_id) -> object:
        if frame_id is None:
            return self.frames[0]
        if not 1 <= frame_id <= len(self.frames):
            raise RequestError(f"no frame {frame_id}")
        return self.frames[frame_id - 1]

    def _ref(self, kind: str, payload) -> int:
        ref = len(self.refs) + 1
        self.refs[ref] = (kind, payload)
        return ref

    # ------------------------------------------------------------------------- requests

    def req_stackTrace(self, args):
        start = args.get("startFrame", 0)
        levels = args.get("levels") or len(self.frames)
        out = []
        for k in range(start, min(start + levels, len(self.frames))):
            out.append(self._stack_frame(k + 1, self.frames[k]))
        return {"stackFrames": out, "totalFrames": len(self.frames)}

    def _stack_frame(self, frame_id: int, frame) -> dict:
        code = frame.code
        path = self.debugger._path(code)
        if path is None and os.path.isfile(code.co_filename):
            path = code.co_filename
        line, end_line, col, end_col = frame.positions()
        lineno = frame.f_lineno or line or code.co_firstlineno
        entry = {"id": frame_id, "name": code.co_qualname, "line": lineno,
                 "column": self.columns.column(path, line, col) if line == lineno else 0,
                 "instructionPointerReference": self.registry.address(code, frame.f_lasti)}
        if path is not None:
            entry["source"] = source_of(path)
        else:
            entry["presentationHint"] = "subtle"
        if line == lineno and end_line:
            entry["endLine"] = end_line
            entry["endColumn"] = self.columns.column(path, end_line, end_col)
        return entry

    def req_scopes(self, args):
        frame = self._frame(args.get("frameId"))
        scopes = [("Locals", "locals", "locals"), ("Globals", "globals", None), ("Cells", "cells", None),
                  ("Value stack", "stack", "registers")]
        out = []
        for name, kind, hint in scopes:
            entry = {"name": name, "variablesReference": self._ref(kind, frame), "expensive": False}
            if hint:
                entry["presentationHint"] = hint
            if kind == "stack":
                entry["indexedVariables"] = len(frame.stack)
            out.append(entry)
        return {"scopes": out}

    def _children(self, kind: str, payload) -> list[tuple[str, object, str | None]]:
        """(name, value, evaluateName) of a reference's children; an empty value-stack slot (NULL)
        shows as `<NULL>`."""
        from pipeline.vm.objects import NULL

        if kind == "locals":
            frame = payload
            if frame.locals is not None:
                return [(k, v, k) for k, v in frame.locals.items() if k != "__builtins__"]
            cells = frame.cell_slots()
            return [(name, value, name) for k, (name, value) in
                    enumerate(zip(frame.code.co_localsplusnames, frame.fast))
                    if value is not NULL and k not in cells]
        if kind == "globals":
            return [(k, v, k) for k, v in payload.globals.items() if k != "__builtins__"]
        if kind == "cells":
            frame = payload
            out = []
            for k in sorted(frame.cell_slots()):
                name, cell = frame.code.co_localsplusnames[k], frame.fast[k]
                if isinstance(cell, types.CellType):
                    try:
                        out.append((name, cell.cell_contents, name))
                    except ValueError:
                        pass
            return out
        if kind == "stack":
            return [(f"[{k}]", _NullShown if v is NULL else v, None) for k, v in enumerate(payload.stack)]
        value, expr = payload
        if isinstance(value, dict):
            return [(repr(k), v, f"{expr}[{k!r}]" if expr else None) for k, v in value.items()]
        if isinstance(value, (list, tuple)):
            return [(str(k), v, f"{expr}[{k}]" if expr else None) for k, v in enumerate(value)]
        if isinstance(value, (set, frozenset)):
            return [(str(k), v, None) for k, v in enumerate(value)]
        attrs = getattr(value, "__dict__", None)
        if isinstance(attrs, dict):
            return [(k, v, f"{expr}.{k}" if expr else None) for k, v in attrs.items()]
        return []

    def variable(self, name: str, value, evaluate_name, hex_=False) -> dict:
        entry = {"name": name, "value": self.format(value, hex_), "type": type(value).__name__,
                 "variablesReference": 0}
        if value is _NullShown:
            entry["type"] = ""
            return entry
        if evaluate_name:
            entry["evaluateName"] = evaluate_name
        if _expandable(value):
            entry["variablesReference"] = self._ref("value", (value, evaluate_name))
            if isinstance(value, (list, tuple)):
                entry["indexedVariables"] = len(value)
        return entry

    @staticmethod
    def format(value, hex_=False) -> str:
        if value is _NullShown:
            return "<NULL>"
        if hex_ and isinstance(value, int) and not isinstance(value, bool):
            return hex(value)
        try:
            text = repr(value)
        except Exception as exc:
            text = f"<repr failed: {exception_text(exc)}>"
        return text if len(text) <= _MAX_REPR else text[:_MAX_REPR] + "..."

    def req_variables(self, args):
        ref = args["variablesReference"]
        if ref not in self.refs:
            raise RequestError(f"no variables reference {ref}")
        kind, payload = self.refs[ref]
        children = self._children(kind, payload)
        indexed = kind == "stack" or (kind == "value" and isinstance(payload[0], (list, tuple)))
        if indexed and args.get("filter") == "named":
            children = []  # reported as indexedVariables: VS Code pages through them with "indexed"
        start = args.get("start", 0)
        count = args.get("count") or len(children)
        hex_ = bool((args.get("format") or {}).get("hex"))
        return {"variables": [self.variable(n, v, e, hex_) for n, v, e in children[start:start + count]]}

    def evaluate_value(self, frame, expression: str, allow_statements=False):
        """Compile `expression` with our pipeline and run it on the VM in `frame`; statements (for
        the debug console) run too and give None, their assignments landing in the frame."""
        from pipeline.vm import Frame
        from pipeline.vm.vmbuiltins import compile_source

        try:
            code = compile_source(expression, "<debug>", "eval", 0)
            mode = "eval"
        except SyntaxError:
            if not allow_statements:
                raise
            code = compile_source(expression, "<debug>", "exec", 0)
            mode = "exec"
        namespace = frame.locals if frame.locals is not None else frame.f_locals
        before = dict(namespace) if frame.locals is None else None
        vm = self.debugger.vm
        quiet = self.debugger.quiet
        self.debugger.quiet = True
        try:
            value = vm.run_frame(Frame(code, frame.globals, frame.builtins, namespace, None))
        finally:
            self.debugger.quiet = quiet
        if before is not None and mode == "exec":
            for name, new in namespace.items():
                if before.get(name, _NullShown) is not new and name in frame.code.co_localsplusnames:
                    frame.set_local(name, new)
        return value if mode == "eval" else None

    def interpolate(self, frame, message: str) -> str:
        """A log point's message with each `{expression}` replaced by its value (`{{`, `}}`: braces)."""
        def value(m):
            try:
                return str(self.evaluate_value(frame, m.group(1)))
            except Exception as exc:
                return f"<{exception_text(exc)}>"
        parts = re.split(r"(\{\{|\}\})", message)
        return "".join({"{{": "{", "}}": "}"}.get(p) or re.sub(r"\{([^{}]+)\}", value, p) for p in parts)

    def req_evaluate(self, args):
        frame = self._frame(args.get("frameId"))
        hex_ = bool((args.get("format") or {}).get("hex"))
        try:
            value = self.evaluate_value(frame, args["expression"], args.get("context") == "repl")
        except Exception as exc:
            raise RequestError(exception_text(exc))
        entry = self.variable("", value, args["expression"], hex_)
        return {"result": entry["value"], "type": entry["type"],
                "variablesReference": entry["variablesReference"],
                **({"indexedVariables": entry["indexedVariables"]} if "indexedVariables" in entry else {})}

    def req_setVariable(self, args):
        ref = args["variablesReference"]
        if ref not in self.refs:
            raise RequestError(f"no variables reference {ref}")
        kind, payload = self.refs[ref]
        frame = payload if kind in ("locals", "globals", "cells", "stack") else self.frames[0]
        name = args["name"]
        try:
            value = self.evaluate_value(frame, args["value"])
        except Exception as exc:
            raise RequestError(exception_text(exc))
        if kind in ("locals", "cells"):
            try:
                frame.set_local(name, value)
            except KeyError:
                raise RequestError(f"no variable {name!r} in this frame")
        elif kind == "globals":
            frame.globals[name] = value
        elif kind == "stack":
            frame.stack[int(name.strip("[]"))] = value
        else:
            container = payload[0]
            if isinstance(container, dict):
                key = next((k for k in container if repr(k) == name), None)
                container[key] = value
            elif isinstance(container, list):
                container[int(name)] = value
            else:
                setattr(container, name, value)
        entry = self.variable(name, value, None)
        return {"value": entry["value"], "type": entry["type"], "variablesReference": entry["variablesReference"]}

    def req_exceptionInfo(self, args):
        if self.exception is None:
            raise RequestError("the program did not stop on an exception")

        exc, mode = self.exception
        kind = type(exc)
        trace = self._traceback_text(exc)
        module = kind.__module__
        full = kind.__qualname__ if module in ("builtins", "__main__") else f"{module}.{kind.__qualname__}"
        return {"exceptionId": full, "description": exception_text(exc), "breakMode": mode,
                "details": {"message": str(exc), "typeName": kind.__qualname__, "fullTypeName": full,
                            "stackTrace": trace}}

    def _traceback_text(self, exc) -> str:
        """CPython's report of `exc` were it left uncaught from here: its traceback so far (from
        where it was raised up to the stopped frame), continued through the calling frames."""
        from pipeline.vm import format_exception
        from pipeline.vm.errors import TracebackEntry, set_traceback, traceback_of

        saved = traceback_of(exc)
        tb = saved if isinstance(saved, TracebackEntry) else None
        for frame in self.frames[1:]:
            tb = TracebackEntry(frame, frame.lasti, tb)
        set_traceback(exc, tb)
        try:
            return format_exception(exc)
        finally:
            set_traceback(exc, saved)


class _NullShownType:
    def __repr__(self):
        return "<NULL>"


_NullShown = _NullShownType()


def _expandable(value) -> bool:
    if isinstance(value, (list, tuple, dict, set, frozenset)):
        return len(value) > 0
    if isinstance(value, (type, types.ModuleType)):
        return False
    attrs = getattr(value, "__dict__", None)
    return isinstance(attrs, dict) and len(attrs) > 0
