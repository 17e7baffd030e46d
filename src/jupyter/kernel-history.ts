// The kernel's answer to history_request: the inputs (and text results) of this kernel's cells.
// tslab has none, and JupyterLab's console waits for the reply to browse its history.
// https://jupyter-client.readthedocs.io/en/stable/messaging.html#history

export interface HistoryRequest {
  output: boolean;
  raw: boolean;
  hist_access_type: "range" | "tail" | "search";
  session?: number;
  start?: number;
  stop?: number;
  n?: number | null;
  pattern?: string;
  unique?: boolean;
}

/** [session, line, input] or, when output is asked for, [session, line, [input, output]]. */
export type HistoryEntry = [number, number, string | [string, string | null]];

/** History lives only as long as the kernel; it is the only session a client can see. */
export const SESSION = 1;

interface Cell {
  line: number;
  input: string;
  output: string | null;
}

export class KernelHistory {
  private readonly cells: Cell[] = [];

  add(line: number, input: string): void {
    this.cells.push({ line, input, output: null });
  }

  setOutput(line: number, output: string): void {
    const cell = [...this.cells].reverse().find((c) => c.line === line);
    if (cell) cell.output = output;
  }

  answer(req: HistoryRequest): HistoryEntry[] {
    return this.select(req).map((c) => [SESSION, c.line, req.output ? [c.input, c.output] : c.input]);
  }

  private select(req: HistoryRequest): Cell[] {
    switch (req.hist_access_type) {
      case "tail":
        return last(this.cells, req.n ?? 10);
      case "range": {
        // Like IPython, 0 means "the current session" and negative numbers count back from it.
        if (req.session !== undefined && req.session !== 0 && req.session !== SESSION) return [];
        const start = req.start ?? 1;
        const stop = req.stop || Infinity;
        return this.cells.filter((c) => c.line >= start && c.line < stop);
      }
      case "search": {
        const re = globToRegExp(req.pattern ?? "*");
        let found = this.cells.filter((c) => re.test(c.input));
        if (req.unique) found = found.filter((c, i) => !found.slice(i + 1).some((d) => d.input === c.input));
        return req.n ? last(found, req.n) : found;
      }
      default:
        return [];
    }
  }
}

function last<T>(xs: T[], n: number): T[] {
  return n > 0 ? xs.slice(-n) : [];
}

/** IPython searches with SQLite's GLOB: `*` and `?` are wildcards, the whole input must match. */
export function globToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\*?]/g, (c) => (c === "*" ? "[\\s\\S]*" : c === "?" ? "[\\s\\S]" : "\\" + c));
  return new RegExp(`^${body}$`);
}
