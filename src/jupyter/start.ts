// npm start [-- extra Jupyter options]: build if needed, register the kernel, open notebooks/
// in JupyterLab (or the classic Notebook), bound to 127.0.0.1.
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { installKernelSpec, PROJECT_ROOT, withProjectJupyterPath } from "./kernelspec";

const NO_JUPYTER = `npm start: no Jupyter found on PATH (looked for jupyter-lab and jupyter-notebook).
Install one, then run npm start again:
  pip install jupyterlab                      (any Python 3)
  conda install -c conda-forge jupyterlab     (conda / mamba)
  sudo apt-get install jupyter-notebook       (Debian / Ubuntu: classic Notebook)
Or run the notebooks without a UI: npm run notebooks`;

/** The executable's full path if found on PATH (like `command -v`). */
export function which(name: string, envPath: string = process.env.PATH ?? ""): string | null {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return null;
}

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

function main(extraArgs: string[]): void {
  const lab = which("jupyter-lab");
  const classic = lab ? null : which("jupyter-notebook");
  const exe = lab ?? classic;
  if (!exe) {
    console.error(NO_JUPYTER);
    process.exit(1);
  }
  ensureBuild();
  const spec = installKernelSpec();
  const notebooks = path.join(PROJECT_ROOT, "notebooks");
  const args = ["--ip=127.0.0.1", `--notebook-dir=${notebooks}`];
  // Jupyter refuses to run as root without being told; containers often run as root.
  if (process.getuid?.() === 0) args.push("--allow-root");
  console.log(`npm start: ${lab ? "JupyterLab" : "Jupyter Notebook"} on ${notebooks} (kernel spec ${spec})`);
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
