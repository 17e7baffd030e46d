// NumPy's elementwise ufuncs (np.add, np.exp, np.less_equal, ...): broadcasting, NumPy 2's
// type promotion (NEP 50: a JS number adapts to the array's dtype), and the dtype each
// ufunc's loop produces. Values are computed in float64 and stored into the result's typed
// array; storing into a Float32Array rounds once, which is exact for + - * / and sqrt and
// is how the book's float32 exp/log/tanh digits come out.
import { NDArray, NestedList, Shape } from "./core";
import { DType, Storage, allocate, castValue, isFloat, isInteger, promoteTypes, promoteWithScalar } from "./dtype";
import { broadcastShapes, forEachRun, planRuns, sameShape } from "./broadcast";
import { array, checkPythonInt, fitsDType } from "./creation";
import { compileBinaryLoop, compileUnaryLoop } from "./kernels";

/** What a ufunc takes: an array, a JS number or boolean (a Python scalar), or nested lists. */
export type Operand = NDArray | NestedList;

export interface BinaryUfunc {
  (x1: number | boolean, x2: number | boolean): number;
  (x1: Operand, x2: Operand): NDArray;
}
export interface PredicateUfunc {
  (x1: number | boolean, x2: number | boolean): boolean;
  (x1: Operand, x2: Operand): NDArray;
}
export interface UnaryUfunc {
  (x: number | boolean): number;
  (x: Operand): NDArray;
}
export interface UnaryPredicate {
  (x: number | boolean): boolean;
  (x: Operand): NDArray;
}

/** One ufunc: the loop dtype it computes in, the dtype it returns, and its expression in a, b. */
interface UfuncSpec {
  /** The loop dtype for operands that promote to `common`, or an error NumPy would raise. */
  loop?: (common: DType) => DType;
  result?: (loop: DType) => DType;
  expr: (loop: DType) => string;
  /** Refuses operands NumPy refuses (integer to a negative power). */
  check?: (loop: DType, a: NDArray, b: NDArray) => void;
}

const floatLoop = (t: DType): DType => (isFloat(t) ? t : "float64");
const toBool = (): DType => "bool";
const noBool = (message: string) => (t: DType): DType => {
  if (t === "bool") throw new TypeError(message);
  return t;
};

type Scalar = { value: number; kind: "bool" | "number"; };

function asOperand(x: Operand): NDArray | Scalar {
  if (x instanceof NDArray) return x;
  if (typeof x === "number") return { value: x, kind: "number" };
  if (typeof x === "boolean") return { value: x ? 1 : 0, kind: "bool" };
  return array(x);
}

/** A scalar made into a one-element array of the loop dtype. */
function scalarArray(s: Scalar, loop: DType): NDArray {
  return new NDArray(storageOf(loop, castValue(loop, s.value)), [], loop);
}

function storageOf(dtype: DType, value: number): Storage {
  const data = allocate(dtype, 1);
  data[0] = value;
  return data;
}

/** NumPy's result_type for two operands where a JS scalar is "weak" (NEP 50). */
function commonDType(a: NDArray | Scalar, b: NDArray | Scalar): DType {
  const strong = (s: Scalar): DType => (s.kind === "bool" ? "bool" : Number.isInteger(s.value) ? "int64" : "float64");
  if (a instanceof NDArray && b instanceof NDArray) return promoteTypes(a.dtype, b.dtype);
  if (a instanceof NDArray) return weakPromote(a.dtype, b as Scalar);
  if (b instanceof NDArray) return weakPromote(b.dtype, a);
  return promoteTypes(strong(a), strong(b));
}

function weakPromote(dtype: DType, s: Scalar): DType {
  return s.kind === "bool" ? dtype : promoteWithScalar(dtype, s.value);
}

function makeBinary(spec: UfuncSpec): BinaryUfunc & PredicateUfunc {
  const ufunc = (x1: Operand, x2: Operand): NDArray | number | boolean => {
    const a = asOperand(x1), b = asOperand(x2);
    const common = commonDType(a, b);
    const loop = spec.loop ? spec.loop(common) : common;
    const resultType = spec.result ? spec.result(loop) : loop;
    // Comparisons with an out-of-range Python int are exact in float64; other ops refuse it.
    const compareWide = resultType === "bool" && isInteger(loop);
    const asArray = (o: NDArray | Scalar): NDArray => {
      if (o instanceof NDArray) return o;
      if (compareWide && !fitsDType(loop, o.value)) return scalarArray(o, "float64");
      checkPythonInt(loop, o.value);
      return scalarArray(o, loop);
    };
    const left = asArray(a), right = asArray(b);
    spec.check?.(loop, left, right);
    const out = binaryLoop(spec, loop, resultType, left, right);
    if (a instanceof NDArray || b instanceof NDArray) return out;
    const v = out.data[0];
    return resultType === "bool" ? v !== 0 : v;
  };
  return ufunc as BinaryUfunc & PredicateUfunc;
}

