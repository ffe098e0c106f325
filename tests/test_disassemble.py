"""The code object layer against real CPython 3.14 on the whole stdlib corpus.

Every code object comes from the oracle (`tests/codejson.py`); nothing here is compiled by us.
- `disassemble` of each module equals what `python3.14 -m dis FILE` prints for the exported code
  object; for a sample of 60 files, so do `-C`, `-O`, `-P` and `-S`; and it equals the output of a
  separate `python3.14 -m dis FILE` run, up to the order of hash-ordered frozenset elements.
- `show_code` equals `dis.show_code` for every code object of the sample.
- `co_lines()`, `co_positions()` and the quickened code equal CPython's.
- Decoding every instruction stream, location table and exception table and re-encoding it gives
  back the same bytes.
- `bytelens dis` end to end, with the oracle's code object standing in for our compiler's.

String hashing is randomized per CPython process, so a frozenset of strings prints its elements in
an order that varies from run to run (and even from compile to compile). Texts printed from the
exported code object itself must match character for character (addresses masked); against the
separate run, frozensets holding strings are compared with their elements sorted, all else exactly.
"""
from __future__ import annotations

import functools
import sys
import types

import pytest

from pipeline import assembler
from pipeline.disassemble import disassemble, get_instructions, show_code
from tests import canonical, codejson, oracle

FILES = oracle.corpus_files()
SAMPLE = FILES[::9]
FLAGS = {"-C": {"show_caches": True}, "-O": {"show_offsets": True}, "-P": {"show_positions": True},
         "-S": {"adaptive": True}}


@functools.cache
def _exports() -> dict[str, codejson.Export]:
    return {e.path: e for e in codejson.export(FILES)}


@functools.cache
def _sample_exports() -> dict[str, codejson.Export]:
    return {e.path: e for e in codejson.export(SAMPLE, all_flags=True)}


@functools.cache
def _dis_outputs() -> dict[str, oracle.Result]:
    root = oracle.corpus_dir()
    results = oracle.run([oracle.Job(root, ("-m", "dis", path), (path,)) for path in FILES])
    return dict(zip(FILES, results))


def _comparable(text: str) -> str:
    return canonical.dis_text(oracle.mask_addresses(text))


@functools.cache
def _our_dis(path: str) -> str:
    return oracle.mask_addresses(disassemble(_exports()[path].code()))


def test_comparable_only_reorders_frozensets_of_strings():
    assert _comparable("(frozenset({'b', \"a'}\"}))") == "(frozenset({\"a'}\", 'b'}))"
    assert _comparable("frozenset({('x', 1), ('a', 2)})") == "frozenset({('a', 2), ('x', 1)})"
    assert _comparable("frozenset({2, 1}) at 0x1f") == "frozenset({2, 1}) at 0x..."
    assert _comparable("'frozenset({'\n") == "'frozenset({'\n"


@pytest.mark.parametrize("path", FILES)
def test_dis_matches(path):
    assert _our_dis(path) == oracle.mask_addresses(_exports()[path].dis[""])


@pytest.mark.parametrize("path", FILES)
def test_dis_matches_separate_python_m_dis_run(path):
    expected = _dis_outputs()[path]
    assert expected.status == 0, expected.stderr
    assert canonical.dis_text(_our_dis(path)) == _comparable(expected.stdout)


@pytest.mark.parametrize("flag", FLAGS)
@pytest.mark.parametrize("path", SAMPLE)
def test_dis_flags_match(path, flag):
    export = _sample_exports()[path]
    got = disassemble(export.code(), **FLAGS[flag])
    assert oracle.mask_addresses(got) == oracle.mask_addresses(export.dis[flag])


@pytest.mark.parametrize("path", SAMPLE)
def test_show_code_matches(path):
    export = _sample_exports()[path]
    got = [show_code(codejson.code_from_json(data)) for data in codejson.walk_json(export.json)]
    assert [oracle.mask_addresses(t) for t in got] == [oracle.mask_addresses(t) for t in export.show_code]


