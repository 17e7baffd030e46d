// The notebook runner and kernel registration against a real tslab kernel (npm start: start.test.ts).
import * as assert from "assert";
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { findNotebooks } from "../../src/jupyter/cli";
import { buildKernelSpec, findKernelSpec, installKernelSpec, LOCAL_JUPYTER_DIR, withProjectJupyterPath } from "../../src/jupyter/kernelspec";
import { formatNotebook, readNotebook } from "../../src/jupyter/notebook-file";
import { executeNotebook, runNotebookInPlace } from "../../src/jupyter/runner";
import { version } from "../../src";
import { kernelsOf, lastLine, leftoverKernels, Ran, ROOT, runCli, runTs, sleep } from "../helpers/runner-cli";

const FIXTURES = path.join(__dirname, "..", "fixtures");
const fixture = (name: string) => path.join(FIXTURES, name);

describe("kernel spec", () => {
  it("points at this node and this checkout's tslab", () => {
    const spec = buildKernelSpec();
    assert.deepStrictEqual(spec.argv, [
      process.execPath,
      "--enable-source-maps",
      "--require",
      path.join(ROOT, "dist", "jupyter", "kernel-preload.js"),
      path.join(ROOT, "node_modules", "tslab", "bin", "tslab"),
      "kernel",
      "--config-path",
      "{connection_file}",
    ]);
    assert.strictEqual(spec.language, "typescript");
    assert.match(spec.display_name, /TypeScript \(nnfs-ts\)/);
  });

  it("installs project-locally by default", async () => {
    const r = await runTs("src/jupyter/kernelspec.ts", []);
    assert.strictEqual(r.code, 0, r.stderr);
    const file = path.join(LOCAL_JUPYTER_DIR, "kernels", "nnfs-ts", "kernel.json");
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(file, "utf8")), buildKernelSpec());
  });

  it("the runner launches this checkout's spec, never another checkout's of the same name", () => {
    const file = path.join(LOCAL_JUPYTER_DIR, "kernels", "nnfs-ts", "kernel.json");
    const ours = fs.readFileSync(file);
    const elsewhere = { ...buildKernelSpec(), argv: ["/usr/bin/node", "--require", "/home/other/nnfs-ts/dist/jupyter/kernel-preload.js", "tslab", "kernel"] };
    try {
      // A copy of the checkout brings the original's spec along; so would a user-wide one.
      fs.writeFileSync(file, JSON.stringify(elsewhere));
      const found = findKernelSpec();
      assert.strictEqual(found.file, file);
      assert.deepStrictEqual(found.spec, buildKernelSpec());
      assert.deepStrictEqual(JSON.parse(fs.readFileSync(file, "utf8")), buildKernelSpec(), "rewritten for this checkout");
      // A spec the runner may not correct is refused, naming the place.
      fs.writeFileSync(file, JSON.stringify(elsewhere));
      fs.chmodSync(file, 0o444);
      assert.throws(() => findKernelSpec(), /cannot register this checkout's kernel spec in .*\.jupyter: .*read-only/);
    } finally {
      fs.chmodSync(file, 0o644);
      fs.writeFileSync(file, ours);
    }
  });

  it("installs into JUPYTER_DATA_DIR with --user", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nnfs-jupyter-data-"));
    const r = await runTs("src/jupyter/kernelspec.ts", ["--user"], { env: { ...process.env, JUPYTER_DATA_DIR: dataDir } });
    assert.strictEqual(r.code, 0, r.stderr);
    const spec = JSON.parse(fs.readFileSync(path.join(dataDir, "kernels", "nnfs-ts", "kernel.json"), "utf8"));
    assert.strictEqual(spec.argv[0], process.execPath);
    fs.rmSync(dataDir, { recursive: true });
  });

  it("puts the project dir first on JUPYTER_PATH, keeping the rest once", () => {
    const env = withProjectJupyterPath({ JUPYTER_PATH: ["/a", LOCAL_JUPYTER_DIR, "/b"].join(path.delimiter) });
    assert.strictEqual(env.JUPYTER_PATH, [LOCAL_JUPYTER_DIR, "/a", "/b"].join(path.delimiter));
    assert.strictEqual(withProjectJupyterPath({}).JUPYTER_PATH, LOCAL_JUPYTER_DIR);
  });

  it("writes the same file twice without changing it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnfs-spec-"));
    const file = installKernelSpec(dir);
    const before = fs.statSync(file).mtimeMs;
    installKernelSpec(dir);
    assert.strictEqual(fs.statSync(file).mtimeMs, before);
    fs.rmSync(dir, { recursive: true });
  });
});

