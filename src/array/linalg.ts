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
import { DType, castValue, promoteTypes } from "./dtype";
import { config } from "./config";
import { asarray } from "./creation";
import { multiply, Operand } from "./elementwise";

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
  const sums = matmulFloat64(toFloat64(x.data), toFloat64(y.data), m, k, n);
  const shape = [...leading, ...trailing];
  return store(sums, shape, resultType);
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

function toFloat64(data: NDArray["data"]): Float64Array {
  return data instanceof Float64Array ? data : new Float64Array(data);
}

function store(sums: Float64Array, shape: number[], dtype: DType): NDArray {
  if (dtype === "float64" || dtype === "int64") return new NDArray(sums, shape, dtype);
  const out = NDArray.empty(shape, dtype);
  if (dtype === "bool") for (let i = 0; i < sums.length; i++) out.data[i] = castValue(dtype, sums[i]);
  else out.data.set(sums);
  return out;
}

/**
 * C = A·B for row-major A (m×k) and B (k×n), each C[i][j] summed over p = 0..k-1 in order.
 * Wide B: for each row of A, add A[i][p] times row p of B into row i of C (all contiguous).
 * Narrow B (a few columns, as in 300x64 @ 64x3): B's transpose makes each C[i][j] one
 * contiguous dot product, which avoids inner loops of length n.
 */
function matmulFloat64(A: Float64Array, B: Float64Array, m: number, k: number, n: number): Float64Array {
  return n < 8 ? matmulNarrow(A, B, m, k, n) : matmulWide(A, B, m, k, n);
}

function matmulNarrow(A: Float64Array, B: Float64Array, m: number, k: number, n: number): Float64Array {
  const C = new Float64Array(m * n);
  const Bt = new Float64Array(n * k);
  for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) Bt[j * k + p] = B[p * n + j];
  for (let i = 0; i < m; i++) {
    const row = i * k;
    for (let j = 0; j < n; j++) {
      const col = j * k;
      let sum = 0;
      for (let p = 0; p < k; p++) sum += A[row + p] * Bt[col + p];
      C[i * n + j] = sum;
    }
  }
  return C;
}

/** Rows of B used per pass, so that they stay in cache while every row of A visits them. */
const K_BLOCK = 128;

function matmulWide(A: Float64Array, B: Float64Array, m: number, k: number, n: number): Float64Array {
  const C = new Float64Array(m * n);
  for (let p0 = 0; p0 < k; p0 += K_BLOCK) {
    const pEnd = Math.min(k, p0 + K_BLOCK);
    for (let i = 0; i < m; i++) {
      const out = i * n, a = i * k;
      let p = p0;
      // Four rows of B per sweep over C's row: fewer loads and stores of C, same order of adds.
      for (; p + 3 < pEnd; p += 4) {
        const a0 = A[a + p], a1 = A[a + p + 1], a2 = A[a + p + 2], a3 = A[a + p + 3];
        const r0 = p * n, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
        for (let j = 0; j < n; j++) {
          C[out + j] = C[out + j] + a0 * B[r0 + j] + a1 * B[r1 + j] + a2 * B[r2 + j] + a3 * B[r3 + j];
        }
      }
      for (; p < pEnd; p++) {
        const ap = A[a + p], r = p * n;
        for (let j = 0; j < n; j++) C[out + j] += ap * B[r + j];
      }
    }
  }
  return C;
}
