// NumPy's indexing: `x[...]` reads (getIndex, behind NDArray.get) and `x[...] = v` writes
// (setIndex, behind NDArray.set), for the index forms TypeScript can spell:
//   a number, negative counting from the end       x.get(0), x.get(-1, 2)      x[0], x[-1, 2]
//   a Python slice written as a string              x.get(":5"), x.get("::-1")  x[:5], x[::-1]
//   integer arrays (NDArray or number[])            X.get(keys), x.get(r, y)    X[keys], x[r, y]
//   a boolean NDArray mask                          d.set([mask], 0)            d[mask] = 0
// Missing trailing indices mean ":". Reads return copies. When every index is a number the
// result is a 0-d array where NumPy gives a scalar: `.item()` turns it into a JS number.
import { NDArray, NestedList, Shape, formatShape, normalizeIndex, shapeSize, stridesOf } from "./core";
import { castValue, isFloat, isFloatStorage } from "./dtype";
import { allocateForResult } from "./memory";
import { broadcastShapes } from "./broadcast";
import { array, toElement } from "./creation";
import { native } from "./native";

export type Index = number | string | NDArray | readonly number[];

declare module "./core" {
  interface NDArray {
    /** NumPy's `x[...]` read: see the array module's README section for the index forms. */
    get(...index: Index[]): NDArray;
    /** NumPy's `x[...] = value` write, in place: `x.set([mask], 0)`, `x.set([rows, y], v)`, `x.set([0], [1, 2, 3])`. */
    set(index: Index[], value: NDArray | NestedList): this;
    /** Python's `x[0]` is `x.get(0)` here: brackets on an array are a type error naming get. */
    readonly [index: number]: UseGetNotBrackets;
  }
}

/** What `x[0]` is typed as, so that using it fails with this name in the message. */
export interface UseGetNotBrackets {
  readonly "an NDArray is indexed with x.get(i), not x[i]": never;
}

// Plain JavaScript (or a cell that ignores the type error) would read `x[0]` as undefined and go
// on quietly; the small indices a Python reader types throw instead, saying what to write.
const BRACKETS = 1024;
for (let i = -8; i < BRACKETS; i++) {
  Object.defineProperty(NDArray.prototype, i, {
    get() {
      throw new TypeError(`an NDArray is indexed with get, not [ ]: write x.get(${i}) for Python's x[${i}], and x.get(${i}, j) for x[${i}][j] or x[${i}, j]`);
    },
  });
}

// Not enumerable, as methods written in the class body are not.
Object.defineProperties(NDArray.prototype, {
  get: { value: function get(this: NDArray, ...index: Index[]): NDArray { return getIndex(this, index); }, writable: true, configurable: true },
  set: {
    value: function set(this: NDArray, index: Index[], value: NDArray | NestedList): NDArray {
      // Python's x[0] = v read as x.set(0, v): the index list is what set takes first.
      if (!Array.isArray(index)) {
        throw new TypeError(`set takes the index as a list: write x.set([${typeof index === "string" ? `"${index}"` : String(index)}], v) for Python's x[...] = v`);
      }
      setIndex(this, index, value);
      return this;
    },
    writable: true, configurable: true,
  },
});

const INVALID_INDEX =
  "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices";

interface Slice { start: number; step: number; length: number }
/** Integer indices into one axis (not yet bounds-checked), broadcast later with the others. */
interface IndexArray { values: ArrayLike<number>; shape: number[] }
/** What one axis of `a` gets once masks are expanded and missing indices filled in. */
type AxisIndex = number | Slice | IndexArray;

/**
 * The elements an index picks: the result's shape, and where in `a.data` each run of
 * `block` contiguous elements starts, in the result's row-major order.
 */
interface Selection { shape: number[]; starts: Float64Array; block: number; advanced: boolean }

export function getIndex(a: NDArray, index: Index[]): NDArray {
  const { shape, starts, block } = select(a, index);
  const out = NDArray.forResult(shape, a.dtype);
  const src = a.data, dst = out.data;
  for (let b = 0; b < starts.length; b++) {
    const from = starts[b], to = b * block;
    // A view per block costs more than a short loop; long blocks are worth a memcpy.
    if (block >= 64) dst.set(src.subarray(from, from + block), to);
    else for (let j = 0; j < block; j++) dst[to + j] = src[from + j];
  }
  return out;
}

