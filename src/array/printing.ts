// Placeholder owned by the printing work: NumPy's array_str / array_repr.
import type { NDArray } from "./core";
export function array_str(a: NDArray): string { return `[${Array.from(a.data).join(" ")}]`; }
export function array_repr(a: NDArray): string { return `array(${array_str(a)}, dtype=${a.dtype})`; }
