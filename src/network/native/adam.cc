// Optimizer_Adam's update of one parameter array in one pass (network/fused-updates.ts calls it).
// The book's lines in optimizers.ts make ten temporary arrays per parameter; here each element
// goes through the same operations in the same order, each rounded to the arrays' dtype as
// NumPy rounds every temporary, so the results are the book's lines' to the bit (built with
// -ffp-contract=off: no fused multiply-add). Those lines still run without this addon.
#include "../../np/native/kernels.h"
#include <cmath>

namespace nnfs {

namespace {

// The scalars as optimizers.ts computes them, each cast to T as NumPy casts a Python float
// meeting an array of dtype T.
struct AdamScalars {
  double beta_1, one_minus_beta_1, beta_2, one_minus_beta_2, momentum_correction, cache_correction, step, epsilon;
};

template <typename T>
void adam(T* param, const T* gradient, T* momentums, T* cache, int64_t n, const AdamScalars& s) {
  const T beta_1 = s.beta_1, one_minus_beta_1 = s.one_minus_beta_1, beta_2 = s.beta_2, one_minus_beta_2 = s.one_minus_beta_2;
  const T momentum_correction = s.momentum_correction, cache_correction = s.cache_correction, step = s.step, epsilon = s.epsilon;
  for (int64_t i = 0; i < n; i++) {
    const T g = gradient[i];
    momentums[i] = beta_1 * momentums[i] + one_minus_beta_1 * g;
    const T momentum_corrected = momentums[i] / momentum_correction;
    cache[i] = beta_2 * cache[i] + one_minus_beta_2 * (g * g);
    const T cache_corrected = cache[i] / cache_correction;
    param[i] = param[i] + step * momentum_corrected / (std::sqrt(cache_corrected) + epsilon);
  }
}

}  // namespace

// adamUpdate(param, gradient, momentums, cache, scalars): four float32 or four float64 arrays of
// one length, and the eight scalars of AdamScalars as a Float64Array. Returns false otherwise.
napi_value AdamUpdate(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void* arrays[4];
  size_t lengths[4];
  ArrayType types[4];
  for (int a = 0; a < 4; a++) types[a] = args.type(a, &arrays[a], &lengths[a]);
  void* scalars;
  size_t count = 0;
  const bool shaped = args.type(4, &scalars, &count) == napi_float64_array && count == 8;
  bool same = shaped;
  for (int a = 1; a < 4; a++) same = same && types[a] == types[0] && lengths[a] == lengths[0];
  if (!same) return boolean(env, false);
  const AdamScalars& s = *static_cast<const AdamScalars*>(scalars);
  const int64_t n = static_cast<int64_t>(lengths[0]);
  if (types[0] == napi_float32_array) {
    adam(static_cast<float*>(arrays[0]), static_cast<const float*>(arrays[1]), static_cast<float*>(arrays[2]), static_cast<float*>(arrays[3]), n, s);
  } else if (types[0] == napi_float64_array) {
    adam(static_cast<double*>(arrays[0]), static_cast<const double*>(arrays[1]), static_cast<double*>(arrays[2]), static_cast<double*>(arrays[3]), n, s);
  } else {
    return boolean(env, false);
  }
  return boolean(env, true);
}

}  // namespace nnfs
