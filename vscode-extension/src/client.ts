/** The language client: starts `PYTHON -m pipeline lsp` with the bundled code on PYTHONPATH. */
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from "vscode-languageclient/node";
import { bundledPythonPath, serverEnvironment } from "./logic/environment";
import { didChangeConfigurationParams, serverSettings } from "./logic/settings";
import { findInterpreter, reportNoInterpreter } from "./python";

function currentSettings() {
  const config = vscode.workspace.getConfiguration("bytelens");
  return serverSettings((key, fallback) => config.get(key, fallback));
}

/** Owns the client, the status-bar item and the server's log; restarts on demand. */
export class ServerManager implements vscode.Disposable {
  client: LanguageClient | undefined;
  python: string | undefined;
  private readonly status: vscode.StatusBarItem;
  private readonly changed = new vscode.EventEmitter<LanguageClient | undefined>();
  /** Fires when a client becomes ready (or stops: undefined). */
  readonly onDidChangeClient = this.changed.event;

  constructor(private readonly context: vscode.ExtensionContext, readonly log: vscode.OutputChannel) {
    this.status = vscode.window.createStatusBarItem("bytelens.status", vscode.StatusBarAlignment.Right, 100);
    this.status.name = "Bytelens";
    this.status.command = "bytelens.showLog";
    this.setStatus("$(loading~spin) Bytelens", "Bytelens: starting the language server");
    this.status.show();
  }

  private setStatus(text: string, tooltip: string, error = false): void {
    this.status.text = text;
    this.status.tooltip = tooltip;
    this.status.backgroundColor = error ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
  }

  /** The environment both the server and the debug adapter run in. */
  environment(extra: Record<string, string> = {}): Record<string, string> {
    return serverEnvironment({ ...process.env, ...extra }, bundledPythonPath(this.context.extensionPath));
  }

  async start(): Promise<void> {
    this.setStatus("$(loading~spin) Bytelens", "Bytelens: starting the language server");
    const verdict = await findInterpreter(this.log);
    if (!verdict.ok) {
      this.python = undefined;
      this.setStatus("$(error) Bytelens", "Bytelens: no Python ≥ 3.11 found (click for the log)", true);
      void reportNoInterpreter(verdict);
      return;
    }
    this.python = verdict.candidate.command;
    const serverOptions: ServerOptions = {
      command: this.python,
      args: ["-m", "pipeline", "lsp"],
      options: { env: this.environment() },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: "file", language: "python" },
        { scheme: "untitled", language: "python" },
      ],
      initializationOptions: currentSettings(),
      outputChannel: this.log,
    };
    const client = new LanguageClient("bytelens", "Bytelens", serverOptions, clientOptions);
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) {
        this.setStatus("$(check) Bytelens", `Bytelens: language server running (Python ${verdict.version}, ${this.python})`);
      } else if (newState === State.Starting) {
        this.setStatus("$(loading~spin) Bytelens", "Bytelens: starting the language server");
      } else {
        this.setStatus("$(debug-disconnect) Bytelens", "Bytelens: language server stopped (click for the log)", true);
        this.changed.fire(undefined);
      }
    });
    this.client = client;
    try {
      await client.start();
      this.changed.fire(client);
    } catch (error) {
      this.log.appendLine(`[bytelens] the language server failed to start: ${error}`);
      this.setStatus("$(error) Bytelens", "Bytelens: the language server failed to start (click for the log)", true);
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.changed.fire(undefined);
    if (client) {
      try {
        await client.stop();
      } catch (error) {
        this.log.appendLine(`[bytelens] stopping the language server: ${error}`);
      }
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Passes changed `bytelens.*` settings on; a new interpreter means a new server. */
  async configurationChanged(event: vscode.ConfigurationChangeEvent): Promise<void> {
    if (event.affectsConfiguration("bytelens.python")) {
      await this.restart();
    } else if (event.affectsConfiguration("bytelens") && this.client?.isRunning()) {
      const params = didChangeConfigurationParams(currentSettings());
      this.log.appendLine(`[bytelens] settings changed: ${JSON.stringify(params.settings)}`);
      await this.client.sendNotification(DidChangeConfigurationNotification.type, params);
    }
  }

  /** A request to the running server, or undefined while none runs. */
  async request<R>(method: string, params: unknown): Promise<R | undefined> {
    const client = this.client;
    if (!client || !client.isRunning()) {
      return undefined;
    }
    return client.sendRequest<R>(method, params);
  }

  /** `{uri}` for a document as the server knows it. */
  textDocument(uri: vscode.Uri): { uri: string } {
    return { uri: this.client ? this.client.code2ProtocolConverter.asUri(uri) : uri.toString() };
  }

  dispose(): void {
    void this.stop();
    this.status.dispose();
    this.changed.dispose();
  }
}
