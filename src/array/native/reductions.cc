// Sums in NumPy's pairwise order, and max/min/argmax/argmin along an axis (reductions.ts).
#include "kernels.h"

namespace nnfs {

namespace {

// ---- sums (NumPy's pairwise summation, as pairwise.ts) ----

template <typename T>
T pairwiseSum(const T* data, int64_t n) {
  if (n < 8) {
    T sum = 0;
    for (int64_t i = 0; i < n; i++) sum = sum + data[i];
    return sum;
  }
  if (n <= 128) {
    T r[8];
    for (int j = 0; j < 8; j++) r[j] = data[j];
    const int64_t end = n - n % 8;
    int64_t i = 8;
    for (; i < end; i += 8) {
      for (int j = 0; j < 8; j++) r[j] = r[j] + data[i + j];
    }
    T sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) sum = sum + data[i];
    return sum;
  }
  int64_t half = n / 2;
  half -= half % 8;
  return pairwiseSum(data, half) + pairwiseSum(data + half, n - half);
}

// sumRuns(src, dst, length, alongReduced, outOffsets): run r (src[r*length ...]) is summed
// pairwise into dst[outOffsets[r]] or added element-wise into dst[outOffsets[r] + k].
template <typename T>
void sumRuns(const T* src, T* dst, int64_t length, bool alongReduced, const int32_t* offsets, size_t runs) {
  for (size_t r = 0; r < runs; r++, src += length) {
    T* d = dst + offsets[r];
    if (alongReduced) *d = *d + pairwiseSum(src, length);
    else for (int64_t k = 0; k < length; k++) d[k] = d[k] + src[k];
  }
}

}  // namespace

napi_value SumRuns(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *src, *dst, *offsets;
  const ArrayType ts = args.type(0, &src), td = args.type(1, &dst), to = args.type(4, &offsets);
  size_t runs = 0;
  napi_get_typedarray_info(env, args.values[4], nullptr, &runs, nullptr, nullptr, nullptr);
  const int64_t length = args.integer(2);
  bool along = false;
  napi_get_value_bool(env, args.values[3], &along);
  bool done = to == napi_int32_array && ts == td;
  if (done && ts == napi_float32_array) sumRuns(static_cast<float*>(src), static_cast<float*>(dst), length, along, static_cast<int32_t*>(offsets), runs);
  else if (done && ts == napi_float64_array) sumRuns(static_cast<double*>(src), static_cast<double*>(dst), length, along, static_cast<int32_t*>(offsets), runs);
  else done = false;
  return boolean(env, done);
}

namespace {

// ---- max, min, argmax, argmin (as scanAlong in reductions.ts) ----

// Along the middle axis of an (outer, len, inner) array: the first winning value of each line
// and where it is. A NaN beats any number and the first NaN stays, as NumPy propagates NaN.
template <bool MAX, typename T>
void scanAlong(const T* data, T* top, double* at, int64_t outer, int64_t len, int64_t inner) {
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

}  // namespace

// scanAlong(data, top, at, outer, len, inner, max): data and top both float32 or both float64, at float64.
napi_value ScanAlong(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *data, *top, *at;
  const ArrayType td = args.type(0, &data), tt = args.type(1, &top), ta = args.type(2, &at);
  const int64_t outer = args.integer(3), len = args.integer(4), inner = args.integer(5);
  bool max = false;
  napi_get_value_bool(env, args.values[6], &max);
  bool done = ta == napi_float64_array && td == tt;
  double* w = static_cast<double*>(at);
  if (done && td == napi_float32_array) {
    const float* d = static_cast<const float*>(data);
    float* t = static_cast<float*>(top);
    max ? scanAlong<true>(d, t, w, outer, len, inner) : scanAlong<false>(d, t, w, outer, len, inner);
  } else if (done && td == napi_float64_array) {
    const double* d = static_cast<const double*>(data);
    double* t = static_cast<double*>(top);
    max ? scanAlong<true>(d, t, w, outer, len, inner) : scanAlong<false>(d, t, w, outer, len, inner);
  } else {
    done = false;
  }
  return boolean(env, done);
}

}  // namespace nnfs