// Generous limits: a kernel starts in ~3 s on an idle machine, but tslab's TypeScript
// compiler is CPU-heavy and CI machines are often busy.
describe("executeNotebook (real tslab kernel)", function () {
  this.timeout(120_000);

  it("runs cells in order and collects outputs like nbclient", async () => {
    const file = fixture("hello.ipynb");
    const bytes = fs.readFileSync(file);
    const run = await executeNotebook(file);
    assert.strictEqual(run.failure, null);
    assert.deepStrictEqual(run.cells.map((c) => c.executionCount), [1, 2, 3, 4, 5, 6]);
    const [imp, loop, html, live, silent] = run.cells.map((c) => c.outputs);
    // A cell's last expression is its result (Out[1]), shown as Node's REPL shows it: quoted.
    assert.deepStrictEqual(imp, [{ output_type: "execute_result", data: { "text/plain": `'${version}'` }, metadata: {}, execution_count: 1 }]);
    // Four console.log calls arrive as four messages and are stored as one stream output.
    assert.deepStrictEqual(loop, [{ output_type: "stream", name: "stdout", text: "line 0\nline 1\nline 2\ndone\n" }]);
    assert.deepStrictEqual(html, [{ output_type: "display_data", data: { "text/html": "<b>bold</b>" }, metadata: {} }]);
    // update_display_data replaces the earlier output in place.
    assert.deepStrictEqual(live, [{ output_type: "display_data", data: { "text/plain": "step 2" }, metadata: {} }]);
    assert.deepStrictEqual(silent, []);
    assert.deepStrictEqual(run.notebook.metadata.kernelspec, {
      display_name: "TypeScript (nnfs-ts)", language: "typescript", name: "nnfs-ts",
    });
    assert.ok(fs.readFileSync(file).equals(bytes), "executeNotebook must not write the notebook");
    assert.deepStrictEqual(await leftoverKernels(process.pid), []);
  });

  it("delivers every message of a cell that prints thousands of lines", async () => {
    // Without the kernel preload, zeromq rejects tslab's sends after 512 in a row and the
    // cell's closing "idle" status is lost: the run would hang until the timeout.
    const run = await executeNotebook(fixture("many-lines.ipynb"), { timeoutMs: 60_000 });
    assert.strictEqual(run.failure, null);
    const [printed, after] = run.cells.map((c) => c.outputs);
    const text = printed.map((o) => (o as { text?: string }).text ?? "").join("");
    assert.strictEqual(text.split("\n").length - 1, 2000);
    assert.ok(text.endsWith("line 1999\n"));
    assert.deepStrictEqual(after, [{ output_type: "stream", name: "stdout", text: "after\n" }]);
  });

  it("keeps every line of a flood (300,000 lines), in order, with stdout and stderr interleaved as written", async () => {
    // Before: zeromq's high-water marks dropped two thirds of the lines, and delivering one
    // message per line outlasted the cell, so short timeouts fired on cells that had finished.
    const run = await executeNotebook(fixture("flood.ipynb"), { timeoutMs: 60_000 });
    assert.strictEqual(run.failure?.reason, "stderr", "the last cell writes to stderr");
    const [flood, after, mixed] = run.cells.map((c) => c.outputs);
    assert.ok(flood.every((o) => o.output_type === "stream" && o.name === "stdout"));
    const lines = flood.map((o) => (o as { text: string }).text).join("").split("\n");
    assert.strictEqual(lines.length - 1, 300_000);
    assert.ok(lines.slice(0, -1).every((line, i) => line === `line ${i}`), "every line, in order");
    assert.deepStrictEqual(after, [{ output_type: "stream", name: "stdout", text: "after\n" }]);
    assert.deepStrictEqual(mixed.map((o) => [(o as { name: string }).name, (o as { text: string }).text]), [
      ["stdout", "out 0\n"], ["stderr", "err 0\n"], ["stdout", "out 1\n"], ["stderr", "err 1\n"], ["stdout", "out 2\n"], ["stderr", "err 2\n"],
    ]);
  });

  it("writes outputs in place only on success, formatted like Jupyter", async () => {
    // Inside the checkout (git-ignored test-output/): the notebook imports "nnfs-ts" from node_modules.
    fs.mkdirSync(path.join(ROOT, "test-output"), { recursive: true });
    const dir = fs.mkdtempSync(path.join(ROOT, "test-output", "inplace-"));
    const file = path.join(dir, "copy.ipynb");
    const nb = readNotebook(fixture("hello.ipynb"));
    for (const c of nb.cells) if (c.cell_type === "code") (c.outputs = [{ output_type: "stream", name: "stdout", text: "stale\n" }]), (c.execution_count = 99);
    fs.writeFileSync(file, formatNotebook(nb));
    await runNotebookInPlace(file);
    const text = fs.readFileSync(file, "utf8");
    assert.ok(text.endsWith("}\n") && text.startsWith('{\n "cells": [\n'), "1-space indent, trailing newline");
    assert.deepStrictEqual(fs.readdirSync(dir), ["copy.ipynb"], "no temp file left behind");
    const written = readNotebook(file);
    const code = written.cells.filter((c) => c.cell_type === "code");
    assert.deepStrictEqual(code[4].outputs, [], "a cell without output loses its stale output");
    assert.strictEqual(code[0].execution_count, 1);
    assert.strictEqual(written.cells[0].id, "cell-0", "cell ids and other fields are kept");
    // Same bytes as Jupyter's own writer (json.dumps(sort_keys, indent=1, ensure_ascii=False)).
    if (fs.existsSync("/usr/bin/python3")) {
      const py = "import json,sys; s=open(sys.argv[1],encoding='utf-8').read(); " +
        "sys.stdout.write(json.dumps(json.loads(s), sort_keys=True, indent=1, ensure_ascii=False) + '\\n')";
      const out = await new Promise<string>((resolve, reject) =>
        execFile("/usr/bin/python3", ["-c", py, file], (e, o) => (e ? reject(e) : resolve(o))));
      assert.strictEqual(text, out);
    }
    fs.rmSync(dir, { recursive: true });
  });
});

