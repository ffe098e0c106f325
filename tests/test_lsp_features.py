"""End to end over stdio: semantic tokens from symbol tables, hover explanations, fold hints,
compile diagnostics and `bytelens/disassemble`, each checked against CPython 3.14 (the oracle)
where CPython has an answer."""
import asyncio
import json
import re
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from pipeline import facts, opinfo
from tests import canonical, conformance, oracle
from tests.test_lsp import _decode

ROOT = "file:///tmp/bytelens-test/"
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "pipeline", "lsp"])


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    lsp_client.server_capabilities = result.capabilities
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=SERVER)
async def quiet_client(lsp_client: LanguageClient):
    """A client whose settings turn hover explanations and inlay hints off from the start."""
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        initialization_options={"inlayHints": {"enabled": False}, "hover": {"showExplanations": False}}))
    yield
    await lsp_client.shutdown_session()


def _open(client, name, text):
    uri = ROOT + name
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="python", version=1, text=text)))
    return uri


def _doc(uri):
    return types.TextDocumentIdentifier(uri=uri)


def _plain(value):
    if hasattr(value, "_asdict"):
        return {k: _plain(v) for k, v in value._asdict().items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _write(tmp_path, name, text):
    (tmp_path / name).write_text(text, "utf-8", newline="")


# ------------------------------------------------------------------ semantic tokens
SAMPLE = """\
import os.path as osp, sys
from collections import abc
LIMIT = 10
counter = 0

def outer(first, *rest, flag=LIMIT, **options) -> int:
    global counter
    shared = first + len(rest)
    def inner():
        nonlocal shared
        shared += 1
        return shared
    return inner()

class Box[T](object):
    size: int = 0
    def put(self, item: T):
        return self.put(item=item)

type Pair[U] = tuple[U, U]
match counter:
    case [1, *tail]: pass
    case _: pass
print([each for each in range(3)], osp, sys, abc)
"""




async def _tokens(client, uri):
    result = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=_doc(uri)))
    legend = client.server_capabilities.semantic_tokens_provider.legend
    lines = SAMPLE.split("\n")
    return [(lines[line][col:col + length], line, kind, mods) for line, col, length, kind, mods in _decode(result.data, legend)]


@pytest.mark.asyncio
async def test_semantic_tokens_classify_names_by_symbol_table(client: LanguageClient):
    tokens = await _tokens(client, _open(client, "sample.py", SAMPLE))

    def at(word, line, nth=0):
        found = [(kind, mods) for text, ln, kind, mods in tokens if text == word and ln == line]
        assert len(found) == (2 if word == "item" else 1), word
        return found[nth]

    assert at("osp", 0) == ("namespace", {"declaration", "global"})
    assert at("os", 0) == ("namespace", set()) and at("path", 0) == ("namespace", set())
    assert at("collections", 1) == ("namespace", set())
    assert at("LIMIT", 2) == ("variable", {"declaration", "global", "readonly"})
    assert at("LIMIT", 5) == ("variable", {"global", "readonly"})
    assert at("outer", 5) == ("function", {"declaration", "definition", "global"})
    assert at("first", 5) == ("parameter", {"declaration", "local"})
    assert at("options", 5) == ("parameter", {"declaration", "local"})
    assert at("int", 5) == ("class", {"defaultLibrary", "global"})
    assert at("counter", 6) == ("variable", {"declaration", "global"})
    assert at("shared", 7) == ("variable", {"declaration", "cell"})
    assert at("len", 7) == ("function", {"defaultLibrary", "global"})
    assert at("inner", 8) == ("function", {"declaration", "definition", "local"})
    assert at("shared", 11) == ("variable", {"free"})
    assert at("Box", 14) == ("class", {"declaration", "definition", "global"})
    assert at("T", 14)[0] == "typeParameter" and "definition" in at("T", 14)[1]
    assert at("put", 16) == ("method", {"declaration", "definition", "local"})
    assert at("self", 16) == ("parameter", {"declaration", "local"})
    assert at("T", 16)[0] == "typeParameter"
    assert at("put", 17) == ("property", set())
    assert at("item", 17) == ("parameter", set())                    # the keyword argument's name
    assert at("item", 17, 1) == ("parameter", {"local"})
    assert at("type", 19) == ("softKeyword", set()) and at("Pair", 19)[0] == "class"
    assert at("match", 20) == ("softKeyword", set()) and at("case", 21) == ("softKeyword", set())
    assert at("_", 22) == ("softKeyword", set())
    assert at("tail", 21) == ("variable", {"declaration", "global"})
    assert at("print", 23) == ("function", {"defaultLibrary", "global"})
    assert at("range", 23) == ("class", {"defaultLibrary", "global"})


