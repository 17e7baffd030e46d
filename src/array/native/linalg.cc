// The matrix product behind np.dot (linalg.ts).
#include "kernels.h"
#include <cstring>
#include <type_traits>
#if defined(__AVX__)
#include <immintrin.h>
#endif

namespace nnfs {

namespace {

// C = A·B, row-major, each C[i][j] summed in double over p = 0..k-1 in order from 0, stored once.
// The work goes in blocks of 4 rows by 8 columns whose 32 sums stay in vector registers for the
// whole sum over p (each value of B loaded serves four rows, each of A eight columns). The
// columns left over go eight rows at a time with the rows in vector lanes (block8xN), and the
// rows left after that one element at a time; every sum in the same order.
typedef double double4 __attribute__((vector_size(32)));
typedef float float4 __attribute__((vector_size(16)));

// With AVX, float32 <-> double conversions go through the intrinsics: GCC 12 splits a
// __builtin_convertvector of four floats into halves through the stack (a 128x784 @ 784x128
// product took 1.4 ms that way, 1.1 ms this way).
inline double4 load4(const double* p) { double4 v; std::memcpy(&v, p, sizeof v); return v; }
inline double4 load4(const float* p) {
#if defined(__AVX__)
  return _mm256_cvtps_pd(_mm_loadu_ps(p));
#else
  float4 v;
  std::memcpy(&v, p, sizeof v);
  return __builtin_convertvector(v, double4);
#endif
}
inline void store4(double* p, double4 v) { std::memcpy(p, &v, sizeof v); }
inline void store4(float* p, double4 v) {
#if defined(__AVX__)
  _mm_storeu_ps(p, _mm256_cvtpd_ps(v));
#else
  const float4 f = __builtin_convertvector(v, float4);
  std::memcpy(p, &f, sizeof f);
#endif
}

// s + x * y. When both factors come from float32 values their product is exact in double, so
// one fused multiply-add rounds exactly as the multiply and the add do one after the other.
template <typename TA, typename TB>
__attribute__((always_inline)) inline double4 madd(double4 s, double4 x, double4 y) {
#if defined(__FMA__)
  if constexpr (std::is_same_v<TA, float> && std::is_same_v<TB, float>) return _mm256_fmadd_pd(x, y, s);
#endif
  return s + x * y;
}

// Inlined into its loops: as a call, its 32 sums went through memory between blocks (a 300x2 @
// 2x64 product, 600 blocks of two steps each, took 13 us instead of 7).
template <typename TA, typename TB, typename TC>
__attribute__((always_inline)) inline void block4x8(const TA* A, const TB* B, TC* C, int64_t i, int64_t j, int64_t k, int64_t n) {
  double4 s[4][2] = {};
  const TA* a = A + i * k;
  for (int64_t p = 0; p < k; p++) {
    const TB* b = B + p * n + j;
    const double4 b0 = load4(b), b1 = load4(b + 4);
    for (int r = 0; r < 4; r++) {
      const double x = a[r * k + p];
      s[r][0] = madd<TA, TB>(s[r][0], double4{} + x, b0);
      s[r][1] = madd<TA, TB>(s[r][1], double4{} + x, b1);
    }
  }
  for (int r = 0; r < 4; r++) store4(C + (i + r) * n + j, s[r][0]), store4(C + (i + r) * n + j + 4, s[r][1]);
}

// R rows by the N < 8 columns left of a row (all of it when B is narrow, as 64x3 weights are),
// for the rows that do not make a group of eight: R·N sums in locals.
template <int R, int N, typename TA, typename TB, typename TC>
void blockRxN(const TA* A, const TB* B, TC* C, int64_t i, int64_t j, int64_t k, int64_t n) {
  double s[R][N] = {};
  const TA* a = A + i * k;
  for (int64_t p = 0; p < k; p++) {
    const TB* b = B + p * n + j;
    for (int r = 0; r < R; r++) {
      const double x = a[r * k + p];
      for (int c = 0; c < N; c++) s[r][c] += x * static_cast<double>(b[c]);
    }
  }
  for (int r = 0; r < R; r++) {
    for (int c = 0; c < N; c++) C[(i + r) * n + j + c] = static_cast<TC>(s[r][c]);
  }
}

// Four rows of A from column p on, as four vectors down its columns p..p+3 (a 4x4 transpose
// in registers: four loads and eight shuffles instead of sixteen single loads).
template <typename TA>
inline void columns4(const TA* a, int64_t k, double4 column[4]) {
  typedef int64_t lanes4 __attribute__((vector_size(32)));
  const double4 r0 = load4(a), r1 = load4(a + k), r2 = load4(a + 2 * k), r3 = load4(a + 3 * k);
  const double4 t0 = __builtin_shuffle(r0, r1, lanes4{0, 4, 2, 6}), t1 = __builtin_shuffle(r0, r1, lanes4{1, 5, 3, 7});
  const double4 t2 = __builtin_shuffle(r2, r3, lanes4{0, 4, 2, 6}), t3 = __builtin_shuffle(r2, r3, lanes4{1, 5, 3, 7});
  column[0] = __builtin_shuffle(t0, t2, lanes4{0, 1, 4, 5});
  column[1] = __builtin_shuffle(t1, t3, lanes4{0, 1, 4, 5});
  column[2] = __builtin_shuffle(t0, t2, lanes4{2, 3, 6, 7});
  column[3] = __builtin_shuffle(t1, t3, lanes4{2, 3, 6, 7});
}

// The same for 8 rows, with the rows in vector lanes: each step over p takes a column of eight
// values of A as two vectors and multiplies them by one value of B per column, so a 300x64 ·
// 64x3 product takes about half the instructions of the one-sum-at-a-time loop. The columns
// come four at a time from transposed 4x4 blocks, the last k % 4 one value at a time.
template <int N, typename TA, typename TB, typename TC>
void block8xN(const TA* A, const TB* B, TC* C, int64_t i, int64_t j, int64_t k, int64_t n) {
  double4 s[2][N] = {};
  const TA* a = A + i * k;
  auto step = [&](double4 x0, double4 x1, int64_t p) {
    const TB* b = B + p * n + j;
    for (int c = 0; c < N; c++) {
      const double4 bc = double4{} + static_cast<double>(b[c]);
      s[0][c] = madd<TA, TB>(s[0][c], x0, bc);
      s[1][c] = madd<TA, TB>(s[1][c], x1, bc);
    }
  };
  int64_t p = 0;
  for (; p + 4 <= k; p += 4) {
    double4 top[4], bottom[4];
    columns4(a + p, k, top);
    columns4(a + 4 * k + p, k, bottom);
    for (int q = 0; q < 4; q++) step(top[q], bottom[q], p + q);
  }
  for (; p < k; p++) {
    const TA* column = a + p;
    step(double4{double(column[0]), double(column[k]), double(column[2 * k]), double(column[3 * k])},
         double4{double(column[4 * k]), double(column[5 * k]), double(column[6 * k]), double(column[7 * k])}, p);
  }
  for (int r = 0; r < 8; r++) {
    for (int c = 0; c < N; c++) C[(i + r) * n + j + c] = static_cast<TC>(s[r / 4][c][r % 4]);
  }
}

// The N < 8 columns left of R rows: in vector lanes for a group of eight rows, else in locals.
template <int R, int N, typename TA, typename TB, typename TC>
void leftBlock(const TA* A, const TB* B, TC* C, int64_t i, int64_t j, int64_t k, int64_t n) {
  if constexpr (R == 8) block8xN<N>(A, B, C, i, j, k, n);
  else blockRxN<R, N>(A, B, C, i, j, k, n);
}

template <int R, typename TA, typename TB, typename TC>
void leftColumns(const TA* A, const TB* B, TC* C, int64_t i, int64_t j, int64_t k, int64_t n) {
  switch (n - j) {
    case 1: return leftBlock<R, 1>(A, B, C, i, j, k, n);
    case 2: return leftBlock<R, 2>(A, B, C, i, j, k, n);
    case 3: return leftBlock<R, 3>(A, B, C, i, j, k, n);
    case 4: return leftBlock<R, 4>(A, B, C, i, j, k, n);
    case 5: return leftBlock<R, 5>(A, B, C, i, j, k, n);
    case 6: return leftBlock<R, 6>(A, B, C, i, j, k, n);
    case 7: return leftBlock<R, 7>(A, B, C, i, j, k, n);
  }
}

template <typename TA, typename TB, typename TC>
void matmul(const TA* A, const TB* B, TC* C, int64_t m, int64_t k, int64_t n) {
  const int64_t blockCols = n - n % 8;
  int64_t i = 0;
  for (; i + 8 <= m; i += 8) {
    for (int64_t j = 0; j < blockCols; j += 8) block4x8(A, B, C, i, j, k, n), block4x8(A, B, C, i + 4, j, k, n);
    leftColumns<8>(A, B, C, i, blockCols, k, n);
  }
  const int64_t blockRows = m - m % 4;
  for (; i < blockRows; i += 4) {
    for (int64_t j = 0; j < blockCols; j += 8) block4x8(A, B, C, i, j, k, n);
    leftColumns<4>(A, B, C, i, blockCols, k, n);
  }
  for (; i < m; i++) {
    for (int64_t j = 0; j < blockCols; j += 8) blockRxN<1, 8>(A, B, C, i, j, k, n);
    leftColumns<1>(A, B, C, i, blockCols, k, n);
  }
}

template <typename TA, typename TB>
bool matmulInto(void* A, void* B, void* C, ArrayType tc, int64_t m, int64_t k, int64_t n) {
  if (tc == napi_float32_array) matmul(static_cast<TA*>(A), static_cast<TB*>(B), static_cast<float*>(C), m, k, n);
  else if (tc == napi_float64_array) matmul(static_cast<TA*>(A), static_cast<TB*>(B), static_cast<double*>(C), m, k, n);
  else return false;
  return true;
}

template <typename TA>
bool matmulFrom(void* A, void* B, ArrayType tb, void* C, ArrayType tc, int64_t m, int64_t k, int64_t n) {
  if (tb == napi_float32_array) return matmulInto<TA, float>(A, B, C, tc, m, k, n);
  if (tb == napi_float64_array) return matmulInto<TA, double>(A, B, C, tc, m, k, n);
  return false;
}

}  // namespace

// matmul(A, B, C, m, k, n): float32 or float64 storage each. Returns false for other types.
napi_value Matmul(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *A, *B, *C;
  const ArrayType ta = args.type(0, &A), tb = args.type(1, &B), tc = args.type(2, &C);
  const int64_t m = args.integer(3), k = args.integer(4), n = args.integer(5);
  bool done = false;
  if (ta == napi_float32_array) done = matmulFrom<float>(A, B, tb, C, tc, m, k, n);
  else if (ta == napi_float64_array) done = matmulFrom<double>(A, B, tb, C, tc, m, k, n);
  return boolean(env, done);
}

}  // namespace nnfs
