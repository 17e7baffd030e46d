// The array library's hot loops in C++, called from TypeScript through Node-API (kernels.ts,
// linalg.ts, reductions.ts, indexing.ts and core.ts use them when this addon is built).
//
// Each kernel does exactly the arithmetic of the TypeScript loop it replaces, in the same order,
// so results are identical bit for bit: float32 + - * / computed in float (JS computes them in
// double and rounds once, which gives the same float), dot products summed in double in index
// order, NumPy's pairwise summation tree step for step. The speed comes from the compiler's
// vector instructions and from no per-element checks, not from a different algorithm.
// Built with -ffp-contract=off: a fused multiply-add would round differently.
#include <node_api.h>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

namespace {

// ---- reading arguments ----

struct Args {
  napi_env env;
  napi_value values[16];
  size_t count = 16;
  Args(napi_env e, napi_callback_info info) : env(e) {
    napi_get_cb_info(env, info, &count, values, nullptr, nullptr);
  }
  int64_t integer(size_t i) const {
    int64_t v = 0;
    napi_get_value_int64(env, values[i], &v);
    return v;
  }
  double number(size_t i) const {
    double v = 0;
    napi_get_value_double(env, values[i], &v);
    return v;
  }
  // A typed array's element type and its first element (the view's own offset applied).
  napi_typedarray_type type(size_t i, void** data) const {
    napi_typedarray_type t = napi_uint8_array;
    size_t length = 0, offset = 0;
    napi_value buffer;
    napi_get_typedarray_info(env, values[i], &t, &length, data, &buffer, &offset);
    return t;
  }
};

// ---- elementwise binary ufuncs ----

// The operations, numbered as kernels.ts numbers them. maximum/minimum pick an operand as the
// TypeScript select loop does: NaN in the first wins, else the second on ties and NaN there.
enum Op { ADD, SUBTRACT, MULTIPLY, DIVIDE, MAXIMUM, MINIMUM, EQUAL, NOT_EQUAL, GREATER, GREATER_EQUAL, LESS, LESS_EQUAL };

template <Op op, typename T, typename R>
inline R apply(T a, T b) {
  if constexpr (op == ADD) return a + b;
  if constexpr (op == SUBTRACT) return a - b;
  if constexpr (op == MULTIPLY) return a * b;
  if constexpr (op == DIVIDE) return a / b;
  if constexpr (op == MAXIMUM) return (a > b || a != a) ? a : b;
  if constexpr (op == MINIMUM) return (a < b || a != a) ? a : b;
  if constexpr (op == EQUAL) return a == b;
  if constexpr (op == NOT_EQUAL) return a != b;
  if constexpr (op == GREATER) return a > b;
  if constexpr (op == GREATER_EQUAL) return a >= b;
  if constexpr (op == LESS) return a < b;
  if constexpr (op == LESS_EQUAL) return a <= b;
}

// `rows` runs of `n` outputs (see BinaryLoop in kernels.ts). The common strides get loops of
// their own so the compiler can vectorise them: both contiguous, or one operand a single value.
// The arithmetic is done in C: float when the operands and the result are float32 (a float
// operation rounds as double-then-float does), else double, as the TypeScript loop computes.
template <Op op, typename C, typename TO, typename TX, typename TY>
void binaryRuns(TO* o, int64_t oo, const TX* x, int64_t xo, int64_t sx, int64_t xr,
                const TY* y, int64_t yo, int64_t sy, int64_t yr, int64_t n, int64_t rows) {
  auto f = [](C a, C b) { return static_cast<TO>(apply<op, C, C>(a, b)); };
  for (int64_t r = 0; r < rows; r++, oo += n, xo += xr, yo += yr) {
    TO* out = o + oo;
    const TX* a = x + xo;
    const TY* b = y + yo;
    if (sx == 1 && sy == 1) {
      for (int64_t j = 0; j < n; j++) out[j] = f(a[j], b[j]);
    } else if (sx == 1 && sy == 0) {
      const C bv = *b;
      for (int64_t j = 0; j < n; j++) out[j] = f(a[j], bv);
    } else if (sx == 0 && sy == 1) {
      const C av = *a;
      for (int64_t j = 0; j < n; j++) out[j] = f(av, b[j]);
    } else {
      for (int64_t j = 0; j < n; j++) out[j] = f(a[j * sx], b[j * sy]);
    }
  }
}

template <Op op, typename TO, typename TX, typename TY>
void binaryTyped(const Args& args, void* o, void* x, void* y) {
  using C = std::conditional_t<std::is_same_v<TX, float> && std::is_same_v<TY, float> && !std::is_same_v<TO, double>, float, double>;
  binaryRuns<op, C>(static_cast<TO*>(o), args.integer(2), static_cast<const TX*>(x), args.integer(4), args.integer(5), args.integer(6),
                    static_cast<const TY*>(y), args.integer(8), args.integer(9), args.integer(10), args.integer(11), args.integer(12));
}

// The result: uint8 (bool) for comparisons, float32 or float64 for arithmetic.
template <Op op, typename TX, typename TY>
bool binaryInto(const Args& args, void* o, napi_typedarray_type to, void* x, void* y) {
  if constexpr (op >= EQUAL) {
    if (to != napi_uint8_array) return false;
    binaryTyped<op, uint8_t, TX, TY>(args, o, x, y);
  } else if (to == napi_float32_array) {
    binaryTyped<op, float, TX, TY>(args, o, x, y);
  } else if (to == napi_float64_array) {
    binaryTyped<op, double, TX, TY>(args, o, x, y);
  } else {
    return false;
  }
  return true;
}

template <Op op>
bool binaryFor(const Args& args, void* o, napi_typedarray_type to, void* x, napi_typedarray_type tx, void* y, napi_typedarray_type ty) {
  const bool x32 = tx == napi_float32_array, y32 = ty == napi_float32_array;
  if (!(x32 || tx == napi_float64_array) || !(y32 || ty == napi_float64_array)) return false;
  if (x32 && y32) return binaryInto<op, float, float>(args, o, to, x, y);
  if (x32) return binaryInto<op, float, double>(args, o, to, x, y);
  if (y32) return binaryInto<op, double, float>(args, o, to, x, y);
  return binaryInto<op, double, double>(args, o, to, x, y);
}

// binary(op, o, oo, x, xo, sx, xr, y, yo, sy, yr, n, rows): x and y float32 or float64; o float32
// or float64 (arithmetic) or uint8 (comparisons). Returns false for anything else.
napi_value Binary(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *o, *x, *y;
  const napi_typedarray_type to = args.type(1, &o), tx = args.type(3, &x), ty = args.type(7, &y);
  bool done = false;
  switch (args.integer(0)) {
    case ADD: done = binaryFor<ADD>(args, o, to, x, tx, y, ty); break;
    case SUBTRACT: done = binaryFor<SUBTRACT>(args, o, to, x, tx, y, ty); break;
    case MULTIPLY: done = binaryFor<MULTIPLY>(args, o, to, x, tx, y, ty); break;
    case DIVIDE: done = binaryFor<DIVIDE>(args, o, to, x, tx, y, ty); break;
    case MAXIMUM: done = binaryFor<MAXIMUM>(args, o, to, x, tx, y, ty); break;
    case MINIMUM: done = binaryFor<MINIMUM>(args, o, to, x, tx, y, ty); break;
    case EQUAL: done = binaryFor<EQUAL>(args, o, to, x, tx, y, ty); break;
    case NOT_EQUAL: done = binaryFor<NOT_EQUAL>(args, o, to, x, tx, y, ty); break;
    case GREATER: done = binaryFor<GREATER>(args, o, to, x, tx, y, ty); break;
    case GREATER_EQUAL: done = binaryFor<GREATER_EQUAL>(args, o, to, x, tx, y, ty); break;
    case LESS: done = binaryFor<LESS>(args, o, to, x, tx, y, ty); break;
    case LESS_EQUAL: done = binaryFor<LESS_EQUAL>(args, o, to, x, tx, y, ty); break;
  }
  napi_value result;
  napi_get_boolean(env, done, &result);
  return result;
}

// ---- elementwise unary ufuncs ----

enum UnaryOp { NEGATIVE, SQUARE, SQRT, ABSOLUTE };

template <UnaryOp op, typename T>
void unaryLoop(T* o, const T* x, size_t n) {
  for (size_t j = 0; j < n; j++) {
    const T a = x[j];
    if constexpr (op == NEGATIVE) o[j] = -a;
    if constexpr (op == SQUARE) o[j] = a * a;
    if constexpr (op == SQRT) o[j] = std::sqrt(a);
    if constexpr (op == ABSOLUTE) o[j] = std::fabs(a);
  }
}

template <typename T>
bool unaryOf(int op, void* o, void* x, size_t n) {
  T* out = static_cast<T*>(o);
  const T* in = static_cast<const T*>(x);
  switch (op) {
    case NEGATIVE: unaryLoop<NEGATIVE>(out, in, n); return true;
    case SQUARE: unaryLoop<SQUARE>(out, in, n); return true;
    case SQRT: unaryLoop<SQRT>(out, in, n); return true;
    case ABSOLUTE: unaryLoop<ABSOLUTE>(out, in, n); return true;
  }
  return false;
}

// unary(op, o, x, n): o and x both float32 or both float64. Returns false for anything else.
napi_value Unary(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *o, *x;
  const int op = static_cast<int>(args.integer(0));
  const napi_typedarray_type to = args.type(1, &o), tx = args.type(2, &x);
  const size_t n = static_cast<size_t>(args.integer(3));
  bool done = false;
  if (to == napi_float32_array && tx == to) done = unaryOf<float>(op, o, x, n);
  else if (to == napi_float64_array && tx == to) done = unaryOf<double>(op, o, x, n);
  napi_value result;
  napi_get_boolean(env, done, &result);
  return result;
}

// ---- matrix product ----

// C = A·B, row-major, each C[i][j] summed in double over p = 0..k-1 in order from 0, stored once.
// The work goes in blocks of 4 rows by 8 columns whose 32 sums stay in vector registers for the
// whole sum over p (each value of B loaded serves four rows, each of A eight columns); the
// columns and rows left over are summed one element at a time, in the same order.
typedef double double4 __attribute__((vector_size(32)));
typedef float float4 __attribute__((vector_size(16)));

inline double4 load4(const double* p) { double4 v; std::memcpy(&v, p, sizeof v); return v; }
inline double4 load4(const float* p) { float4 v; std::memcpy(&v, p, sizeof v); return __builtin_convertvector(v, double4); }

template <typename TA, typename TB, typename TC>
void block4x8(const TA* A, const TB* B, TC* C, int64_t i, int64_t j, int64_t k, int64_t n) {
  double4 s[4][2] = {};
  const TA* a = A + i * k;
  for (int64_t p = 0; p < k; p++) {
    const TB* b = B + p * n + j;
    const double4 b0 = load4(b), b1 = load4(b + 4);
    for (int r = 0; r < 4; r++) {
      const double x = a[r * k + p];
      s[r][0] += x * b0;
      s[r][1] += x * b1;
    }
  }
  for (int r = 0; r < 4; r++) {
    TC* c = C + (i + r) * n + j;
    for (int e = 0; e < 4; e++) c[e] = static_cast<TC>(s[r][0][e]), c[4 + e] = static_cast<TC>(s[r][1][e]);
  }
}

// R rows by the N < 8 columns left of a row (all of it when B is narrow, as 64x3 weights are):
// R·N sums in locals, one pass over A's rows and B's columns.
template <int R, int N, typename TA, typename TB, typename TC>
void blockRxN(const TA* A, const TB* B, TC* C, int64_t i, int64_t j, int64_t k, int64_t n) {
  double s[R][N] = {};
  const TA* a = A + i * k;
  for (int64_t p = 0; p < k; p++) {
    const TB* b = B + p * n + j;
    for (int r = 0; r < R; r++) {
      const double x = a[r * k + p];
      for (int c = 0; c < N; c++) s[r][c] += x * static_cast<double>(b[c]);
    }
  }
  for (int r = 0; r < R; r++) {
    for (int c = 0; c < N; c++) C[(i + r) * n + j + c] = static_cast<TC>(s[r][c]);
  }
}

template <int R, typename TA, typename TB, typename TC>
void leftColumns(const TA* A, const TB* B, TC* C, int64_t i, int64_t j, int64_t k, int64_t n) {
  switch (n - j) {
    case 1: return blockRxN<R, 1>(A, B, C, i, j, k, n);
    case 2: return blockRxN<R, 2>(A, B, C, i, j, k, n);
    case 3: return blockRxN<R, 3>(A, B, C, i, j, k, n);
    case 4: return blockRxN<R, 4>(A, B, C, i, j, k, n);
    case 5: return blockRxN<R, 5>(A, B, C, i, j, k, n);
    case 6: return blockRxN<R, 6>(A, B, C, i, j, k, n);
    case 7: return blockRxN<R, 7>(A, B, C, i, j, k, n);
  }
}

template <typename TA, typename TB, typename TC>
void matmul(const TA* A, const TB* B, TC* C, int64_t m, int64_t k, int64_t n) {
  const int64_t blockRows = m - m % 4, blockCols = n - n % 8;
  for (int64_t i = 0; i < blockRows; i += 4) {
    for (int64_t j = 0; j < blockCols; j += 8) block4x8(A, B, C, i, j, k, n);
    leftColumns<4>(A, B, C, i, blockCols, k, n);
  }
  for (int64_t i = blockRows; i < m; i++) {
    for (int64_t j = 0; j < blockCols; j += 8) blockRxN<1, 8>(A, B, C, i, j, k, n);
    leftColumns<1>(A, B, C, i, blockCols, k, n);
  }
}

template <typename TA, typename TB>
bool matmulInto(void* A, void* B, void* C, napi_typedarray_type tc, int64_t m, int64_t k, int64_t n) {
  if (tc == napi_float32_array) matmul(static_cast<TA*>(A), static_cast<TB*>(B), static_cast<float*>(C), m, k, n);
  else if (tc == napi_float64_array) matmul(static_cast<TA*>(A), static_cast<TB*>(B), static_cast<double*>(C), m, k, n);
  else return false;
  return true;
}

template <typename TA>
bool matmulFrom(void* A, void* B, napi_typedarray_type tb, void* C, napi_typedarray_type tc, int64_t m, int64_t k, int64_t n) {
  if (tb == napi_float32_array) return matmulInto<TA, float>(A, B, C, tc, m, k, n);
  if (tb == napi_float64_array) return matmulInto<TA, double>(A, B, C, tc, m, k, n);
  return false;
}

// matmul(A, B, C, m, k, n): float32 or float64 storage each. Returns false for other types.
napi_value Matmul(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *A, *B, *C;
  const napi_typedarray_type ta = args.type(0, &A), tb = args.type(1, &B), tc = args.type(2, &C);
  const int64_t m = args.integer(3), k = args.integer(4), n = args.integer(5);
  bool done = false;
  if (ta == napi_float32_array) done = matmulFrom<float>(A, B, tb, C, tc, m, k, n);
  else if (ta == napi_float64_array) done = matmulFrom<double>(A, B, tb, C, tc, m, k, n);
  napi_value result;
  napi_get_boolean(env, done, &result);
  return result;
}

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

napi_value SumRuns(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *src, *dst, *offsets;
  const napi_typedarray_type ts = args.type(0, &src), td = args.type(1, &dst), to = args.type(4, &offsets);
  size_t runs = 0;
  napi_get_typedarray_info(env, args.values[4], nullptr, &runs, nullptr, nullptr, nullptr);
  const int64_t length = args.integer(2);
  bool along = false;
  napi_get_value_bool(env, args.values[3], &along);
  bool done = to == napi_int32_array && ts == td;
  if (done && ts == napi_float32_array) sumRuns(static_cast<float*>(src), static_cast<float*>(dst), length, along, static_cast<int32_t*>(offsets), runs);
  else if (done && ts == napi_float64_array) sumRuns(static_cast<double*>(src), static_cast<double*>(dst), length, along, static_cast<int32_t*>(offsets), runs);
  else done = false;
  napi_value result;
  napi_get_boolean(env, done, &result);
  return result;
}

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

// scanAlong(data, top, at, outer, len, inner, max): data and top both float32 or both float64, at float64.
napi_value ScanAlong(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *data, *top, *at;
  const napi_typedarray_type td = args.type(0, &data), tt = args.type(1, &top), ta = args.type(2, &at);
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
  napi_value result;
  napi_get_boolean(env, done, &result);
  return result;
}

// ---- random numbers: MT19937 on the state array random.ts keeps (mt19937.ts step for step) ----

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
  size_t length = 0;
  napi_typedarray_type t;
  napi_get_typedarray_info(args.env, args.values[0], &t, &length, reinterpret_cast<void**>(&mt.key), nullptr, nullptr);
  mt.pos = args.integer(1);
  return t == napi_uint32_array && length == Twister::N && mt.pos >= 0 && mt.pos <= Twister::N;
}