@pytest.mark.asyncio
async def test_semantic_token_scopes_agree_with_cpython_symbol_tables(client: LanguageClient, tmp_path):
    """Each name that lives in one scope only: its scope modifier is the scope CPython's
    `_symtable` gives it there (module-level locals shown as global). Names shared by scopes
    (closures) must show exactly the scopes CPython gives them across the tables."""
    tokens = await _tokens(client, _open(client, "sample.py", SAMPLE))
    _write(tmp_path, "sample.py", SAMPLE)
    [result] = oracle.run([oracle.Job(tmp_path, ("@oracle/symtable_probe.py", "sample.py"), ("sample.py",))])
    table = json.loads(result.stdout)["table"]
    C = facts.SYMTABLE_CONSTANTS
    name_of = {C["LOCAL"]: "local", C["CELL"]: "cell", C["FREE"]: "free",
               C["GLOBAL_IMPLICIT"]: "global", C["GLOBAL_EXPLICIT"]: "global"}
    scopes: dict[str, set[str]] = {}

    def visit(t):
        for name, flags in t["symbols"]:
            scope = name_of.get(flags >> C["SCOPE_OFF"] & C["SCOPE_MASK"])
            if scope is not None and not name.startswith("."):
                scopes.setdefault(name, set()).add("global" if scope == "local" and t["type"] == C["TYPE_MODULE"] else scope)
        for child in t["children"]:
            visit(child)
    visit(table)
    ours: dict[str, set[str]] = {}
    for text, _line, kind, mods in tokens:
        if kind in ("variable", "parameter", "function", "method", "class", "namespace", "typeParameter"):
            ours.setdefault(text, set()).update(mods & {"local", "global", "free", "cell"})
    checked = 0
    for name, theirs in scopes.items():
        # `item=`: a keyword argument's name has no scope. `each`: PEP 709 inlines the module-level
        # comprehension and CPython lists its variable in the module's table, while the code keeps
        # it in a fast local of the comprehension (as its table says): shown as local.
        if name in ours and name not in ("item", "each"):
            assert ours[name] == theirs, name
            checked += 1
    assert checked >= 15


def test_every_opcode_and_pseudo_op_has_an_explanation():
    names = (*facts.OPMAP, *facts.SPECIALIZED_OPMAP)
    assert len(names) > 200
    assert [name for name in names if not opinfo.explain(name)] == []
    assert opinfo.explain("NOT_AN_OPCODE") is None


# ------------------------------------------------------------------ hover explanations
async def _hover(client, uri, line, character):
    result = await client.text_document_hover_async(types.HoverParams(
        text_document=_doc(uri), position=types.Position(line, character)))
    return result.contents.value


@pytest.mark.asyncio
async def test_hover_explains_each_distinct_opcode_once(client: LanguageClient):
    uri = _open(client, "hover.py", "def f(a, b):\n    return a + b + a\n")
    text = await _hover(client, uri, 1, 4)
    listing, explanations = text.split("```\n\n", 1)
    opnames = list(dict.fromkeys(re.findall(r"^\s*(?:\d+\s+)?(?:L\d+:\s+)?([A-Z_]+)", listing.split("```\n", 1)[1], re.M)))
    assert "BINARY_OP" in opnames and "RETURN_VALUE" in opnames
    assert explanations.splitlines() == [f"- `{name}`: {opinfo.explain(name)}" for name in opnames]
    # Turned off through workspace/didChangeConfiguration: the listing alone.
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"bytelens": {"hover": {"showExplanations": False}, "inlayHints": {"enabled": True}}}))
    assert await _hover(client, uri, 1, 4) == listing + "```"


@pytest.mark.asyncio
async def test_initialization_options_turn_explanations_and_hints_off(quiet_client: LanguageClient):
    uri = _open(quiet_client, "quiet.py", "x = 2 + 3 * 4\n")
    assert (await _hover(quiet_client, uri, 0, 0)).endswith("```")
    hints = await quiet_client.text_document_inlay_hint_async(types.InlayHintParams(
        text_document=_doc(uri), range=types.Range(types.Position(0, 0), types.Position(1, 0))))
    assert not hints


# ------------------------------------------------------------------ inlay hints
FOLDS = """\
x = 2 + 3 * 4
mask = 1 << 8
name = 'ab' * 3
neg = -5
pair = (1, 2)
def f(v):
    return v + (60 * 60 * 24)
ok = 1 if 2 ** 10 > 3 else 0
label = 'é' + 'ö'
"""


