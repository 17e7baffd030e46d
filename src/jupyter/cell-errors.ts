// A failing cell as a Jupyter `error` output whose traceback names the cell and its line.
//
// tslab compiles a cell in two steps (TypeScript to an ES module, then that to CommonJS)
// without source maps, and runs every cell as "evalmachine.<anonymous>": a stack trace's line
// numbers are those of code nobody wrote, and frames from different cells look alike. So both
// steps are made to emit source maps, and each cell's code gets a `//# sourceURL` naming it.
// tslab's compiler options are fixed inside its converter and TypeScript's exports are frozen
// getters, so the TypeScript module tslab loads is replaced by a copy whose two entry points
// tslab calls add those options.
import { SourceMap } from "module";
import * as path from "path";
import * as util from "util";

export interface ErrorContent {
  ename: string;
  evalue: string;
  traceback: string[];
}

/** What tslab's executor reports through console.error for one compile error. */
export interface Diagnostic {
  /** "" for the cell itself, else the file's path relative to the notebook. */
  file: string;
  line: number;
  column: number;
  message: string;
}

interface CompiledCell {
  label: string;
  source: string;
  /** Lines of the CommonJS code; frames below them are tslab's wrapper around it. */
  lineCount: number;
  esm: SourceMap;
  cjs: SourceMap;
}

const SOURCE_URL_PREFIX = "nnfs-ts-cell-";
const compiledCells = new Map<string, CompiledCell>();
let compiling: { label: string; source: string } | null = null;

/** Resolved like tslab's own `require`, so that the copy replaces the module tslab loads. */
export function tslabTypeScriptPath(): string {
  const tslabDir = path.dirname(require.resolve("tslab/package.json"));
  return require.resolve("@tslab/typescript-for-tslab", { paths: [tslabDir] });
}

interface TranspileOutput {
  outputText: string;
  sourceMapText?: string;
}
type TranspileModule = (input: string, options: { compilerOptions?: object }) => TranspileOutput;
type CreateWatchCompilerHost = (rootFiles: unknown, options: object, ...rest: unknown[]) => unknown;

/** Must run before tslab's converter is loaded. */
export function emitCellSourceMaps(): void {
  const file = tslabTypeScriptPath();
  const ts = require(file) as { transpileModule: TranspileModule; createWatchCompilerHost: CreateWatchCompilerHost };
  const descriptors = Object.getOwnPropertyDescriptors(ts);
  // The program that type-checks cells compiles them to ES modules (step 1).
  descriptors.createWatchCompilerHost = {
    enumerable: true,
    value: (rootFiles: unknown, options: object, ...rest: unknown[]) =>
      ts.createWatchCompilerHost(rootFiles, Array.isArray(rootFiles) ? { ...options, inlineSourceMap: true } : options, ...rest),
  };
  // tslab turns each ES module into CommonJS with transpileModule (step 2).
  descriptors.transpileModule = {
    enumerable: true,
    value: (input: string, options: { compilerOptions?: object }) => toCommonJs(ts.transpileModule, input, options),
  };
  require.cache[file]!.exports = Object.defineProperties({}, descriptors);
}

const INLINE_MAP = /\n\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\s*$/;

function toCommonJs(transpile: TranspileModule, input: string, options: { compilerOptions?: object }): TranspileOutput {
  const inline = INLINE_MAP.exec(input);
  if (!inline) return transpile(input, options);
  const esmMap = JSON.parse(Buffer.from(inline[1], "base64").toString("utf8")) as { file?: string };
  const out = transpile(input.slice(0, inline.index), {
    ...options,
    compilerOptions: { ...options.compilerOptions, sourceMap: true },
  });
  let code = out.outputText.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, "");
  // Modules a cell imports from local .ts files are compiled the same way; only cells are named.
  if (compiling && esmMap.file === "__tslab__.js" && out.sourceMapText) {
    const url = SOURCE_URL_PREFIX + (compiledCells.size + 1);
    compiledCells.set(url, {
      ...compiling,
      lineCount: code.split("\n").length,
      esm: new SourceMap(esmMap as SourceMapPayload),
      cjs: new SourceMap(JSON.parse(out.sourceMapText) as SourceMapPayload),
    });
    code += `\n//# sourceURL=${url}`;
  }
  return { ...out, outputText: code };
}

