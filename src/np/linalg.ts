// NumPy's np.dot (and np.matmul for the 1-D and 2-D cases the book uses).
//
// Products are summed in float64 in index order and rounded once to the result dtype.
// config.dotMode chooses that dtype the way nnfs.init() patches np.dot:
//   "numpy"   - the operands' promoted dtype (NumPy itself would run float32 through BLAS
//               sgemm, summing in float32 in a blocked order; here float32 sums in float64);
//   "float64" - nnfs's dot_precision_workaround: float64 sums, result cast to float32;
//   "float32" - result cast to float32.
// A product of two float32 values is exact in float64, so float32 results equal nnfs's.
import { NDArray, formatShape, shapeSize } from "./core";
import { DType, castValue, isFloatStorage, promoteTypes } from "./dtype";
import { config } from "./config";
import { asarray } from "./creation";
import { multiply, Operand } from "./elementwise";
import { native } from "./native";

/** np.dot(a, b). A 1-D by 1-D product is a 0-d array (NumPy's scalar, keeping its dtype). */
export function dot(a: Operand, b: Operand): NDArray {
  const x = asarray(a as NDArray), y = asarray(b as NDArray);
  const resultType = dotResultType(x.dtype, y.dtype);
  if (x.ndim === 0 || y.ndim === 0) return multiply(x, y).astype(resultType);
  if (y.ndim > 2) throw new Error("dot of an operand with more than 2 dimensions as the second argument is not supported");
  // The sum runs over a's last axis and b's first (b has at most 2 dimensions).
  const k = x.shape[x.ndim - 1];
  if (y.shape[0] !== k) {
    throw new Error(
      `shapes ${formatShape(x.shape)} and ${formatShape(y.shape)} not aligned: ` +
        `${k} (dim ${x.ndim - 1}) != ${y.shape[0]} (dim 0)`,
    );
  }
  const leading = x.shape.slice(0, -1), trailing = y.shape.slice(1);
  const m = shapeSize(leading), n = shapeSize(trailing);
  const out = NDArray.forResult([...leading, ...trailing], resultType);
  // Float32 and float64 results take the sums straight; other dtypes are cast from float64 ones.
  const direct = isFloatStorage(out.data);
  const sums = (direct ? out.data : new Float64Array(m * n)) as Float;
  if (n === 0 || readingTransposed(x, y, sums, m, k, n)) return out;
  matmulFloat64(asFloat(x.elementsForProduct()), asFloat(y.elementsForProduct()), sums, m, k, n);
  if (!direct) for (let i = 0; i < sums.length; i++) out.data[i] = castValue(resultType, sums[i]);
  return out;
}

/** np.matmul for operands of at most 2 dimensions (where it agrees with dot). */
export function matmul(a: Operand, b: Operand): NDArray {
  const x = asarray(a as NDArray), y = asarray(b as NDArray);
  if (x.ndim === 0 || y.ndim === 0) throw new Error("matmul: Input operand does not have enough dimensions");
  if (x.ndim > 2 || y.ndim > 2) throw new Error("matmul of operands with more than 2 dimensions is not supported");
  return dot(x, y);
}

function dotResultType(a: DType, b: DType): DType {
  return config.dotMode === "numpy" ? promoteTypes(a, b) : "float32";
}

type Float = Float32Array | Float64Array;

/**
 * The kernel's product of x.T or W.T (as Layer_Dense.backward takes them) read in place, without
 * copying the transpose first, where it can read them so (float32 operands in its packed blocks, or
 * x.T by fewer than 16 columns: chapter 10's 64x300 @ 300x3 took 13-15 µs copying, 4.2 µs so);
 * false where it cannot, and then dot multiplies a copy made for the product, leaving x.T unread
 * either way (so that a later change to x shows in the next product with the kernels or without).
 */
function readingTransposed(x: NDArray, y: NDArray, C: Float, m: number, k: number, n: number): boolean {
  const xt = x.transposed(), yt = y.transposed();
  if (!native || (xt === null && yt === null)) return false;
  const [A, B] = [(xt ?? x).data, (yt ?? y).data];
  return isFloatStorage(A) && isFloatStorage(B) && native.matmul(A, B, C, m, k, n, xt !== null, yt !== null);
}

/** Float storage as is (a float32 product is exact in float64); integer storage as float64. */
function asFloat(data: NDArray["data"]): Float {
  return isFloatStorage(data) ? data : new Float64Array(data);
}

/**
 * C = A·B for row-major A (m×k) and B (k×n), each C[i][j] summed in float64 over p = 0..k-1
 * in order, from 0, and stored once (a float32 C rounds each sum once): for each row of A,
 * add A[i][p] times row p of B into a float64 row of sums.
 */
// The C++ kernel (native/linalg.cc) does these same sums when it is built; this loop stands in without it.
function matmulFloat64(A: Float, B: Float, C: Float, m: number, k: number, n: number): void {
  if (native?.matmul(A, B, C, m, k, n, false, false)) return;
  matmulRows(A, B, C, m, k, n);
}

/** The rows of sums matmulRows accumulates in (grown as needed, never shared between calls). */
let rowSums = new Float64Array(0);

function matmulRows(A: Float, B: Float, C: Float, m: number, k: number, n: number): void {
  if (rowSums.length < 2 * n) rowSums = new Float64Array(2 * n);
  const sums = rowSums;
  let i = 0;
  // Two rows of A per pass: each value of B loaded once serves both rows' sums.
  for (; i + 1 < m; i += 2) {
    const a = i * k, a2 = a + k;
    sums.fill(0, 0, 2 * n);
    let p = 0;
    // Four rows of B per sweep over the sums: fewer loads and stores, same order of adds.
    for (; p + 3 < k; p += 4) {
      const x0 = A[a + p], x1 = A[a + p + 1], x2 = A[a + p + 2], x3 = A[a + p + 3];
      const y0 = A[a2 + p], y1 = A[a2 + p + 1], y2 = A[a2 + p + 2], y3 = A[a2 + p + 3];
      const r0 = p * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
      for (let j = 0; j < n; j++) {
        const b0 = B[r0 + j], b1 = B[r1 + j], b2 = B[r2 + j], b3 = B[r3 + j];
        sums[j] = sums[j] + x0 * b0 + x1 * b1 + x2 * b2 + x3 * b3;
        sums[n + j] = sums[n + j] + y0 * b0 + y1 * b1 + y2 * b2 + y3 * b3;
      }
    }
    for (; p < k; p++) {
      const x0 = A[a + p], y0 = A[a2 + p], r = p * n;
      for (let j = 0; j < n; j++) {
        sums[j] += x0 * B[r + j];
        sums[n + j] += y0 * B[r + j];
      }
    }
    for (let j = 0, out = i * n; j < 2 * n; j++) C[out + j] = sums[j];
  }
  for (; i < m; i++) {
    const a = i * k;
    sums.fill(0, 0, n);
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const a0 = A[a + p], a1 = A[a + p + 1], a2 = A[a + p + 2], a3 = A[a + p + 3];
      const r0 = p * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
      for (let j = 0; j < n; j++) {
        sums[j] = sums[j] + a0 * B[r0 + j] + a1 * B[r1 + j] + a2 * B[r2 + j] + a3 * B[r3 + j];
      }
    }
    for (; p < k; p++) {
      const ap = A[a + p], r = p * n;
      for (let j = 0; j < n; j++) sums[j] += ap * B[r + j];
    }
    for (let j = 0, out = i * n; j < n; j++) C[out + j] = sums[j];
  }
}
