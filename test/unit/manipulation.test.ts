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

describe("manipulation: keywords", () => {
  it("concatenate takes the axis positionally or as a keyword", () => {
    const a = np.array([[1], [2]]);
    assert.deepStrictEqual(np.concatenate([a, a], { axis: 1 }).tolist(), np.concatenate([a, a], 1).tolist());
  });

  it("refuse unknown keywords in NumPy's words", () => {
    const calls: [string, () => unknown][] = [
      // @ts-expect-error: axes is no keyword of concatenate
      ["concatenate() got an unexpected keyword argument 'axes'", () => np.concatenate([[1], [2]], { axes: 0 })],
      // @ts-expect-error: tol is no keyword of allclose
      ["allclose() got an unexpected keyword argument 'tol'", () => np.allclose([1], [1], { tol: 1 })],
      // @ts-expect-error: atol is no keyword of array_equal
      ["array_equal() got an unexpected keyword argument 'atol'", () => np.array_equal([1], [1], { atol: 1 })],
      // @ts-expect-error: equalnan is no keyword of isclose
      ["isclose() got an unexpected keyword argument 'equalnan'", () => np.isclose([1], [1], { equalnan: true })],
    ];
    for (const [message, call] of calls) assert.throws(call, { name: "TypeError", message });
  });

  it("array_equal compares shapes, not only elements", () => {
    assert.strictEqual(np.array_equal(np.array([1, 2]), np.array([[1, 2]])), false);
  });
});
