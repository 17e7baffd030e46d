// NumPy's dtypes and how values of each are stored. Arrays are always contiguous,
// row-major typed arrays; int64 lives in a Float64Array (exact up to 2**53, enough for
// every index and label the book uses) and bool in a Uint8Array of 0/1.

export type DType = "float32" | "float64" | "int32" | "int64" | "uint8" | "bool";
export type Storage = Float32Array | Float64Array | Int32Array | Uint8Array;

export const DTYPES: readonly DType[] = ["bool", "uint8", "int32", "int64", "float32", "float64"];

export function isDType(name: unknown): name is DType {
  return typeof name === "string" && (DTYPES as readonly string[]).includes(name);
}

export function checkDType(name: unknown): DType {
  // NumPy's two refusals: a name it does not know, and a value that is no name at all (np.zeros(2, 3)).
  if (typeof name !== "string") throw new TypeError(`Cannot interpret '${String(name)}' as a data type`);
  if (!isDType(name)) throw new TypeError(`data type '${name}' not understood`);
  return name;
}

export function allocate(dtype: DType, size: number): Storage {
  return new STORAGE[dtype](size);
}

/** The typed array each dtype is stored in. */
export const STORAGE = {
  float32: Float32Array, float64: Float64Array, int64: Float64Array, int32: Int32Array, uint8: Uint8Array, bool: Uint8Array,
} as const;

/** Float storage (float32, float64), whose loops the kernels and fast paths specialise. */
export const isFloatStorage = (data: Storage): data is Float32Array | Float64Array =>
  data instanceof Float32Array || data instanceof Float64Array;

export const isFloat = (d: DType): boolean => d === "float32" || d === "float64";
export const isInteger = (d: DType): boolean => d === "int32" || d === "int64" || d === "uint8";

/** Converts one JS number to what an element of `dtype` holds (NumPy's unsafe cast). */
export function castValue(dtype: DType, v: number): number {
  switch (dtype) {
    case "float64": return v;
    case "float32": return Math.fround(v);
    case "bool": return v !== 0 && !Number.isNaN(v) ? 1 : 0;
    default: return Math.trunc(v);
  }
}

// Promotion between two array dtypes (np.result_type for the dtypes we have).
const RANK: Record<DType, number> = { bool: 0, uint8: 1, int32: 2, int64: 3, float32: 4, float64: 5 };

export function promoteTypes(a: DType, b: DType): DType {
  if (a === b) return a;
  const [lo, hi] = RANK[a] < RANK[b] ? [a, b] : [b, a];
  if (hi === "float32" && (lo === "int32" || lo === "int64")) return "float64";
  if (hi === "int32" && lo === "uint8") return "int32";
  return hi;
}

/**
 * An array combined with a plain JS number, by NEP 50's rules for Python scalars: the
 * number adapts to the array's kind unless it needs a wider kind. JS cannot tell 2 from
 * 2.0, so an integral number counts as a Python int and any other as a Python float.
 */
export function promoteWithScalar(a: DType, scalar: number): DType {
  const scalarIsInt = Number.isInteger(scalar);
  if (isFloat(a)) return a;
  if (scalarIsInt) return a === "bool" ? "int64" : a;
  return "float64";
}
