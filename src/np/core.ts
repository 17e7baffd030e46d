// The array itself: a dtype, a shape and one contiguous row-major typed array.
// Everything else (ufuncs, reductions, dot, indexing, printing) is a function over
// this small class, the way NumPy splits its core from its ufuncs. The methods that belong to
// another module are added by it (get and set by indexing.ts, toString and the REPL's form by
// printing/), so that the imports run one way: those modules build on this one.
import { DType, STORAGE, Storage, allocate, castValue, checkDType } from "./dtype";
import { allocateForResult } from "./memory";
import { native } from "./native";
import { float, formatNumber } from "./printing/python-format";

export type Shape = readonly number[];
export type NestedList = number | boolean | NestedList[];

export class NDArray {
  readonly shape: number[];
  readonly dtype: DType;
  /** The elements; null while this array is an x.T nothing has read yet (see T). */
  private stored: Storage | null;
  /** While this array is an x.T nothing has read yet: x. */
  private unreadTransposeOf: NDArray | null;

  constructor(data: Storage, shape: Shape, dtype: DType);
  /** x.T before anything reads it (see T). */
  constructor(data: null, shape: Shape, dtype: DType, transposeOf: NDArray);
  constructor(data: Storage | null, shape: Shape, dtype: DType, transposeOf: NDArray | null = null) {
    const size = data === null ? transposeOf?.size : data.length;  // (size does not read an x.T's elements)
    if (size !== shapeSize(shape)) {
      throw new Error(`cannot create array of shape ${formatShape(shape)} from ${size} elements`);
    }
    this.shape = [...shape];
    this.dtype = dtype;
    this.stored = data;
    this.unreadTransposeOf = transposeOf;
  }

  /** The elements, one contiguous row-major typed array. */
  get data(): Storage {
    return this.stored ?? this.copyTransposed();
  }

  /** A new zero-filled array. */
  static empty(shape: Shape, dtype: DType): NDArray {
    return new NDArray(allocating(shape, dtype, allocate), shape, dtype);
  }

  /** A new array for a result that writes every element: its memory is not cleared (see allocateForResult). */
  static forResult(shape: Shape, dtype: DType): NDArray {
    return new NDArray(allocating(shape, dtype, allocateForResult), shape, dtype);
  }

  /** x.ndim: the number of dimensions. */
  get ndim(): number { return this.shape.length; }
  /** x.size: the number of elements. */
  get size(): number { return this.stored === null ? shapeSize(this.shape) : this.stored.length; }

  /**
   * x.T, the transpose. NumPy's is a view of x, and a product reads it in place: the book's
   * backward pass multiplies by inputs.T and weights.T every step, and a Fashion-MNIST step spent
   * ~0.25 ms of its ~2 ms copying them. Here too np.dot reads x.T in place (see transposed());
   * anything else that reads its elements copies them the first time. So until it is read x.T
   * shows changes made to x, as NumPy's view does, and once read it is a copy that does not.
   */
  get T(): NDArray {
    if (this.ndim !== 2) return this.transpose();
    return new NDArray(null, [this.shape[1], this.shape[0]], this.dtype, this);
  }

  /** If this array is an x.T nothing has read yet, x (np.dot reads it in place); else null. */
  transposed(): NDArray | null {
    return this.stored === null ? this.unreadTransposeOf : null;
  }

  /**
   * The elements for np.dot, which leaves an x.T unread whether the kernel reads x in place or
   * not (without the kernels, or for a shape it does not pack): for an unread x.T, a transposed
   * copy of x's elements made for this one reading.
   */
  elementsForProduct(): Storage {
    // Only an unread x.T has no elements stored, and it has its x (the constructor sees to both).
    return this.stored ?? transpose2d(this.unreadTransposeOf as NDArray).data;
  }

  private copyTransposed(): Storage {
    this.stored = this.elementsForProduct();
    this.unreadTransposeOf = null;
    return this.stored;
  }