type SourceMapPayload = ConstructorParameters<typeof SourceMap>[0];

/** Runs `run` (which compiles `source` synchronously before its first await) as the cell `label`. */
export function compileAs<T>(label: string, source: string, run: () => T): T {
  compiling = { label, source };
  try {
    return run();
  } finally {
    compiling = null;
  }
}

/** The cell's own line (1-based) for a position in the code tslab ran, or null. */
function cellLine(cell: CompiledCell, line: number, column: number): number | null {
  if (line > cell.lineCount) return null;
  const esm = cell.cjs.findEntry(line - 1, column - 1);
  if (!("originalLine" in esm)) return null;
  const ts = cell.esm.findEntry(esm.originalLine, esm.originalColumn);
  // Line 0 of the compiled file is tslab's "export {};" prefix.
  return "originalLine" in ts && ts.originalLine >= 1 ? ts.originalLine : null;
}

const FRAME = new RegExp(`(${SOURCE_URL_PREFIX}\\d+):(\\d+):(\\d+)`);

/** A thrown value as an error output; stack frames in cells say "Cell In[n], line l". */
const TSLAB_INTERRUPT = "Interrupted asynchronously";
const INTERRUPTED = "the kernel was interrupted while the cell was waiting (await)";

export function thrownError(value: unknown): ErrorContent {
  if (!(value instanceof Error) || typeof value.stack !== "string") {
    const text = util.inspect(value);
    return { ename: "Uncaught", evalue: text, traceback: [`Uncaught ${text}`] };
  }
  // An interrupt (Kernel > Interrupt, or the runner's timeout) ends an awaiting cell with the one
  // Error tslab made when the kernel started: its stack is tslab's start-up, nothing of the cell.
  if (value.message === TSLAB_INTERRUPT) {
    return { ename: "Interrupted", evalue: INTERRUPTED, traceback: [`Interrupted: ${INTERRUPTED}`] };
  }
  // Node's vm puts the failing line with a caret before the stack of a synchronous throw (with
  // source maps on, only the blank line after it): the traceback shows each cell line itself.
  const stack = value.stack.replace(/^[^\n]*:\d+\n[^\n]*\n *\^+ *\n\n/, "").replace(/^\s*\n/, "");
  const lines = stack.split("\n");
  const traceback: string[] = [];
  let lastCellFrame = -1;
  for (const text of lines) {
    const m = FRAME.exec(text);
    const cell = m ? compiledCells.get(m[1]) : undefined;
    if (!m || !cell) {
      traceback.push(text);
      continue;
    }
    const line = cellLine(cell, Number(m[2]), Number(m[3]));
    // The frame of tslab's wrapper around the cell, and whatever ran it, is kernel machinery.
    if (line === null) break;
    // Functions of earlier cells are called through tslab's exports proxy.
    const frame = text.replace(m[0], `${cell.label}, line ${line}`).replace(/\bat (async )?Proxy\./, "at $1");
    traceback.push(frame, `        ${(cell.source.split("\n")[line - 1] ?? "").trim()}`);
    lastCellFrame = traceback.length;
  }
  return {
    ename: value.name,
    evalue: value.message,
    traceback: lastCellFrame >= 0 ? traceback.slice(0, lastCellFrame) : traceback,
  };
}

/** Compile errors as one error output: each with its place and, in the cell, a caret under it. */
export function compileError(diagnostics: Diagnostic[], label: string, source: string): ErrorContent {
  const traceback: string[] = [];
  for (const d of diagnostics) {
    traceback.push(`TSError: ${d.message}`);
    if (d.file !== "") {
      traceback.push(`    at ${d.file}, line ${d.line}, column ${d.column}`);
      continue;
    }
    const text = source.split("\n")[d.line - 1] ?? "";
    traceback.push(
      `    at ${label}, line ${d.line}, column ${d.column}`,
      `        ${text}`,
      `        ${text.slice(0, d.column - 1).replace(/[^\t]/g, " ")}^`,
    );
  }
  return { ename: "TSError", evalue: diagnostics[0]?.message ?? "the cell does not compile", traceback };
}
