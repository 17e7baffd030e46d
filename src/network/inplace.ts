// Python's in-place `a += b` on arrays. NumPy writes the sum back into `a`, so `a` keeps its
// dtype: float32 weights stay float32 even when a gradient arrives as float64 (chapter 17's
// float64 targets make dbiases float64). A plain `a = np.add(a, b)` would promote instead.
import * as np from "../np";
import type { NDArray } from "../np/core";

export function iadd(a: NDArray, b: NDArray): NDArray {
  return np.add(a, b, { out: a });
}
