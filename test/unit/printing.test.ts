// NumPy's array str/repr, compared with what NumPy 1.x printed (test/golden/gen_printing.py).
import { strict as assert } from "assert";
import { inspect } from "util";
import { NDArray } from "../../src/np/core";
import { array_repr, array_str } from "../../src/np/printing";
import { casesOf, decode } from "../helpers/printing-golden";

const arrays = casesOf("array");

describe("array printing (NumPy 1.x goldens)", () => {
  it("has a broad golden set", () => {
    assert.ok(arrays.length >= 120, `${arrays.length} cases`);
  });

  for (const [name, c] of arrays) {
    it(`${name.slice("array: ".length)}: str and repr`, () => {
      const a = decode(c.array!);
      assert.equal(array_str(a), c.str);
      assert.equal(array_repr(a), c.repr);
    });
  }

  it("String(x) gives str and util.inspect (tslab's console.log) gives repr", () => {
    const [, c] = arrays.find(([name]) => name === "array: book ch4 softmax[:5]")!;
    const a = decode(c.array!);
    assert.equal(String(a), c.str);
    assert.equal(`${a}`, c.str);
    assert.equal(inspect(a), c.repr);
  });

  // The best of several runs, so a busy machine does not fail the test; a quiet one
  // prints the 1000 elements in about 1-3 ms.
  for (const [shape, limit] of [[[300, 64], 2], [[40, 25], 20]] as const) {
    it(`prints a ${shape.join("x")} float32 array in under ${limit} ms`, () => {
      const size = shape[0] * shape[1];
      const data = new Float32Array(size).map((_, i) => Math.fround(Math.sin(i) * 0.01));
      const a = new NDArray(data, shape, "float32");
      let best = Infinity;
      for (let run = 0; run < 20; run++) {
        const start = process.hrtime.bigint();
        array_str(a);
        best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
      }
      assert.ok(best < limit, `${best.toFixed(2)} ms per print`);
    });
  }
});
