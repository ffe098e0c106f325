// Runs a batch of jobs in one CPython 3.14.2 (pyodide@314.0.7) and prints one JSON line per job.
//
// Input (stdin): JSON {"jobs": [{"cwd": "/abs/dir", "argv": ["-m", "tokenize", "f.py"]}, ...]}
// argv is what would follow `python3.14` on a command line: `-m MODULE ARGS...` or `FILE ARGS...`.
// Output (stdout): one JSON line per job, in order: {"stdout": str, "stderr": str, "status": int}.
// The host file system is mounted at /host, so job paths are the host's own, under that prefix.
import { loadPyodide } from "pyodide";
import { readFileSync } from "node:fs";

const batch = JSON.parse(readFileSync(0, "utf8"));
const py = await loadPyodide({ stdout: () => {}, stderr: () => {} });
py.mountNodeFS("/host", "/");
py.runPython(readFileSync(new URL("./harness.py", import.meta.url), "utf8"));
const runJob = py.globals.get("run_job");
for (const job of batch.jobs) {
  process.stdout.write(runJob(JSON.stringify(job)) + "\n");
}
