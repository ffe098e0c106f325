"""The Bytelens language server (pygls 2.x over stdio): `bytelens lsp`.

State lives on the server object: the open documents and, per document, the analysis of its
current version (from `pipeline.incremental`, which reuses unchanged top-level statements).
Changes only record the new text; the analysis runs when something asks for it, and the
diagnostics of a version are published from a task that first lets queued messages in, so a
version already replaced is never analysed (newer versions cancel stale work). A first analysis
of a big file runs chunk by chunk, yielding to the event loop and reporting `$/progress` when the
client supports work-done progress. Each version is compiled once, on a worker thread (with the
large stack main() sets): compile diagnostics, fold hints, hovers outside a single definition and
the disassembly use that compile, and tokens and hovers are served while it runs. A version's
diagnostics, the parser's and the compiler's together, are published once it is done (at once
when the text does not parse; the parser's alone first when they clear syntax errors shown
before). Handlers translate between LSP and `pipeline.analysis`; `server.convert` is the
only place protocol types are built from pipeline values. The server never executes user code,
and stdout carries protocol messages only.
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
import gc
import logging
import sys
import threading

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import JsonRPCNotification, JsonRPCRequestMessage, LanguageServerProtocol, lsp_method

from pipeline.analysis import Analysis
from pipeline.incremental import Analyzer, ChunkedAnalysis, HoverSource
from pipeline.positions import LineIndex
from pipeline.astview import ast_path, ast_view
from pipeline.hover import HoverIndex, disassembly
from pipeline.inlay import fold_hints
from server import convert
from server.documents import Document

log = logging.getLogger(__name__)


class _Dropped:
    """A client message whose parameters do not have the shape its method requires."""

    def __init__(self, method: str):
        self.method = method


class TolerantProtocol(LanguageServerProtocol):
    """pygls's protocol, except that a message with malformed parameters is an ordinary event:
    a request gets an InvalidParams error response (pygls would log a traceback and leave the
    client waiting forever), a notification is dropped with an info-level log line."""

    def structure_message(self, data):
        if not (isinstance(data, dict) and "jsonrpc" in data and isinstance(data.get("method"), str)):
            return super().structure_message(data)
        method = data["method"]
        is_request = "id" in data
        kind = self.get_message_type(method) or (JsonRPCRequestMessage if is_request else JsonRPCNotification)
        try:
            return self._converter.structure(data, kind)
        except Exception as exc:  # the client's malformed params; our own bugs do not pass here
            log.info("malformed %s from the client: %s", method, exc)
            if is_request and isinstance(data["id"], (int, str)):
                self._send_response(data["id"], error=types.ResponseError(
                    code=types.ErrorCodes.InvalidParams, message=f"invalid params for {method}"))
            return _Dropped(method)

    def handle_message(self, message):
        if isinstance(message, _Dropped):
            return None
        return super().handle_message(message)

    # The server keeps the open documents itself (`server.documents`), so pygls's workspace
    # copy is not kept: applying each change to a second copy of a big file costs a keystroke
    # milliseconds, and pygls raises KeyError for a change to a document never opened.
    @lsp_method(types.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params: types.DidOpenTextDocumentParams):
        if (user_handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_OPEN)) is not None:
            yield user_handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        if (user_handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield user_handler, (params,), None

    @lsp_method(types.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params: types.DidCloseTextDocumentParams):
        if (user_handler := self.fm.features.get(types.TEXT_DOCUMENT_DID_CLOSE)) is not None:
            yield user_handler, (params,), None


class _PipeReader:
    """The client's messages read by the event loop itself from its pipe: pygls reads stdin on
    a worker thread, a round trip through the executor per header line and per body, and a
    request that arrives with others waits behind those trips."""

    def __init__(self, stream: asyncio.StreamReader):
        self._stream = stream

    async def readline(self) -> bytes:
        return await self._stream.readline()

    async def readexactly(self, n: int) -> bytes:
        try:
            return await self._stream.readexactly(n)
        except asyncio.IncompleteReadError as exc:  # the client went away mid-message
            return exc.partial


class BytelensServer(LanguageServer):
    def _start_io_async(self, stdin=None, stdout=None):
        """pygls's stdio loop, reading stdin with the event loop when it is a pipe (it is, under
        an editor); anything else (a file, a terminal) is read as pygls reads it."""
        source = stdin or sys.stdin.buffer
        try:
            import os
            import stat

            piped = stat.S_ISFIFO(os.fstat(source.fileno()).st_mode)
        except (AttributeError, OSError, ValueError):
            piped = False
        if not piped:
            return super()._start_io_async(stdin, stdout)
        from pygls.io_ import StdoutWriter, run_async

        self._stop_event = threading.Event()
        self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))

        async def serve():
            loop = asyncio.get_running_loop()
            stream = asyncio.StreamReader(limit=1 << 30)
            await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stream), source)
            await run_async(stop_event=self._stop_event, reader=_PipeReader(stream), protocol=self.protocol,
                            logger=log, error_handler=self.report_server_error)

        try:
            asyncio.run(serve())
        except BrokenPipeError:
            log.error("Connection to the client is lost! Shutting down the server.")
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self.shutdown()

    def __init__(self) -> None:
        super().__init__("bytelens", "0.1.0", text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=TolerantProtocol)
        self.documents: dict[str, Document] = {}
        self._analyses: dict[str, tuple[int, Analysis]] = {}
        # The last semantic tokens sent per document, for `full/delta`: (result id, data).
        self._sent_tokens: dict[str, tuple[str, list[int]]] = {}
        self._next_result_id = 0
        self._analyzers: dict[str, Analyzer] = {}
        self._hovers: dict[str, HoverSource] = {}
        self._tasks: set[asyncio.Task] = set()
        # A first analysis of a text with at least this many lines reports progress.
        self.progress_lines = 2000
        # Per document: (version, HoverIndex or None when the text does not compile).
        self._hover_indexes: dict[str, tuple[int, HoverIndex | None]] = {}
        # Per document: (the version's Document, a future of the compiler's result, None while
        # the text does not parse). The compile runs on a worker thread, off the event loop.
        self._compiled: dict[str, tuple[Document, concurrent.futures.Future]] = {}
        self._compiler: concurrent.futures.ThreadPoolExecutor | None = None
        # Per document: whether the last diagnostics published included the parser's errors.
        self._syntax_errors_shown: dict[str, bool] = {}
        # Documents whose first analysis is published (see `_settle`).
        self._settled: set[str] = set()
        self.settings = Settings()

    def analysis(self, uri: str) -> tuple[Document, Analysis] | None:
        """The analysis of the document's current version, computed once per version."""
        doc = self.documents.get(uri)
        if doc is None:
            return None
        cached = self._analyses.get(uri)
        if cached is None or cached[0] != doc.version:
            analyzer = self._analyzers.setdefault(uri, Analyzer())
            cached = (doc.version, analyzer.analyze(doc.text, doc.lines))
            self._analyses[uri] = cached
        return doc, cached[1]

    def changed(self, uri: str) -> None:
        """After a new version: publish its diagnostics soon, unless a newer version comes first."""
        task = asyncio.ensure_future(self._publish_when_current(uri, self.documents[uri]))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _publish_when_current(self, uri: str, doc: Document) -> None:
        # Let the messages already queued in first: newer changes make this version stale, and
        # requests sent with the change (semantic tokens, a hover) need no parse to wait behind.
        await asyncio.sleep(0.002)
        if self.documents.get(uri) is not doc:
            return
        try:
            if uri not in self._analyses and doc.lines.line_count() >= self.progress_lines:
                if not await self._first_analysis(uri, doc):
                    return
            _, result = self.analysis(uri)
            parser = [convert.diagnostic(doc.lines, d) for d in result.diagnostics]
            pieces = self.piece_compile(uri)
            if pieces is not None or not result.parses:
                # Compiled piece by piece (one member per keystroke), or nothing to compile.
                self._send_diagnostics(uri, doc, parser + self._compile_diagnostics(doc, pieces),
                                       not result.parses)
                self._settle(uri)
                return
            future = self._compile_future(uri)
            if not future.done() and self._syntax_errors_shown.get(uri):
                # A syntax error was just fixed: clear it now, not after the compile.
                self._send_diagnostics(uri, doc, parser, False)
            compiled = await asyncio.wrap_future(future)
            if self.documents.get(uri) is not doc:
                return
            self._send_diagnostics(uri, doc, parser + self._compile_diagnostics(doc, compiled),
                                   not result.parses)
        except Exception:  # noqa: BLE001 - a bug must not take the server down; it is logged
            log.exception("analysing %s failed", uri)

    def _settle(self, uri: str) -> None:
        """After a document's first analysis is published: the pieces of a big file are millions
        of objects that live as long as the file is open unchanged, and a full collection
        scanning them would stall a keystroke now and then. Collect once, then leave what
        exists out of later collections (`gc.freeze`); what edits replace is still freed by
        reference counting (tokens, trees and tables hold no cycles)."""
        if uri in self._settled:
            return
        self._settled.add(uri)
        gc.collect()
        gc.freeze()

    async def _first_analysis(self, uri: str, doc: Document) -> bool:
        """Analyse chunk by chunk, yielding between chunks and reporting progress; False when a
        newer version arrived meanwhile (what was done is kept for it)."""
        token = None
        window = getattr(self.client_capabilities, "window", None)
        if window is not None and window.work_done_progress:
            token = f"bytelens/analysis/{uri}/{doc.version}"
            try:
                await self.work_done_progress.create_async(token)
            except Exception:  # noqa: BLE001 - the client refused: analyse without progress
                token = None
            else:
                self.work_done_progress.begin(token, types.WorkDoneProgressBegin(
                    title="Bytelens", message="analysing", percentage=0, cancellable=False))
        analyzer = self._analyzers.setdefault(uri, Analyzer())
        current, reported = True, 0
        try:
            for fraction in analyzer.steps(doc.text, doc.lines):
                percentage = int(fraction * 100)
                if token is not None and percentage >= reported + 5:
                    reported = percentage
                    self.work_done_progress.report(token, types.WorkDoneProgressReport(percentage=percentage))
                await asyncio.sleep(0)
                if self.documents.get(uri) is not doc:
                    current = False
                    break
            else:
                if self._analyses.get(uri, (None,))[0] != doc.version:
                    self._analyses[uri] = (doc.version, analyzer.result)
        finally:
            if token is not None:
                self.work_done_progress.end(token, types.WorkDoneProgressEnd(message="done"))
        return current

    def forget(self, uri: str) -> None:
        self.documents.pop(uri, None)
        self._analyses.pop(uri, None)
        self._sent_tokens.pop(uri, None)
        self._analyzers.pop(uri, None)
        self._hovers.pop(uri, None)
        self._hover_indexes.pop(uri, None)
        self._compiled.pop(uri, None)
        self._syntax_errors_shown.pop(uri, None)
        self._settled.discard(uri)

    def hover_listings(self, uri: str, line: int, span=None):
        """The listings of the bytecode for a line (narrowed to a span); None when the document
        does not compile. The piece that owns the line answers (`piece_compile`); otherwise the
        module compiled once per version (`compiled`) serves."""
        found = self.analysis(uri)
        if found is None:
            return None
        hovers = self._hovers.setdefault(uri, HoverSource(code_filename(uri)))
        return hovers.listings(found[1], line, span, whole=lambda: self.hover_index(uri))

    def piece_compile(self, uri: str):
        """The current version compiled piece by piece (`pipeline.doccompile`): its compile
        diagnostics and fold hints, and hovers on the lines a piece owns; None when the text
        does not parse or must be compiled whole."""
        found = self.analysis(uri)
        if found is None:
            return None
        try:
            return self._hovers.setdefault(uri, HoverSource(code_filename(uri))).document(found[1])
        except Exception:  # noqa: BLE001 - a compiler bug: the whole compile reports it
            log.exception("compiling %s piece by piece failed", uri)
            return None

    def hover_index(self, uri: str) -> HoverIndex | None:
        """The compiled module's instructions by line, built on the first hover of a version."""
        doc = self.documents.get(uri)
        if doc is None:
            return None
        cached = self._hover_indexes.get(uri)
        if cached is None or cached[0] != doc.version:
            compiled = self.compiled(uri)
            code = None if compiled is None else compiled.code
            cached = (doc.version, None if code is None else HoverIndex(code))
            self._hover_indexes[uri] = cached
        return cached[1]

    def compiled(self, uri: str):
        """The compiler's result for the document's current version (its tree compiled as the
        file `dis` would name it), once per version; None while the text does not parse. Waits
        for the worker thread when the background compile of this version is under way."""
        future = self._compile_future(uri)
        return None if future is None else future.result()

    def _compile_future(self, uri: str) -> concurrent.futures.Future | None:
        """The compile of the current version, started on the worker thread if not yet."""
        found = self.analysis(uri)
        if found is None:
            return None
        doc, result = found
        cached = self._compiled.get(uri)
        if cached is None or cached[0] is not doc:
            if not result.parses:
                future = concurrent.futures.Future()
                future.set_result(None)
            else:
                if self._compiler is None:
                    # Created after main() set the large thread stack size: deep trees recurse.
                    self._compiler = concurrent.futures.ThreadPoolExecutor(1, "bytelens-compile")
                future = self._compiler.submit(self._compile, uri, doc, result)
            cached = (doc, future)
            self._compiled[uri] = cached
        return cached[1]

    def _compile(self, uri: str, doc: Document, result):
        """On the worker thread: assemble the tree (chunks' statements moved into place) and
        compile it, unless a newer version replaced the document while this waited (then
        nothing asks for the result: None)."""
        from pipeline.compiler import compile_module

        if self.documents.get(uri) is not doc:
            return None
        return compile_module(result.tree, code_filename(uri))

    def semantic_tokens(self, uri: str) -> tuple[str, list[int]]:
        """Fresh semantic tokens for the document, remembered under a new result id."""
        found = self.analysis(uri)
        data = [] if found is None else _encoded_tokens(*found)
        self._next_result_id += 1
        sent = (str(self._next_result_id), data)
        self._sent_tokens[uri] = sent
        return sent

    def semantic_tokens_since(self, uri: str, previous_id: str):
        """A delta against what was sent under `previous_id`, or all tokens when that is unknown."""
        previous = self._sent_tokens.get(uri)
        result_id, data = self.semantic_tokens(uri)
        if previous is None or previous[0] != previous_id:
            return types.SemanticTokens(data=data, result_id=result_id)
        return types.SemanticTokensDelta(edits=convert.semantic_tokens_edit(previous[1], data), result_id=result_id)

    def publish(self, uri: str) -> None:
        """Publish the current version's diagnostics now: the parser's, then the compiler's."""
        found = self.analysis(uri)
        if found is None:
            return
        doc, result = found
        diagnostics = [convert.diagnostic(doc.lines, d) for d in result.diagnostics]
        diagnostics += self._compile_diagnostics(doc, self.piece_compile(uri) or self.compiled(uri))
        self._send_diagnostics(uri, doc, diagnostics, not result.parses)

    def _send_diagnostics(self, uri: str, doc: Document, diagnostics, syntax_errors: bool) -> None:
        self._syntax_errors_shown[uri] = syntax_errors
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=doc.version, diagnostics=diagnostics))

    def compile_diagnostics(self, uri: str) -> list[types.Diagnostic]:
        """The compiler's SyntaxErrors (symbol-table ones included) and SyntaxWarnings."""
        return self._compile_diagnostics(self.documents[uri], self.piece_compile(uri) or self.compiled(uri))

    @staticmethod
    def _compile_diagnostics(doc: Document, compiled) -> list[types.Diagnostic]:
        if compiled is None:
            return []
        return [convert.compile_diagnostic(doc.lines, d) for d in (*compiled.errors, *compiled.warnings)]


