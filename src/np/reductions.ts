// NumPy's reductions: sum, mean, std, var, max, min, argmax, argmin.
// Over all elements they give a JS number; with an axis (or keepdims) an NDArray.
// Sums add in exactly NumPy's order, so float32 results match NumPy bit for bit: NumPy's
// iterator drops length-1 axes, merges neighbouring axes that are both reduced or both kept,
// and then either sums each contiguous run pairwise (when the last axis is reduced) or adds
// whole rows into the output one after another (when it is kept).
import { NDArray, Shape, normalizeAxis, shapeSize } from "./core";
import { ArrayLike, asarray } from "./creation";
import { DType, isFloat } from "./dtype";
import { checkKeywords } from "./keywords";
import { allocateForResult, allocateScratch } from "./memory";
import { pairwiseSum } from "./pairwise";
import { stridedOffsets } from "./indexing";
import { native } from "./native";

/** One axis, or several (a tuple in Python). */
export type Axis = number | readonly number[];

/** The keyword a reduction takes after a positional axis. */
export interface KeepdimsOption {
  /** Keep each reduced axis with length 1, so the result broadcasts against the input. */
  keepdims?: boolean;
}

/** Keywords of np.sum, np.mean, np.max and np.min. */
export interface ReduceOptions extends KeepdimsOption {
  /** The axis or axes to reduce; null (the default) reduces every element to one number. */
  axis?: Axis | null;
}

/** The keywords np.std and np.var take after a positional axis. */
export interface DdofOption extends KeepdimsOption {
  /** Delta degrees of freedom: the squared deviations are divided by N - ddof. */
  ddof?: number;
}

/** Keywords of np.std and np.var. */
export interface StdOptions extends DdofOption {
  /** The axis or axes to reduce; null (the default) reduces every element to one number. */
  axis?: Axis | null;
}

/** Keywords of np.argmax and np.argmin. */
export interface ArgOptions extends KeepdimsOption {
  /** The one axis to search along; null (the default) searches the flattened array. */
  axis?: number | null;
}

/** Options that reduce every element, so the result is one JS number. */
export type WholeArray<O> = O & { axis?: null; keepdims?: false };
/** Options that keep an axis (an axis given, or keepdims), so the result is an array. */
export type AlongAxis<O, A> = O & ({ axis: A } | { keepdims: true });

/** A reduction's keywords with their defaults filled in. */
interface Resolved { axis: Axis | null; keepdims: boolean; ddof: number }

/**
 * Python's call forms `f(a, axis, keepdims=...)` and `f(a, axis=..., keepdims=...)` as one
 * options object, its keys checked against `allowed` (the first of them is "axis").
 */
function keywords(name: string, allowed: readonly string[], axisOrOptions: unknown, options: StdOptions | undefined): Resolved {
  const named = typeof axisOrOptions === "object" && axisOrOptions !== null && !Array.isArray(axisOrOptions);
  if (named && options !== undefined) throw new TypeError(`${name}() got multiple values for argument 'axis'`);
  const given = (named ? axisOrOptions : options) as StdOptions | undefined;
  checkKeywords(name, given, named ? allowed : allowed.slice(1));
  const axis = named ? given?.axis ?? null : ((axisOrOptions ?? null) as Axis | null);
  return { axis, keepdims: given?.keepdims ?? false, ddof: given?.ddof ?? 0 };
}

/** A whole-array result (no axis, no keepdims) as the JS number NumPy's scalar stands for. */
function unwrap(out: NDArray, { axis, keepdims }: Resolved): NDArray | number {
  return axis === null && !keepdims ? out.data[0] : out;
}

const REDUCE_KEYWORDS = ["axis", "keepdims"];
const STD_KEYWORDS = ["axis", "keepdims", "ddof"];

