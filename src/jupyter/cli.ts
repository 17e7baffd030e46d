// npm run notebooks -- [--timeout SECONDS] [paths...]
// Executes notebooks headless on the nnfs-ts kernel and saves their outputs in place.
import * as fs from "fs";
import * as path from "path";
import { PROJECT_ROOT } from "./kernelspec";
import { NotebookFormatError } from "./notebook-file";
import { DEFAULT_TIMEOUT_MS, NotebookRunError, runNotebookInPlace } from "./runner";

const USAGE = `usage: npm run notebooks -- [--timeout SECONDS] [paths...]
  paths: .ipynb files or directories (searched recursively); default: notebooks/
  --timeout SECONDS  per-cell limit (default ${DEFAULT_TIMEOUT_MS / 1000})
Runs every code cell on a fresh "nnfs-ts" kernel and writes the outputs back into the
notebook, only when all cells succeeded. Stops at the first failing cell.`;

class UsageError extends Error {}

interface Args {
  timeoutMs: number;
  paths: string[];
}

function parseArgs(argv: string[]): Args | null {
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-h" || a === "--help") return null;
    if (a === "--timeout" || a.startsWith("--timeout=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      const s = Number(v);
      if (v === undefined || v === "") throw new UsageError("--timeout needs a number of seconds after it");
      if (!Number.isFinite(s) || s <= 0) throw new UsageError(`--timeout needs a positive number of seconds, got ${v}`);
      timeoutMs = s * 1000;
    } else if (a.startsWith("-")) {
      throw new UsageError(`unknown option ${a}`);
    } else {
      paths.push(a);
    }
  }
  return { timeoutMs, paths };
}

/** Notebooks under the given files/dirs, in a stable order; checkpoints are Jupyter's backups. */
export function findNotebooks(paths: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== ".ipynb_checkpoints" && e.name !== "node_modules") walk(p);
      else if (e.isFile() && e.name.endsWith(".ipynb")) found.push(p);
    }
  };
  for (const p of paths) {
    if (!fs.existsSync(p)) throw new NotebookFormatError(`${p}: no such file or directory`);
    // An explicitly named file is run whatever its name; readNotebook says if it isn't one.
    if (fs.statSync(p).isDirectory()) walk(p);
    else found.push(p);
  }
  return found;
}

async function main(argv: string[]): Promise<number> {
  // `npm run` moves to the package root; paths typed by the user are relative to where npm
  // was started (INIT_CWD).
  const initCwd = process.env.INIT_CWD;
  if (initCwd && fs.existsSync(initCwd)) process.chdir(initCwd);
  let args: Args | null;
  try {
    args = parseArgs(argv);
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!args) {
    console.log(USAGE);
    return 0;
  }
  const defaultDir = path.relative(process.cwd(), path.join(PROJECT_ROOT, "notebooks")) || ".";
  const notebooks = findNotebooks(args.paths.length ? args.paths : [defaultDir]);
  if (notebooks.length === 0) console.log(`no notebooks found in ${args.paths.join(", ") || defaultDir}`);
  for (const nb of notebooks) {
    let run;
    try {
      run = await runNotebookInPlace(nb, { timeoutMs: args.timeoutMs });
    } catch (e) {
      // A failing cell already names the notebook; other errors (bad file, kernel that does
      // not start) get it prepended unless they carry it.
      const msg = e instanceof Error ? e.message : String(e);
      console.error(e instanceof NotebookRunError || msg.startsWith(nb) ? msg : `${nb}: ${msg}`);
      return 1;
    }
    const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(`ok ${nb}: ${run.cells.length} code cells in ${secs(run.durationMs)} (kernel start ${secs(run.kernelStartMs)})`);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e instanceof NotebookFormatError ? e.message : e instanceof Error ? e.stack : String(e));
      process.exitCode = 1;
    },
  );
}