@dataclasses.dataclass(slots=True)
class Settings:
    """The client's `bytelens.*` settings (protocol.md), as initializationOptions and
    workspace/didChangeConfiguration send them."""
    inlay_hints: bool = True
    show_explanations: bool = True

    def update(self, options) -> None:
        """Take what `options` ({"inlayHints": {"enabled": B}, "hover": {"showExplanations": B}})
        says; anything missing or malformed leaves the current value."""
        if not isinstance(options, dict):
            return
        hints, hover = options.get("inlayHints"), options.get("hover")
        if isinstance(hints, dict) and isinstance(hints.get("enabled"), bool):
            self.inlay_hints = hints["enabled"]
        if isinstance(hover, dict) and isinstance(hover.get("showExplanations"), bool):
            self.show_explanations = hover["showExplanations"]


def code_filename(uri: str) -> str:
    """The file name code objects carry (as `bytelens dis FILE` names them): the URI's path for
    a file URI, the URI itself otherwise."""
    from urllib.parse import unquote, urlparse

    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else uri


def _encoded_tokens(doc: Document, result) -> list[int]:
    """The document's semantic tokens, piece by piece (a top-level chunk, a class's header or
    member): the encoding is relative, so each piece's data is encoded once for its highlights
    and only its first token's line delta is set for its place."""
    if not isinstance(result, ChunkedAnalysis):
        return convert.semantic_tokens(doc.lines, result.highlights)
    data: list[int] = []
    last = 0  # 0-based line of the last token so far
    key = "semantic"
    for shift, piece, runs in result.symbol_segments():
        encoded = piece.memo.get(key)
        if encoded is None or encoded[0] is not runs:
            part = convert.semantic_tokens(LineIndex(piece.context_text()), runs)
            encoded = (runs, part, sum(part[0::5]))
            piece.memo[key] = encoded
        _, part, span = encoded
        if not part:
            continue
        at = len(data)
        data += part
        data[at] = shift + part[0] - last
        last = shift + span
    return data


