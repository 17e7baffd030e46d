import assert from "assert";
import { readFileSync } from "fs";
import { join } from "path";
import * as np from "../../src/np";
import { NDArray } from "../../src/np";
import { Index } from "../../src/np/indexing";
import { decodeArray, EncodedArray, sameBits } from "../helpers/encoded-array";

type Item = { slice: string } | { encoded: EncodedArray } | { value: number | number[] };
interface Case {
  name: string;
  array: string;
  index: Item[];
  value?: number | boolean | EncodedArray;
  expected?: EncodedArray;
  error?: string;
}
const golden = JSON.parse(readFileSync(join(__dirname, "..", "golden", "indexing.json"), "utf8")) as {
  arrays: Record<string, EncodedArray>;
  cases: Case[];
};

function toIndex(item: Item): Index {
  if ("slice" in item) return item.slice;
  if ("encoded" in item) return decodeArray(item.encoded);
  return item.value;
}

describe("indexing: NumPy goldens, bit for bit", () => {
  for (const c of golden.cases) {
    it(c.name, () => {
      const a = decodeArray(golden.arrays[c.array]);
      const index = c.index.map(toIndex);
      const value = typeof c.value === "object" ? decodeArray(c.value) : c.value;
      const run = () => (value === undefined ? a.get(...index) : a.set(index, value));
      if (c.error !== undefined) {
        assert.throws(run, { message: c.error });
        return;
      }
      sameBits(run(), decodeArray(c.expected!));
    });
  }
});

describe("indexing: the book's idioms", () => {
  const f32 = (values: number[], shape: number[]) => new NDArray(Float32Array.from(values), shape, "float32");
  const int64 = (values: number[]) => new NDArray(Float64Array.from(values), [values.length], "int64");

  it("reads return copies: writing to a read leaves the source alone", () => {
    const x = f32([1, 2, 3, 4, 5, 6], [3, 2]);
    x.get("0:2").data[0] = 99;
    x.get(0).data[0] = 99;
    assert.deepStrictEqual(x.tolist(), [[1, 2], [3, 4], [5, 6]]);
  });

  it("all-integer indices give a 0-d array whose item() is the number", () => {
    const x = f32([1, 2, 3, 4, 5, 6], [3, 2]);
    const v = x.get(-1, 1);
    assert.deepStrictEqual([v.shape, v.item()], [[], 6]);
  });

  it("x[range(n), y] -= 1 as a read, a subtraction and a write", () => {
    const x = f32([0.5, 0.25, 0.25, 0.1, 0.8, 0.1], [2, 3]);
    const rows = int64([0, 1]);
    const y = new NDArray(Uint8Array.from([0, 1]), [2], "uint8");
    const picked = x.get(rows, y);
    for (let i = 0; i < picked.size; i++) picked.data[i] -= 1;
    x.set([rows, y], picked);
    const expected = [0.5 - 1, 0.25, 0.25, 0.1, Math.fround(0.8) - 1, 0.1];
    assert.deepStrictEqual(Array.from(x.data), Array.from(Float32Array.from(expected)));
  });

  it("set returns the array, so writes chain", () => {
    const x = f32([1, 2, 3], [3]);
    assert.strictEqual(x.set([0], 5), x);
  });

  it("rejects what NumPy rejects", () => {
    const x = f32([1, 2, 3], [3]);
    assert.throws(() => x.get(1.5), /only integers, slices/);
    assert.throws(() => x.get("1:2:0"), { message: "slice step cannot be zero" });
    assert.throws(() => x.get("a:b"), /only integers, slices/);
  });
});

describe("Python's brackets", () => {
  const X = np.array([[1, 2], [3, 4]]);

  it("x[0] is a type error and, run anyway, an error that says to write x.get(0)", () => {
    // @ts-expect-error an NDArray is indexed with x.get(i), not x[i]
    assert.throws(() => X[0] + 1, /write x\.get\(0\) for Python's x\[0\], and x\.get\(0, j\) for x\[0\]\[j\]/);
    assert.throws(() => (X as unknown as Record<number, unknown>)[-1], /x\.get\(-1\)/);
  });

  it("adds nothing an array's own keys or printing would show", () => {
    assert.deepEqual(Object.keys(X), ["shape", "dtype", "stored", "unreadTransposeOf"]);
    assert.equal(String(X.get(0)), "[1 2]");
  });
});
