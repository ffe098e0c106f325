"""End to end: the real `bytelens lsp` over stdio, driven by pytest-lsp the way an editor drives it."""
import json
import shutil
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from tests import oracle

URI = "file:///tmp/bytelens-test/example.py"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "pipeline", "lsp"]))
async def client(lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    lsp_client.server_capabilities = result.capabilities  # what the server advertised, for the tests
    yield
    await lsp_client.shutdown_session()


def _open(client, text, version=1):
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=URI, language_id="python", version=version, text=text)))


def _decode(data, legend):
    """Semantic tokens back to (line, UTF-16 column, length, kind, modifiers)."""
    out, line, col = [], 0, 0
    for i in range(0, len(data), 5):
        dl, dc, length, kind, bits = data[i:i + 5]
        line += dl
        col = col + dc if dl == 0 else dc
        mods = {m for n, m in enumerate(legend.token_modifiers) if bits >> n & 1}
        out.append((line, col, length, legend.token_types[kind], mods))
    return out


@pytest.mark.asyncio
async def test_semantic_tokens_in_utf16_across_an_astral_character(client: LanguageClient):
    _open(client, "s = '😀'; print(len(s))  # done\n")
    legend = client.server_capabilities.semantic_tokens_provider.legend
    result = await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=types.TextDocumentIdentifier(uri=URI)))
    tokens = _decode(result.data, legend)
    assert (0, 0, 1, "variable", {"declaration", "global"}) in tokens
    assert (0, 4, 4, "string", set()) in tokens          # '😀' is 2 UTF-16 units + 2 quotes
    assert (0, 10, 5, "function", {"defaultLibrary", "global"}) in tokens   # print, after the 2-unit emoji
    assert (0, 25, 6, "comment", set()) in tokens


def cpython_syntax_error(tmp_path, text):
    """What CPython 3.14's compile() says about `text`: the oracle's answer, as a dict."""
    (tmp_path / "case.py").write_text(text, "utf-8", newline="")
    shutil.copy(oracle.HERE / "syntax_error.py", tmp_path)
    job = oracle.Job(tmp_path, ("syntax_error.py", "case.py"), ("syntax_error.py", "case.py"))
    return json.loads(oracle.run([job])[0].stdout)


@pytest.mark.asyncio
async def test_diagnostics_follow_incremental_edits(client: LanguageClient, tmp_path):
    _open(client, "x = 1\ny = 2\n")
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[URI]) == []
    # Type an unterminated string into line 2, as an editor sends it: a ranged change.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(1, 4), end=types.Position(1, 5)), text='"abc')]))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    [diag] = client.diagnostics[URI]
    expected = cpython_syntax_error(tmp_path, 'x = 1\ny = "abc\n')
    assert diag.message == expected["msg"]
    assert diag.range.start == types.Position(expected["lineno"] - 1, expected["offset"] - 1)


async def _full(client):
    return await client.text_document_semantic_tokens_full_async(
        types.SemanticTokensParams(text_document=types.TextDocumentIdentifier(uri=URI)))


def _apply(data, edits):
    data = list(data)
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        data[edit.start:edit.start + edit.delete_count] = edit.data or []
    return data


@pytest.mark.asyncio
async def test_semantic_token_delta_equals_a_fresh_full_result(client: LanguageClient):
    _open(client, "def f(a):\n    return a + 1\n\nclass C:\n    x = 'text'\n")
    first = await _full(client)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(2, 0), end=types.Position(2, 0)), text="y = len('ab')\n")]))
    delta = await client.text_document_semantic_tokens_full_delta_async(types.SemanticTokensDeltaParams(
        text_document=types.TextDocumentIdentifier(uri=URI), previous_result_id=first.result_id))
    assert isinstance(delta, types.SemanticTokensDelta) and delta.edits
    fresh = await _full(client)
    assert _apply(first.data, delta.edits) == list(fresh.data)
    assert sum(len(e.data or []) for e in delta.edits) < len(fresh.data)


