// Chapter 12's exercises: a hold-out split (shuffle points and labels together, then set the last
// part aside), and the indices of one fold of k-fold cross-validation.
import * as np from "../np";
import { NDArray } from "../np/core";
import { unlessBlank } from "./blanks";
import { Exercise, filled, keepingRandomState, Problem } from "./exercise";

export type HoldoutSplit = (X: NDArray, y: NDArray, validation_size: number) => [NDArray, NDArray, NDArray, NDArray];

/** 30 points sorted by class as spiral_data returns them; point i is (i, 100 + i), so each row names its sample. */
const N = 30;
const VALIDATION_SIZE = 6;
const trialX = () => np.array(Array.from({ length: N }, (_, i) => [i, 100 + i]), "float32");
const trialY = () => np.array(Array.from({ length: N }, (_, i) => Math.floor((3 * i) / N)), "int64");

/** The sample numbers of a returned X, or a problem. */
function samplesOf(name: string, X: NDArray): number[] | string {
  if (X.ndim !== 2 || X.shape[1] !== 2) return `${name} has shape (${X.shape.join(", ")}); expected (${X.shape[0]}, 2): rows are samples, as in X.`;
  return (X.tolist() as number[][]).map((row) => row[0]);
}

function holdoutProblem(result: unknown): Problem {
  filled(result);
  if (!Array.isArray(result) || result.length !== 4) {
    return `the function should return [X_train, y_train, X_val, y_val], four arrays; it returned ${Array.isArray(result) ? `${result.length} values` : String(result)}.`;
  }
  const [X_train, y_train, X_val, y_val] = result.map(filled) as unknown[];
  for (const [name, array] of [["X_train", X_train], ["y_train", y_train], ["X_val", X_val], ["y_val", y_val]] as const) {
    if (!(array instanceof NDArray)) return `${name} should be an NDArray, got ${String(array)}.`;
  }
  const [Xt, yt, Xv, yv] = [X_train, y_train, X_val, y_val] as NDArray[];
  const sizes = `with ${N} samples and validation_size ${VALIDATION_SIZE}, expected ${N - VALIDATION_SIZE} training and ${VALIDATION_SIZE} validation samples`;
  if (Xv.shape[0] === N - VALIDATION_SIZE && Xt.shape[0] === VALIDATION_SIZE) {
    return `X_train has ${Xt.shape[0]} rows and X_val ${Xv.shape[0]}: the parts are swapped; ${sizes}.`;
  }
  if (Xt.shape[0] === N) {
    return `X_train has all ${N} samples, so the validation samples are also trained on: training takes only the samples before the last validation_size; ${sizes}.`;
  }
  if (Xt.shape[0] !== N - VALIDATION_SIZE || Xv.shape[0] !== VALIDATION_SIZE) {
    return `X_train has ${Xt.shape[0]} rows and X_val ${Xv.shape[0]}; ${sizes}.`;
  }
  const train = samplesOf("X_train", Xt);
  const val = samplesOf("X_val", Xv);
  if (typeof train === "string") return train;
  if (typeof val === "string") return val;
  for (const [name, labels, rows] of [["y_train", yt, Xt.shape[0]], ["y_val", yv, Xv.shape[0]]] as const) {
    if (labels.ndim !== 1 || labels.shape[0] !== rows) return `${name} has shape (${labels.shape.join(", ")}); expected (${rows},), one label per row of X.`;
  }
  const seen = new Set<number>();
  for (const sample of [...train, ...val]) {
    if (seen.has(sample)) {
      return val.includes(sample) && train.includes(sample)
        ? `sample ${sample} is both in X_train and in X_val: the two parts must not overlap (slice the shuffled data at one point).`
        : `sample ${sample} appears twice: the parts should hold every sample exactly once.`;
    }
    seen.add(sample);
  }
  const labels = [...(yt.tolist() as number[]), ...(yv.tolist() as number[])];
  const original = trialY().tolist() as number[];
  const samples = [...train, ...val];
  const mismatch = samples.findIndex((sample, k) => labels[k] !== original[sample]);
  if (mismatch >= 0) {
    const [part, row] = mismatch < train.length ? ["train", mismatch] : ["val", mismatch - train.length];
    return `points and labels no longer match: X_${part}[${row}] is sample ${samples[mismatch]}, of class ${original[samples[mismatch]]}, but y_${part}[${row}] is ${labels[mismatch]}. X and y were shuffled differently: draw one permutation and index both X and y with it.`;
  }
  if (samples.every((sample, k) => sample === k)) {
    return `the data was not shuffled: X_val holds the last ${VALIDATION_SIZE} samples in their original order, and spiral_data returns its points sorted by class, so the validation part is class ${original[N - 1]} only. Shuffle X and y with one np.random.permutation first.`;
  }
  return null;
}

export const holdout_split = new Exercise<HoldoutSplit>({
  title: "the hold-out split",
  check: unlessBlank((split) => {
    const X = trialX();
    const y = trialY();
    return keepingRandomState(() => {
      np.random.seed(12);
      return holdoutProblem(split(X, y, VALIDATION_SIZE));
    });
  }),
  hint: "keys = np.random.permutation(X.shape[0]) is one random order of the sample indices; X.get(keys) and y.get(keys) put points and labels in that same order. Then the first X.shape[0] - validation_size rows are for training (X.get(`:${split}`)) and the rest for validation (X.get(`${split}:`)).",
  solution: `function holdout_split(X: NDArray, y: NDArray, validation_size: number): [NDArray, NDArray, NDArray, NDArray] {
  const keys = np.random.permutation(X.shape[0]);
  const X_shuffled = X.get(keys);
  const y_shuffled = y.get(keys);
  const split = X.shape[0] - validation_size;
  return [X_shuffled.get(\`:\${split}\`), y_shuffled.get(\`:\${split}\`),
          X_shuffled.get(\`\${split}:\`), y_shuffled.get(\`\${split}:\`)];
}`,
});

