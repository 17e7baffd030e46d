// The inner loops of the elementwise ufuncs, compiled from each ufunc's expression in a, b.
// Why compile: on 300x64 arrays, one shared loop calling an op function per element measured
// ~4x slower than a loop with the expression inline, and a loop that sees both Float32Array
// and Float64Array operands ~1.6x slower than one that sees one kind. So every (expression,
// storage kinds, stride kinds) gets its own small function, made once and cached.
import { Storage, isFloatStorage, sharesBytes } from "./dtype";
import { BINARY_OPS, UNARY_OPS, native } from "./native";

/**
 * `rows` runs of `n` outputs each, written contiguously into o from oo. Along a run x advances
 * by sx and y by sy; from one run to the next their starts advance by xr and yr. So one call
 * covers equal shapes, a scalar, a row (300x64 + 1x64) or a column (300x64 - 300x1).
 */
export type BinaryLoop = (
  o: Storage, oo: number, x: Storage, xo: number, sx: number, xr: number,
  y: Storage, yo: number, sy: number, yr: number, n: number, rows: number,
) => void;
export type UnaryLoop = (o: Storage, x: Storage, n: number) => void;

// Loops by expression, then by a small number made of the storage kinds and stride kinds
// (a string key per call, hashed anew each time, cost ~1 µs: more than a small array's loop).
const cache = new Map<string, (BinaryLoop | UnaryLoop)[]>();

function cached<F extends BinaryLoop | UnaryLoop>(expr: string, variant: number, make: () => F): F {
  let loops = cache.get(expr);
  if (!loops) cache.set(expr, (loops = []));
  return (loops[variant] ??= make()) as F;
}

/**
 * A compiled loop, named after its expression (so profiles say which ufunc the time went to)
 * and its variant. The variant must be in the source: V8 caches code by source text, and two
 * variants compiled from the same text would share one function's type feedback, which is
 * the mix of storage kinds these loops exist to avoid (measured 3-4x slower).
 */
function named(kind: string, expr: string, variant: number, params: string, body: string): BinaryLoop | UnaryLoop {
  const name = `${kind}_${expr.replace(/[^A-Za-z0-9]+/g, "_")}_${variant}`;
  return new Function(`return function ${name}(${params}) { ${body} }`)() as BinaryLoop | UnaryLoop;
}

export const kindOf = (data: Storage): number =>
  data instanceof Float64Array ? 0 : data instanceof Float32Array ? 1 : data instanceof Int32Array ? 2 : 3;

/** How an operand is read along a run: one value (stride 0), contiguous (1), or strided (2). */
const strideKind = (s: number): number => (s === 0 ? 0 : s === 1 ? 1 : 2);

function reader(name: string, data: string, offset: string, stride: string, kind: number): { before: string; each: string } {
  if (kind === 0) return { before: `const ${name} = ${data}[${offset}];`, each: "" };
  const at = kind === 1 ? `${offset} + j` : `${offset} + j * ${stride}`;
  return { before: "", each: `const ${name} = ${data}[${at}];` };
}

export function compileBinaryLoop(expr: string, o: Storage, x: Storage, sx: number, y: Storage, sy: number): BinaryLoop {
  const kx = strideKind(sx), ky = strideKind(sy);
  const variant = (((kindOf(o) * 4 + kindOf(x)) * 3 + kx) * 4 + kindOf(y)) * 3 + ky;
  return cached(expr, variant, () => {
    const a = reader("a", "x", "xo", "sx", kx), b = reader("b", "y", "yo", "sy", ky);
    const body = `for (let r = 0; r < rows; r++, oo += n, xo += xr, yo += yr) {
      ${a.before}${b.before}
      for (let j = 0; j < n; j++) { ${a.each} ${b.each} o[oo + j] = ${expr}; }
    }`;
    return orNative(expr, o, x, y, named("binary", expr, variant, "o, oo, x, xo, sx, xr, y, yo, sy, yr, n, rows", body) as BinaryLoop);
  });
}

/**
 * A loop for maximum and minimum, whose results are one operand or the other: `pick` (in a, b,
 * bitwise, so no branch) says when it is a. The chosen element's bits are copied through
 * integer views, so a sign test on random data (ReLU's) costs no mispredicted branches:
 * measured 6x faster than `pick ? a : b` on 300x64 values. For float storage of one kind.
 */
