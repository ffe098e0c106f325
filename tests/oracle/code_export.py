"""Run inside the oracle (CPython 3.14.2): `code_export.py FILE [--all-flags]`, printing one JSON document.

    {"code": <code>, "dis": {"": text, "-C": text, "-O": text, "-P": text, "-S": text},
     "show_code": [text of dis.show_code for each code object, depth first through co_consts]}

`code` is `compile(source, FILE, "exec")` exported losslessly, nested code objects included:

    {"argcount", "posonlyargcount", "kwonlyargcount", "stacksize", "flags", "firstlineno": int,
     "name", "qualname", "filename": str, "names", "localsplusnames": [str],
     "code", "adaptive", "localspluskinds", "linetable", "exceptiontable": hex bytes,
     "consts": [<const>], "lines": co_lines() as [[start, end, line]],
     "positions": co_positions() run-length encoded (with --all-flags only)}

Without `--all-flags`, "dis" holds only the default text (""). `adaptive` is `_co_code_adaptive`
of the never-run code object (what `dis -S` reads). Constants are
type-tagged pairs `[tag, value]`: ["int", decimal], ["float", float.hex], ["complex", [hex, hex]],
["str", text], ["bytes", hex], ["tuple", [...]], ["frozenset", [...]] (in iteration order, which is
the order `repr` prints), ["none"], ["ellipsis"], ["bool", b], ["slice", [start, stop, step]],
["code", <code>]. A string JSON cannot carry (one with lone surrogates) travels as
["str", {"surrogates": hex}], its UTF-8 bytes under the `surrogatepass` error handler.

`co_localspluskinds` is not visible from Python, so it is read from `marshal.dumps(code)`, whose code
objects appear in the same depth-first order as the walk over `co_consts`.

Every `dis` text is what `python -m dis [FLAG] FILE` prints, produced from this very code object:
`dis.main` compiles the file with the same `compile(source, FILE, "exec")` and passes the result to
`dis.dis` with the flag's option, which is the call made here. String hashing is randomized per
process, and the order in which a frozenset of strings prints depends on it (and even on what the
process compiled before), so only text printed from the exported code object itself is comparable
with its constants character for character.
"""
import contextlib
import dis
import functools
import io
import json
import marshal
import struct
import sys


class Marshal:
    """Just enough of a marshal reader (format 5) to walk a code object tree and collect the kinds."""

    def __init__(self, data):
        self.data, self.pos, self.refs, self.kinds = data, 0, [], []

    def take(self, n):
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk

    def i32(self):
        return struct.unpack("<i", self.take(4))[0]

    def obj(self):
        type_byte = self.take(1)[0]
        code, flag = chr(type_byte & 0x7F), type_byte & 0x80
        if code == "r":
            return self.refs[self.i32()]
        index = None
        if flag:
            # The reference slot is reserved before children are read, as marshal's writer numbers them.
            index = len(self.refs)
            self.refs.append(None)
        value = self._read(code)
        if index is not None:
            self.refs[index] = value
        return value

    def _read(self, code):
        if code in "NTF.S0":
            return code
        if code == "i":
            return self.i32()
        if code == "l":
            n = self.i32()
            self.take(2 * abs(n))
            return ("long", self.pos)
        if code == "g":
            return struct.unpack("<d", self.take(8))[0]
        if code == "y":
            return struct.unpack("<dd", self.take(16))
        if code in "stuaA":
            return self.take(self.i32())
        if code in "zZ":
            return self.take(self.take(1)[0])
        if code in "([<>":
            return tuple(self.obj() for _ in range(self.i32()))
        if code == ")":
            return tuple(self.obj() for _ in range(self.take(1)[0]))
        if code == "{":
            items = []
            while self.data[self.pos] != ord("0"):
                items.append((self.obj(), self.obj()))
            self.pos += 1
            return tuple(items)
        if code == ":":
            return (self.obj(), self.obj(), self.obj())
        if code == "c":
            for _ in range(5):
                self.i32()
            slot = len(self.kinds)
            self.kinds.append(None)
            self.obj()  # co_code
            self.obj()  # co_consts
            self.obj()  # co_names
            self.obj()  # co_localsplusnames
            self.kinds[slot] = self.obj()
            self.obj()  # co_filename
            self.obj()  # co_name
            self.obj()  # co_qualname
            self.i32()  # co_firstlineno
            self.obj()  # co_linetable
            self.obj()  # co_exceptiontable
            return "code"
        raise ValueError(f"marshal type {code!r} not expected in compiled code")


