// The matrix product behind np.dot (linalg.ts).
#include "kernels.h"
#include "parallel.h"
#include <algorithm>
#include <cstring>
#include <type_traits>
#include <vector>
#if defined(__AVX__)
#include <immintrin.h>
#endif

namespace nnfs {

namespace {

// C = A·B, row-major, each C[i][j] summed in double over p = 0..k-1 in order from 0, stored once.
// The work goes in blocks of 4 rows by 8 columns whose 32 sums stay in vector registers for the
// whole sum over p (blockRows), the m % 4 rows left over together, 16 columns at a time. The
// last n % 8 columns (all of them when B is narrow, as 64x3 weights are) go twelve or eight rows
// at a time with the rows in vector lanes (blockLanes).
// With AVX-512 the columns go 16 at a time first (block4x16). Every sum in the same order, so
// every block shape gives the same bits. Built with -march=native: the instruction set is the
// installing machine's.

// The packed operands' memory is kept between calls, as the layers' shapes come back every step;
// above 32 MB it is let go after its call (np.dot(X.T, X) of Fashion-MNIST's images would keep
// 376 MB).
void letGoIfLarge(std::vector<double>& packed) {
  if (packed.capacity() > (size_t{1} << 22)) std::vector<double>().swap(packed);
}

// An operand and whether it is given transposed: stored as its transpose, as x.T's x is.
template <typename T>
struct Operand {
  const T* data;
  bool transposed;
};

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

// R rows by 4V columns of C from (i, j): R x V vectors of sums, each value of B loaded serving R
// rows, each of A 4V columns. Blocks of 4x8 do most of a product; the m % 4 rows left over go
// as R x 16 (then R x 8), whose 4R vectors of sums are independent of one another (one row by
// eight columns at a time left two sums each waiting on its own previous step: 2x300 @ 300x64,
// chapter 10's first weight gradient, took 6.1 us that way, 2.4 us this way).
// Inlined into its loops: as a call, its 32 sums went through memory between blocks (a 300x2 @
// 2x64 product, 600 blocks of two steps each, took 13 us instead of 7).
template <int R, int V, typename TA, typename TB, typename TC>
__attribute__((always_inline)) inline void blockRows(const TA* A, const TB* B, TC* C, int64_t i, int64_t j, int64_t k, int64_t n) {
  double4 s[R][V] = {};
  const TA* a = A + i * k;
  for (int64_t p = 0; p < k; p++) {
    const TB* b = B + p * n + j;
    double4 bv[V];
    for (int v = 0; v < V; v++) bv[v] = load4(b + 4 * v);
    for (int r = 0; r < R; r++) {
      const double4 x = double4{} + static_cast<double>(a[r * k + p]);
      for (int v = 0; v < V; v++) s[r][v] = madd<TA, TB>(s[r][v], x, bv[v]);
    }
  }
  for (int r = 0; r < R; r++) {
    for (int v = 0; v < V; v++) store4(C + (i + r) * n + j + 4 * v, s[r][v]);
  }
}

#if defined(__AVX512F__)
// With AVX-512, blocks of 4 rows by 16 columns: the same sums, eight to a register. On a processor
// whose multiply-adders are 512 bits wide (AMD Zen 5, Intel's Xeons) that doubles the sums per
// cycle: 128x784 @ 784x128 took ~1 ms with 4x8 blocks, ~0.5 ms with these.
// (The masked conversions because GCC 12's unmasked ones warn of an uninitialised value.)
typedef double double8 __attribute__((vector_size(64)));
inline double8 load8(const double* p) { double8 v; std::memcpy(&v, p, sizeof v); return v; }
inline double8 load8(const float* p) { return _mm512_maskz_cvtps_pd(0xFF, _mm256_loadu_ps(p)); }
inline void store8(double* p, double8 v) { std::memcpy(p, &v, sizeof v); }
inline void store8(float* p, double8 v) { _mm256_storeu_ps(p, _mm512_maskz_cvtpd_ps(0xFF, v)); }

template <typename TA, typename TB>
__attribute__((always_inline)) inline double8 madd8(double8 s, double8 x, double8 y) {
  if constexpr (std::is_same_v<TA, float> && std::is_same_v<TB, float>) return _mm512_fmadd_pd(x, y, s);
  return s + x * y;
}

template <typename TA, typename TB, typename TC>
__attribute__((always_inline)) inline void block4x16(const TA* A, const TB* B, TC* C, int64_t i, int64_t j, int64_t k, int64_t n) {
  double8 s[4][2] = {};
  const TA* a = A + i * k;
  for (int64_t p = 0; p < k; p++) {
    const TB* b = B + p * n + j;
    const double8 b0 = load8(b), b1 = load8(b + 8);
    for (int r = 0; r < 4; r++) {
      const double x = a[r * k + p];
      const double8 xs = _mm512_set1_pd(x);
      s[r][0] = madd8<TA, TB>(s[r][0], xs, b0);
      s[r][1] = madd8<TA, TB>(s[r][1], xs, b1);
    }
  }
  for (int r = 0; r < 4; r++) store8(C + (i + r) * n + j, s[r][0]), store8(C + (i + r) * n + j + 8, s[r][1]);
}

// Two float32 operands go faster converted to double once, ahead of the sums: in block4x16 each
// step over p converted two vectors of B and four values of A, and those conversions shared the
// two ports that also do the multiply-adds. Packed, a step of 8 rows by 16 columns is two loads
// of B and sixteen multiply-adds, each taking its value of A broadcast straight from memory.
// B's columns j0..j1-1 (j0 and j1 multiples of 16) go in strips of 16: strip s holds, for each p,
// B[p][16s..16s+15], so a block reads its strip front to back. B given transposed (W.T: B's
// column j is row j of W, k long), the sixteen values of a step are gathered from sixteen rows.
void packStrips(const float* B, bool transposed, double* packed, int64_t k, int64_t n, int64_t j0, int64_t j1) {
  const __m256i rows = _mm256_mullo_epi32(_mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7), _mm256_set1_epi32(static_cast<int>(k)));
  for (int64_t j = j0; j < j1; j += 16) {
    double* strip = packed + j * k;
    if (transposed) {
      for (int64_t p = 0; p < k; p++) {
        const float* column = B + j * k + p;
        _mm512_storeu_pd(strip + 16 * p, _mm512_maskz_cvtps_pd(0xFF, _mm256_i32gather_ps(column, rows, 4)));
        _mm512_storeu_pd(strip + 16 * p + 8, _mm512_maskz_cvtps_pd(0xFF, _mm256_i32gather_ps(column + 8 * k, rows, 4)));
      }
      continue;
    }
    for (int64_t p = 0; p < k; p++) {
      store8(strip + 16 * p, load8(B + p * n + j));
      store8(strip + 16 * p + 8, load8(B + p * n + j + 8));
    }
  }
}

// Eight rows of A from row i side by side: packed[8p + r] = A[i + r][p], a column of eight
// gathered at a time. A given transposed (X.T: A's column p is row p of X, m long), those eight
// values lie side by side already.
void packRows(const float* A, bool transposed, double* packed, int64_t i, int64_t m, int64_t k) {
  if (transposed) {
    for (int64_t p = 0; p < k; p++) _mm512_storeu_pd(packed + 8 * p, load8(A + p * m + i));
    return;
  }
  const __m256i rows = _mm256_mullo_epi32(_mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7), _mm256_set1_epi32(static_cast<int>(k)));
  for (int64_t p = 0; p < k; p++) {
    _mm512_storeu_pd(packed + 8 * p, _mm512_maskz_cvtps_pd(0xFF, _mm256_i32gather_ps(A + i * k + p, rows, 4)));
  }
}

