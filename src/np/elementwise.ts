// NumPy's elementwise ufuncs (np.add, np.exp, np.less_equal, ...): broadcasting, NumPy 2's
// type promotion (NEP 50: a JS number adapts to the array's dtype), and the dtype each
// ufunc's loop produces. Values are computed in float64 and stored into the result's typed
// array; storing into a Float32Array rounds once, which is exact for + - * / and sqrt and
// is how the book's float32 exp/log/tanh digits come out.
import { NDArray, NestedList, Shape, formatShape } from "./core";
import { DType, Storage, castValue, isFloat, isInteger, promoteTypes, promoteWithScalar } from "./dtype";
import { RunPlan, broadcastShapes, forEachRun, planRuns, sameShape } from "./broadcast";
import { array, checkPythonInt, fitsDType } from "./creation";
import { checkKeywords } from "./keywords";
import { allocateForKernel } from "./memory";
import { BINARY, BinaryOp, UNARY, UnaryOp, binaryRuns, unaryRun } from "./kernels";

/** What a ufunc takes: an array, a JS number or boolean (a Python scalar), or nested lists. */
export type Operand = NDArray | NestedList;

/** Keywords of a ufunc. */
export interface UfuncOptions {
  /** NumPy's `out=`: the array the result is written into (and returned), e.g. `np.add(a, b, { out: a })` for `a += b`. */
  out?: NDArray;
}

/** A two-operand ufunc: a JS number for two JS scalars, else an array. */
export interface BinaryUfunc {
  /** Two JS scalars (Python scalars) give a JS number. */
  (x1: number | boolean, x2: number | boolean): number;
  /** Arrays, nested lists and scalars, broadcast together, give an array (written into `out` if given). */
  (x1: Operand, x2: Operand, options?: UfuncOptions): NDArray;
}
/** A two-operand comparison: a boolean for two JS scalars, else a bool array. */
export interface PredicateUfunc {
  /** Two JS scalars (Python scalars) give a boolean. */
  (x1: number | boolean, x2: number | boolean): boolean;
  /** Arrays, nested lists and scalars, broadcast together, give a bool array (written into `out` if given). */
  (x1: Operand, x2: Operand, options?: UfuncOptions): NDArray;
}
/** A one-operand ufunc: a JS number for a JS scalar, else an array. */
export interface UnaryUfunc {
  /** A JS scalar (a Python scalar) gives a JS number. */
  (x: number | boolean): number;
  /** An array or nested list gives an array (written into `out` if given). */
  (x: Operand, options?: UfuncOptions): NDArray;
}
/** A one-operand test: a boolean for a JS scalar, else a bool array. */
export interface UnaryPredicate {
  /** A JS scalar (a Python scalar) gives a boolean. */
  (x: number | boolean): boolean;
  /** An array or nested list gives a bool array (written into `out` if given). */
  (x: Operand, options?: UfuncOptions): NDArray;
}

