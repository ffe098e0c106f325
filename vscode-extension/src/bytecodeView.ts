/**
 * "Bytelens: Show Bytecode": a read-only virtual document (`bytelens-dis:`) beside the source,
 * filled from `bytelens/disassemble` and refreshed on edits. The cursor's source line lights up
 * its instructions in the listing; the cursor's instruction lights up its source range.
 */
import * as vscode from "vscode";
import { ServerManager } from "./client";
import { Range } from "./logic/ast";
import { disassemblyLinesFor, disassemblyPath, Disassembly, runs, sourceRangeFor, viewText } from "./logic/bytecode";

export const SCHEME = "bytelens-dis";

interface Entry {
  source: vscode.Uri;
  result: Disassembly | undefined;
}

function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export class BytecodeViews implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** Keyed by the virtual document's URI string. */
  private readonly entries = new Map<string, Entry>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly highlight = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor("editor.rangeHighlightBackground"),
    isWholeLine: true,
    overviewRulerColor: new vscode.ThemeColor("editorOverviewRuler.rangeHighlightForeground"),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  private readonly sourceHighlight = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor("editor.findMatchHighlightBackground"),
    borderColor: new vscode.ThemeColor("editor.findMatchBorder"),
    borderStyle: "solid",
    borderWidth: "1px",
  });

  constructor(private readonly server: ServerManager) {
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(SCHEME, this),
      vscode.commands.registerCommand("bytelens.showBytecode", (uri?: vscode.Uri) => this.show(uri)),
      vscode.workspace.onDidChangeTextDocument((event) => this.sourceChanged(event.document)),
      vscode.window.onDidChangeTextEditorSelection((event) => this.selectionChanged(event.textEditor)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.redecorate()),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document.uri.scheme === SCHEME) {
          this.entries.delete(document.uri.toString());
        }
      }),
      server.onDidChangeClient((client) => {
        if (client) {
          for (const key of this.entries.keys()) {
            this.changed.fire(vscode.Uri.parse(key));
          }
        }
      }),
      this.highlight,
      this.sourceHighlight,
      this.changed,
    );
  }

  /** The virtual document for a source document: same path plus `.dis`, the source in the query. */
  static viewUri(source: vscode.Uri): vscode.Uri {
    return vscode.Uri.from({ scheme: SCHEME, path: disassemblyPath(source.path), query: source.toString() });
  }

  async show(uri?: vscode.Uri): Promise<void> {
    const source = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!source) {
      void vscode.window.showInformationMessage("Bytelens: open a Python file to show its bytecode.");
      return;
    }
    const view = BytecodeViews.viewUri(source);
    this.entries.set(view.toString(), { source, result: undefined });
    const document = await vscode.workspace.openTextDocument(view);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
    this.redecorate();
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    const entry = this.entries.get(key) ?? { source: vscode.Uri.parse(uri.query), result: undefined };
    this.entries.set(key, entry);
    const source = await vscode.workspace.openTextDocument(entry.source);
    let result: Disassembly | undefined;
    try {
      result = await this.server.request<Disassembly>("bytelens/disassemble", { textDocument: this.server.textDocument(entry.source) });
    } catch (error) {
      this.server.log.appendLine(`[bytelens] bytelens/disassemble failed: ${error}`);
      result = { text: "", ranges: [], error: `the server could not disassemble the file (${error})` };
    }
    entry.result = result;
    setTimeout(() => this.redecorate(), 0);
    return viewText(result, source.uri.path.split("/").pop() ?? source.uri.path);
  }

  private sourceChanged(document: vscode.TextDocument): void {
    const source = document.uri.toString();
    for (const [key, entry] of this.entries) {
      if (entry.source.toString() === source) {
        clearTimeout(this.timers.get(key));
        this.timers.set(key, setTimeout(() => this.changed.fire(vscode.Uri.parse(key)), 300));
      }
    }
  }

  private viewEditors(): { editor: vscode.TextEditor; entry: Entry }[] {
    const found: { editor: vscode.TextEditor; entry: Entry }[] = [];
    for (const editor of vscode.window.visibleTextEditors) {
      const entry = this.entries.get(editor.document.uri.toString());
      if (editor.document.uri.scheme === SCHEME && entry) {
        found.push({ editor, entry });
      }
    }
    return found;
  }

  private selectionChanged(editor: vscode.TextEditor): void {
    if (editor.document.uri.scheme === SCHEME) {
      this.fromListing(editor);
    } else {
      this.fromSource(editor);
    }
  }

  /** The cursor moved in a source: light up its line's instructions in the listings. */
  private fromSource(editor: vscode.TextEditor): void {
    const source = editor.document.uri.toString();
    for (const { editor: view, entry } of this.viewEditors()) {
      if (entry.source.toString() !== source || !entry.result) {
        continue;
      }
      const lines = disassemblyLinesFor(entry.result.ranges, editor.selection.active.line);
      const ranges = runs(lines).map(([first, last]) => new vscode.Range(first, 0, last, 0));
      view.setDecorations(this.highlight, ranges);
      if (ranges.length) {
        view.revealRange(ranges[0], vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
    }
  }

  /** The cursor moved in a listing: light up its instruction's source range. */
  private fromListing(view: vscode.TextEditor): void {
    const entry = this.entries.get(view.document.uri.toString());
    if (!entry?.result) {
      return;
    }
    const range = sourceRangeFor(entry.result.ranges, view.selection.active.line);
    view.setDecorations(this.highlight, range ? [new vscode.Range(view.selection.active.line, 0, view.selection.active.line, 0)] : []);
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === entry.source.toString()) {
        const target = range ? [toRange(range)] : [];
        editor.setDecorations(this.sourceHighlight, target);
        if (target.length) {
          editor.revealRange(target[0], vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        }
      }
    }
  }

  private redecorate(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.scheme !== SCHEME && this.viewEditors().some(({ entry }) => entry.source.toString() === editor.document.uri.toString())) {
        this.fromSource(editor);
      }
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) {
      clearTimeout(timer);
    }
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}
