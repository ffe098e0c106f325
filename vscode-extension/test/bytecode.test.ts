import { strict as assert } from "assert";
import { test } from "node:test";
import { disassemblyLinesFor, disassemblyPath, runs, sourceRangeFor, viewText } from "../src/logic/bytecode";

const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

// The shape `bytelens/disassemble` answers with: a header, then one line per instruction.
const ranges = [
  null, // "  0           RESUME ..." has no position in this made-up listing
  range(0, 0, 0, 5),
  range(1, 4, 1, 9),
  range(1, 0, 2, 3), // an instruction spanning two source lines
  null, // blank line
  null, // "Disassembly of <code object ...>:"
  range(2, 4, 2, 10),
];

test("the cursor's source line selects the instructions whose range covers it", () => {
  assert.deepEqual(disassemblyLinesFor(ranges, 0), [1]);
  assert.deepEqual(disassemblyLinesFor(ranges, 1), [2, 3]);
  assert.deepEqual(disassemblyLinesFor(ranges, 2), [3, 6]);
  assert.deepEqual(disassemblyLinesFor(ranges, 7), []);
});

test("the cursor's instruction selects its source range; headers and blanks select nothing", () => {
  assert.deepEqual(sourceRangeFor(ranges, 2), range(1, 4, 1, 9));
  assert.equal(sourceRangeFor(ranges, 0), undefined);
  assert.equal(sourceRangeFor(ranges, 4), undefined);
  assert.equal(sourceRangeFor(ranges, 99), undefined);
});

test("runs merge consecutive lines into blocks", () => {
  assert.deepEqual(runs([3, 1, 2, 6, 8, 7, 10]), [[1, 3], [6, 8], [10, 10]]);
  assert.deepEqual(runs([]), []);
  assert.deepEqual(runs([4, 4]), [[4, 4]]);
});

test("the view shows the listing, or why there is none", () => {
  assert.equal(viewText({ text: "  1           RESUME 0\n", ranges: [] }, "demo.py"), "  1           RESUME 0\n");
  assert.equal(viewText({ text: "", ranges: [], error: "invalid syntax (demo.py, line 2)" }, "demo.py"),
    "# Bytelens: demo.py does not compile\n# invalid syntax (demo.py, line 2)\n");
  assert.match(viewText(undefined, "demo.py"), /language server is not running/);
});

test("the virtual document is named after its source", () => {
  assert.equal(disassemblyPath("/home/me/demo.py"), "/home/me/demo.py.dis");
});