/** Which axes an `axis` argument reduces (all of them for null), checked like NumPy. */
function reducedAxes(axis: Axis | null, ndim: number): boolean[] {
  const reduced = new Array<boolean>(ndim).fill(axis === null);
  if (axis === null) return reduced;
  for (const ax of typeof axis === "number" ? [axis] : axis) {
    const k = normalizeAxis(ax, ndim);
    if (reduced[k]) throw new Error("duplicate value in 'axis'");
    reduced[k] = true;
  }
  return reduced;
}

function resultShape(shape: Shape, reduced: boolean[], keepdims: boolean): number[] {
  return keepdims ? shape.map((d, k) => (reduced[k] ? 1 : d)) : shape.filter((_, k) => !reduced[k]);
}

// ---- sums, in NumPy's order ----

/**
 * The contiguous runs NumPy's inner loop sees: `length` elements each, either all folded into
 * one output element (`alongReduced`) or added element-wise into `length` outputs.
 * outOffsets[r] is where run r lands in the (kept-axes, row-major) output.
 */
interface Runs { length: number; alongReduced: boolean; outOffsets: Float64Array }

function runsOf(shape: Shape, reduced: boolean[]): Runs {
  const sizes: number[] = [], kinds: boolean[] = [];
  for (let k = 0; k < shape.length; k++) {
    if (shape[k] === 1) continue;
    const last = sizes.length - 1;
    if (last >= 0 && kinds[last] === reduced[k]) sizes[last] *= shape[k];
    else { sizes.push(shape[k]); kinds.push(reduced[k]); }
  }
  if (sizes.length === 0) { sizes.push(1); kinds.push(false); }
  const length = sizes.pop()!, alongReduced = kinds.pop()!;

  // Output strides of the merged outer axes (0 for reduced ones) place each run in the output.
  const strides = new Array<number>(sizes.length);
  for (let k = sizes.length - 1, s = alongReduced ? 1 : length; k >= 0; k--) {
    strides[k] = kinds[k] ? 0 : s;
    if (!kinds[k]) s *= sizes[k];
  }
  const outOffsets = length === 0 ? new Float64Array(0) : stridedOffsets(sizes, strides);
  return { length, alongReduced, outOffsets };
}

/** Adds `a` over the reduced axes into `out` (zero-filled, of the result's dtype). */
function sumInto(a: NDArray, runs: Runs, out: NDArray): void {
  const { length, alongReduced, outOffsets } = runs;
  const src = a.data, dst = out.data;
  if (native?.sumRuns(src, dst, length, alongReduced, outOffsets)) return;
  const float32 = out.dtype === "float32";
  for (let r = 0, start = 0; r < outOffsets.length; r++, start += length) {
    const o = outOffsets[r];
    if (alongReduced) dst[o] += pairwiseSum(src, start, length, float32);
    else for (let k = 0; k < length; k++) dst[o + k] += src[start + k];
  }
}

const sumDType = (d: DType): DType => (isFloat(d) ? d : "int64");
const meanDType = (d: DType): DType => (isFloat(d) ? d : "float64");

function sumAs(a: NDArray, reduced: boolean[], keepdims: boolean, dtype: DType): NDArray {
  const out = NDArray.forResult(resultShape(a.shape, reduced, keepdims), dtype);
  out.data.fill(0);  // the sums are added into it (forResult's small arrays are cheaper even so)
  if (a.size > 0) sumInto(a, runsOf(a.shape, reduced), out);
  return out;
}

/** Sum divided by the count, the division rounded in the result's dtype as NumPy does. */
function meanOf(a: NDArray, reduced: boolean[], keepdims: boolean): NDArray {
  const out = sumAs(a, reduced, keepdims, meanDType(a.dtype));
  const count = a.shape.reduce((n, d, k) => (reduced[k] ? n * d : n), 1);
  if (count === 0) process.emitWarning("Mean of empty slice.", "RuntimeWarning");
  for (let i = 0; i < out.size; i++) out.data[i] /= count;
  return out;
}

