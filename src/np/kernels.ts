// The elementwise ops: one table of the loops the ufuncs run, each op named once. Where the C++
// kernels have a loop for an op too (native/kernels.h lists those, by the same names), theirs
// runs on 512 elements or more; the TypeScript loop runs below that, and without the kernels.
import { Storage, isFloatStorage } from "./dtype";
import { sharesBytes } from "./memory";
import { native } from "./native";

/**
 * One run of `n` outputs written contiguously into o from oo, reading x from xo by stride sx
 * and y from yo by stride sy (stride 0: one value, a scalar or a broadcast column).
 */
type BinaryRun = (o: Storage, oo: number, x: Storage, xo: number, sx: number, y: Storage, yo: number, sy: number, n: number) => void;
type UnaryRun = (o: Storage, x: Storage, n: number) => void;

// Each op's loop is written out with its arithmetic inline, not made by one function from an
// element function: V8 compiles all the functions made at one place in the source as one, so
// that loop would call an op function per element (measured ~4x slower on 300x64 values).
// The loops step through o, x and y with the cursors j, i and k (strides added, not multiplied).
// Comparisons give 0/1 by arithmetic, not `? 1 : 0`: a branch on random data mispredicts (3x
// slower); NaN counts as true, as any nonzero value does in NumPy.
const BINARY_RUNS = {
  add: (o, j, x, i, sx, y, k, sy, n) => { for (const end = j + n; j < end; j++, i += sx, k += sy) o[j] = x[i] + y[k]; },
  subtract: (o, j, x, i, sx, y, k, sy, n) => { for (const end = j + n; j < end; j++, i += sx, k += sy) o[j] = x[i] - y[k]; },
  multiply: (o, j, x, i, sx, y, k, sy, n) => { for (const end = j + n; j < end; j++, i += sx, k += sy) o[j] = x[i] * y[k]; },
  multiply_int32: (o, j, x, i, sx, y, k, sy, n) => { for (const end = j + n; j < end; j++, i += sx, k += sy) o[j] = Math.imul(x[i], y[k]); },
  divide: (o, j, x, i, sx, y, k, sy, n) => { for (const end = j + n; j < end; j++, i += sx, k += sy) o[j] = x[i] / y[k]; },
  // C's pow, not JS's **: 1 to any power and -1 to an infinite power are 1.
  power: (o, j, x, i, sx, y, k, sy, n) => {
    for (const end = j + n; j < end; j++, i += sx, k += sy) {
      const a = x[i], b = y[k];
      o[j] = a === 1 || (a === -1 && (b === Infinity || b === -Infinity)) ? 1 : a ** b;
    }
  },
  // As NumPy: NaN in either operand wins; on a tie (0 and -0) the second wins.
  maximum: (o, j, x, i, sx, y, k, sy, n) => { for (const end = j + n; j < end; j++, i += sx, k += sy) { const a = x[i], b = y[k]; o[j] = a > b || a !== a ? a : b; } },
  minimum: (o, j, x, i, sx, y, k, sy, n) => { for (const end = j + n; j < end; j++, i += sx, k += sy) { const a = x[i], b = y[k]; o[j] = a < b || a !== a ? a : b; } },
  equal: (o, j, x, i, sx, y, k, sy, n) => { for (const end = j + n; j < end; j++, i += sx, k += sy) o[j] = +(x[i] === y[k]); },
  not_equal: (o, j, x, i, sx, y, k, sy, n) => { for (const end = j + n; j < end; j++, i += sx, k += sy) o[j] = +(x[i] !== y[k]); },
  greater: (o, j, x, i, sx, y, k, sy, n) => { for (const end = j + n; j < end; j++, i += sx, k += sy) o[j] = +(x[i] > y[k]); },
  greater_equal: (o, j, x, i, sx, y, k, sy, n) => { for (const end = j + n; j < end; j++, i += sx, k += sy) o[j] = +(x[i] >= y[k]); },
  less: (o, j, x, i, sx, y, k, sy, n) => { for (const end = j + n; j < end; j++, i += sx, k += sy) o[j] = +(x[i] < y[k]); },
  less_equal: (o, j, x, i, sx, y, k, sy, n) => { for (const end = j + n; j < end; j++, i += sx, k += sy) o[j] = +(x[i] <= y[k]); },
  logical_and: (o, j, x, i, sx, y, k, sy, n) => { for (const end = j + n; j < end; j++, i += sx, k += sy) o[j] = +(x[i] !== 0) & +(y[k] !== 0); },
  logical_or: (o, j, x, i, sx, y, k, sy, n) => { for (const end = j + n; j < end; j++, i += sx, k += sy) o[j] = +(x[i] !== 0) | +(y[k] !== 0); },
  /** x broadcast into o (a unary ufunc's `out` larger than its input). */
  copy: (o, j, x, i, sx, _y, _k, _sy, n) => { for (const end = j + n; j < end; j++, i += sx) o[j] = x[i]; },
} satisfies Record<string, BinaryRun>;

