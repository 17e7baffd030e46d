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
    const kept = reductions.sum(x, null, { keepdims: true });
    assert.deepStrictEqual([kept.shape, kept.tolist()], [[1, 1], [[21]]]);
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
