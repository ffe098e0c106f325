/** The `bytelens` debugger: `PYTHON -m pipeline dap` with the bundled code on PYTHONPATH. */
import * as vscode from "vscode";
import { ServerManager } from "./client";
import { findInterpreter, reportNoInterpreter } from "./python";
import { debugFileConfiguration, resolveLaunch } from "./logic/launch";

class AdapterFactory implements vscode.DebugAdapterDescriptorFactory {
  constructor(private readonly server: ServerManager) {}

  async createDebugAdapterDescriptor(): Promise<vscode.DebugAdapterDescriptor | undefined> {
    let python = this.server.python;
    if (!python) {
      const verdict = await findInterpreter(this.server.log);
      if (!verdict.ok) {
        void reportNoInterpreter(verdict);
        return undefined;
      }
      python = verdict.candidate.command;
    }
    return new vscode.DebugAdapterExecutable(python, ["-m", "pipeline", "dap"], { env: this.server.environment() });
  }
}

class ConfigurationProvider implements vscode.DebugConfigurationProvider {
  resolveDebugConfiguration(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.DebugConfiguration | undefined {
    const editor = vscode.window.activeTextEditor;
    const active = editor?.document.languageId === "python" && editor.document.uri.scheme === "file" ? editor.document.uri.fsPath : undefined;
    const resolved = resolveLaunch(config, active);
    if (!resolved) {
      void vscode.window.showErrorMessage("Bytelens: open a Python file or set \"program\" in the launch configuration.");
      return undefined;
    }
    return resolved as vscode.DebugConfiguration;
  }
}

export function registerDebugger(context: vscode.ExtensionContext, server: ServerManager): void {
  context.subscriptions.push(
    vscode.debug.registerDebugAdapterDescriptorFactory("bytelens", new AdapterFactory(server)),
    vscode.debug.registerDebugConfigurationProvider("bytelens", new ConfigurationProvider()),
    vscode.commands.registerCommand("bytelens.debugFile", async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target || target.scheme !== "file") {
        void vscode.window.showInformationMessage("Bytelens: open a saved Python file to debug it in the VM.");
        return;
      }
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
      if (document?.isDirty) {
        await document.save();
      }
      const folder = vscode.workspace.getWorkspaceFolder(target);
      await vscode.debug.startDebugging(folder, debugFileConfiguration(target.fsPath, folder?.uri.fsPath) as vscode.DebugConfiguration);
    }),
  );
}
