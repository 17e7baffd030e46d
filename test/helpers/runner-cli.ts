// Running the notebook runner (src/jupyter/cli.ts) as a user would, and finding the kernels it
// started: for the runner's tests.
import { execFile, spawn } from "child_process";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  pid: number;
  ms: number;
}

/** Runs a TS entry point from src/ (not dist/, so the test sees the code under test). */
export function runTs(entry: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; onSpawn?: (pid: number) => void } = {}): Promise<Ran> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--require", "tsx/cjs", path.join(ROOT, entry), ...args], {
      cwd: opts.cwd ?? ROOT,
      env: opts.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("spawn", () => opts.onSpawn?.(child.pid!));
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr, pid: child.pid!, ms: Date.now() - t0 }));
  });
}

export const runCli = (args: string[], opts: Parameters<typeof runTs>[2] = {}) => runTs("src/jupyter/cli.ts", args, opts);

/** Kernels a runner process started: their argv holds a connection file named after its pid. */
export function kernelsOf(runnerPid: number): Promise<string[]> {
  return new Promise((resolve) => {
    execFile("pgrep", ["-af", `nnfs-ts-kernel-${runnerPid}-`], (_err, out) =>
      resolve(out.split("\n").filter((l) => l.trim() !== "")),
    );
  });
}

/** Kernels still there after a grace of up to 30 s: a process being killed takes a moment to vanish. */
export async function leftoverKernels(runnerPid: number): Promise<string[]> {
  let left = await kernelsOf(runnerPid);
  for (let i = 0; i < 300 && left.length > 0; i++) {
    await sleep(100);
    left = await kernelsOf(runnerPid);
  }
  return left;
}

export const lastLine = (s: string) => s.trimEnd().split("\n").pop() ?? "";
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
