// NumPy's elementwise ufuncs (np.add, np.exp, np.less_equal, ...): broadcasting, NumPy 2's
// type promotion (NEP 50: a JS number adapts to the array's dtype), and the dtype each
// ufunc's loop produces. Values are computed in float64 and stored into the result's typed
// array; storing into a Float32Array rounds once, which is exact for + - * / and sqrt and
// is how the book's float32 exp/log/tanh digits come out.
import { NDArray, NestedList, Shape, formatShape } from "./core";
import { DType, Storage, allocate, castValue, isFloat, isFloatStorage, isInteger, promoteTypes, promoteWithScalar } from "./dtype";
import { RunPlan, broadcastShapes, forEachRun, planRuns, sameShape } from "./broadcast";
import { array, checkPythonInt, fitsDType } from "./creation";
import { BinaryLoop, compileBinaryLoop, compileSelectLoop, compileUnaryLoop } from "./kernels";

/** What a ufunc takes: an array, a JS number or boolean (a Python scalar), or nested lists. */
export type Operand = NDArray | NestedList;

/** NumPy's `out=`: the array the result is written into (and returned), e.g. `np.add(a, b, { out: a })` for `a += b`. */
export interface UfuncOptions { out?: NDArray }

export interface BinaryUfunc {
  (x1: number | boolean, x2: number | boolean): number;
  (x1: Operand, x2: Operand, options?: UfuncOptions): NDArray;
}
export interface PredicateUfunc {
  (x1: number | boolean, x2: number | boolean): boolean;
  (x1: Operand, x2: Operand, options?: UfuncOptions): NDArray;
}
export interface UnaryUfunc {
  (x: number | boolean): number;
  (x: Operand, options?: UfuncOptions): NDArray;
}
export interface UnaryPredicate {
  (x: number | boolean): boolean;
  (x: Operand, options?: UfuncOptions): NDArray;
}

