/** The AST pane (Explorer and the Bytelens container): `bytelens/ast`, synced with the cursor. */
import * as vscode from "vscode";
import { ServerManager } from "./client";
import { AstNode, containsError, description, displayLabel, followPath, isError, Range } from "./logic/ast";

interface Item {
  node: AstNode;
  parent: Item | undefined;
  children: Item[];
}

function build(node: AstNode, parent: Item | undefined): Item {
  const item: Item = { node, parent, children: [] };
  item.children = node.children.map((child) => build(child, item));
  return item;
}

function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

class AstProvider implements vscode.TreeDataProvider<Item> {
  private readonly changed = new vscode.EventEmitter<Item | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  root: Item | undefined;
  uri: vscode.Uri | undefined;
  message: string | undefined;

  set(root: AstNode | undefined, uri: vscode.Uri | undefined, message: string | undefined): void {
    this.root = root ? build(root, undefined) : undefined;
    this.uri = uri;
    this.message = message;
    this.changed.fire(undefined);
  }

  getChildren(element?: Item): Item[] {
    if (element) {
      return element.children;
    }
    return this.root ? [this.root] : [];
  }

  getParent(element: Item): Item | undefined {
    return element.parent;
  }

  getTreeItem(element: Item): vscode.TreeItem {
    const { node } = element;
    const collapsible = element.children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : element.parent === undefined ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(displayLabel(node), collapsible);
    item.description = description(node);
    item.tooltip = `${node.label}${node.field ? `\nfield: ${node.field}` : ""}`;
    if (isError(node)) {
      item.iconPath = new vscode.ThemeIcon("error", new vscode.ThemeColor("errorForeground"));
      item.description = `syntax error  ${item.description}`;
      item.contextValue = "bytelens.errorNode";
    } else if (containsError(node)) {
      item.iconPath = new vscode.ThemeIcon("warning", new vscode.ThemeColor("editorWarning.foreground"));
    } else {
      item.iconPath = new vscode.ThemeIcon("symbol-structure");
    }
    if (node.range && this.uri) {
      item.command = { command: "bytelens.ast.reveal", title: "Select Node in Source", arguments: [this.uri, node.range] };
    }
    return item;
  }
}

/** Both views share one provider; the tree follows the active Python editor and its cursor. */
export class AstViews implements vscode.Disposable {
  private readonly provider = new AstProvider();
  private readonly views: vscode.TreeView<Item>[];
  private readonly disposables: vscode.Disposable[] = [];
  private version = 0;
  private refreshTimer: NodeJS.Timeout | undefined;
  private cursorTimer: NodeJS.Timeout | undefined;
  /** Set while the pane moves the editor's selection, so the cursor sync does not echo it. */
  private selecting = false;

  constructor(private readonly server: ServerManager) {
    this.views = ["bytelens.astExplorer", "bytelens.astPanel"].map((id) =>
      vscode.window.createTreeView(id, { treeDataProvider: this.provider, showCollapseAll: true }));
    this.disposables.push(
      ...this.views,
      vscode.commands.registerCommand("bytelens.ast.refresh", () => this.refresh()),
      vscode.commands.registerCommand("bytelens.ast.reveal", (uri: vscode.Uri, range: Range) => this.select(uri, range)),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) {
          this.scheduleRefresh();
        }
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor === vscode.window.activeTextEditor && !this.selecting) {
          this.scheduleCursor(event.textEditor);
        }
      }),
      server.onDidChangeClient(() => this.refresh()),
      ...this.views.map((view) => view.onDidChangeVisibility(() => this.refresh())),
    );
  }

  private visible(): boolean {
    return this.views.some((view) => view.visible);
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), 300);
  }

  private scheduleCursor(editor: vscode.TextEditor): void {
    clearTimeout(this.cursorTimer);
    this.cursorTimer = setTimeout(() => void this.followCursor(editor), 150);
  }

  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== "python") {
      if (!editor) {
        return; // focus moved to a panel: keep showing the last tree
      }
      this.provider.set(undefined, undefined, undefined);
      this.setMessage("Open a Python file to see its syntax tree.");
      return;
    }
    if (!this.visible()) {
      return;
    }
    const version = ++this.version;
    let root: AstNode | null | undefined;
    try {
      root = await this.server.request<AstNode | null>("bytelens/ast", { textDocument: this.server.textDocument(editor.document.uri) });
    } catch (error) {
      this.server.log.appendLine(`[bytelens] bytelens/ast failed: ${error}`);
      root = undefined;
    }
    if (version !== this.version) {
      return;
    }
    if (root) {
      this.provider.set(root, editor.document.uri, undefined);
      this.setMessage(undefined);
      await this.followCursor(editor);
    } else {
      this.provider.set(undefined, editor.document.uri, undefined);
      this.setMessage(root === null ? "The file has a syntax error the tree cannot show yet." : "The Bytelens language server is not running.");
    }
  }

  private setMessage(message: string | undefined): void {
    for (const view of this.views) {
      view.message = message;
    }
  }

  private async followCursor(editor: vscode.TextEditor): Promise<void> {
    const root = this.provider.root;
    if (!root || !this.visible() || this.provider.uri?.toString() !== editor.document.uri.toString()) {
      return;
    }
    const position = editor.selection.active;
    let path: AstNode[] | undefined;
    try {
      path = await this.server.request<AstNode[]>("bytelens/astPath", {
        textDocument: this.server.textDocument(editor.document.uri),
        position: { line: position.line, character: position.character },
      });
    } catch (error) {
      this.server.log.appendLine(`[bytelens] bytelens/astPath failed: ${error}`);
    }
    if (!path || path.length === 0 || this.provider.root !== root) {
      return;
    }
    const nodes = followPath(root.node, path);
    let item: Item | undefined = nodes.length ? root : undefined;
    for (const node of nodes.slice(1)) {
      item = item?.children.find((child) => child.node === node);
    }
    if (item) {
      for (const view of this.views.filter((v) => v.visible)) {
        await view.reveal(item, { select: true, focus: false, expand: false });
      }
    }
  }

  private async select(uri: vscode.Uri, range: Range): Promise<void> {
    const target = toRange(range);
    this.selecting = true;
    try {
      const editor = await vscode.window.showTextDocument(uri, { preserveFocus: true, preview: false });
      editor.selection = new vscode.Selection(target.start, target.end);
      editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } finally {
      setTimeout(() => (this.selecting = false), 300);
    }
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    clearTimeout(this.cursorTimer);
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}
