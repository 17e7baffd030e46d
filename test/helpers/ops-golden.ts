// Runs the cases of test/golden/ops.json (made by gen_ops.py) against the np namespace:
// each case names an np function, its arguments and NumPy's result or error message.
import assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import * as np from "../../src/np";
import { NDArray } from "../../src/np/core";
import { config, resetConfig } from "../../src/np/config";
import { decodeArray, EncodedArray, sameBits } from "./encoded-array";

type Arg =
  | { array: EncodedArray } | { int: number } | { float: string } | { bool: boolean } | { str: string }
  | { none: true } | { list: Arg[] };
type Expected = EncodedArray | EncodedArray[] | { bool: boolean };
interface Case {
  op: string;
  args: Arg[];
  kwargs: Record<string, Arg>;
  mode?: typeof config.dotMode;
  expected?: Expected;
  error?: string;
  /** Float64 libm results: V8 and glibc may round the last bit differently. */
  ulp?: number;
}

const cases = JSON.parse(readFileSync(join(__dirname, "..", "golden", "ops.json"), "utf8")) as Record<string, Case>;

const PY_FLOATS: Record<string, number> = { nan: NaN, inf: Infinity, "-inf": -Infinity };

function decode(a: Arg): unknown {
  if ("array" in a) return decodeArray(a.array);
  if ("int" in a) return a.int;
  if ("float" in a) return a.float in PY_FLOATS ? PY_FLOATS[a.float] : Number(a.float);
  if ("bool" in a) return a.bool;
  if ("str" in a) return a.str;
  if ("none" in a) return null;
  return a.list.map(decode);
}

/** The distance in float64 steps between two finite numbers of the same sign. */
function ulpDistance(a: number, b: number): number {
  const bits = new BigInt64Array(new Float64Array([a, b]).buffer);
  return Number(bits[0] > bits[1] ? bits[0] - bits[1] : bits[1] - bits[0]);
}

function sameWithinUlp(actual: NDArray, expected: NDArray, ulp: number): void {
  assert.strictEqual(actual.dtype, expected.dtype, "dtype");
  assert.deepStrictEqual(actual.shape, expected.shape, "shape");
  expected.data.forEach((e, i) => {
    const a = actual.data[i];
    const near = Object.is(a, e) || (Math.sign(a) === Math.sign(e) && ulpDistance(a, e) <= ulp);
    assert.ok(near, `element ${i}: ${a} !== ${e} (more than ${ulp} ulp)`);
  });
}

function check(actual: unknown, expected: Expected, ulp: number): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), "expected a list of arrays");
    assert.strictEqual(actual.length, expected.length);
    expected.forEach((e, i) => sameBits(actual[i] as NDArray, decodeArray(e)));
  } else if ("bool" in expected) {
    assert.strictEqual(actual, expected.bool);
  } else if (actual instanceof NDArray) {
    if (ulp > 0) sameWithinUlp(actual, decodeArray(expected), ulp);
    else sameBits(actual, decodeArray(expected));
  } else {
    // A ufunc of JS scalars gives a JS number or boolean: NumPy's scalar without its dtype.
    const e = decodeArray(expected);
    assert.deepStrictEqual(e.shape, []);
    const want: number | boolean = e.dtype === "bool" ? e.data[0] !== 0 : e.data[0];
    const near = Object.is(actual, want) || (ulp > 0 && ulpDistance(actual as number, want as number) <= ulp);
    assert.ok(near, `${String(actual)} !== ${want}`);
  }
}

/** One mocha test per golden case whose op is in `ops`; returns how many there were. */
export function goldenCases(ops: string[]): number {
  const selected = Object.entries(cases).filter(([, c]) => ops.includes(c.op));
  for (const [name, c] of selected) {
    it(name, () => {
      const fn = (np as unknown as Record<string, (...args: unknown[]) => unknown>)[c.op];
      const args = c.args.map(decode);
      if (Object.keys(c.kwargs).length > 0) {
        args.push(Object.fromEntries(Object.entries(c.kwargs).map(([k, v]) => [k, decode(v)])));
      }
      config.dotMode = c.mode ?? "numpy";
      try {
        if (c.error !== undefined) assert.throws(() => fn(...args), { message: c.error });
        else check(fn(...args), c.expected!, c.ulp ?? 0);
      } finally {
        resetConfig();
      }
    });
  }
  return selected.length;
}
