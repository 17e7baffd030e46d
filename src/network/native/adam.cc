// Optimizer_Adam's update of one parameter array in one pass (network/fused-updates.ts calls it).
// The book's lines in optimizers.ts make ten temporary arrays per parameter; here each element
// goes through the same operations in the same order, each rounded to the arrays' dtype as
// NumPy rounds every temporary, so the results are the book's lines' to the bit (built with
// -ffp-contract=off: no fused multiply-add). Those lines still run without this addon.
#include "../../np/native/kernels.h"
#include "../../np/native/parallel.h"
#include <cmath>
#if defined(__AVX512F__)
#include <immintrin.h>
#endif

namespace nnfs {

namespace {

// The scalars as optimizers.ts computes them, each cast to T as NumPy casts a Python float
// meeting an array of dtype T.
struct AdamScalars {
  double beta_1, one_minus_beta_1, beta_2, one_minus_beta_2, momentum_correction, cache_correction, step, epsilon;
};

template <typename T>
void adamLines(T* param, const T* gradient, T* momentums, T* cache, int64_t n, const AdamScalars& s) {
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

#if defined(__AVX512F__)
// A weight whose gradient stays zero (a dead ReLU's, an always-black pixel's) keeps multiplying
// its momentum by beta_1 until the momentum is subnormal: after ~800 Fashion-MNIST steps, 5 dead
// neurons put one in 62% of the first layer's groups of 16 weights. A float32 multiply or divide
// touching a subnormal takes a microcode assist on Intel processors, ~25 times the time: a 784x128
// layer's update took 216 us in a second epoch instead of 77, 1.55 ms with every momentum subnormal
// (233 us this way). Such groups go through double instead, where those values
// are normal, each operation rounded back to float32: double carries more than twice float's
// precision plus two bits (53 >= 2 x 24 + 2), so rounding twice gives the float32 result to the bit
// (Figueroa, 1995). Written with intrinsics: GCC turns float -> double -> float arithmetic back into
// float arithmetic, being entitled to by that same theorem.
inline __m512d widen(__m256 x) { return _mm512_maskz_cvtps_pd(0xFF, x); }
inline __m256 narrow(__m512d x) { return _mm512_maskz_cvtpd_ps(0xFF, x); }
inline __m512d asFloat32(__m512d x) { return widen(narrow(x)); }

// x / c, rounded to float32, for a float32 value c (a correction, 1 - beta^t: between 0 and 1 for
// the betas Adam takes): where |c| < 2 a multiplication by 1/c in double, which rounds the same.
// x * (1/c) is within 2^-52 of x/c (relative). A normal quotient of float32 values is a float32
// value or at least 2^-49 (relative) from every halfway point between two (x - M*c, for a halfway
// point M, is a nonzero multiple of 2^-24 of x, or of 2^-49 of it). A subnormal one is never
// halfway when |c| < 2 (for c = C * 2^e, C odd, x/c = an odd multiple of 2^-150 needs e >= 1) and
// is at least 2^-174 from halfway, where the error is below 2^-178. From |c| = 2 up it can be
// halfway (147 * 2^-149 / 98), where division rounds to even and the product need not: there it
// divides. A double divide takes the divider 16 cycles per 8 lanes.
struct Divisor {
  __m512d value, reciprocal;
  bool byReciprocal;
  explicit Divisor(double v)
      : value(_mm512_set1_pd(static_cast<float>(v))), reciprocal(_mm512_set1_pd(1.0 / static_cast<float>(v))),
        byReciprocal(std::fabs(static_cast<float>(v)) < 2) {}
  __m512d divide(__m512d x) const { return byReciprocal ? _mm512_mul_pd(x, reciprocal) : _mm512_div_pd(x, value); }
};

struct AdamScalars8 {
  __m512d beta_1, one_minus_beta_1, beta_2, one_minus_beta_2, step, epsilon;
  Divisor momentum_correction, cache_correction;
  explicit AdamScalars8(const AdamScalars& s)
      : beta_1(at(s.beta_1)), one_minus_beta_1(at(s.one_minus_beta_1)), beta_2(at(s.beta_2)), one_minus_beta_2(at(s.one_minus_beta_2)),
        step(at(s.step)), epsilon(at(s.epsilon)), momentum_correction(s.momentum_correction), cache_correction(s.cache_correction) {}
  static __m512d at(double v) { return _mm512_set1_pd(static_cast<float>(v)); }
};

// adamLines for eight float32 elements, in double. The square root stays float32: it never makes a
// subnormal, and a subnormal cache only makes it slower.
void adamInDouble(float* param, const float* gradient, float* momentums, float* cache, const AdamScalars8& s) {
  const __m512d g = widen(_mm256_loadu_ps(gradient));
  const __m512d m = asFloat32(_mm512_add_pd(asFloat32(_mm512_mul_pd(s.beta_1, widen(_mm256_loadu_ps(momentums)))), asFloat32(_mm512_mul_pd(s.one_minus_beta_1, g))));
  _mm256_storeu_ps(momentums, narrow(m));
  const __m512d momentum_corrected = asFloat32(s.momentum_correction.divide(m));
  const __m512d c = asFloat32(_mm512_add_pd(asFloat32(_mm512_mul_pd(s.beta_2, widen(_mm256_loadu_ps(cache)))),
                                            asFloat32(_mm512_mul_pd(s.one_minus_beta_2, asFloat32(_mm512_mul_pd(g, g))))));
  _mm256_storeu_ps(cache, narrow(c));
  const __m256 cache_corrected = narrow(s.cache_correction.divide(c));
  const __m512d denominator = asFloat32(_mm512_add_pd(widen(_mm256_sqrt_ps(cache_corrected)), s.epsilon));
  const __m512d update = asFloat32(_mm512_div_pd(asFloat32(_mm512_mul_pd(s.step, momentum_corrected)), denominator));
  _mm256_storeu_ps(param, narrow(_mm512_add_pd(widen(_mm256_loadu_ps(param)), update)));
}

// Whether any of 16 values is nonzero but below 2^-exponent in magnitude: small enough that an
// operation on it may make a subnormal. A guess that decides only the speed: both ways give the
// same bits.
bool holdsTiny(const float* x, int exponent) {
  const __m512i magnitude = _mm512_and_si512(_mm512_loadu_si512(x), _mm512_set1_epi32(0x7FFFFFFF));
  const __m512i below = _mm512_set1_epi32(((127 - exponent) << 23) - 1);  // the bits of 2^-exponent, less 1
  return _mm512_cmplt_epu32_mask(_mm512_sub_epi32(magnitude, _mm512_set1_epi32(1)), below) != 0;
}

// Runs of groups of 16 go through float32 (adamLines) or, where a momentum, cache or gradient is
// tiny, through double. A float32 run is cut at 32 groups, so that its values are still in the
// nearest cache when adamLines reads them after holdsTiny (uncut: 107 us against adamLines'
// 74 for a 784x128 layer with no tiny value; cut: 91).
void adamFloat32(float* param, const float* gradient, float* momentums, float* cache, int64_t n, const AdamScalars& s) {
  constexpr int GROUP = 16, RUN = 32 * GROUP;
  const AdamScalars8 s8(s);
  // A momentum below 2^-60, or a gradient below 2^-50 (squared, times 1 - beta_2), makes products
  // below 2^-126 with the scalars; a cache, only once below that itself.
  auto tiny = [&](int64_t i) { return holdsTiny(momentums + i, 60) || holdsTiny(gradient + i, 50) || holdsTiny(cache + i, 100); };
  int64_t i = 0;
  while (i + GROUP <= n) {
    int64_t end = i;
    while (end + GROUP <= n && end - i < RUN && !tiny(end)) end += GROUP;
    if (end > i) adamLines<float>(param + i, gradient + i, momentums + i, cache + i, end - i, s);
    for (i = end; i + GROUP <= n && tiny(i); i += GROUP) {
      adamInDouble(param + i, gradient + i, momentums + i, cache + i, s8);
      adamInDouble(param + i + 8, gradient + i + 8, momentums + i + 8, cache + i + 8, s8);
    }
  }
  adamLines<float>(param + i, gradient + i, momentums + i, cache + i, n - i, s);
}
#else
void adamFloat32(float* param, const float* gradient, float* momentums, float* cache, int64_t n, const AdamScalars& s) {
  adamLines(param, gradient, momentums, cache, n, s);
}
#endif

// A parameter of at least twice this many elements is updated in parts, one per core. The 784x128
// layer's update in Model.train took 210 us on one thread, 147 us on two: its gradient's rows were
// computed in the same two halves (linalg.cc), and a core reads the other's writes slowly.
constexpr double MIN_PART_ELEMENTS = 1 << 15;

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
  if (types[0] != napi_float32_array && types[0] != napi_float64_array) return boolean(env, false);
  // Large parameters in parts, one per core, each of whole groups of 16 (parallel.h).
  const int parts = partsFor(double(n), MIN_PART_ELEMENTS);
  runParts(parts, [&](int part) {
    const Range range = partOf(n, parts, part, 16);
    const int64_t first = range.first, count = range.last - range.first;
    if (types[0] == napi_float32_array) {
      adamFloat32(static_cast<float*>(arrays[0]) + first, static_cast<const float*>(arrays[1]) + first,
                  static_cast<float*>(arrays[2]) + first, static_cast<float*>(arrays[3]) + first, count, s);
    } else {
      adamLines(static_cast<double*>(arrays[0]) + first, static_cast<const double*>(arrays[1]) + first,
                static_cast<double*>(arrays[2]) + first, static_cast<double*>(arrays[3]) + first, count, s);
    }
  });
  return boolean(env, true);
}

}  // namespace nnfs