export function setIndex(a: NDArray, index: Index[], given: NDArray | NestedList): void {
  const dst = a.data;
  const value = Array.isArray(given) ? array(given) : given;
  if (!(value instanceof NDArray)) {
    // Checked before anything is written: a string or NaN into an int array is refused, not stored as NaN or 0.
    const v = toElement(a.dtype, value);
    const mask = index.length === 1 ? index[0] : undefined;
    if (mask instanceof NDArray && mask.dtype === "bool" && sameShape(mask.shape, a.shape)) {
      // d[mask] = 0 over the whole array: every ReLU backward pass does this.
      if (isFloatStorage(dst)) fillMaskedFloat(dst, mask.data as Uint8Array, v);
      else for (let i = 0; i < dst.length; i++) if (mask.data[i]) dst[i] = v;
      return;
    }
    const { starts, block } = select(a, index);
    for (const s of starts) dst.fill(v, s, s + block);
    return;
  }
  const { shape, starts, block, advanced } = select(a, index);
  if (!broadcastsTo(value.shape, shape)) {
    throw new Error(advanced
      ? `shape mismatch: value array of shape ${formatShape(value.shape)} could not be broadcast to indexing result of shape ${formatShape(shape)}`
      : `could not broadcast input array from shape ${formatShape(value.shape)} into shape ${formatShape(shape)}`);
  }
  const from = sameShape(value.shape, shape) ? null : broadcastPositions(value.shape, shape);
  const src = value.data, float = isFloat(a.dtype);
  // The cast written inline, not as a function chosen once: a call that returns a double boxes
  // it (16 bytes of garbage per element: 48 KB per call for chapter 15's 3000 labels).
  for (let b = 0, i = 0; b < starts.length; b++) {
    for (let j = starts[b]; j < starts[b] + block; j++, i++) {
      const v = src[from ? from[i] : i];
      dst[j] = float ? v : castValue(a.dtype, v);
    }
  }
}

/**
 * dst[i] = value where mask[i] is 1, without a branch: through integer views, each word is
 * kept or replaced by an and-or with 0 or -1 (a branch on a random mask mispredicts half the
 * time: measured 1.6x slower on 300x64).
 */
function fillMaskedFloat(dst: Float32Array | Float64Array, mask: Uint8Array, value: number): void {
  if (native?.fillMasked(dst, mask, value)) return;
  const words = dst instanceof Float64Array ? 2 : 1;
  const bits = new Int32Array(dst.buffer, dst.byteOffset, dst.length * words);
  const valueBits = new Int32Array((dst instanceof Float64Array ? Float64Array.of(value) : Float32Array.of(value)).buffer);
  for (let w = 0; w < words; w++) {
    const v = valueBits[w];
    for (let i = 0, k = w; i < mask.length; i++, k += words) {
      const replace = -mask[i];
      bits[k] = (bits[k] & ~replace) | (v & replace);
    }
  }
}

function select(a: NDArray, index: Index[]): Selection {
  const pairs = pairSelection(a, index);
  if (pairs) return pairs;
  const axes = perAxis(a, index);
  const strides = stridesOf(a.shape);
  const arrayAxes = axes.flatMap((x, k) => (isIndexArray(x) ? [k] : []));
  const advanced = arrayAxes.length > 0;

  // The result's axes in groups, in output order, each with the offsets it adds to a start.
  const groups: { dims: number[]; offsets: ArrayLike<number> }[] = [];
  let base = 0;
  axes.forEach((x, k) => {
    if (typeof x === "number" && !advanced) base += normalizeIndex(x, a.shape[k], k) * strides[k];
    if (!isSlice(x)) return;
    const offsets = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) offsets[i] = (x.start + i * x.step) * strides[k];
    groups.push({ dims: [x.length], offsets });
  });
  if (advanced) {
    // The broadcast index dims go where the indexed axes were when those axes are
    // neighbours, and first otherwise; integers count as index arrays here, as in NumPy.
    const used = axes.flatMap((x, k) => (isSlice(x) ? [] : [k]));
    const neighbours = used[used.length - 1] - used[0] === used.length - 1;
    groups.splice(neighbours ? used[0] : 0, 0, advancedGroup(a, axes, used, strides));
  }
  const shape = groups.flatMap((g) => g.dims);

  // Trailing step-1 slices (full ones, then at most one partial) are one contiguous block.
  let block = 1;
  for (let k = a.ndim - 1; k >= 0; k--) {
    const x = axes[k];
    if (!isSlice(x) || x.step !== 1) break;
    groups.pop();
    base += x.start * strides[k];
    block *= x.length;
    if (x.length !== a.shape[k]) break;
  }
  return { shape, starts: startsOf(groups, base), block, advanced };
}

