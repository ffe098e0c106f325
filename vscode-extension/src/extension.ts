/** Bytelens for VS Code: the language client, the AST pane, the bytecode view and the VM debugger. */
import * as vscode from "vscode";
import { AstViews } from "./astView";
import { BytecodeViews } from "./bytecodeView";
import { ServerManager } from "./client";
import { registerDebugger } from "./debug";

let server: ServerManager | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel("Bytelens");
  server = new ServerManager(context, log);
  context.subscriptions.push(
    log,
    server,
    new AstViews(server),
    new BytecodeViews(server),
    vscode.commands.registerCommand("bytelens.restartServer", () => server?.restart()),
    vscode.commands.registerCommand("bytelens.showLog", () => log.show(true)),
    vscode.workspace.onDidChangeConfiguration((event) => server?.configurationChanged(event)),
  );
  registerDebugger(context, server);
  await server.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
