// nnfs.datasets.vertical_data: each class a vertical cloud, x around c/3 and y around
// 0.5, both randn * 0.1 spreads (the x column's draws come first).
import { NDArray } from "../../np/core";
import { randn } from "../../np/random";
import { castValue } from "../../np/dtype";
import { ClassDataOptions, labelledFrame, readClassArgs, scaled } from "./labelled";

/** nnfs.datasets.vertical_data(samples, classes): [X, y], per class the points (randn*.1 + c/3, randn*.1 + 0.5) and their labels. */
export function vertical_data(samples: number, classes: number): [NDArray, NDArray];
export function vertical_data(options: ClassDataOptions): [NDArray, NDArray];
export function vertical_data(samples: number, options: Pick<ClassDataOptions, "classes">): [NDArray, NDArray];
export function vertical_data(...args: unknown[]): [NDArray, NDArray] {
  const { samples, classes } = readClassArgs("vertical_data", args);
  const [X, y] = labelledFrame(samples, classes);
  for (let c = 0; c < classes; c++) {
    const xs = randn(samples) as NDArray;
    const ys = randn(samples) as NDArray;
    // Sums in the noise's dtype, the Python float offset cast to it first (NEP 50).
    const xOffset = castValue(xs.dtype, c / 3);
    const yOffset = castValue(ys.dtype, 0.5);
    for (let i = 0; i < samples; i++) {
      const row = 2 * (c * samples + i);
      X.data[row] = castValue(xs.dtype, scaled(xs, i, 0.1) + xOffset);
      X.data[row + 1] = castValue(ys.dtype, scaled(ys, i, 0.1) + yOffset);
    }
  }
  return [X, y];
}