export type KFoldIndices = (n: number, k: number, fold: number) => [NDArray | number[], NDArray | number[]];

/** Sample counts and fold counts to try: one that divides evenly (the notebook's) and two that leave a remainder. */
const FOLDINGS: [number, number][] = [[300, 5], [23, 5], [10, 3]];

function indices(name: string, value: unknown): number[] | string {
  filled(value);
  if (value instanceof NDArray) {
    if (value.ndim !== 1) return `${name} has shape (${value.shape.join(", ")}); expected a flat list of indices.`;
    return value.tolist() as number[];
  }
  if (Array.isArray(value) && value.every((v) => typeof v === "number")) return value;
  return `${name} should be an NDArray (or a list) of sample indices, got ${String(value)}.`;
}

function range(from: number, to: number): string {
  return to - from === 1 ? `${from}` : `${from}–${to - 1}`;
}

/** Sorted numbers as short ranges: 0–4, 9. */
function ranges(numbers: number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(range(sorted[i], sorted[j] + 1));
    i = j + 1;
  }
  return parts.join(", ");
}

function kfoldProblem(kfold: KFoldIndices, n: number, k: number): Problem {
  const folds: { train: number[]; val: number[] }[] = [];
  for (let fold = 0; fold < k; fold++) {
    const result = filled(kfold(n, k, fold));
    if (!Array.isArray(result) || result.length !== 2) {
      return `the function should return [train_keys, val_keys]; for fold ${fold} it returned ${Array.isArray(result) ? `${result.length} values` : String(result)}.`;
    }
    const train = indices(`train_keys (fold ${fold})`, result[0]);
    const val = indices(`val_keys (fold ${fold})`, result[1]);
    if (typeof train === "string") return train;
    if (typeof val === "string") return val;
    folds.push({ train, val });
  }
  // Overlapping folds first: an end one too far also runs past the last sample, which would hide the cause.
  const validatedBy = new Map<number, number>();
  for (const [fold, { val }] of folds.entries()) {
    for (const i of val) {
      const earlier = validatedBy.get(i);
      if (earlier !== undefined) {
        return `with ${n} samples and k = ${k}, samples ${ranges(val.filter((j) => validatedBy.get(j) === earlier))} are validated in fold ${earlier} and again in fold ${fold}: folds must not overlap. Fold i covers indices i · fold_size up to, not including, (i + 1) · fold_size.`;
      }
    }
    for (const i of val) validatedBy.set(i, fold);
  }
  const size = Math.floor(n / k);
  for (const [fold, { train, val }] of folds.entries()) {
    const where = `with ${n} samples and k = ${k}, fold ${fold}`;
    const outside = [...train, ...val].find((i) => !Number.isInteger(i) || i < 0 || i >= n);
    if (outside !== undefined) return `${where} has the index ${outside}, which is not a sample: indices run from 0 to ${n - 1}.`;
    const both = val.filter((i) => train.includes(i));
    if (both.length > 0) return `${where}: samples ${ranges(both)} are in val_keys and also in train_keys. A model must not train on the fold it is validated on: train_keys are all the other samples.`;
    const missing = Array.from({ length: n }, (_, i) => i).filter((i) => !train.includes(i) && !val.includes(i));
    if (missing.length > 0) return `${where}: samples ${ranges(missing)} are in neither train_keys nor val_keys. train_keys are every sample outside the fold, before it and after it.`;
    if (new Set(train).size !== train.length) return `${where}: train_keys list a sample twice.`;
  }
  const never = Array.from({ length: n }, (_, i) => i).filter((i) => !validatedBy.has(i));
  if (never.length > 0) {
    return `with ${n} samples and k = ${k}, samples ${ranges(never)} are in no fold's val_keys, so no model is ever validated on them. ${n % k ? `${n} / ${k} leaves ${n % k} over: let the last fold run to the end (end = n for fold k - 1).` : "Every sample should be validated once."}`;
  }
  for (const [fold, { val }] of folds.entries()) {
    if (val.length < size || val.length > size + (n % k)) {
      return `with ${n} samples and k = ${k}, fold ${fold} validates on ${val.length} samples; each fold should have ${size}${n % k ? ` (or a few more where the ${n % k} left over go)` : ""}.`;
    }
  }
  return null;
}

export const kfold_indices = new Exercise<KFoldIndices>({
  title: "k-fold cross-validation's indices",
  check: unlessBlank((kfold) => {
    for (const [n, k] of FOLDINGS) {
      const problem = kfoldProblem(kfold, n, k);
      if (problem !== null) return problem;
    }
    return null;
  }),
  hint: "fold_size = Math.floor(n / k); fold i validates on np.arange(start, end) with start = i · fold_size and end = (i + 1) · fold_size, except the last fold, whose end is n. train_keys join what comes before and after: np.concatenate([np.arange(0, start), np.arange(end, n)]).",
  solution: `function kfold_indices(n: number, k: number, fold: number): [NDArray, NDArray] {
  const fold_size = Math.floor(n / k);
  const start = fold * fold_size;
  const end = fold === k - 1 ? n : start + fold_size;
  const val_keys = np.arange(start, end);
  const train_keys = np.concatenate([np.arange(0, start), np.arange(end, n)]);
  return [train_keys, val_keys];
}`,
});
