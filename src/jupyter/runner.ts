// Executes a notebook's code cells in order on a fresh kernel and collects their outputs
// the way nbclient does. A failing cell stops the run; the notebook is only written back
// (by runNotebookInPlace) when every cell succeeded.
import * as path from "path";
import { refuseReadOnly } from "../files";
import { Kernel, KernelDiedError } from "./kernel";
import { findKernelSpec, KERNEL_DISPLAY_NAME, KERNEL_NAME, withProjectJupyterPath } from "./kernelspec";
import {
  Cell, codeCells, DataOutput, joinMultiline, NotebookJson, Output, readNotebook, writeNotebook,
} from "./notebook-file";
import { Message } from "./wire";

export const DEFAULT_TIMEOUT_MS = 600_000;

export interface RunOptions {
  /** Per-cell limit; the cell is interrupted and the run fails when it is exceeded. */
  timeoutMs?: number;
  startTimeoutMs?: number;
  /** Called after each code cell, e.g. for progress output. */
  onCell?: (cell: ExecutedCell) => void;
  /**
   * Code cells to run, by index, in this order, repeats allowed (a learner re-running cells);
   * each cell keeps the outputs of its last run. Default: each once, top to bottom.
   */
  order?: number[];
}

export type FailureReason = "error" | "abort" | "stderr" | "timeout" | "died";

export interface CellFailure {
  notebook: string;
  /** 1-based position among the notebook's code cells (markdown cells don't count). */
  cellNumber: number;
  codeCellCount: number;
  firstLine: string;
  reason: FailureReason;
  /** What the kernel said: stderr text, error outputs, or what happened to the process. */
  errorText: string;
}

export interface ExecutedCell {
  cellNumber: number;
  source: string;
  /** Outputs as committed in the notebook file before this run. */
  storedOutputs: Output[];
  /** Outputs of this run (empty for cells not reached). */
  outputs: Output[];
  executionCount: number | null;
  status: "ok" | "failed" | "not run";
  durationMs: number;
}

export interface NotebookRun {
  path: string;
  /** The notebook with this run's outputs (only complete when failure is null). */
  notebook: NotebookJson;
  cells: ExecutedCell[];
  failure: CellFailure | null;
  kernelStartMs: number;
  durationMs: number;
}

export class NotebookRunError extends Error {
  constructor(readonly failure: CellFailure) {
    super(formatFailure(failure));
  }
}

/** The error text first, then one line naming notebook and cell (the line people grep for). */
export function formatFailure(f: CellFailure): string {
  const what = {
    error: "failed",
    abort: "was aborted by the kernel",
    stderr: "wrote to stderr",
    timeout: "timed out",
    died: "killed the kernel",
  }[f.reason];
  const detail = f.errorText.trim() ? f.errorText.trimEnd().replace(/^/gm, "    ") + "\n" : "";
  const lines = f.errorText.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  // A stack trace starts with a source location; the "SomeError: message" line says more.
  // For timeouts and deaths the runner's own words come first; for exceptions the stack trace
  // starts with a source location, and the "SomeError: message" line says more.
  const errorLine = f.reason === "timeout" || f.reason === "died" ? undefined
    : lines.find((l) => /^[\w$.]*(Error|Exception)\b[^:]*:/.test(l));
  const firstErrorLine = errorLine ?? lines[0] ?? "";
  return `${detail}${f.notebook}: code cell ${f.cellNumber} of ${f.codeCellCount} ${what}` +
    ` (cell starts: ${JSON.stringify(f.firstLine)})${firstErrorLine ? `: ${firstErrorLine}` : ""}`;
}

