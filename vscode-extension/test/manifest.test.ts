import { strict as assert } from "assert";
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { test } from "node:test";

// Compiled to out-test/test/: the extension's root is two levels up.
const root = join(__dirname, "..", "..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf-8"));
const sources = readdirSync(join(root, "src")).filter((f) => f.endsWith(".ts"))
  .map((f) => readFileSync(join(root, "src", f), "utf-8")).join("\n");

test("every contributed command is registered by the extension, and every registered one contributed", () => {
  const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
  const registered = [...sources.matchAll(/registerCommand\("([^"]+)"/g)].map((m) => m[1]).sort();
  assert.deepEqual(registered, contributed);
});

test("the debugger is the protocol's: type bytelens, launch attributes program/args/cwd/env/stopOnEntry", () => {
  const [debuggerContribution] = manifest.contributes.debuggers;
  assert.equal(debuggerContribution.type, "bytelens");
  assert.deepEqual(Object.keys(debuggerContribution.configurationAttributes.launch.properties).sort(),
    ["args", "cwd", "env", "program", "stopOnEntry"]);
  assert.deepEqual(manifest.contributes.breakpoints, [{ language: "python" }]);
  for (const snippet of debuggerContribution.configurationSnippets) {
    assert.equal(snippet.body.type, "bytelens");
    assert.equal(snippet.body.request, "launch");
  }
});

test("the settings are the protocol's, with their defaults", () => {
  const properties = manifest.contributes.configuration.properties;
  assert.deepEqual(Object.keys(properties).sort(), ["bytelens.hover.showExplanations", "bytelens.inlayHints.enabled", "bytelens.python"]);
  assert.equal(properties["bytelens.inlayHints.enabled"].default, true);
  assert.equal(properties["bytelens.hover.showExplanations"].default, true);
});

test("activation on Python documents, and the AST views in the Explorer and the Bytelens container", () => {
  assert.ok(manifest.activationEvents.includes("onLanguage:python"));
  assert.deepEqual(manifest.contributes.views.explorer.map((v: { id: string }) => v.id), ["bytelens.astExplorer"]);
  assert.deepEqual(manifest.contributes.views.bytelens.map((v: { id: string }) => v.id), ["bytelens.astPanel"]);
  assert.equal(manifest.contributes.viewsContainers.activitybar[0].id, "bytelens");
});
