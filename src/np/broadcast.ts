// NumPy's broadcasting: the common shape of several operands, and a walk over the output
// in contiguous runs. Internal to the array modules (np does not re-export it).
import { Shape, formatShape, stridesOf } from "./core";

export function sameShape(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** The broadcast shape, or NumPy's ufunc error naming every operand's shape. */
export function broadcastShapes(...shapes: Shape[]): number[] {
  const ndim = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(ndim).fill(1);
  for (const shape of shapes) {
    for (let k = 0; k < shape.length; k++) {
      const axis = ndim - shape.length + k, d = shape[k];
      if (d === out[axis] || d === 1) continue;
      if (out[axis] !== 1) {
        throw new Error(`operands could not be broadcast together with shapes ${shapes.map((s) => formatShape(s)).join(" ")} `);
      }
      out[axis] = d;
    }
  }
  return out;
}

/**
 * How to walk a broadcast: the output's shape with mergeable dimensions collapsed, and
 * each operand's element stride along those dimensions (0 where it is broadcast).
 * Equal shapes collapse to one dimension, (n,m) with (m,) or (n,1) to two.
 */
export interface RunPlan {
  shape: number[];
  strides: number[][];
}

export function planRuns(outShape: Shape, operandShapes: Shape[]): RunPlan {
  const ndim = outShape.length;
  const full = operandShapes.map((shape) => {
    const own = stridesOf(shape);
    return outShape.map((_, axis) => {
      const k = axis - (ndim - shape.length);
      return k < 0 || shape[k] === 1 ? 0 : own[k];
    });
  });
  const shape: number[] = [];
  const strides: number[][] = operandShapes.map(() => []);
  for (let axis = 0; axis < ndim; axis++) {
    const d = outShape[axis];
    if (d === 1) continue;
    const last = shape.length - 1;
    if (last >= 0 && full.every((s, i) => strides[i][last] === s[axis] * d)) {
      shape[last] *= d;
      full.forEach((s, i) => (strides[i][last] = s[axis]));
    } else {
      shape.push(d);
      full.forEach((s, i) => strides[i].push(s[axis]));
    }
  }
  if (shape.length === 0) {
    shape.push(1);
    strides.forEach((s) => s.push(0));
  }
  return { shape, strides };
}

/**
 * Calls visit once per run along the plan's last dimension, with the run's output offset
 * and each operand's offset (the same array, updated in place).
 */
export function forEachRun(plan: RunPlan, visit: (outOffset: number, offsets: number[]) => void): void {
  const { shape, strides } = plan;
  const outer = shape.length - 1, runLength = shape[outer];
  if (shape.some((d) => d === 0)) return;
  const index = new Array<number>(outer).fill(0);
  const offsets = strides.map(() => 0);
  for (let outOffset = 0; ; outOffset += runLength) {
    visit(outOffset, offsets);
    let k = outer - 1;
    for (; k >= 0; k--) {
      for (let i = 0; i < offsets.length; i++) offsets[i] += strides[i][k];
      if (++index[k] < shape[k]) break;
      for (let i = 0; i < offsets.length; i++) offsets[i] -= strides[i][k] * shape[k];
      index[k] = 0;
    }
    if (k < 0) return;
  }
}
