// Every notebook under notebooks/ runs fresh, and each code cell's outputs must equal the
// stored ones (after the sanitizers in src/jupyter/compare.ts). New notebooks are picked
// up automatically.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { findNotebooks } from "../../src/jupyter/cli";
import { compareOutputs, renderOutputs } from "../../src/jupyter/compare";
import { Output } from "../../src/jupyter/notebook-file";
import { executeNotebook, ExecutedCell, formatFailure, NotebookRun } from "../../src/jupyter/runner";

const ROOT = path.resolve(__dirname, "..", "..");
const NOTEBOOKS = path.join(ROOT, "notebooks");
/**
 * Per-cell limit inside a notebook run (seconds in NNFS_CELL_TIMEOUT); the runner interrupts a
 * cell that exceeds it. 10 minutes: the longest cells (chapter 10's 10,001 epochs, the
 * Fashion-MNIST training) take seconds to a minute, more on a busy machine.
 */
const CELL_TIMEOUT_MS = Number(process.env.NNFS_CELL_TIMEOUT ?? 600) * 1000;

/** What a notebook test asserts for one cell; thrown errors are the test failure. */
function checkCell(run: NotebookRun, cell: ExecutedCell, label: string): void {
  if (run.failure && run.failure.cellNumber === cell.cellNumber) {
    // Even if the stored output shows the same error: a notebook must run cleanly.
    throw new Error(formatFailure(run.failure));
  }
  if (cell.status === "not run") {
    throw new Error(`${label} was not run: code cell ${run.failure?.cellNumber} failed before it`);
  }
  const diff = compareOutputs(cell.storedOutputs, cell.outputs, label);
  if (diff) throw new Error(`${label}: outputs differ from the stored ones\n${diff}`);
}

const label = (run: NotebookRun, cell: ExecutedCell) =>
  `${path.relative(ROOT, run.path)} code cell ${cell.cellNumber}`;

const found = fs.existsSync(NOTEBOOKS) ? findNotebooks([NOTEBOOKS]) : [];

describe("notebooks/ (fresh run vs stored outputs)", () => {
  for (const file of found) {
    const rel = path.relative(ROOT, file);
    // Cells are known before the run, so mocha can list one test per code cell.
    let cells: { cellNumber: number; firstLine: string }[];
    try {
      const nb = JSON.parse(fs.readFileSync(file, "utf8")) as { cells: { cell_type: string; source: string | string[] }[] };
      cells = nb.cells
        .filter((c) => c.cell_type === "code")
        .map((c, i) => ({
          cellNumber: i + 1,
          firstLine: ([] as string[]).concat(c.source).join("").split("\n").find((l) => l.trim()) ?? "",
        }));
    } catch (e) {
      it(`${rel} is a readable notebook`, () => {
        throw e;
      });
      continue;
    }
    describe(rel, function () {
      let run: NotebookRun | undefined;
      let runError: unknown;
      before(async function () {
        // Guard only; the per-cell timeout is what bounds a hanging notebook.
        this.timeout(0);
        try {
          run = await executeNotebook(file, { timeoutMs: CELL_TIMEOUT_MS });
          const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
          console.log(`      (ran in ${secs(run.durationMs)}, kernel start ${secs(run.kernelStartMs)})`);
        } catch (e) {
          runError = e;
        }
      });
      for (const c of cells) {
        it(`code cell ${c.cellNumber}: ${c.firstLine.slice(0, 60)}`, () => {
          if (!run) throw runError;
          checkCell(run, run.cells[c.cellNumber - 1], label(run, run.cells[c.cellNumber - 1]));
        });
      }
    });
  }
});

