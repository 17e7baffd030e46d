// What every kernel file shares: reading a call's arguments, answering true or false, and the
// list of the kernels that kernels.cc registers. See kernels.cc for what the kernels promise.
#pragma once
#include <node_api.h>
#include <cstdint>

namespace nnfs {

// Bumped with every change to the kernels' arguments: native/index.ts refuses an addon built from
// other sources (a checkout updated without `npm install`). Op numbers travel by name (below).
constexpr int VERSION = 7;

// The elementwise operations with a kernel, each by its name in kernels.ts's table of ops. The
// list numbers them (the `op` argument of binary() and unary()) and is exported as binaryOps and
// unaryOps, from which kernels.ts takes each op's number by its name: the two sides cannot drift.
#define NNFS_BINARY_OPS(X) \
  X(ADD, "add") X(SUBTRACT, "subtract") X(MULTIPLY, "multiply") X(DIVIDE, "divide") \
  X(MAXIMUM, "maximum") X(MINIMUM, "minimum") X(EQUAL, "equal") X(NOT_EQUAL, "not_equal") \
  X(GREATER, "greater") X(GREATER_EQUAL, "greater_equal") X(LESS, "less") X(LESS_EQUAL, "less_equal")
#define NNFS_UNARY_OPS(X) X(NEGATIVE, "negative") X(SQUARE, "square") X(SQRT, "sqrt") X(ABSOLUTE, "absolute")

#define NNFS_OP_NUMBER(op, name) op,
#define NNFS_OP_NAME(op, name) name,
enum BinaryOp { NNFS_BINARY_OPS(NNFS_OP_NUMBER) BINARY_OP_COUNT };
enum UnaryOp { NNFS_UNARY_OPS(NNFS_OP_NUMBER) UNARY_OP_COUNT };
constexpr const char* BINARY_OP_NAMES[] = {NNFS_BINARY_OPS(NNFS_OP_NAME)};
constexpr const char* UNARY_OP_NAMES[] = {NNFS_UNARY_OPS(NNFS_OP_NAME)};

using ArrayType = int;
constexpr ArrayType NOT_TYPED = -1;

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
  bool flag(size_t i) const {
    bool v = false;
    napi_get_value_bool(env, values[i], &v);
    return v;
  }
  // A typed array's element type (a napi_typedarray_type) and its first element, the view's own
  // offset applied, and its number of elements if `length` is given; NOT_TYPED for anything
  // else, which no kernel accepts.
  ArrayType type(size_t i, void** data, size_t* length = nullptr) const {
    napi_typedarray_type t;
    size_t elements = 0;
    if (napi_get_typedarray_info(env, values[i], &t, &elements, data, nullptr, nullptr) != napi_ok) return NOT_TYPED;
    if (length) *length = elements;
    return t;
  }
};

// Kernels answer false when their arguments have types they have no loop for.
inline napi_value boolean(napi_env env, bool value) {
  napi_value result;
  napi_get_boolean(env, value, &result);
  return result;
}

napi_value Binary(napi_env env, napi_callback_info info);              // elementwise.cc
napi_value Unary(napi_env env, napi_callback_info info);               // elementwise.cc
napi_value ExpFloat32(napi_env env, napi_callback_info info);          // exp.cc
napi_value Matmul(napi_env env, napi_callback_info info);              // linalg.cc
napi_value SumRuns(napi_env env, napi_callback_info info);             // reductions.cc
napi_value ScanAlong(napi_env env, napi_callback_info info);           // reductions.cc
napi_value RandomDoubles(napi_env env, napi_callback_info info);       // random.cc
napi_value Gaussians(napi_env env, napi_callback_info info);           // random.cc
napi_value BinomialInversion(napi_env env, napi_callback_info info);   // random.cc
napi_value Transpose2d(napi_env env, napi_callback_info info);         // copies.cc
napi_value FillMasked(napi_env env, napi_callback_info info);          // copies.cc
napi_value AdamUpdate(napi_env env, napi_callback_info info);          // network/native/adam.cc

}  // namespace nnfs
