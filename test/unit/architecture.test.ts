// The folders of src/ are layers, and imports point down only:
//   np (arrays) <- nnfs (init, datasets) <- notebook (what a cell shows) <- network (the book's classes)
//   <- exercises (the chapters' self-checking exercises)
//   jupyter (client, kernel spec, runner) sits beside them and is not part of the package's API.
// A test rather than a convention, so that a shortcut import fails here instead of slowly
// tangling the library a reader is meant to hold in their head.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");
const SRC = path.join(ROOT, "src");

/** The layer of a file: its first folder below src/, or the file's name for top-level files. */
const layerOf = (file: string): string => path.relative(SRC, file).split(path.sep)[0].replace(/\.ts$/, "");

/** What each layer may import of ours (besides itself). */
const ALLOWED: Record<string, string[]> = {
  np: [],
  files: [],
  nnfs: ["np", "files"],
  notebook: ["np"],
  network: ["np", "nnfs", "files", "notebook"],
  exercises: ["np", "nnfs", "network", "notebook"],
  jupyter: ["notebook", "files"],
  index: ["np", "nnfs", "network", "notebook", "exercises"],
};

/** Packages that belong to Jupyter or to display, never to the arrays or the network. */
const NOTEBOOK_PACKAGES = ["tslab", "zeromq", "nodejs-polars", "plotly.js", "plotly.js-dist-min"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith(".ts") ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  const candidates = [`${base}.ts`, path.join(base, "index.ts")];
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error(`${path.relative(ROOT, from)} imports ${spec}, which is not a file of src/`);
  return found;
}

interface Imports { ours: string[]; packages: string[] }

function importsOf(file: string): Imports {
  const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
  const specs = info.importedFiles.map((f) => f.fileName);
  return {
    ours: specs.filter((s) => s.startsWith(".")).map((s) => resolveImport(file, s)),
    packages: specs.filter((s) => !s.startsWith(".")),
  };
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (f: string) => path.relative(SRC, f);

/** Every import cycle, each as the chain of files that closes it. */
function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (f: string): void => {
    state.set(f, "open");
    stack.push(f);
    for (const g of graph.get(f)?.ours ?? []) {
      if (state.get(g) === "open") found.push([...stack.slice(stack.indexOf(g)), g].map(rel));
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return found;
}

describe("architecture: the layers of src/", () => {
  it("has no import cycle", () => {
    assert.deepEqual(cycles().map((c) => c.join(" -> ")), []);
  });

  it("imports only downwards (np is a leaf; network and nnfs know nothing of Jupyter)", () => {
    const wrong: string[] = [];
    for (const [file, { ours, packages }] of graph) {
      const layer = layerOf(file);
      const allowed = ALLOWED[layer];
      if (!allowed) { wrong.push(`${rel(file)}: in no known layer (add it to ALLOWED)`); continue; }
      for (const target of ours) {
        const to = layerOf(target);
        if (to !== layer && !allowed.includes(to)) wrong.push(`${rel(file)} imports ${rel(target)} (${layer} may import ${allowed.join(", ") || "nothing else"})`);
      }
      if (["np", "nnfs", "network", "files"].includes(layer)) {
        for (const p of packages) if (NOTEBOOK_PACKAGES.includes(p)) wrong.push(`${rel(file)} imports the package ${p}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it("loads no Jupyter, zeromq, tslab or polars code when np, nnfs or the network classes are imported", () => {
    const script = `
      require("./src/np"); require("./src/nnfs"); require("./src/network");
      const loaded = Object.keys(require.cache).filter((id) =>
        /node_modules[\\\\/](tslab|zeromq|nodejs-polars|plotly\\.js)/.test(id) || /src[\\\\/]jupyter[\\\\/]/.test(id));
      console.log(JSON.stringify(loaded));`;
    const out = execFileSync(process.execPath, ["--require", "tsx/cjs", "-e", script], { cwd: ROOT, encoding: "utf8" });
    assert.deepEqual(JSON.parse(out.trim().split("\n").pop() ?? "[]"), []);
  });
});