/** One ufunc: the loop dtype it computes in, the dtype it returns, and its expression in a, b. */
interface UfuncSpec {
  /** The loop dtype for operands that promote to `common`, or an error NumPy would raise. */
  loop?: (common: DType) => DType;
  result?: (loop: DType) => DType;
  expr: (loop: DType) => string;
  /** For ufuncs whose result is a or b: when it is a, as a bitwise expression (see compileSelectLoop). */
  pick?: string;
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

function makeBinary(name: string, spec: UfuncSpec): BinaryUfunc & PredicateUfunc {
  const ufunc = (x1: Operand, x2: Operand, options?: UfuncOptions): NDArray | number | boolean => {
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
    const shape = singleRunShape(left, right) ?? broadcastShapes(left.shape, right.shape);
    const out = intoOutput(name, shape, resultType, options?.out, (target) => binaryLoop(spec.expr(loop), spec.pick, left, right, target));
    if (a instanceof NDArray || b instanceof NDArray || options?.out) return out;
    const v = out.data[0];
    return resultType === "bool" ? v !== 0 : v;
  };
  return ufunc as BinaryUfunc & PredicateUfunc;
}

/**
 * Runs `fill` on the result array: a new one of `shape`, or NumPy's `out=` array. That one must
 * have the broadcast shape (or one the result broadcasts to) and a dtype the result casts to
 * under NumPy's 'same_kind' rule; of another dtype, it gets the result cast, as NumPy's loop does.
 */
function intoOutput(name: string, shape: Shape, resultType: DType, given: NDArray | undefined, fill: (target: NDArray) => void): NDArray {
  if (!given) {
    const out = NDArray.forResult(shape, resultType);
    fill(out);
    return out;
  }
  if (!broadcastsInto(shape, given.shape)) {
    throw new Error(`non-broadcastable output operand with shape ${formatShape(given.shape)} doesn't match the broadcast shape ${formatShape(shape)}`);
  }
  if (!castsSameKind(resultType, given.dtype)) {
    throw new TypeError(`Cannot cast ufunc '${name}' output from dtype('${resultType}') to dtype('${given.dtype}') with casting rule 'same_kind'`);
  }
  if (given.dtype === resultType) {
    fill(given);
  } else {
    const result = NDArray.forResult(given.shape, resultType);
    fill(result);
    for (let i = 0; i < result.size; i++) given.data[i] = castValue(given.dtype, result.data[i]);
  }
  return given;
}

function broadcastsInto(shape: Shape, target: Shape): boolean {
  if (shape.length > target.length) return false;
  const lead = target.length - shape.length;
  return shape.every((d, k) => d === 1 || d === target[lead + k]);
}

// NumPy's 'same_kind' casting: within a kind, or up the order bool < unsigned < signed < float.
const KIND: Record<DType, number> = { bool: 0, uint8: 1, int32: 2, int64: 2, float32: 3, float64: 3 };
const castsSameKind = (from: DType, to: DType): boolean => KIND[from] <= KIND[to];

/** Computes `expr` (or selects by `pick`) over a and b broadcast to out's shape, into out. */
// No closures here: a variable a closure captures lives in a heap context, and a kernel V8
// inlines here would reload it at every element (np.add(300x64, 1x64) measured ~1.6x slower).
function binaryLoop(expr: string, pick: string | undefined, a: NDArray, b: NDArray, out: NDArray): void {
  const o = out.data, x = a.data, y = b.data;
  const sa = oneRunStride(a, out), sb = oneRunStride(b, out);
  if (sa >= 0 && sb >= 0) {
    loopFor(expr, pick, o, x, sa, y, sb)(o, 0, x, 0, sa, 0, y, 0, sb, 0, out.size, 1);
    return;
  }
  // Collapsed to at most two dimensions (every broadcast of 2-D arrays), the loop does it in one call.
  const plan = planRuns(out.shape, [a.shape, b.shape]);
  const inner = plan.shape.length - 1, n = plan.shape[inner];
  const ax = plan.strides[0], bx = plan.strides[1];
  const kernel = loopFor(expr, pick, o, x, ax[inner], y, bx[inner]);
  if (inner === 0) kernel(o, 0, x, 0, ax[0], 0, y, 0, bx[0], 0, n, 1);
  else if (inner === 1) kernel(o, 0, x, 0, ax[1], ax[0], y, 0, bx[1], bx[0], n, plan.shape[0]);
  else runsOf(kernel, plan, o, x, y);
}

function loopFor(expr: string, pick: string | undefined, o: Storage, x: Storage, sx: number, y: Storage, sy: number): BinaryLoop {
  return pick !== undefined && isFloatStorage(o) &&
    x.constructor === o.constructor && y.constructor === o.constructor
    ? compileSelectLoop(pick, o, x, sx, y, sy)
    : compileBinaryLoop(expr, o, x, sx, y, sy);
}

/** Broadcasts of more than two (collapsed) dimensions: one kernel call per run. */
function runsOf(kernel: BinaryLoop, plan: RunPlan, o: Storage, x: Storage, y: Storage): void {
  const inner = plan.shape.length - 1, n = plan.shape[inner];
  const sx = plan.strides[0][inner], sy = plan.strides[1][inner];
  forEachRun(plan, (oo, offsets) => kernel(o, oo, x, offsets[0], sx, 0, y, offsets[1], sy, 0, n, 1));
}

/** An operand's stride when one run covers the output: 1 for out's own shape, 0 for one element, else -1. */
function oneRunStride(a: NDArray, out: NDArray): number {
  if (sameShape(a.shape, out.shape)) return 1;
  return a.size === 1 && a.ndim <= out.ndim ? 0 : -1;
}

/** The result's shape when one run covers it: equal shapes, or a one-element operand no wider than the other. */
function singleRunShape(a: NDArray, b: NDArray): Shape | undefined {
  if (sameShape(a.shape, b.shape)) return a.shape;
  if (b.size === 1 && b.ndim <= a.ndim) return a.shape;
  if (a.size === 1 && a.ndim <= b.ndim) return b.shape;
  return undefined;
}

function makeUnary(name: string, spec: UfuncSpec): UnaryUfunc & UnaryPredicate {
  const ufunc = (x: Operand, options?: UfuncOptions): NDArray | number | boolean => {
    const a = asOperand(x);
    const input = a instanceof NDArray ? a : array(a.kind === "bool" ? a.value !== 0 : a.value);
    const loop = spec.loop ? spec.loop(input.dtype) : input.dtype;
    const resultType = spec.result ? spec.result(loop) : loop;
    const expr = spec.expr(loop);
    const out = intoOutput(name, input.shape, resultType, options?.out, (target) => {
      // An `out` larger than the input broadcasts it: the binary loop does that (b unused).
      if (target.size === input.size) compileUnaryLoop(expr, target.data, input.data)(target.data, input.data, input.size);
      else binaryLoop(expr, undefined, input, input, target);
    });
    if (a instanceof NDArray || options?.out) return out;
    return resultType === "bool" ? out.data[0] !== 0 : out.data[0];
  };
  return ufunc as UnaryUfunc & UnaryPredicate;
}

const same = (e: string) => () => e;

// maximum/minimum as NumPy: NaN in either operand wins; on a tie (0 and -0) the second wins.
export const add = makeBinary("add", { expr: (t) => (t === "bool" ? "a | b" : "a + b") });
export const subtract = makeBinary("subtract", {
  loop: noBool("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead."),
  expr: same("a - b"),
});
export const multiply = makeBinary("multiply", { expr: (t) => (t === "int32" ? "Math.imul(a, b)" : "a * b") });
/** True division: integer operands give float64. */
export const divide = makeBinary("divide", { loop: floatLoop, expr: same("a / b") });
export const true_divide = divide;
export const power = makeBinary("power", {
  loop: (t) => (t === "bool" ? "int64" : t),
  check: (loop, _a, b) => {
    if (isInteger(loop) && b.data.some((v) => v < 0)) throw new Error("Integers to negative integer powers are not allowed.");
  },
  // C's pow, not JS's **: 1 to any power and -1 to an infinite power are 1.
  expr: same("(a === 1 || (a === -1 && (b === Infinity || b === -Infinity))) ? 1 : a ** b"),
});
export const maximum = makeBinary("maximum", { expr: same("(a > b || a !== a) ? a : b"), pick: "(a > b) | (a !== a)" });
export const minimum = makeBinary("minimum", { expr: same("(a < b || a !== a) ? a : b"), pick: "(a < b) | (a !== a)" });
export const equal = makeBinary("equal", { result: toBool, expr: same("+(a === b)") });
export const not_equal = makeBinary("not_equal", { result: toBool, expr: same("+(a !== b)") });
export const greater = makeBinary("greater", { result: toBool, expr: same("+(a > b)") });
export const greater_equal = makeBinary("greater_equal", { result: toBool, expr: same("+(a >= b)") });
export const less = makeBinary("less", { result: toBool, expr: same("+(a < b)") });
export const less_equal = makeBinary("less_equal", { result: toBool, expr: same("+(a <= b)") });
// Comparisons give 0/1 by arithmetic, not `? 1 : 0`: a branch on random data mispredicts (3x slower).
// NaN counts as true, as any nonzero value does in NumPy.
export const logical_and = makeBinary("logical_and", { result: toBool, expr: same("(a !== 0) & (b !== 0)") });
export const logical_or = makeBinary("logical_or", { result: toBool, expr: same("(a !== 0) | (b !== 0)") });

export const negative = makeUnary("negative", {
  loop: noBool("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead."),
  expr: same("-a"),
});
// NumPy gives float16 for bool/uint8 inputs to these; without float16 they give float64.
export const exp = makeUnary("exp", { loop: floatLoop, expr: same("Math.exp(a)") });
export const log = makeUnary("log", { loop: floatLoop, expr: same("Math.log(a)") });
export const log1p = makeUnary("log1p", { loop: floatLoop, expr: same("Math.log1p(a)") });
export const sqrt = makeUnary("sqrt", { loop: floatLoop, expr: same("Math.sqrt(a)") });
export const sin = makeUnary("sin", { loop: floatLoop, expr: same("Math.sin(a)") });
export const cos = makeUnary("cos", { loop: floatLoop, expr: same("Math.cos(a)") });
export const tanh = makeUnary("tanh", { loop: floatLoop, expr: same("Math.tanh(a)") });
export const abs = makeUnary("absolute", { expr: same("Math.abs(a)") });
export const absolute = abs;
export const sign = makeUnary("sign", {
  loop: noBool("ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None"),
  expr: same("a > 0 ? 1 : a < 0 ? -1 : a === 0 ? 0 : a"),
});
export const square = makeUnary("square", {
  loop: (t) => (t === "bool" ? "int64" : t),
  expr: (t) => (t === "int32" ? "Math.imul(a, a)" : "a * a"),
});
export const isnan = makeUnary("isnan", { result: toBool, expr: same("+(a !== a)") });
export const isfinite = makeUnary("isfinite", { result: toBool, expr: same("+(a - a === 0)") });
