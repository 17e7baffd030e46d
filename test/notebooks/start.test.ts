// `npm start`: which JupyterLab it runs, how it makes the project venv, what it says when it
// cannot. Fake jupyter-lab / jupyter / python3 programs (node scripts on a PATH of their own)
// record how they were called; one slow test makes a real venv and starts a real JupyterLab.
import * as assert from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { LOCAL_JUPYTER_DIR } from "../../src/jupyter/kernelspec";
import { pipIndexArgs, REQUIREMENTS, which } from "../../src/jupyter/lab-env";
import { Ran, runTs } from "../helpers/runner-cli";

const ROOT = path.resolve(__dirname, "..", "..");
const NOTEBOOKS = path.join(ROOT, "notebooks");

/** Runs src/jupyter/start.ts (the code under test, not dist/) with the given env. */
const runStart = (env: NodeJS.ProcessEnv, args: string[] = []): Promise<Ran> => runTs("src/jupyter/start.ts", args, { env });

/** A node script as an executable; it appends {name, argv, cwd, JUPYTER_PATH} to $FAKE_LOG. */
function fake(file: string, body = ""): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `#!${process.execPath}
const fs = require("fs"), path = require("path");
const argv = process.argv.slice(2);
fs.appendFileSync(process.env.FAKE_LOG, JSON.stringify({ name: path.basename(__filename), file: __filename, argv,
  cwd: process.cwd(), JUPYTER_PATH: process.env.JUPYTER_PATH }) + "\\n");
${body}
`);
  fs.chmodSync(file, 0o755);
}

interface Call {
  name: string;
  file: string;
  argv: string[];
  cwd: string;
  JUPYTER_PATH?: string;
}

class Sandbox {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnfs-start-"));
  readonly bin = path.join(this.dir, "bin");
  readonly venv = path.join(this.dir, "venv");
  readonly log = path.join(this.dir, "calls.jsonl");

  constructor() {
    fs.mkdirSync(this.bin);
    fs.symlinkSync(process.execPath, path.join(this.bin, "node"));
  }

  /** PATH holds node and the fakes only; the venv is the sandbox's. */
  env(): NodeJS.ProcessEnv {
    return { ...process.env, PATH: this.bin, NNFS_VENV: this.venv, FAKE_LOG: this.log };
  }

  calls(): Call[] {
    return fs.existsSync(this.log) ? fs.readFileSync(this.log, "utf8").trim().split("\n").map((l) => JSON.parse(l)) : [];
  }

  /** A jupyter-lab that exits at once, and a jupyter that lists these lab extensions. */
  fakeJupyterLab(binDir: string, extensions: string[]): void {
    fake(path.join(binDir, "jupyter-lab"));
    fake(path.join(binDir, "jupyter"), `console.error("JupyterLab v4.6.4\\n${extensions.map((e) => `  ${e} v1.0.0 enabled OK`).join("\\n")}");`);
  }