// 8 rows by 16 columns of C from packed rows `a` and a packed strip `b`: 16 vectors of sums.
template <typename TC>
__attribute__((always_inline)) inline void block8x16(const double* a, const double* b, TC* C, int64_t k, int64_t n) {
  __m512d s[8][2];
  for (int r = 0; r < 8; r++) s[r][0] = s[r][1] = _mm512_setzero_pd();
  for (int64_t p = 0; p < k; p++) {
    const __m512d b0 = _mm512_loadu_pd(b + 16 * p), b1 = _mm512_loadu_pd(b + 16 * p + 8);
    for (int r = 0; r < 8; r++) {
      const __m512d x = _mm512_set1_pd(a[8 * p + r]);
      s[r][0] = _mm512_fmadd_pd(x, b0, s[r][0]);
      s[r][1] = _mm512_fmadd_pd(x, b1, s[r][1]);
    }
  }
  for (int r = 0; r < 8; r++) store8(C + r * n, s[r][0]), store8(C + r * n + 8, s[r][1]);
}

// Rows i0..i1-1 (i1 - i0 a multiple of 8) by B's packed columns j0..j1-1.
template <typename TC>
void packedRows(Operand<float> A, const double* strips, TC* C, int64_t i0, int64_t i1, int64_t m, int64_t k, int64_t n, int64_t j0, int64_t j1) {
  thread_local std::vector<double> packed;
  packed.resize(8 * k);
  for (int64_t i = i0; i < i1; i += 8) {
    packRows(A.data, A.transposed, packed.data(), i, m, k);
    for (int64_t j = j0; j < j1; j += 16) block8x16(packed.data(), strips + j * k, C + i * n + j, k, n);
  }
  letGoIfLarge(packed);
}
#endif

