import assert from "assert";
import * as np from "../../src/np";
import { goldenCases } from "../helpers/ops-golden";

describe("joining, where, clip, allclose: NumPy goldens, bit for bit", () => {
  goldenCases(["vstack", "hstack", "column_stack", "concatenate", "where", "clip", "allclose", "array_equal"]);
});

describe("manipulation: beyond the goldens", () => {
  it("clip keeps the book's float32 predictions float32", () => {
    const y = np.clip(np.array([0, 1], "float32"), 1e-7, 1 - 1e-7);
    assert.strictEqual(y.dtype, "float32");
    assert.deepStrictEqual(y.tolist(), [Math.fround(1e-7), Math.fround(1 - 1e-7)]);
  });

  it("where(cond) gives one index array per dimension", () => {
    const [rows, cols] = np.where(np.greater(np.array([[0, 5], [7, 0]]), 1));
    assert.deepStrictEqual(rows.tolist(), [0, 1]);
    assert.deepStrictEqual(cols.tolist(), [1, 0]);
  });

  it("clip needs at least one bound", () => {
    assert.throws(() => np.clip([1], null, null), { message: "One of max or min must be given" });
  });
});