/** NumPy's _var: squared deviations from the (kept-dims) mean, summed, over count - ddof. */
function varianceOf(a: NDArray, reduced: boolean[], keepdims: boolean, ddof: number): NDArray {
  const mean = meanOf(a, reduced, true);
  const deviations = NDArray.empty(a.shape, mean.dtype);
  const dev = deviations.data, m = mean.data, src = a.data;
  const runs = runsOf(a.shape, reduced);
  for (let r = 0, i = 0; r < runs.outOffsets.length; r++) {
    const o = runs.outOffsets[r];
    for (let k = 0; k < runs.length; k++, i++) {
      dev[i] = src[i] - m[runs.alongReduced ? o : o + k];
      dev[i] *= dev[i];
    }
  }
  const out = sumAs(deviations, reduced, keepdims, mean.dtype);
  const count = a.shape.reduce((n, d, k) => (reduced[k] ? n * d : n), 1);
  const dof = Math.max(count - ddof, 0);
  if (dof === 0) process.emitWarning("Degrees of freedom <= 0 for slice", "RuntimeWarning");
  for (let i = 0; i < out.size; i++) out.data[i] /= dof;
  return out;
}

/** np.sum(a, axis=None, keepdims=False): the sum of all elements (a number), or along `axis` (an array); integers sum as int64. */
export function sum(a: ArrayLike, options?: WholeArray<ReduceOptions>): number;
export function sum(a: ArrayLike, options: AlongAxis<ReduceOptions, Axis>): NDArray;
export function sum(a: ArrayLike, axis: Axis, options?: KeepdimsOption): NDArray;
export function sum(a: ArrayLike, axis?: Axis | null | ReduceOptions, options?: KeepdimsOption): NDArray | number;
export function sum(a: ArrayLike, axis?: Axis | null | ReduceOptions, options?: KeepdimsOption): NDArray | number {
  const o = keywords("sum", REDUCE_KEYWORDS, axis, options);
  const x = asarray(a);
  return unwrap(sumAs(x, reducedAxes(o.axis, x.ndim), o.keepdims, sumDType(x.dtype)), o);
}

/** np.mean(a, axis=None, keepdims=False): the mean of all elements (a number), or along `axis` (an array); integers give float64. */
export function mean(a: ArrayLike, options?: WholeArray<ReduceOptions>): number;
export function mean(a: ArrayLike, options: AlongAxis<ReduceOptions, Axis>): NDArray;
export function mean(a: ArrayLike, axis: Axis, options?: KeepdimsOption): NDArray;
export function mean(a: ArrayLike, axis?: Axis | null | ReduceOptions, options?: KeepdimsOption): NDArray | number;
export function mean(a: ArrayLike, axis?: Axis | null | ReduceOptions, options?: KeepdimsOption): NDArray | number {
  const o = keywords("mean", REDUCE_KEYWORDS, axis, options);
  const x = asarray(a);
  return unwrap(meanOf(x, reducedAxes(o.axis, x.ndim), o.keepdims), o);
}

/** np.var(a, axis=None, ddof=0, keepdims=False): the variance, sum((x - x.mean())**2) / (N - ddof), of all elements (a number) or along `axis`. */
function var_(a: ArrayLike, options?: WholeArray<StdOptions>): number;
function var_(a: ArrayLike, options: AlongAxis<StdOptions, Axis>): NDArray;
function var_(a: ArrayLike, axis: Axis, options?: DdofOption): NDArray;
function var_(a: ArrayLike, axis?: Axis | null | StdOptions, options?: DdofOption): NDArray | number;
function var_(a: ArrayLike, axis?: Axis | null | StdOptions, options?: DdofOption): NDArray | number {
  const o = keywords("var", STD_KEYWORDS, axis, options);
  const x = asarray(a);
  return unwrap(varianceOf(x, reducedAxes(o.axis, x.ndim), o.keepdims, o.ddof), o);
}

export { var_ as var };