  /** x.transpose(*axes): the axes reversed, or put in the order given (a copy). */
  transpose(...axes: number[]): NDArray {
    const n = this.ndim;
    // The count first, as NumPy checks it: transpose(0, 1) of a 1-D array has too many axes, not axis 1 out of range.
    if (axes.length && axes.length !== n) throw new Error("axes don't match array");
    const order = axes.length ? axes.map((a) => normalizeAxis(a, n)) : [...Array(n).keys()].reverse();
    if (new Set(order).size !== n) throw new Error("repeated axis in transpose");
    if (n < 2) return this.copy();
    if (n === 2 && order[0] === 1) return transpose2d(this);
    const outShape = order.map((a) => this.shape[a]);
    const out = NDArray.forResult(outShape, this.dtype);
    const inStrides = stridesOf(this.shape);
    const strides = order.map((a) => inStrides[a]);
    const idx = new Array(n).fill(0);
    for (let i = 0; i < out.size; i++) {
      let src = 0;
      for (let k = 0; k < n; k++) src += idx[k] * strides[k];
      out.data[i] = this.data[src];
      for (let k = n - 1; k >= 0 && ++idx[k] === outShape[k]; k--) idx[k] = 0;
    }
    return out;
  }

  /** x.reshape(shape): the same data in a new shape, one dimension of which may be -1: reshape([2, 3]) or reshape(2, 3). */
  reshape(shape: Shape): NDArray;
  reshape(...shape: number[]): NDArray;
  reshape(...shape: (number | Shape)[]): NDArray {
    const dims = shape.length === 1 && Array.isArray(shape[0]) ? [...(shape[0] as Shape)] : (shape as number[]);
    return new NDArray(this.data, resolveShape(dims, this.size), this.dtype);
  }

  /** x.astype(dtype): a copy converted to dtype (NumPy's unsafe cast: floats truncate towards 0). */
  astype(dtype: DType): NDArray {
    checkDType(dtype);
    const out = NDArray.forResult(this.shape, dtype);
    if (dtype === "bool" || dtype === "int32" || dtype === "int64" || dtype === "uint8") {
      for (let i = 0; i < this.size; i++) out.data[i] = castValue(dtype, this.data[i]);
    } else {
      out.data.set(this.data);
    }
    return out;
  }

  /** x.copy(): a new array with its own data. */
  copy(): NDArray {
    // Not data.slice(): that asks V8 for cleared memory, then writes every element twice.
    const out = NDArray.forResult(this.shape, this.dtype);
    out.data.set(this.data);
    return out;
  }

  /** Nested JS arrays of numbers (booleans for a bool array), like ndarray.tolist(). */
  tolist(): NestedList {
    const asValue = this.dtype === "bool" ? (v: number) => v !== 0 : (v: number) => v;
    const build = (dim: number, offset: number): NestedList => {
      if (dim === this.ndim) return asValue(this.data[offset]);
      const step = shapeSize(this.shape.slice(dim + 1));
      return Array.from({ length: this.shape[dim] }, (_, i) => build(dim + 1, offset + i * step));
    };
    return build(0, 0);
  }

  /** One element as a JS number (or boolean): item() for a one-element array, item(i) by flat index, item(i, j) by position. */
  item(...index: number[]): number | boolean {
    index.forEach(checkInteger);
    let flat: number;
    if (index.length === 0) {
      if (this.size !== 1) throw new Error("can only convert an array of size 1 to a Python scalar");
      flat = 0;
    } else if (index.length === 1) {
      flat = index[0];
      if (flat < -this.size || flat >= this.size) throw new RangeError(`index ${flat} is out of bounds for size ${this.size}`);
      if (flat < 0) flat += this.size;
    } else {
      if (index.length !== this.ndim) throw new Error("incorrect number of indices for array");
      const strides = stridesOf(this.shape);
      flat = index.reduce((acc, ix, k) => acc + normalizeIndex(ix, this.shape[k], k) * strides[k], 0);
    }
    const v = this.data[flat];
    return this.dtype === "bool" ? v !== 0 : v;
  }
}