def _str(value):
    try:
        value.encode("utf-8")
        return ["str", value]
    except UnicodeEncodeError:
        return ["str", {"surrogates": value.encode("utf-8", "surrogatepass").hex()}]


def _const(value, kinds, positions):
    if value is None:
        return ["none"]
    if value is Ellipsis:
        return ["ellipsis"]
    if isinstance(value, bool):
        return ["bool", value]
    if isinstance(value, int):
        return ["int", str(value)]
    if isinstance(value, float):
        return ["float", value.hex()]
    if isinstance(value, complex):
        return ["complex", [value.real.hex(), value.imag.hex()]]
    if isinstance(value, str):
        return _str(value)
    if isinstance(value, bytes):
        return ["bytes", value.hex()]
    if isinstance(value, tuple):
        return ["tuple", [_const(v, kinds, positions) for v in value]]
    if isinstance(value, frozenset):
        return ["frozenset", [_const(v, kinds, positions) for v in value]]
    if isinstance(value, slice):
        return ["slice", [_const(v, kinds, positions) for v in (value.start, value.stop, value.step)]]
    if hasattr(value, "co_code"):
        return ["code", _code(value, kinds, positions)]
    raise TypeError(f"unexpected constant type {type(value).__name__}")


def _localsplusnames(co):
    names = []
    while True:
        try:
            names.append(co._varname_from_oparg(len(names)))
        except IndexError:
            return names


def _positions(co):
    """co_positions() run-length encoded: [[count, lineno, end_lineno, col, end_col], ...]."""
    runs = []
    for span in co.co_positions():
        if runs and runs[-1][1:] == list(span):
            runs[-1][0] += 1
        else:
            runs.append([1, *span])
    return runs


def _code(co, kinds, positions):
    localspluskinds = next(kinds)
    exported = {
        "argcount": co.co_argcount, "posonlyargcount": co.co_posonlyargcount,
        "kwonlyargcount": co.co_kwonlyargcount, "stacksize": co.co_stacksize, "flags": co.co_flags,
        "firstlineno": co.co_firstlineno, "name": co.co_name, "qualname": co.co_qualname,
        "filename": co.co_filename, "names": list(co.co_names),
        "localsplusnames": _localsplusnames(co),
        "code": co.co_code.hex(), "adaptive": co._co_code_adaptive.hex(),
        "localspluskinds": localspluskinds.hex(), "linetable": co.co_linetable.hex(),
        "exceptiontable": co.co_exceptiontable.hex(),
        "consts": [_const(c, kinds, positions) for c in co.co_consts],
        "lines": [list(triple) for triple in co.co_lines()],
    }
    if positions:
        exported["positions"] = _positions(co)
    return exported


def _captured(fn, *args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        fn(*args)
    return out.getvalue()


def _walk(co):
    yield co
    for const in co.co_consts:
        if hasattr(const, "co_code"):
            yield from _walk(const)


# `python -m dis` flag -> the dis.dis option dis.main passes for it.
_OPTIONS = {"": {}, "-C": {"show_caches": True}, "-O": {"show_offsets": True},
            "-P": {"show_positions": True}, "-S": {"adaptive": True}}


def main(path, flags):
    with open(path, "rb") as f:
        source = f.read()
    code = compile(source, path, "exec")
    reader = Marshal(marshal.dumps(code))
    reader.obj()
    exported = _code(code, iter(reader.kinds), positions=len(flags) > 1)
    texts = {flag: _captured(functools.partial(dis.dis, code, **_OPTIONS[flag])) for flag in flags}
    infos = [_captured(dis.show_code, co) for co in _walk(code)]
    json.dump({"code": exported, "dis": texts, "show_code": infos}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], tuple(_OPTIONS) if sys.argv[2:] == ["--all-flags"] else ("",))
