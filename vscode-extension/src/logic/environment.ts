/** The environment the bundled Python code runs in: its folders first on PYTHONPATH. */
import * as path from "path";

/** Folders holding the bundled `pipeline`/`server` sources and their pure-Python dependencies. */
export function bundledPythonPath(extensionRoot: string): string[] {
  return [path.join(extensionRoot, "python"), path.join(extensionRoot, "python", "lib")];
}

/**
 * A copy of `base` with the bundled folders first on PYTHONPATH (an existing PYTHONPATH is kept
 * after them) and unbuffered, UTF-8 standard streams for the protocol.
 */
export function serverEnvironment(
  base: Readonly<Record<string, string | undefined>>,
  folders: readonly string[],
  delimiter: string = path.delimiter,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) {
    if (value !== undefined) {
      env[key] = value;
    }
  }
  const existing = env.PYTHONPATH ? [env.PYTHONPATH] : [];
  env.PYTHONPATH = [...folders, ...existing].join(delimiter);
  env.PYTHONUNBUFFERED = "1";
  env.PYTHONIOENCODING = "utf-8";
  env.PYTHONNOUSERSITE = "1";
  return env;
}
