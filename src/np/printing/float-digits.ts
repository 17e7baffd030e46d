// The decimal digits of a binary float, the two ways NumPy and Python ask for them:
//  - shortest: the fewest digits that read back to the same float32 or float64
//    (NumPy's Dragon4 "unique" mode, Python's repr);
//  - rounded: the exact binary value rounded half-to-even at a decimal place
//    (NumPy past its precision cut-off, Python's '.3f' / '.5e').
// JavaScript gives both almost for free: toExponential() is the float64 shortest,
// toFixed/toExponential(n) round the exact value correctly except on exact ties,
// where they round up instead of to even. Ties are rare and detectable, and only
// then do we expand the value exactly with BigInt.

/** A finite value >= 0 written d1.d2d3... × 10^exponent; digits is "0" for zero. */
export interface Decimal {
  digits: string;
  exponent: number;
}

const ZERO: Decimal = { digits: "0", exponent: 0 };

/** Shortest round-trip digits of |x| as a float64 (float32 when `float32`). */
export function shortest(x: number, float32: boolean): Decimal {
  const ax = Math.abs(x);
  if (ax === 0) return ZERO;
  if (!float32) return parseExponential(ax.toExponential());
  const best = shortest32(ax);
  return isPowerOfTwo32(ax) ? shorterAbovePowerOfTwo(ax, best) : best;
}

// float32 never needs more than 9 digits. Rounding its 9 correctly rounded digits to
// p < 9 digits matches rounding the exact value, except when the dropped digits are
// exactly 5000...: then round the exact value itself (it may be a true tie, which
// Dragon4 rounds to the even digit: 2^-12 prints 0.00024414062).
function shortest32(ax: number): Decimal {
  const nine = parseExponential(ax.toExponential(8), false);
  const d = nine.digits;
  let last = 8; // the last nonzero digit; beyond it the 9 digits are already shortest
  while (last > 0 && d.charCodeAt(last) === 48) last--;
  let prefix = 0;
  for (let p = 1; p <= last; p++) {
    prefix = prefix * 10 + d.charCodeAt(p - 1) - 48;
    const next = d.charCodeAt(p) - 48;
    let n = prefix + (next >= 5 ? 1 : 0), scale = nine.exponent - p + 1;
    if (next === 5 && last === p) {
      const direct = roundSignificant(ax, p);
      n = Number(direct.digits);
      scale = direct.exponent - p + 1;
    }
    if (Math.fround(scaleByPow10(n, scale)) === ax) {
      const digits = String(n);
      return { digits: digits.replace(/0+$/, ""), exponent: scale + digits.length - 1 };
    }
  }
  return { digits: d.slice(0, last + 1), exponent: nine.exponent };
}

const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** The double nearest to n·10^k (one correctly rounded operation on exact operands). */
function scaleByPow10(n: number, k: number): number {
  if (k >= 0 && k <= 22) return n * POW10[k];
  if (k < 0 && k >= -22) return n / POW10[-k];
  return Number(`${n}e${k}`);
}

/** |x| rounded half-to-even to `count` significant digits (exactly `count` digits). */
export function roundSignificant(x: number, count: number): Decimal {
  const ax = Math.abs(x);
  if (ax === 0) return { digits: "0".repeat(count), exponent: 0 };
  const fast = parseExponential(ax.toExponential(count - 1), false);
  if (!mayBeTie(ax, count - 1 - fast.exponent)) return fast;
  let exponent = fast.exponent;
  for (;;) {
    const q = roundScaled(ax, count - 1 - exponent).toString();
    if (q.length === count) return { digits: q, exponent };
    exponent += q.length > count ? 1 : -1;
  }
}

/** |x| rounded half-to-even to `fractionDigits` places, as "123.456" (like toFixed). */
export function roundFixed(x: number, fractionDigits: number): string {
  const ax = Math.abs(x);
  if (ax < 1e21 && !mayBeTie(ax, fractionDigits)) return ax.toFixed(fractionDigits);
  const q = roundScaled(ax, fractionDigits).toString().padStart(fractionDigits + 1, "0");
  if (fractionDigits === 0) return q;
  const point = q.length - fractionDigits;
  return `${q.slice(0, point)}.${q.slice(point)}`;
}

