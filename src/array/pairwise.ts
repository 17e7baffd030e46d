// NumPy's pairwise summation (pairwise_sum in numpy's loops_utils.h.src), step for step, so
// float32 sums round exactly as NumPy's do. The accumulators live in a typed array of the
// result's dtype: every store rounds to that dtype, the way NumPy's C accumulators do.
import type { Storage } from "./dtype";

export type Accumulator = Float32Array | Float64Array;

/** Sum of `n` contiguous elements of `data` from `start`; `acc` holds at least 8 slots. */
export function pairwiseSum(data: Storage, start: number, n: number, acc: Accumulator): number {
  if (n < 8) {
    acc[0] = 0;
    for (let i = start; i < start + n; i++) acc[0] += data[i];
    return acc[0];
  }
  if (n <= 128) {
    // Eight partial sums, one per lane of an 8-wide unrolled loop ...
    for (let j = 0; j < 8; j++) acc[j] = data[start + j];
    const end = start + n - (n % 8);
    let i = start + 8;
    for (; i < end; i += 8) {
      for (let j = 0; j < 8; j++) acc[j] += data[i + j];
    }
    // ... combined as a balanced tree, then the leftover tail added one by one.
    acc[0] += acc[1];
    acc[2] += acc[3];
    acc[4] += acc[5];
    acc[6] += acc[7];
    acc[0] += acc[2];
    acc[4] += acc[6];
    acc[0] += acc[4];
    for (; i < start + n; i++) acc[0] += data[i];
    return acc[0];
  }
  // Split in two, the first half a multiple of 8 long, and add the halves' sums.
  let half = Math.floor(n / 2);
  half -= half % 8;
  const left = pairwiseSum(data, start, half, acc);
  const right = pairwiseSum(data, start + half, n - half, acc);
  acc[0] = left + right;
  return acc[0];
}
