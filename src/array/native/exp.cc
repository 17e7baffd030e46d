// exp of float32 arrays. The TypeScript loop computes Math.exp in double and rounds the result to
// float32 once. This kernel computes exp in double too, by its own vectorisable formula, and
// keeps its result wherever the rounding to float32 cannot depend on which of the two doubles is
// rounded; every other element it reports, and the caller computes it with Math.exp. So the
// floats are identical to the TypeScript loop's, though the doubles behind them are not.
//
// Why that holds: this double is within 3.4 units in the last place of the true exp (measured
// against long double exp over 60 million inputs across the range), V8's within 1 unit, so the
// two are a few units apart. Rounding to float32 drops 29 of a double's 52 fraction bits;
// it can only go differently for the two if the dropped bits of one are within those few units
// of the half-way pattern. Elements whose dropped bits are within 4096 units of it are reported
// (about one element in 65,000), as are NaN and inputs outside [-87, 88]: a little inside the
// range where results stop being normal floats (0, subnormal, inf), so the test above holds.
#include "kernels.h"
#include <cstring>

namespace nnfs {

namespace {

inline double fromBits(uint64_t b) { double d; std::memcpy(&d, &b, sizeof d); return d; }
inline uint64_t bitsOf(double d) { uint64_t b; std::memcpy(&b, &d, sizeof b); return b; }

// exp(x) = 2^k exp(r), k the nearest integer to x / ln 2 and |r| <= ln 2 / 2, where the Taylor
// series to r^12 is within 2e-16 of exp(r). Adding 1.5 * 2^52 rounds x / ln 2 to an integer and
// leaves it in the low bits, which then become 2^k's exponent. ln 2 is split in two (the high
// part has zero low bits, so k * LN2_HI is exact for every k of the inputs kept, |k| < 128). The series is
// summed in Estrin's order (pairs, then pairs of pairs): a chain of 4 fused steps instead of 12.
inline double expOf(double x) {
  constexpr double LOG2E = 1.4426950408889634, SHIFT = 0x1.8p52;
  constexpr double LN2_HI = 0x1.62e42fefa3800p-1, LN2_LO = 0x1.ef35793c76730p-45;
  double k = __builtin_fma(x, LOG2E, SHIFT);
  const uint64_t kBits = bitsOf(k);
  k -= SHIFT;
  const double r = __builtin_fma(-k, LN2_LO, __builtin_fma(-k, LN2_HI, x));
  const double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
  auto pair = [r](double high, double low) { return __builtin_fma(r, high, low); };  // low + high·r
  const double to3 = __builtin_fma(pair(1.0 / 6, 1.0 / 2), r2, pair(1.0, 1.0));
  const double to7 = __builtin_fma(pair(1.0 / 5040, 1.0 / 720), r2, pair(1.0 / 120, 1.0 / 24));
  const double to11 = __builtin_fma(pair(1.0 / 39916800, 1.0 / 3628800), r2, pair(1.0 / 362880, 1.0 / 40320));
  const double to12 = __builtin_fma(1.0 / 479001600, r4, to11);
  const double p = __builtin_fma(to12, r8, __builtin_fma(to7, r4, to3));
  return p * fromBits((kBits + 1023) << 52);
}

// Writes exp(x) rounded to float32; answers 1 if the caller must compute this element itself.
inline uint64_t expUnsure(float x, float* out) {
  constexpr uint64_t HALF_WAY = uint64_t{1} << 28, MARGIN = 4096, DROPPED = (uint64_t{1} << 29) - 1;
  const double wide = x, d = expOf(wide);
  *out = static_cast<float>(d);
  const uint64_t nearHalfWay = ((bitsOf(d) & DROPPED) - (HALF_WAY - MARGIN)) < 2 * MARGIN;
  return nearHalfWay | static_cast<uint64_t>(!(wide >= -87.0 && wide <= 88.0));
}

// Blocks of 64: the vector loop notes whether a block has an unsure element; only such a
// (rare) block is gone over again to find which. Returns how many indices went into `unsure`,
// or -1 if they did not fit.
int64_t expFloat32(float* __restrict o, const float* __restrict x, int64_t n, int32_t* unsure, int64_t capacity) {
  int64_t count = 0;
  for (int64_t start = 0; start < n; start += 64) {
    const int64_t end = start + 64 < n ? start + 64 : n;
    uint64_t any = 0;
    if (end - start == 64) {
      for (int64_t i = 0; i < 64; i++) any |= expUnsure(x[start + i], &o[start + i]);  // no remainder to handle
    } else {
      for (int64_t i = start; i < end; i++) any |= expUnsure(x[i], &o[i]);
    }
    if (!any) continue;
    for (int64_t i = start; i < end; i++) {
      float ignored;
      if (!expUnsure(x[i], &ignored)) continue;
      if (count == capacity) return -1;
      unsure[count++] = static_cast<int32_t>(i);
    }
  }
  return count;
}

}  // namespace

// expFloat32(o, x, n, unsure): o and x Float32Arrays, unsure an Int32Array. Returns the number
// of indices written to unsure (elements the caller computes), -1 if more than it holds, or
// false for other argument types.
napi_value ExpFloat32(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *o, *x, *unsure;
  size_t capacity = 0;
  const bool typed = args.type(0, &o) == napi_float32_array && args.type(1, &x) == napi_float32_array &&
    args.type(3, &unsure, &capacity) == napi_int32_array;
  if (!typed) return boolean(env, false);
  const int64_t count = expFloat32(static_cast<float*>(o), static_cast<const float*>(x), args.integer(2),
                                   static_cast<int32_t*>(unsure), static_cast<int64_t>(capacity));
  napi_value result;
  napi_create_int64(env, count, &result);
  return result;
}

}  // namespace nnfs
