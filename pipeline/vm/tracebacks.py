"""CPython 3.14's report of an uncaught exception (`traceback.TracebackException.format`), built
from the VM-level tracebacks exceptions carry: frames with source lines and `~~~^^^` markers,
`[Previous line repeated N more times]`, chained causes and contexts, exception groups' boxes,
notes, and the "Did you mean" suggestions for NameError and AttributeError.
"""
from __future__ import annotations

import collections.abc
import linecache
import sys
import textwrap

from pipeline.vm import carets
from pipeline.vm.errors import entries, suggest

_RECURSIVE_CUTOFF = 3
_CAUSE_MESSAGE = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT_MESSAGE = "\nDuring handling of the above exception, another exception occurred:\n\n"
_MAX_GROUP_WIDTH = 15
_MAX_GROUP_DEPTH = 10


def _source_lines(filename: str, sources: dict) -> list[str]:
    if filename in sources:
        return sources[filename]
    return linecache.getlines(filename)


def _byte_to_char(line: str, offset: int) -> int:
    return len(line.encode("utf-8")[:offset].decode("utf-8", errors="replace"))


def _display_width(line: str, offset: int | None = None) -> int:
    if offset is None:
        offset = len(line)
    if line.isascii():
        return offset
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line[:offset])


def format_frame(entry, sources: dict) -> str:
    """`StackSummary.format_frame_summary` for one VM traceback entry."""
    code = entry.frame.code
    lineno, end_lineno, colno, end_colno = entry.positions()
    if lineno is None:
        lineno = entry.lineno
    row = [f'  File "{code.co_filename}", line {lineno}, in {code.co_name}\n']
    lines = _source_lines(code.co_filename, sources)
    if lineno is None or not lines or lineno > len(lines):
        return "".join(row)
    if end_lineno is None or end_lineno < lineno:
        end_lineno = lineno
    original = "".join(lines[lineno - 1:end_lineno])
    dedented = textwrap.dedent(original)
    if not dedented.strip():
        return "".join(row)
    if colno is None or end_colno is None:
        row.append(textwrap.indent(lines[lineno - 1].strip(), "    ") + "\n")
        return "".join(row)
    all_lines_original = original.splitlines()
    first_line = all_lines_original[0]
    last_line = all_lines_original[end_lineno - lineno]
    start_offset = _byte_to_char(first_line, colno)
    end_offset = _byte_to_char(last_line, end_colno)
    all_lines = dedented.splitlines()[:end_lineno - lineno + 1]
    dedent_chars = len(first_line) - len(all_lines[0])
    start_offset = max(0, start_offset - dedent_chars)
    end_offset = max(0, end_offset - dedent_chars)
    dp_start = _display_width(all_lines[0], start_offset)
    dp_end = _display_width(all_lines[-1], end_offset)
    segment = "\n".join(all_lines)
    segment = segment[start_offset:len(segment) - (len(all_lines[-1]) - end_offset)]
    anchors = carets.extract_anchors(segment)
    show = _should_show_carets(start_offset, end_offset, all_lines, anchors)
    significant = {0, len(all_lines) - 1}
    left_end = right_start = 0
    primary, secondary = "^", "^"
    if anchors:
        left_end = anchors.left_end_offset + (start_offset if anchors.left_end_lineno == 0 else 0)
        right_start = anchors.right_start_offset + (start_offset if anchors.right_start_lineno == 0 else 0)
        left_end = _display_width(all_lines[anchors.left_end_lineno], left_end)
        right_start = _display_width(all_lines[anchors.right_start_lineno], right_start)
        primary, secondary = anchors.primary_char, anchors.secondary_char
        significant.update(range(anchors.left_end_lineno - 1, anchors.left_end_lineno + 2))
        significant.update(range(anchors.right_start_lineno - 1, anchors.right_start_lineno + 2))
    significant.discard(-1)
    significant.discard(len(all_lines))
    result = []

    def output_line(k):
        result.append(all_lines[k] + "\n")
        if not show:
            return
        line = all_lines[k]
        num_spaces = len(line) - len(line.lstrip())
        n = dp_end if k == len(all_lines) - 1 else _display_width(line)
        chars = []
        for col in range(n):
            if col < num_spaces or (k == 0 and col < dp_start):
                chars.append(" ")
            elif anchors and (k > anchors.left_end_lineno or (k == anchors.left_end_lineno and col >= left_end)) \
                    and (k < anchors.right_start_lineno or (k == anchors.right_start_lineno and col < right_start)):
                chars.append(secondary)
            else:
                chars.append(primary)
        result.append("".join(chars) + "\n")

    ordered = sorted(significant)
    for idx, k in enumerate(ordered):
        if idx:
            gap = k - ordered[idx - 1]
            if gap == 2:
                output_line(k - 1)
            elif gap > 2:
                result.append(f"...<{gap - 1} lines>...\n")
        output_line(k)
    row.append(textwrap.indent(textwrap.dedent("".join(result)), "    ", lambda _: True))
    return "".join(row)


