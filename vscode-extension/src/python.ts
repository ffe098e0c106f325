/** Finding the interpreter: the setting, the Python extension's choice, `python3` on PATH. */
import { execFile } from "child_process";
import * as vscode from "vscode";
import { candidates, choose, noInterpreterMessage, Probe, VERSION_PROBE, Verdict } from "./logic/interpreter";

function probe(command: string): Promise<Probe> {
  return new Promise((resolve) => {
    execFile(command, ["-I", "-c", VERSION_PROBE], { timeout: 15000 }, (error, stdout, stderr) => {
      if (error) {
        resolve({ error: (stderr || error.message).trim().split("\n").pop() });
      } else {
        resolve({ version: stdout });
      }
    });
  });
}

/** The interpreter the Python extension (ms-python.python) has selected, when it is installed. */
async function pythonExtensionInterpreter(resource: vscode.Uri | undefined, log: vscode.OutputChannel): Promise<string | undefined> {
  const extension = vscode.extensions.getExtension("ms-python.python");
  if (!extension) {
    return undefined;
  }
  try {
    const api = extension.isActive ? extension.exports : await extension.activate();
    const environments = api?.environments;
    if (environments?.getActiveEnvironmentPath) {
      const active = environments.getActiveEnvironmentPath(resource);
      const resolved = await environments.resolveEnvironment?.(active);
      return resolved?.executable?.uri?.fsPath ?? active?.path;
    }
    const details = api?.settings?.getExecutionDetails?.(resource);
    return details?.execCommand?.[0];
  } catch (error) {
    log.appendLine(`[bytelens] the Python extension did not give an interpreter: ${error}`);
    return undefined;
  }
}

export async function findInterpreter(log: vscode.OutputChannel): Promise<Verdict> {
  const resource = vscode.window.activeTextEditor?.document.uri;
  const setting = vscode.workspace.getConfiguration("bytelens", resource).get<string>("python");
  const fromExtension = setting?.trim() ? undefined : await pythonExtensionInterpreter(resource, log);
  const verdict = await choose(candidates(setting, fromExtension), probe);
  if (verdict.ok) {
    log.appendLine(`[bytelens] Python ${verdict.version}: ${verdict.candidate.command} (${verdict.candidate.source})`);
  } else {
    log.appendLine(`[bytelens] ${noInterpreterMessage(verdict.tried)}`);
  }
  return verdict;
}

export async function reportNoInterpreter(verdict: Verdict & { ok: false }): Promise<void> {
  const choice = await vscode.window.showErrorMessage(noInterpreterMessage(verdict.tried), "Open Settings");
  if (choice === "Open Settings") {
    await vscode.commands.executeCommand("workbench.action.openSettings", "bytelens.python");
  }
}
