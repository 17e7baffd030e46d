// Comparing a cell's fresh outputs with the ones stored in the notebook. Both sides are
// rendered to one canonical text (sanitized, JSON pretty-printed with sorted keys) so that
// "equal" and "the diff shown on mismatch" are the same thing.
import { isJsonMime, joinMultiline, Output, sortKeys } from "./notebook-file";

export interface Sanitizer {
  name: string;
  /** Why this part of an output legitimately differs between runs. */
  why: string;
  apply(text: string): string;
}

/**
 * Everything that may differ between two correct runs. Keep this list short: every entry
 * is a place where a real regression could hide.
 */
export const SANITIZERS: Sanitizer[] = [
  {
    name: "uuids",
    why: "random identifiers (crypto.randomUUID, display ids)",
    apply: (text) => text.replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "<uuid>"),
  },
  {
    name: "timestamps",
    why: "wall-clock dates and times (ISO 8601)",
    apply: (text) => text.replace(/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?/g, "<timestamp>"),
  },
  {
    name: "durations",
    why: "elapsed times: `12.3s`, `took 45 ms`, `1.2 sec`, `3 minutes`",
    apply: (text) =>
      text.replace(/\b\d+(\.\d+)?\s?(ns|µs|us|ms|s|sec|secs|seconds?|min|mins|minutes?)\b/g, "<duration>"),
  },
];

export function sanitize(text: string): string {
  return SANITIZERS.reduce((t, s) => s.apply(t), text);
}

/** One readable text for a list of outputs; what the notebook tests compare. */
export function renderOutputs(outputs: Output[]): string {
  const parts: string[] = [];
  for (const o of outputs) {
    if (o.output_type === "stream") {
      parts.push(`[${o.name}]\n${sanitize(joinMultiline(o.text))}`);
    } else if (o.output_type === "error") {
      parts.push(`[error]\n${o.ename}: ${sanitize(o.evalue)}`);
    } else {
      // execute_result and display_data render alike: the difference is only where the
      // kernel sent them from, and execution counts are not part of the comparison.
      for (const mime of Object.keys(o.data).sort()) {
        const v = o.data[mime];
        const body = mime === "image/png" ? describePng(joinMultiline(v as string | string[]))
          : isJsonMime(mime) ? canonicalJson(v) : sanitize(joinMultiline(v as string | string[]));
        parts.push(`[${o.output_type === "execute_result" ? "result" : "display"} ${mime}]\n${body}`);
      }
    }
  }
  return parts.map((p) => (p.endsWith("\n") ? p : p + "\n")).join("");
}

// A chart's picture is drawn by whatever Chromium the machine has, so its pixels may differ
// between machines; what must hold is that it is a PNG of the figure's size, and not a blank
// or broken one: a blank 720×420 picture, stored with a palette, takes under 400 bytes; the
// smallest chart in the notebooks (chapter 22's drawn "photo", a title and a shape) 2.4 KB.
const PNG_SIGNATURE = "89504e470d0a1a0a";
const PLAUSIBLE_PNG_BYTES = [1_000, 400_000];

function describePng(base64: string): string {
  const bytes = Buffer.from(base64, "base64");
  if (bytes.subarray(0, 8).toString("hex") !== PNG_SIGNATURE || bytes.length < 24) return "not a PNG";
  const size = `PNG ${bytes.readUInt32BE(16)}×${bytes.readUInt32BE(20)}`;
  const [low, high] = PLAUSIBLE_PNG_BYTES;
  return bytes.length >= low && bytes.length <= high ? `${size}, plausible size`
    : `${size}, ${bytes.length} bytes: outside the plausible ${low}-${high}`;
}

function canonicalJson(v: unknown): string {
  // A JSON mime value may be stored as a JSON string by some writers; compare the data.
  let data = v;
  if (typeof v === "string") {
    try {
      data = JSON.parse(v);
    } catch {
      // keep the string
    }
  }
  return JSON.stringify(sortKeys(data, sanitize), null, 1);
}