def _should_show_carets(start_offset, end_offset, all_lines, anchors) -> bool:
    if carets.statement_spans_call(all_lines, start_offset, end_offset):
        return False
    if anchors:
        return True
    return bool(all_lines[0][:start_offset].lstrip() or all_lines[-1][end_offset:].rstrip())


def format_stack(tb_entries, sources: dict) -> list[str]:
    """`StackSummary.format`, with runs of the same frame line collapsed."""
    result = []
    last = None
    count = 0
    for entry in tb_entries:
        key = (entry.frame.code.co_filename, entry.positions()[0] or entry.lineno, entry.frame.code.co_name)
        if key != last:
            if count > _RECURSIVE_CUTOFF:
                count -= _RECURSIVE_CUTOFF
                result.append(f"  [Previous line repeated {count} more time{'s' if count > 1 else ''}]\n")
            last = key
            count = 0
        count += 1
        if count > _RECURSIVE_CUTOFF:
            continue
        result.append(format_frame(entry, sources))
    if count > _RECURSIVE_CUTOFF:
        count -= _RECURSIVE_CUTOFF
        result.append(f"  [Previous line repeated {count} more time{'s' if count > 1 else ''}]\n")
    return result


def _safe_str(value, what: str, func=str) -> str:
    try:
        return func(value)
    except Exception:
        return f"<{what} {func.__name__}() failed>"


def _type_str(exc: BaseException) -> str:
    cls = type(exc)
    module = cls.__module__
    if module not in ("__main__", "builtins"):
        if not isinstance(module, str):
            module = "<unknown>"
        return f"{module}.{cls.__qualname__}"
    return cls.__qualname__


def _suggestion(exc: BaseException) -> str:
    """The " Did you mean ..." suffix 3.14 adds to NameError/AttributeError/ImportError."""
    name = getattr(exc, "name", None)
    if not isinstance(name, str):
        return ""
    if isinstance(exc, AttributeError):
        obj = getattr(exc, "obj", None)
        try:
            d = sorted(x for x in obj.__dir__() if isinstance(x, str))
        except Exception:
            return ""
        hide = name[:1] != "_"
        tb = entries(exc)
        if hide and tb:
            f_locals = tb[-1].frame.f_locals
            if "self" in f_locals and f_locals["self"] is obj:
                hide = False
        if hide:
            d = [x for x in d if x[:1] != "_"]
        found = suggest(d, name)
        return f". Did you mean: '{found}'?" if found else ""
    if isinstance(exc, NameError):
        tb = entries(exc)
        if not tb:
            return ""
        frame = tb[-1].frame
        d = [x for x in list(frame.f_locals) + list(frame.f_globals) + list(frame.f_builtins)
             if isinstance(x, str)]
        found = None
        if "self" in frame.f_locals:
            try:
                has = hasattr(frame.f_locals["self"], name)
            except Exception:
                has = False
            if has:
                found = f"self.{name}"
        if found is None:
            found = suggest(d, name)
        text = f". Did you mean: '{found}'?" if found else ""
        if name in sys.stdlib_module_names:
            text += f" Or did you forget to import '{name}'?" if found else f". Did you forget to import '{name}'?"
        return text
    return ""


def _format_syntax_error(exc: SyntaxError, stype: str) -> list[str]:
    """`TracebackException._format_syntax_error`: where the error is, then the message."""
    from pipeline.parser import SyntaxErrorInfo

    lineno = exc.lineno
    info = SyntaxErrorInfo(stype, exc.msg or "<no detail available>", exc.filename or "<string>",
                           lineno, exc.offset, exc.end_lineno, exc.end_offset,
                           exc.text if isinstance(exc.text, str) else None)
    report = info.report()
    if lineno is None and exc.filename is not None:
        report = report.rstrip("\n") + f" ({exc.filename})\n"
    return report.splitlines(keepends=True)


