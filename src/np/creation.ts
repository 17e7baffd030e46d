// NumPy's array creation routines: np.array (with its dtype inference and its error for
// ragged input), zeros/ones/full and their *_like forms, eye, arange, linspace, diagflat.
// zeros(shape) and eye(n) read config.defaultFloat, the way nnfs.init() patches them.
import { NDArray, NestedList, Shape, checkInteger, formatShape } from "./core";
import { DType, Storage, allocate, castValue, checkDType, isInteger, promoteTypes } from "./dtype";
import { config } from "./config";
import { sameShape } from "./broadcast";
import { checkKeywords } from "./keywords";

/** Anything np.array accepts: an array, nested lists of numbers/booleans/arrays, or a typed array. */
export type ArrayLike = NDArray | NestedList | NDArray[] | Storage;

/** Python's `dtype=` keyword. */
export interface DTypeOption {
  /** The result's dtype: 'float32', 'float64', 'int32', 'int64', 'uint8' or 'bool'. */
  dtype?: DType;
}

/** A dtype given positionally (`'float32'`) or as the keyword (`{ dtype: 'float32' }`), checked. */
function dtypeArg(callee: string, arg: DType | DTypeOption | null | undefined): DType | undefined {
  if (typeof arg === "object" && arg !== null) checkKeywords(callee, arg, ["dtype"]);
  const name = typeof arg === "object" && arg !== null ? arg.dtype : arg;
  return name === undefined || name === null ? undefined : checkDType(name);
}

/** np.array: a new array from nested lists, an array or a typed array (always a copy). */
export function array(object: ArrayLike, dtype?: DType): NDArray;
export function array(object: ArrayLike, options: DTypeOption): NDArray;
export function array(object: ArrayLike, dtype?: DType | DTypeOption): NDArray {
  const wanted = dtypeArg("array", dtype);
  if (object instanceof NDArray) return object.astype(wanted ?? object.dtype);
  if (ArrayBuffer.isView(object)) {
    const own = storageDType(object);
    return new NDArray(object.slice(), [object.length], own).astype(wanted ?? own);
  }
  return fromNested(object, wanted);
}

/** np.asarray: like np.array, but the input itself when it is already an array of the dtype asked for. */
export function asarray(object: ArrayLike, dtype?: DType): NDArray;
export function asarray(object: ArrayLike, options: DTypeOption): NDArray;
export function asarray(object: ArrayLike, dtype?: DType | DTypeOption): NDArray {
  const wanted = dtypeArg("asarray", dtype);
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
  for (let i = 0; i < leaves.length; i++) data[i] = toElement(dtype, leaves[i]);
  return new NDArray(data, shape, dtype);
}

