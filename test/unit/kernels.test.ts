import assert from "assert";
import * as np from "../../src/np";

// NumPy's `out=` on ufuncs (np.add(a, b, out=a) is what `a += b` does).
describe("ufuncs with { out }", () => {
  it("writes into out and returns it, reading an operand that is out itself", () => {
    const a = np.array([[1, 2], [3, 4]], "float32");
    const result = np.add(a, np.array([[10, 20], [30, 40]], "float32"), { out: a });
    assert.strictEqual(result, a);
    assert.deepStrictEqual(a.tolist(), [[11, 22], [33, 44]]);
  });

  it("a float64 result into a float32 out rounds once, as astype does", () => {
    const a = np.array([0.1, 0.2, 0.3], "float32"), b = np.array([1e-9, 1 / 3, 2 / 3]);
    const expected = np.add(a, b).astype("float32");
    np.add(a, b, { out: a });
    assert.strictEqual(a.dtype, "float32");
    assert.deepStrictEqual(Array.from(a.data), Array.from(expected.data));
  });

  it("broadcasts the operands (row, scalar) into out's shape", () => {
    const out = np.zeros([2, 3]);
    np.multiply(np.array([1, 2, 3]), 2, { out });
    assert.deepStrictEqual(out.tolist(), [[2, 4, 6], [2, 4, 6]]);
    np.exp(np.array([0, 0, 0]), { out });
    assert.deepStrictEqual(out.tolist(), [[1, 1, 1], [1, 1, 1]]);
  });

  it("refuses NumPy's way: a shape the result does not fit, a cast across kinds", () => {
    assert.throws(() => np.add(np.ones([2, 3]), np.ones([3]), { out: np.zeros([3]) }),
      { message: "non-broadcastable output operand with shape (3,) doesn't match the broadcast shape (2,3)" });
    assert.throws(() => np.add(np.ones([3]), np.ones([3]), { out: np.zeros([3], "int64") }),
      { message: "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'" });
    assert.throws(() => np.exp(np.ones([3]), { out: np.zeros([3], "int64") }),
      { message: "Cannot cast ufunc 'exp' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'" });
  });

  it("a comparison into a float out stores 0 and 1", () => {
    const out = np.full([3], 7);
    np.less(np.array([1, 5, 2]), 3, { out });
    assert.deepStrictEqual(out.tolist(), [1, 0, 1]);
  });
});

// maximum/minimum return the operand NumPy's rule picks (kernels.ts, native/elementwise.cc): NaN, -0 and
// infinities must come out as NumPy's rule says, in both float widths, for every operand layout.
describe("maximum and minimum select NumPy's operand", () => {
  const values = [NaN, -0, 0, -1.5, 2.25, Infinity, -Infinity, 3e38, -7e-45];
  const reference = (max: boolean) => (a: number, b: number) => ((max ? a > b : a < b) || a !== a ? a : b);
  for (const dtype of ["float32", "float64"] as const) {
    for (const [name, ufunc, max] of [["maximum", np.maximum, true], ["minimum", np.minimum, false]] as const) {
      it(`${name} ${dtype}: equal shapes, a scalar, a broadcast row`, () => {
        const a = np.array(values.flatMap((v) => values.map(() => v)), dtype).reshape(values.length, values.length);
        const row = np.array(values, dtype).reshape(1, -1);
        const pick = reference(max);
        const check = (out: np.NDArray, expect: (i: number, j: number) => number) => {
          for (let i = 0; i < values.length; i++) {
            for (let j = 0; j < values.length; j++) {
              const want = Math.fround(expect(i, j)), got = out.item(i, j) as number;
              assert.ok(Object.is(got, dtype === "float32" ? want : expect(i, j)), `${i},${j}: ${got}`);
            }
          }
        };
        check(ufunc(a, row), (i, j) => pick(values[i], values[j]));
        check(ufunc(row, a), (i, j) => pick(values[j], values[i]));
        check(ufunc(0, a), (i) => pick(0, values[i]));
        check(ufunc(a, np.array([[-0]], dtype)), (i) => pick(values[i], -0));
      });
    }
  }
});

describe("a boolean mask write d[mask] = v over the whole array", () => {
  for (const dtype of ["float32", "float64"] as const) {
    it(`${dtype}: replaces exactly the masked elements, bits and all`, () => {
      const values = [NaN, -0, 0, -1.5, 2.25, Infinity, -Infinity, 1e-40, 5];
      const d = np.array(values, dtype);
      const mask = np.array(values.map((_, i) => i % 3 !== 1), "bool");
      d.set([mask], -0);
      values.forEach((v, i) => assert.ok(Object.is(d.item(i), i % 3 !== 1 ? -0 : dtype === "float32" ? Math.fround(v) : v), `${i}`));
    });
  }
});

// Every dot kernel (narrow B, short k, wide; with AVX-512, float32 operands packed to double in
// 8x16 blocks) must sum each element in p order from 0 in float64 and round once: compared with
// that sum written out, bit for bit, over shapes that reach each kernel and its leftover rows and
// columns. The last three are large enough to be split between threads (native/parallel.h), with
// rows and columns left over in each part; the last one's B packed to double is over 32 MB, memory
// the kernel lets go after the call.
describe("dot kernels sum in index order", () => {
  const rng = new np.random.RandomState(1);
  for (const [m, k, n] of [[1, 1, 1], [3, 2, 64], [5, 3, 9], [3, 7, 9], [4, 9, 16], [7, 4, 3], [2, 300, 64], [64, 300, 3], [9, 64, 2], [3, 5, 8], [4, 0, 3], [5, 7, 0], [8, 5, 16], [300, 2, 64], [19, 6, 35], [9, 33, 27], [130, 70, 131], [129, 64, 70], [9, 2100, 2001]]) {
    it(`(${m},${k}) @ (${k},${n}), float32`, () => {
      const a = (rng.randn(m, k) as np.NDArray).astype("float32"), b = (rng.randn(k, n) as np.NDArray).astype("float32");
      const c = np.dot(a, b);
      assert.deepStrictEqual(c.shape, [m, n]);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let sum = 0;
          for (let p = 0; p < k; p++) sum += a.data[i * k + p] * b.data[p * n + j];
          assert.ok(Object.is(c.data[i * n + j], Math.fround(sum)), `${i},${j}`);
        }
      }
    });
  }
});
