// The array library's hot loops in C++, called from TypeScript through Node-API when this addon
// is built (native.ts loads it). One file per part of the array module, as in src/array:
// elementwise.cc (ufunc loops), exp.cc (float32 exp), linalg.cc (dot), reductions.cc (sums,
// max/argmax), random.cc (MT19937 doubles, Gaussians, binomial draws), copies.cc (transpose, masked fill);
// this file registers them, and network/native/adam.cc's fused Optimizer_Adam update.
//
// Each kernel does exactly the arithmetic of the TypeScript loop it replaces, in the same order,
// so results are identical bit for bit (a NaN stays a NaN; its sign bit, which V8 itself does not
// keep stable, can differ): float32 + - * / computed in float (JS computes them in
// double and rounds once, which gives the same float), dot products summed in double in index
// order, NumPy's pairwise summation tree step for step. The speed comes from the compiler's
// vector instructions and from no per-element checks, not from a different algorithm.
// Two exceptions. exp.cc computes exp its own way and hands back to the caller every element
// whose float32 could differ from Math.exp's (see there), so its results are identical too.
// Float64 Gaussians (random.cc) take the C library's log, as NumPy does, where the TypeScript
// loop can only take V8's Math.log: with the kernels they are NumPy's to the bit, without them
// ~3% are an ulp or so away (their float32 casts, nnfs's randn, agree either way).
// Built with -ffp-contract=off: a fused multiply-add would round differently (exp.cc asks for
// its own fused operations by name, and linalg.cc for products of two float32 values, which are
// exact in double, so fusing them changes nothing). -fno-trapping-math only lets the compiler vectorise
// comparisons, and -fno-math-errno square roots (errno, which nothing reads, is then not set for
// a negative one): no result changes.
#include "kernels.h"

namespace {

// The op names of a list in kernels.h, as a JS array indexed by op number.
template <size_t count>
napi_value names(napi_env env, const char* const (&list)[count]) {
  napi_value array;
  napi_create_array_with_length(env, count, &array);
  for (size_t i = 0; i < count; i++) {
    napi_value name;
    napi_create_string_utf8(env, list[i], NAPI_AUTO_LENGTH, &name);
    napi_set_element(env, array, static_cast<uint32_t>(i), name);
  }
  return array;
}

napi_value Init(napi_env env, napi_value exports) {
  using namespace nnfs;
  napi_value version;
  napi_create_int32(env, VERSION, &version);
  const napi_property_descriptor functions[] = {
    {"version", nullptr, nullptr, nullptr, nullptr, version, napi_enumerable, nullptr},
    {"binaryOps", nullptr, nullptr, nullptr, nullptr, names(env, BINARY_OP_NAMES), napi_enumerable, nullptr},
    {"unaryOps", nullptr, nullptr, nullptr, nullptr, names(env, UNARY_OP_NAMES), napi_enumerable, nullptr},
    {"binary", nullptr, Binary, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"unary", nullptr, Unary, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"expFloat32", nullptr, ExpFloat32, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"matmul", nullptr, Matmul, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"sumRuns", nullptr, SumRuns, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"scanAlong", nullptr, ScanAlong, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"randomDoubles", nullptr, RandomDoubles, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"gaussians", nullptr, Gaussians, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"binomialInversion", nullptr, BinomialInversion, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"transpose2d", nullptr, Transpose2d, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"fillMasked", nullptr, FillMasked, nullptr, nullptr, nullptr, napi_default, nullptr},
    {"adamUpdate", nullptr, AdamUpdate, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, sizeof(functions) / sizeof(functions[0]), functions);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