/** np.std(a, axis=None, ddof=0, keepdims=False): the standard deviation, the square root of np.var, of all elements (a number) or along `axis`. */
export function std(a: ArrayLike, options?: WholeArray<StdOptions>): number;
export function std(a: ArrayLike, options: AlongAxis<StdOptions, Axis>): NDArray;
export function std(a: ArrayLike, axis: Axis, options?: DdofOption): NDArray;
export function std(a: ArrayLike, axis?: Axis | null | StdOptions, options?: DdofOption): NDArray | number;
export function std(a: ArrayLike, axis?: Axis | null | StdOptions, options?: DdofOption): NDArray | number {
  const o = keywords("std", STD_KEYWORDS, axis, options);
  const x = asarray(a);
  const out = varianceOf(x, reducedAxes(o.axis, x.ndim), o.keepdims, o.ddof);
  for (let i = 0; i < out.size; i++) out.data[i] = Math.sqrt(out.data[i]);
  return unwrap(out, o);
}

// ---- max, min, argmax, argmin: one scan that finds the winning position ----

type Better = (v: number, best: number) => boolean;
// NaN wins over numbers and the first NaN stays (NumPy propagates NaN; argmax points at the first).
const greater: Better = (v, best) => v > best || (v !== v && best === best);
const less: Better = (v, best) => v < best || (v !== v && best === best);

/**
 * Along `axis`: the first winning value of each line (that axis kept with length 1) and its index.
 * Callers use one of the two: the other lives in scratch memory, valid until the next scan.
 */
function scanAlong(a: NDArray, axis: number, better: Better, want: "best" | "at"): { best: NDArray; at: Float64Array } {
  const len = a.shape[axis];
  const inner = shapeSize(a.shape.slice(axis + 1));
  const outer = shapeSize(a.shape.slice(0, axis));
  const shape = a.shape.map((d, k) => (k === axis ? 1 : d)), size = outer * inner;
  const best = want === "best" ? NDArray.forResult(shape, a.dtype) : new NDArray(allocateScratch(a.dtype, size), shape, a.dtype);
  const at = (want === "at" ? allocateForResult : allocateScratch)("float64", size) as Float64Array;
  const data = a.data, top = best.data;
  if (native?.scanAlong(data, top, at, outer, len, inner, better === greater)) return { best, at };
  for (let o = 0; o < outer; o++) {
    const base = o * len * inner;
    const out = o * inner;
    if (inner === 1) {
      let v = data[base], w = 0;
      for (let i = 1; i < len; i++) {
        if (better(data[base + i], v)) { v = data[base + i]; w = i; }
      }
      top[out] = v;
      at[out] = w;
      continue;
    }
    top.set(data.subarray(base, base + inner), out);
    at.fill(0, out, out + inner);
    for (let i = 1; i < len; i++) {
      const row = base + i * inner;
      for (let j = 0; j < inner; j++) {
        if (better(data[row + j], top[out + j])) { top[out + j] = data[row + j]; at[out + j] = i; }
      }
    }
  }
  return { best, at };
}

function argIndex(a: NDArray, axis: number | null, keepdims: boolean, name: "argmax" | "argmin", better: Better): NDArray {
  const flat = axis === null;
  const source = flat ? a.reshape(-1) : a;
  const k = flat ? 0 : normalizeAxis(axis, a.ndim);
  if (source.shape[k] === 0) throw new Error(`attempt to get ${name} of an empty sequence`);
  const { at } = scanAlong(source, k, better, "at");
  const reduced = flat ? a.shape.map(() => true) : a.shape.map((_, j) => j === k);
  return new NDArray(at, resultShape(a.shape, reduced, keepdims), "int64");
}