@pytest.mark.asyncio
async def test_semantic_tokens_for_a_range_are_those_lines_of_the_full_result(client: LanguageClient):
    _open(client, "a = 1\nb = 'x'\nc = a + b\n")
    full = await _full(client)
    part = await client.text_document_semantic_tokens_range_async(types.SemanticTokensRangeParams(
        text_document=types.TextDocumentIdentifier(uri=URI),
        range=types.Range(start=types.Position(1, 0), end=types.Position(1, 7))))
    legend = client.server_capabilities.semantic_tokens_provider.legend
    assert _decode(part.data, legend) == [t for t in _decode(full.data, legend) if t[0] == 1]


@pytest.mark.asyncio
async def test_outline_is_the_module_definitions_with_their_name_ranges(client: LanguageClient):
    _open(client, "import os\nMAX = 3\nclass Café:\n    kind: str = 'x'\n    def run(self):\n"
                  "        def inner(): pass\n        local = 1\nif os.name:\n    def f(): pass\ntype Pair = tuple\n")
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=URI)))

    def shape(items):
        return [(s.name, s.kind, s.selection_range.start.line, s.selection_range.start.character,
                 s.selection_range.end.character, shape(s.children or [])) for s in items]

    K = types.SymbolKind
    assert shape(symbols) == [
        ("MAX", K.Constant, 1, 0, 3, []),
        ("Café", K.Class, 2, 6, 10, [
            ("kind", K.Variable, 3, 4, 8, []),
            ("run", K.Method, 4, 8, 11, [("inner", K.Function, 5, 12, 17, [])])]),
        ("f", K.Function, 8, 8, 9, []),
        ("Pair", K.TypeParameter, 9, 5, 9, []),
    ]
    cls = symbols[1]
    assert (cls.range.start.line, cls.range.end.line) == (2, 6)


def _plain(value):
    """pygls answers custom requests with namedtuples; back to JSON-like dicts and lists."""
    if hasattr(value, "_asdict"):
        return {k: _plain(v) for k, v in value._asdict().items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


@pytest.mark.asyncio
async def test_ast_pane_tree_and_cursor_path(client: LanguageClient):
    _open(client, "s = '😀'\nx = 2 + len(s)\n")
    doc = {"textDocument": {"uri": URI}}
    tree = _plain(await client.protocol.send_request_async("bytelens/ast", doc))
    assert tree["label"] == "Module"
    assign = tree["children"][1]
    assert (assign["field"], assign["label"]) == ("body[1]", "Assign")
    path = _plain(await client.protocol.send_request_async(
        "bytelens/astPath", {**doc, "position": {"line": 1, "character": 12}}))
    assert [(n["field"], n["label"]) for n in path] == [
        ("", "Module"), ("body[1]", "Assign"), ("value", "BinOp"), ("right", "Call"), ("args[0]", "Name(id='s')")]
    # The string's range ends after the 2-unit emoji: UTF-16 at the edge.
    constant = tree["children"][0]["children"][1]
    assert constant["label"] == "Constant(value='😀')"
    assert constant["range"]["end"] == {"line": 0, "character": 8}


@pytest.mark.asyncio
async def test_hover_shows_the_lines_bytecode_and_narrows_to_an_expression(client: LanguageClient, tmp_path):
    text = "x = 2 + 3 * 4\ndef add(a, b):\n    return a + b\n"
    _open(client, text)

    async def hover(line, character):
        result = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=URI), position=types.Position(line, character)))
        return result.contents.value

    # What CPython's dis prints for those lines, from the oracle.
    (tmp_path / "example.py").write_text(text)
    dis = oracle.run([oracle.Job(tmp_path, ("-m", "dis", "example.py"), ("example.py",))])[0].stdout
    folded = next(row for row in dis.splitlines() if "LOAD_SMALL_INT" in row and "14" in row)
    assert "STORE_NAME               0 (x)\n```" in (await hover(0, 0))   # on `x`
    on_literal = await hover(0, 4)         # on `2`, folded with the rest into one load
    assert on_literal.startswith("**<module>**\n```\n") and folded in on_literal
    whole = await hover(2, 4)
    assert "**add**" in whole and "RETURN_VALUE" in whole and "BINARY_OP" in whole
    narrowed = await hover(2, 11)          # on `a` in `a + b`
    assert "LOAD_FAST_BORROW_LOAD_FAST_BORROW" in narrowed and "RETURN_VALUE" not in narrowed
