// Copies: the 2-D transpose (core.ts) and the masked fill d[mask] = v (indexing.ts).
#include "kernels.h"
#include "parallel.h"
#ifdef __AVX2__
#include <immintrin.h>
#endif

namespace nnfs {

namespace {

// transpose2d(src, dst, rows, cols): dst (cols x rows) = src (rows x cols) transposed, for any
// element size, in tiles so both sides stay in cache. `block` moves an 8 x 8 block at once where
// there is one (4-byte elements with AVX2) and returns false otherwise. This call moves src's rows
// r0..r1-1 by its columns c0..c1-1 (tile edges: the parts split at multiples of 32).
template <typename T, typename Block>
void transposeTiles(const T* src, T* dst, int64_t rows, int64_t cols, int64_t r0, int64_t r1, int64_t c0, int64_t c1, Block block) {
  constexpr int64_t TILE = 32;
  for (int64_t i0 = r0; i0 < r1; i0 += TILE) {
    const int64_t i1 = i0 + TILE < r1 ? i0 + TILE : r1;
    for (int64_t j0 = c0; j0 < c1; j0 += TILE) {
      const int64_t j1 = j0 + TILE < c1 ? j0 + TILE : c1;
      for (int64_t i = i0; i < i1; i += 8) {
        for (int64_t j = j0; j < j1; j += 8) {
          if (i + 8 <= i1 && j + 8 <= j1 && block(src + i * cols + j, cols, dst + j * rows + i, rows)) continue;
          for (int64_t a = i; a < (i + 8 < i1 ? i + 8 : i1); a++) {
            for (int64_t b = j; b < (j + 8 < j1 ? j + 8 : j1); b++) dst[b * rows + a] = src[a * cols + b];
          }
        }
      }
    }
  }
}

template <typename T>
void transpose(const T* src, T* dst, int64_t rows, int64_t cols, int64_t r0, int64_t r1, int64_t c0, int64_t c1) {
  transposeTiles(src, dst, rows, cols, r0, r1, c0, c1, [](const T*, int64_t, T*, int64_t) { return false; });
}

#ifdef __AVX2__
// Eight rows of eight 4-byte values, transposed in registers: element-by-element stores to rows
// a power of two apart (a 128-wide batch) fall on the same cache sets and ran at ~0.8 ns each.
bool block8x8(const uint32_t* src, int64_t srcStride, uint32_t* dst, int64_t dstStride) {
  __m256 r[8], t[8];
  for (int k = 0; k < 8; k++) r[k] = _mm256_castsi256_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(src + k * srcStride)));
  for (int k = 0; k < 8; k += 2) {
    t[k] = _mm256_unpacklo_ps(r[k], r[k + 1]);
    t[k + 1] = _mm256_unpackhi_ps(r[k], r[k + 1]);
  }
  for (int k = 0; k < 8; k += 4) {
    r[k] = _mm256_shuffle_ps(t[k], t[k + 2], _MM_SHUFFLE(1, 0, 1, 0));
    r[k + 1] = _mm256_shuffle_ps(t[k], t[k + 2], _MM_SHUFFLE(3, 2, 3, 2));
    r[k + 2] = _mm256_shuffle_ps(t[k + 1], t[k + 3], _MM_SHUFFLE(1, 0, 1, 0));
    r[k + 3] = _mm256_shuffle_ps(t[k + 1], t[k + 3], _MM_SHUFFLE(3, 2, 3, 2));
  }
  for (int k = 0; k < 4; k++) {
    t[k] = _mm256_permute2f128_ps(r[k], r[k + 4], 0x20);
    t[k + 4] = _mm256_permute2f128_ps(r[k], r[k + 4], 0x31);
  }
  for (int k = 0; k < 8; k++) _mm256_storeu_si256(reinterpret_cast<__m256i*>(dst + k * dstStride), _mm256_castps_si256(t[k]));
  return true;
}

template <>
void transpose(const uint32_t* src, uint32_t* dst, int64_t rows, int64_t cols, int64_t r0, int64_t r1, int64_t c0, int64_t c1) {
  transposeTiles(src, dst, rows, cols, r0, r1, c0, c1, block8x8);
}
#endif

// Bytes per element of the typed arrays the library stores data in; 0 for anything else.
size_t elementSize(ArrayType t) {
  switch (t) {
    case napi_uint8_array: return 1;
    case napi_int32_array: case napi_float32_array: return 4;
    case napi_float64_array: return 8;
    default: return 0;
  }
}

// An array of at least twice this many elements is transposed in parts, one per core, each a range
// of dst's longer side: that is how a product splits its operand between cores (linalg.cc: X.T's
// 784 rows, W.T's 784 columns), so each core then reads mostly the part it wrote (the two split at
// multiples of 32 and of 8 or 16, not always at the same place). In Model.train the first layer's
// W.T took 122 us on one thread, X.T 66 us; on two, 72-101 and 50-65 us, and the epoch
// 1.01-1.07 s -> 0.95-1.01 s (four runs each, alternated).
constexpr double MIN_PART_ELEMENTS = 1 << 15;

template <typename T>
void transposeParts(const T* src, T* dst, int64_t rows, int64_t cols) {
  const int parts = partsFor(double(rows) * double(cols), MIN_PART_ELEMENTS);
  const bool byColumns = cols >= rows;  // dst's rows are src's columns
  runParts(parts, [&](int part) {
    const Range range = partOf(byColumns ? cols : rows, parts, part, 32);  // whole tiles
    if (byColumns) transpose(src, dst, rows, cols, 0, rows, range.first, range.last);
    else transpose(src, dst, rows, cols, range.first, range.last, 0, cols);
  });
}

}  // namespace

napi_value Transpose2d(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *src, *dst;
  const ArrayType ts = args.type(0, &src), td = args.type(1, &dst);
  const int64_t rows = args.integer(2), cols = args.integer(3);
  const size_t size = elementSize(ts);
  bool done = size != 0 && size == elementSize(td);
  if (done && size == 1) transposeParts(static_cast<uint8_t*>(src), static_cast<uint8_t*>(dst), rows, cols);
  else if (done && size == 4) transposeParts(static_cast<uint32_t*>(src), static_cast<uint32_t*>(dst), rows, cols);
  else if (done && size == 8) transposeParts(static_cast<uint64_t*>(src), static_cast<uint64_t*>(dst), rows, cols);
  else done = false;
  return boolean(env, done);
}

namespace {

// fillMasked(dst, mask, value): dst[i] = value where mask[i] (d[mask] = 0 in every ReLU backward).
template <typename T>
void fillMasked(T* dst, const uint8_t* mask, size_t n, T value) {
  for (size_t i = 0; i < n; i++) dst[i] = mask[i] ? value : dst[i];
}

}  // namespace

napi_value FillMasked(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *dst, *mask;
  size_t n = 0;
  const ArrayType td = args.type(0, &dst), tm = args.type(1, &mask, &n);
  const double value = args.number(2);
  bool done = tm == napi_uint8_array;
  if (done && td == napi_float32_array) fillMasked(static_cast<float*>(dst), static_cast<uint8_t*>(mask), n, static_cast<float>(value));
  else if (done && td == napi_float64_array) fillMasked(static_cast<double*>(dst), static_cast<uint8_t*>(mask), n, value);
  else done = false;
  return boolean(env, done);
}

}  // namespace nnfs
