// NumPy's joining routines (concatenate, vstack, hstack, column_stack), np.where (both
// forms), np.clip, and the whole-array comparisons allclose and array_equal.
import { NDArray, normalizeAxis, shapeSize, stridesOf } from "./core";
import { DType, isFloat, promoteTypes } from "./dtype";
import { broadcastShapes, forEachRun, planRuns, sameShape } from "./broadcast";
import { ArrayLike, asarray } from "./creation";
import { checkKeywords } from "./keywords";
import { getIndex } from "./indexing";
import {
  Operand, abs, add, equal, isfinite, isnan, less_equal, logical_and, logical_or, maximum, minimum, multiply, subtract,
} from "./elementwise";

/** Keywords of np.concatenate. */
export interface ConcatenateOptions {
  /** The axis the arrays are joined along (0, the default: one after another). */
  axis?: number;
}

/** The arrays a joining routine was given: a list of them, or an array's rows (as NumPy iterates an array); nothing else. */
function sequenceOf(arrays: ArrayLike[] | NDArray): ArrayLike[] {
  if (arrays instanceof NDArray) {
    if (arrays.ndim === 0) throw new TypeError("iteration over a 0-d array");
    return Array.from({ length: arrays.shape[0] }, (_, i) => getIndex(arrays, [i]));
  }
  if (!Array.isArray(arrays)) throw new TypeError('arrays to stack must be passed as a "sequence" type such as list or tuple.');
  return arrays;
}

/** np.concatenate(arrays, axis=0): the arrays joined along an existing axis, in their promoted dtype. */
export function concatenate(arrays: ArrayLike[] | NDArray, axis?: number): NDArray;
export function concatenate(arrays: ArrayLike[] | NDArray, options: ConcatenateOptions): NDArray;
export function concatenate(arrays: ArrayLike[] | NDArray, axis: number | ConcatenateOptions = 0): NDArray {
  if (typeof axis === "object") checkKeywords("concatenate", axis, ["axis"]);
  const parts = sequenceOf(arrays).map((a) => asarray(a));
  if (parts.length === 0) throw new Error("need at least one array to concatenate");
  const ndim = parts[0].ndim;
  if (ndim === 0) throw new Error("zero-dimensional arrays cannot be concatenated");
  const ax = normalizeAxis(typeof axis === "number" ? axis : axis.axis ?? 0, ndim);
  parts.forEach((p, i) => {
    if (p.ndim !== ndim) {
      throw new Error(
        "all the input arrays must have same number of dimensions, but the array at index 0 has " +
          `${ndim} dimension(s) and the array at index ${i} has ${p.ndim} dimension(s)`,
      );
    }
    p.shape.forEach((d, k) => {
      if (k !== ax && d !== parts[0].shape[k]) {
        throw new Error(
          "all the input array dimensions except for the concatenation axis must match exactly, but " +
            `along dimension ${k}, the array at index 0 has size ${parts[0].shape[k]} and the array at index ${i} has size ${d}`,
        );
      }
    });
  });
  const dtype = parts.map((p) => p.dtype).reduce(promoteTypes);
  const shape = [...parts[0].shape];
  shape[ax] = parts.reduce((s, p) => s + p.shape[ax], 0);
  const out = NDArray.empty(shape, dtype);
  // Each part contributes one block of (its axis length x inner size) per outer index.
  const outer = shapeSize(shape.slice(0, ax)), inner = shapeSize(shape.slice(ax + 1));
  const outBlock = shape[ax] * inner;
  let start = 0;
  for (const p of parts) {
    const block = p.shape[ax] * inner;
    const data = p.dtype === dtype ? p.data : p.astype(dtype).data;
    for (let i = 0; i < outer; i++) out.data.set(data.subarray(i * block, (i + 1) * block), i * outBlock + start);
    start += block;
  }
  return out;
}

const atLeast2d = (a: NDArray): NDArray => (a.ndim >= 2 ? a : a.reshape(1, -1));

/** np.vstack: the arrays stacked as rows, one on top of the other (1-D arrays become rows). */
export function vstack(arrays: ArrayLike[] | NDArray): NDArray {
  return concatenate(sequenceOf(arrays).map((a) => atLeast2d(asarray(a))), 0);
}

/** np.hstack: the arrays side by side (along axis 1; 1-D arrays end to end). */
export function hstack(arrays: ArrayLike[] | NDArray): NDArray {
  const parts = sequenceOf(arrays).map((a) => asarray(a));
  return concatenate(parts, parts.length > 0 && parts[0].ndim === 1 ? 0 : 1);
}

/** np.column_stack (the book's np.c_ of 1-D arrays): 1-D arrays become columns. */
export function column_stack(arrays: ArrayLike[] | NDArray): NDArray {
  return concatenate(sequenceOf(arrays).map((a) => {
    const p = asarray(a);
    return p.ndim < 2 ? p.reshape(-1, 1) : p;
  }), 1);
}

/**
 * np.where(condition, x, y): x where the condition holds, else y, all three broadcast.
 * np.where(condition): the indices of the nonzero elements, one int64 array per dimension.
 */
