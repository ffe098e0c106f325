// Copies the Python sources of pipeline/ and server/ from the repository root into python/,
// and installs their pure-Python dependencies into python/lib with pip, pinned to the versions
// installed in the repository's interpreter (.venv/bin/python, else $BYTELENS_PYTHON, else python3).
// The extension puts python/ and python/lib first on PYTHONPATH when it starts the server.
// $BYTELENS_SOURCE_ROOT, when set, names another checkout to take pipeline/ and server/ from.
import { execFileSync } from "child_process";
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "fs";
import { dirname, join, resolve } from "path";
import { fileURLToPath } from "url";

const here = dirname(fileURLToPath(import.meta.url));
const extensionRoot = resolve(here, "..");
const repoRoot = resolve(extensionRoot, "..");
const target = join(extensionRoot, "python");
// The runtime dependencies of pipeline/ and server/ (pygls's closure); all pure Python.
const DEPENDENCIES = ["pygls", "lsprotocol", "cattrs", "attrs", "typing_extensions"];

function interpreter() {
  if (process.env.BYTELENS_PYTHON) return process.env.BYTELENS_PYTHON;
  const venv = join(repoRoot, ".venv", "bin", "python");
  return existsSync(venv) ? venv : "python3";
}

const python = interpreter();
let pins;
try {
  pins = JSON.parse(execFileSync(python, ["-c",
    "import json, sys, importlib.metadata as m; print(json.dumps({n: m.version(n) for n in sys.argv[1:]}))",
    ...DEPENDENCIES], { encoding: "utf-8", stdio: ["ignore", "pipe", "pipe"] }));
} catch (error) {
  console.error(`bundle-python: ${python} does not have ${DEPENDENCIES.join(", ")} installed, so their versions ` +
    "cannot be pinned. Set BYTELENS_PYTHON to the interpreter of the repository's environment " +
    `(the one \`pip install -e .\` went into).\n${error.stderr ?? error.message}`);
  process.exit(1);
}

rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
for (const pkg of ["pipeline", "server"]) {
  cpSync(join(process.env.BYTELENS_SOURCE_ROOT || repoRoot, pkg), join(target, pkg), {
    recursive: true,
    filter: (src) => !/__pycache__|\.pyc$/.test(src),
  });
}
const requirements = Object.entries(pins).map(([name, version]) => `${name}==${version}`);
execFileSync(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-compile",
  "--no-deps", "--only-binary=:all:", "--target", join(target, "lib"), ...requirements], { stdio: "inherit" });
rmSync(join(target, "lib", "bin"), { recursive: true, force: true });
writeFileSync(join(target, "requirements.txt"), requirements.join("\n") + "\n");
console.log(`bundled pipeline/, server/ and ${requirements.join(", ")} into ${target}`);
