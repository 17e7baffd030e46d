// Where `npm start` gets its JupyterLab: the project's .venv, a jupyter-lab on PATH, or a new
// .venv made from requirements-jupyter.txt. Each step prints what it does; pip's own output
// is the progress of the install.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { PROJECT_ROOT } from "./kernelspec";

export const REQUIREMENTS = path.join(PROJECT_ROOT, "requirements-jupyter.txt");
/** JupyterLab 4.6 needs Python 3.10 or newer. */
const MIN_PYTHON: [number, number] = [3, 10];

/** The project venv: NNFS_VENV if set (tests use it), else <repo>/.venv. */
export function venvDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.NNFS_VENV ? path.resolve(env.NNFS_VENV) : path.join(PROJECT_ROOT, ".venv");
}

export function venvBin(venv: string, name: string): string {
  return process.platform === "win32" ? path.join(venv, "Scripts", `${name}.exe`) : path.join(venv, "bin", name);
}

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

/**
 * The venv npm start made holds a stamp: empty while installing, the requirements file's text
 * once they are all in. "ready": current and complete; "unfinished": an install stopped part way,
 * or the requirements changed since; "none": no venv, or one npm start did not make.
 */
const stampOf = (venv: string) => path.join(venv, "nnfs-requirements.txt");

export function venvState(venv: string): "ready" | "unfinished" | "none" {
  const stamp = stampOf(venv);
  if (!fs.existsSync(stamp)) return "none";
  const current = fs.readFileSync(stamp, "utf8") === fs.readFileSync(REQUIREMENTS, "utf8");
  return current && fs.existsSync(venvBin(venv, "jupyter-lab")) ? "ready" : "unfinished";
}

/**
 * pip's index options. On a machine whose pip is configured with local (file:) extra indexes
 * only, and no index of its own, PyPI is unreachable (else pip spends minutes retrying it per
 * package): the local stores become the only indexes. Elsewhere pip is left as configured.
 * `configList` is the output of `pip config list`.
 */
export function pipIndexArgs(configList: string): string[] {
  const urls: string[] = [];
  for (const line of configList.split("\n")) {
    const m = /^([^=]*)\.(extra-)?index-url='?(.*?)'?$/.exec(line.trim());
    if (!m) continue;
    if (!m[2]) return []; // an index-url of its own: the user's choice
    urls.push(...m[3].split(/\s+/).filter((u) => u !== ""));
  }
  if (urls.length === 0 || !urls.every((u) => u.startsWith("file:"))) return [];
  const [first, ...rest] = [...new Set(urls)];
  return ["--index-url", first, ...rest.flatMap((u) => ["--extra-index-url", u])];
}

export class SetupError extends Error {}

const INSTALL_OWN = `Or use a JupyterLab of your own: put its jupyter-lab on PATH (e.g. pip install jupyterlab,
or conda install -c conda-forge jupyterlab) and run npm start again.`;

export const NO_PYTHON = `npm start: no JupyterLab on PATH, and no python3 to install one into .venv/.
Install Python 3.10 or newer with its venv module, then run npm start again:
  sudo apt-get install python3 python3-venv    (Debian / Ubuntu)
  sudo dnf install python3                     (Fedora)
  brew install python                          (macOS)
${INSTALL_OWN}`;

export const noVenv = (py: string) => `npm start: ${py} cannot make a virtual environment with pip (its venv/ensurepip module is missing).
Install it, then run npm start again:
  sudo apt-get install python3-venv            (Debian / Ubuntu; python3.X-venv for Python 3.X)
  sudo dnf install python3                     (Fedora: venv comes with python3)
${INSTALL_OWN}`;

function run(exe: string, args: string[], inherit: boolean) {
  return spawnSync(exe, args, { stdio: inherit ? "inherit" : "pipe", encoding: "utf8" });
}

/** Creates (or completes) the venv with the pinned JupyterLab; returns its jupyter-lab. */
export function createVenv(venv: string, envPath: string = process.env.PATH ?? ""): string {
  const py = venvBin(venv, "python");
  if (!fs.existsSync(py)) {
    const sys = which("python3", envPath) ?? (process.platform === "win32" ? which("python.exe", envPath) : null);
    if (!sys) throw new SetupError(NO_PYTHON);
    const v = run(sys, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], false);
    const [major, minor] = (v.stdout ?? "").trim().split(".").map(Number);
    if (v.status !== 0 || major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
      throw new SetupError(`npm start: JupyterLab 4.6 needs Python ${MIN_PYTHON.join(".")} or newer; ${sys} is ${(v.stdout ?? "").trim() || "unusable"}.
Install a newer Python 3 with its venv module and run npm start again.\n${INSTALL_OWN}`);
    }
    console.log(`npm start: no JupyterLab found; creating ${venv} (${sys}, Python ${major}.${minor}) ...`);
    if (run(sys, ["-m", "venv", venv], true).status !== 0 || run(py, ["-m", "pip", "--version"], false).status !== 0) {
      fs.rmSync(venv, { recursive: true, force: true });
      throw new SetupError(noVenv(sys));
    }
    fs.writeFileSync(stampOf(venv), "");
  }
  const config = run(py, ["-m", "pip", "config", "list"], false);
  const index = pipIndexArgs(config.status === 0 ? config.stdout : "");
  console.log(`npm start: installing JupyterLab 4.6, Notebook 7 and plotly from ${path.basename(REQUIREMENTS)} ` +
    `into ${venv}${index.length ? ` (from ${index.filter((a) => !a.startsWith("--")).join(", ")})` : ""}; this takes a minute or two, once ...`);
  const requirements = fs.readFileSync(REQUIREMENTS, "utf8");
  if (run(py, ["-m", "pip", "install", ...index, "-r", REQUIREMENTS], true).status !== 0) {
    throw new SetupError(`npm start: installing JupyterLab into ${venv} failed (pip's output above says why).
Fix that and run npm start again to go on, or delete ${venv} to start over.\n${INSTALL_OWN}`);
  }
  fs.writeFileSync(stampOf(venv), requirements);
  return venvBin(venv, "jupyter-lab");
}

/** A note for a JupyterLab without the plotly renderer, or null (also when it cannot tell). */
export function plotlyNote(lab: string, envPath: string = process.env.PATH ?? ""): string | null {
  const jupyter = [path.join(path.dirname(lab), path.basename(lab).replace("jupyter-lab", "jupyter"))]
    .find((f) => fs.existsSync(f)) ?? which("jupyter", envPath);
  if (!jupyter) return null;
  const r = spawnSync(jupyter, ["labextension", "list"], { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0) return null;
  if (/jupyterlab-plotly/.test(`${r.stdout}${r.stderr}`)) return null;
  return `npm start: note: this JupyterLab (${lab}) has no jupyterlab-plotly extension, so the
notebooks' charts show as still pictures, not interactive ones. Install plotly into its Python
environment (pip install plotly==7.1.0), or take it off PATH so that npm start makes its own .venv
with everything (requirements-jupyter.txt).`;
}
