import assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import { NDArray } from "../../src/np/core";
import * as reductions from "../../src/np/reductions";
import { decodeArray, EncodedArray, sameBits } from "../helpers/encoded-array";

interface Case {
  name: string;
  op: "sum" | "mean" | "std" | "var" | "max" | "min" | "argmax" | "argmin";
  input: number;
  options: { axis?: number | number[] | null; keepdims?: boolean; ddof?: number };
  expected?: EncodedArray;
  error?: string;
}
const golden = JSON.parse(readFileSync(join(__dirname, "..", "golden", "reductions.json"), "utf8")) as {
  inputs: EncodedArray[];
  cases: Case[];
};

type AnyReduction = (a: NDArray, options: Case["options"]) => NDArray | number;

describe("reductions: NumPy goldens, bit for bit", () => {
  for (const c of golden.cases) {
    it(c.name, () => {
      const reduce = reductions[c.op] as AnyReduction;
      const input = decodeArray(golden.inputs[c.input]);
      if (c.error !== undefined) {
        assert.throws(() => reduce(input, c.options), { message: c.error });
        return;
      }
      const expected = decodeArray(c.expected!);
      const result = reduce(input, c.options);
      if (typeof result === "number") {
        // A whole-array reduction is a JS number: NumPy's scalar, without its dtype.
        assert.deepStrictEqual(expected.shape, []);
        assert.ok(Object.is(result, expected.data[0]), `${result} !== ${expected.data[0]}`);
      } else {
        sameBits(result, expected);
      }
    });
  }
});

describe("reductions: call forms", () => {
  const x = new NDArray(new Float32Array([1, 2, 3, 4, 5, 6]), [2, 3], "float32");

  it("takes the axis positionally, as np.sum(x, 1)", () => {
    assert.deepStrictEqual((reductions.sum(x, 1)).tolist(), [6, 15]);
    assert.deepStrictEqual((reductions.sum(x, 0, { keepdims: true })).tolist(), [[5, 7, 9]]);
  });

  it("takes keyword arguments as one options object", () => {
    const s = reductions.sum(x, { axis: 1, keepdims: true });
    assert.deepStrictEqual(s.shape, [2, 1]);
    assert.deepStrictEqual(reductions.mean(x, { axis: -1 }).tolist(), [2, 5]);
    assert.strictEqual(reductions.std(x, { ddof: 1 }), Math.fround(Math.sqrt(3.5)));
  });

  it("returns a JS number over all elements, an array when keepdims is set", () => {
    assert.strictEqual(reductions.sum(x), 21);
    assert.strictEqual(reductions.max(x, null), 6);
    assert.strictEqual(reductions.argmax(x), 5);
    const kept = reductions.sum(x, { keepdims: true });
    assert.deepStrictEqual([kept.shape, kept.tolist()], [[1, 1], [[21]]]);
    assert.ok(reductions.sum(x, null, { keepdims: true }) instanceof NDArray);
  });

  it("accepts plain numbers and nested lists like NumPy accepts Python values", () => {
    assert.strictEqual(reductions.sum(4), 4);
    assert.strictEqual(reductions.mean(2.5), 2.5);
    assert.deepStrictEqual(reductions.sum([[1, 2], [3, 4]], 0).tolist(), [4, 6]);
    assert.strictEqual(reductions.mean([true, false, true, true]), 0.75);
  });

  it("exports np.var under its NumPy name", () => {
    assert.strictEqual(reductions.var(x), Math.fround(35 / 12));
  });
});

describe("reductions: signatures", () => {
  const x = new NDArray(new Float64Array([1, 2, 3, 4, 5, 6]), [2, 3], "float64");

  it("are typed number over all elements and NDArray along an axis or with keepdims", () => {
    // The annotations are the test: each line compiles only with the overload's result type.
    const whole: number[] = [
      reductions.sum(x), reductions.mean(x, {}), reductions.std(x, { ddof: 1 }), reductions.var(x, { axis: null }),
      reductions.max(x, { keepdims: false }), reductions.min(x), reductions.argmax(x), reductions.argmin(x),
    ];
    const along: NDArray[] = [
      reductions.sum(x, { axis: 1 }), reductions.mean(x, 0), reductions.std(x, { axis: [0, 1] }), reductions.var(x, 1, { ddof: 1 }),
      reductions.max(x, { keepdims: true }), reductions.min(x, -1, { keepdims: true }), reductions.argmax(x, { axis: 1 }), reductions.argmin(x, 0),
    ];
    whole.forEach((v) => assert.strictEqual(typeof v, "number"));
    along.forEach((v) => assert.ok(v instanceof NDArray));
  });

  it("refuse a misspelled keyword: at compile time in TypeScript, in NumPy's words at run time", () => {
    const calls: [string, () => unknown][] = [
      // @ts-expect-error: axsi is no keyword of sum
      ["sum() got an unexpected keyword argument 'axsi'", () => reductions.sum(x, { axsi: 1 })],
      // @ts-expect-error: ddof belongs to std and var
      ["mean() got an unexpected keyword argument 'ddof'", () => reductions.mean(x, { axis: 0, ddof: 1 })],
      // @ts-expect-error: keepdim is no keyword of max
      ["max() got an unexpected keyword argument 'keepdim'", () => reductions.max(x, 0, { keepdim: true })],
      // @ts-expect-error: after a positional axis, the keywords hold no axis
      ["argmax() got an unexpected keyword argument 'axis'", () => reductions.argmax(x, 0, { axis: 1 })],
      // @ts-expect-error: dof is no keyword of std (ddof is)
      ["std() got an unexpected keyword argument 'dof'", () => reductions.std(x, { dof: 1 })],
    ];
    for (const [message, call] of calls) assert.throws(call, { name: "TypeError", message });
  });

  it("refuse an axis given both positionally and as a keyword", () => {
    const twice = reductions.sum as (a: NDArray, axis: object, options: object) => unknown;
    assert.throws(() => twice(x, { axis: 0 }, { keepdims: true }), { message: "sum() got multiple values for argument 'axis'" });
  });
});
