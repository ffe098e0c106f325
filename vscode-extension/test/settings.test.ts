import { strict as assert } from "assert";
import { test } from "node:test";
import { didChangeConfigurationParams, serverSettings } from "../src/logic/settings";
import { bundledPythonPath, serverEnvironment } from "../src/logic/environment";
import { debugFileConfiguration, resolveLaunch } from "../src/logic/launch";

function reader(values: Record<string, unknown>) {
  return <T>(key: string, fallback: T): T => (key in values ? (values[key] as T) : fallback);
}

test("the server's settings follow the protocol's shape, defaults on", () => {
  assert.deepEqual(serverSettings(reader({})), { inlayHints: { enabled: true }, hover: { showExplanations: true } });
  assert.deepEqual(serverSettings(reader({ "inlayHints.enabled": false, "hover.showExplanations": false })),
    { inlayHints: { enabled: false }, hover: { showExplanations: false } });
});

test("a settings change is sent under the bytelens key", () => {
  const settings = serverSettings(reader({ "inlayHints.enabled": false }));
  assert.deepEqual(didChangeConfigurationParams(settings),
    { settings: { bytelens: { inlayHints: { enabled: false }, hover: { showExplanations: true } } } });
});

test("the bundled folders come first on PYTHONPATH, before the user's", () => {
  const folders = bundledPythonPath("/ext");
  assert.deepEqual(folders, ["/ext/python", "/ext/python/lib"]);
  const env = serverEnvironment({ PATH: "/usr/bin", PYTHONPATH: "/mine", UNSET: undefined }, folders, ":");
  assert.equal(env.PYTHONPATH, "/ext/python:/ext/python/lib:/mine");
  assert.equal(env.PATH, "/usr/bin");
  assert.equal(env.PYTHONUNBUFFERED, "1");
  assert.equal("UNSET" in env, false);
  assert.equal(serverEnvironment({}, folders, ":").PYTHONPATH, "/ext/python:/ext/python/lib");
});

test("Debug File in VM launches the file from its workspace folder", () => {
  assert.deepEqual(debugFileConfiguration("/ws/pkg/demo.py", "/ws"), {
    type: "bytelens", request: "launch", name: "Bytelens: demo.py", program: "/ws/pkg/demo.py", args: [], cwd: "/ws", stopOnEntry: false,
  });
  assert.equal(debugFileConfiguration("/tmp/a.py", undefined).cwd, "/tmp");
});

test("F5 without launch.json debugs the active file; a missing program means the active file", () => {
  assert.equal(resolveLaunch({}, "/ws/demo.py")?.program, "/ws/demo.py");
  assert.equal(resolveLaunch({}, undefined), undefined);
  const filled = resolveLaunch({ type: "bytelens", request: "launch", name: "x" }, "/ws/a.py");
  assert.deepEqual(filled, { type: "bytelens", request: "launch", name: "x", program: "/ws/a.py", args: [], stopOnEntry: false });
  assert.equal(resolveLaunch({ type: "bytelens", request: "launch", name: "x" }, undefined), undefined);
  assert.equal(resolveLaunch({ type: "bytelens", request: "launch", name: "x", program: "/p.py", stopOnEntry: true }, undefined)?.stopOnEntry, true);
});
