/** Launch configurations of the `bytelens` debugger (attributes: program, args, cwd, env, stopOnEntry). */
import * as path from "path";

export interface LaunchConfiguration {
  type: string;
  request: string;
  name: string;
  program?: string;
  args?: string[];
  cwd?: string;
  env?: Record<string, string>;
  stopOnEntry?: boolean;
  [key: string]: unknown;
}

/** "Bytelens: Debug File in VM": the file, run from its workspace folder (else its own folder). */
export function debugFileConfiguration(file: string, folder: string | undefined): LaunchConfiguration {
  return {
    type: "bytelens",
    request: "launch",
    name: `Bytelens: ${path.basename(file)}`,
    program: file,
    args: [],
    cwd: folder ?? path.dirname(file),
    stopOnEntry: false,
  };
}

/**
 * Fills a launch configuration in: F5 without a launch.json (an empty configuration) debugs the
 * active Python file; a missing program means the active file. Undefined when there is nothing
 * to run.
 */
export function resolveLaunch(config: Partial<LaunchConfiguration>, activeFile: string | undefined): LaunchConfiguration | undefined {
  const resolved = { ...config } as LaunchConfiguration;
  if (!resolved.type && !resolved.request && !resolved.name) {
    if (!activeFile) {
      return undefined;
    }
    return debugFileConfiguration(activeFile, undefined);
  }
  resolved.type = resolved.type || "bytelens";
  resolved.request = resolved.request || "launch";
  resolved.name = resolved.name || "Bytelens";
  if (!resolved.program) {
    if (!activeFile) {
      return undefined;
    }
    resolved.program = activeFile;
  }
  resolved.args = resolved.args ?? [];
  resolved.stopOnEntry = resolved.stopOnEntry ?? false;
  return resolved;
}
