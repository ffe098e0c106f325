"""The robustness bar, end to end over stdio: the server survives, answering correctly, random
edit sequences, malformed requests, invalid UTF-16 positions, a 5 MB file, a 1,000-deep
expression and binary junk; and nothing unhandled reaches its log (window/logMessage,
window/showMessage and its stderr are all checked)."""
import asyncio
import json
import random
import re
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.protocol import JsonRPCResponseMessage
from pytest_lsp import ClientServerConfig, LanguageClient

from pipeline.analysis import analyze
from pipeline.positions import LineIndex
from server import convert

ROOT = "file:///tmp/bytelens-robust/"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "pipeline", "lsp"]))
async def client(lsp_client: LanguageClient):
    # Untyped results stay plain JSON (pygls would build a namedtuple class per object, which
    # takes seconds for the AST pane of a 1,000-deep expression: a cost of this test client).
    lsp_client.protocol._converter.register_structure_hook(JsonRPCResponseMessage, lambda obj, cls: cls(**obj))
    await lsp_client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities()))
    yield
    await lsp_client.shutdown_session()


_BREAK = re.compile(r"\r\n|\r|\n")   # LSP's line breaks


def _utf16_position(text: str, offset: int) -> types.Position:
    before = text[:offset]
    breaks = list(_BREAK.finditer(before))
    start = breaks[-1].end() if breaks else 0
    return types.Position(len(breaks), len(before[start:].encode("utf-16-le", "surrogatepass")) // 2)


def _between_cr_lf(text: str, offset: int) -> int:
    """An LSP position cannot point between a CR and its LF: step past the LF."""
    return offset + 1 if 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n" else offset


def _open(client, name, text, version=1):
    uri = ROOT + name
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="python", version=version, text=text)))
    return uri


def _doc(uri):
    return types.TextDocumentIdentifier(uri=uri)


async def _all_features(client, uri, text):
    """Every request the server answers, on every line start and a few inner positions; the
    semantic tokens must equal a fresh analysis of `text`."""
    full = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=_doc(uri)))
    fresh = analyze(text)
    assert list(full.data) == convert.semantic_tokens(LineIndex(text), fresh.highlights)
    await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=_doc(uri)))
    whole = types.Range(types.Position(0, 0), types.Position(len(_BREAK.findall(text)) + 1, 0))
    await client.text_document_inlay_hint_async(types.InlayHintParams(text_document=_doc(uri), range=whole))
    await client.text_document_semantic_tokens_range_async(types.SemanticTokensRangeParams(text_document=_doc(uri), range=whole))
    for line in range(0, len(_BREAK.findall(text)) + 1, 3):
        for character in (0, 5):
            await client.text_document_hover_async(types.HoverParams(
                text_document=_doc(uri), position=types.Position(line, character)))
    await client.protocol.send_request_async("bytelens/ast", {"textDocument": {"uri": uri}})
    await client.protocol.send_request_async("bytelens/astPath", {"textDocument": {"uri": uri},
                                                                  "position": {"line": 1, "character": 2}})
    await client.protocol.send_request_async("bytelens/disassemble", {"textDocument": {"uri": uri}})
    return fresh


async def _raw_request(client, method, params):
    """A request sent as raw JSON, bypassing the client's typed serialisation (which would
    refuse malformed parameters); its answer, or the JsonRpcException of an error response."""
    msg_id = f"raw-{len(client.protocol._request_futures)}-{random.random()}"
    future = asyncio.get_running_loop().create_future()
    client.protocol._request_futures[msg_id] = future
    client.protocol._send_data({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params})
    return await asyncio.wait_for(future, 30)


def _assert_quiet(client, capfd):
    """Nothing unhandled reached the log: no error-level log or shown message, no traceback on
    the server's stderr, and the client saw no fatal protocol error."""
    errors = [m.message for m in client.log_messages if m.type in (types.MessageType.Error, types.MessageType.Warning)]
    errors += [m.message for m in client.messages]
    assert errors == []
    assert client.error is None
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Error" not in err, err[-2000:]


SEED_TEXT = '''\
import os
LIMIT = 3

def area(width, height=2):
    """Doc."""
    total = width * height + LIMIT
    return [total for _ in range(2)]

class Shape:
    def __init__(self, name: str) -> None:
        self.name = f"{name!r:>10}"
'''
ALPHABET = list("abcxyz_019 \t\n\n()[]{}:;.,=+-*/%'\"#\\@!<>") + ["é", "😀", "\r\n", "def ", "class ", "    ", "lambda", "f'{", "\x00"]


@pytest.mark.asyncio
async def test_two_thousand_random_edits_then_fresh_answers(client: LanguageClient, capfd):
    """2,000 random ranged edits (insertions, deletions, replacements: broken states, CRLF,
    tabs, non-ASCII, astral characters, NUL); every 250 edits and at the end, every feature
    answers and the tokens equal a fresh analysis of the same text."""
    rng = random.Random(20261124)
    text = SEED_TEXT
    uri = _open(client, "edits.py", text)
    for version in range(2, 2002):
        start = _between_cr_lf(text, rng.randrange(len(text) + 1))
        end = _between_cr_lf(text, min(len(text), start + rng.choice((0, 0, 0, 0, 1, 1, 2, 6))))
        new = "".join(rng.choice(ALPHABET) for _ in range(rng.choice((0, 1, 1, 1, 2, 4))))
        if len(text) > 3000:
            new = ""
        rng_start, rng_end = _utf16_position(text, start), _utf16_position(text, end)
        text = text[:start] + new + text[end:]
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangePartial(range=types.Range(rng_start, rng_end), text=new)]))
        if version % 250 == 0 or version == 2001:
            await _all_features(client, uri, text)
    _assert_quiet(client, capfd)


