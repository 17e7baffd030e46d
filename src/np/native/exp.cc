// exp of float32 arrays. The TypeScript loop computes Math.exp in double and rounds the result to
// float32 once. This kernel computes exp in double too, by its own vectorisable formula, and
// keeps its result wherever the rounding to float32 cannot depend on which of the two doubles is
// rounded; every other element it reports, and the caller computes it with Math.exp. So the
// floats are identical to the TypeScript loop's, though the doubles behind them are not.
//
// Why that holds: this double is within 152 units in the last place of the true exp (every
// float32 input in [-87, 88], against long double exp), V8's within 1 unit, so the two are at
// most 153 units apart. Rounding to float32 drops 29 of a double's 52 fraction bits; it can only go
// differently for the two if the dropped bits of one are within those units of the half-way
// pattern. Elements whose dropped bits are within 4096 units of it are reported (about one
// element in 65,000), as are NaN and inputs outside [-87, 88]: a little inside the range where
// results stop being normal floats (0, subnormal, inf), so every kept result is a normal float32
// and drops exactly 29 bits.
// scripts/exp-exhaustive.ts checks the outcome on all 2^32 float32 inputs against Math.exp.
#include "kernels.h"
#include <cstring>

// In 512-bit vectors where the machine has AVX-512: for Intel's server processors GCC 12
// vectorizes in 256 bits by default (it takes the bench machine's Xeon for a Rocket Lake), and
// there 512 bits took float32 exp of 300x64 values from 19 to 14.6 us. (The other kernels were
// as fast or slower in 512 bits: reductions over 60000x128 ~10% slower.)
#pragma GCC target("prefer-vector-width=512")

namespace nnfs {

namespace {

inline double fromBits(uint64_t b) { double d; std::memcpy(&d, &b, sizeof d); return d; }
inline uint64_t bitsOf(double d) { uint64_t b; std::memcpy(&b, &d, sizeof b); return b; }

// exp(x) = 2^k exp(r), k the nearest integer to x / ln 2 and |r| <= ln 2 / 2. Adding 1.5 * 2^52
// rounds x / ln 2 to an integer and leaves it in the low bits: k in two's complement, so shifted
// up by 52 they add k, negative too, to exp(r)'s exponent, exactly while the result stays normal
// (|k| <= 127 for the inputs kept). One double for ln 2 is enough: it is 2.3e-17 off, so r moves
// by at most 3e-15, 13 units of 2^-52 of the result. exp(r) is a polynomial of degree 9 fitted to
// exp by least squares at 2000 Chebyshev nodes of [-ln 2 / 2, ln 2 / 2]
// (scripts/exp-coefficients.py), within 84 units of 2^-52 of exp(r): about what Taylor's series
// needs terms to r^11 for, and far inside the margin below.
inline double expOf(double x) {
  constexpr double LOG2E = 0x1.71547652b82fep0, LN2 = 0x1.62e42fefa39efp-1, SHIFT = 0x1.8p52;
  const double shifted = __builtin_fma(x, LOG2E, SHIFT), k = shifted - SHIFT;
  const double r = __builtin_fma(-k, LN2, x);
  // Odd and even powers as two chains in r^2: half as long as one Horner chain over r.
  const double r2 = r * r;
  double odd = 0x1.72f552af864a8p-19, even = 0x1.a17e4c267b133p-16;  // r^9's and r^8's coefficients
  odd = __builtin_fma(odd, r2, 0x1.a0197d8c75e61p-13), even = __builtin_fma(even, r2, 0x1.6c162b63d6876p-10);
  odd = __builtin_fma(odd, r2, 0x1.1111112ca26a0p-7), even = __builtin_fma(even, r2, 0x1.55555588e77b9p-5);
  odd = __builtin_fma(odd, r2, 0x1.555555554beabp-3), even = __builtin_fma(even, r2, 0x1.ffffffffe731cp-2);
  odd = __builtin_fma(odd, r2, 0x1.000000000001bp+0), even = __builtin_fma(even, r2, 0x1.000000000003ep+0);
  const double p = __builtin_fma(odd, r, even);
  return fromBits(bitsOf(p) + (bitsOf(shifted) << 52));
}

// Whether rounding d to float32 could go the other way for a double fewer than 4096 units from it.
inline uint64_t nearHalfWay(double d) {
  constexpr uint64_t HALF_WAY = uint64_t{1} << 28, MARGIN = 4096, DROPPED = (uint64_t{1} << 29) - 1;
  return ((bitsOf(d) + MARGIN - HALF_WAY) & DROPPED) < 2 * MARGIN;  // the dropped bits, shifted so the band starts at 0
}

// Also true for NaN (every comparison with it is false). Tested on the float32 inputs, so a vector
// register compares eight at a time.
inline uint32_t outsideRange(float x) { return !(x >= -87.0f && x <= 88.0f); }

// Writes exp(x) rounded to float32; answers 1 if it is near a half-way point.
inline uint64_t expNear(float x, float* out) {
  const double d = expOf(x);
  *out = static_cast<float>(d);
  return nearHalfWay(d);
}

// Writes exp of x[0, len) to o; answers whether any element is near a half-way point or outside
// the range. Two flags, so that each test vectorises in its own width.
inline bool anyUnsure(const float* __restrict x, float* __restrict o, int64_t len) {
  uint64_t near = 0;
  uint32_t outside = 0;
  for (int64_t i = 0; i < len; i++) {
    near |= expNear(x[i], &o[i]);
    outside |= outsideRange(x[i]);
  }
  return near || outside;
}

// Blocks of 64: the vector loop notes whether a block has an unsure element; only such a
// (rare) block is gone over again to find which. Returns how many indices went into `unsure`,
// or -1 if they did not fit.
int64_t expFloat32(float* __restrict o, const float* __restrict x, int64_t n, int32_t* unsure, int64_t capacity) {
  int64_t count = 0;
  for (int64_t start = 0; start < n; start += 64) {
    const int64_t end = start + 64 < n ? start + 64 : n;
    // A full block passes the constant 64, so its loop has no remainder to handle.
    const bool any = end - start == 64 ? anyUnsure(x + start, o + start, 64) : anyUnsure(x + start, o + start, end - start);
    if (!any) continue;
    for (int64_t i = start; i < end; i++) {
      float ignored;
      if (!expNear(x[i], &ignored) && !outsideRange(x[i])) continue;
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
