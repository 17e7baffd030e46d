import assert from "assert";
import * as np from "../../src/np";
import { goldenCases } from "../helpers/ops-golden";

const UFUNCS = [
  "add", "subtract", "multiply", "divide", "power", "maximum", "minimum", "equal", "not_equal", "greater",
  "greater_equal", "less", "less_equal", "logical_and", "logical_or", "negative", "exp", "log", "log1p", "sqrt",
  "sin", "cos", "tanh", "abs", "sign", "square", "isnan", "isfinite",
];

describe("elementwise: NumPy goldens, bit for bit", () => {
  it("covers every ufunc", () => assert.ok(goldenCount > 250, `${goldenCount} cases`));
  const goldenCount = goldenCases(UFUNCS);
});

describe("elementwise: call forms", () => {
  it("takes nested lists for either operand", () => {
    const r = np.add([[1, 2], [3, 4]], np.array([10, 20]));
    assert.deepStrictEqual(r.tolist(), [[11, 22], [13, 24]]);
    assert.strictEqual(r.dtype, "int64");
  });

  it("returns JS scalars for JS scalar operands", () => {
    assert.strictEqual(np.exp(0), 1);
    assert.strictEqual(np.divide(1, 4), 0.25);
    assert.strictEqual(np.less_equal(2, 2), true);
  });

  it("keeps float32 with a JS number, rounding once: randn * 0.2 is f32(x * f32(0.2))", () => {
    const x = np.array([1.764052345967664], "float32");
    const r = np.multiply(x, 0.2);
    assert.strictEqual(r.dtype, "float32");
    assert.strictEqual(r.data[0], Math.fround(Math.fround(1.764052345967664) * Math.fround(0.2)));
  });

  it("broadcasts over strided runs the same as element by element", () => {
    const a = np.arange(24).reshape(2, 3, 4), b = np.arange(3).reshape(3, 1);
    const r = np.multiply(a, b);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 4; k++) {
      assert.strictEqual(r.item(i, j, k), (i * 12 + j * 4 + k) * j);
    }
  });

  it("reports the broadcast error with NumPy's wording", () => {
    assert.throws(() => np.add(np.zeros([2, 3]), np.zeros([4])), {
      message: "operands could not be broadcast together with shapes (2,3) (4,) ",
    });
  });
});

describe("ufunc signatures", () => {
  it("type scalar results: a number from arithmetic, a boolean from a comparison", () => {
    const sum: number = np.add(1, 2);
    const same: boolean = np.equal(1, 1);
    const finite: boolean = np.isfinite(1);
    assert.deepStrictEqual([sum, same, finite], [3, true, true]);
  });

  it("refuse an unknown keyword in NumPy's words", () => {
    const a = np.array([1, 2]);
    // @ts-expect-error: outt is no keyword of add
    assert.throws(() => np.add(a, a, { outt: a }), { name: "TypeError", message: "add() got an unexpected keyword argument 'outt'" });
    // @ts-expect-error: where is not supported
    assert.throws(() => np.exp(a, { where: a }), { name: "TypeError", message: "exp() got an unexpected keyword argument 'where'" });
  });
});

