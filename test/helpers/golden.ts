// Reads the golden files that test/golden/helpers.py writes: {name: {dtype, shape, data}},
// float elements as the hex of their bits (16 digits float64, 8 float32), others as numbers.
import { strict as assert } from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { NDArray } from "../../src/np/core";

export interface Golden {
  dtype: string;
  shape: number[];
  data: (string | number | boolean)[];
}

export function loadGolden(area: string): Record<string, Golden> {
  return JSON.parse(readFileSync(join(__dirname, "..", "golden", `${area}.json`), "utf8"));
}

/** The hex of a number's bits at a float dtype, as helpers.py writes them. */
export function floatBits(value: number, dtype: "float32" | "float64"): string {
  const view = new DataView(new ArrayBuffer(8));
  if (dtype === "float32") {
    view.setFloat32(0, value);
    return view.getUint32(0).toString(16).padStart(8, "0");
  }
  view.setFloat64(0, value);
  return view.getBigUint64(0).toString(16).padStart(16, "0");
}

/** A golden's elements as our numbers (booleans as 0/1), flat. */
export function goldenValues(g: Golden): number[] {
  return g.data.map((v) => {
    if (typeof v === "string") {
      const view = new DataView(new ArrayBuffer(8));
      if (v.length === 8) {
        view.setUint32(0, parseInt(v, 16));
        return view.getFloat32(0);
      }
      view.setBigUint64(0, BigInt(`0x${v}`));
      return view.getFloat64(0);
    }
    return Number(v);
  });
}

/** How many representable floats of the dtype lie from a to b (0 when bit-identical). */
export function ulpDistance(a: number, b: number, dtype: "float32" | "float64"): number {
  const ordered = (x: number) => {
    const n = BigInt(`0x${floatBits(x, dtype)}`);
    const sign = dtype === "float32" ? 1n << 31n : 1n << 63n;
    return n >= sign ? sign - n : n; // sign-magnitude to a monotone integer line
  };
  const d = ordered(a) - ordered(b);
  return Number(d < 0n ? -d : d);
}

/**
 * actual equals the golden bit for bit: same dtype and shape for an array; a JS number
 * stands for a 0-d golden (NumPy's Python scalar). Floats compare by bits, so -0 and
 * 0 differ and NaN equals NaN. With maxUlp, floats may differ by that many ulps (for
 * values that pass through V8's Math.log/sin, whose last bit differs from glibc's);
 * the number of elements that differed is returned so a test can report it.
 */
export function assertGolden(actual: NDArray | number, expected: Golden, label = "", maxUlp = 0): number {
  const values = typeof actual === "number" ? [actual] : Array.from(actual.data);
  if (typeof actual === "number") {
    assert.deepEqual(expected.shape, [], `${label}: a scalar, golden has shape ${expected.shape}`);
  } else {
    assert.equal(actual.dtype, expected.dtype, `${label}: dtype`);
    assert.deepEqual(actual.shape, expected.shape, `${label}: shape`);
  }
  const floatType = expected.dtype === "float32" || expected.dtype === "float64" ? expected.dtype : undefined;
  const numpy = goldenValues(expected);
  let inexact = 0;
  expected.data.forEach((want, i) => {
    const message = `${label}: element ${i}: got ${values[i]}, NumPy has ${numpy[i]}`;
    if (!floatType) return assert.equal(values[i], typeof want === "boolean" ? Number(want) : want, message);
    const got = floatBits(values[i], floatType);
    if (got === want) return;
    inexact++;
    if (maxUlp === 0) assert.equal(got, want, message);
    assert.ok(ulpDistance(values[i], numpy[i], floatType) <= maxUlp, `${message} (more than ${maxUlp} ulp)`);
  });
  return inexact;
}