def create_server() -> BytelensServer:
    server = BytelensServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: BytelensServer, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        ls.documents[item.uri] = Document.new(item.uri, item.version, item.text)
        ls.changed(item.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: BytelensServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        doc = ls.documents.get(uri)
        if doc is None:
            log.warning("change to a document that is not open: %s", uri)
            return
        ls.documents[uri] = doc.edited(params.text_document.version, params.content_changes)
        ls.changed(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: BytelensServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.forget(uri)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL,
                    types.SemanticTokensRegistrationOptions(legend=convert.LEGEND, full=types.SemanticTokensFullDelta(delta=True), range=True))
    async def semantic_tokens_full(ls: BytelensServer, params: types.SemanticTokensParams) -> types.SemanticTokens:
        await asyncio.sleep(0)  # an interactive request sent with the change goes first (see below)
        result_id, data = ls.semantic_tokens(params.text_document.uri)
        return types.SemanticTokens(data=data, result_id=result_id)

    @server.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL_DELTA)
    async def semantic_tokens_delta(ls: BytelensServer, params: types.SemanticTokensDeltaParams):
        # Editors ask for colours right after each change, and a hover may be waiting behind
        # them: yielding once lets requests already received (a hover, the AST pane's cursor)
        # be answered first, as a person waits on those; the colours follow milliseconds later.
        await asyncio.sleep(0)
        return ls.semantic_tokens_since(params.text_document.uri, params.previous_result_id)

    @server.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_RANGE)
    def semantic_tokens_range(ls: BytelensServer, params: types.SemanticTokensRangeParams) -> types.SemanticTokens:
        found = ls.analysis(params.text_document.uri)
        if found is None:
            return types.SemanticTokens(data=[])
        doc, result = found
        first, last = params.range.start.line + 1, params.range.end.line + 1
        runs = tuple(run for run in result.highlights if first <= run.line <= last)
        return types.SemanticTokens(data=convert.semantic_tokens(doc.lines, runs))

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def document_symbols(ls: BytelensServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        found = ls.analysis(params.text_document.uri)
        if found is None:
            return []
        doc, result = found
        return [convert.document_symbol(doc.lines, item) for item in result.outline]

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: BytelensServer, params: types.HoverParams) -> types.Hover | None:
        """The bytecode CPython 3.14 emits for the line, narrowed to the innermost expression
        under the cursor that has instructions of its own."""
        uri = params.text_document.uri
        found = ls.analysis(uri)
        if found is None:
            return None
        doc, result = found
        line = params.position.line + 1
        whole = ls.hover_listings(uri, line)
        if whole is None:
            return None
        col = doc.lines.utf16_to_char(line, params.position.character)
        listings = []
        tree = result.tree_at(line) if isinstance(result, ChunkedAnalysis) else result.tree
        # Innermost node first, outward: hovering `2` in a folded `2 + 3 * 4` shows the folded load.
        for node in reversed(ast_path(tree, doc.lines, line, col)):
            if node.span is None or not node.span[0] == node.span[2] == line:
                continue
            span = (line, doc.lines.char_to_utf8(line, node.span[1]), line, doc.lines.char_to_utf8(line, node.span[3]))
            listings = ls.hover_listings(uri, line, span)
            if listings:
                break
        listings = listings or whole
        if not listings:
            return None
        return types.Hover(contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown,
            value=convert.hover_markdown(listings, ls.settings.show_explanations)))

    @server.feature("bytelens/ast")
    def ast_tree(ls: BytelensServer, params) -> dict | None:
        """The document's AST for the AST pane; null while the text has a syntax error."""
        uri = _text_document_uri(params)
        found = ls.analysis(uri) if uri is not None else None
        if found is None or found[1].tree is None:
            return None
        doc, result = found
        return convert.view_node(doc.lines, ast_view(result.tree, doc.lines))

    @server.feature("bytelens/astPath")
    def ast_tree_path(ls: BytelensServer, params) -> list[dict]:
        """The chain of AST nodes under a position, outermost first, for the pane's cursor sync."""
        uri = _text_document_uri(params)
        position = _position(params)
        found = ls.analysis(uri) if uri is not None else None
        if found is None or found[1].tree is None or position is None:
            return []
        doc, result = found
        line = position[0] + 1
        col = doc.lines.utf16_to_char(line, position[1])
        return [convert.view_node(doc.lines, node) for node in ast_path(result.tree, doc.lines, line, col)]

    # ---- settings, fold hints and the whole-file disassembly (protocol.md)
    @server.feature(types.INITIALIZE)
    def initialize(ls: BytelensServer, params: types.InitializeParams) -> None:
        ls.settings.update(_plain(params.initialization_options))

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(ls: BytelensServer, params: types.DidChangeConfigurationParams) -> None:
        settings = _plain(params.settings)
        if isinstance(settings, dict):
            ls.settings.update(settings.get("bytelens"))
        workspace = ls.client_capabilities.workspace
        if workspace is not None and workspace.inlay_hint is not None and workspace.inlay_hint.refresh_support:
            ls.workspace_inlay_hint_refresh(None)  # the hints shown may have just been turned off or on

    @server.feature(types.TEXT_DOCUMENT_INLAY_HINT, types.InlayHintOptions(resolve_provider=False))
    def inlay_hints(ls: BytelensServer, params: types.InlayHintParams) -> list[types.InlayHint]:
        """`= value` after each expression the compiler folded, within the requested range."""
        uri = params.text_document.uri
        compiled = (ls.piece_compile(uri) or ls.compiled(uri)) if ls.settings.inlay_hints else None
        if compiled is None:
            return []
        doc = ls.documents[uri]
        first, last = params.range.start.line + 1, params.range.end.line + 1
        return [convert.inlay_hint(doc.lines, hint) for hint in fold_hints(compiled.folds, doc.lines)
                if first <= hint.line <= last]

    @server.feature("bytelens/disassemble")
    def disassemble(ls: BytelensServer, params) -> dict:
        """The document's `dis` text (what `bytelens dis FILE` prints) and each output line's
        source range."""
        uri = _text_document_uri(params)
        found = ls.analysis(uri) if uri is not None else None
        if found is None:
            return {"text": "", "ranges": [], "error": f"not an open document: {uri}"}
        doc, result = found
        compiled = ls.compiled(uri)
        if compiled is None or compiled.code is None:
            problem = (result.diagnostics[:1] or (compiled.errors[:1] if compiled else ()))
            message = problem[0].message if problem else (compiled.unsupported if compiled else "no code")
            return {"text": "", "ranges": [], "error": message}
        text, positions = disassembly(compiled.code)
        return {"text": text, "ranges": [None if p is None else convert.range_json(convert.positions_range(doc.lines, p))
                                         for p in positions]}

    return server


