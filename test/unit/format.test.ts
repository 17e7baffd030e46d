// Python's scalar printing, format() and print(), against Python itself (gen_printing.py).
import { strict as assert } from "assert";
import { NDArray } from "../../src/np/core";
import { reprFloat } from "../../src/np/printing/float-digits";
import { f, float, format, print, repr, str } from "../../src/np/printing/python-print";
import { casesOf, decode, scalarOf } from "../helpers/printing-golden";
import { captured } from "../helpers/stdout";

describe("Python scalar repr (goldens from Python and NumPy)", () => {
  const scalars = casesOf("scalar");
  it("has float64 and float32 cases", () => assert.ok(scalars.length >= 90));
  for (const [name, c] of scalars) {
    it(name, () => {
      const x = scalarOf(c.value!);
      const float32 = c.value!.dtype === "float32";
      assert.equal(reprFloat(x, float32), c.repr);
      // plain numbers: integral ones print as ints, float32-exact ones with float32 digits
      if (!Number.isInteger(x) && float32 === (Math.fround(x) === x)) assert.equal(repr(x), c.repr);
      if (!float32) assert.equal(repr(float(x)), c.repr);
    });
  }
});

describe("format(value, spec) (goldens from Python's format)", () => {
  for (const [name, c] of casesOf("format")) {
    it(name, () => {
      const x = scalarOf(c.value!);
      const value = c.value!.dtype === "float64" ? float(x) : x;
      assert.equal(format(value, c.spec), c.out);
    });
  }

  it("rounds exact ties to even and uses the binary value, unlike toFixed", () => {
    assert.equal(format(0.0625, ".3f"), "0.062");
    assert.equal((0.0625).toFixed(3), "0.063");
    assert.equal(format(2.675, ".2f"), "2.67");
  });

  it("rejects 'd' for a float, as Python does", () => {
    assert.throws(() => format(0.5, "d"), /Unknown format code 'd' for object of type 'float'/);
  });

  it("formats strings with alignment", () => {
    assert.equal(format("ab", ">5"), "   ab");
    assert.equal(format("ab", "<5") + "|", "ab   |");
    assert.equal(format("abcdef", ".3"), "abc");
  });
});

describe("str / repr of JS values as Python prints them", () => {
  it("integral numbers are ints, others floats; float() forces the float form", () => {
    assert.equal(str(100), "100");
    assert.equal(str(float(1)), "1.0");
    assert.equal(str(float(100)), "100.0");
    assert.equal(str(0.04999752512250644), "0.04999752512250644");
    assert.equal(str(5e-5), "5e-05");
    assert.equal(str(1e-7), "1e-07");
    assert.equal(str(1e16), "1e+16");
    assert.equal(str(-0), "-0.0");
    assert.equal(str(Infinity), "inf");
    assert.equal(str(NaN), "nan");
  });

  it("a float32-exact non-integer prints with float32 digits, a float64 one with float64 digits", () => {
    assert.equal(str(Math.fround(1.0986104)), "1.0986104");
    assert.equal(str(0.34), "0.34");
    assert.equal(str(1 / 3), "0.3333333333333333");
    assert.equal(str(Math.fround(1 / 3)), "0.33333334");
  });

  it("booleans, None, strings and lists", () => {
    assert.equal(str(true), "True");
    assert.equal(str(null), "None");
    assert.equal(str(undefined), "None");
    assert.equal(str("a b"), "a b");
    assert.equal(repr("it's"), `"it's"`);
    assert.equal(str([float(1), 2, "a", [true, null]]), "[1.0, 2, 'a', [True, None]]");
    assert.equal(str({ loss: 0.5 }), "{'loss': 0.5}");
  });

  it("arrays: str is NumPy's str, repr is NumPy's repr", () => {
    const a = new NDArray(new Float32Array([0.5, 1]), [2], "float32");
    assert.equal(str(a), "[0.5 1. ]");
    assert.equal(repr(a), "array([0.5, 1. ], dtype=float32)");
    assert.equal(str([a]), "[array([0.5, 1. ], dtype=float32)]");
  });
});

describe("print and the f-string tag", () => {
  it("joins its arguments with spaces and ends the line", () => {
    assert.equal(captured(() => print("loss:", Math.fround(1.0986104))), "loss: 1.0986104\n");
    assert.equal(captured(() => print()), "\n");
  });

  it("takes Python's sep and end as a trailing options object", () => {
    assert.equal(captured(() => print(1, 2, { sep: ", " })), "1, 2\n");
    assert.equal(captured(() => print("a", { end: "" })), "a");
    assert.equal(captured(() => print({ other: 1 })), "{'other': 1}\n");
  });

  it("prints arrays as NumPy's str", () => {
    const a = new NDArray(new Int32Array([1, -20, 3]), [3], "int32");
    assert.equal(captured(() => print(a)), "[  1 -20   3]\n");
  });

  it("writes the book's training line", () => {
    const line = (epoch: number, accuracy: number, loss: number, lr: number): string =>
      f`epoch: ${epoch}, acc: ${accuracy}:.3f, loss: ${loss}:.3f, lr: ${float(lr)}`;
    assert.equal(line(0, 0.36, 1.0986, 1), "epoch: 0, acc: 0.360, loss: 1.099, lr: 1.0");
    assert.equal(line(100, 0.7134, 0.68512, 0.04999752512250644),
      "epoch: 100, acc: 0.713, loss: 0.685, lr: 0.04999752512250644");
  });

  it("leaves text after a value alone unless it is a format spec", () => {
    const [a, b] = [1, 2];
    assert.equal(f`${a}: ${b}`, "1: 2");
    assert.equal(f`${a}:${b}`, "1:2");
    assert.equal(f`ratio ${a}:each`, "ratio 1:each");
    assert.equal(f`[${0.5}:>8.2f]`, "[    0.50]");
    assert.equal(f`${0.25}:.1%.`, "25.0%.");
  });
});
