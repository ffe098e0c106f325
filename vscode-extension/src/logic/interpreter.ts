/**
 * Choosing the Python that runs the Bytelens server and debug adapter: pure logic, no VS Code.
 *
 * Order: the `bytelens.python` setting, else the Python extension's selected interpreter,
 * else `python3` on PATH. The first candidate that runs and is at least 3.11 wins; when none
 * does, `noInterpreterMessage` says what was tried and how to fix it.
 */

export const MINIMUM_VERSION: readonly [number, number] = [3, 11];

export type CandidateSource = "setting" | "python-extension" | "path";

export interface Candidate {
  readonly source: CandidateSource;
  readonly command: string;
}

export interface Probe {
  /** `major.minor.micro` as the interpreter reported it, or undefined when it did not run. */
  readonly version?: string;
  readonly error?: string;
}

export type Verdict =
  | { readonly ok: true; readonly candidate: Candidate; readonly version: string }
  | { readonly ok: false; readonly tried: readonly { candidate: Candidate; reason: string }[] };

/** The candidates in order of preference; blank entries are skipped, duplicates kept once. */
export function candidates(setting: string | undefined, pythonExtension: string | undefined): Candidate[] {
  const list: Candidate[] = [];
  const add = (source: CandidateSource, command: string | undefined) => {
    const trimmed = command?.trim();
    if (trimmed && !list.some((c) => c.command === trimmed)) {
      list.push({ source, command: trimmed });
    }
  };
  add("setting", setting);
  add("python-extension", pythonExtension);
  add("path", "python3");
  return list;
}

/** The code a candidate runs to report its version on one line of stdout. */
export const VERSION_PROBE = "import sys; print('%d.%d.%d' % sys.version_info[:3])";

/** Parses the probe's output: `[major, minor, micro]`, or undefined for anything else. */
export function parseVersion(output: string): [number, number, number] | undefined {
  const match = /^\s*(\d+)\.(\d+)\.(\d+)\s*$/.exec(output);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

export function isSupported(version: readonly number[]): boolean {
  const [major, minor] = version;
  return major > MINIMUM_VERSION[0] || (major === MINIMUM_VERSION[0] && minor >= MINIMUM_VERSION[1]);
}

/** Why a probed candidate does not fit, or undefined when it does. */
export function rejection(probe: Probe): string | undefined {
  if (probe.version === undefined) {
    return probe.error ? `does not run (${probe.error})` : "does not run";
  }
  const version = parseVersion(probe.version);
  if (version === undefined) {
    return `reported an unreadable version "${probe.version.trim()}"`;
  }
  if (!isSupported(version)) {
    return `is Python ${version.join(".")}, older than ${MINIMUM_VERSION.join(".")}`;
  }
  return undefined;
}

/** Probes the candidates in order and stops at the first that fits. */
export async function choose(list: readonly Candidate[], probe: (command: string) => Promise<Probe>): Promise<Verdict> {
  const tried: { candidate: Candidate; reason: string }[] = [];
  for (const candidate of list) {
    const result = await probe(candidate.command);
    const reason = rejection(result);
    if (reason === undefined) {
      return { ok: true, candidate, version: result.version!.trim() };
    }
    tried.push({ candidate, reason });
  }
  return { ok: false, tried };
}

const SOURCE_NAMES: Record<CandidateSource, string> = {
  setting: "the bytelens.python setting",
  "python-extension": "the Python extension's selected interpreter",
  path: "python3 on PATH",
};

/** The message shown when no interpreter fits: what was tried and how to fix it. */
export function noInterpreterMessage(tried: readonly { candidate: Candidate; reason: string }[]): string {
  const found = tried.map(({ candidate, reason }) => `${candidate.command} (${SOURCE_NAMES[candidate.source]}) ${reason}`);
  return (
    `Bytelens needs Python ${MINIMUM_VERSION.join(".")} or newer to run its language server and debugger, ` +
    `and found none: ${found.join("; ")}. ` +
    `Install Python ${MINIMUM_VERSION.join(".")}+ and set "bytelens.python" to its path ` +
    `(or select it with the Python extension), then run "Bytelens: Restart Language Server".`
  );
}