function binaryLoop(spec: UfuncSpec, loop: DType, resultType: DType, a: NDArray, b: NDArray): NDArray {
  const expr = spec.expr(loop);
  const single = singleRunShape(a, b);
  if (single) {
    const out = NDArray.empty(single, resultType);
    const sa = a.size === out.size ? 1 : 0, sb = b.size === out.size ? 1 : 0;
    compileBinaryLoop(expr, out.data, a.data, sa, b.data, sb)(out.data, 0, a.data, 0, sa, b.data, 0, sb, out.size);
    return out;
  }
  const shape = broadcastShapes(a.shape, b.shape);
  const out = NDArray.empty(shape, resultType);
  const plan = planRuns(shape, [a.shape, b.shape]);
  const inner = plan.shape.length - 1;
  const sa = plan.strides[0][inner], sb = plan.strides[1][inner], n = plan.shape[inner];
  const kernel = compileBinaryLoop(expr, out.data, a.data, sa, b.data, sb);
  const o = out.data, x = a.data, y = b.data;
  forEachRun(plan, (oo, offsets) => kernel(o, oo, x, offsets[0], sa, y, offsets[1], sb, n));
  return out;
}

/** The result's shape when one run covers it: equal shapes, or a one-element operand no wider than the other. */
function singleRunShape(a: NDArray, b: NDArray): Shape | undefined {
  if (sameShape(a.shape, b.shape)) return a.shape;
  if (b.size === 1 && b.ndim <= a.ndim) return a.shape;
  if (a.size === 1 && a.ndim <= b.ndim) return b.shape;
  return undefined;
}

function makeUnary(spec: UfuncSpec): UnaryUfunc & UnaryPredicate {
  const ufunc = (x: Operand): NDArray | number | boolean => {
    const a = asOperand(x);
    const input = a instanceof NDArray ? a : array(a.kind === "bool" ? a.value !== 0 : a.value);
    const loop = spec.loop ? spec.loop(input.dtype) : input.dtype;
    const resultType = spec.result ? spec.result(loop) : loop;
    const out = NDArray.empty(input.shape, resultType);
    compileUnaryLoop(spec.expr(loop), out.data, input.data)(out.data, input.data, input.size);
    if (a instanceof NDArray) return out;
    return resultType === "bool" ? out.data[0] !== 0 : out.data[0];
  };
  return ufunc as UnaryUfunc & UnaryPredicate;
}

const same = (e: string) => () => e;

// maximum/minimum as NumPy: NaN in either operand wins; on a tie (0 and -0) the second wins.
export const add = makeBinary({ expr: (t) => (t === "bool" ? "a | b" : "a + b") });
export const subtract = makeBinary({
  loop: noBool("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead."),
  expr: same("a - b"),
});
export const multiply = makeBinary({ expr: (t) => (t === "int32" ? "Math.imul(a, b)" : "a * b") });
/** True division: integer operands give float64. */
export const divide = makeBinary({ loop: floatLoop, expr: same("a / b") });
export const true_divide = divide;
export const power = makeBinary({
  loop: (t) => (t === "bool" ? "int64" : t),
  check: (loop, _a, b) => {
    if (isInteger(loop) && b.data.some((v) => v < 0)) throw new Error("Integers to negative integer powers are not allowed.");
  },
  // C's pow, not JS's **: 1 to any power and -1 to an infinite power are 1.
  expr: same("(a === 1 || (a === -1 && (b === Infinity || b === -Infinity))) ? 1 : a ** b"),
});
export const maximum = makeBinary({ expr: same("(a > b || a !== a) ? a : b") });
export const minimum = makeBinary({ expr: same("(a < b || a !== a) ? a : b") });
export const equal = makeBinary({ result: toBool, expr: same("a === b ? 1 : 0") });
export const not_equal = makeBinary({ result: toBool, expr: same("a !== b ? 1 : 0") });
export const greater = makeBinary({ result: toBool, expr: same("a > b ? 1 : 0") });
export const greater_equal = makeBinary({ result: toBool, expr: same("a >= b ? 1 : 0") });
export const less = makeBinary({ result: toBool, expr: same("a < b ? 1 : 0") });
export const less_equal = makeBinary({ result: toBool, expr: same("a <= b ? 1 : 0") });
// NaN counts as true, as any nonzero value does in NumPy.
export const logical_and = makeBinary({ result: toBool, expr: same("(a !== 0 && b !== 0) ? 1 : 0") });
export const logical_or = makeBinary({ result: toBool, expr: same("(a !== 0 || b !== 0) ? 1 : 0") });

export const negative = makeUnary({
  loop: noBool("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead."),
  expr: same("-a"),
});
// NumPy gives float16 for bool/uint8 inputs to these; without float16 they give float64.
export const exp = makeUnary({ loop: floatLoop, expr: same("Math.exp(a)") });
export const log = makeUnary({ loop: floatLoop, expr: same("Math.log(a)") });
export const log1p = makeUnary({ loop: floatLoop, expr: same("Math.log1p(a)") });
export const sqrt = makeUnary({ loop: floatLoop, expr: same("Math.sqrt(a)") });
export const sin = makeUnary({ loop: floatLoop, expr: same("Math.sin(a)") });
export const cos = makeUnary({ loop: floatLoop, expr: same("Math.cos(a)") });
export const tanh = makeUnary({ loop: floatLoop, expr: same("Math.tanh(a)") });
export const abs = makeUnary({ expr: same("Math.abs(a)") });
export const absolute = abs;
export const sign = makeUnary({
  loop: noBool("ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None"),
  expr: same("a > 0 ? 1 : a < 0 ? -1 : a === 0 ? 0 : a"),
});
export const square = makeUnary({
  loop: (t) => (t === "bool" ? "int64" : t),
  expr: (t) => (t === "int32" ? "Math.imul(a, a)" : "a * a"),
});
export const isnan = makeUnary({ result: toBool, expr: same("a !== a ? 1 : 0") });
export const isfinite = makeUnary({ result: toBool, expr: same("(a - a === 0) ? 1 : 0") });