/** A JS value as an element of `dtype`, refused (as NumPy refuses it) when it is not a number or boolean or does not fit. */
export function toElement(dtype: DType, v: unknown): number {
  if (typeof v !== "number" && typeof v !== "boolean") throw new TypeError(`cannot make an array element from ${String(v)}`);
  if (typeof v === "number" && isInteger(dtype) && !Number.isFinite(v)) {
    throw new RangeError(`cannot convert float ${Number.isNaN(v) ? "NaN" : "infinity"} to integer (dtype ${dtype})`);
  }
  if (typeof v === "number") checkPythonInt(dtype, v);
  return castValue(dtype, +v);
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

function inhomogeneous(shape: Shape): Error {
  return new Error(
    "setting an array element with a sequence. The requested array has an inhomogeneous shape after " +
      `${shape.length} dimensions. The detected shape was ${formatShape(shape, ", ")} + inhomogeneous part.`,
  );
}

/** A shape argument (one dimension or a list of them) checked as NumPy checks it. */
export function toShape(shape: number | Shape): number[] {
  if (shape === null || shape === undefined) throw new TypeError("Use () not None as shape arguments");
  if (typeof shape === "number" && !Number.isInteger(shape)) {
    throw new TypeError(`expected a sequence of integers or a single integer, got '${shape}'`);
  }
  const dims = typeof shape === "object" ? [...shape] : [shape];
  dims.forEach(checkInteger);
  if (dims.some((d) => d < 0)) throw new Error("negative dimensions are not allowed");
  return dims;
}

/** np.zeros: an array of zeros; without a dtype, config.defaultFloat (float32 after nnfs.init(), else float64). */
export function zeros(shape: number | Shape, dtype?: DType): NDArray;
export function zeros(shape: number | Shape, options: DTypeOption): NDArray;
export function zeros(shape: number | Shape, dtype?: DType | DTypeOption): NDArray {
  return NDArray.empty(toShape(shape), dtypeArg("zeros", dtype) ?? config.defaultFloat);
}

/** np.ones: an array of ones (float64 without a dtype). */
export function ones(shape: number | Shape, dtype?: DType): NDArray;
export function ones(shape: number | Shape, options: DTypeOption): NDArray;
export function ones(shape: number | Shape, dtype?: DType | DTypeOption): NDArray {
  return filled(shape, 1, dtypeArg("ones", dtype) ?? "float64");
}

/** np.full: an array filled with fill_value; without a dtype, the value's (bool, int64 or float64). */
export function full(shape: number | Shape, fill_value: number | boolean, dtype?: DType): NDArray;
export function full(shape: number | Shape, fill_value: number | boolean, options: DTypeOption): NDArray;
export function full(shape: number | Shape, fill_value: number | boolean, dtype?: DType | DTypeOption): NDArray {
  return filled(shape, fill_value, dtypeArg("full", dtype) ?? inferDType([fill_value]));
}

function filled(shape: number | Shape, value: number | boolean, dtype: DType): NDArray {
  const element = toElement(dtype, value);
  const out = NDArray.empty(toShape(shape), dtype);
  out.data.fill(element);
  return out;
}

/** np.zeros_like: zeros of a's shape and (without a dtype) a's dtype. */
export function zeros_like(a: ArrayLike, dtype?: DType): NDArray;
export function zeros_like(a: ArrayLike, options: DTypeOption): NDArray;
export function zeros_like(a: ArrayLike, dtype?: DType | DTypeOption): NDArray {
  const base = asarray(a);
  return NDArray.empty(base.shape, dtypeArg("zeros_like", dtype) ?? base.dtype);
}

/** np.empty_like: an array of a's shape and dtype; NumPy leaves its memory uninitialised, here it is zeros. */
export function empty_like(a: ArrayLike, dtype?: DType): NDArray;
export function empty_like(a: ArrayLike, options: DTypeOption): NDArray;
export function empty_like(a: ArrayLike, dtype?: DType | DTypeOption): NDArray {
  const base = asarray(a);
  return NDArray.empty(base.shape, dtypeArg("empty_like", dtype) ?? base.dtype);
}

/** np.ones_like: ones of a's shape and (without a dtype) a's dtype. */
export function ones_like(a: ArrayLike, dtype?: DType): NDArray;
export function ones_like(a: ArrayLike, options: DTypeOption): NDArray;
export function ones_like(a: ArrayLike, dtype?: DType | DTypeOption): NDArray {
  const base = asarray(a);
  return filled(base.shape, 1, dtypeArg("ones_like", dtype) ?? base.dtype);
}

/** The keywords np.eye takes after M. */
export interface EyeKeywords extends DTypeOption {
  /** The diagonal: 0 the main one, positive above it, negative below. */
  k?: number;
}

/** Keywords of np.eye. */
export interface EyeOptions extends EyeKeywords {
  /** The number of columns; null (the default) for N. */
  M?: number | null;
}

/**
 * np.eye(N, M=None, k=0, dtype=float): ones on the k-th diagonal of an N x M array.
 * nnfs.init() patches only calls with N alone and no dtype, so eye(n) follows
 * config.defaultFloat while eye(n, m) stays float64.
 */
export function eye(N: number, options?: EyeOptions): NDArray;
export function eye(N: number, M: number | null, options?: EyeKeywords): NDArray;
export function eye(N: number, M: number | null, k: number, dtype?: DType | DTypeOption): NDArray;
export function eye(N: number, M?: number | null | EyeOptions, k?: number | EyeKeywords, dtype?: DType | DTypeOption): NDArray {
  // The first object is the keywords; the arguments before it are positional.
  const args = [M, k, dtype];
  const at = args.findIndex((a) => typeof a === "object" && a !== null);
  const positional = (at < 0 ? args : args.slice(0, at)).filter((a) => a !== undefined);
  const options = (at < 0 ? {} : args[at]) as EyeOptions;
  checkKeywords("eye", options, ["M", "k", "dtype"].slice(positional.length));
  const [rows = options.M ?? null, diagonal = options.k ?? 0, type = options.dtype] = positional as [number | null, number, DType];
  const cols = rows ?? N;
  checkInteger(diagonal);
  const dtypeName = dtypeArg("eye", type) ?? (positional.length === 0 ? config.defaultFloat : "float64");
  const out = NDArray.empty(toShape([N, cols]), dtypeName);
  for (let i = Math.max(0, -diagonal); i < N && i + diagonal < cols; i++) out.data[i * cols + i + diagonal] = 1;
  return out;
}

/**
 * np.arange([start,] stop[, step]): evenly spaced values in [start, stop). Integral arguments
 * give int64, others float64. Values follow NumPy's fill, in the result's dtype: first = start,
 * second = start + step, then first + i*delta with delta = second - first.
 */
export function arange(stop: number, options?: DTypeOption): NDArray;
export function arange(start: number, stop: number, options?: DTypeOption): NDArray;
export function arange(start: number, stop: number, step: number, dtype?: DType | DTypeOption): NDArray;
export function arange(start: number, stop?: number | DTypeOption, step?: number | DTypeOption, dtype?: DType | DTypeOption): NDArray {
  if ([start, stop, step].some((a) => typeof a === "string")) {
    throw new TypeError("arange() not supported for inputs with DType <class 'numpy.dtypes.StrDType'>.");
  }
  if (start === null || start === undefined) throw new TypeError("unsupported operand type(s) for -: 'NoneType' and 'int'");
  const args = [start, stop, step].filter((a): a is number => typeof a === "number");
  const given = dtypeArg("arange", [stop, step, dtype].find((a) => a !== undefined && typeof a !== "number") as DType | DTypeOption);
  const [from, to, by] = args.length === 1 ? [0, args[0], 1] : [args[0], args[1], args[2] ?? 1];
  if (by === 0) throw new RangeError("division by zero: arange's step must not be 0");
  const count = Math.ceil((to - from) / by);
  if (Number.isNaN(count)) throw new Error("arange: cannot compute length");
  if (count > Number.MAX_SAFE_INTEGER) throw new Error("Maximum allowed size exceeded");
  const length = Math.max(0, count);
  const type = given ?? inferDType([from, to, by]);
  const out = NDArray.forResult([length], type);
  const cast = (v: number): number => castValue(type, v);
  const first = cast(from), second = cast(from + by), delta = cast(second - first);
  // Integers from an integer by an integer step (np.arange(samples) in every loss) are exact: no casts.
  if (type === "int64" && [first, delta, first + length * delta].every(Number.isSafeInteger)) {
    for (let i = 0; i < length; i++) out.data[i] = first + i * delta;
    return out;
  }
  for (let i = 0; i < length; i++) out.data[i] = i === 1 ? second : cast(first + cast(i * delta));
  return out;
}

/** The keywords np.linspace takes after num. */
export interface LinspaceKeywords extends DTypeOption {
  /** Whether stop is the last sample (true, the default) or just past it. */
  endpoint?: boolean;
}

/** Keywords of np.linspace. */
export interface LinspaceOptions extends LinspaceKeywords {
  /** How many samples (50 by default). */
  num?: number;
}

/** np.linspace(start, stop, num=50): num evenly spaced samples, by NumPy's formula (arange(num) * step + start, the last set to stop). */
export function linspace(start: number, stop: number, num?: number, options?: LinspaceKeywords): NDArray;
export function linspace(start: number, stop: number, options: LinspaceOptions): NDArray;
export function linspace(start: number, stop: number, num: number | LinspaceOptions = 50, options: LinspaceKeywords = {}): NDArray {
  const named = typeof num === "object";
  checkKeywords("linspace", named ? num : options, named ? ["num", "endpoint", "dtype"] : ["endpoint", "dtype"]);
  const opts: LinspaceOptions = named ? num : { ...options, num };
  const count = checkInteger(opts.num ?? 50);
  const endpoint = opts.endpoint ?? true;
  if (count < 0) throw new Error(`Number of samples, ${count}, must be non-negative.`);
  const div = endpoint ? count - 1 : count;
  const delta = stop - start;
  const step = div > 0 ? delta / div : NaN;
  const y = NDArray.forResult([count], "float64").data;
  for (let i = 0; i < count; i++) {
    y[i] = (div > 0 ? (step === 0 ? (i / div) * delta : i * step) : i * delta) + start;
  }
  if (endpoint && count > 1) y[count - 1] = stop;
  const type = dtypeArg("linspace", opts.dtype) ?? "float64";
  // NumPy floors before casting to an integer dtype (a plain cast would truncate towards 0).
  const values = isInteger(type) ? y.map(Math.floor) : y;
  return new NDArray(values, [count], "float64").astype(type);
}

/** np.diagflat(v, k=0): the flattened input on the k-th diagonal of a square array. */
export function diagflat(v: ArrayLike, k = 0): NDArray {
  checkInteger(k);
  const values = asarray(v);
  const n = values.size + Math.abs(k);
  const out = NDArray.empty([n, n], values.dtype);
  const row = Math.max(0, -k), col = Math.max(0, k);
  for (let i = 0; i < values.size; i++) out.data[(row + i) * n + col + i] = values.data[i];
  return out;
}