function extremum(a: NDArray, axis: Axis | null, keepdims: boolean, ufunc: "maximum" | "minimum", better: Better): NDArray {
  const reduced = reducedAxes(axis, a.ndim);
  // Max and min are exact, so several axes can be reduced one at a time, last first.
  let rest = a;
  for (let k = a.ndim - 1; k >= 0; k--) {
    if (!reduced[k]) continue;
    if (a.shape[k] === 0) throw new Error(`zero-size array to reduction operation ${ufunc} which has no identity`);
    rest = scanAlong(rest, k, better, "best").best;
  }
  return (rest === a ? a.copy() : rest).reshape(resultShape(a.shape, reduced, keepdims));
}

/** np.max(a, axis=None, keepdims=False): the largest element (a number), or the largest along `axis` (an array); NaN wins. */
export function max(a: ArrayLike, options?: WholeArray<ReduceOptions>): number;
export function max(a: ArrayLike, options: AlongAxis<ReduceOptions, Axis>): NDArray;
export function max(a: ArrayLike, axis: Axis, options?: KeepdimsOption): NDArray;
export function max(a: ArrayLike, axis?: Axis | null | ReduceOptions, options?: KeepdimsOption): NDArray | number;
export function max(a: ArrayLike, axis?: Axis | null | ReduceOptions, options?: KeepdimsOption): NDArray | number {
  const o = keywords("max", REDUCE_KEYWORDS, axis, options);
  return unwrap(extremum(asarray(a), o.axis, o.keepdims, "maximum", greater), o);
}

/** np.min(a, axis=None, keepdims=False): the smallest element (a number), or the smallest along `axis` (an array); NaN wins. */
export function min(a: ArrayLike, options?: WholeArray<ReduceOptions>): number;
export function min(a: ArrayLike, options: AlongAxis<ReduceOptions, Axis>): NDArray;
export function min(a: ArrayLike, axis: Axis, options?: KeepdimsOption): NDArray;
export function min(a: ArrayLike, axis?: Axis | null | ReduceOptions, options?: KeepdimsOption): NDArray | number;
export function min(a: ArrayLike, axis?: Axis | null | ReduceOptions, options?: KeepdimsOption): NDArray | number {
  const o = keywords("min", REDUCE_KEYWORDS, axis, options);
  return unwrap(extremum(asarray(a), o.axis, o.keepdims, "minimum", less), o);
}

/** np.argmax(a, axis=None, keepdims=False): the flat index of the first largest element (a number), or the indices along `axis` (int64). */
export function argmax(a: ArrayLike, options?: WholeArray<ArgOptions>): number;
export function argmax(a: ArrayLike, options: AlongAxis<ArgOptions, number>): NDArray;
export function argmax(a: ArrayLike, axis: number, options?: KeepdimsOption): NDArray;
export function argmax(a: ArrayLike, axis?: number | null | ArgOptions, options?: KeepdimsOption): NDArray | number;
export function argmax(a: ArrayLike, axis?: number | null | ArgOptions, options?: KeepdimsOption): NDArray | number {
  const o = keywords("argmax", REDUCE_KEYWORDS, axis, options);
  return unwrap(argIndex(asarray(a), o.axis as number | null, o.keepdims, "argmax", greater), o);
}

/** np.argmin(a, axis=None, keepdims=False): the flat index of the first smallest element (a number), or the indices along `axis` (int64). */
export function argmin(a: ArrayLike, options?: WholeArray<ArgOptions>): number;
export function argmin(a: ArrayLike, options: AlongAxis<ArgOptions, number>): NDArray;
export function argmin(a: ArrayLike, axis: number, options?: KeepdimsOption): NDArray;
export function argmin(a: ArrayLike, axis?: number | null | ArgOptions, options?: KeepdimsOption): NDArray | number;
export function argmin(a: ArrayLike, axis?: number | null | ArgOptions, options?: KeepdimsOption): NDArray | number {
  const o = keywords("argmin", REDUCE_KEYWORDS, axis, options);
  return unwrap(argIndex(asarray(a), o.axis as number | null, o.keepdims, "argmin", less), o);
}
