// How NumPy writes the elements of one array (arrayprint's FloatingFormat,
// IntegerFormat, BoolFormat with the default print options under legacy='1.25'):
// every element gets the same width, so the columns line up.
import type { DType } from "../dtype";
import {
  Decimal, exponentText, positionalText, roundFixed, roundSignificant, shortest,
} from "./float-digits";

/** NumPy's default print precision: at most 8 digits after the point. */
const PRECISION = 8;

/** The printed form of each value, all padded to one width. */
export function formatElements(values: ArrayLike<number>, dtype: DType, zeroDim: boolean): string[] {
  if (dtype === "bool") {
    const trueText = zeroDim ? "True" : " True";
    return Array.from(values, (v) => (v ? trueText : "False"));
  }
  if (dtype === "float32" || dtype === "float64") return formatFloats(values, dtype === "float32");
  const texts = Array.from(values, (v) => String(v));
  const width = Math.max(...texts.map((t) => t.length));
  return texts.map((t) => t.padStart(width));
}

function formatFloats(values: ArrayLike<number>, float32: boolean): string[] {
  const round = float32 ? Math.fround : (v: number) => v;
  let maxAbs = 0, minAbs = Infinity, finite = 0, negativeInf = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      finite++;
      const a = Math.abs(v);
      if (a !== 0) {
        if (a > maxAbs) maxAbs = a;
        if (a < minAbs) minAbs = a;
      }
    } else if (v === -Infinity) {
      negativeInf = true;
    }
  }
  // The cut-offs are compared in the array's own dtype (NumPy casts 1e-4 to float32).
  const scientific = minAbs !== Infinity &&
    (maxAbs >= 1e8 || minAbs < round(1e-4) || round(maxAbs / minAbs) > 1e3);
  const layout = scientific ? new Scientific(values, float32) : new Positional(values, float32);
  if (finite < values.length) {
    // nan and inf must fit in the column too
    const room = layout.padRight + 1;
    layout.padLeft = Math.max(layout.padLeft, 3 - room, 3 + (negativeInf ? 1 : 0) - room);
  }
  const width = layout.padLeft + layout.padRight + 1;
  return Array.from(values, (v, i) => {
    if (Number.isFinite(v)) return layout.format(v, i);
    return (Number.isNaN(v) ? "nan" : v < 0 ? "-inf" : "inf").padStart(width);
  });
}

const signOf = (v: number): string => (v < 0 || Object.is(v, -0) ? "-" : "");

// Fixed-point: each value keeps its own shortest digits (at most 8 after the point,
// trailing zeros trimmed to "1."), padded with spaces on both sides of the point.
class Positional {
  padLeft = 0;
  padRight = 0;
  private readonly texts: string[] = [];

  constructor(values: ArrayLike<number>, float32: boolean) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      const text = signOf(v) + positionalDigits(v, float32);
      const point = text.indexOf(".");
      this.texts[i] = text;
      this.padLeft = Math.max(this.padLeft, point);
      this.padRight = Math.max(this.padRight, text.length - point - 1);
    }
  }

  format(_v: number, i: number): string {
    const text = this.texts[i];
    const point = text.indexOf(".");
    return " ".repeat(this.padLeft - point) + text + " ".repeat(this.padRight - (text.length - point - 1));
  }
}

function positionalDigits(v: number, float32: boolean): string {
  const d = shortest(v, float32);
  if (d.digits.length - 1 - d.exponent <= PRECISION) return positionalText(d);
  return roundFixed(v, PRECISION).replace(/0+$/, "");
}

// Scientific: every mantissa shows the same number of digits (the most any value
// needs, at most 8 after the point); shorter ones are extended with their exact digits.
class Scientific {
  padLeft = 0;
  readonly padRight: number;
  private readonly precision: number;
  private readonly exponentDigits: number;
  private readonly shortest: Decimal[] = [];

  constructor(values: ArrayLike<number>, float32: boolean) {
    let precision = 0, exponentDigits = 2;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      let d = (this.shortest[i] = shortest(v, float32));
      if (d.digits.length > PRECISION + 1) d = trimZeros(roundSignificant(v, PRECISION + 1));
      precision = Math.max(precision, d.digits.length - 1);
      exponentDigits = Math.max(exponentDigits, String(Math.abs(d.exponent)).length);
      this.padLeft = Math.max(this.padLeft, signOf(v).length + 1);
    }
    this.precision = precision;
    this.exponentDigits = exponentDigits;
    this.padRight = exponentDigits + 2 + precision;
  }

  format(v: number, i: number): string {
    let d = this.shortest[i];
    if (v === 0) d = { digits: "0".repeat(this.precision + 1), exponent: 0 };
    else if (d.digits.length - 1 !== this.precision) d = roundSignificant(v, this.precision + 1);
    const sign = signOf(v);
    const mantissa = `${d.digits[0]}.${d.digits.slice(1)}`;
    return " ".repeat(this.padLeft - sign.length - 1) + sign + mantissa + "e" +
      exponentText(d.exponent, this.exponentDigits);
  }
}

function trimZeros(d: Decimal): Decimal {
  return { digits: d.digits.replace(/(.)0+$/, "$1"), exponent: d.exponent };
}
