// Python's scalar printing for JS numbers, and its format-spec mini-language
// (`f'{loss:.3f}'`, `format(x, '>10')`).
//
// JS has one number type where Python has int and float, so a number prints as:
//  - an int when it is integral (`epoch: 100`); float(x) makes it a Python float,
//    printed with float64 digits even when integral (`lr: 1.0`);
//  - otherwise as Python's repr(float): the shortest digits that read back, switching
//    to exponent form below 1e-4 or from 1e16 (0.1, 5e-05, 1.5e+300);
//  - with float32 shortest digits when the value is exactly a float32 (Math.fround(x)
//    === x), because such numbers come from float32 reductions and NumPy prints those
//    as float32 scalars: 1.0986104, not 1.0986104011535645.
import {
  exponentText, reprFloat, roundFixed, roundSignificant,
} from "./float-digits";

/** A Python float: prints with float64 digits even when integral (float(1) prints 1.0). */
export class PyFloat {
  constructor(readonly value: number) {}
  toString(): string { return reprNumber(this.value, true); }
}

/** Python's float(x): a number that prints as a Python float (`lr: ${float(lr)}` gives `lr: 1.0`). */
export function float(x: number | PyFloat): PyFloat {
  return x instanceof PyFloat ? x : new PyFloat(Number(x));
}

/** How Python prints the number (see the rules above); `asFloat`: as a Python float (float64). */
export function reprNumber(x: number, asFloat = false): string {
  if (asFloat) return reprFloat(x);
  if (isPythonInt(x)) return String(x);
  return reprFloat(x, !Number.isInteger(x) && Math.fround(x) === x);
}

// Integral values print as ints while their digits are exact; beyond 1e16 a float repr
// (1e+16) is what any computation producing them would show in Python.
const isPythonInt = (x: number): boolean => Number.isInteger(x) && Math.abs(x) < 1e16 && !Object.is(x, -0);

interface Spec {
  fill: string;
  align?: string;
  sign: string;
  alternate: boolean;
  width: number;
  grouping: string;
  precision?: number;
  type: string;
}

const SPEC = /^(?:([\s\S])?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bdeEfFgGosxX%])?$/;

function parseSpec(spec: string): Spec {
  const m = SPEC.exec(spec);
  if (!m) throw new Error(`ValueError: Invalid format specifier '${spec}'`);
  const [, fill, align, sign, alternate, zero, width, grouping, precision, type] = m;
  return {
    fill: fill ?? (zero && !align ? "0" : " "),
    align: align ?? (zero ? "=" : undefined),
    sign: sign ?? "-",
    alternate: alternate !== undefined,
    width: width ? Number(width) : 0,
    grouping: grouping ?? "",
    precision: precision === undefined ? undefined : Number(precision),
    type: type ?? "",
  };
}

/** format(x, spec) for a number, as Python formats an int or a float. */
export function formatNumber(value: number | PyFloat, spec: string): string {
  const s = parseSpec(spec);
  const asFloat = value instanceof PyFloat;
  const x = asFloat ? value.value : value;
  const intLike = !asFloat && isPythonInt(x);
  let body: string;
  if ("bdoxX".includes(s.type) && s.type !== "") {
    if (!intLike) throw new Error(`ValueError: Unknown format code '${s.type}' for object of type 'float'`);
    body = integerDigits(Math.abs(x), s.type);
  } else if (intLike && s.type === "" && s.precision !== undefined) {
    throw new Error("ValueError: Precision not allowed in integer format specifier");
  } else if (s.type === "" && s.precision === undefined) {
    body = intLike ? String(Math.abs(x)) : reprNumber(Math.abs(x), true);
  } else {
    body = floatBody(Math.abs(x), s);
  }
  if (s.grouping) body = group(body, s.grouping);
  const negative = x < 0 || (Object.is(x, -0) && !intLike);
  const sign = negative ? "-" : s.sign === "-" ? "" : s.sign;
  return pad(sign, body, s, ">");
}

/** format(s, spec) for a string: alignment and truncation only. */
export function formatString(text: string, spec: string): string {
  const s = parseSpec(spec);
  if (s.type !== "" && s.type !== "s") {
    throw new Error(`ValueError: Unknown format code '${s.type}' for object of type 'str'`);
  }
  return pad("", s.precision === undefined ? text : text.slice(0, s.precision), s, "<");
}

function integerDigits(n: number, type: string): string {
  const radix = type === "b" ? 2 : type === "o" ? 8 : type === "d" ? 10 : 16;
  const digits = n.toString(radix);
  return type === "X" ? digits.toUpperCase() : digits;
}

/** The digits of a float (|x|) for types f, e, g, % and a bare precision. */
function floatBody(ax: number, s: Spec): string {
  const upper = s.type === "F" || s.type === "E" || s.type === "G";
  if (!Number.isFinite(ax)) {
    const word = Number.isNaN(ax) ? "nan" : "inf";
    return (upper ? word.toUpperCase() : word) + (s.type === "%" ? "%" : "");
  }
  const type = s.type.toLowerCase();
  if (type === "f") return fixed(ax, s.precision ?? 6, s.alternate);
  if (type === "%") return `${fixed(ax * 100, s.precision ?? 6, s.alternate)}%`;
  if (type === "e") return scientific(ax, s.precision ?? 6, s.alternate, upper);
  // 'g', or no type with a precision: fixed or exponent form for p significant digits,
  // trailing zeros dropped; the bare form keeps a ".0" and turns to exponents one
  // digit sooner (Python's repr-style 'g').
  const p = Math.max(s.precision ?? 6, 1);
  const exponent = ax === 0 ? 0 : roundSignificant(ax, p).exponent;
  let text = exponent >= -4 && exponent < (type === "" ? p - 1 : p)
    ? fixed(ax, p - 1 - exponent, s.alternate)
    : scientific(ax, p - 1, s.alternate, upper);
  if (!s.alternate) text = dropTrailingZeros(text);
  if (type === "" && !/[.eE]/.test(text)) text += ".0";
  return text;
}

/** "1.500e+03" -> "1.5e+03", "2.000" -> "2" (the fraction's trailing zeros only). */
function dropTrailingZeros(text: string): string {
  const e = text.search(/[eE]|$/);
  const mantissa = text.slice(0, e);
  return (mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa) + text.slice(e);
}

function fixed(ax: number, places: number, alternate: boolean): string {
  const text = roundFixed(ax, places);
  return alternate && places === 0 ? `${text}.` : text;
}

function scientific(ax: number, places: number, alternate: boolean, upper: boolean): string {
  const { digits, exponent } = roundSignificant(ax, places + 1);
  const point = places > 0 || alternate ? "." : "";
  return `${digits[0]}${point}${digits.slice(1)}${upper ? "E" : "e"}${exponentText(exponent, 2)}`;
}

/** Thousands separators in the integer part: 1234567.5 -> 1,234,567.5 */
function group(body: string, separator: string): string {
  const end = body.search(/[^0-9]|$/);
  return body.slice(0, end).replace(/\B(?=(\d{3})+$)/g, separator) + body.slice(end);
}

function pad(sign: string, body: string, s: Spec, defaultAlign: string): string {
  const room = s.width - sign.length - body.length;
  if (room <= 0) return sign + body;
  const fill = s.fill.repeat(room);
  switch (s.align ?? defaultAlign) {
    case "<": return sign + body + fill;
    case "=": return sign + fill + body;
    case "^": {
      const left = Math.floor(room / 2);
      return s.fill.repeat(left) + sign + body + s.fill.repeat(room - left);
    }
    default: return fill + sign + body;
  }
}