export function where(condition: Operand): NDArray[];
export function where(condition: Operand, x: Operand, y: Operand): NDArray;
export function where(condition: Operand, x?: Operand, y?: Operand): NDArray | NDArray[] {
  const cond = asarray(condition as ArrayLike);
  if ((x === undefined) !== (y === undefined)) throw new Error("either both or neither of x and y should be given");
  if (x === undefined || y === undefined) return nonzero(cond);
  // The choice's dtype is what x and y promote to, as in any ufunc (JS numbers are weak).
  const [xa, ya] = choiceOperands(x, y);
  const shape = broadcastShapes(cond.shape, xa.shape, ya.shape);
  const out = NDArray.empty(shape, xa.dtype);
  const plan = planRuns(shape, [cond.shape, xa.shape, ya.shape]);
  const inner = plan.shape.length - 1, n = plan.shape[inner];
  const [sc, sx, sy] = plan.strides.map((s) => s[inner]);
  const c = cond.data, xd = xa.data, yd = ya.data, o = out.data;
  forEachRun(plan, (oo, [co, xo, yo]) => {
    for (let j = 0; j < n; j++) {
      const v = c[co + j * sc];
      o[oo + j] = v !== 0 ? xd[xo + j * sx] : yd[yo + j * sy];
    }
  });
  return out;
}

/** x and y cast to their common dtype, found by adding them (NumPy's result_type). */
function choiceOperands(x: Operand, y: Operand): [NDArray, NDArray] {
  const dtype: DType = asarray(add(zeroOf(x), zeroOf(y)) as ArrayLike).dtype;
  return [asarray(x as ArrayLike, dtype), asarray(y as ArrayLike, dtype)];
}

/** A one-element stand-in with the operand's dtype (or the operand itself when it is a JS scalar). */
function zeroOf(v: Operand): Operand {
  if (typeof v === "number" || typeof v === "boolean") return v;
  const a = asarray(v as ArrayLike);
  return NDArray.empty([], a.dtype);
}

/** np.nonzero: per dimension, the indices (int64) of the nonzero elements in row-major order. */
export function nonzero(a: Operand): NDArray[] {
  const arr = asarray(a as ArrayLike);
  if (arr.ndim === 0) throw new Error("Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.");
  const hits: number[] = [];
  for (let i = 0; i < arr.size; i++) if (arr.data[i] !== 0) hits.push(i);
  const strides = stridesOf(arr.shape), shape = arr.shape;
  return Array.from({ length: arr.ndim }, (_, k) => {
    const out = NDArray.empty([hits.length], "int64");
    hits.forEach((flat, i) => (out.data[i] = Math.floor(flat / strides[k]) % shape[k]));
    return out;
  });
}

/**
 * np.clip(a, a_min, a_max): the values limited to [a_min, a_max]; either bound may be null.
 * Computed as NumPy does, minimum(maximum(a, a_min), a_max), so a float32 array clipped by
 * JS numbers stays float32 and NaN passes through.
 */
export function clip(a: Operand, a_min: Operand | null, a_max: Operand | null): NDArray {
  if (a_min === null && a_max === null) throw new Error("One of max or min must be given");
  let out = asarray(a as ArrayLike);
  if (a_min !== null) out = maximum(out, a_min);
  if (a_max !== null) out = minimum(out, a_max);
  return out;
}

/** Keywords of np.array_equal. */
export interface ArrayEqualOptions {
  /** Count NaN as equal to NaN (false by default, as NaN != NaN). */
  equal_nan?: boolean;
}

/** Keywords of np.isclose and np.allclose. */
export interface AllcloseOptions extends ArrayEqualOptions {
  /** The relative tolerance, a fraction of |b| (1e-5 by default). */
  rtol?: number;
  /** The absolute tolerance (1e-8 by default). */
  atol?: number;
}

const ALLCLOSE_KEYWORDS = ["rtol", "atol", "equal_nan"];

/** np.isclose: elementwise |a - b| <= atol + rtol * |b| (infinities equal only to themselves), a bool array. */
export function isclose(a: Operand, b: Operand, options: AllcloseOptions = {}): NDArray {
  checkKeywords("isclose", options, ALLCLOSE_KEYWORDS);
  return closeness(a, b, options);
}

function closeness(a: Operand, b: Operand, { rtol = 1e-5, atol = 1e-8, equal_nan = false }: AllcloseOptions): NDArray {
  const x = asarray(a as ArrayLike), given = asarray(b as ArrayLike);
  // NumPy compares against b in a float dtype (result_type(b, 1.0)).
  const y = isFloat(given.dtype) ? given : given.astype("float64");
  const within = less_equal(abs(subtract(x, y)), add(atol, multiply(rtol, abs(y))));
  const close = logical_or(logical_and(within, isfinite(y)), equal(x, y));
  return equal_nan ? logical_or(close, logical_and(isnan(x), isnan(y))) : close;
}

/** np.allclose: whether every element of a is close to b's (np.isclose; the shapes must broadcast). */
export function allclose(a: Operand, b: Operand, options: AllcloseOptions = {}): boolean {
  checkKeywords("allclose", options, ALLCLOSE_KEYWORDS);
  return closeness(a, b, options).data.every((v) => v !== 0);
}

/** np.array_equal: whether the two have the same shape and equal elements. */
export function array_equal(a1: Operand, a2: Operand, options: ArrayEqualOptions = {}): boolean {
  checkKeywords("array_equal", options, ["equal_nan"]);
  const x = asarray(a1 as ArrayLike), y = asarray(a2 as ArrayLike);
  if (!sameShape(x.shape, y.shape)) return false;
  const same = options.equal_nan ? logical_or(equal(x, y), logical_and(isnan(x), isnan(y))) : equal(x, y);
  return same.data.every((v) => v !== 0);
}
