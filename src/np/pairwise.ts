// NumPy's pairwise summation (pairwise_sum in numpy's loops_utils.h.src), step for step, so
// float32 sums round exactly as NumPy's do: every addition is rounded to the sum's dtype,
// the way NumPy's C accumulators of that type round.
import type { Storage } from "./dtype";

// Rounding through a passed-in function would box every partial sum; a flag keeps them unboxed.
const add = (float32: boolean, a: number, b: number): number => (float32 ? Math.fround(a + b) : a + b);

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
    // Eight partial sums, one per lane of an 8-wide unrolled loop (locals, so they stay in registers) ...
    let r0 = data[start], r1 = data[start + 1], r2 = data[start + 2], r3 = data[start + 3];
    let r4 = data[start + 4], r5 = data[start + 5], r6 = data[start + 6], r7 = data[start + 7];
    const end = start + n - (n % 8);
    let i = start + 8;
    for (; i < end; i += 8) {
      r0 = add(float32, r0, data[i]); r1 = add(float32, r1, data[i + 1]);
      r2 = add(float32, r2, data[i + 2]); r3 = add(float32, r3, data[i + 3]);
      r4 = add(float32, r4, data[i + 4]); r5 = add(float32, r5, data[i + 5]);
      r6 = add(float32, r6, data[i + 6]); r7 = add(float32, r7, data[i + 7]);
    }
    // ... combined as a balanced tree, then the leftover tail added one by one.
    const low = add(float32, add(float32, r0, r1), add(float32, r2, r3));
    const high = add(float32, add(float32, r4, r5), add(float32, r6, r7));
    let sum = add(float32, low, high);
    for (; i < start + n; i++) sum = add(float32, sum, data[i]);
    return sum;
  }
  // Split in two, the first half a multiple of 8 long, and add the halves' sums.
  let half = Math.floor(n / 2);
  half -= half % 8;
  return add(float32, pairwiseSum(data, start, half, float32), pairwiseSum(data, start + half, n - half, float32));
}