  /**
   * A python3 of the given version whose venv gets a python that answers pip --version,
   * prints `pipConfig` for pip config list, and on pip install (exit `installCode`) puts a
   * fake jupyter-lab into the venv. Calling it again changes the options of both.
   */
  fakePython(version: string, opts: { venvCode?: number; installCode?: number; pipConfig?: string } = {}): void {
    const optsFile = path.join(this.dir, "python-opts.json");
    fs.writeFileSync(optsFile, JSON.stringify(opts));
    const venvPython = `#!${process.execPath}
const fs = require("fs"), path = require("path");
const argv = process.argv.slice(2);
const opts = JSON.parse(fs.readFileSync(${JSON.stringify(optsFile)}, "utf8"));
fs.appendFileSync(process.env.FAKE_LOG, JSON.stringify({ name: "venv-python", argv }) + "\\n");
if (argv[2] === "config") process.stdout.write(opts.pipConfig ?? "");
if (argv[2] === "install") {
  fs.copyFileSync(${JSON.stringify(path.join(this.dir, "jupyter-lab"))}, path.join(__dirname, "jupyter-lab"));
  fs.chmodSync(path.join(__dirname, "jupyter-lab"), 0o755);
  process.exit(opts.installCode ?? 0);
}
`;
    fake(path.join(this.dir, "jupyter-lab"));
    fake(path.join(this.bin, "python3"), `
const opts = JSON.parse(fs.readFileSync(${JSON.stringify(optsFile)}, "utf8"));
if (argv[0] === "-c") console.log(${JSON.stringify(version)});
if (argv[0] === "-m" && argv[1] === "venv") {
  fs.mkdirSync(path.join(argv[2], "bin"), { recursive: true });
  fs.writeFileSync(path.join(argv[2], "bin", "python"), ${JSON.stringify(venvPython)}, { mode: 0o755 });
  process.exit(opts.venvCode ?? 0);
}`);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The fake jupyter-lab ran once, as npm start should run any JupyterLab. */
function assertLabRan(calls: Call[], file: string, extra: string[] = []): void {
  const labs = calls.filter((c) => c.name === "jupyter-lab");
  assert.strictEqual(labs.length, 1, JSON.stringify(calls));
  const [lab] = labs;
  assert.strictEqual(lab.file, file);
  assert.deepStrictEqual(lab.argv.slice(0, 3), [
    "--ip=127.0.0.1",
    `--notebook-dir=${NOTEBOOKS}`,
    "--MappingKernelManager.default_kernel_name=nnfs-ts",
  ]);
  assert.deepStrictEqual(lab.argv.slice(lab.argv.length - extra.length), extra);
  assert.strictEqual(fs.realpathSync(lab.cwd), fs.realpathSync(NOTEBOOKS));
  assert.strictEqual(lab.JUPYTER_PATH?.split(path.delimiter)[0], LOCAL_JUPYTER_DIR);
}

// Each run may first rebuild dist/ (tsc) when src/ is newer.
describe("npm start: choosing JupyterLab", function () {
  this.timeout(120_000);
  let box: Sandbox;
  beforeEach(() => (box = new Sandbox()));
  afterEach(() => box.remove());

  it("runs a jupyter-lab on PATH as it is, on 127.0.0.1, notebooks/ and the project's JUPYTER_PATH", async () => {
    box.fakeJupyterLab(box.bin, ["jupyterlab-plotly"]);
    const r = await runStart(box.env(), ["--no-browser", "--port=9999"]);
    assert.strictEqual(r.code, 0, r.stderr);
    assertLabRan(box.calls(), path.join(box.bin, "jupyter-lab"), ["--no-browser", "--port=9999"]);
    assert.ok(box.calls().some((c) => c.name === "jupyter" && c.argv.join(" ") === "labextension list"));
    assert.doesNotMatch(r.stderr, /jupyterlab-plotly/);
    assert.ok(!fs.existsSync(box.venv), "no venv made");
  });

  it("notes when that JupyterLab lacks the plotly renderer, and runs it anyway", async () => {
    box.fakeJupyterLab(box.bin, ["jupyterlab-pygments"]);
    const r = await runStart(box.env());
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stderr, /has no jupyterlab-plotly extension[\s\S]*pip install plotly==7\.1\.0/);
    assertLabRan(box.calls(), path.join(box.bin, "jupyter-lab"));
  });

  it("runs a .venv of the user's own (not made by npm start) as it is", async () => {
    box.fakeJupyterLab(path.join(box.venv, "bin"), ["jupyterlab-plotly"]);
    box.fakeJupyterLab(box.bin, ["jupyterlab-plotly"]);
    const r = await runStart(box.env());
    assert.strictEqual(r.code, 0, r.stderr);
    assertLabRan(box.calls(), path.join(box.venv, "bin", "jupyter-lab"));
  });

  it("without python3 says what to install, naming python3-venv", async () => {
    const r = await runStart(box.env());
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /no python3/);
    assert.ok(r.stderr.includes("sudo apt-get install python3 python3-venv"), r.stderr);
    assert.ok(r.stderr.includes("pip install jupyterlab"), "says how to use a JupyterLab of one's own");
    assert.strictEqual(r.stdout, "");
  });

  it("with a python3 that cannot make a venv names python3-venv and leaves no venv", async () => {
    box.fakePython("3.11", { venvCode: 1 });
    const r = await runStart(box.env());
    assert.strictEqual(r.code, 1);
    assert.ok(r.stderr.includes("sudo apt-get install python3-venv"), r.stderr);
    assert.ok(!fs.existsSync(box.venv), "the broken venv is removed");
  });

  it("with a python3 older than 3.10 says JupyterLab needs a newer one", async () => {
    box.fakePython("3.8");
    const r = await runStart(box.env());
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /needs Python 3\.10 or newer; .*python3 is 3\.8/);
    assert.ok(!box.calls().some((c) => c.argv.includes("venv")), "no venv attempted");
  });

