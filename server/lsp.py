"""The Bytelens language server (pygls 2.x over stdio): `bytelens lsp`.

State lives on the server object: the open documents and, per document, the analysis of its
current version (from `pipeline.incremental`, which reuses unchanged top-level statements).
Changes only record the new text; the analysis runs when something asks for it, and the
diagnostics of a version are published from a task that first lets queued messages in, so a
version already replaced is never analysed (newer versions cancel stale work). A first analysis
of a big file runs chunk by chunk, yielding to the event loop and reporting `$/progress` when the
client supports work-done progress. Handlers translate between LSP and `pipeline.analysis`; `server.convert` is the
only place protocol types are built from pipeline values. The server never executes user code,
and stdout carries protocol messages only.
"""
from __future__ import annotations

import asyncio
import logging

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from pipeline.analysis import Analysis
from pipeline.incremental import Analyzer, ChunkedAnalysis, HoverSource
from pipeline.positions import LineIndex
from pipeline.astview import ast_path, ast_view
from server import convert
from server.documents import Document

log = logging.getLogger(__name__)


class BytelensServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("bytelens", "0.1.0", text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
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
            self.publish(uri)
        except Exception:  # noqa: BLE001 - a bug must not take the server down; it is logged
            log.exception("analysing %s failed", uri)

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

    def hover_listings(self, uri: str, line: int, span=None):
        """The listings of the bytecode for a line (narrowed to a span); None when the document
        does not compile. Only the statement under the line is compiled when that is exact."""
        found = self.analysis(uri)
        if found is None:
            return None
        hovers = self._hovers.setdefault(uri, HoverSource(uri.rsplit("/", 1)[-1]))
        return hovers.listings(found[1], line, span)

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
        found = self.analysis(uri)
        if found is None:
            return
        doc, result = found
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=doc.version,
            diagnostics=[convert.diagnostic(doc.lines, d) for d in result.diagnostics]))


def _encoded_tokens(doc: Document, result) -> list[int]:
    """The document's semantic tokens, each chunk encoded once (the encoding is relative, so a
    chunk's data only needs its first token's line delta set for its place)."""
    if not isinstance(result, ChunkedAnalysis):
        return convert.semantic_tokens(doc.lines, result.highlights)
    data: list[int] = []
    last = 0  # 0-based line of the last token so far
    for start, chunk in result.chunks:
        encoded = chunk.memo.get("semantic")
        if encoded is None:
            part = convert.semantic_tokens(LineIndex(chunk.text), chunk.highlights)
            encoded = (part, sum(part[0::5]))
            chunk.memo["semantic"] = encoded
        part, span = encoded
        if not part:
            continue
        at = len(data)
        data += part
        first = start - 1 + part[0]
        data[at] = first - last
        last = start - 1 + span
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
    def semantic_tokens_full(ls: BytelensServer, params: types.SemanticTokensParams) -> types.SemanticTokens:
        result_id, data = ls.semantic_tokens(params.text_document.uri)
        return types.SemanticTokens(data=data, result_id=result_id)

    @server.feature(types.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL_DELTA)
    def semantic_tokens_delta(ls: BytelensServer, params: types.SemanticTokensDeltaParams):
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
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                                        value=convert.hover_markdown(listings)))

    @server.feature("bytelens/ast")
    def ast_tree(ls: BytelensServer, params) -> dict | None:
        """The document's AST for the AST pane; null while the text has a syntax error."""
        found = ls.analysis(params.textDocument.uri)
        if found is None or found[1].tree is None:
            return None
        doc, result = found
        return convert.view_node(doc.lines, ast_view(result.tree, doc.lines))

    @server.feature("bytelens/astPath")
    def ast_tree_path(ls: BytelensServer, params) -> list[dict]:
        """The chain of AST nodes under a position, outermost first, for the pane's cursor sync."""
        found = ls.analysis(params.textDocument.uri)
        if found is None or found[1].tree is None:
            return []
        doc, result = found
        line = params.position.line + 1
        col = doc.lines.utf16_to_char(line, params.position.character)
        return [convert.view_node(doc.lines, node) for node in ast_path(result.tree, doc.lines, line, col)]

    return server


def main() -> int:
    create_server().start_io()
    return 0