describe("npm run notebooks: bad input", function () {
  // Each case: non-zero exit, a last line naming notebook (and cell), file unchanged, no kernel left.
  this.timeout(120_000);

  async function expectFailure(name: string, lastLinePattern: RegExp, args: string[] = []): Promise<Ran> {
    const file = fixture(name);
    const before = fs.existsSync(file) ? fs.readFileSync(file) : null;
    const r = await runCli([...args, path.relative(ROOT, file)]);
    assert.notStrictEqual(r.code, 0, `exit code should be non-zero\n${r.stdout}${r.stderr}`);
    assert.match(lastLine(r.stderr), lastLinePattern, r.stderr);
    assert.ok(lastLine(r.stderr).includes(path.join("test", "fixtures", name)), `last line names the notebook: ${lastLine(r.stderr)}`);
    if (before) assert.ok(fs.readFileSync(file).equals(before), `${name} was modified`);
    else assert.ok(!fs.existsSync(file));
    assert.deepStrictEqual(await leftoverKernels(r.pid), [], "kernel processes left behind");
    return r;
  }

  it("a missing path", () => expectFailure("does-not-exist.ipynb", /no such file/));
  it("a text file", () => expectFailure("not-a-notebook.txt", /not a Jupyter notebook \(invalid JSON/));
  it("invalid JSON", () => expectFailure("invalid.ipynb", /not a Jupyter notebook \(invalid JSON/));
  it("JSON without cells", () => expectFailure("no-cells.ipynb", /not a Jupyter notebook \(no "cells" list\)/));

  it("a TypeScript type error", async () => {
    const r = await expectFailure("type-error.ipynb", /code cell 2 of 3 failed \(cell starts: "const n: number = \\"not a number\\";"\): .*Type 'string' is not assignable to type 'number'/);
    assert.ok(!r.stdout.includes("never"));
  });

  it("a cell that throws", () => expectFailure("throws.ipynb", /code cell 2 of 3 failed .*: Error: boom from a cell$/));

  it("output on stderr", () => expectFailure("stderr.ipynb", /code cell 1 of 1 wrote to stderr .*: a warning on stderr$/));

  it("process.exit(1) in a cell: the dead kernel is noticed at once", async () => {
    // With a 90 s cell timeout: finishing well before it means the exit itself was noticed.
    const r = await expectFailure("exit.ipynb", /code cell 2 of 3 killed the kernel .*: the kernel process exited \(exit code 1\)/, ["--timeout", "90"]);
    assert.ok(r.ms < 80_000, `took ${r.ms} ms`);
  });

  it("a cell that never finishes, with --timeout 3", async () => {
    const r = await expectFailure("forever.ipynb", /code cell 2 of 3 timed out .*: no result after 3 s/, ["--timeout", "3"]);
    assert.ok(r.ms < 80_000, `took ${r.ms} ms`);
    // What the kernel was doing when time ran out: its main thread running the loop.
    assert.match(r.stderr, /^\s*kernel process \d+: [\d.]+ s of CPU during the cell$/m, r.stderr);
    assert.match(r.stderr, /^\s*main thread: R, [\d.]+ s of CPU$/m, r.stderr);
  });

  it("SIGINT to the runner ends it and its kernel", async () => {
    const file = fixture("busy.ipynb");
    const before = fs.readFileSync(file);
    const busy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "nnfs-busy-")), "busy");
    let pid = 0;
    const done = runCli([path.relative(ROOT, file)], { onSpawn: (p) => (pid = p), env: { ...process.env, NNFS_TEST_BUSY_FILE: busy } });
    // Once the cell has written the file, the kernel is in its endless loop; then interrupt
    // the runner as a terminal's Ctrl-C would.
    const ended = done.then(() => "runner ended first");
    while (!fs.existsSync(busy)) assert.strictEqual(await Promise.race([ended, sleep(100)]), undefined, "the busy cell never started");
    process.kill(pid, "SIGINT");
    const r = await done;
    assert.strictEqual(r.code, 130, r.stderr);
    assert.match(lastLine(r.stderr), /interrupted \(SIGINT\): stopping the kernel/);
    assert.ok(fs.readFileSync(file).equals(before));
    assert.deepStrictEqual(await leftoverKernels(pid), [], "kernel processes left behind");
  });

  it("SIGKILL to the runner: its kernel notices the parent is gone and exits", async () => {
    let pid = 0;
    const done = runCli([path.relative(ROOT, fixture("forever.ipynb"))], { onSpawn: (p) => (pid = p) });
    for (let i = 0; i < 200 && (pid === 0 || (await kernelsOf(pid)).length === 0); i++) await sleep(100);
    assert.notStrictEqual((await kernelsOf(pid)).length, 0, "kernel never started");
    process.kill(pid, "SIGKILL");
    await done;
    // The kernel polls its parent once a second.
    assert.deepStrictEqual(await leftoverKernels(pid), [], "kernel outlived its runner");
  });

  it("refuses a notebook written for another kernel, naming it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnfs-python-"));
    const file = path.join(dir, "python.ipynb");
    const nb = readNotebook(fixture("hello.ipynb"));
    nb.metadata.kernelspec = { name: "python3", display_name: "Python 3", language: "python" };
    fs.writeFileSync(file, formatNotebook(nb));
    const r = await runCli([file]);
    assert.notStrictEqual(r.code, 0);
    assert.match(r.stderr, /is a notebook for the "python3" kernel \(Python 3\); this runner runs notebooks written for the project's kernel, "nnfs-ts"/);
    assert.deepStrictEqual(readNotebook(file), nb, "the notebook is left as it was");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("rejects a bad --timeout", async () => {
    const r = await runCli(["--timeout", "soon", "test/fixtures/hello.ipynb"]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /--timeout needs a positive number/);
  });
});

describe("notebook discovery", () => {
  it("recurses into directories, skips .ipynb_checkpoints, keeps named files", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnfs-find-"));
    for (const f of ["b.ipynb", "a.ipynb", "sub/c.ipynb", ".ipynb_checkpoints/a-checkpoint.ipynb", "notes.txt"]) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), "{}");
    }
    assert.deepStrictEqual(findNotebooks([dir]).map((p) => path.relative(dir, p)), ["a.ipynb", "b.ipynb", path.join("sub", "c.ipynb")]);
    assert.deepStrictEqual(findNotebooks([path.join(dir, "notes.txt")]), [path.join(dir, "notes.txt")]);
    fs.rmSync(dir, { recursive: true });
  });
});
