// NumPy's array str/repr, compared with what NumPy 1.x printed (test/golden/gen_printing.py).
import { strict as assert } from "assert";
import { inspect } from "util";
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
});
