// nnfs.datasets.sine_data: one period of a sine, for the regression chapter. Built from
// arange and true division, so it is float64 even after nnfs.init().
import { NDArray } from "../../np/core";
import { keywordsOf } from "../../np/keywords";
import { countArgument } from "./labelled";

/** Keywords of sine_data. */
export interface SineDataOptions {
  /** How many points (1000 by default). */
  samples?: number;
}

/** nnfs.datasets.sine_data(samples=1000): [X, y], both (samples, 1): X = arange(samples) / samples, y = sin(2πX). */
export function sine_data(samples?: number): [NDArray, NDArray];
export function sine_data(options: SineDataOptions): [NDArray, NDArray];
export function sine_data(...args: unknown[]): [NDArray, NDArray] {
  const { samples = 1000 } = keywordsOf<SineDataOptions>("sine_data", ["samples"], args);
  const n = countArgument("sine_data", "samples", samples);
  const X = NDArray.empty([n, 1], "float64");
  const y = NDArray.empty([n, 1], "float64");
  const twoPi = 2 * Math.PI;
  for (let i = 0; i < n; i++) {
    X.data[i] = i / n;
    y.data[i] = Math.sin(twoPi * X.data[i]);
  }
  return [X, y];
}
