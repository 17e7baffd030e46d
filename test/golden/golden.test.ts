// Every committed golden must be what its script makes now: the scripts (and helpers.py)
// are copied to a temporary folder, generate.py runs there (GOLDEN_OUT_DIR points there
// too), and each test/golden/*.json must equal its fresh copy. Skipped without numpy.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const goldenDir = __dirname;

describe("golden files are fresh", function () {
  this.timeout(300000);
  let fresh = "";
  before(function () {
    try {
      execFileSync("python3", ["-c", "import numpy"], { stdio: "ignore" });
    } catch {
      this.skip();
    }
    fresh = mkdtempSync(join(tmpdir(), "golden-"));
    for (const f of readdirSync(goldenDir).filter((f) => f.endsWith(".py"))) copyFileSync(join(goldenDir, f), join(fresh, f));
    execFileSync("python3", [join(fresh, "generate.py")], { env: { ...process.env, GOLDEN_OUT_DIR: fresh }, stdio: "pipe" });
  });
  after(() => fresh && rmSync(fresh, { recursive: true, force: true }));

  for (const file of readdirSync(goldenDir).filter((f) => f.endsWith(".json"))) {
    it(file, () => {
      const committed = readFileSync(join(goldenDir, file), "utf8");
      assert.ok(committed === readFileSync(join(fresh, file), "utf8"), `${file} is stale: run npm run golden and commit`);
    });
  }
});
