// Reading and writing .ipynb files (nbformat 4) the way Jupyter itself does, so that a run
// through the runner gives the same bytes (and the same git diffs) as saving from Jupyter.
import * as fs from "fs";
import { writeAtomically } from "../files";

/** Multi-line strings: a string in memory, a list of lines on disk. */
export type MultilineString = string | string[];

export interface StreamOutput {
  output_type: "stream";
  name: "stdout" | "stderr";
  text: MultilineString;
}
export interface DataOutput {
  output_type: "display_data" | "execute_result";
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  execution_count?: number | null;
}
export interface ErrorOutput {
  output_type: "error";
  ename: string;
  evalue: string;
  traceback: string[];
}
export type Output = StreamOutput | DataOutput | ErrorOutput;

export interface Cell {
  cell_type: "code" | "markdown" | "raw";
  source: MultilineString;
  metadata: Record<string, unknown>;
  outputs?: Output[];
  execution_count?: number | null;
  [key: string]: unknown;
}

export interface NotebookJson {
  nbformat: number;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: Cell[];
}

export class NotebookFormatError extends Error {}

export function joinMultiline(s: MultilineString | undefined): string {
  return Array.isArray(s) ? s.join("") : s ?? "";
}

/** Reads and checks a notebook; failures name the file and say what is wrong with it. */
export function readNotebook(file: string): NotebookJson {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new NotebookFormatError(
      `${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (e as Error).message}`,
    );
  }
  let nb: unknown;
  try {
    // Some editors on Windows start UTF-8 files with a byte order mark; it is not JSON.
    nb = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new NotebookFormatError(`${file}: not a Jupyter notebook (invalid JSON: ${(e as Error).message.replace(/\s+/g, " ")})`);
  }
  const o = nb as Partial<NotebookJson> | null;
  if (typeof o === "object" && o !== null && typeof o.nbformat === "number" && o.nbformat < 4) {
    throw new NotebookFormatError(`${file}: nbformat ${o.nbformat} is too old (expected 4): open it in Jupyter and save it to convert it`);
  }
  if (typeof o !== "object" || o === null || !Array.isArray(o.cells)) {
    throw new NotebookFormatError(`${file}: not a Jupyter notebook (no "cells" list)`);
  }
  if (o.nbformat !== 4) {
    throw new NotebookFormatError(`${file}: unsupported nbformat ${String(o.nbformat)} (expected 4)`);
  }
  o.cells.forEach((c, i) => {
    if (typeof c !== "object" || c === null || typeof c.cell_type !== "string") {
      throw new NotebookFormatError(`${file}: cell ${i + 1} is not a notebook cell (no "cell_type")`);
    }
    const source: unknown = c.source;
    if (typeof source !== "string" && !(Array.isArray(source) && source.every((line) => typeof line === "string"))) {
      throw new NotebookFormatError(`${file}: cell ${i + 1}'s "source" is not text (a string or a list of strings)`);
    }
  });
  return { ...o, metadata: o.metadata ?? {}, nbformat_minor: o.nbformat_minor ?? 0 } as NotebookJson;
}

/** Code cells in order; numbering among them (1-based) is what error messages use. */
export function codeCells(nb: NotebookJson): Cell[] {
  return nb.cells.filter((c) => c.cell_type === "code");
}

/** The JSON text Jupyter writes: sorted keys, 1-space indent, split multi-line strings, final newline. */
export function formatNotebook(nb: NotebookJson): string {
  const cells = nb.cells.map((c) => {
    const cell: Cell = { ...c, source: splitLines(joinMultiline(c.source)) };
    if (c.outputs) cell.outputs = c.outputs.map(splitOutput);
    return cell;
  });
  return JSON.stringify(sortKeys({ ...nb, cells }), null, 1) + "\n";
}

/** Never a half-written notebook: see writeAtomically. */
export function writeNotebook(file: string, nb: NotebookJson): void {
  writeAtomically(file, formatNotebook(nb));
}

/** nbformat stores text mime types as line lists; JSON mime types stay structured data. */
export function isJsonMime(mime: string): boolean {
  return mime === "application/json" || mime.endsWith("+json");
}

function splitOutput(o: Output): Output {
  if (o.output_type === "stream") return { ...o, text: splitLines(joinMultiline(o.text)) };
  if (o.output_type === "display_data" || o.output_type === "execute_result") {
    const data: Record<string, unknown> = {};
    for (const [mime, v] of Object.entries(o.data)) {
      data[mime] = !isJsonMime(mime) && (typeof v === "string" || Array.isArray(v))
        ? splitLines(joinMultiline(v as MultilineString))
        : v;
    }
    return { ...o, data };
  }
  return o;
}

function splitLines(s: string): string[] {
  // Like nbformat: each line keeps its "\n"; the last one has none unless s ends in "\n"
  // (then no empty string follows).
  return s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** A JSON value with every object's keys sorted (as nbformat writes them), strings passed through `leaf`. */
export function sortKeys(v: unknown, leaf: (s: string) => string = (s) => s): unknown {
  if (typeof v === "string") return leaf(v);
  if (Array.isArray(v)) return v.map((x) => sortKeys(x, leaf));
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k], leaf);
    return out;
  }
  return v;
}
