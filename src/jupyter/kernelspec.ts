// Registers the project's tslab kernel with Jupyter, and finds it again for the runner.
//   node dist/jupyter/kernelspec.js           -> <repo>/.jupyter/kernels/nnfs-ts/kernel.json
//   node dist/jupyter/kernelspec.js --user    -> the user's Jupyter data dir (for VS Code etc.)
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeAtomically } from "../files";

export const KERNEL_NAME = "nnfs-ts";
export const KERNEL_DISPLAY_NAME = "TypeScript (nnfs-ts)";

export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
  interrupt_mode?: "signal" | "message";
  env?: Record<string, string>;
  metadata?: Record<string, unknown>;
}

/** Works from both src/jupyter (tsx) and dist/jupyter (compiled). */
export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
/** Git-ignored; made visible to Jupyter through JUPYTER_PATH. */
export const LOCAL_JUPYTER_DIR = path.join(PROJECT_ROOT, ".jupyter");

/** Where `jupyter --data-dir` points, following jupyter_core's rules. */
export function userJupyterDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.JUPYTER_DATA_DIR) return path.resolve(env.JUPYTER_DATA_DIR);
  const home = os.homedir();
  if (process.platform === "darwin") return path.join(home, "Library", "Jupyter");
  if (process.platform === "win32") return path.join(env.APPDATA ?? path.join(home, "AppData", "Roaming"), "jupyter");
  return path.join(env.XDG_DATA_HOME || path.join(home, ".local", "share"), "jupyter");
}

/** A copy of env whose JUPYTER_PATH starts with the project-local dir (kept once, others after it). */
export function withProjectJupyterPath(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const rest = (env.JUPYTER_PATH ?? "")
    .split(path.delimiter)
    .filter((p) => p !== "" && path.resolve(p) !== LOCAL_JUPYTER_DIR);
  return { ...env, JUPYTER_PATH: [LOCAL_JUPYTER_DIR, ...rest].join(path.delimiter) };
}

export function buildKernelSpec(): KernelSpec {
  // Absolute node and tslab paths: Jupyter may be started from a shell (or an IDE) whose PATH
  // has another node, or none, and tslab is only installed inside this project.
  const tslabDir = path.dirname(require.resolve("tslab/package.json", { paths: [PROJECT_ROOT] }));
  return {
    argv: [
      // Source maps: a library frame in a traceback names the src/*.ts line, not dist/*.js.
      process.execPath, "--enable-source-maps", "--require", path.join(PROJECT_ROOT, "dist", "jupyter", "kernel-preload.js"),
      path.join(tslabDir, "bin", "tslab"), "kernel", "--config-path", "{connection_file}",
    ],
    display_name: KERNEL_DISPLAY_NAME,
    language: "typescript",
    interrupt_mode: "signal",
  };
}

/** Writes kernels/nnfs-ts/kernel.json under dataDir; returns the file's path. */
export function installKernelSpec(dataDir: string = LOCAL_JUPYTER_DIR): string {
  const dir = path.join(dataDir, "kernels", KERNEL_NAME);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "kernel.json");
  const text = JSON.stringify(buildKernelSpec(), null, 1) + "\n";
  // Unchanged specs are left alone so a running Jupyter does not see a needless rewrite.
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) {
    writeAtomically(file, text);
  }
  return file;
}

export interface FoundKernelSpec {
  file: string;
  spec: KernelSpec;
}

/**
 * The kernel spec the runner launches: always the one this checkout writes into its .jupyter
 * dir. Another checkout (or an older copy of this one) may have registered a spec of the same
 * name in the user's data dir, and running it would test someone else's code. A stale or
 * missing project spec is (re)written, as `npm start` would.
 */
export function findKernelSpec(): FoundKernelSpec {
  let file: string;
  try {
    file = installKernelSpec();
  } catch (e) {
    throw new Error(`cannot register this checkout's kernel spec in ${LOCAL_JUPYTER_DIR}: ${(e as Error).message}`);
  }
  const spec = readSpec(file);
  if (!spec.argv.some((arg) => arg.startsWith(PROJECT_ROOT + path.sep))) {
    throw new Error(`${file}: kernel spec does not run this checkout (${PROJECT_ROOT}): ${spec.argv.join(" ")}`);
  }
  return { file, spec };
}

function readSpec(file: string): KernelSpec {
  const spec = JSON.parse(fs.readFileSync(file, "utf8")) as KernelSpec;
  if (!Array.isArray(spec.argv) || spec.argv.length === 0) throw new Error(`${file}: kernel spec without argv`);
  return spec;
}

function main(args: string[]): void {
  if (args.includes("--help") || args.includes("-h")) {
    console.log("usage: npm run kernel:install [-- --user]\n" +
      `  default: ${path.join(LOCAL_JUPYTER_DIR, "kernels", KERNEL_NAME)} (npm start and the runner set JUPYTER_PATH)\n` +
      `  --user:  ${path.join(userJupyterDataDir(), "kernels", KERNEL_NAME)} (visible to every Jupyter/VS Code)`);
    return;
  }
  const unknown = args.filter((a) => a !== "--user");
  if (unknown.length > 0) {
    console.error(`kernel:install: unknown argument ${unknown[0]} (try --help)`);
    process.exit(2);
  }
  const file = installKernelSpec(args.includes("--user") ? userJupyterDataDir() : LOCAL_JUPYTER_DIR);
  console.log(`Registered Jupyter kernel "${KERNEL_DISPLAY_NAME}" (${KERNEL_NAME}): ${file}`);
}

if (require.main === module) main(process.argv.slice(2));
