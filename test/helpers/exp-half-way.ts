import * as np from "../../src/np";
import type { NDArray } from "../../src/np/core";

/**
 * float32 values whose exp, computed in double by Math.exp, is within 4096 units in the last
 * place of a float32 half-way point: the elements the exp kernel must leave to Math.exp.
 */
export function nearHalfWay(): number[] {
  const x = ((new np.random.RandomState(16).uniform(-80, 80, 2_000_000)) as NDArray).astype("float32").data;
  const bits = new BigUint64Array(1), value = new Float64Array(bits.buffer);
  const found: number[] = [];
  for (const v of x) {
    value[0] = Math.exp(v);
    if (Math.abs(Number(bits[0] & 0x1fffffffn) - 0x10000000) < 4096) found.push(v);
  }
  return found;
}