def format_exception_only(exc: BaseException, depth: int = 0) -> list[str]:
    stype = _type_str(exc)
    indent = 3 * depth * " "
    if isinstance(exc, SyntaxError):
        out = [indent + line for line in _format_syntax_error(exc, stype)]
        return out + _format_notes(exc, indent)
    text = _safe_str(exc, "exception") + _suggestion(exc)
    if not text:
        line = stype
    else:
        line = f"{stype}: {text}"
    out = [indent + part + "\n" for part in line.split("\n")] if depth else [line + "\n"]
    return out + _format_notes(exc, indent)


def _format_notes(exc: BaseException, indent: str) -> list[str]:
    out = []
    notes = getattr(exc, "__notes__", None)
    if isinstance(notes, collections.abc.Sequence) and not isinstance(notes, (str, bytes)):
        for note in notes:
            for part in _safe_str(note, "note").split("\n"):
                out.append(f"{indent}{part}\n")
    elif notes is not None:
        for part in _safe_str(notes, "__notes__", repr).split("\n"):
            out.append(f"{indent}{part}\n")
    return out


class _Context:
    def __init__(self):
        self.depth = 0
        self.need_close = False

    def indent(self) -> str:
        return " " * (2 * self.depth)

    def emit(self, texts, margin: str | None = None):
        if isinstance(texts, str):
            texts = [texts]
        prefix = self.indent() + ((margin or "|") + " " if self.depth else "")
        return [textwrap.indent(t, prefix, lambda _: True) for t in texts]


def _format(exc: BaseException, ctx: _Context, sources: dict, seen: set) -> list[str]:
    chain = []
    e = exc
    while e is not None:
        seen.add(id(e))
        cause = e.__cause__ if e.__cause__ is not None and id(e.__cause__) not in seen else None
        context = (e.__context__ if e.__context__ is not None and id(e.__context__) not in seen
                   else None)
        if e.__cause__ is not None:
            msg, nxt = (_CAUSE_MESSAGE, cause)
        elif e.__context__ is not None and not e.__suppress_context__:
            msg, nxt = (_CONTEXT_MESSAGE, context)
        else:
            msg, nxt = None, None
        chain.append((msg if nxt is not None else None, e))
        e = nxt
    out: list[str] = []
    for msg, e in reversed(chain):
        if msg is not None:
            out += ctx.emit(msg)
        tb = entries(e)
        if not isinstance(e, BaseExceptionGroup):
            if tb:
                out += ctx.emit("Traceback (most recent call last):\n")
                out += ctx.emit(format_stack(tb, sources))
            out += ctx.emit(format_exception_only(e))
            continue
        if ctx.depth > _MAX_GROUP_DEPTH:
            out += ctx.emit(f"... (max_group_depth is {_MAX_GROUP_DEPTH})\n")
            continue
        toplevel = ctx.depth == 0
        if toplevel:
            ctx.depth += 1
        if tb:
            out += ctx.emit("Exception Group Traceback (most recent call last):\n",
                            margin="+" if toplevel else None)
            out += ctx.emit(format_stack(tb, sources))
        out += ctx.emit(format_exception_only(e))
        excs = e.exceptions
        n = len(excs) if len(excs) <= _MAX_GROUP_WIDTH else _MAX_GROUP_WIDTH + 1
        ctx.need_close = False
        for i in range(n):
            last = i == n - 1
            if last:
                ctx.need_close = True
            truncated = i >= _MAX_GROUP_WIDTH
            title = f"{i + 1}" if not truncated else "..."
            out.append(ctx.indent() + ("+-" if i == 0 else "  ") + f"+---------------- {title} ----------------\n")
            ctx.depth += 1
            if not truncated:
                out += _format(excs[i], ctx, sources, seen)
            else:
                remaining = len(excs) - _MAX_GROUP_WIDTH
                out += ctx.emit(f"and {remaining} more exception{'s' if remaining > 1 else ''}\n")
            if last and ctx.need_close:
                out.append(ctx.indent() + "+------------------------------------\n")
                ctx.need_close = False
            ctx.depth -= 1
        if toplevel:
            ctx.depth = 0
    return out


def format_exception(exc: BaseException, sources: dict | None = None) -> str:
    """The text CPython 3.14 prints to stderr for `exc` left uncaught at top level.

    `sources` maps a `co_filename` to its source lines (with line ends) where `linecache`
    cannot find them by that name."""
    return "".join(_format(exc, _Context(), sources or {}, set()))