/** One ufunc: the loop dtype it computes in, the dtype it returns, and its op (kernels.ts). */
interface UfuncSpec<O> {
  /** The loop dtype for operands that promote to `common`, or an error NumPy would raise. */
  loop?: (common: DType) => DType;
  result?: (loop: DType) => DType;
  /** The op for a loop dtype, where it is not the one named as the ufunc. */
  op?: (loop: DType) => O;
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
  const data = allocateForKernel(dtype, 1);
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

/**
 * A ufunc's keywords, checked: an array where they go is Python's positional out
 * (`np.add(a, b, out)`), and out= must be an array (a JS list would be written nowhere).
 */
function ufuncOptions(name: string, given: UfuncOptions | NDArray | undefined): UfuncOptions | undefined {
  const options = given instanceof NDArray ? { out: given } : given;
  checkKeywords(name, options, ["out"]);
  const out: unknown = options?.out;
  if (out !== undefined && out !== null && !(out instanceof NDArray)) throw new TypeError("return arrays must be of ArrayType");
  return options;
}

function makeBinary(name: keyof typeof BINARY, spec: UfuncSpec<BinaryOp> = {}): BinaryUfunc & PredicateUfunc {
  const ufunc = (x1: Operand, x2: Operand, given?: UfuncOptions): NDArray | number | boolean => {
    const options = ufuncOptions(name, given);
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
    const op = spec.op ? spec.op(loop) : BINARY[name];
    const out = intoOutput(name, shape, resultType, options?.out, (target) => binaryLoop(op, left, right, target));
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

/** Computes `op` over a and b broadcast to out's shape, into out. */
// No closures here: a variable a closure captures lives in a heap context, and a loop V8
// inlines here would reload it at every element (np.add(300x64, 1x64) measured ~1.6x slower).
function binaryLoop(op: BinaryOp, a: NDArray, b: NDArray, out: NDArray): void {
  const o = out.data, x = a.data, y = b.data;
  const sa = oneRunStride(a, out), sb = oneRunStride(b, out);
  if (sa >= 0 && sb >= 0) {
    binaryRuns(op, o, 0, x, 0, sa, 0, y, 0, sb, 0, out.size, 1);
    return;
  }
  // Collapsed to at most two dimensions (every broadcast of 2-D arrays), the loop does it in one call.
  const plan = planRuns(out.shape, [a.shape, b.shape]);
  const inner = plan.shape.length - 1, n = plan.shape[inner];
  const ax = plan.strides[0], bx = plan.strides[1];
  if (inner === 0) binaryRuns(op, o, 0, x, 0, ax[0], 0, y, 0, bx[0], 0, n, 1);
  else if (inner === 1) binaryRuns(op, o, 0, x, 0, ax[1], ax[0], y, 0, bx[1], bx[0], n, plan.shape[0]);
  else runsOf(op, plan, o, x, y);
}

/** Broadcasts of more than two (collapsed) dimensions: one call per run. */
function runsOf(op: BinaryOp, plan: RunPlan, o: Storage, x: Storage, y: Storage): void {
  const inner = plan.shape.length - 1, n = plan.shape[inner];
  const sx = plan.strides[0][inner], sy = plan.strides[1][inner];
  forEachRun(plan, (oo, offsets) => binaryRuns(op, o, oo, x, offsets[0], sx, 0, y, offsets[1], sy, 0, n, 1));
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

function makeUnary(name: keyof typeof UNARY, spec: UfuncSpec<UnaryOp> = {}): UnaryUfunc & UnaryPredicate {
  const ufunc = (x: Operand, given?: UfuncOptions): NDArray | number | boolean => {
    const options = ufuncOptions(name, given);
    const a = asOperand(x);
    const input = a instanceof NDArray ? a : array(a.kind === "bool" ? a.value !== 0 : a.value);
    const loop = spec.loop ? spec.loop(input.dtype) : input.dtype;
    const resultType = spec.result ? spec.result(loop) : loop;
    const op = spec.op ? spec.op(loop) : UNARY[name];
    const out = intoOutput(name, input.shape, resultType, options?.out, (target) => {
      // An `out` larger than the input broadcasts it: op's results, copied by the binary loop.
      if (target.size === input.size) {
        unaryRun(op, target.data, input.data, input.size);
        return;
      }
      const result = NDArray.forResult(input.shape, resultType);
      unaryRun(op, result.data, input.data, input.size);
      binaryLoop(BINARY.copy, result, result, target);
    });
    if (a instanceof NDArray || options?.out) return out;
    return resultType === "bool" ? out.data[0] !== 0 : out.data[0];
  };
  return ufunc as UnaryUfunc & UnaryPredicate;
}

/** np.add(x1, x2): x1 + x2 elementwise, broadcast (bool operands: logical or). */
export const add: BinaryUfunc = makeBinary("add", { op: (t) => (t === "bool" ? BINARY.logical_or : BINARY.add) });
/** np.subtract(x1, x2): x1 - x2 elementwise, broadcast. */
export const subtract: BinaryUfunc = makeBinary("subtract", {
  loop: noBool("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead."),
});
/** np.multiply(x1, x2): x1 * x2 elementwise, broadcast. */
export const multiply: BinaryUfunc = makeBinary("multiply", { op: (t) => (t === "int32" ? BINARY.multiply_int32 : BINARY.multiply) });
/** np.divide(x1, x2): x1 / x2 elementwise, broadcast; integer operands give float64 (also named np.true_divide). */
export const divide: BinaryUfunc = makeBinary("divide", { loop: floatLoop });
/** np.true_divide: np.divide's other name. */
export const true_divide = divide;
/** np.power(x1, x2): x1 ** x2 elementwise, broadcast, as C's pow. */
export const power: BinaryUfunc = makeBinary("power", {
  loop: (t) => (t === "bool" ? "int64" : t),
  check: (loop, _a, b) => {
    if (isInteger(loop) && b.data.some((v) => v < 0)) throw new Error("Integers to negative integer powers are not allowed.");
  },
});
/** np.maximum(x1, x2): the larger of x1 and x2 elementwise, broadcast; NaN wins. */
export const maximum: BinaryUfunc = makeBinary("maximum");
/** np.minimum(x1, x2): the smaller of x1 and x2 elementwise, broadcast; NaN wins. */
export const minimum: BinaryUfunc = makeBinary("minimum");
/** np.equal(x1, x2): x1 == x2 elementwise, a bool array (a boolean for two scalars). */
export const equal: PredicateUfunc = makeBinary("equal", { result: toBool });
/** np.not_equal(x1, x2): x1 != x2 elementwise, a bool array (a boolean for two scalars). */
export const not_equal: PredicateUfunc = makeBinary("not_equal", { result: toBool });
/** np.greater(x1, x2): x1 > x2 elementwise, a bool array (a boolean for two scalars). */
export const greater: PredicateUfunc = makeBinary("greater", { result: toBool });
/** np.greater_equal(x1, x2): x1 >= x2 elementwise, a bool array (a boolean for two scalars). */
export const greater_equal: PredicateUfunc = makeBinary("greater_equal", { result: toBool });
/** np.less(x1, x2): x1 < x2 elementwise, a bool array (a boolean for two scalars). */
export const less: PredicateUfunc = makeBinary("less", { result: toBool });
/** np.less_equal(x1, x2): x1 <= x2 elementwise, a bool array (a boolean for two scalars). */
export const less_equal: PredicateUfunc = makeBinary("less_equal", { result: toBool });
/** np.logical_and(x1, x2): x1 and x2 elementwise (nonzero is true), a bool array. */
export const logical_and: PredicateUfunc = makeBinary("logical_and", { result: toBool });
/** np.logical_or(x1, x2): x1 or x2 elementwise (nonzero is true), a bool array. */
export const logical_or: PredicateUfunc = makeBinary("logical_or", { result: toBool });

/** np.negative(x): -x elementwise. */
export const negative: UnaryUfunc = makeUnary("negative", {
  loop: noBool("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead."),
});
// NumPy gives float16 for bool/uint8 inputs to these; without float16 they give float64.
/** np.exp(x): e**x elementwise (integers give float64). */
export const exp: UnaryUfunc = makeUnary("exp", { loop: floatLoop });
/** np.log(x): the natural logarithm elementwise (integers give float64). */
export const log: UnaryUfunc = makeUnary("log", { loop: floatLoop });
/** np.log1p(x): log(1 + x) elementwise, exact for small x (integers give float64). */
export const log1p: UnaryUfunc = makeUnary("log1p", { loop: floatLoop });
/** np.sqrt(x): the square root elementwise (integers give float64). */
export const sqrt: UnaryUfunc = makeUnary("sqrt", { loop: floatLoop });
/** np.sin(x): the sine elementwise, x in radians (integers give float64). */
export const sin: UnaryUfunc = makeUnary("sin", { loop: floatLoop });
/** np.cos(x): the cosine elementwise, x in radians (integers give float64). */
export const cos: UnaryUfunc = makeUnary("cos", { loop: floatLoop });
/** np.tanh(x): the hyperbolic tangent elementwise (integers give float64). */
export const tanh: UnaryUfunc = makeUnary("tanh", { loop: floatLoop });
/** np.abs(x): |x| elementwise (also named np.absolute). */
export const abs: UnaryUfunc = makeUnary("absolute");
/** np.absolute: np.abs's other name. */
export const absolute = abs;
/** np.sign(x): -1, 0 or 1 elementwise by the sign of x (NaN stays NaN). */
export const sign: UnaryUfunc = makeUnary("sign", {
  loop: noBool("ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None"),
});
/** np.square(x): x * x elementwise. */
export const square: UnaryUfunc = makeUnary("square", {
  loop: (t) => (t === "bool" ? "int64" : t),
  op: (t) => (t === "int32" ? UNARY.square_int32 : UNARY.square),
});
/** np.isnan(x): whether each element is NaN, a bool array. */
export const isnan: UnaryPredicate = makeUnary("isnan", { result: toBool });
/** np.isfinite(x): whether each element is neither infinite nor NaN, a bool array. */
export const isfinite: UnaryPredicate = makeUnary("isfinite", { result: toBool });
