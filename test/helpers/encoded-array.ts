// Arrays in the reductions/indexing goldens: NumPy's dtype, shape and the hex of its bytes.
import assert from "assert";
import { NDArray } from "../../src/np/core";
import { DType, allocate } from "../../src/np/dtype";

export interface EncodedArray { dtype: string; shape: number[]; hex: string }

/** NumPy's bytes read back into our storage (int64 via BigInt64Array into a Float64Array). */
export function decodeArray(e: EncodedArray): NDArray {
  const bytes = Buffer.from(e.hex, "hex");
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const dtype = (e.dtype === "uint64" ? "int64" : e.dtype) as DType;
  const n = e.shape.reduce((p, d) => p * d, 1);
  const data = allocate(dtype, n);
  if (e.dtype === "int64" || e.dtype === "uint64") {
    new BigInt64Array(buffer).forEach((v, i) => (data[i] = Number(v)));
  } else {
    data.set(new (data.constructor as Float64ArrayConstructor)(buffer) as ArrayLike<number>);
  }
  return new NDArray(data, e.shape, dtype);
}

/** Same dtype, shape and element bits (NaN equals NaN; 0 and -0 differ). */
export function sameBits(actual: NDArray, expected: NDArray): void {
  assert.strictEqual(actual.dtype, expected.dtype, "dtype");
  assert.deepStrictEqual(actual.shape, expected.shape, "shape");
  for (let i = 0; i < expected.size; i++) {
    if (!Object.is(actual.data[i], expected.data[i])) {
      assert.fail(`element ${i}: ${actual.data[i]} !== ${expected.data[i]}`);
    }
  }
}
