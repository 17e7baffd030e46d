// Careless input to np: NumPy's words for the problem, at once, instead of a wrong array or a
// message from JavaScript's internals.
import { strict as assert } from "assert";
import * as np from "../../src/np";

describe("bad input to np", () => {
  it("a shape that is not whole numbers: Python's TypeError", () => {
    assert.throws(() => np.zeros([2.5, 3]), /^TypeError: 'float' object cannot be interpreted as an integer$/);
    assert.throws(() => np.ones(["3" as unknown as number]), /'str' object cannot be interpreted as an integer/);
    assert.throws(() => np.zeros([NaN]), /'float' object cannot be interpreted as an integer/);
    assert.throws(() => np.zeros([2, -1]), /negative dimensions are not allowed/);
  });

  it("NaN or infinity into an integer array is refused, as NumPy refuses it", () => {
    assert.throws(() => np.array([1, NaN], "int32"), /cannot convert float NaN to integer \(dtype int32\)/);
    assert.throws(() => np.array([[1], [-Infinity]], { dtype: "int64" }), /cannot convert float infinity to integer/);
    assert.throws(() => np.array(["x" as unknown as number], "int32"), /cannot make an array element from x/);
    assert.equal(np.array([1, NaN], "float32").dtype, "float32");
  });

  it("arange with a step of 0 names it", () => {
    assert.throws(() => np.arange(0, 5, 0), /division by zero: arange's step must not be 0/);
  });

  it("transpose with repeated or missing axes", () => {
    const x = np.ones([2, 3]);
    assert.throws(() => x.transpose(0, 0), /repeated axis in transpose/);
    assert.throws(() => x.transpose(0), /axes don't match array/);
    assert.deepEqual(x.transpose(1, 0).shape, [3, 2]);
  });
});
