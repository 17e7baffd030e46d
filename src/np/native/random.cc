// Uniform doubles, Gaussians and binomial draws from the MT19937 state random.ts keeps.
#include "kernels.h"
#include <cmath>

namespace nnfs {

namespace {

struct Twister {
  static constexpr int N = 624, M = 397;
  uint32_t* key;
  int64_t pos;

  void twist() {
    for (int i = 0; i < N; i++) {
      const uint32_t y = (key[i] & 0x80000000u) | (key[i + 1 < N ? i + 1 : 0] & 0x7fffffffu);
      key[i] = key[i + M < N ? i + M : i + M - N] ^ (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0u);
    }
    pos = 0;
  }
  uint32_t next32() {
    if (pos == N) twist();
    uint32_t y = key[pos++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
  }
  double nextDouble() {
    const uint32_t a = next32() >> 5, b = next32() >> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }
};

// The twister from (key, pos), or false when key is not the 624-word Uint32Array.
bool twisterOf(const Args& args, Twister& mt) {
  void* key;
  size_t length = 0;
  if (args.type(0, &key, &length) != napi_uint32_array) return false;
  mt.key = static_cast<uint32_t*>(key);
  mt.pos = args.integer(1);
  return length == Twister::N && mt.pos >= 0 && mt.pos <= Twister::N;
}

// Fills argument 2, a Float64Array, with draw(mt) from the twister (key, pos) of arguments 0
// and 1; returns the position the state is left at, or false for arguments of other types.
template <typename Draw>
napi_value drawAll(const Args& args, Draw draw) {
  Twister mt;
  void* out;
  size_t n = 0;
  if (args.type(2, &out, &n) != napi_float64_array || !twisterOf(args, mt)) {
    return boolean(args.env, false);
  }
  napi_value result;
  double* o = static_cast<double*>(out);
  for (size_t i = 0; i < n; i++) o[i] = draw(mt);
  napi_create_double(args.env, static_cast<double>(mt.pos), &result);
  return result;
}

}  // namespace

// randomDoubles(key, pos, out) -> pos: uniform doubles in [0, 1).
napi_value RandomDoubles(napi_env env, napi_callback_info info) {
  return drawAll(Args(env, info), [](Twister& mt) { return mt.nextDouble(); });
}

// gaussians(key, pos, out, spare) -> pos: NumPy's legacy polar method, pair by pair, with the C
// library's log and sqrt, which are the ones NumPy calls (V8's Math.log differs from them in
// the last bit for ~7% of inputs). Each pair gives f·x2, then f·x1; when out's length is odd
// the last f·x1 goes to spare[0], the value NumPy keeps for its next call.
napi_value Gaussians(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void* spare;
  size_t spares = 0;
  if (args.type(3, &spare, &spares) != napi_float64_array || spares < 1) return boolean(env, false);
  double* kept = static_cast<double*>(spare);
  bool second = false;
  double x1 = 0, f = 0;
  return drawAll(args, [&](Twister& mt) {
    if (second) {
      second = false;
      return f * x1;
    }
    double x2, r2;
    do {
      x1 = 2.0 * mt.nextDouble() - 1.0;
      x2 = 2.0 * mt.nextDouble() - 1.0;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    f = std::sqrt(-2.0 * std::log(r2) / r2);
    second = true;
    *kept = f * x1;
    return f * x2;
  });
}

// binomialInversion(key, pos, out, n, p, qn, bound, flip) -> pos: the inversion sampler of
// random.ts (qn = (1 - p)^n and bound computed there, with V8's exp and log).
napi_value BinomialInversion(napi_env env, napi_callback_info info) {
  Args args(env, info);
  const double n = args.number(3), p = args.number(4), q = 1 - p, qn = args.number(5), bound = args.number(6);
  const bool flip = args.flag(7);
  return drawAll(args, [=](Twister& mt) {
    double x = 0, px = qn, u = mt.nextDouble();
    while (u > px) {
      x++;
      if (x > bound) {
        x = 0;
        px = qn;
        u = mt.nextDouble();
      } else {
        u -= px;
        px = ((n - x + 1) * p * px) / (x * q);
      }
    }
    return flip ? n - x : x;
  });
}

}  // namespace nnfs
