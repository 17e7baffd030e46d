// nnfs.datasets.spiral_data: CS231n's spiral classes, as nnfs builds them with NumPy.
// Class c runs radius r = linspace(0, 1) against angle t = linspace(4c, 4c+4) plus
// randn * 0.2 noise, drawn from the global stream one class at a time.
import { NDArray } from "../../np/core";
import { randn } from "../../np/random";
import { ClassDataOptions, labelledFrame, readClassArgs, scaled } from "./labelled";

/** nnfs.datasets.spiral_data(samples, classes): [X, y], `classes` spiral arms of `samples` points (r·sin 2.5t, r·cos 2.5t) and their labels. */
export function spiral_data(samples: number, classes: number): [NDArray, NDArray];
export function spiral_data(options: ClassDataOptions): [NDArray, NDArray];
export function spiral_data(samples: number, options: Pick<ClassDataOptions, "classes">): [NDArray, NDArray];
export function spiral_data(...args: unknown[]): [NDArray, NDArray] {
  const { samples, classes } = readClassArgs("spiral_data", args);
  const [X, y] = labelledFrame(samples, classes);
  const r = linspace(0, 1, samples);
  for (let c = 0; c < classes; c++) {
    const angle = linspace(c * 4, (c + 1) * 4, samples);
    const noise = randn(samples) as NDArray;
    for (let i = 0; i < samples; i++) {
      const t = angle[i] + scaled(noise, i, 0.2);
      const row = 2 * (c * samples + i);
      X.data[row] = r[i] * Math.sin(t * 2.5);
      X.data[row + 1] = r[i] * Math.cos(t * 2.5);
    }
  }
  return [X, y];
}

/** NumPy's float64 linspace: start + i * step, with the last point exactly stop. */
function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num).fill(start);
  if (num < 2) return out;
  const step = (stop - start) / (num - 1);
  for (let i = 0; i < num; i++) out[i] = i * step + start;
  out[num - 1] = stop;
  return out;
}
