/**
 * The bytecode view's mapping between the disassembly's lines and the source
 * (`bytelens/disassemble` gives, per output line, the LSP range of its instruction or null).
 */
import type { Range } from "./ast";

export interface Disassembly {
  text: string;
  ranges: (Range | null)[];
  error?: string;
}

/** The disassembly lines whose instruction's range covers source line `line` (0-based). */
export function disassemblyLinesFor(ranges: readonly (Range | null)[], line: number): number[] {
  const found: number[] = [];
  ranges.forEach((range, index) => {
    if (range && range.start.line <= line && line <= range.end.line) {
      found.push(index);
    }
  });
  return found;
}

/** The source range of disassembly line `index`'s instruction, or undefined (headers, blanks). */
export function sourceRangeFor(ranges: readonly (Range | null)[], index: number): Range | undefined {
  return ranges[index] ?? undefined;
}

/** The text the view shows: the disassembly, or the syntax error that stops one. */
export function viewText(result: Disassembly | null | undefined, fileName: string): string {
  if (!result) {
    return `# Bytelens: no bytecode for ${fileName} (the language server is not running)\n`;
  }
  if (result.error !== undefined) {
    return `# Bytelens: ${fileName} does not compile\n# ${result.error.replace(/\n/g, "\n# ")}\n`;
  }
  return result.text;
}

/**
 * Groups consecutive line numbers into runs [first, last] so the view decorates whole blocks
 * with one range each.
 */
export function runs(lines: readonly number[]): [number, number][] {
  const sorted = [...lines].sort((a, b) => a - b);
  const result: [number, number][] = [];
  for (const line of sorted) {
    const last = result[result.length - 1];
    if (last && line <= last[1] + 1) {
      last[1] = Math.max(last[1], line);
    } else {
      result.push([line, line]);
    }
  }
  return result;
}

/** The virtual document's path for a source path: `name.py` is shown as `name.py.dis`. */
export function disassemblyPath(sourcePath: string): string {
  return `${sourcePath}.dis`;
}