# Constants whose reprs are easy to get wrong on a host that is not 3.14: Unicode printability
# (Unicode 16 in 3.14), lone surrogates, quotes, floats and complex numbers with signed zeros,
# infinities and NaN, big ints, slices, nested tuples, frozensets.
EDGE_SOURCE = r"""
strings = ('a\u0378b', '\x7f\x80\xa0\xad', "it's", 'both \' and "', '\U0001fae9', '\ud800', '\u2028')
raw = (b'\x00\xff"\'', b"'", bytes(3))
inf = 1e308 * 10
numbers = (-0.0, inf, -inf, inf - inf, 0.1, 1/3, 2 ** 200, -2 ** 63, 1e16, 1e-7)
complexes = (2j, 1 + 2j, -0j, -(0j), 1e308j * 10, (inf - inf) * 1j, -1.5 - 0.5j)
nested = ((1,), (), ('a', (None, ..., True)), ((),))
def f(y):
    return y[1:2], y[::2], y[1:-1], y in {1, 2, 3}, y in {'a'}, y not in {2.5, -1}, y in {(1, 'x'), (2, 'y')}
"""


@functools.cache
def _edge_export() -> codejson.Export:
    root = oracle.cache_root() / "disassemble-edge"
    root.mkdir(parents=True, exist_ok=True)
    (root / "edge.py").write_text(EDGE_SOURCE, "utf-8")
    return codejson.export(["edge.py"], root=root, all_flags=True)[0]


@pytest.mark.parametrize("flag", ["", *FLAGS])
def test_edge_constants_match(flag):
    export = _edge_export()
    got = disassemble(export.code(), **FLAGS.get(flag, {}))
    assert oracle.mask_addresses(got) == oracle.mask_addresses(export.dis[flag])
    infos = [show_code(codejson.code_from_json(data)) for data in codejson.walk_json(export.json)]
    assert [oracle.mask_addresses(t) for t in infos] == [oracle.mask_addresses(t) for t in export.show_code]


@pytest.mark.parametrize("path", FILES)
def test_code_object_views_match(path):
    """co_lines() and the never-run adaptive code, for every code object of the file."""
    for data in codejson.walk_json(_exports()[path].json):
        code = codejson.code_from_json(data)
        assert [list(t) for t in code.co_lines()] == data["lines"], code.co_qualname
        assert code.co_code_adaptive.hex() == data["adaptive"], code.co_qualname


@pytest.mark.parametrize("path", SAMPLE)
def test_co_positions_match(path):
    for data in codejson.walk_json(_sample_exports()[path].json):
        expected = [tuple(run[1:]) for run in data["positions"] for _ in range(run[0])]
        assert list(codejson.code_from_json(data).co_positions()) == expected, data["qualname"]


@pytest.mark.parametrize("path", FILES)
def test_encodings_round_trip(path):
    """Decoding and re-encoding the instructions (EXTENDED_ARG, caches), the location table and the
    exception table reproduces CPython's bytes, for every code object of the file."""
    for data in codejson.walk_json(_exports()[path].json):
        code = codejson.code_from_json(data)
        units = [assembler.encode_instruction(i.opname, i.arg or 0)
                 for i in get_instructions(code) if i.opname != "EXTENDED_ARG"]
        assert b"".join(units) == code.co_code, code.co_qualname
        runs = assembler.runs_from_spans((e.location, e.units) for e in code.location_entries())
        assert assembler.encode_linetable(runs, code.co_firstlineno) == code.co_linetable, code.co_qualname
        assert assembler.encode_exceptiontable(code.exception_entries()) == code.co_exceptiontable, code.co_qualname


@pytest.mark.parametrize("flag", ["", *FLAGS])
def test_cli_dis(flag, monkeypatch, capsys):
    """`bytelens dis [FLAG] FILE` end to end, with the oracle's code object standing in for the
    compiler's (which comes later): the stand-in must receive a parsed tree and the file name."""
    from pipeline import astnodes, cli

    path = SAMPLE[0]
    export = _sample_exports()[path]
    received = []

    def compile_module(tree, filename):
        received.append((type(tree), filename))
        return types.SimpleNamespace(code=export.code(), errors=(), warnings=(), unsupported=None)

    monkeypatch.setitem(sys.modules, "pipeline.compiler", types.SimpleNamespace(compile_module=compile_module))
    monkeypatch.chdir(oracle.corpus_dir())
    assert cli.main(["dis", *([flag] if flag else []), path]) == 0
    assert received == [(astnodes.Module, path)]
    assert oracle.mask_addresses(capsys.readouterr().out) == oracle.mask_addresses(export.dis[flag])