/** Runs every code cell on a fresh kernel; never writes the file. */
export async function executeNotebook(file: string, opts: RunOptions = {}): Promise<NotebookRun> {
  const started = Date.now();
  const stored = readNotebook(file);
  const kernelspec = stored.metadata?.kernelspec as { name?: string; display_name?: string } | undefined;
  if (kernelspec?.name !== undefined && kernelspec.name !== KERNEL_NAME) {
    // Running a Python notebook on the TypeScript kernel fails on its first line, confusingly.
    throw new Error(`${file} is a notebook for the "${kernelspec.name}" kernel (${kernelspec.display_name ?? "another language"}); ` +
      `this runner runs notebooks written for the project's kernel, "${KERNEL_NAME}"`);
  }
  const nb: NotebookJson = JSON.parse(JSON.stringify(stored));
  const code = codeCells(nb);
  const cells: ExecutedCell[] = codeCells(stored).map((c, i) => ({
    cellNumber: i + 1,
    source: joinMultiline(c.source),
    storedOutputs: c.outputs ?? [],
    outputs: [],
    executionCount: null,
    status: "not run",
    durationMs: 0,
  }));
  const run: NotebookRun = { path: file, notebook: nb, cells, failure: null, kernelStartMs: 0, durationMs: 0 };
  const { spec } = findKernelSpec();
  const kernel = await Kernel.start({
    cwd: path.dirname(path.resolve(file)),
    spec,
    env: withProjectJupyterPath(),
    startTimeoutMs: opts.startTimeoutMs,
  });
  run.kernelStartMs = Date.now() - started;
  try {
    const displays = new Map<string, DataOutput[]>();
    for (const i of opts.order ?? code.map((_, k) => k)) {
      const failure = await executeCell(kernel, code[i], cells[i], displays, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      opts.onCell?.(cells[i]);
      if (failure) {
        run.failure = {
          notebook: file, cellNumber: i + 1, codeCellCount: code.length,
          firstLine: cells[i].source.split("\n").find((l) => l.trim() !== "") ?? "", ...failure,
        };
        break;
      }
    }
  } finally {
    await kernel.shutdown();
  }
  nb.metadata.kernelspec = { display_name: KERNEL_DISPLAY_NAME, language: "typescript", name: KERNEL_NAME };
  const info = kernel.kernelInfo.language_info;
  if (info && typeof info === "object") nb.metadata.language_info = info;
  run.durationMs = Date.now() - started;
  return run;
}

/** Runs the notebook and, only if every cell succeeded, saves the outputs into it. */
export async function runNotebookInPlace(file: string, opts: RunOptions = {}): Promise<NotebookRun> {
  // Before the run, not after minutes of it.
  refuseReadOnly(file);
  const run = await executeNotebook(file, opts);
  if (run.failure) throw new NotebookRunError(run.failure);
  writeNotebook(file, run.notebook);
  return run;
}

async function executeCell(
  kernel: Kernel,
  cell: Cell,
  result: ExecutedCell,
  displays: Map<string, DataOutput[]>,
  timeoutMs: number,
): Promise<Pick<CellFailure, "reason" | "errorText"> | null> {
  const t0 = Date.now();
  const outputs: Output[] = [];
  let stderr = "";
  const errors: string[] = [];
  let clearOnNext = false;
  const onOutput = (msg: Message) => {
    const c = msg.content as Record<string, any>;
    const type = msg.header.msg_type;
    if (type === "clear_output") {
      if (c.wait) clearOnNext = true;
      else outputs.length = 0;
      return;
    }
    const displayId: string | undefined = c.transient?.display_id;
    if (displayId && (type === "display_data" || type === "update_display_data" || type === "execute_result")) {
      // Like nbclient: every earlier output with this display_id, in any cell, shows the new data.
      for (const o of displays.get(displayId) ?? []) {
        o.data = c.data ?? {};
        o.metadata = c.metadata ?? {};
      }
    }
    if (type === "update_display_data") return;
    if (clearOnNext) {
      outputs.length = 0;
      clearOnNext = false;
    }
    if (type === "stream") {
      if (c.name === "stderr") stderr += c.text;
      const last = outputs[outputs.length - 1];
      // Consecutive chunks of one stream form one output, as in Jupyter's saved notebooks.
      if (last?.output_type === "stream" && last.name === c.name) last.text = joinMultiline(last.text) + c.text;
      else outputs.push({ output_type: "stream", name: c.name, text: c.text });
    } else if (type === "display_data" || type === "execute_result") {
      const o: DataOutput = { output_type: type, data: c.data ?? {}, metadata: c.metadata ?? {} };
      if (type === "execute_result") o.execution_count = c.execution_count ?? null;
      outputs.push(o);
      if (displayId) displays.set(displayId, [...(displays.get(displayId) ?? []), o]);
    } else if (type === "error") {
      outputs.push({ output_type: "error", ename: c.ename, evalue: c.evalue, traceback: c.traceback ?? [] });
      // A traceback starts with the "ename: evalue" line itself (Jupyter shows only the traceback).
      const tb: string[] = c.traceback ?? [];
      errors.push(tb.length > 0 ? tb.join("\n") : `${c.ename}: ${c.evalue}`);
    }
  };

  let failure: Pick<CellFailure, "reason" | "errorText"> | null = null;
  try {
    const { reply, timedOut, diagnosis } = await kernel.execute(result.source, timeoutMs, onOutput);
    result.executionCount = reply?.execution_count ?? null;
    const said = [stderr, ...errors].filter((s) => s.trim()).join("\n");
    if (timedOut) {
      const details = [said, diagnosis ?? ""].filter((s) => s.trim()).join("\n");
      failure = { reason: "timeout", errorText: `no result after ${timeoutMs / 1000} s (the cell was interrupted)` + (details ? `\n${details}` : "") };
    } else if (reply?.status === "error") {
      failure = { reason: "error", errorText: said || `the kernel replied "error" without output${reply.evalue ? `: ${reply.evalue}` : ""}` };
    } else if (reply?.status === "abort" || reply?.status === "aborted") {
      failure = { reason: "abort", errorText: said || "the kernel aborted the request (it does so briefly after a failed one)" };
    } else if (stderr || errors.length) {
      failure = { reason: "stderr", errorText: said };
    }
  } catch (e) {
    if (!(e instanceof KernelDiedError)) throw e;
    const said = [stderr, ...errors].filter((s) => s.trim()).join("\n");
    failure = { reason: "died", errorText: e.message + (said ? `\n${said}` : "") };
  }
  result.outputs = outputs;
  result.status = failure ? "failed" : "ok";
  result.durationMs = Date.now() - t0;
  cell.outputs = outputs;
  cell.execution_count = result.executionCount;
  return failure;
}
