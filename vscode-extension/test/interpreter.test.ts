import { strict as assert } from "assert";
import { test } from "node:test";
import { candidates, choose, isSupported, noInterpreterMessage, parseVersion, Probe, rejection } from "../src/logic/interpreter";

test("candidates: setting, then the Python extension's interpreter, then python3", () => {
  assert.deepEqual(candidates("/opt/py/bin/python", "/venv/bin/python"), [
    { source: "setting", command: "/opt/py/bin/python" },
    { source: "python-extension", command: "/venv/bin/python" },
    { source: "path", command: "python3" },
  ]);
});

test("candidates: blank settings are skipped and duplicates kept once", () => {
  assert.deepEqual(candidates("  ", undefined), [{ source: "path", command: "python3" }]);
  assert.deepEqual(candidates("python3", "python3"), [{ source: "setting", command: "python3" }]);
});

test("parseVersion reads the probe's line and nothing else", () => {
  assert.deepEqual(parseVersion("3.11.7\n"), [3, 11, 7]);
  assert.equal(parseVersion("Python 3.11.7"), undefined);
  assert.equal(parseVersion(""), undefined);
});

test("isSupported: 3.11 and newer", () => {
  assert.equal(isSupported([3, 10, 14]), false);
  assert.equal(isSupported([3, 11, 0]), true);
  assert.equal(isSupported([3, 14, 2]), true);
  assert.equal(isSupported([4, 0, 0]), true);
  assert.equal(isSupported([2, 7, 18]), false);
});

test("rejection explains why a candidate does not fit", () => {
  assert.equal(rejection({ version: "3.12.1\n" }), undefined);
  assert.equal(rejection({ version: "3.9.2\n" }), "is Python 3.9.2, older than 3.11");
  assert.equal(rejection({ error: "spawn python3 ENOENT" }), "does not run (spawn python3 ENOENT)");
  assert.match(rejection({ version: "garbage" })!, /unreadable version "garbage"/);
});

test("choose stops at the first candidate that fits", async () => {
  const probed: string[] = [];
  const answers: Record<string, Probe> = { old: { version: "3.8.10" }, good: { version: "3.13.0\n" }, later: { version: "3.14.2" } };
  const verdict = await choose(candidates("old", "good"), async (command) => {
    probed.push(command);
    return answers[command] ?? { error: "not found" };
  });
  assert.deepEqual(probed, ["old", "good"]);
  assert.deepEqual(verdict, { ok: true, candidate: { source: "python-extension", command: "good" }, version: "3.13.0" });
});

test("when none fits, the message names each candidate and the fix", async () => {
  const verdict = await choose(candidates("/usr/bin/python3.9", undefined), async (command) =>
    command === "python3" ? { error: "spawn python3 ENOENT" } : { version: "3.9.18" });
  assert.equal(verdict.ok, false);
  if (verdict.ok) return;
  const message = noInterpreterMessage(verdict.tried);
  assert.match(message, /needs Python 3\.11 or newer/);
  assert.match(message, /\/usr\/bin\/python3\.9 \(the bytelens\.python setting\) is Python 3\.9\.18, older than 3\.11/);
  assert.match(message, /python3 \(python3 on PATH\) does not run \(spawn python3 ENOENT\)/);
  assert.match(message, /set "bytelens\.python"/);
});
