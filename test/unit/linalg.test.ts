import assert from "assert";
import * as np from "../../src/np";
import { config, resetConfig } from "../../src/np/config";
import { goldenCases } from "../helpers/ops-golden";

describe("dot: NumPy goldens, bit for bit", () => {
  goldenCases(["dot"]);
});

describe("dot: beyond the goldens", () => {
  afterEach(resetConfig);

  it("the book's chapter 2 layer: inputs (3,4) . weights.T (4,3) + biases", () => {
    const inputs = [[1, 2, 3, 2.5], [2, 5, -1, 2], [-1.5, 2.7, 3.3, -0.8]];
    const weights = np.array([[0.2, 0.8, -0.5, 1], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]]);
    const out = np.add(np.dot(inputs, weights.T), [2, 3, 0.5]);
    const expected = [[4.8, 1.21, 2.385], [8.9, -1.81, 0.2], [1.41, 1.051, 0.026]];
    (out.tolist() as number[][]).forEach((row, i) => row.forEach((v, j) => assert.ok(Math.abs(v - expected[i][j]) < 1e-12)));
  });

  it("under nnfs's workaround every result is float32, also for float64 operands", () => {
    config.dotMode = "float64";
    assert.strictEqual(np.dot(np.ones([2, 2]), np.ones([2, 2])).dtype, "float32");
    config.dotMode = "float32";
    assert.strictEqual(np.dot([1, 2], [3, 4]).dtype, "float32");
  });

  it("narrow and wide right operands sum in the same order", () => {
    const a = np.array(Array.from({ length: 40 }, (_, i) => Math.sin(i) * 1e3)).reshape(4, 10);
    const wide = np.array(Array.from({ length: 100 }, (_, i) => Math.cos(i) / 7)).reshape(10, 10);
    const narrow = wide.get(":", ":3");
    const full = np.dot(a, wide), part = np.dot(a, narrow);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 3; j++) assert.ok(Object.is(full.item(i, j), part.item(i, j)));
  });

  it("x.T is a view of x until read, then a copy; dot reads it in place", () => {
    const x = np.array([[1, 2, 3], [4, 5, 6]], "float32");
    const unread = x.T, read = x.T;
    assert.deepStrictEqual(read.tolist(), [[1, 4], [2, 5], [3, 6]]);
    x.set([0, 1], 20);  // x[0, 1] = 20
    assert.deepStrictEqual(unread.tolist(), [[1, 4], [20, 5], [3, 6]], "a change to x shows in an x.T not yet read");
    assert.deepStrictEqual(read.tolist(), [[1, 4], [2, 5], [3, 6]], "an x.T already read is a copy");
    x.set([0, 0], 10);
    assert.deepStrictEqual(unread.tolist(), [[1, 4], [20, 5], [3, 6]], "and so is one read since");
    // A product by transposes (in place where the kernel packs float32 operands) and by their copies.
    const rng = new np.random.RandomState(5);
    const X = rng.randn(128, 784).astype("float32"), d = rng.randn(128, 128).astype("float32");
    assert.deepStrictEqual(np.dot(X.T, d).data, np.dot(X.T.copy(), d).data);
    assert.deepStrictEqual(np.dot(d, X).data, np.dot(d, X.T.T).data);
    assert.deepStrictEqual(X.T.T.tolist(), X.tolist());
    // dot leaves x.T unread whether the kernel packs it in place (16 columns) or not (15): a
    // change to x shows in the next product either way, with the kernels or without, as in NumPy.
    for (const m of [16, 15]) {
      const x = np.ones([3, m], "float32"), t = x.T, d = np.ones([3, 16], "float32");
      assert.strictEqual(np.dot(t, d).item(0, 0), 3);
      np.multiply(x, 2, { out: x });
      assert.strictEqual(np.dot(t, d).item(0, 0), 6, `x of ${m} columns`);
    }
  });

  it("matmul agrees with dot on 2-D operands and refuses scalars", () => {
    assert.deepStrictEqual(np.matmul([[1, 2]], [[3], [4]]).tolist(), [[11]]);
    assert.throws(() => np.matmul(2, [1]));
  });
});