const UNARY_RUNS = {
  negative: (o, x, n) => { for (let j = 0; j < n; j++) o[j] = -x[j]; },
  exp: (o, x, n) => { for (let j = 0; j < n; j++) o[j] = Math.exp(x[j]); },
  log: (o, x, n) => { for (let j = 0; j < n; j++) o[j] = Math.log(x[j]); },
  log1p: (o, x, n) => { for (let j = 0; j < n; j++) o[j] = Math.log1p(x[j]); },
  sqrt: (o, x, n) => { for (let j = 0; j < n; j++) o[j] = Math.sqrt(x[j]); },
  sin: (o, x, n) => { for (let j = 0; j < n; j++) o[j] = Math.sin(x[j]); },
  cos: (o, x, n) => { for (let j = 0; j < n; j++) o[j] = Math.cos(x[j]); },
  tanh: (o, x, n) => { for (let j = 0; j < n; j++) o[j] = Math.tanh(x[j]); },
  absolute: (o, x, n) => { for (let j = 0; j < n; j++) o[j] = Math.abs(x[j]); },
  sign: (o, x, n) => { for (let j = 0; j < n; j++) { const a = x[j]; o[j] = a > 0 ? 1 : a < 0 ? -1 : a === 0 ? 0 : a; } },
  square: (o, x, n) => { for (let j = 0; j < n; j++) { const a = x[j]; o[j] = a * a; } },
  square_int32: (o, x, n) => { for (let j = 0; j < n; j++) { const a = x[j]; o[j] = Math.imul(a, a); } },
  isnan: (o, x, n) => { for (let j = 0; j < n; j++) { const a = x[j]; o[j] = +(a !== a); } },
  isfinite: (o, x, n) => { for (let j = 0; j < n; j++) { const a = x[j]; o[j] = +(a - a === 0); } },
} satisfies Record<string, UnaryRun>;

/** An op of the table: its TypeScript loop, and its number in the C++ kernels (-1 if they have none). */
export interface Op<Run> { readonly name: string; readonly run: Run; readonly kernel: number }
export type BinaryOp = Op<BinaryRun>;
export type UnaryOp = Op<UnaryRun>;

function table<Run, T extends Record<string, Run>>(runs: T, kernels: readonly string[] = []): { [K in keyof T]: Op<Run> } {
  const entries = Object.entries(runs).map(([name, run]) => [name, { name, run, kernel: kernels.indexOf(name) }]);
  return Object.fromEntries(entries) as { [K in keyof T]: Op<Run> };
}

export const BINARY = table<BinaryRun, typeof BINARY_RUNS>(BINARY_RUNS, native?.binaryOps);
export const UNARY = table<UnaryRun, typeof UNARY_RUNS>(UNARY_RUNS, native?.unaryOps);

/**
 * Fewer outputs than this stay in the TypeScript loop: a call into the addon costs ~0.3 µs, what
 * the loop spends on a few hundred elements (Adam's 2x64 updates measured 1.6x faster this way).
 */
const NATIVE_MIN = 512;

