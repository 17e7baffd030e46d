import assert from "assert";
import * as np from "../src/array/np";
import { config, resetConfig } from "../src/array/config";
import { goldenCases } from "./helpers/ops-golden";

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