  it("makes the venv from requirements-jupyter.txt, then reuses it; reinstalls when the pins change", async () => {
    box.fakePython("3.11", { pipConfig: "global.extra-index-url='file:///store/a file:///store/b'\n:env:.find-links='/w'\n" });
    const r = await runStart(box.env());
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /creating .*venv/);
    assert.match(r.stdout, /installing JupyterLab 4\.6, Notebook 7 and plotly/);
    const calls = box.calls();
    assert.deepStrictEqual(calls.filter((c) => c.name !== "jupyter-lab").map((c) => c.argv.join(" ")), [
      "-c import sys; print('%d.%d' % sys.version_info[:2])",
      `-m venv ${box.venv}`,
      "-m pip --version",
      "-m pip config list",
      `-m pip install --index-url file:///store/a --extra-index-url file:///store/b -r ${REQUIREMENTS}`,
    ]);
    assertLabRan(calls, path.join(box.venv, "bin", "jupyter-lab"));
    const stamp = path.join(box.venv, "nnfs-requirements.txt");
    assert.strictEqual(fs.readFileSync(stamp, "utf8"), fs.readFileSync(REQUIREMENTS, "utf8"));

    // Ready: the venv's jupyter-lab runs at once, even with another on PATH.
    fs.rmSync(box.log);
    box.fakeJupyterLab(box.bin, []);
    assert.strictEqual((await runStart(box.env())).code, 0);
    assert.deepStrictEqual(box.calls().map((c) => c.name), ["jupyter-lab"]);
    assertLabRan(box.calls(), path.join(box.venv, "bin", "jupyter-lab"));

    // Other pins than the file's: pip installs the file's into the same venv.
    fs.rmSync(box.log);
    fs.writeFileSync(stamp, "jupyterlab==4.0.0\n");
    assert.strictEqual((await runStart(box.env())).code, 0);
    assert.deepStrictEqual(box.calls().map((c) => `${c.name} ${c.argv.slice(0, 3).join(" ")}`), [
      "venv-python -m pip config",
      "venv-python -m pip install",
      "jupyter-lab --ip=127.0.0.1 --notebook-dir=" + NOTEBOOKS + " --MappingKernelManager.default_kernel_name=nnfs-ts",
    ]);
  });

  it("when pip fails says so, starts nothing, and goes on from there next time", async () => {
    box.fakePython("3.11", { installCode: 1 });
    const r = await runStart(box.env());
    assert.strictEqual(r.code, 1);
    assert.match(r.stderr, /installing JupyterLab into .* failed/);
    assert.ok(!box.calls().some((c) => c.name === "jupyter-lab"), "nothing started");
    // The venv's jupyter-lab exists (pip got that far) but the install is unfinished: pip again.
    fs.rmSync(box.log);
    box.fakePython("3.11");
    assert.strictEqual((await runStart(box.env())).code, 0);
    assert.deepStrictEqual(box.calls().map((c) => `${c.name} ${c.argv[2] ?? ""}`), [
      "venv-python config",
      "venv-python install",
      `jupyter-lab --MappingKernelManager.default_kernel_name=nnfs-ts`,
    ]);
  });
});