/**
 * `rows` runs of `n` outputs each, written contiguously into o from oo. Along a run x advances
 * by sx and y by sy; from one run to the next their starts advance by xr and yr. So one call
 * covers equal shapes, a scalar, a row (300x64 + 1x64) or a column (300x64 - 300x1).
 * The kernels take it when they have the op and float operands (they answer false for a
 * result type they have no loop for).
 */
export function binaryRuns(op: BinaryOp, o: Storage, oo: number, x: Storage, xo: number, sx: number, xr: number,
  y: Storage, yo: number, sy: number, yr: number, n: number, rows: number): void {
  if (op.kernel >= 0 && n * rows >= NATIVE_MIN && isFloatStorage(x) && isFloatStorage(y) &&
    native?.binary(op.kernel, o, oo, x, xo, sx, xr, y, yo, sy, yr, n, rows)) return;
  if ((op === BINARY.maximum || op === BINARY.minimum) && n * rows >= NATIVE_MIN &&
    o instanceof Float32Array && x instanceof Float32Array && y instanceof Float32Array) {
    select(op === BINARY.maximum ? 1 : -1, o, oo, x, xo, sx, xr, y, yo, sy, yr, n, rows);
    return;
  }
  const run = op.run;
  for (let r = 0; r < rows; r++, oo += n, xo += xr, yo += yr) run(o, oo, x, xo, sx, y, yo, sy, n);
}

/**
 * float32 maximum (sign 1) or minimum (-1) without a branch per element: the chosen operand's
 * bits are copied through integer views under a mask. On random data (ReLU's) the ternary's
 * mispredicted branches made 60000x128 values 2.4x slower; on small arrays making the views
 * costs more than they save.
 */
function select(sign: number, o: Float32Array, oo: number, x: Float32Array, xo: number, sx: number, xr: number,
  y: Float32Array, yo: number, sy: number, yr: number, n: number, rows: number): void {
  const ob = bits(o), xb = bits(x), yb = bits(y);
  for (let r = 0; r < rows; r++, oo += n, xo += xr, yo += yr) {
    for (let j = oo, i = xo, k = yo, end = oo + n; j < end; j++, i += sx, k += sy) {
      // a - b is never 0 for a != b (gradual underflow), so its sign orders a and b exactly.
      const a = x[i], m = -(+((a - y[k]) * sign > 0) | +(a !== a));
      ob[j] = (xb[i] & m) | (yb[k] & ~m);
    }
  }
}

const bits = (a: Float32Array): Int32Array => new Int32Array(a.buffer, a.byteOffset, a.length);

/** o = op(x) for n elements of the same shape. */
export function unaryRun(op: UnaryOp, o: Storage, x: Storage, n: number): void {
  if (op === UNARY.exp && o instanceof Float32Array && x instanceof Float32Array && expFloat32(o, x, n)) return;
  if (op.kernel >= 0 && n >= NATIVE_MIN && isFloatStorage(x) && o.constructor === x.constructor && native?.unary(op.kernel, o, x, n)) return;
  op.run(o, x, n);
}

// Indices of the elements the exp kernel leaves to Math.exp: about one in 65,000 of ordinary
// values, plus any outside [-87, 88] (see native/exp.cc). If more than this, the loop does all.
let unsure: Int32Array | undefined;

/** float32 exp by the addon where its float is certain to be Math.exp's, by Math.exp elsewhere; false if not done. */
function expFloat32(o: Float32Array, x: Float32Array, n: number): boolean {
  // In place (np.exp(x, { out: x })) the handed-back elements' inputs would be gone; past 2^31
  // elements their indices would not fit the Int32Array.
  if (!native || n < NATIVE_MIN || n > 0x7fffffff || sharesBytes(o, x)) return false;
  const handBack = (unsure ??= new Int32Array(4096));
  const count = native.expFloat32(o, x, n, handBack);
  if (count === false || count < 0) return false;
  for (let k = 0; k < count; k++) o[handBack[k]] = Math.exp(x[handBack[k]]);
  return true;
}
