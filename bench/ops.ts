// This library's side of the array benchmark: the same cases as ops_numpy.py.
import type { NDArray } from "../src/np/core";
import { library } from "./library";
import { medianTime } from "./timing";

type Case = [name: string, run: () => unknown];

export function arrayCases(): Case[] {
  const { np } = library;
  const rng = new np.random.RandomState(0);
  const f32 = (rows: number, cols: number): NDArray => rng.randn(rows, cols).astype("float32");
  const cases: Case[] = [];
  for (const [rows, cols] of [[300, 64], [60000, 128]]) {
    const a = f32(rows, cols), b = f32(rows, cols), row = f32(1, cols);
    const tag = `${rows}x${cols}`;
    cases.push(
      [`add ${tag}`, () => np.add(a, b)],
      [`multiply by scalar ${tag}`, () => np.multiply(0.01, a)],
      [`add row (broadcast) ${tag}`, () => np.add(a, row)],
      [`maximum(0, x) ${tag}`, () => np.maximum(0, a)],
      [`exp ${tag}`, () => np.exp(a)],
      [`sum ${tag}`, () => np.sum(a)],
      [`sum axis=1 keepdims ${tag}`, () => np.sum(a, { axis: 1, keepdims: true })],
      [`sum axis=0 ${tag}`, () => np.sum(a, { axis: 0 })],
      [`mean ${tag}`, () => np.mean(a)],
      [`max axis=1 keepdims ${tag}`, () => np.max(a, { axis: 1, keepdims: true })],
      [`argmax axis=1 ${tag}`, () => np.argmax(a, { axis: 1 })],
    );
  }
  for (const [[m, k], [k2, n]] of [[[300, 2], [2, 64]], [[300, 64], [64, 3]], [[64, 300], [300, 3]], [[128, 784], [784, 128]]]) {
    const x = f32(m, k), w = f32(k2, n);
    cases.push([dotCase(m, k, k2, n), () => np.dot(x, w)]);
  }
  // Printing: a summarized array (the book's outputs) and one of 1000 elements shown whole.
  const [printed, whole] = [f32(300, 64), f32(40, 25)];
  // A layer's weight gradient, inputs.T @ dvalues (chapter 10's second layer): x.T read in place.
  const [inputs, dvalues] = [f32(300, 64), f32(300, 3)];
  cases.push([dotCase(64, 300, 300, 3, "x.T "), () => np.dot(inputs.T, dvalues)]);
  cases.push(["str 300x64 (summarized)", () => String(printed)], ["str 40x25 (all 1000)", () => String(whole)]);
  cases.push(["randn(1e6)", () => np.random.randn(1000000)]);
  return cases;
}

/**
 * A dot row's name says what it compares: float32 arrays in both, sums in float64 here (bit for bit
 * the float64 dot cast to float32 that nnfs.init() gives the book) and in float32 in NumPy's sgemm.
 */
const dotCase = (m: number, k: number, k2: number, n: number, operand = ""): string => `dot ${operand}${m}x${k} @ ${k2}x${n} (f64 sums | sgemm)`;

export function timeArrayCases(): Map<string, number> {
  return new Map(arrayCases().map(([name, run]) => [name, medianTime(run)]));
}
