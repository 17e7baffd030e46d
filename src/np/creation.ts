// NumPy's array creation routines: np.array (with its dtype inference and its error for
// ragged input), zeros/ones/full and their *_like forms, eye, arange, linspace, diagflat.
// zeros(shape) and eye(n) read config.defaultFloat, the way nnfs.init() patches them.
import { NDArray, NestedList, Shape } from "./core";
import { DType, Storage, allocate, castValue, checkDType, isInteger, promoteTypes } from "./dtype";
import { config } from "./config";
import { sameShape } from "./broadcast";

// Array data comes from C's malloc. glibc hands large blocks back to the OS as soon as they are
// free (above 128 KB), so each new 300x64 array refaulted its pages: measured 40-60 µs per
// 77 KB allocation against 7 µs. Freeing one large block raises glibc's own thresholds to that
// block's size (its documented dynamic mmap threshold), after which freed memory is reused.
// One 31 MB buffer, dropped at once and freed by the next garbage collection, does that.
new ArrayBuffer(31 << 20);

/** Anything np.array accepts: an array, nested lists of numbers/booleans/arrays, or a typed array. */
export type ArrayLike = NDArray | NestedList | NDArray[] | Storage;
/** A dtype given positionally (`'float32'`) or as Python's keyword (`{ dtype: 'float32' }`). */
export type DTypeArg = DType | { dtype?: DType } | undefined;

export function dtypeOf(arg: DTypeArg): DType | undefined {
  const name = typeof arg === "object" ? arg.dtype : arg;
  return name === undefined ? undefined : checkDType(name);
}

/** np.array: always a new array. */
export function array(object: ArrayLike, dtype?: DTypeArg): NDArray {
  const wanted = dtypeOf(dtype);
  if (object instanceof NDArray) return object.astype(wanted ?? object.dtype);
  if (ArrayBuffer.isView(object)) {
    const own = storageDType(object);
    return new NDArray(object.slice(), [object.length], own).astype(wanted ?? own);
  }
  return fromNested(object, wanted);
}

/** np.asarray: the same array when it already has the dtype asked for. */
export function asarray(object: ArrayLike, dtype?: DTypeArg): NDArray {
  const wanted = dtypeOf(dtype);
  if (object instanceof NDArray && (wanted === undefined || wanted === object.dtype)) return object;
  return array(object, wanted);
}

function storageDType(data: Storage): DType {
  if (data instanceof Float32Array) return "float32";
  if (data instanceof Int32Array) return "int32";
  if (data instanceof Uint8Array) return "uint8";
  return "float64";
}

type Node = NDArray | NestedList;

/**
 * Walks the nested lists level by level, like NumPy's shape discovery: a level adds a
 * dimension when every node on it is a list of one common length (or an array of one
 * common shape); the last level holds the elements in row-major order.
 */
function fromNested(object: NestedList | NDArray[], wanted: DType | undefined): NDArray {
  const shape: number[] = [];
  let level: Node[] = [object as Node];
  let leafArrays: NDArray[] | undefined;
  while (level.length > 0 && Array.isArray(level[0])) {
    const length = (level[0] as Node[]).length;
    if (!level.every((n) => Array.isArray(n) && n.length === length)) throw inhomogeneous(shape);
    shape.push(length);
    const next: Node[] = [];
    for (const n of level as Node[][]) for (const child of n) next.push(child);
    level = next;
    if (level.length > 0 && level.every((n) => n instanceof NDArray && sameShape(n.shape, (level[0] as NDArray).shape))) {
      leafArrays = level as NDArray[];
      break;
    }
    level = level.map((n) => (n instanceof NDArray ? n.tolist() : n));
  }
  if (leafArrays) return stackLeafArrays(leafArrays, shape, wanted);
  if (level.some((n) => Array.isArray(n))) throw inhomogeneous(shape);
  const leaves = level as (number | boolean)[];
  const dtype = wanted ?? inferDType(leaves);
  const data = allocate(dtype, leaves.length);
  for (let i = 0; i < leaves.length; i++) {
    const v = leaves[i];
    if (typeof v !== "number" && typeof v !== "boolean") throw new TypeError(`cannot make an array element from ${String(v)}`);
    if (typeof v === "number") checkPythonInt(dtype, v);
    data[i] = castValue(dtype, +v);
  }
  return new NDArray(data, shape, dtype);
}

