// Every committed golden must be what its script makes now: the scripts (and helpers.py)
// are copied to a temporary folder, generate.py runs there (GOLDEN_OUT_DIR points there
// too), and each test/golden/*.json must equal its fresh copy. generate.py runs the NumPy
// requirements.txt pins, from <repo>/.venv-golden (made on first use), whatever NumPy the
// machine's python3 has or lacks. Skipped only without a python3.
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
      execFileSync("python3", ["-c", "import venv"], { stdio: "ignore" });
    } catch {
      this.skip();
    }
    fresh = mkdtempSync(join(tmpdir(), "golden-"));
    for (const f of readdirSync(goldenDir).filter((f) => f.endsWith(".py") || f === "requirements.txt")) copyFileSync(join(goldenDir, f), join(fresh, f));
    const venv = join(goldenDir, "..", "..", ".venv-golden");
    execFileSync("python3", [join(fresh, "generate.py")], { env: { ...process.env, GOLDEN_OUT_DIR: fresh, NNFS_GOLDEN_VENV: venv }, stdio: "pipe" });
  });
  after(() => fresh && rmSync(fresh, { recursive: true, force: true }));

  for (const file of readdirSync(goldenDir).filter((f) => f.endsWith(".json"))) {
    it(file, () => {
      const committed = readFileSync(join(goldenDir, file), "utf8");
      assert.ok(committed === readFileSync(join(fresh, file), "utf8"), `${file} is stale: run npm run golden and commit`);
    });
  }
});
