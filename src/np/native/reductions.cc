// Sums in NumPy's pairwise order, and max/min/argmax/argmin along an axis (reductions.ts).
#include "kernels.h"
#include "parallel.h"
#include <cstring>
#if defined(__AVX__)
#include <immintrin.h>
#endif

namespace nnfs {

namespace {

// ---- sums (NumPy's pairwise summation, as pairwise.ts) ----

// Eight values as one GCC/Clang vector (eight floats fill one AVX register, eight doubles two).
typedef float EightFloats __attribute__((vector_size(32)));
typedef double EightDoubles __attribute__((vector_size(64)));
template <typename T> struct Eight;
template <> struct Eight<float> { using type = EightFloats; };
template <> struct Eight<double> { using type = EightDoubles; };

// NumPy's leaf, n <= 128: eight running sums, the j-th taking elements j, j + 8, j + 16, ...,
// combined in a fixed tree, then the last n % 8 one by one. The eight sums are the lanes of
// one vector: the same additions, one instruction each step instead of eight (a 19,200-element
// sum: 5.8 -> 2.2 us).
template <typename T>
T leafSum(const T* data, int64_t n) {
  if (n < 8) {
    T sum = 0;
    for (int64_t i = 0; i < n; i++) sum = sum + data[i];
    return sum;
  }
  typename Eight<T>::type r, next;
  std::memcpy(&r, data, sizeof r);
  const int64_t end = n - n % 8;
  int64_t i = 8;
  for (; i < end; i += 8) {
    std::memcpy(&next, data + i, sizeof next);
    r = r + next;
  }
  T sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
  for (; i < n; i++) sum = sum + data[i];
  return sum;
}

template <typename T>
T pairwiseSum(const T* data, int64_t n) {
  if (n <= 128) return leafSum(data, n);
  int64_t half = n / 2;
  half -= half % 8;
  return pairwiseSum(data, half) + pairwiseSum(data + half, n - half);
}

// sumRuns(src, dst, length, alongReduced, outOffsets): run r (src[r*length ...]) is summed
// pairwise into dst[outOffsets[r]] or added element-wise into dst[outOffsets[r] + k]. Offsets are
// doubles, exact to 2^53: an array may hold more than 2^31 elements.
template <typename T>
void sumRuns(const T* src, T* dst, int64_t length, bool alongReduced, const double* offsets, size_t runs) {
  for (size_t r = 0; r < runs; r++, src += length) {
    T* d = dst + static_cast<int64_t>(offsets[r]);
    if (alongReduced) *d = *d + pairwiseSum(src, length);
    else for (int64_t k = 0; k < length; k++) d[k] = d[k] + src[k];
  }
}

}  // namespace

napi_value SumRuns(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *src, *dst, *offsets;
  size_t runs = 0;
  const ArrayType ts = args.type(0, &src), td = args.type(1, &dst), to = args.type(4, &offsets, &runs);
  const int64_t length = args.integer(2);
  const bool along = args.flag(3);
  bool done = to == napi_float64_array && ts == td;
  if (done && ts == napi_float32_array) sumRuns(static_cast<float*>(src), static_cast<float*>(dst), length, along, static_cast<double*>(offsets), runs);
  else if (done && ts == napi_float64_array) sumRuns(static_cast<double*>(src), static_cast<double*>(dst), length, along, static_cast<double*>(offsets), runs);
  else done = false;
  return boolean(env, done);
}

namespace {

// ---- max, min, argmax, argmin (as scanAlong in reductions.ts) ----

// GCC/Clang vectors of 32 bytes: a comparison of two gives a mask (a vector of integers, all
// bits set where true), and `mask ? a : b` picks lane by lane, which the compiler makes one
// max/min or blend instruction (any processor).
typedef float FloatVector __attribute__((vector_size(32)));
typedef double DoubleVector __attribute__((vector_size(32)));
typedef int32_t FloatMask __attribute__((vector_size(32)));
typedef int64_t DoubleMask __attribute__((vector_size(32)));
template <typename T> struct VectorOf;
template <> struct VectorOf<float> { using type = FloatVector; using mask = FloatMask; };
template <> struct VectorOf<double> { using type = DoubleVector; using mask = DoubleMask; };

// The first lane a mask sets, or -1. With AVX one instruction gathers the lanes' bits; reading
// them lane by lane instead took four times as long as the whole scan of a 64-element row.
template <typename M>
int firstSet(M m) {
  constexpr int L = sizeof(M) / sizeof(m[0]);
  unsigned bits = 0;
#if defined(__AVX__)
  if constexpr (L == 8) bits = _mm256_movemask_ps(reinterpret_cast<__m256>(m));
  else bits = _mm256_movemask_pd(reinterpret_cast<__m256d>(m));
#else
  for (int j = 0; j < L; j++) bits |= unsigned(m[j] != 0) << j;
#endif
  return bits ? __builtin_ctz(bits) : -1;
}

// The lanes' extreme in every lane: each step compares a vector with its lanes swapped in
// pairs (halves, then quarters, ...), so after log2(L) steps every lane has seen all the others.
template <typename V, typename M, typename Better>
V foldLanes(V a, Better better) {
  V s;
  if constexpr (sizeof(V) / sizeof(a[0]) == 8) {
    s = __builtin_shuffle(a, M{4, 5, 6, 7, 0, 1, 2, 3}), a = better(s, a) ? s : a;
    s = __builtin_shuffle(a, M{2, 3, 0, 1, 6, 7, 4, 5}), a = better(s, a) ? s : a;
    s = __builtin_shuffle(a, M{1, 0, 3, 2, 5, 4, 7, 6}), a = better(s, a) ? s : a;
  } else {
    s = __builtin_shuffle(a, M{2, 3, 0, 1}), a = better(s, a) ? s : a;
    s = __builtin_shuffle(a, M{1, 0, 3, 2}), a = better(s, a) ? s : a;
  }
  return a;
}

// The index of a row's winner: its first NaN if it has one, else the first element equal to its
// largest (smallest) value, which is what a scan keeping the first of equals finds (0 and -0 are
// equal, so which of them the lanes keep does not matter). The extreme is found in two vectors
// of lanes, folded into every lane of one; then the row is searched a vector at a time. No
// branch per element, and no element's step waits on the one before.
template <bool MAX, typename T>
int64_t winnerOfRow(const T* row, int64_t len) {
  using V = typename VectorOf<T>::type;
  using M = typename VectorOf<T>::mask;
  constexpr int64_t L = sizeof(V) / sizeof(T);
  auto better = [](auto v, auto best) { return MAX ? v > best : v < best; };
  T best = row[0];
  bool nan = false;
  if (len < 2 * L) {
    for (int64_t i = 0; i < len; i++) {
      best = better(row[i], best) ? row[i] : best;
      nan |= row[i] != row[i];
    }
  } else {
    V a, b, v, w;
    std::memcpy(&a, row, sizeof a);
    std::memcpy(&b, row + L, sizeof b);
    M nans = (a != a) | (b != b);
    int64_t i = 2 * L;
    for (; i + 2 * L <= len; i += 2 * L) {
      std::memcpy(&v, row + i, sizeof v);
      std::memcpy(&w, row + i + L, sizeof w);
      a = better(v, a) ? v : a;
      b = better(w, b) ? w : b;
      nans |= (v != v) | (w != w);
    }
    // Fewer than 2L left: the row's last L elements, and the L after i if they do not cover them.
    if (i < len) {
      std::memcpy(&v, row + len - L, sizeof v);
      a = better(v, a) ? v : a;
      nans |= v != v;
    }
    if (i + L < len) {
      std::memcpy(&w, row + i, sizeof w);
      b = better(w, b) ? w : b;
      nans |= w != w;
    }
    best = foldLanes<V, M>(better(b, a) ? b : a, better)[0];
    nan = firstSet(nans) >= 0;
  }
  const V bests = V{} + best;
  int64_t i = 0;
  for (V v; i + L <= len; i += L) {
    std::memcpy(&v, row + i, sizeof v);
    const int lane = firstSet(nan ? M(v != v) : M(v == bests));
    if (lane >= 0) return i + lane;
  }
  while (nan ? row[i] == row[i] : row[i] != best) i++;
  return i;
}

// Along the middle axis of an (outer, len, inner) array: the first winning value of each line
// and where it is. A NaN beats any number and the first NaN stays, as NumPy propagates NaN.
template <bool MAX, typename T>
void scanAlong(const T* data, T* top, double* at, int64_t outer, int64_t len, int64_t inner) {
  if (inner == 1) {
    for (int64_t o = 0; o < outer; o++) {
      const int64_t w = winnerOfRow<MAX>(data + o * len, len);
      top[o] = data[o * len + w];
      at[o] = static_cast<double>(w);
    }
    return;
  }
  auto better = [](T v, T best) { return (MAX ? v > best : v < best) || (v != v && best == best); };
  for (int64_t o = 0; o < outer; o++) {
    const T* line = data + o * len * inner;
    T* t = top + o * inner;
    double* w = at + o * inner;
    for (int64_t j = 0; j < inner; j++) t[j] = line[j], w[j] = 0;
    for (int64_t i = 1; i < len; i++) {
      const T* row = line + i * inner;
      for (int64_t j = 0; j < inner; j++) {
        if (better(row[j], t[j])) t[j] = row[j], w[j] = static_cast<double>(i);
      }
    }
  }
}

// A scan of at least twice this many elements goes in parts, one per core, each a range of whole
// lines (each line's winner is found as one thread would find it). Model.train checks its data
// with np.max and np.min: over Fashion-MNIST's training images (188 MB) the two took 50-54 ms on
// one core, 28-29 ms on two.
constexpr double MIN_PART_ELEMENTS = 1 << 16;

template <bool MAX, typename T>
void scanParts(const T* data, T* top, double* at, int64_t outer, int64_t len, int64_t inner) {
  const int parts = outer < 2 ? 1 : partsFor(double(outer) * double(len) * double(inner), MIN_PART_ELEMENTS);
  runParts(parts, [&](int part) {
    const Range lines = partOf(outer, parts, part, 1);
    const int64_t skip = lines.first * inner;
    scanAlong<MAX>(data + skip * len, top + skip, at + skip, lines.last - lines.first, len, inner);
  });
}

}  // namespace

// scanAlong(data, top, at, outer, len, inner, max): data and top both float32 or both float64, at float64.
napi_value ScanAlong(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *data, *top, *at;
  const ArrayType td = args.type(0, &data), tt = args.type(1, &top), ta = args.type(2, &at);
  const int64_t outer = args.integer(3), len = args.integer(4), inner = args.integer(5);
  const bool max = args.flag(6);
  bool done = ta == napi_float64_array && td == tt;
  double* w = static_cast<double*>(at);
  if (done && td == napi_float32_array) {
    const float* d = static_cast<const float*>(data);
    float* t = static_cast<float*>(top);
    max ? scanParts<true>(d, t, w, outer, len, inner) : scanParts<false>(d, t, w, outer, len, inner);
  } else if (done && td == napi_float64_array) {
    const double* d = static_cast<const double*>(data);
    double* t = static_cast<double*>(top);
    max ? scanParts<true>(d, t, w, outer, len, inner) : scanParts<false>(d, t, w, outer, len, inner);
  } else {
    done = false;
  }
  return boolean(env, done);
}

}  // namespace nnfs
