// npm start [-- extra JupyterLab options]: build if needed, register the kernel, open notebooks/
// in JupyterLab on 127.0.0.1. JupyterLab comes from the project's .venv if it has one, else from
// PATH (used as it is), else a new .venv from requirements-jupyter.txt (see lab-env.ts).
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { installKernelSpec, KERNEL_NAME, PROJECT_ROOT, withProjectJupyterPath } from "./kernelspec";
import { createVenv, plotlyNote, SetupError, venvBin, venvDir, venvState, which } from "./lab-env";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Notebooks import the built package (dist/), so a stale build would show old behaviour. */
function ensureBuild(): void {
  const entry = path.join(PROJECT_ROOT, "dist", "index.js");
  const src = path.join(PROJECT_ROOT, "src");
  if (fs.existsSync(entry) && (!fs.existsSync(src) || fs.statSync(entry).mtimeMs >= newestMtime(src))) return;
  console.log("npm start: building the library (tsc) ...");
  const tsc = require.resolve("typescript/bin/tsc", { paths: [PROJECT_ROOT] });
  const r = spawnSync(process.execPath, [tsc, "-p", path.join(PROJECT_ROOT, "tsconfig.json")], { stdio: "inherit" });
  if (r.status !== 0) {
    // tsc still emits on type errors; only a missing entry point makes notebooks unusable.
    if (!fs.existsSync(entry)) throw new Error("the build failed and dist/index.js is missing");
    console.warn("npm start: the build reported errors (see above); starting anyway.");
  }
}

/**
 * The jupyter-lab to run: the one in the venv npm start made; else one the user has (a .venv of
 * their own, or PATH), used as it is; else a new venv's, installed now.
 */
function findOrInstallJupyterLab(): string {
  const venv = venvDir();
  const state = venvState(venv);
  if (state === "ready") return venvBin(venv, "jupyter-lab");
  if (state === "none") {
    const theirs = [venvBin(venv, "jupyter-lab")].find((f) => fs.existsSync(f)) ?? which("jupyter-lab");
    if (theirs) {
      const note = plotlyNote(theirs);
      if (note) console.warn(note);
      return theirs;
    }
  }
  return createVenv(venv);
}

/** The chapter notebooks name their kernel; the default is for new ones. */
export const DEFAULT_KERNEL = `--MappingKernelManager.default_kernel_name=${KERNEL_NAME}`;

function main(extraArgs: string[]): void {
  let exe: string;
  try {
    exe = findOrInstallJupyterLab();
  } catch (e) {
    if (!(e instanceof SetupError)) throw e;
    console.error(e.message);
    process.exit(1);
  }
  ensureBuild();
  const spec = installKernelSpec();
  const notebooks = path.join(PROJECT_ROOT, "notebooks");
  const args = ["--ip=127.0.0.1", `--notebook-dir=${notebooks}`, DEFAULT_KERNEL];
  // Jupyter refuses to run as root without being told; containers often run as root.
  if (process.getuid?.() === 0) args.push("--allow-root");
  console.log(`npm start: JupyterLab (${exe}) on ${notebooks}, kernel spec ${spec}`);
  const child = spawn(exe, [...args, ...extraArgs], {
    cwd: notebooks,
    env: withProjectJupyterPath(),
    stdio: "inherit",
  });
  // A terminal's Ctrl-C reaches Jupyter directly as well (same process group); passing it on
  // too makes it Jupyter's "second Ctrl-C", which shuts down without the y/n prompt.
  const forward = (sig: NodeJS.Signals) => child.kill(sig);
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(sig, forward);
  child.on("error", (e) => {
    console.error(`npm start: cannot run ${exe}: ${e.message}`);
    process.exit(1);
  });
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + os.constants.signals[signal] : 1)));
}

if (require.main === module) main(process.argv.slice(2));