// One row of A by the N columns of B from j on: N sums in locals.
template <int N, typename TA, typename TB, typename TC>
void rowBlock(const TA* A, const TB* B, TC* C, int64_t i, int64_t j, int64_t k, int64_t n) {
  double s[N] = {};
  const TA* a = A + i * k;
  for (int64_t p = 0; p < k; p++) {
    const TB* b = B + p * n + j;
    const double x = a[p];
    for (int c = 0; c < N; c++) s[c] += x * static_cast<double>(b[c]);
  }
  for (int c = 0; c < N; c++) C[i * n + j + c] = static_cast<TC>(s[c]);
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

// 4G rows of A by the N < 8 columns of B from j on, with the rows in vector lanes: each step
// over p takes a column of 4G values of A as G vectors and multiplies them by one value of B per
// column. The columns come four at a time from transposed 4x4 blocks, the last k % 4 one value
// at a time.
template <int G, int N, typename TA, typename TB, typename TC>
void blockLanes(const TA* A, const TB* B, TC* C, int64_t i, int64_t j, int64_t k, int64_t n) {
  double4 s[G][N] = {};
  const TA* a = A + i * k;
  auto step = [&](const double4* x, int64_t p) {
    const TB* b = B + p * n + j;
    for (int c = 0; c < N; c++) {
      const double4 bc = double4{} + static_cast<double>(b[c]);
      for (int g = 0; g < G; g++) s[g][c] = madd<TA, TB>(s[g][c], x[g], bc);
    }
  };
  int64_t p = 0;
  for (; p + 4 <= k; p += 4) {
    double4 columns[G][4];
    for (int g = 0; g < G; g++) columns4(a + 4 * g * k + p, k, columns[g]);
    for (int q = 0; q < 4; q++) {
      double4 x[G];
      for (int g = 0; g < G; g++) x[g] = columns[g][q];
      step(x, p + q);
    }
  }
  for (; p < k; p++) {
    const TA* column = a + p;
    double4 x[G];
    for (int g = 0; g < G; g++) {
      const TA* c = column + 4 * g * k;
      x[g] = double4{double(c[0]), double(c[k]), double(c[2 * k]), double(c[3 * k])};
    }
    step(x, p);
  }
  for (int r = 0; r < 4 * G; r++) {
    for (int c = 0; c < N; c++) C[(i + r) * n + j + c] = static_cast<TC>(s[r / 4][c][r % 4]);
  }
}

// The N < 8 columns of C from j on: 12 rows at a time with the rows in vector lanes (3N
// independent sums keep the multiply-adders busy where 2N for 8 rows waited on each other's
// latency: 300x64 @ 64x3 ~14% faster), 8 rows for N > 5 (3N sums and the columns overflow the
// 16 vector registers; past N = 5 that cost more than it gained), then 4 rows, then one at a time.
template <int N, typename TA, typename TB, typename TC>
void narrowColumns(const TA* A, const TB* B, TC* C, int64_t m, int64_t j, int64_t k, int64_t n) {
  constexpr int G = N <= 5 ? 3 : 2;
  int64_t i = 0;
  for (; i + 4 * G <= m; i += 4 * G) blockLanes<G, N>(A, B, C, i, j, k, n);
  for (; i + 4 <= m; i += 4) blockLanes<1, N>(A, B, C, i, j, k, n);
  for (; i < m; i++) rowBlock<N>(A, B, C, i, j, k, n);
}

// Calls f with count (1 to 7) as a compile-time constant (std::integral_constant), so that the
// loops over that many columns are unrolled.
template <typename F>
void withColumnCount(int64_t count, F f) {
  switch (count) {
    case 1: return f(std::integral_constant<int, 1>{});
    case 2: return f(std::integral_constant<int, 2>{});
    case 3: return f(std::integral_constant<int, 3>{});
    case 4: return f(std::integral_constant<int, 4>{});
    case 5: return f(std::integral_constant<int, 5>{});
    case 6: return f(std::integral_constant<int, 6>{});
    case 7: return f(std::integral_constant<int, 7>{});
  }
}

// The columns from j on, fewer than eight.
template <typename TA, typename TB, typename TC>
void leftColumns(const TA* A, const TB* B, TC* C, int64_t m, int64_t j, int64_t k, int64_t n) {
  withColumnCount(n - j, [&](auto N) { narrowColumns<N>(A, B, C, m, j, k, n); });
}

// The R = m % 4 rows left over by columns j0..j1-1 (a multiple of 8 of them). Not inlined: grown
// by it, the narrow-column loops ran ~20% slower (300x64 @ 64x3: 5.0 -> 6.1 us).
template <int R, typename TA, typename TB, typename TC>
__attribute__((noinline)) void leftRowsOf(const TA* A, const TB* B, TC* C, int64_t m, int64_t k, int64_t n, int64_t j0, int64_t j1) {
  const int64_t i = m - R;
  int64_t j = j0;
  for (; j + 16 <= j1; j += 16) blockRows<R, 4>(A, B, C, i, j, k, n);
  if (j < j1) blockRows<R, 2>(A, B, C, i, j, k, n);
}

// Columns j0..j1-1 (a multiple of 8 of them) of the m % 4 rows left over.
template <typename TA, typename TB, typename TC>
void leftRows(const TA* A, const TB* B, TC* C, int64_t m, int64_t k, int64_t n, int64_t j0, int64_t j1) {
  switch (m % 4) {
    case 1: return leftRowsOf<1>(A, B, C, m, k, n, j0, j1);
    case 2: return leftRowsOf<2>(A, B, C, m, k, n, j0, j1);
    case 3: return leftRowsOf<3>(A, B, C, m, k, n, j0, j1);
  }
}

// Rows i0..i1-1 by columns j0..j1-1 of C (multiples of 16) in blocks of 16 columns (AVX-512
// only). `strips`: those columns of B packed by packStrips, or null. Only the packed blocks read
// an A given transposed (matmulParts sees that they do all the rows).
template <typename TA, typename TB, typename TC>
void wideColumns(Operand<TA> A, const TB* B, TC* C, int64_t i0, int64_t i1, int64_t m, int64_t k, int64_t n, int64_t j0, int64_t j1, const double* strips) {
#if defined(__AVX512F__)
  int64_t i = i0;
  if constexpr (std::is_same_v<TA, float> && std::is_same_v<TB, float>) {
    if (strips) packedRows(A, strips, C, i0, i = i1 - (i1 - i0) % 8, m, k, n, j0, j1);
  }
  for (; i + 4 <= i1; i += 4) {
    for (int64_t j = j0; j < j1; j += 16) block4x16(A.data, B, C, i, j, k, n);
  }
  leftRows(A.data + i0 * k, B, C + i0 * n, i1 - i0, k, n, j0, j1);
#else
  (void)A, (void)B, (void)C, (void)i0, (void)i1, (void)m, (void)k, (void)n, (void)j0, (void)j1, (void)strips;
#endif
}

// The columns from `from` on (all but the AVX-512 blocks of 16 wideColumns does).
template <typename TA, typename TB, typename TC>
void otherColumns(const TA* A, const TB* B, TC* C, int64_t m, int64_t k, int64_t n, int64_t from) {
  const int64_t blockCols = n - n % 8;
  for (int64_t i = 0; i + 4 <= m; i += 4) {
    for (int64_t j = from; j < blockCols; j += 8) blockRows<4, 2>(A, B, C, i, j, k, n);
  }
  leftRows(A, B, C, m, k, n, from, blockCols);
  leftColumns(A, B, C, m, blockCols, k, n);
}

// A given transposed (x.T in x.T @ dvalues: A's column p is row p of x, m long) and fewer than
// sixteen columns of B, the layers' narrow weight gradients (chapter 10's 64x300 @ 300x3): the
// values of A that rows i, i+1, ... need at step p lie side by side, so with the rows in vector
// lanes they load as they are, where a copy of x.T and the 4x4 transposes of blockLanes moved each
// value twice first. Sums in lanes of eight doubles with AVX-512, else four.
#if defined(__AVX512F__)
typedef double8 Lanes;
inline Lanes loadLanes(const float* p) { return load8(p); }
inline Lanes fmaLanes(Lanes s, Lanes x, Lanes y) { return madd8<float, float>(s, x, y); }
#else
typedef double4 Lanes;
inline Lanes loadLanes(const float* p) { return load4(p); }
inline Lanes fmaLanes(Lanes s, Lanes x, Lanes y) { return madd<float, float>(s, x, y); }
#endif
constexpr int64_t LANES = sizeof(Lanes) / sizeof(double);

// G vectors of rows from row i by the N columns of B from j: G x N vectors of sums.
template <int G, int N>
void lanesOfTransposed(const float* A, const float* B, float* C, int64_t i, int64_t j, int64_t m, int64_t k, int64_t n) {
  Lanes s[G][N] = {};
  for (int64_t p = 0; p < k; p++) {
    const float* a = A + p * m + i;
    const float* b = B + p * n + j;
    Lanes x[G];
    for (int g = 0; g < G; g++) x[g] = loadLanes(a + g * LANES);
    for (int c = 0; c < N; c++) {
      const Lanes bc = Lanes{} + static_cast<double>(b[c]);
      for (int g = 0; g < G; g++) s[g][c] = fmaLanes(s[g][c], x[g], bc);
    }
  }
  for (int g = 0; g < G; g++) {
    for (int64_t r = 0; r < LANES; r++) {
      for (int c = 0; c < N; c++) C[(i + g * LANES + r) * n + j + c] = static_cast<float>(s[g][c][r]);
    }
  }
}

// Rows i0..i1-1 by the N columns from j: up to three vectors of rows at a time (enough
// independent sums to keep the multiply-adders busy), then one, then the last rows singly.
template <int N>
void columnsOfTransposed(const float* A, const float* B, float* C, int64_t i0, int64_t i1, int64_t j, int64_t m, int64_t k, int64_t n) {
  constexpr int G = N <= 3 ? 3 : N <= 6 ? 2 : 1;
  int64_t i = i0;
  for (; i + G * LANES <= i1; i += G * LANES) lanesOfTransposed<G, N>(A, B, C, i, j, m, k, n);
  for (; i + LANES <= i1; i += LANES) lanesOfTransposed<1, N>(A, B, C, i, j, m, k, n);
  for (; i < i1; i++) {
    for (int c = 0; c < N; c++) {
      double sum = 0;
      for (int64_t p = 0; p < k; p++) sum += static_cast<double>(A[p * m + i]) * static_cast<double>(B[p * n + j + c]);
      C[i * n + j + c] = static_cast<float>(sum);
    }
  }
}

// Rows i0..i1-1 of C, eight columns at a time and then the rest.
void rowsOfTransposed(const float* A, const float* B, float* C, int64_t i0, int64_t i1, int64_t m, int64_t k, int64_t n) {
  int64_t j = 0;
  for (; j + 8 <= n; j += 8) columnsOfTransposed<8>(A, B, C, i0, i1, j, m, k, n);
  withColumnCount(n - j, [&](auto N) { columnsOfTransposed<N>(A, B, C, i0, i1, j, m, k, n); });
}

// The columns of C AVX-512 does 16 at a time.
int64_t wideColumnsOf(int64_t n) {
#if defined(__AVX512F__)
  return n - n % 16;
#else
  (void)n;
  return 0;
#endif
}

// Whether a product of m rows packs B's columns: float32 operands with AVX-512, rows enough for
// packRows's eight at a time, and offsets its gather can take (32-bit, up to 7k).
template <typename TA, typename TB>
bool packsFor(int64_t m, int64_t k) {
#if defined(__AVX512F__)
  return std::is_same_v<TA, float> && std::is_same_v<TB, float> && m >= 8 && k <= INT32_MAX / 8;
#else
  (void)m, (void)k;
  return false;
#endif
}

// B's columns j0..j1-1 packed into `packed` by packStrips when `packing`, else null (the blocks
// then read B as it is).
template <typename TB>
const double* stripsOf(Operand<TB> B, double* packed, bool packing, int64_t k, int64_t n, int64_t j0, int64_t j1) {
#if defined(__AVX512F__)
  if constexpr (std::is_same_v<TB, float>) {
    if (packing && j1 > j0) {
      packStrips(B.data, B.transposed, packed, k, n, j0, j1);
      return packed;
    }
  }
#endif
  (void)B, (void)packed, (void)packing, (void)k, (void)n, (void)j0, (void)j1;
  return nullptr;
}

// A product of at least this many multiply-adds (~30 us of work) is worth a helper thread.
constexpr double MIN_PART_WORK = 1 << 19;

// Large products go in parts, one per core (parallel.h): each element of C is its own sum, computed
// the same way whichever thread has it. A part is either whole rows of C (starting on a multiple of
// eight, where the blocks start anyway) or whole strips of 16 columns, and each part packs the
// columns of B it uses itself. On the bench's virtual machine a core read another core's writes at
// ~2 GB/s, and what a helper reads of the caller's memory decided the split: 128x784 @ 784x128 took
// 472 us in Model.train on two threads, 487 us on one, while the caller packed B for both. Columns
// where 3n > m: the layers' forward products (128 x 784 @ 784 x 128: 299-313 us by columns) and
// dvalues @ W.T; rows for X.T @ dvalues (784x128 @ 128x128: 269 us by rows, 303 by columns).
template <typename TA, typename TB, typename TC>
void matmulParts(Operand<TA> A, Operand<TB> B, TC* C, int64_t m, int64_t k, int64_t n) {
  const int64_t wide = wideColumnsOf(n);
  const int most = partsFor(double(m) * double(k) * double(n), MIN_PART_WORK);  // the work's and the cores' limit
  const bool byColumns = most > 1 && wide >= 32 && 3 * n > m;
  const int parts = std::max<int64_t>(1, std::min<int64_t>(most, byColumns ? wide / 16 : (m + 7) / 8));
  const bool packing = packsFor<TA, TB>(m, k);
  thread_local std::vector<double> shared;  // the column parts' strips, each part packing its own
  if (byColumns && packing) shared.resize(wide * k);
  double* const sharedStrips = shared.data();  // (a thread_local named in a part would be its thread's own)
  runParts(parts, [&](int part) {
    if (byColumns) {
      const Range columns = partOf(wide, parts, part, 16);
      wideColumns(A, B.data, C, 0, m, m, k, n, columns.first, columns.last, stripsOf(B, sharedStrips, packing, k, n, columns.first, columns.last));
      if (part == parts - 1) otherColumns(A.data, B.data, C, m, k, n, wide);
      return;
    }
    const Range rows = partOf(m, parts, part, 8);
    const int64_t first = rows.first, count = rows.last - rows.first;
    thread_local std::vector<double> own;  // a row part's strips
    const bool packsOwn = packsFor<TA, TB>(count, k);
    if (packsOwn) own.resize(wide * k);
    wideColumns(A, B.data, C, first, rows.last, m, k, n, 0, wide, stripsOf(B, own.data(), packsOwn, k, n, 0, wide));
    letGoIfLarge(own);
    otherColumns(A.data + first * k, B.data, C + first * n, count, k, n, wide);
  });
  letGoIfLarge(shared);
}

// Whether a product is one rowsOfTransposed does: A given transposed, B not, n < 16, all float32
// (the result of two float32 operands is, in every dot mode).
bool narrowFromTransposed(ArrayType ta, ArrayType tb, ArrayType tc, bool aT, bool bT, int64_t n) {
  return aT && !bT && n < 16 && ta == napi_float32_array && tb == napi_float32_array && tc == napi_float32_array;
}

void productOfTransposed(const float* A, const float* B, float* C, int64_t m, int64_t k, int64_t n) {
  const int parts = std::max<int64_t>(1, std::min<int64_t>(partsFor(double(m) * double(k) * double(n), MIN_PART_WORK), m / LANES));
  runParts(parts, [&](int part) {
    const Range rows = partOf(m, parts, part, LANES);
    rowsOfTransposed(A, B, C, rows.first, rows.last, m, k, n);
  });
}

template <typename TA, typename TB>
bool matmulInto(Operand<TA> A, Operand<TB> B, void* C, ArrayType tc, int64_t m, int64_t k, int64_t n) {
  if (tc == napi_float32_array) matmulParts(A, B, static_cast<float*>(C), m, k, n);
  else if (tc == napi_float64_array) matmulParts(A, B, static_cast<double*>(C), m, k, n);
  else return false;
  return true;
}

template <typename TA>
bool matmulFrom(Operand<TA> A, void* B, ArrayType tb, bool bT, void* C, ArrayType tc, int64_t m, int64_t k, int64_t n) {
  if (tb == napi_float32_array) return matmulInto<TA, float>(A, {static_cast<float*>(B), bT}, C, tc, m, k, n);
  if (tb == napi_float64_array) return matmulInto<TA, double>(A, {static_cast<double*>(B), bT}, C, tc, m, k, n);
  return false;
}

// Whether an operand given transposed can be read as it is: only packRows and packStrips read
// one, so the product must be one they do whole (float32 operands, rows in eights, columns in
// sixteens; gather offsets up to 7k within 32 bits, as packsFor asks). Packing from x.T and W.T
// costs no more than packing from their copies, and the copies went: a Model.train epoch
// 0.95-1.03 s copying them, 0.86-0.92 s reading them in place (four alternated runs each).
bool readsTransposed(ArrayType ta, ArrayType tb, int64_t m, int64_t k, int64_t n) {
  return ta == napi_float32_array && tb == napi_float32_array && packsFor<float, float>(m, k) &&
         m % 8 == 0 && wideColumnsOf(n) == n;
}

}  // namespace