@pytest.mark.asyncio
async def test_fold_hints_sit_where_cpython_loads_the_folded_constant(client: LanguageClient, tmp_path):
    assert client.server_capabilities.inlay_hint_provider
    uri = _open(client, "folds.py", FOLDS)
    hints = await client.text_document_inlay_hint_async(types.InlayHintParams(
        text_document=_doc(uri), range=types.Range(types.Position(0, 0), types.Position(20, 0))))
    lines = FOLDS.split("\n")
    shown = [(h.position.line, h.position.character, h.label) for h in hints]
    assert (0, 13, "= 14") in shown and (1, 13, "= 256") in shown
    assert (2, 15, "= 'ababab'") in shown and (6, 28, "= 86400") in shown
    assert (7, 17, "= 1024") in shown and (8, 17, "= 'éö'") in shown
    assert not any(line in (3, 4) for line, _, _ in shown)   # `-5`, `(1, 2)`: nothing new to say
    # CPython's dis -P: each hinted expression's span is a constant load of that value.
    _write(tmp_path, "folds.py", FOLDS)
    [result] = oracle.run([oracle.Job(tmp_path, ("-m", "dis", "-P", "folds.py"), ("folds.py",))])
    loads = set()
    for row in result.stdout.splitlines():
        match = re.match(r"\s*(\d+):(\d+)-(\d+):(\d+)\s+(?:L\d+:\s+)?(LOAD_CONST|LOAD_SMALL_INT)\s+(\d+)(?: \((.*)\))?$", row)
        if match:
            l1, c1, l2, c2 = (int(g) for g in match.groups()[:4])
            loads.add((l1, c1, l2, c2, match.group(7) if match.group(7) is not None else match.group(6)))
    assert len(shown) >= 6
    for hint in hints:
        line = hint.position.line
        text = lines[line]
        end = len(text[:hint.position.character].encode())           # dis counts UTF-8 bytes
        starts = [(l1, c1) for l1, c1, l2, c2, value in loads
                  if (l2, c2) == (line + 1, end) and f"= {value}" == hint.label]
        assert starts, (hint.label, line)


# ------------------------------------------------------------------ compile diagnostics
WARNINGS_PROBE = '''\
import json, sys, warnings
source = open(sys.argv[1], "rb").read()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    compile(source, sys.argv[1], "exec", dont_inherit=True)
print(json.dumps([[str(w.message), w.lineno] for w in caught if w.category is SyntaxWarning]))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        compile(source, sys.argv[1], "exec", dont_inherit=True)
    except SyntaxError as exc:
        print(json.dumps([exc.msg, exc.lineno, exc.offset, exc.end_lineno, exc.end_offset]))
'''

ERRORS = {
    "ret.py": "x = 1\nreturn x\n",
    "nonlocal.py": "y = 2\nnonlocal y\n",
    "await.py": "import asyncio\nawait asyncio.sleep(0)\n",
    "yield.py": "class C:\n    yield 1\n",
    "break.py": "for i in []:\n    pass\nbreak\n",
    "param.py": "def f(a):\n    global a\n",
    "wide.py": "s = 'é'; return s\n",
}


async def _diagnostics(client, uri, until=lambda found: True):
    """The document's published diagnostics once `until` accepts them (polled: they may be in
    already, so waiting for the next notification could wait forever)."""
    for _ in range(600):
        if uri in client.diagnostics and until(list(client.diagnostics[uri])):
            return list(client.diagnostics[uri])
        await asyncio.sleep(0.05)
    raise AssertionError(f"no such diagnostics for {uri}: {client.diagnostics.get(uri)}")


@pytest.mark.asyncio
async def test_compile_errors_carry_cpythons_message_and_range(client: LanguageClient, tmp_path):
    import shutil
    shutil.copy(oracle.HERE / "syntax_error.py", tmp_path)
    for name, text in ERRORS.items():
        _write(tmp_path, name, text)
    results = oracle.run([oracle.Job(tmp_path, ("syntax_error.py", name), ("syntax_error.py", name)) for name in ERRORS])
    for (name, text), result in zip(ERRORS.items(), results):
        expected = json.loads(result.stdout)
        uri = _open(client, name, text)
        [diag] = await _diagnostics(client, uri)
        line = text.split("\n")[expected["lineno"] - 1]

        def utf16(offset):   # compile-time SyntaxError offsets count UTF-8 bytes
            return len(line.encode()[:offset - 1].decode().encode("utf-16-le")) // 2
        assert (diag.message, diag.severity) == (expected["msg"], types.DiagnosticSeverity.Error), name
        assert diag.range.start == types.Position(expected["lineno"] - 1, utf16(expected["offset"])), name
        assert diag.range.end == types.Position(expected["end_lineno"] - 1, utf16(expected["end_offset"])), name
    # Pushed again after each change: wrapping the `return` in a function clears it.
    uri = ROOT + "ret.py"
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(1, 0), types.Position(1, 0)), text="def f():\n    ")]))
    assert await _diagnostics(client, uri, lambda found: found == []) == []