describe("output comparison (fixture notebook)", function () {
  this.timeout(120_000);
  let run: NotebookRun;
  before(async () => {
    run = await executeNotebook(path.join(__dirname, "..", "fixtures", "hello.ipynb"));
  });

  it("a fresh run matches the stored outputs (random times and ids are sanitized)", () => {
    assert.strictEqual(run.failure, null);
    for (const cell of run.cells) checkCell(run, cell, label(run, cell));
  });

  it("bites: an edited stored output fails with a unified diff naming the cell", () => {
    const cell = run.cells[1];
    const edited: Output[] = [{ output_type: "stream", name: "stdout", text: "line 0\nline one\nline 2\ndone\n" }];
    assert.throws(
      () => checkCell(run, { ...cell, storedOutputs: edited }, label(run, cell)),
      (e: Error) => {
        assert.match(e.message, /test\/fixtures\/hello\.ipynb code cell 2: outputs differ/);
        assert.match(e.message, /^--- test\/fixtures\/hello\.ipynb code cell 2 \(stored\)$/m);
        assert.match(e.message, /^\+\+\+ test\/fixtures\/hello\.ipynb code cell 2 \(this run\)$/m);
        assert.match(e.message, /^-line one$/m);
        assert.match(e.message, /^\+line 1$/m);
        return true;
      },
    );
  });

  it("bites on rich outputs too: JSON compared as data, text mimes as text", () => {
    const html: Output = { output_type: "display_data", data: { "text/html": "<b>bold</b>" }, metadata: {} };
    assert.notStrictEqual(compareOutputs([html], [{ ...html, data: { "text/html": "<b>bolder</b>" } }], "c"), null);
    const a: Output = { output_type: "display_data", data: { "application/vnd.plotly.v1+json": { data: [{ y: [1, 2] }], layout: { title: "t" } } }, metadata: {} };
    const sameData: Output = { output_type: "display_data", data: { "application/vnd.plotly.v1+json": { layout: { title: "t" }, data: [{ y: [1, 2] }] } }, metadata: {} };
    const other: Output = { output_type: "display_data", data: { "application/vnd.plotly.v1+json": { data: [{ y: [1, 3] }], layout: { title: "t" } } }, metadata: {} };
    assert.strictEqual(compareOutputs([a], [sameData], "c"), null, "key order does not matter");
    assert.match(compareOutputs([a], [other], "c") ?? "", /^-\s+2$\n^\+\s+3$/m);
  });

  it("a cell that errors fails even when the stored output shows the same error", async () => {
    const failed = await executeNotebook(path.join(__dirname, "..", "fixtures", "throws.ipynb"));
    const [before, boom, after] = failed.cells;
    assert.doesNotThrow(() => checkCell(failed, { ...before, storedOutputs: before.outputs }, "c1"));
    assert.throws(() => checkCell(failed, { ...boom, storedOutputs: boom.outputs }, "c2"), /code cell 2 of 3 failed.*Error: boom from a cell/);
    assert.throws(() => checkCell(failed, after, "c3"), /c3 was not run: code cell 2 failed before it/);
  });

  it("sanitizes what legitimately changes between runs, and nothing else", () => {
    const out = (text: string): Output[] => [{ output_type: "stream", name: "stdout", text }];
    const same = (a: string, b: string) => compareOutputs(out(a), out(b), "c") === null;
    assert.ok(same("epoch 1 took 12.3s\n", "epoch 1 took 9.8s\n"));
    assert.ok(same("took 45 ms\n", "took 7 ms\n"));
    assert.ok(same("id 35ffba9b-940f-4a79-a34b-97b16ef18d6b\n", "id 9a96f42c-378c-4274-8c5d-9349aabb2082\n"));
    // Charts carry no generated element ids any more (they are plotly JSON and a picture),
    // so an id that changes is a real difference.
    assert.ok(!same('<div id="plot-1a2b3c"></div>', '<div id="plot-9z8y7x"></div>'));
    assert.ok(!same("loss: 0.350\n", "loss: 0.351\n"));
    assert.ok(!same("acc: 0.9 (3 samples)\n", "acc: 0.9 (4 samples)\n"));
    assert.ok(renderOutputs(out("x")).includes("[stdout]"));
  });
});