// matmul(A, B, C, m, k, n, aTransposed, bTransposed): float32 or float64 storage each. An operand
// given transposed is stored as its transpose (A: k x m, B: n x k), as x.T's x is. Returns false
// for other types, and for a transposed operand this product cannot read in place (the caller
// then copies it).
napi_value Matmul(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *A, *B, *C;
  const ArrayType ta = args.type(0, &A), tb = args.type(1, &B), tc = args.type(2, &C);
  const int64_t m = args.integer(3), k = args.integer(4), n = args.integer(5);
  const bool aT = args.flag(6), bT = args.flag(7);
  if (narrowFromTransposed(ta, tb, tc, aT, bT, n)) {
    productOfTransposed(static_cast<const float*>(A), static_cast<const float*>(B), static_cast<float*>(C), m, k, n);
    return boolean(env, true);
  }
  if ((aT || bT) && !readsTransposed(ta, tb, m, k, n)) return boolean(env, false);
  bool done = false;
  if (ta == napi_float32_array) done = matmulFrom<float>({static_cast<float*>(A), aT}, B, tb, bT, C, tc, m, k, n);
  else if (ta == napi_float64_array) done = matmulFrom<double>({static_cast<double*>(A), aT}, B, tb, bT, C, tc, m, k, n);
  return boolean(env, done);
}

}  // namespace nnfs