describe("pipIndexArgs", () => {
  it("makes local (file:) extra indexes the only indexes", () => {
    assert.deepStrictEqual(pipIndexArgs("global.extra-index-url='file:///opt/pypi/simple file:///opt/pypi-more/simple'\n:env:.find-links='/opt/wheels'\n"),
      ["--index-url", "file:///opt/pypi/simple", "--extra-index-url", "file:///opt/pypi-more/simple"]);
    assert.deepStrictEqual(pipIndexArgs(":env:.extra-index-url='file:///a'\ninstall.extra-index-url='file:///a'\n"), ["--index-url", "file:///a"]);
  });

  it("leaves pip as configured otherwise", () => {
    assert.deepStrictEqual(pipIndexArgs(""), []);
    assert.deepStrictEqual(pipIndexArgs("global.extra-index-url='https://example.org/simple'\n"), []);
    assert.deepStrictEqual(pipIndexArgs("global.extra-index-url='file:///a https://example.org/simple'\n"), []);
    assert.deepStrictEqual(pipIndexArgs("global.index-url='https://mirror/simple'\nglobal.extra-index-url='file:///a'\n"), []);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    }).on("error", reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ~30 s on this machine (pip from the local wheel store), longer where pip downloads from PyPI.
describe("npm start: a real venv and JupyterLab (slow)", function () {
  this.timeout(600_000);
  this.slow(120_000);

  it("installs requirements-jupyter.txt into a new venv and serves the notebooks with the kernel and plotly", async function () {
    // PATH without any jupyter-lab, so that start makes its venv.
    const PATH = (process.env.PATH ?? "").split(path.delimiter).filter((d) => !fs.existsSync(path.join(d, "jupyter-lab"))).join(path.delimiter);
    if (!which("python3", PATH)) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnfs-venv-"));
    const venv = path.join(dir, "venv");
    const port = await freePort();
    const token = "nnfs-start-test";
    const child = spawn(process.execPath, ["--require", "tsx/cjs", path.join(ROOT, "src", "jupyter", "start.ts"),
      "--no-browser", `--port=${port}`, `--IdentityProvider.token=${token}`], {
      cwd: ROOT,
      env: { ...process.env, PATH, NNFS_VENV: venv },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group, so that cleanup reaches JupyterLab and its kernels
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const base = `http://127.0.0.1:${port}`;
      let lab = { status: 0, body: "" };
      for (let i = 0; i < 1200 && child.exitCode === null; i++) {
        lab = await get(`${base}/lab`).catch(() => lab);
        if (lab.status !== 0) break;
        await sleep(250);
      }
      assert.ok([200, 302].includes(lab.status), `GET /lab: ${lab.status}\n${out}`);
      assert.match(out, /creating .*venv/);
      assert.ok(fs.existsSync(path.join(venv, "bin", "jupyter-lab")));
      const specs = JSON.parse((await get(`${base}/api/kernelspecs?token=${token}`)).body);
      assert.ok("nnfs-ts" in specs.kernelspecs, JSON.stringify(specs));
      assert.strictEqual(specs.default, "nnfs-ts");
      const extensions = JSON.parse((await get(`${base}/lab/api/extensions?token=${token}`)).body) as { name: string }[];
      assert.ok(extensions.some((e) => e.name === "jupyterlab-plotly"), JSON.stringify(extensions.map((e) => e.name)));
      const notebook = await get(`${base}/api/contents/ch03-adding-layers.ipynb?token=${token}&content=0`);
      assert.strictEqual(notebook.status, 200, "serves notebooks/");
      child.kill("SIGTERM"); // start passes it on; JupyterLab shuts down
      assert.strictEqual(await Promise.race([exited, sleep(30_000).then(() => "timeout")]) !== "timeout", true, "stopped");
    } finally {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
