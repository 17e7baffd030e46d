// NumPy's array_str (what print shows) and array_repr (what a bare last expression
// shows), with NumPy's default print options under legacy='1.25' (the 1.x output the
// book shows): lines of at most 75 characters, arrays over 1000 elements summarised
// to their 3 leading and trailing items per axis.
import { inspect } from "util";
import { NDArray, formatShape } from "../core";
import { formatElements } from "./element-format";
import { reprFloat } from "./float-digits";

declare module "../core" {
  interface NDArray {
    /** What Node's REPL and console.log show: array_repr. */
    [inspect.custom](): string;
  }
}

// String(x) and `${x}` give array_str, as Python's str(x) does. Not enumerable, as methods
// written in the class body are not.
Object.defineProperties(NDArray.prototype, {
  toString: { value: function toString(this: NDArray): string { return array_str(this); }, writable: true, configurable: true },
  [inspect.custom]: { value: function repr(this: NDArray): string { return array_repr(this); }, writable: true, configurable: true },
});

const LINE_WIDTH = 75;
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;

/** print(x) / str(x): `[[1. 2.]\n [3. 4.]]`; a 0-d array prints as its scalar. */
export function array_str(a: NDArray): string {
  if (a.ndim === 0) return scalarStr(a.data[0], a.dtype);
  return array2string(a, " ", "", LINE_WIDTH);
}

/** repr(x): `array([[1., 2.],\n       [3., 4.]], dtype=float32)`. */
export function array_repr(a: NDArray): string {
  const prefix = "array(";
  const body = prefix + array2string(a, ", ", prefix, LINE_WIDTH - ")".length);
  const extras: string[] = [];
  if (a.size === 0 && a.ndim !== 1) extras.push(`shape=${formatShape(a.shape, ", ")}`);
  if (a.size === 0 || !IMPLIED_DTYPES.has(a.dtype)) extras.push(`dtype=${a.dtype}`);
  if (extras.length === 0) return `${body})`;
  const extra = `${extras.join(", ")})`;
  // the extras move to their own line when they would overflow the last one
  const lastLine = body.length + 1 - (body.lastIndexOf("\n") + 1);
  const spacer = lastLine + extra.length + 1 > LINE_WIDTH ? `\n${" ".repeat(prefix.length)}` : " ";
  return `${body},${spacer}${extra}`;
}

/** The dtypes a repr leaves unsaid: its values already show them. */
const IMPLIED_DTYPES = new Set(["float64", "int64", "bool"]);

function scalarStr(v: number, dtype: NDArray["dtype"]): string {
  if (dtype === "bool") return v ? "True" : "False";
  if (dtype === "float32" || dtype === "float64") return reprFloat(v, dtype === "float32");
  return String(v);
}

function array2string(a: NDArray, separator: string, prefix: string, lineWidth: number): string {
  if (a.size === 0) return "[]";
  const summarise = a.size > THRESHOLD;
  const words = formatElements(shownValues(a, summarise), a.dtype, a.ndim === 0);
  return layout(a.shape, words, summarise, separator, lineWidth, " ".repeat(1 + prefix.length));
}

/** The indices of one axis that are printed (all, or the edges around a "..."). */
function shownIndices(length: number, summarise: boolean): number[] {
  if (!summarise || length <= 2 * EDGE_ITEMS) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: 2 * EDGE_ITEMS }, (_, i) => (i < EDGE_ITEMS ? i : length - 2 * EDGE_ITEMS + i));
}

/** The printed elements in printing order; widths are measured over these only. */
function shownValues(a: NDArray, summarise: boolean): ArrayLike<number> {
  if (!summarise) return a.data;
  const out: number[] = [];
  const shape = a.shape, data = a.data;
  const gather = (axis: number, offset: number): void => {
    if (axis === shape.length) {
      out.push(data[offset]);
      return;
    }
    const stride = shape.slice(axis + 1).reduce((p, d) => p * d, 1);
    for (const i of shownIndices(shape[axis], true)) gather(axis + 1, offset + i * stride);
  };
  gather(0, 0);
  return out;
}

// NumPy's _formatArray: rows wrap before `lineWidth`, continuation lines start under
// the first element, and each nesting level adds a bracket (so one less column).
// Consecutive blocks of a k-dimensional array are separated by k-1 newlines.
function layout(
  shape: readonly number[], words: string[], summarise: boolean,
  separator: string, lineWidth: number, firstIndent: string,
): string {
  let next = 0;
  const recurse = (axis: number, indent: string, width: number): string => {
    if (axis === shape.length) return words[next++];
    const length = shape[axis];
    const summary = summarise && length > 2 * EDGE_ITEMS;
    const count = summary ? 2 * EDGE_ITEMS : length;
    const innerIndent = indent + " ";
    const axesLeft = shape.length - axis;
    let s = "";
    if (axesLeft === 1) {
      const elementWidth = width - Math.max(separator.trimEnd().length, "]".length);
      let line = indent;
      const extend = (word: string): void => {
        if (line.length + word.length > elementWidth && line.length > indent.length) {
          s += `${line.trimEnd()}\n`;
          line = indent;
        }
        line += word;
      };
      for (let i = 0; i < count; i++) {
        if (summary && i === EDGE_ITEMS) {
          extend("...");
          line += separator;
        }
        extend(recurse(axis + 1, innerIndent, width - 1));
        if (i < count - 1) line += separator;
      }
      s += line;
    } else {
      const lineSep = separator.trimEnd() + "\n".repeat(axesLeft - 1);
      for (let i = 0; i < count; i++) {
        if (summary && i === EDGE_ITEMS) s += `${indent}...${lineSep}`;
        s += indent + recurse(axis + 1, innerIndent, width - 1);
        if (i < count - 1) s += lineSep;
      }
    }
    return `[${s.slice(indent.length)}]`;
  };
  return recurse(0, firstIndent, lineWidth);
}