function stackLeafArrays(parts: NDArray[], outer: number[], wanted: DType | undefined): NDArray {
  const dtype = wanted ?? parts.map((p) => p.dtype).reduce(promoteTypes);
  const out = NDArray.empty([...outer, ...parts[0].shape], dtype);
  parts.forEach((p, i) => out.data.set(p.astype(dtype).data, i * p.size));
  return out;
}

const INT_RANGE: Partial<Record<DType, [number, number]>> = {
  uint8: [0, 255],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [-(2 ** 63), 2 ** 63 - 1],
};

/** True when an integral JS number (a Python int) fits the integer dtype (or dtype is not integer). */
export function fitsDType(dtype: DType, v: number): boolean {
  const range = INT_RANGE[dtype];
  return !range || !Number.isInteger(v) || (v >= range[0] && v <= range[1]);
}

/** NumPy 2 refuses to store a Python int that the integer dtype cannot hold. */
export function checkPythonInt(dtype: DType, v: number): void {
  if (!fitsDType(dtype, v)) throw new RangeError(`Python integer ${v} out of bounds for ${dtype}`);
}

/** Python bool -> bool, all integral numbers -> int64, any other number -> float64. */
function inferDType(leaves: (number | boolean)[]): DType {
  if (leaves.length === 0) return "float64";
  let dtype: DType = "bool";
  for (const v of leaves) {
    if (typeof v === "boolean") continue;
    if (!Number.isInteger(v)) return "float64";
    dtype = "int64";
  }
  return dtype;
}

/** A shape as Python prints a tuple, which is how NumPy's ragged-input error shows it. */
export function pythonTuple(shape: Shape): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

function inhomogeneous(shape: Shape): Error {
  return new Error(
    "setting an array element with a sequence. The requested array has an inhomogeneous shape after " +
      `${shape.length} dimensions. The detected shape was ${pythonTuple(shape)} + inhomogeneous part.`,
  );
}

function toShape(shape: number | Shape): number[] {
  const dims = typeof shape === "number" ? [shape] : [...shape];
  if (dims.some((d) => d < 0)) throw new Error("negative dimensions are not allowed");
  return dims;
}

/** np.zeros; without a dtype it gives config.defaultFloat (float32 after nnfs.init()). */
export function zeros(shape: number | Shape, dtype?: DTypeArg): NDArray {
  return NDArray.empty(toShape(shape), dtypeOf(dtype) ?? config.defaultFloat);
}

export function ones(shape: number | Shape, dtype?: DTypeArg): NDArray {
  return full(shape, 1, dtypeOf(dtype) ?? "float64");
}

/** np.full: without a dtype it takes the fill value's (bool, int64 or float64). */
export function full(shape: number | Shape, fill_value: number | boolean, dtype?: DTypeArg): NDArray {
  const type = dtypeOf(dtype) ?? inferDType([fill_value]);
  const out = NDArray.empty(toShape(shape), type);
  out.data.fill(castValue(type, +fill_value));
  return out;
}

export function zeros_like(a: ArrayLike, dtype?: DTypeArg): NDArray {
  const base = asarray(a);
  return NDArray.empty(base.shape, dtypeOf(dtype) ?? base.dtype);
}

/** np.empty_like: NumPy leaves the memory uninitialised; here it is zeros. */
export function empty_like(a: ArrayLike, dtype?: DTypeArg): NDArray {
  return zeros_like(a, dtype);
}

export function ones_like(a: ArrayLike, dtype?: DTypeArg): NDArray {
  const base = asarray(a);
  return full(base.shape, 1, dtypeOf(dtype) ?? base.dtype);
}

