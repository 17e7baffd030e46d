// Binary and unary ufunc loops (kernels.ts hands them the runs of a broadcast).
#include "kernels.h"
#include <cmath>
#include <type_traits>

namespace nnfs {

namespace {

// ---- elementwise binary ufuncs ----

// The operations are numbered in kernels.h. maximum/minimum pick an operand as the TypeScript
// loop does: NaN in the first wins, else the second on ties and NaN there.
using Op = BinaryOp;

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

// `rows` runs of `n` outputs (see binaryRuns in kernels.ts). The common strides get loops of
// their own so the compiler can vectorise them: both contiguous, or one operand a single value.
// The arithmetic is done in type C: float when the operands and the result are float32 (a float
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
bool binaryInto(const Args& args, void* o, ArrayType to, void* x, void* y) {
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
bool binaryFor(const Args& args, void* o, ArrayType to, void* x, ArrayType tx, void* y, ArrayType ty) {
  const bool x32 = tx == napi_float32_array, y32 = ty == napi_float32_array;
  if (!(x32 || tx == napi_float64_array) || !(y32 || ty == napi_float64_array)) return false;
  if (x32 && y32) return binaryInto<op, float, float>(args, o, to, x, y);
  if (x32) return binaryInto<op, float, double>(args, o, to, x, y);
  if (y32) return binaryInto<op, double, float>(args, o, to, x, y);
  return binaryInto<op, double, double>(args, o, to, x, y);
}

}  // namespace

// binary(op, o, oo, x, xo, sx, xr, y, yo, sy, yr, n, rows): x and y float32 or float64; o float32
// or float64 (arithmetic) or uint8 (comparisons). Returns false for anything else.
napi_value Binary(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *o, *x, *y;
  const ArrayType to = args.type(1, &o), tx = args.type(3, &x), ty = args.type(7, &y);
  // One loop family per operation, indexed by its number.
#define NNFS_BINARY_LOOP(op, name) binaryFor<op>,
  static constexpr decltype(&binaryFor<ADD>) loops[] = {NNFS_BINARY_OPS(NNFS_BINARY_LOOP)};
  const int64_t op = args.integer(0);
  const bool done = op >= 0 && op < BINARY_OP_COUNT && loops[op](args, o, to, x, tx, y, ty);
  return boolean(env, done);
}

namespace {

// ---- elementwise unary ufuncs ----

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
#define NNFS_UNARY_LOOP(op, name) unaryLoop<op, T>,
  static constexpr decltype(&unaryLoop<NEGATIVE, T>) loops[] = {NNFS_UNARY_OPS(NNFS_UNARY_LOOP)};
  if (op < 0 || op >= UNARY_OP_COUNT) return false;
  loops[op](out, in, n);
  return true;
}

}  // namespace

// unary(op, o, x, n): o and x both float32 or both float64. Returns false for anything else.
napi_value Unary(napi_env env, napi_callback_info info) {
  Args args(env, info);
  void *o, *x;
  const int op = static_cast<int>(args.integer(0));
  const ArrayType to = args.type(1, &o), tx = args.type(2, &x);
  const size_t n = static_cast<size_t>(args.integer(3));
  bool done = false;
  if (to == napi_float32_array && tx == to) done = unaryOf<float>(op, o, x, n);
  else if (to == napi_float64_array && tx == to) done = unaryOf<double>(op, o, x, n);
  return boolean(env, done);
}

}  // namespace nnfs
