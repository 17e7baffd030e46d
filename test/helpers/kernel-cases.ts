// Prints, as JSON, the bytes of many results of the operations the C++ kernels speed up, over
// inputs full of special values. native.test.ts runs it with and without the kernels
// (NNFS_NATIVE=0) and compares: the two must agree bit for bit.
import * as np from "../../src/np";
import type { NDArray } from "../../src/np/core";
import type { DType } from "../../src/np/dtype";
import { native } from "../../src/np/native";
import { Optimizer_Adam } from "../../src/network/optimizers";
import { nearHalfWay } from "./exp-half-way";

const SPECIAL = [NaN, Infinity, -Infinity, 0, -0, 1e-45, -1e-310, 3.4e38, 1, -1, 0.1, 2 ** -20];

/**
 * Uniform values in [-1, 1) scaled over many magnitudes, with the special values sprinkled in.
 * (Uniform, not normal: float64 Gaussians are not the same without the kernels; see below.)
 */
function inputs(shape: number[], dtype: DType, seed: number): NDArray {
  const rng = new np.random.RandomState(seed);
  const uniform = np.subtract(np.multiply(rng.random_sample(shape) as NDArray, 2), 1);
  const values = np.multiply(uniform, np.power(10, (rng.randint(-3, 4, shape) as NDArray).astype("float64")));
  const flat = values.reshape(-1);
  for (let i = 0; i < flat.size; i += 7) flat.data[i] = SPECIAL[(i / 7) % SPECIAL.length];
  return flat.reshape(...shape).astype(dtype);
}

const results: Record<string, string> = { native: String(native !== null) };
// A NaN is recorded as one NaN: its sign and payload are not observable (printing, comparisons)
// and differ between V8, which rewrites some NaNs to its own, and the processor's arithmetic.
// Finite values in [-4, 4), where a NaN would decide a result whatever else was read (uniform:
// float64 Gaussians differ by design with the kernels, see random.cc; an int64 array gets -4..3).
const finite = (shape: number[], dtype: DType, seed: number): NDArray =>
  np.subtract(np.multiply(new np.random.RandomState(seed).random_sample(shape) as NDArray, 8), 4).astype(dtype);

const record = (name: string, a: NDArray | number): void => {
  const bytes = typeof a === "number" ? new Float64Array([a]) : a.data.slice();
  if (bytes instanceof Float32Array || bytes instanceof Float64Array) bytes.forEach((v, i) => { if (v !== v) bytes[i] = NaN; });
  results[name] = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
};

