// Learners re-run cells: a class cell twice, the cells below it after editing it, Run All again.
// Each chapter notebook runs top to bottom twice on one kernel, and the second run must print
// what the stored notebook shows, cell by cell.
import * as fs from "fs";
import * as path from "path";
import { findNotebooks } from "../../src/jupyter/cli";
import { compareOutputs } from "../../src/jupyter/compare";
import { codeCells, readNotebook } from "../../src/jupyter/notebook-file";
import { executeNotebook, formatFailure } from "../../src/jupyter/runner";

const ROOT = path.resolve(__dirname, "..", "..");
const NOTEBOOKS = path.join(ROOT, "notebooks");

const chapters = (fs.existsSync(NOTEBOOKS) ? findNotebooks([NOTEBOOKS]) : [])
  .filter((file) => /^ch\d\d-/.test(path.basename(file)));

describe("notebooks survive re-running every cell (Run All twice on one kernel)", function () {
  this.timeout(0);
  for (const file of chapters) {
    const rel = path.relative(ROOT, file);
    it(rel, async () => {
      const count = codeCells(readNotebook(file)).length;
      const once = [...Array(count).keys()];
      const run = await executeNotebook(file, { order: [...once, ...once], timeoutMs: 600_000 });
      if (run.failure) throw new Error(`on the second run: ${formatFailure(run.failure)}`);
      const diffs = run.cells
        .map((cell) => compareOutputs(cell.storedOutputs, cell.outputs, `${rel} code cell ${cell.cellNumber}, run again`))
        .filter((diff): diff is string => diff !== null);
      if (diffs.length > 0) throw new Error(diffs.join("\n"));
    });
  }
});