// Fills argument 2, a Float64Array, with draw(mt) from the twister (key, pos) of arguments 0
// and 1; returns the position the state is left at, or false for arguments of other types.
template <typename Draw>
napi_value drawAll(const Args& args, Draw draw) {
  Twister mt;
  void* out;
  size_t n = 0;
  napi_typedarray_type t;
  napi_get_typedarray_info(args.env, args.values[2], &t, &n, &out, nullptr, nullptr);
  const bool done = twisterOf(args, mt) && t == napi_float64_array;
  napi_value result;
  if (!done) {
    napi_get_boolean(args.env, false, &result);
    return result;
  }
  double* o = static_cast<double*>(out);
  for (size_t i = 0; i < n; i++) o[i] = draw(mt);
  napi_create_double(args.env, static_cast<double>(mt.pos), &result);
  return result;
}

// randomDoubles(key, pos, out) -> pos: uniform doubles in [0, 1).
napi_value RandomDoubles(napi_env env, napi_callback_info info) {
  return drawAll(Args(env, info), [](Twister& mt) { return mt.nextDouble(); });
}

// binomialInversion(key, pos, out, n, p, qn, bound, flip) -> pos: the inversion sampler of
// random.ts (qn = (1 - p)^n and bound computed there, with V8's exp and log).
napi_value BinomialInversion(napi_env env, napi_callback_info info) {
  Args args(env, info);
  const double n = args.number(3), p = args.number(4), q = 1 - p, qn = args.number(5), bound = args.number(6);
  bool flip = false;
  napi_get_value_bool(env, args.values[7], &flip);
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

// ---- copies ----

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

size_t elementSize(napi_typedarray_type t) {
  switch (t) {
    case napi_int8_array: case napi_uint8_array: case napi_uint8_clamped_array: return 1;
    case napi_int16_array: case napi_uint16_array: return 2;
    case napi_int32_array: case napi_uint32_array: case napi_float32_array: return 4;
    default: return 8;
  }
}

napi_value Transpose2d(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *src, *dst;
  const napi_typedarray_type ts = args.type(0, &src), td = args.type(1, &dst);
  const int64_t rows = args.integer(2), cols = args.integer(3);
  const size_t size = elementSize(ts);
  bool done = size == elementSize(td);
  if (done && size == 1) transpose(static_cast<uint8_t*>(src), static_cast<uint8_t*>(dst), rows, cols);
  else if (done && size == 4) transpose(static_cast<uint32_t*>(src), static_cast<uint32_t*>(dst), rows, cols);
  else if (done && size == 8) transpose(static_cast<uint64_t*>(src), static_cast<uint64_t*>(dst), rows, cols);
  else done = false;
  napi_value result;
  napi_get_boolean(env, done, &result);
  return result;
}

// fillMasked(dst, mask, value): dst[i] = value where mask[i] (d[mask] = 0 in every ReLU backward).
template <typename T>
void fillMasked(T* dst, const uint8_t* mask, size_t n, T value) {
  for (size_t i = 0; i < n; i++) dst[i] = mask[i] ? value : dst[i];
}

napi_value FillMasked(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *dst, *mask;
  const napi_typedarray_type td = args.type(0, &dst), tm = args.type(1, &mask);
  size_t n = 0;
  napi_get_typedarray_info(env, args.values[1], nullptr, &n, nullptr, nullptr, nullptr);
  const double value = args.number(2);
  bool done = tm == napi_uint8_array;
  if (done && td == napi_float32_array) fillMasked(static_cast<float*>(dst), static_cast<uint8_t*>(mask), n, static_cast<float>(value));
  else if (done && td == napi_float64_array) fillMasked(static_cast<double*>(dst), static_cast<uint8_t*>(mask), n, value);
  else done = false;
  napi_value result;
  napi_get_boolean(env, done, &result);
  return result;
}

napi_value Init(napi_env env, napi_value exports) {
  const napi_property_descriptor functions[] = {
    {"binary", nullptr, Binary, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"unary", nullptr, Unary, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"scanAlong", nullptr, ScanAlong, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"randomDoubles", nullptr, RandomDoubles, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"binomialInversion", nullptr, BinomialInversion, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"matmul", nullptr, Matmul, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"sumRuns", nullptr, SumRuns, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"transpose2d", nullptr, Transpose2d, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"fillMasked", nullptr, FillMasked, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, sizeof(functions) / sizeof(functions[0]), functions);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