/**
 * Storage for an array of `shape`, or NumPy's MemoryError words where JavaScript would say
 * "Invalid typed array length" or "Array buffer allocation failed".
 */
function allocating(shape: Shape, dtype: DType, make: (dtype: DType, size: number) => Storage): Storage {
  const size = shapeSize(shape);
  try {
    return make(dtype, size);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const bytes = size * STORAGE[dtype].BYTES_PER_ELEMENT;
    throw new Error(`Unable to allocate ${bytesText(bytes)} for an array with shape ${formatShape(shape, ", ")} and data type ${dtype}`);
  }
}

/** A byte count as NumPy's MemoryError writes it (its _size_to_string): 7.28 TiB, 728. TiB, 1024. EiB. */
function bytesText(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
  let unit = Math.floor(Math.max(Math.floor(Math.log2(bytes)), 1) / 10);
  let n = bytes / 2 ** (unit * 10);
  // The unit that is right after rounding: 1023.9 GiB is 1.00 TiB.
  if (Math.round(n) === 1024) {
    unit++;
    n /= 1024;
  }
  if (unit >= units.length) {
    n *= 2 ** ((unit - units.length + 1) * 10);
    unit = units.length - 1;
  }
  if (unit === 0) return `${n.toFixed(0)} bytes`;
  return `${formatNumber(float(n), Math.round(n) < 1000 ? "#.3g" : "#.0f")} ${units[unit]}`;
}

export function shapeSize(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/**
 * A shape as NumPy's messages write it: `(2,3)` in its C errors (the default), `(2, 3)` where
 * Python prints the tuple (`separator` ", "); a 1-tuple keeps its comma, `(3,)`.
 */
export function formatShape(shape: Shape, separator: "," | ", " = ","): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(separator)})`;
}

export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    strides[k] = s;
    s *= shape[k];
  }
  return strides;
}

/** The type name Python would give a JS value. */
export function pythonTypeName(value: unknown): string {
  if (typeof value === "number") return "float";
  if (typeof value === "string") return "str";
  if (typeof value === "boolean") return "bool";
  if (value === null || value === undefined) return "NoneType";
  return Array.isArray(value) ? "list" : typeof value;
}

/** Refuses what Python's operator.index refuses where a count, axis or dimension is wanted: a float, a str, None. */
export function checkInteger(value: unknown): number {
  if (!Number.isInteger(value)) throw new TypeError(`'${pythonTypeName(value)}' object cannot be interpreted as an integer`);
  return value as number;
}

/** An axis argument, negative counting from the end, checked like NumPy. */
export function normalizeAxis(axis: number, ndim: number): number {
  if (checkInteger(axis) < -ndim || axis >= ndim) {
    throw new RangeError(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

export function normalizeIndex(index: number, length: number, axis: number): number {
  if (!Number.isInteger(index) || index < -length || index >= length) {
    throw new RangeError(`index ${index} is out of bounds for axis ${axis} with size ${length}`);
  }
  return index < 0 ? index + length : index;
}

function resolveShape(dims: number[], size: number): number[] {
  dims.forEach(checkInteger);
  // NumPy takes any negative dimension as the unknown one.
  const unknown = dims.findIndex((d) => d < 0);
  if (dims.filter((d) => d < 0).length > 1) throw new Error("can only specify one unknown dimension");
  const known = dims.reduce((p, d, k) => (k === unknown ? p : p * d), 1);
  const out = [...dims];
  if (unknown >= 0 && known > 0 && size % known === 0) out[unknown] = size / known;
  if (shapeSize(out) !== size || out.some((d) => d < 0)) {
    throw new Error(`cannot reshape array of size ${size} into shape ${formatShape(dims)}`);
  }
  return out;
}

function transpose2d(a: NDArray): NDArray {
  const [rows, cols] = a.shape;
  const out = NDArray.forResult([cols, rows], a.dtype);
  const src = a.data, dst = out.data;
  if (native?.transpose2d(src, dst, rows, cols)) return out;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) dst[j * rows + i] = src[i * cols + j];
  }
  return out;
}
