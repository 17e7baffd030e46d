// NumPy's pairwise summation (pairwise_sum in numpy's loops_utils.h.src), step for step, so
// float32 sums round exactly as NumPy's do: every addition is rounded to the sum's dtype,
// the way NumPy's C accumulators of that type round.
import type { Storage } from "./dtype";

// Rounding through a passed-in function would box every partial sum; a flag keeps them unboxed.
const add = (float32: boolean, a: number, b: number): number => (float32 ? Math.fround(a + b) : a + b);

// The eight partial sums of a block; a block never recurses, so one scratch array serves all.
const lanes = new Float64Array(8);

/** Sum of `n` contiguous elements of `data` from `start`, each addition rounded to float32 if `float32`. */
export function pairwiseSum(data: Storage, start: number, n: number, float32: boolean): number {
  // Kept this small so V8 inlines it: a short row (softmax over 3 classes) then costs no call.
  return n < 8 ? sequentialSum(data, start, n, float32) : blockSum(data, start, n, float32);
}

function sequentialSum(data: Storage, start: number, n: number, float32: boolean): number {
  let sum = 0;
  for (let i = start; i < start + n; i++) sum = add(float32, sum, data[i]);
  return sum;
}

function blockSum(data: Storage, start: number, n: number, float32: boolean): number {
  if (n <= 128) {
    // Eight partial sums, one per lane of an 8-wide unrolled loop ...
    for (let j = 0; j < 8; j++) lanes[j] = data[start + j];
    const end = start + n - (n % 8);
    let i = start + 8;
    for (; i < end; i += 8) {
      for (let j = 0; j < 8; j++) lanes[j] = add(float32, lanes[j], data[i + j]);
    }
    // ... combined as a balanced tree, then the leftover tail added one by one.
    const low = add(float32, add(float32, lanes[0], lanes[1]), add(float32, lanes[2], lanes[3]));
    const high = add(float32, add(float32, lanes[4], lanes[5]), add(float32, lanes[6], lanes[7]));
    let sum = add(float32, low, high);
    for (; i < start + n; i++) sum = add(float32, sum, data[i]);
    return sum;
  }
  // Split in two, the first half a multiple of 8 long, and add the halves' sums.
  let half = Math.floor(n / 2);
  half -= half % 8;
  return add(float32, pairwiseSum(data, start, half, float32), pairwiseSum(data, start + half, n - half, float32));
}