export interface EyeOptions {
  M?: number | null;
  k?: number;
  dtype?: DType;
}

/**
 * np.eye(N, M?, k?, dtype?), keywords in a trailing options object: eye(4, { k: -1 }).
 * nnfs.init() patches only calls with N alone and no dtype, so eye(n) follows
 * config.defaultFloat while eye(n, m) stays float64.
 */
export function eye(N: number, ...rest: (number | null | DType | EyeOptions | undefined)[]): NDArray {
  const last = rest[rest.length - 1];
  const options: EyeOptions = typeof last === "object" && last !== null ? last : {};
  const positional = rest.filter((a) => typeof a !== "object" || a === null) as (number | null | DType)[];
  const [M = options.M ?? null, k = options.k ?? 0, dtype = options.dtype] = positional as [number | null, number, DType];
  const cols = M ?? N;
  const type = dtypeOf(dtype) ?? (positional.length === 0 ? config.defaultFloat : "float64");
  const out = NDArray.empty(toShape([N, cols]), type);
  for (let i = Math.max(0, -k); i < N && i + k < cols; i++) out.data[i * cols + i + k] = 1;
  return out;
}

/**
 * np.arange(stop) / arange(start, stop, step?). Integral arguments give int64, others
 * float64. Values follow NumPy's fill, in the result's dtype: first = start, second =
 * start + step, then first + i*delta with delta = second - first.
 */
export function arange(start: number, stop?: number | DTypeArg, step?: number | DTypeArg, dtype?: DTypeArg): NDArray {
  const args = [start, stop, step].filter((a): a is number => typeof a === "number");
  const given = dtypeOf([stop, step, dtype].find((a) => a !== undefined && typeof a !== "number") as DTypeArg);
  const [from, to, by] = args.length === 1 ? [0, args[0], 1] : [args[0], args[1], args[2] ?? 1];
  if (by === 0) throw new Error("Maximum allowed size exceeded");
  const length = Math.max(0, Math.ceil((to - from) / by));
  const type = given ?? inferDType([from, to, by]);
  const out = NDArray.empty([length], type);
  const cast = (v: number): number => castValue(type, v);
  const first = cast(from), second = cast(from + by), delta = cast(second - first);
  for (let i = 0; i < length; i++) out.data[i] = i === 1 ? second : cast(first + cast(i * delta));
  return out;
}

export interface LinspaceOptions {
  num?: number;
  endpoint?: boolean;
  dtype?: DType;
}

/** np.linspace by NumPy's formula: arange(num) * step + start, the last element set to stop. */
export function linspace(start: number, stop: number, num: number | LinspaceOptions = 50, options: LinspaceOptions = {}): NDArray {
  const opts = typeof num === "object" ? num : { ...options, num };
  const count = opts.num ?? 50;
  const endpoint = opts.endpoint ?? true;
  if (count < 0) throw new Error(`Number of samples, ${count}, must be non-negative.`);
  const div = endpoint ? count - 1 : count;
  const delta = stop - start;
  const step = div > 0 ? delta / div : NaN;
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    y[i] = (div > 0 ? (step === 0 ? (i / div) * delta : i * step) : i * delta) + start;
  }
  if (endpoint && count > 1) y[count - 1] = stop;
  const type = opts.dtype ?? "float64";
  // NumPy floors before casting to an integer dtype (a plain cast would truncate towards 0).
  const values = isInteger(type) ? y.map(Math.floor) : y;
  return new NDArray(values, [count], "float64").astype(type);
}

/** np.diagflat(v, k=0): the flattened input on the k-th diagonal of a square array. */
export function diagflat(v: ArrayLike, k = 0): NDArray {
  const values = asarray(v);
  const n = values.size + Math.abs(k);
  const out = NDArray.empty([n, n], values.dtype);
  const row = Math.max(0, -k), col = Math.max(0, k);
  for (let i = 0; i < values.size; i++) out.data[(row + i) * n + col + i] = values.data[i];
  return out;
}

