// Placeholder owned by the indexing work.
import type { NDArray } from "./core";
export type Index = number | string | NDArray | number[];
export function getIndex(a: NDArray, index: Index[]): NDArray { throw new Error(`indexing not implemented ${a.shape} ${index.length}`); }
export function setIndex(a: NDArray, index: Index[], value: NDArray | number | boolean): void { throw new Error(`indexing not implemented ${a.shape} ${index.length} ${value}`); }