/** The book's x[range(n), y]: a 2-D array and two integer arrays of one length, without the general machinery. */
function pairSelection(a: NDArray, index: Index[]): Selection | null {
  if (a.ndim !== 2 || index.length !== 2) return null;
  const [rows, cols] = index;
  const isIntVector = (x: Index): x is NDArray => x instanceof NDArray && x.ndim === 1 && !isFloat(x.dtype) && x.dtype !== "bool";
  if (!isIntVector(rows) || !isIntVector(cols) || rows.size !== cols.size) return null;
  const [height, width] = a.shape;
  const [r, c] = [rows.data, cols.data];
  // Every start is written: cleared memory would cost more than the loop (300 pairs: 1.2 against 0.4 µs).
  const starts = allocateForResult("float64", rows.size) as Float64Array;
  for (let i = 0; i < starts.length; i++) {
    // Integer arrays hold integers: in-bounds indices need only the comparisons.
    const row = r[i] >= 0 && r[i] < height ? r[i] : normalizeIndex(r[i], height, 0);
    const col = c[i] >= 0 && c[i] < width ? c[i] : normalizeIndex(c[i], width, 1);
    starts[i] = row * width + col;
  }
  return { shape: [rows.size], starts, block: 1, advanced: true };
}

const isSlice = (x: AxisIndex): x is Slice => typeof x === "object" && "step" in x;
const isIndexArray = (x: AxisIndex): x is IndexArray => typeof x === "object" && "values" in x;

/** One entry per axis of `a`: masks expanded to their nonzero indices, ":" for missing ones. */
function perAxis(a: NDArray, index: Index[]): AxisIndex[] {
  const consumed = index.reduce<number>((n, ix) => n + (isMask(ix) ? ix.ndim : 1), 0);
  if (consumed > a.ndim) {
    throw new RangeError(`too many indices for array: array is ${a.ndim}-dimensional, but ${consumed} were indexed`);
  }
  const axes: AxisIndex[] = [];
  for (const ix of index) {
    const k = axes.length;
    if (typeof ix === "number") {
      if (!Number.isInteger(ix)) throw new TypeError(INVALID_INDEX);
      axes.push(ix);
    } else if (typeof ix === "string") {
      axes.push(parseSlice(ix, a.shape[k]));
    } else if (isMask(ix)) {
      axes.push(...maskIndices(ix, a.shape, k));
    } else {
      axes.push(indexArray(ix));
    }
  }
  for (let k = axes.length; k < a.ndim; k++) axes.push({ start: 0, step: 1, length: a.shape[k] });
  return axes;
}

function isMask(ix: Index): ix is NDArray {
  return ix instanceof NDArray && ix.dtype === "bool";
}

function indexArray(ix: NDArray | readonly number[]): number | IndexArray {
  if (ix instanceof NDArray) {
    if (isFloat(ix.dtype)) throw new TypeError("arrays used as indices must be of integer (or boolean) type");
    return ix.ndim === 0 ? ix.data[0] : { values: ix.data, shape: ix.shape };
  }
  if (!Array.isArray(ix) || !ix.every(Number.isInteger)) throw new TypeError(INVALID_INDEX);
  return { values: ix, shape: [ix.length] };
}

/** A boolean mask over axes k, k+1, ... becomes one index array per axis (NumPy's nonzero). */
function maskIndices(mask: NDArray, shape: Shape, k: number): IndexArray[] {
  if (mask.ndim === 0) throw new TypeError("0-d boolean indices are not supported");
  mask.shape.forEach((d, j) => {
    if (d !== shape[k + j]) {
      throw new RangeError(`boolean index did not match indexed array along axis ${k + j}; size of axis is ${shape[k + j]} but size of corresponding boolean axis is ${d}`);
    }
  });
  let count = 0;
  for (let i = 0; i < mask.size; i++) count += mask.data[i];
  const perAxisIndices = mask.shape.map(() => new Float64Array(count));
  const strides = stridesOf(mask.shape);
  for (let i = 0, n = 0; i < mask.size; i++) {
    if (!mask.data[i]) continue;
    mask.shape.forEach((d, j) => (perAxisIndices[j][n] = Math.floor(i / strides[j]) % d));
    n++;
  }
  return perAxisIndices.map((values) => ({ values, shape: [count] }));
}

