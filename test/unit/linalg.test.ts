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

  it("matmul agrees with dot on 2-D operands and refuses scalars", () => {
    assert.deepStrictEqual(np.matmul([[1, 2]], [[3], [4]]).tolist(), [[11]]);
    assert.throws(() => np.matmul(2, [1]));
  });
});
