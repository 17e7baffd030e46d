import assert from "assert";
import * as np from "../../src/np";
import { config, resetConfig } from "../../src/np/config";
import { goldenCases } from "../helpers/ops-golden";
import { sharesBytes } from "../../src/np/memory";

describe("creation: NumPy goldens, bit for bit", () => {
  goldenCases(["array", "zeros", "ones", "full", "eye", "arange", "linspace", "diagflat", "zeros_like", "ones_like"]);
});

describe("creation: beyond the goldens", () => {
  afterEach(resetConfig);

  it("zeros(shape) and eye(n) follow nnfs's default float, explicit dtypes and eye(n, m) do not", () => {
    config.defaultFloat = "float32";
    assert.strictEqual(np.zeros([1, 3]).dtype, "float32");
    assert.strictEqual(np.eye(3).dtype, "float32");
    assert.strictEqual(np.eye(3, { k: 1 }).dtype, "float32");
    assert.strictEqual(np.eye(3, 4).dtype, "float64");
    assert.strictEqual(np.zeros(3, "uint8").dtype, "uint8");
    assert.strictEqual(np.zeros(3, { dtype: "float64" }).dtype, "float64");
    assert.strictEqual(np.ones(3).dtype, "float64");
    assert.strictEqual(np.linspace(0, 1, 3).dtype, "float64");
  });

  it("gives every result memory of its own, those that share blocks included (64 KB and 1 MB ones)", () => {
    // Sizes on both sides of the in-heap (64 bytes) and shared-block (4 KB and 128 KB) limits, in
    // every dtype, enough to fill several blocks; each kept and checked after all the others were made.
    const kept: [np.NDArray, number][] = [];
    const sizes = [1, 15, 16, 17, 100, 511, 512, 513, 1000, 1025, 4097, 16383, 16384, 16385, 32768, 32769];
    for (let round = 0; round < 40; round++) {
      for (const size of round < 10 ? sizes : sizes.filter((n) => n <= 1025)) {
        for (const dtype of ["float32", "float64", "int32", "uint8"] as const) {
          const value = (kept.length % 100) + 1;
          const a = np.multiply(np.ones(size, dtype), value);
          const bytes = a.data.byteLength;
          assert.strictEqual(a.data.byteOffset % (bytes > 4096 && bytes <= 128 * 1024 ? 64 : a.data.BYTES_PER_ELEMENT), 0);
          kept.push([a, value]);
        }
      }
    }
    for (const [a, value] of kept) assert.ok(a.data.every((v) => v === value), `a ${a.dtype} result of ${a.size} was overwritten`);
  });

  it("tells arrays that share a block of memory from arrays that share bytes", () => {
    // float32 exp's kernel runs unless its output overlaps its input: it used to compare buffers,
    // which skipped the kernel for small results, as they share blocks.
    const block = new Float32Array(2000);
    const a = block.subarray(0, 900), b = block.subarray(900, 1800);
    assert.ok(!sharesBytes(a, b) && !sharesBytes(b, a));
    assert.ok(sharesBytes(a, a));
    assert.ok(sharesBytes(block.subarray(0, 10), block.subarray(9, 20)));
    assert.ok(!sharesBytes(a, new Float32Array(900)));
  });

  it("takes typed arrays and arrays, always copying", () => {
    const source = new Float32Array([1, 2]);
    const a = np.array(source);
    source[0] = 9;
    assert.strictEqual(a.dtype, "float32");
    assert.deepStrictEqual(a.tolist(), [1, 2]);
    const b = np.array(a, "int32");
    assert.strictEqual(b.dtype, "int32");
    assert.notStrictEqual(np.array(a), a);
    assert.strictEqual(np.asarray(a), a);
  });

  it("stacks a list of arrays of one shape, keeping their dtype", () => {
    const row = np.array([1, 2], "float32");
    const m = np.array([row, row]);
    assert.strictEqual(m.dtype, "float32");
    assert.deepStrictEqual(m.shape, [2, 2]);
  });

  it("empty_like follows the input's dtype and shape", () => {
    const e = np.empty_like(np.zeros([2, 3], "float32"));
    assert.strictEqual(e.dtype, "float32");
    assert.deepStrictEqual(e.shape, [2, 3]);
  });
});

describe("creation: keywords", () => {
  afterEach(resetConfig);

  it("take the dtype positionally or as a keyword, and refuse other keywords in NumPy's words", () => {
    assert.strictEqual(np.ones_like([1, 2], { dtype: "float32" }).dtype, "float32");
    assert.strictEqual(np.full(2, 7, "uint8").dtype, "uint8");
    const calls: [string, () => unknown][] = [
      // @ts-expect-error: dtyp is no keyword of zeros
      ["zeros() got an unexpected keyword argument 'dtyp'", () => np.zeros(3, { dtyp: "float32" })],
      // @ts-expect-error: order is not supported
      ["array() got an unexpected keyword argument 'order'", () => np.array([1], { order: "C" })],
      // @ts-expect-error: K is no keyword of eye
      ["eye() got an unexpected keyword argument 'K'", () => np.eye(3, { K: 1 })],
      // @ts-expect-error: M was given positionally
      ["eye() got an unexpected keyword argument 'M'", () => np.eye(3, 4, { M: 4 })],
      // @ts-expect-error: stop is positional here
      ["arange() got an unexpected keyword argument 'stop'", () => np.arange(0, { stop: 3 })],
      // @ts-expect-error: num was given positionally
      ["linspace() got an unexpected keyword argument 'num'", () => np.linspace(0, 1, 5, { num: 5 })],
    ];
    for (const [message, call] of calls) assert.throws(call, { name: "TypeError", message });
  });

  it("eye: positional and keyword forms give the same matrix", () => {
    const forms = [np.eye(3, 4, 1, "int64"), np.eye(3, 4, { k: 1, dtype: "int64" }), np.eye(3, { M: 4, k: 1, dtype: "int64" }),
      np.eye(3, 4, 1, { dtype: "int64" })];
    for (const e of forms) assert.deepStrictEqual([e.dtype, e.tolist()], ["int64", [[0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]]);
  });

  it("eye(n) and eye(n, { M }) follow nnfs's default float, as nnfs patches calls with one positional argument", () => {
    config.defaultFloat = "float32";
    assert.strictEqual(np.eye(2, { M: 3 }).dtype, "float32");
    assert.strictEqual(np.eye(2, null).dtype, "float64");
  });

  it("linspace takes num positionally or as a keyword", () => {
    assert.deepStrictEqual(np.linspace(0, 1, { num: 3, endpoint: false }).tolist(), np.linspace(0, 1, 3, { endpoint: false }).tolist());
    assert.strictEqual(np.linspace(0, 1).size, 50);
  });
});
