// The compiled kernels (native/*.cc), when `npm install` could build them: the same
// arithmetic as the TypeScript loops, in the same order, with the compiler's vector instructions.
// Without a C++ compiler the TypeScript loops run instead and give the same numbers, slower
// (only a NaN's sign bit can differ: V8 itself does not keep it stable).
// NNFS_NATIVE=0 turns the kernels off (the tests run both ways and compare them).
import * as fs from "fs";
import * as path from "path";
import type { Storage } from "../dtype";

type Float = Float32Array | Float64Array;

export interface NativeKernels {
  /** The kernels' interface version (VERSION in native/kernels.h). */
  version: number;
  /** The names of the ops binary() has loops for, by op number (kernels.h): keys of kernels.ts's table. */
  binaryOps: readonly string[];
  /** The names of the ops unary() has loops for, by op number. */
  unaryOps: readonly string[];
  /** binaryRuns (see kernels.ts) for op number `op`; false if it has no loop for these types. */
  binary(op: number, o: Storage, oo: number, x: Storage, xo: number, sx: number, xr: number,
    y: Storage, yo: number, sy: number, yr: number, n: number, rows: number): boolean;
  /** o = op(x) for n elements, for op number `op`; false if it has no loop for these types. */
  unary(op: number, o: Storage, x: Storage, n: number): boolean;
  /**
   * o = exp(x) for n float32 elements, except those whose float32 could differ from Math.exp's:
   * their indices go into unsure; returns how many (-1 if unsure is too short).
   */
  expFloat32(o: Float32Array, x: Float32Array, n: number, unsure: Int32Array): number | false;
  /** max/min and where, along the middle axis of an (outer, len, inner) array (scanAlong in reductions.ts). */
  scanAlong(data: Storage, top: Storage, at: Float64Array, outer: number, len: number, inner: number, max: boolean): boolean;
  /** Fills out with MT19937 doubles from the state (key, pos); returns the new pos. */
  randomDoubles(key: Uint32Array, pos: number, out: Float64Array): number | false;
  /** Fills out with legacy polar-method Gaussians (libm's log); an odd count's unused f·x1 goes to spare[0]. Returns the new pos. */
  gaussians(key: Uint32Array, pos: number, out: Float64Array, spare: Float64Array): number | false;
  /** Fills out with random.ts's inversion binomial draws; returns the new pos. */
  binomialInversion(key: Uint32Array, pos: number, out: Float64Array, n: number, p: number, qn: number, bound: number, flip: boolean): number | false;
  /**
   * C (m x n) = A (m x k) · B (k x n), summed in float64 in index order. An operand given
   * transposed is stored as its transpose (A as k x m, B as n x k); false if the kernel cannot
   * read it so (or for other types).
   */
  matmul(A: Float, B: Float, C: Float, m: number, k: number, n: number, aTransposed: boolean, bTransposed: boolean): boolean;
  /** The pairwise sums of reductions.ts's runs, into dst. */
  sumRuns(src: Storage, dst: Storage, length: number, alongReduced: boolean, outOffsets: Float64Array): boolean;
  transpose2d(src: Storage, dst: Storage, rows: number, cols: number): boolean;
  fillMasked(dst: Storage, mask: Uint8Array, value: number): boolean;
  /** Optimizer_Adam's update of one parameter in place (network/native/adam.cc); false for other types. */
  adamUpdate(param: Float, gradient: Float, momentums: Float, cache: Float, scalars: Float64Array): boolean;
}

/** The kernels' arguments this file expects (VERSION in native/kernels.h). */
const VERSION = 7;

/**
 * node-gyp's output, build/Release/nnfs_kernels.node, in the package root: the nearest folder
 * above this file with a package.json (from dist/np/native/ or src/np/native/ alike).
 */
function load(): NativeKernels | null {
  if (process.env.NNFS_NATIVE === "0") return null;
  let root = path.dirname(__dirname);
  while (!fs.existsSync(path.join(root, "package.json")) && root !== path.dirname(root)) root = path.dirname(root);
  const file = path.join(root, "build", "Release", "nnfs_kernels.node");
  if (!fs.existsSync(file)) return null;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const kernels = require(file) as NativeKernels;
    if (kernels.version === VERSION) return kernels;
    process.emitWarning(`${file} was built from other sources; the TypeScript loops run instead (npm install rebuilds it)`);
  } catch (error) {
    process.emitWarning(`${file} could not be loaded (${(error as Error).message}); the TypeScript loops run instead`);
  }
  return null;
}

export const native: NativeKernels | null = load();
