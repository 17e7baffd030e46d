// The `np` namespace: NumPy's names, gathered from the array modules, and nothing else of theirs.
// indexing.ts gives NDArray its get and set as it loads (as printing/ gives it its printed forms).
import "./indexing";
export { NDArray } from "./core";
export type { DType } from "./dtype";
export { array_str, array_repr } from "./printing";
export * as random from "./random";
export { inf, nan, pi, e } from "./constants";
export { array, asarray, zeros, ones, full, zeros_like, empty_like, ones_like, eye, arange, linspace, diagflat } from "./creation";
export {
  add, subtract, multiply, divide, true_divide, power, maximum, minimum,
  equal, not_equal, greater, greater_equal, less, less_equal, logical_and, logical_or,
  negative, exp, log, log1p, sqrt, sin, cos, tanh, abs, absolute, sign, square, isnan, isfinite,
} from "./elementwise";
export { sum, mean, var, std, max, min, argmax, argmin } from "./reductions";
export { dot, matmul } from "./linalg";
export { concatenate, vstack, hstack, column_stack, where, nonzero, clip, isclose, allclose, array_equal } from "./manipulation";