const binary = {
  add: np.add, subtract: np.subtract, multiply: np.multiply, divide: np.divide,
  maximum: np.maximum, minimum: np.minimum, equal: np.equal, not_equal: np.not_equal,
  greater: np.greater, greater_equal: np.greater_equal, less: np.less, less_equal: np.less_equal,
};
const shapes: [string, number[], number[]][] = [
  ["same", [300, 64], [300, 64]], ["row", [300, 64], [1, 64]], ["column", [300, 64], [300, 1]],
  ["scalar", [300, 64], []], ["scalar-first", [], [40, 50]], ["3-d", [4, 30, 20], [30, 1]], ["small", [3, 5], [3, 5]],
];
for (const dtype of ["float32", "float64"] as DType[]) {
  for (const [where, sa, sb] of shapes) {
    const a = inputs(sa, dtype, 1), b = inputs(sb, dtype, 2);
    for (const [name, ufunc] of Object.entries(binary)) record(`${name} ${dtype} ${where}`, ufunc(a, b));
  }
  const other: DType = dtype === "float32" ? "float64" : "float32";
  for (const [where, sa, sb] of shapes.slice(0, 4)) {
    const a = inputs(sa, dtype, 12), b = inputs(sb, other, 13);
    for (const [name, ufunc] of Object.entries(binary)) record(`${name} ${dtype} with ${other} ${where}`, ufunc(a, b));
  }
  const a = inputs([300, 64], dtype, 3);
  record(`add out= ${dtype}`, np.add(a, inputs([1, 64], dtype, 4), { out: a.copy() }));
  for (const shape of [[7], [8], [128], [129], [1000], [300, 64], [3, 300], [60, 7, 9]]) {
    const x = inputs(shape, dtype, 5);
    record(`sum ${dtype} ${shape}`, np.sum(x));
    record(`mean ${dtype} ${shape}`, np.mean(x));
    for (let axis = 0; axis < shape.length; axis++) record(`sum axis ${axis} ${dtype} ${shape}`, np.sum(x, { axis, keepdims: true }));
  }
  for (const shape of [[300, 64], [300, 3], [5, 6, 7], [1000], [20, 300]]) {
    const x = inputs(shape, dtype, 11);
    for (const [name, ufunc] of Object.entries({ negative: np.negative, square: np.square, sqrt: np.sqrt, abs: np.abs })) {
      record(`${name} ${dtype} ${shape}`, ufunc(x));
    }
    for (let axis = 0; axis < shape.length; axis++) {
      record(`max axis ${axis} ${dtype} ${shape}`, np.max(x, { axis, keepdims: true }));
      record(`min axis ${axis} ${dtype} ${shape}`, np.min(x, { axis }));
      record(`argmax axis ${axis} ${dtype} ${shape}`, np.argmax(x, { axis }));
      record(`argmin axis ${axis} ${dtype} ${shape}`, np.argmin(x, { axis }));
    }
    record(`max ${dtype} ${shape}`, np.max(x));
    record(`argmax ${dtype} ${shape}`, np.argmax(x));
  }
  // Scans of these go in parts (a range of lines per core), evenly or not, along the last axis or not.
  // With NaNs (every seventh value) and without, where NaN would decide most lines.
  for (const shape of [[700, 200], [3, 50000], [300, 250, 2]]) {
    for (const [values, x] of [["", inputs(shape, dtype, 16)], ["finite ", finite(shape, dtype, 28)]] as const) {
      for (let axis = 0; axis < shape.length; axis++) {
        record(`split ${values}max axis ${axis} ${dtype} ${shape}`, np.max(x, { axis }));
        record(`split ${values}argmin axis ${axis} ${dtype} ${shape}`, np.argmin(x, { axis }));
      }
      record(`split ${values}min ${dtype} ${shape}`, np.min(x));
    }
  }
  // max/argmax on rows without NaN, full of ties (small integers, 0 and -0): the first one must win.
  // Row lengths 300 and 27 leave more than one vector after the kernel's last pair of vectors.
  for (const shape of [[300, 64], [300, 3], [40, 130], [20, 300], [60, 27]]) {
    const rs = new np.random.RandomState(14);
    const halves = np.subtract(np.multiply(rs.randint(0, 2, shape), 1), 0.5); // +0.5 or -0.5
    const ties = np.multiply(np.subtract(rs.randint(0, 5, shape), 2), halves).astype(dtype);
    for (let axis = 0; axis < shape.length; axis++) {
      record(`max ties axis ${axis} ${dtype} ${shape}`, np.max(ties, { axis }));
      record(`min ties axis ${axis} ${dtype} ${shape}`, np.min(ties, { axis }));
      record(`argmax ties axis ${axis} ${dtype} ${shape}`, np.argmax(ties, { axis }));
      record(`argmin ties axis ${axis} ${dtype} ${shape}`, np.argmin(ties, { axis }));
    }
  }
  // And on rows of distinct values without NaN, where the extreme is in one place only.
  for (const shape of [[300, 64], [20, 300], [60, 27], [100, 9]]) {
    const x = (new np.random.RandomState(15).random_sample(shape) as NDArray).astype(dtype);
    record(`max distinct ${dtype} ${shape}`, np.max(x, { axis: -1 }));
    record(`argmax distinct ${dtype} ${shape}`, np.argmax(x, { axis: -1 }));
    record(`argmin distinct ${dtype} ${shape}`, np.argmin(x, { axis: -1 }));
  }
  const masked = inputs([300, 64], dtype, 6);
  masked.set([np.less_equal(inputs([300, 64], dtype, 7), 0)], 0);
  record(`masked fill ${dtype}`, masked);
}
for (const dtype of ["float32", "float64", "int32", "int64", "uint8", "bool"] as DType[]) {
  record(`transpose ${dtype}`, inputs([37, 70], dtype, 8).T);
  // Over 2 x 2^15 elements: in two parts, one per core, split along the longer side of the result.
  record(`transpose ${dtype} 301x250`, inputs([301, 250], dtype, 8).T);
  record(`transpose ${dtype} 250x301`, inputs([250, 301], dtype, 8).T);
}
// 4-byte elements go through 8 x 8 register blocks where the tiles hold them: whole blocks, tiles
// with edges, fewer than 8 rows or columns, and the book's shapes (a Fashion-MNIST batch, spiral data).
for (const dtype of ["float32", "int32"] as DType[]) {
  for (const shape of [[8, 8], [16, 40], [9, 17], [33, 65], [7, 100], [128, 784], [784, 128], [300, 2], [2, 300], [300, 64]]) {
    record(`transpose ${dtype} ${shape.join("x")}`, inputs(shape, dtype, 9).T);
  }
}
// Random streams: the kernels draw from the same state, so what follows them must continue it.
// Float64 Gaussians are recorded as their float32 casts (nnfs's randn): the kernel takes the C
// library's log, as NumPy does, and the loop V8's, which differs in the last bit now and then.
// random.test.ts holds the kernel's to NumPy's bit for bit.
const gaussians = (a: NDArray | number): NDArray => (a as NDArray).astype("float32");
for (const seed of [0, 1, 12345]) {
  const rs = new np.random.RandomState(seed);
  record(`random_sample ${seed}`, rs.random_sample(1001) as NDArray);
  record(`binomial(1, 0.9) ${seed}`, rs.binomial(1, 0.9, [300, 64]) as NDArray);
  record(`binomial(10, 0.3) ${seed}`, rs.binomial(10, 0.3, 999) as NDArray);
  record(`binomial(7, 0.5) ${seed}`, rs.binomial(7, 0.5, 77) as NDArray);
  record(`binomial(100, 0.6) ${seed}`, rs.binomial(100, 0.6, 50) as NDArray);
  record(`binomial(2, 1) ${seed}`, rs.binomial(2, 1, 5) as NDArray);
  record(`randn(1001) ${seed}`, gaussians(rs.randn(1001)));
  record(`randn(3) after an odd count ${seed}`, gaussians(rs.randn(3)));
  record(`standard_normal(100000) ${seed}`, gaussians(rs.standard_normal(100000)));
  record(`rand after ${seed}`, rs.rand(3) as NDArray);
  record(`randn after ${seed}`, gaussians(rs.randn(1)));
}

