// The package as notebooks load it: tsc's CommonJS output, compiled here from the current src/.
// Run from source through tsx instead, every call would also pay esbuild's keepNames wrappers
// and getter-based imports (measured ~30% of a chapter-10 epoch), which users never run.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.join(__dirname, "..");
const outDir = path.join(root, "node_modules", ".cache", "nnfs-ts-bench");
// Compiled once per bench run: a case that runs in a child process (fashion_memory.ts) inherits
// this variable and loads the same output.
if (process.env.NNFS_BENCH_LIBRARY !== outDir) {
  fs.rmSync(outDir, { recursive: true, force: true });
  // Not incremental: the project's build info (dist/.tsbuildinfo) would make tsc skip this output.
  // Type errors elsewhere in a work in progress do not stop tsc from emitting; a missing output does.
  spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.json"),
    "--outDir", outDir, "--declaration", "false", "--sourceMap", "false", "--incremental", "false"], { stdio: "ignore" });
  process.env.NNFS_BENCH_LIBRARY = outDir;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const library = require(path.join(outDir, "index.js")) as typeof import("../src");
