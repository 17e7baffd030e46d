// A throwaway Jupyter server for browser tests, Debian's classic Notebook 6 or a JupyterLab 4:
// loopback only, a random token, its own config/data/runtime dirs (nothing read from or written
// to the user's ~/.jupyter).
import { ChildProcess, spawn } from "child_process";
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";

export const JUPYTER_NOTEBOOK = "/usr/bin/jupyter-notebook";

export interface NotebookServerOptions {
  /** The folder the server shows (its root dir); kernels start in their notebook's folder. */
  notebookDir: string;
  /** Prepended to JUPYTER_PATH: where kernel specs are found. */
  jupyterPath: string;
  startTimeoutMs?: number;
  /** The server to run: Debian's classic Notebook (the default) or a JupyterLab 4's jupyter-lab. */
  executable?: string;
  /** Files to write into the server's config dir first, by relative path (JupyterLab settings). */
  configFiles?: Record<string, string>;
  /** More command-line options for the server. */
  extraArgs?: string[];
}

export interface NotebookServer {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  token: string;
  /** What the server printed so far (for failure messages). */
  log(): string;
  /** Stops the server and every kernel it started; safe to call twice. */
  stop(): Promise<void>;
}

export async function startNotebookServer(options: NotebookServerOptions): Promise<NotebookServer> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "nnfs-jupyter-"));
  const runtimeDir = path.join(home, "runtime");
  const port = await freePort();
  const token = randomBytes(16).toString("hex");
  const url = `http://127.0.0.1:${port}/`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    JUPYTER_CONFIG_DIR: path.join(home, "config"),
    JUPYTER_DATA_DIR: path.join(home, "data"),
    JUPYTER_RUNTIME_DIR: runtimeDir,
    JUPYTER_PATH: [options.jupyterPath, process.env.JUPYTER_PATH].filter(Boolean).join(path.delimiter),
  };
  delete env.JUPYTER_TOKEN;
  for (const [file, text] of Object.entries(options.configFiles ?? {})) {
    fs.mkdirSync(path.dirname(path.join(home, "config", file)), { recursive: true });
    fs.writeFileSync(path.join(home, "config", file), text);
  }
  const executable = options.executable ?? JUPYTER_NOTEBOOK;
  // Classic Notebook is configured as NotebookApp, JupyterLab 4 (Jupyter Server) as ServerApp.
  // Either way: fail rather than quietly move to another port if someone took this one meanwhile.
  const serverArgs = path.basename(executable) === "jupyter-lab"
    ? ["--ServerApp.port_retries=0", `--IdentityProvider.token=${token}`, `--ServerApp.root_dir=${options.notebookDir}`]
    : ["--NotebookApp.port_retries=0", `--NotebookApp.token=${token}`, `--notebook-dir=${options.notebookDir}`];
  const server = spawn(executable, ["--no-browser", "--allow-root", "--ip=127.0.0.1", `--port=${port}`, ...serverArgs, ...options.extraArgs ?? []],
    { env, cwd: options.notebookDir, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const collect = (chunk: Buffer) => { output += chunk.toString(); };
  server.stdout!.on("data", collect);
  server.stderr!.on("data", collect);
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopServer(server, exited);
    // Jupyter starts kernels in sessions of their own, so they outlive a killed server; its
    // SIGTERM handler shuts them down, and any it missed are found by their connection file.
    for (const pid of processesMentioning(runtimeDir)) killQuietly(pid, "SIGKILL");
    fs.rmSync(home, { recursive: true, force: true });
  };

  try {
    await waitUntilReady(url, token, exited, options.startTimeoutMs ?? 30_000);
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n--- ${path.basename(executable)} output ---\n${output}`);
  }
  return { url, token, log: () => output, stop };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, token: string, exited: Promise<void>, timeoutMs: number): Promise<void> {
  let hasExited = false;
  void exited.then(() => { hasExited = true; });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error("the Jupyter server exited before it was ready");
    try {
      const response = await fetch(`${url}api/status`, { headers: { Authorization: `token ${token}` } });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the Jupyter server did not answer on ${url} within ${timeoutMs / 1000} s`);
}

async function stopServer(server: ChildProcess, exited: Promise<void>): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  // The server leads its own process group (detached): signal the group.
  killQuietly(-server.pid!, "SIGTERM");
  const timer = setTimeout(() => killQuietly(-server.pid!, "SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Pids of live processes whose command line contains `text`. */
function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(text)) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}
