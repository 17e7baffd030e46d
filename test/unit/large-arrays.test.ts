// Arrays past 2^31 elements: element positions are kept in doubles (exact to 2^53), not in
// 32-bit integers, which wrapped (x[2**31 + 7] = true wrote nowhere and read back false).
// One bool array of 2^31 + 10 elements (2 GB); each case asserts the exact answer.
import { strict as assert } from "assert";
import { np } from "../../src";
import type { NDArray } from "../../src/np/core";

describe("arrays of more than 2^31 elements (a 2 GB bool array)", function () {
  this.timeout(300_000);
  const n = 2 ** 31 + 10;
  const far = n - 3; // 2^31 + 7: its position does not fit an int32
  let x: NDArray;
  before(() => {
    x = np.zeros([n], { dtype: "bool" });
    x.set([far], true);
  });
  after(() => {
    x = np.zeros([0]);
  });

  it("reads and writes an element past 2^31, by a positive or a negative index", () => {
    assert.equal(x.item(far), true);
    assert.equal(x.item(far - 1), false);
    assert.equal(x.get(-3).item(), true);
    assert.equal(x.item(7), false, "the position 2^31 lower, where a wrapped offset lands");
  });

  it("slices, masks and nonzero find it", () => {
    assert.deepEqual(x.get("-5:").tolist(), [false, false, true, false, false]);
    assert.deepEqual(x.get(x).tolist(), [true]);
    assert.deepEqual(np.nonzero(x)[0].tolist(), [far]);
  });

  it("reductions count it and point at it, whole and along an axis", () => {
    assert.equal(np.sum(x), 1);
    assert.equal(np.argmax(x), far);
    const halves = x.reshape(2, n / 2);
    assert.deepEqual(np.sum(halves, { axis: 1 }).tolist(), [0, 1]);
    assert.deepEqual(np.argmax(halves, { axis: 1 }).tolist(), [0, far - n / 2]);
  });

  it("a slice assignment past 2^31 lands there", () => {
    x.set(["-5:"], true);
    assert.equal(np.sum(x), 5);
    assert.equal(x.item(n - 6), false);
    assert.equal(x.item(n - 1), true);
  });
});
