// The `np` namespace: NumPy's names, gathered from the array modules.
// indexing.ts gives NDArray its get and set as it loads (as printing/ gives it its printed forms).
import "./indexing";
export { NDArray } from "./core";
export type { DType } from "./dtype";
export { array_str, array_repr } from "./printing";
export * as random from "./random";
export * from "./reductions";
export * from "./creation";
export * from "./elementwise";
export * from "./linalg";
export * from "./manipulation";
export * from "./constants";