// float32 exp: special values and every magnitude, the whole range the kernel computes ([-87, 88])
// densely, its ends and beyond (left to Math.exp), inputs whose exp is close to a float32 half-way point.
record("exp float32 specials", np.exp(inputs([300, 64], "float32", 15)));
record("exp float32 range", np.exp(np.linspace(-87, 88, 1_000_001).astype("float32")));
record("exp float32 at the range's ends", np.exp(np.concatenate([np.linspace(-110, -80, 1000), np.linspace(80, 100, 1000)]).astype("float32")));
record("exp float32 near half-way", np.exp(np.array(nearHalfWay(), "float32")));
const inPlace = np.concatenate([np.array(nearHalfWay(), "float32"), inputs([1000], "float32", 17)]);
record("exp float32 in place", np.exp(inPlace, { out: inPlace }));

const products: [number, number, number][] = [
  [300, 2, 64], [300, 64, 3], [64, 300, 3], [5, 7, 9], [33, 130, 65], [1, 5, 1], [21, 40, 27],
  // Narrow columns (linalg.cc's blockLanes, rows in lanes): twelve rows at a time by 3 and 5
  // columns, eight by 6 and 7, then single rows; k past a multiple of 4, and below 4.
  [37, 19, 3], [24, 13, 5], [17, 9, 6], [11, 3, 7],
  // 1 to 3 rows past a multiple of 4, by 16, 32 and 40 columns (leftRows: blocks of 16, then 8).
  [2, 300, 64], [1, 9, 16], [3, 20, 40], [7, 11, 32], [13, 5, 56],
  // Over 2^19 multiply-adds: split between cores (linalg.cc's matmulParts) by strips of 16 columns
  // (the first two; the last part also takes the 8 + 0..7 columns past them) or by rows (the others;
  // parts of 104 and 99 rows).
  [40, 300, 160], [37, 150, 200], [200, 70, 48], [203, 90, 45],
];
for (const [m, k, n] of products) {
  for (const [ta, tb] of [["float32", "float32"], ["float32", "float64"], ["float64", "float32"], ["float64", "float64"], ["int64", "float32"]] as DType[][]) {
    const a = np.multiply(inputs([m, k], ta, 9), 1), b = inputs([k, n], tb, 10);
    record(`dot ${m}x${k} ${ta} @ ${k}x${n} ${tb}`, np.dot(a, b));
    // A NaN every seventh value makes most long sums NaN, whatever was read: finite values too.
    record(`dot finite ${m}x${k} ${ta} @ ${k}x${n} ${tb}`, np.dot(finite([m, k], ta, 26), finite([k, n], tb, 27)));
  }
}