/** A Python slice "start:stop:step", resolved against an axis of `length` like slice.indices(). */
function parseSlice(text: string, length: number): Slice {
  const m = /^\s*([+-]?\d+)?\s*:\s*([+-]?\d+)?\s*(?::\s*([+-]?\d+)?\s*)?$/.exec(text);
  if (!m) throw new TypeError(INVALID_INDEX);
  const step = m[3] === undefined ? 1 : Number(m[3]);
  if (step === 0) throw new RangeError("slice step cannot be zero");
  // Bounds are clamped into [lower, upper]; a backward slice may stop just before 0.
  const [lower, upper] = step > 0 ? [0, length] : [-1, length - 1];
  const clamp = (bound: string | undefined, otherwise: number): number => {
    if (bound === undefined) return otherwise;
    const b = Number(bound);
    return Math.min(Math.max(b < 0 ? b + length : b, lower), upper);
  };
  const start = clamp(m[1], step > 0 ? lower : upper);
  const stop = clamp(m[2], step > 0 ? upper : lower);
  const span = step > 0 ? stop - start : start - stop;
  return { start, step, length: span > 0 ? Math.ceil(span / Math.abs(step)) : 0 };
}

/** The index arrays (and integers) broadcast together, as offsets into `a.data`. */
function advancedGroup(a: NDArray, axes: AxisIndex[], used: number[], strides: number[]) {
  const arrays = used.map((k): IndexArray => {
    const x = axes[k] as number | IndexArray;
    return typeof x === "number" ? { values: [x], shape: [] } : x;
  });
  let dims: number[];
  try {
    dims = broadcastShapes(...arrays.map((x) => x.shape));
  } catch {
    throw new RangeError(`shape mismatch: indexing arrays could not be broadcast together with shapes ${arrays.map((x) => formatShape(x.shape)).join(" ")} `);
  }
  const offsets = new Float64Array(shapeSize(dims));
  arrays.forEach(({ values, shape }, i) => {
    const k = used[i];
    const from = sameShape(shape, dims) ? null : broadcastPositions(shape, dims);
    for (let p = 0; p < offsets.length; p++) {
      offsets[p] += normalizeIndex(values[from ? from[p] : p], a.shape[k], k) * strides[k];
    }
  });
  return { dims, offsets };
}

/** Every sum of `base` and one offset from each group, in row-major order of the groups. */
function startsOf(groups: { offsets: ArrayLike<number> }[], base: number): Float64Array {
  let starts = Float64Array.of(base);
  for (const { offsets } of groups) {
    const next = new Float64Array(starts.length * offsets.length);
    let i = 0;
    for (const s of starts) for (let j = 0; j < offsets.length; j++) next[i++] = s + offsets[j];
    starts = next;
  }
  return starts;
}

function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, k) => d === b[k]);
}

function broadcastsTo(shape: Shape, target: Shape): boolean {
  const lead = target.length - shape.length;
  return lead >= 0 && shape.every((d, k) => d === 1 || d === target[lead + k]);
}

/** For each element of `target` in row-major order, its source in an array of `shape` broadcast to it. */
function broadcastPositions(shape: Shape, target: Shape): Float64Array {
  const lead = target.length - shape.length;
  const own = stridesOf(shape);
  const strides = target.map((_, k) => (k < lead || shape[k - lead] === 1 ? 0 : own[k - lead]));
  return stridedOffsets(target, strides);
}

/** Row-major walk of `dims`: for each position, the sum of index × stride. */
export function stridedOffsets(dims: Shape, strides: readonly number[]): Float64Array {
  const offsets = allocateForResult("float64", shapeSize(dims)) as Float64Array;
  const last = dims.length - 1;
  if (last < 0) return offsets.fill(0);  // a 0-d walk: its one position is 0
  const idx: number[] = dims.map(() => 0);
  for (let i = 0, o = 0; i < offsets.length; ) {
    for (let j = 0; j < dims[last]; j++) offsets[i++] = o + j * strides[last];
    for (let k = last - 1; k >= 0; k--) {
      o += strides[k];
      if (++idx[k] < dims[k]) break;
      o -= strides[k] * dims[k];
      idx[k] = 0;
    }
  }
  return offsets;
}
