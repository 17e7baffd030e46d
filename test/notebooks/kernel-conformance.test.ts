// The registered "nnfs-ts" kernel against the Jupyter project's own conformance suite
// (jupyter_kernel_test, Debian's python3-jupyter-kernel-test), with TypeScript samples and a
// few checks of our own: kernel_conformance.py. The kernel runs dist/, so build first.
import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { installKernelSpec, PROJECT_ROOT, withProjectJupyterPath } from "../../src/jupyter/kernelspec";

// Debian's Python: the one with jupyter_kernel_test (the python3 on PATH may be another).
const PYTHON = "/usr/bin/python3";
const SUITE = "kernel_conformance";

/** Every test the suite runs, and the two it skips: the kernel has no pager or clear_output. */
const EXPECTED: Record<string, "ok" | "skipped"> = {
  test_kernel_info: "ok",
  test_execute_stdout: "ok",
  test_execute_stderr: "ok",
  test_completion: "ok",
  test_is_complete: "ok",
  test_error: "ok",
  test_execute_result: "ok",
  test_display_data: "ok",
  test_history: "ok",
  test_inspect: "ok",
  test_pager: "skipped",
  test_clear_output: "skipped",
  test_error_traceback_points_at_cell_lines: "ok",
  test_compile_error_is_an_error_message: "ok",
  test_execute_result_is_out_n: "ok",
  test_stop_on_error_aborts_the_queue: "ok",
  test_no_abort_without_stop_on_error: "ok",
  test_request_sent_after_the_error_runs: "ok",
};

interface SuiteRun {
  output: string;
  status: Map<string, string>;
}

function runSuite(): Promise<SuiteRun> {
  return new Promise((resolve, reject) => {
    execFile(
      PYTHON, ["-m", "unittest", "-v", SUITE],
      { cwd: __dirname, env: withProjectJupyterPath(), timeout: 240_000, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        const output = stdout + stderr;
        // A failing suite exits 1; anything else (no Python, a crash) is not a test result.
        if (err && typeof err.code !== "number") return reject(new Error(`${PYTHON} -m unittest: ${err.message}\n${output}`));
        const status = new Map<string, string>();
        for (const m of output.matchAll(/^(test_\w+) \(.*?\) \.\.\. (ok|skipped|FAIL|ERROR)?/gm)) {
          // A test with subtests that did not all pass ends its line with "..." alone.
          status.set(m[1], m[2] ?? "see its subtests");
        }
        // Subtest failures are listed in the summary, not on the test's own line.
        for (const m of output.matchAll(/^(?:FAIL|ERROR): (test_\w+)/gm)) status.set(m[1], "FAIL");
        resolve({ output, status });
      },
    );
  });
}

describe("kernel conformance (jupyter_kernel_test)", function () {
  let run: SuiteRun;

  before(async function () {
    if (!fs.existsSync(path.join(PROJECT_ROOT, "dist", "jupyter", "tslab-kernel.js"))) {
      throw new Error("dist/jupyter/tslab-kernel.js is missing: build first (npx tsc -p tsconfig.json)");
    }
    const probe = await new Promise<string>((resolve) =>
      execFile(PYTHON, ["-c", "import jupyter_kernel_test"], (err, _o, e) => resolve(err ? e || err.message : "")));
    if (probe) throw new Error(`${PYTHON} cannot import jupyter_kernel_test (apt-get install python3-jupyter-kernel-test):\n${probe}`);
    installKernelSpec();
    run = await runSuite();
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: ${expected}`, () => {
      const got = run.status.get(name);
      if (got !== expected) assert.fail(`${name}: ${got ?? "not run"}, expected ${expected}\n${run.output}`);
    });
  }

  it("runs no test this file does not expect", () => {
    assert.deepStrictEqual([...run.status.keys()].filter((n) => !(n in EXPECTED)), []);
  });
});
