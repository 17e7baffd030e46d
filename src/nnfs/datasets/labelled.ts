// What spiral_data and vertical_data share: their call forms and the (X, y) pair they
// fill class by class. X comes from zeros((samples*classes, 2)), so it takes the default
// float dtype (float32 after nnfs.init(), as nnfs's patched zeros gives); y is uint8.
import { config } from "../../np/config";
import { NDArray } from "../../np/core";
import { castValue } from "../../np/dtype";
import { keywordsOf, wholeNumber } from "../../np/keywords";

/** Keywords of spiral_data and vertical_data. */
export interface ClassDataOptions {
  /** Points per class. */
  samples: number;
  /** How many classes (labels 0 to classes - 1). */
  classes: number;
}

/**
 * `f(100, 3)`, `f(100, { classes: 3 })` or `f({ samples: 100, classes: 3 })`, as Python allows
 * each, with both counts required and whole numbers of at least 1 (-1 or 2.5 used to fail deep
 * in the array code, and 0 gave an empty dataset that training turns into NaN).
 */
export function readClassArgs(callee: string, args: readonly unknown[]): ClassDataOptions {
  const given = keywordsOf<Partial<ClassDataOptions>>(callee, ["samples", "classes"], args);
  return { samples: countArgument(callee, "samples", given.samples), classes: countArgument(callee, "classes", given.classes) };
}

/** A count argument of a dataset function: present, and a whole number of at least 1. */
export function countArgument(callee: string, name: string, value: unknown): number {
  if (value === undefined) throw new TypeError(`${callee}() missing 1 required positional argument: '${name}'`);
  wholeNumber(`${callee}() argument '${name}'`, value, 1);
  return value as number;
}

/** Zeroed X (samples*classes, 2) and y with each class's label already in its rows. */
export function labelledFrame(samples: number, classes: number): [NDArray, NDArray] {
  const X = NDArray.empty([samples * classes, 2], config.defaultFloat);
  const y = NDArray.empty([samples * classes], "uint8");
  for (let c = 0; c < classes; c++) y.data.fill(c, c * samples, (c + 1) * samples);
  return [X, y];
}

/**
 * noise * scalar in the noise array's dtype: NumPy casts a Python float to a float32
 * array's dtype before multiplying, so randn(n) * 0.2 is float32 under nnfs.init().
 */
export function scaled(noise: NDArray, i: number, scalar: number): number {
  return castValue(noise.dtype, noise.data[i] * castValue(noise.dtype, scalar));
}