// Products by a transpose, as Layer_Dense.backward takes them: x.T @ d and d @ W.T. The kernel
// packs float32 operands straight from x and W where its packed blocks do the whole product (rows
// in eights, columns in sixteens: the first five, split by rows, by columns or not at all), and
// reads x.T in place for fewer than 16 columns (the rest: chapter 10's 64x300 @ 300x3 and
// Fashion-MNIST's last layer; rows in vectors of three, one and singly, columns in eights and the
// rest; 700x100 @ 100x9 split by rows); elsewhere (d @ W.T with 40 columns, and with float64
// operands) dot multiplies the transpose's copy. Finite values: with inputs()'s NaNs nearly every
// long sum is NaN, whatever was read.
const byTransposes: [number, number, number][] = [
  [784, 128, 128], [128, 128, 784], [16, 9, 32], [200, 70, 48], [40, 300, 160], [20, 7, 32], [16, 9, 40],
  [128, 128, 10], [64, 300, 3], [61, 33, 1], [29, 40, 7], [7, 5, 8], [53, 20, 15], [2, 300, 2], [700, 100, 9],
];
for (const [m, k, n] of byTransposes) {
  for (const [ta, tb] of [["float32", "float32"], ["float64", "float32"]] as DType[][]) {
    const x = finite([k, m], ta, 22), d = finite([k, n], tb, 23), W = finite([n, k], tb, 24);
    record(`dot x.T ${m}x${k} ${ta} @ ${k}x${n} ${tb}`, np.dot(x.T, d));
    record(`dot d ${m}x${k} ${ta} @ W.T ${k}x${n} ${tb}`, np.dot(finite([m, k], ta, 25), W.T));
    record(`dot x.T ${m}x${k} ${ta} @ W.T ${k}x${n} ${tb}`, np.dot(x.T, W.T));
  }
}

// Optimizer_Adam's update in one pass (network/native/adam.cc) against the book's lines, which run
// without the kernels: three steps with decay over parameters and gradients full of special values.
// 300x250 weights (75,000 > 2 x 2^15) are updated in two parts, one per core.
for (const [dtype, rows, columns] of [["float32", 64, 30], ["float64", 64, 30], ["float32", 300, 250], ["float64", 300, 250]] as [DType, number, number][]) {
  const layer = {
    weights: inputs([rows, columns], dtype, 18), biases: inputs([1, columns], dtype, 19),
    dweights: inputs([rows, columns], dtype, 20), dbiases: inputs([1, columns], dtype, 21),
  };
  const optimizer = new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-7 });
  for (let step = 0; step < 3; step++) {
    optimizer.pre_update_params();
    optimizer.update_params(layer);
    optimizer.post_update_params();
  }
  const state = layer as typeof layer & Record<"weight_momentums" | "weight_cache" | "bias_momentums" | "bias_cache", NDArray>;
  for (const name of ["weights", "biases", "weight_momentums", "weight_cache", "bias_momentums", "bias_cache"] as const) {
    record(`Adam ${name} ${rows}x${columns} ${dtype}`, state[name]);
  }
}

// Momentums and caches on their way to subnormal and below (gradients near 1e-36, then zero in every
// other row, for 30 steps): in adam.cc such groups of 16 go through double, the others through float32.
for (const dtype of ["float32", "float64"] as DType[]) {
  const tiny = np.multiply(inputs([40, 24], "float64", 22), 1e-36);
  const layer = {
    weights: inputs([40, 24], dtype, 23), biases: inputs([1, 24], dtype, 24),
    dweights: np.where(np.less(np.arange(40).reshape(40, 1), 20), tiny, inputs([40, 24], "float64", 25)).astype(dtype),
    dbiases: np.multiply(inputs([1, 24], "float64", 26), 1e-37).astype(dtype),
  };
  const optimizer = new Optimizer_Adam({ learning_rate: 0.001, decay: 1e-4 });
  for (let step = 0; step < 30; step++) {
    if (step === 3) layer.dweights = np.multiply(layer.dweights, np.array(Array.from({ length: 40 }, (_, row) => [(row + 1) % 2]))).astype(dtype);
    optimizer.pre_update_params();
    optimizer.update_params(layer);
    optimizer.post_update_params();
  }
  const state = layer as typeof layer & Record<"weight_momentums" | "weight_cache" | "bias_momentums", NDArray>;
  for (const name of ["weights", "biases", "weight_momentums", "weight_cache", "bias_momentums"] as const) {
    record(`Adam near subnormal ${name} ${dtype}`, state[name]);
  }
}
// A correction of magnitude 2 or more can make a subnormal quotient fall exactly halfway between two
// float32 values: with beta_1 = 29, step 2 divides a momentum of -28 * 75 * 2^-149 by 1 - 29^2 =
// -840, giving 2.5 * 2^-149. Division rounds that to even; a multiplication by 1/-840 gives 3 * 2^-149,
// so adam.cc divides there (the learning rate is large enough for the update to show it).
{
  const zeros = (): NDArray => np.zeros([1, 16], { dtype: "float32" });
  const layer = { weights: zeros(), biases: zeros(), dweights: zeros(), dbiases: zeros() };
  const optimizer = new Optimizer_Adam({ learning_rate: 1e30, beta_1: 29 });
  for (const gradient of [0, 75 * 2 ** -149]) {
    layer.dweights = np.full([1, 16], gradient, { dtype: "float32" });
    optimizer.pre_update_params();
    optimizer.update_params(layer);
    optimizer.post_update_params();
  }
  record("Adam halfway quotient weights float32", layer.weights);
}
process.stdout.write(JSON.stringify(results));