export function compileSelectLoop(pick: string, o: Float32Array | Float64Array, x: Storage, sx: number, y: Storage, sy: number): BinaryLoop {
  const kx = strideKind(sx), ky = strideKind(sy);
  const words = o instanceof Float64Array ? 2 : 1;
  const variant = 2000 + (words * 3 + kx) * 3 + ky;
  return cached(pick, variant, () => {
    const a = reader("a", "x", "xo", "sx", kx), b = reader("b", "y", "yo", "sy", ky);
    const at = (offset: string, stride: string, kind: number, word: number): string => {
      const index = kind === 0 ? offset : kind === 1 ? `${offset} + j` : `${offset} + j * ${stride}`;
      return words === 1 ? `(${index})` : `2 * (${index}) + ${word}`;
    };
    const copy = Array.from({ length: words }, (_, w) =>
      `ob[${at("oo", "", 1, w)}] = (xb[${at("xo", "sx", kx, w)}] & m) | (yb[${at("yo", "sy", ky, w)}] & ~m);`).join(" ");
    const view = (name: string) => `new Int32Array(${name}.buffer, ${name}.byteOffset, ${name}.length * ${words})`;
    const body = `const ob = ${view("o")}, xb = ${view("x")}, yb = ${view("y")};
    for (let r = 0; r < rows; r++, oo += n, xo += xr, yo += yr) {
      ${a.before}${b.before}
      for (let j = 0; j < n; j++) { ${a.each} ${b.each} const m = -(${pick}); ${copy} }
    }`;
    return orNative(pick, o, x, y, named("select", pick, variant, "o, oo, x, xo, sx, xr, y, yo, sy, yr, n, rows", body) as BinaryLoop);
  });
}

/**
 * Fewer outputs than this stay in the TypeScript loop: a call into the addon costs ~0.3 µs, what
 * the loop spends on a few hundred elements (Adam's 2x64 updates measured 1.6x faster this way).
 */
const NATIVE_MIN = 512;

/**
 * The addon's loop for `expr` when it has one for these storage types (float32 or float64
 * operands; a float result, or bool for comparisons), else the loop `js`.
 */
function orNative(expr: string, o: Storage, x: Storage, y: Storage, js: BinaryLoop): BinaryLoop {
  const op = BINARY_OPS.indexOf(expr);
  const result = expr.startsWith("+(") ? o instanceof Uint8Array : isFloatStorage(o);
  if (!native || op < 0 || !isFloatStorage(x) || !isFloatStorage(y) || !result) return js;
  const { binary } = native;
  return (out, oo, a, ao, sa, ar, b, bo, sb, br, n, rows) => {
    if (n * rows < NATIVE_MIN || !binary(op, out, oo, a, ao, sa, ar, b, bo, sb, br, n, rows)) {
      js(out, oo, a, ao, sa, ar, b, bo, sb, br, n, rows);
    }
  };
}

export function compileUnaryLoop(expr: string, o: Storage, x: Storage): UnaryLoop {
  const variant = 1000 + kindOf(o) * 4 + kindOf(x);
  return cached(expr, variant, () => {
    const body = `for (let j = 0; j < n; j++) { const a = x[j]; o[j] = ${expr}; }`;
    const js = named("unary", expr, variant, "o, x, n", body) as UnaryLoop;
    if (expr === "Math.exp(a)" && o instanceof Float32Array && x instanceof Float32Array) return expFloat32(js);
    const op = UNARY_OPS.indexOf(expr);
    if (!native || op < 0 || !isFloatStorage(x) || o.constructor !== x.constructor) return js;
    const { unary } = native;
    return (out: Storage, a: Storage, n: number) => {
      if (n < NATIVE_MIN || !unary(op, out, a, n)) js(out, a, n);
    };
  });
}

// Indices of the elements the exp kernel leaves to Math.exp: about one in 65,000 of ordinary
// values, plus any outside [-87, 88] (see native/exp.cc). If more than this, the loop does all.
const unsure = new Int32Array(4096);

/** float32 exp by the addon where its float is certain to be Math.exp's, by Math.exp elsewhere. */
function expFloat32(js: UnaryLoop): UnaryLoop {
  if (!native) return js;
  const kernel = native.expFloat32;
  return (o, x, n) => {
    // In place (np.exp(x, { out: x })) the handed-back elements' inputs would be gone; past 2^31
    // elements their indices would not fit the Int32Array.
    const count = n < NATIVE_MIN || n > 0x7fffffff || sharesBytes(o, x) ? -1 : kernel(o as Float32Array, x as Float32Array, n, unsure);
    if (count === false || count < 0) return js(o, x, n);
    for (let k = 0; k < count; k++) o[unsure[k]] = Math.exp(x[unsure[k]]);
  };
}