/** null when equal, else a unified diff (stored -> fresh) whose header names the cell. */
export function compareOutputs(stored: Output[], fresh: Output[], label: string): string | null {
  const a = renderOutputs(stored);
  const b = renderOutputs(fresh);
  return a === b ? null : unifiedDiff(a, b, `${label} (stored)`, `${label} (this run)`);
}

const CONTEXT = 3;

/** A small unified diff of two texts, by lines. */
export function unifiedDiff(a: string, b: string, nameA: string, nameB: string): string {
  // A final newline ends the last line; it does not start an empty one.
  const lines = (t: string) => (t === "" ? [] : (t.endsWith("\n") ? t.slice(0, -1) : t).split("\n"));
  const x = lines(a);
  const y = lines(b);
  const ops = diffLines(x, y);
  const out = [`--- ${nameA}`, `+++ ${nameB}`];
  // Group the edit script into hunks with CONTEXT unchanged lines around each change.
  let i = 0;
  while (i < ops.length) {
    if (ops[i].op === " ") {
      i++;
      continue;
    }
    const start = Math.max(0, i - CONTEXT);
    let end = i;
    // Extend while the next change is within 2*CONTEXT unchanged lines.
    for (;;) {
      while (end < ops.length && ops[end].op !== " ") end++;
      let gap = end;
      while (gap < ops.length && ops[gap].op === " " && gap - end < 2 * CONTEXT) gap++;
      if (gap < ops.length && ops[gap].op !== " ") end = gap;
      else break;
    }
    end = Math.min(ops.length, end + CONTEXT);
    const hunk = ops.slice(start, end);
    const aLen = hunk.filter((h) => h.op !== "+").length;
    const bLen = hunk.filter((h) => h.op !== "-").length;
    // GNU diff numbers an empty range by the line before it.
    const aStart = hunk[0].ai + (aLen > 0 ? 1 : 0);
    const bStart = hunk[0].bi + (bLen > 0 ? 1 : 0);
    out.push(`@@ -${aStart},${aLen} +${bStart},${bLen} @@`);
    for (const h of hunk) out.push(h.op + h.line);
    i = end;
  }
  return out.join("\n");
}

interface DiffOp {
  op: " " | "-" | "+";
  line: string;
  /** Index in a (for " " and "-") or the position in a where an insertion happens. */
  ai: number;
  bi: number;
}

function diffLines(x: string[], y: string[]): DiffOp[] {
  // Common prefix and suffix first: outputs usually differ in a few lines, and that keeps the
  // quadratic LCS table small. Past a size limit, show the middle as replaced wholesale.
  let pre = 0;
  while (pre < x.length && pre < y.length && x[pre] === y[pre]) pre++;
  let suf = 0;
  while (suf < x.length - pre && suf < y.length - pre && x[x.length - 1 - suf] === y[y.length - 1 - suf]) suf++;
  const xm = x.slice(pre, x.length - suf);
  const ym = y.slice(pre, y.length - suf);
  const ops: DiffOp[] = [];
  for (let k = 0; k < pre; k++) ops.push({ op: " ", line: x[k], ai: k, bi: k });
  const n = xm.length;
  const m = ym.length;
  if (n * m > 4_000_000) {
    xm.forEach((line, k) => ops.push({ op: "-", line, ai: pre + k, bi: pre }));
    ym.forEach((line, k) => ops.push({ op: "+", line, ai: pre + n, bi: pre + k }));
  } else {
    // lcs[i][j] = LCS length of xm[i:], ym[j:]
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i][j] = xm[i] === ym[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && xm[i] === ym[j]) {
        ops.push({ op: " ", line: xm[i], ai: pre + i++, bi: pre + j++ });
      } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.push({ op: "-", line: xm[i], ai: pre + i++, bi: pre + j });
      } else {
        ops.push({ op: "+", line: ym[j], ai: pre + i, bi: pre + j++ });
      }
    }
  }
  for (let k = 0; k < suf; k++) {
    ops.push({ op: " ", line: x[x.length - suf + k], ai: x.length - suf + k, bi: y.length - suf + k });
  }
  return ops;
}
