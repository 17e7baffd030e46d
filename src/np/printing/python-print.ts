// Python's print, str, repr and format for the values a notebook holds: arrays print
// as NumPy's str, numbers as Python prints ints and floats (see ./format.ts), booleans
// as True/False, JS arrays as Python lists, null/undefined as None.
//
// The book's f-strings translate with the `f` tag: a Python format spec goes right
// after the `${}` it applies to, as in Python's `{value:spec}`:
//   Python:     f'epoch: {epoch}, acc: {accuracy:.3f}, loss: {loss:.3f}, lr: {optimizer.current_learning_rate}'
//   TypeScript: f`epoch: ${epoch}, acc: ${accuracy}:.3f, loss: ${loss}:.3f, lr: ${float(optimizer.current_learning_rate)}`
//   prints:     epoch: 100, acc: 0.713, loss: 0.685, lr: 0.04999752512250644   (and lr: 1.0 at epoch 0)
// A spec is recognised only when it has a type letter, a precision or an alignment
// (`:.3f`, `:>10`, `:e`), so ordinary text such as `${a}: ${b}` or `${h}:${m}` is left alone.
// float(x) is Python's float(): it makes an integral number print as 1.0.
import { NDArray } from "../core";
import { array_repr, array_str } from "./index";
import { float, formatNumber, formatString, PyFloat, reprNumber } from "./python-format";

export { float, PyFloat };

/** Python's str(x): what print shows. */
export function str(x: unknown): string {
  if (typeof x === "string") return x;
  if (x instanceof NDArray) return array_str(x);
  return repr(x);
}

/** Python's repr(x): what a list shows for its items, and a bare expression in Python. */
export function repr(x: unknown): string {
  if (x === null || x === undefined) return "None";
  if (typeof x === "boolean") return x ? "True" : "False";
  if (typeof x === "number") return reprNumber(x);
  if (typeof x === "bigint") return String(x);
  if (typeof x === "string") return quote(x);
  if (x instanceof PyFloat) return String(x);
  if (x instanceof NDArray) return array_repr(x);
  if (Array.isArray(x)) return `[${x.map(repr).join(", ")}]`;
  if (isPlainObject(x)) {
    return `{${Object.entries(x).map(([k, v]) => `${quote(k)}: ${repr(v)}`).join(", ")}}`;
  }
  const name = (x as object).constructor?.name ?? "object";
  return `<${name} object>`;
}

/** Python's format(value, spec): numbers by the format-spec mini-language, others by str. */
export function format(value: unknown, spec = ""): string {
  if (typeof value === "number" || value instanceof PyFloat) return formatNumber(value, spec);
  if (typeof value === "boolean" && spec !== "" && spec !== "s") return formatNumber(value ? 1 : 0, spec);
  if (typeof value === "string" || spec === "") return formatString(str(value), spec);
  const type = value instanceof NDArray ? "numpy.ndarray" : typeof value;
  throw new TypeError(`unsupported format string passed to ${type}.__format__`);
}

interface PrintOptions {
  sep?: string | null;
  end?: string | null;
}

/** Python's print(*args, sep=' ', end='\n'): `print(a, b)`, `print(a, b, { sep: ", " })`. */
export function print(...args: unknown[]): void {
  let options: PrintOptions = {};
  const last = args[args.length - 1];
  if (isPlainObject(last) && Object.keys(last).length > 0 &&
      Object.keys(last).every((k) => k === "sep" || k === "end")) {
    options = last as PrintOptions;
    args = args.slice(0, -1);
  }
  // process.stdout, not console.log, so that print and console.log share one stream
  process.stdout.write(args.map(str).join(options.sep ?? " ") + (options.end ?? "\n"));
}

const FORMAT_SPEC = /^:((?:[^\s]?[<>=^])?[+\- ]?#?0?\d*[,_]?(?:\.\d+)?[bdeEfFgGosxX%]?)(?!\w)/;

/** Python's f-strings as a tagged template; see the comment at the top of this file. */
export function f(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0];
  values.forEach((value, i) => {
    let text = strings[i + 1];
    const spec = FORMAT_SPEC.exec(text);
    if (spec && /[<>=^.a-zA-Z%]/.test(spec[1])) {
      out += format(value, spec[1]);
      text = text.slice(spec[0].length);
    } else {
      out += str(value);
    }
    out += text;
  });
  return out;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== "object" || x === null) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** Python's string repr: single quotes unless the text has ' and no ". */
function quote(text: string): string {
  const q = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text.replace(/[\\\n\r\t]/g, (c) => ({ "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c]!);
  return q + (q === "'" ? escaped.replace(/'/g, "\\'") : escaped) + q;
}