@pytest.mark.asyncio
async def test_malformed_requests_get_answers_not_crashes(client: LanguageClient, capfd):
    uri = _open(client, "ok.py", "x = '😀' + 'a'\ny = x\n")
    unknown = ROOT + "never-opened.py"
    # Unknown documents: empty answers.
    assert (await client.text_document_hover_async(types.HoverParams(
        text_document=_doc(unknown), position=types.Position(0, 0)))) is None
    tokens = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=_doc(unknown)))
    assert list(tokens.data) == []
    assert not await client.text_document_inlay_hint_async(types.InlayHintParams(
        text_document=_doc(unknown), range=types.Range(types.Position(0, 0), types.Position(5, 0))))
    assert not await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=_doc(unknown)))
    answer = await client.protocol.send_request_async("bytelens/disassemble", {"textDocument": {"uri": unknown}})
    assert answer["text"] == "" and answer["error"]
    # A change to a document that is not open is ignored.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=unknown, version=3),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text="z = 1\n")]))
    # Out-of-range and invalid UTF-16 positions: the middle of the emoji's surrogate pair,
    # past the line's end, past the last line, negative-free huge numbers.
    for line, character in ((0, 6), (0, 7), (0, 500), (1, 10**6), (40, 3), (10**6, 10**6)):
        await client.text_document_hover_async(types.HoverParams(text_document=_doc(uri), position=types.Position(line, character)))
        await client.protocol.send_request_async("bytelens/astPath", {"textDocument": {"uri": uri},
                                                                      "position": {"line": line, "character": character}})
    await client.text_document_semantic_tokens_range_async(types.SemanticTokensRangeParams(
        text_document=_doc(uri), range=types.Range(types.Position(0, 7), types.Position(900, 9))))
    # An edit whose range starts inside the surrogate pair and ends past the end of the text.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(types.Position(0, 6), types.Position(99, 0)), text="1\n")]))
    await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=_doc(uri)))
    # Wrong shapes: the server answers with an error response, never dies.
    for method, params in (("textDocument/hover", {"textDocument": {"uri": 5}}),
                           ("textDocument/hover", {}),
                           ("textDocument/semanticTokens/full", {"textDocument": None}),
                           ("bytelens/disassemble", {}),
                           ("bytelens/disassemble", {"textDocument": "nope"}),
                           ("bytelens/astPath", {"textDocument": {"uri": uri}}),
                           ("textDocument/inlayHint", {"textDocument": {"uri": uri}, "range": "all"})):
        try:
            await _raw_request(client, method, params)
        except JsonRpcException:
            pass   # an error response is an answer
    for settings in ("garbage", {"bytelens": {"hover": 3}}, {"bytelens": None}, None):
        client.protocol._send_data({"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration",
                                    "params": {"settings": settings}})
    client.protocol._send_data({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": 7}})
    # Still alive and right.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text="x = 1\nprint(x)\n")]))
    await _all_features(client, uri, "x = 1\nprint(x)\n")
    _assert_quiet(client, capfd)


@pytest.fixture
def deep_json():
    """The AST pane's JSON for a 1,000-deep expression nests ~3,000 levels: more than this test
    process's default recursion limit lets its JSON decoder read (an editor's has no such limit)."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 12_000))
    yield
    sys.setrecursionlimit(limit)


@pytest.mark.asyncio
async def test_big_deep_and_junk_documents(client: LanguageClient, capfd, deep_json):
    # 5 MB: a data module (one large string and many comment lines) with code around it.
    big = "import os\n" + "# " + "c" * 78 + "\n" + ("# " + "x" * 97 + "\n") * 20000 + \
        "DATA = '" + "abcé" * 750_000 + "'\ndef f(a):\n    return a + 1\n"
    assert len(big.encode()) > 5_000_000
    uri = _open(client, "big.py", big)
    tokens = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=_doc(uri)))
    assert len(tokens.data) > 20000 * 5
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=_doc(uri), position=types.Position(big.count("\n") - 1, 4)))
    assert "BINARY_OP" in hover.contents.value
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=_doc(uri)))
    # 1,000-deep expressions: nested unary operators, a long chain, nested brackets (CPython's
    # 200-level limit makes the last a syntax error).
    for n, text in enumerate(("x = " + "-" * 1000 + "1\n", "y = " + "not " * 1000 + "x\n",
                              "z = " + " + ".join(["a"] * 1000) + "\n", "w = " + "(" * 1000 + "1" + ")" * 1000 + "\n",
                              "v = " + "1 if c else " * 1000 + "2\n")):
        deep = _open(client, f"deep{n}.py", text)
        await _all_features(client, deep, text)
    # Binary junk: NULs, lone surrogates, control characters, a BOM in the middle.
    junk_rng = random.Random(7)
    for n in range(3):
        junk = "".join(chr(junk_rng.choice((0, 1, 0xD800, 0xDFFF, 0xFEFF, 0x7F, 0x85, 0x2028, 10, 13, 32, 65, 0x1F600,
                                             junk_rng.randrange(0x110000)))) for _ in range(2000))
        # What the server receives: JSON joins a high and a low surrogate that meet into one character.
        junk = json.loads(json.dumps(junk))
        uri = _open(client, f"junk{n}.py", junk)
        await _all_features(client, uri, junk)
    await asyncio.sleep(0)
    _assert_quiet(client, capfd)
