// How a check compares the learner's values with the answer key's, and words the difference:
// what is missing, which shape, which element, expected against got.
import { NDArray, formatShape } from "../np/core";
import { filled, Problem } from "./exercise";

export interface Tolerance {
  /** Relative tolerance (float32 arithmetic done in another order differs by about 1e-7). */
  rtol?: number;
  atol?: number;
}

/** The index of a flat position, as Python writes it: [1, 2]. */
function indexOf(flat: number, shape: readonly number[]): string {
  const index: number[] = [];
  for (let k = shape.length - 1; k >= 0; k--) {
    index.unshift(flat % shape[k]);
    flat = Math.floor(flat / shape[k]);
  }
  return `[${index.join(", ")}]`;
}

/** Null when `got` is an array of `expected`'s shape with close values, else what differs. */
export function compareArrays(name: string, got: unknown, expected: NDArray, { rtol = 1e-5, atol = 1e-7 }: Tolerance = {}): Problem {
  filled(got);
  if (got === undefined || got === null) return `${name} is ${got}: set it (the book stores it on this).`;
  if (!(got instanceof NDArray)) return `${name} should be an NDArray, got ${typeof got === "object" ? "an object" : typeof got} (${String(got)}).`;
  if (formatShape(got.shape) !== formatShape(expected.shape)) {
    return `${name} has shape ${formatShape(got.shape, ", ")}; expected ${formatShape(expected.shape, ", ")}.`;
  }
  const a = got.data, b = expected.data;
  for (let i = 0; i < b.length; i++) {
    const close = Math.abs(a[i] - b[i]) <= atol + rtol * Math.abs(b[i]) || (Number.isNaN(a[i]) && Number.isNaN(b[i]));
    if (!close) return `${name}${indexOf(i, expected.shape)} is ${a[i]}; expected ${b[i]}.`;
  }
  return null;
}

/** Null when `got` is a number close to `expected`, else what differs. */
export function compareNumbers(name: string, got: unknown, expected: number, { rtol = 1e-5, atol = 1e-7 }: Tolerance = {}): Problem {
  filled(got);
  if (typeof got !== "number") return `${name} should be a number, got ${got instanceof NDArray ? `an array of shape ${formatShape(got.shape, ", ")}` : typeof got}.`;
  return Math.abs(got - expected) <= atol + rtol * Math.abs(expected) ? null : `${name} is ${got}; expected ${expected}.`;
}