/** Parses JS "d.ddde±n"; drops trailing zeros unless asked to keep them. */
function parseExponential(s: string, trim = true): Decimal {
  const e = s.indexOf("e");
  let digits = s[0] + s.slice(2, e);
  if (trim) digits = digits.replace(/0+$/, "") || "0";
  return { digits, exponent: Number(s.slice(e + 1)) };
}

// A tie at 10^-places needs x·10^places to end in exactly .5, which for a binary
// value requires x·2^(places+1) to be an integer (the scaling itself is exact).
function mayBeTie(ax: number, places: number): boolean {
  return Number.isInteger(ax * 2 ** (places + 1));
}

/** round-half-even(ax · 10^places) computed exactly. */
function roundScaled(ax: number, places: number): bigint {
  const [mantissa, exp2] = decompose(ax);
  let num = mantissa, den = 1n;
  if (exp2 >= 0) num <<= BigInt(exp2);
  else den <<= BigInt(-exp2);
  if (places >= 0) num *= 10n ** BigInt(places);
  else den *= 10n ** BigInt(-places);
  const q = num / den, twice = 2n * (num % den);
  if (twice > den || (twice === den && q % 2n === 1n)) return q + 1n;
  return q;
}

const view = new DataView(new ArrayBuffer(8));

/** ax = mantissa · 2^exp2 with an integer mantissa (ax finite, > 0). */
function decompose(ax: number): [bigint, number] {
  view.setFloat64(0, ax);
  const hi = view.getUint32(0), lo = view.getUint32(4);
  const biased = hi >>> 20;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return [fraction, -1074];
  return [fraction | (1n << 52n), biased - 1075];
}

function isPowerOfTwo32(ax: number): boolean {
  view.setFloat32(0, ax);
  return (view.getUint32(0) & 0x7fffff) === 0 && ax >= 2 ** -126;
}

// Just above a power of two the float32 spacing doubles, so the round-trip interval
// is twice as wide above the value as below it. The nearest p-digit decimal can fall
// outside on the narrow side while the one above still reads back: Dragon4 takes it.
function shorterAbovePowerOfTwo(ax: number, best: Decimal): Decimal {
  for (let p = 1; p < best.digits.length; p++) {
    const near = parseExponential(ax.toExponential(p - 1), false);
    const up = (BigInt(near.digits) + 1n).toString();
    const exponent = near.exponent + (up.length > p ? 1 : 0);
    if (Math.fround(scaleByPow10(Number(up), near.exponent - p + 1)) === ax) {
      return { digits: up.slice(0, p).replace(/0+$/, ""), exponent };
    }
  }
  return best;
}

/** Python's repr(float) (also NumPy's str of a float32/float64 scalar): 0.1, 1e-05, 1e+16, 2.0. */
export function reprFloat(x: number, float32 = false): string {
  if (Number.isNaN(x)) return "nan";
  const sign = x < 0 || Object.is(x, -0) ? "-" : "";
  if (!Number.isFinite(x)) return `${sign}inf`;
  const { digits, exponent } = shortest(x, float32);
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mantissa}e${exponentText(exponent, 2)}`;
  }
  const text = positionalText({ digits, exponent });
  return sign + (text.endsWith(".") ? `${text}0` : text);
}

/** "123.45", "0.0012", "100." (the trailing point kept, as NumPy's trim mode '.'). */
export function positionalText({ digits, exponent }: Decimal): string {
  if (exponent < 0) return `0.${"0".repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${digits}${"0".repeat(exponent + 1 - digits.length)}.`;
  return `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/** "+05", "-300": the exponent's sign and at least `minDigits` digits. */
export function exponentText(exponent: number, minDigits: number): string {
  return (exponent < 0 ? "-" : "+") + String(Math.abs(exponent)).padStart(minDigits, "0");
}