def _plain(value):
    """A JSON-ish value as plain dicts and lists (pygls hands unknown objects over as attribute
    objects)."""
    if isinstance(value, (dict, list, str, int, float, bool)) or value is None:
        return value
    try:
        from pygls.protocol import default_converter
        return default_converter().unstructure(value)
    except Exception:  # not something a client setting can be
        return None


def _position(params) -> tuple[int, int] | None:
    """A custom request's `position` as (line, UTF-16 character), None if it is not one."""
    position = getattr(params, "position", None)
    line, character = getattr(position, "line", None), getattr(position, "character", None)
    if isinstance(line, int) and isinstance(character, int) and line >= 0 and character >= 0:
        return line, character
    return None


def _text_document_uri(params) -> str | None:
    document = getattr(params, "textDocument", None) or getattr(params, "text_document", None)
    uri = getattr(document, "uri", None)
    return uri if isinstance(uri, str) else None


# Deep trees (a 1,000-deep expression) make the tree walkers and the compiler recurse deeply: the
# server runs on a thread with a large stack, where a high recursion limit is safe.
_STACK_BYTES = 512 * 1024 * 1024
_RECURSION_LIMIT = 30_000


def main() -> int:
    threading.stack_size(_STACK_BYTES)   # also for any worker thread created after this
    sys.setrecursionlimit(_RECURSION_LIMIT)
    server = threading.Thread(target=create_server().start_io, name="bytelens-lsp")
    server.start()
    server.join()
    return 0
