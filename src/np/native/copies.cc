// Copies: the 2-D transpose (core.ts) and the masked fill d[mask] = v (indexing.ts).
#include "kernels.h"

namespace nnfs {

namespace {

// transpose2d(src, dst, rows, cols): dst (cols x rows) = src (rows x cols) transposed, for any
// element size, in tiles so both sides stay in cache.
template <typename T>
void transpose(const T* src, T* dst, int64_t rows, int64_t cols) {
  constexpr int64_t TILE = 32;
  for (int64_t i0 = 0; i0 < rows; i0 += TILE) {
    const int64_t i1 = i0 + TILE < rows ? i0 + TILE : rows;
    for (int64_t j0 = 0; j0 < cols; j0 += TILE) {
      const int64_t j1 = j0 + TILE < cols ? j0 + TILE : cols;
      for (int64_t i = i0; i < i1; i++) {
        for (int64_t j = j0; j < j1; j++) dst[j * rows + i] = src[i * cols + j];
      }
    }
  }
}

// Bytes per element of the typed arrays the library stores data in; 0 for anything else.
size_t elementSize(ArrayType t) {
  switch (t) {
    case napi_uint8_array: return 1;
    case napi_int32_array: case napi_float32_array: return 4;
    case napi_float64_array: return 8;
    default: return 0;
  }
}

}  // namespace

napi_value Transpose2d(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *src, *dst;
  const ArrayType ts = args.type(0, &src), td = args.type(1, &dst);
  const int64_t rows = args.integer(2), cols = args.integer(3);
  const size_t size = elementSize(ts);
  bool done = size != 0 && size == elementSize(td);
  if (done && size == 1) transpose(static_cast<uint8_t*>(src), static_cast<uint8_t*>(dst), rows, cols);
  else if (done && size == 4) transpose(static_cast<uint32_t*>(src), static_cast<uint32_t*>(dst), rows, cols);
  else if (done && size == 8) transpose(static_cast<uint64_t*>(src), static_cast<uint64_t*>(dst), rows, cols);
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