WARNS = {
    "is.py": "x = 3\nif x is 1:\n    pass\n",
    "escape.py": "path = 'C:\\d'\nok = 1\n",
    "both.py": "a = [] is 'x'\nb = '\\q'\n",
    "wide.py": "s = 'é' + '\\w'\n",
}


@pytest.mark.asyncio
async def test_compile_warnings_are_warnings_with_cpythons_message(client: LanguageClient, tmp_path):
    _write(tmp_path, "warnings_probe.py", WARNINGS_PROBE)
    for name, text in WARNS.items():
        _write(tmp_path, name, text)
    results = oracle.run([oracle.Job(tmp_path, ("warnings_probe.py", name), ("warnings_probe.py", name)) for name in WARNS])
    for (name, text), result in zip(WARNS.items(), results):
        caught, as_error = [json.loads(row) for row in result.stdout.splitlines()]
        uri = _open(client, name, text)
        found = await _diagnostics(client, uri)
        assert all(d.severity == types.DiagnosticSeverity.Warning for d in found), name
        assert sorted((d.message, d.range.start.line + 1) for d in found) == sorted(map(tuple, caught)), name
        # The first warning, made an error, gives CPython's range for it (the parser's offsets
        # count characters, the compiler's UTF-8 bytes; the samples are ASCII before the mark).
        message, lineno, offset, end_lineno, end_offset = as_error
        [first] = [d for d in found if d.range.start.line == lineno - 1]
        assert (first.range.start.character, first.range.end.line, first.range.end.character) == \
            (offset - 1, end_lineno - 1, end_offset - 1), name


@pytest.mark.asyncio
async def test_is_with_a_tuple_literal_warns(client: LanguageClient, tmp_path):
    _write(tmp_path, "warnings_probe.py", WARNINGS_PROBE)
    _write(tmp_path, "tuple.py", "a = [] is ()\n")
    [result] = oracle.run([oracle.Job(tmp_path, ("warnings_probe.py", "tuple.py"), ("warnings_probe.py", "tuple.py"))])
    caught = json.loads(result.stdout.splitlines()[0])
    assert caught, "CPython warns"
    found = await _diagnostics(client, _open(client, "tuple.py", "a = [] is ()\n"))
    assert [(d.message, d.range.start.line + 1) for d in found] == [tuple(w) for w in caught]


# ------------------------------------------------------------------ bytelens/disassemble
DIS_FILES = conformance.sample(oracle.corpus_files(), 3)


def _comparable(text: str) -> str:
    return canonical.dis_text(oracle.mask_addresses(text))


@pytest.mark.asyncio
async def test_disassemble_is_cpythons_dis_text_with_a_range_per_instruction_line(client: LanguageClient):
    root = oracle.corpus_dir()
    results = oracle.run([oracle.Job(root, ("-m", "dis", name), (name,)) for name in DIS_FILES])
    for name, result in zip(DIS_FILES, results):
        text = (root / name).read_bytes().decode("utf-8")
        uri = _open(client, name, text)
        answer = _plain(await client.protocol.send_request_async("bytelens/disassemble", {"textDocument": {"uri": uri}}))
        assert "error" not in answer
        ours = answer["text"].replace(f'file "/tmp/bytelens-test/{name}"', f'file "{name}"')
        assert _comparable(ours) == _comparable(result.stdout), name
        rows = answer["text"].split("\n")[:-1]
        assert len(answer["ranges"]) == len(rows)
        current = None
        for row, rng in zip(rows, answer["ranges"]):
            numbered = re.match(r"\s*(\d+|--)\s", row)
            if not row or row.startswith("Disassembly of") or row == "ExceptionTable:" or " to L" in row:
                assert rng is None, row
                current = None
                continue
            if numbered:
                current = None if numbered.group(1) == "--" else int(numbered.group(1))
            if current is not None and rng is not None:
                assert rng["start"]["line"] + 1 == current, row   # starts on the line dis attributes it to
        assert sum(rng is not None for rng in answer["ranges"]) > len(rows) // 2


@pytest.mark.asyncio
async def test_disassemble_reports_a_syntax_error(client: LanguageClient, tmp_path):
    uri = _open(client, "broken.py", "def f(:\n")
    answer = _plain(await client.protocol.send_request_async("bytelens/disassemble", {"textDocument": {"uri": uri}}))
    assert answer["text"] == "" and answer["ranges"] == [] and answer["error"]
    uri = _open(client, "compile_error.py", "return 1\n")
    answer = _plain(await client.protocol.send_request_async("bytelens/disassemble", {"textDocument": {"uri": uri}}))
    assert answer == {"text": "", "ranges": [], "error": "'return' outside function"}
