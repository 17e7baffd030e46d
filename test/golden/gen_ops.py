"""Golden values for array creation, elementwise ufuncs, dot and joining (writes ops.json).

Each case names an np function, its arguments and NumPy's result (or NumPy's error text).
Arrays are stored as dtype, shape and the hex of NumPy's bytes (test/helpers/encoded-array.ts
reads them back), so the TypeScript tests compare dtype, shape and every element's bits.
Python scalars keep their kind ({"int": 2}, {"float": "0.1"}), because NumPy 2 promotes an
array with a Python scalar differently from two arrays (NEP 50).

Two kinds of expected value are computed rather than taken from NumPy's own loop, each
because the book's digits follow that computation (see numpy-fidelity.md):
- exp/log/log1p/tanh/sin/cos on float32: the float64 result rounded to float32 (NumPy's SIMD
  float32 loops give other last digits on some machines; the book's numbers do not).
- dot of float32 operands: float64 sums rounded once to float32, i.e. nnfs's
  dot_precision_workaround, not BLAS sgemm's float32 sums.
And one kind of case is compared within 1 ulp instead of bit for bit: float64 results of
exp/log/log1p/sin/cos/tanh/power, where V8's Math functions and glibc's libm (NumPy's)
round differently in the last bit of a few percent of inputs ("ulp": 1 in the case).
"""
import pathlib
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from helpers import write_golden  # noqa: E402

f32, f64 = np.float32, np.float64
rng = np.random.default_rng(7)
cases = {}


def encode(a):
    a = np.asarray(a)
    return {"dtype": str(a.dtype), "shape": list(a.shape), "hex": a.tobytes().hex()}


def arg(v):
    """One argument as the TypeScript test rebuilds it."""
    if isinstance(v, np.ndarray):
        return {"array": encode(v)}
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, int):
        return {"int": v}
    if isinstance(v, float):
        return {"float": repr(v)}
    if isinstance(v, str):
        return {"str": v}
    if v is None:
        return {"none": True}
    if isinstance(v, (list, tuple)):
        return {"list": [arg(x) for x in v]}
    raise TypeError(v)


def result(v):
    if isinstance(v, (list, tuple)):
        return [encode(x) for x in v]
    if isinstance(v, (bool, np.bool_)):
        return {"bool": bool(v)}
    return encode(v)


LIBM = {"exp", "log", "log1p", "sin", "cos", "tanh", "power"}


def case(name, op, *args, compute=None, mode="numpy", **kwargs):
    """Records np.<op>(*args, **kwargs), or `compute()` where the expected value is emulated."""
    entry = {"op": op, "args": [arg(a) for a in args], "kwargs": {k: arg(v) for k, v in kwargs.items()}}
    if mode != "numpy":
        entry["mode"] = mode
    try:
        value = compute() if compute else getattr(np, op)(*args, **kwargs)
        entry["expected"] = result(value)
        if op in LIBM and np.asarray(value).dtype == f64:
            entry["ulp"] = 1
    except Exception as e:  # NumPy's error message is the expected result
        entry["error"] = str(e)
    assert name not in cases, name
    cases[name] = entry


def sample(shape, dtype):
    if dtype == "bool":
        values = rng.random(shape) < 0.5
    elif dtype in ("int64", "int32"):
        values = rng.integers(-9, 10, shape)
    elif dtype == "uint8":
        values = rng.integers(0, 256, shape)
    else:
        values = rng.standard_normal(shape) * 3
    return np.asarray(values).astype(dtype)


# Special float values, paired so every combination of signs, zeros, inf and nan meets.
specials = np.array([0.0, -0.0, 1.0, -1.5, np.inf, -np.inf, np.nan, 3e38, 1e-45, 2.5])
left, right = np.repeat(specials, len(specials)), np.tile(specials, len(specials))

BINARY = ["add", "subtract", "multiply", "divide", "power", "maximum", "minimum", "equal", "not_equal",
          "greater", "greater_equal", "less", "less_equal", "logical_and", "logical_or"]
with np.errstate(all="ignore"):
    for op in BINARY:
        for dt in ["float32", "float64"]:
            case(f"{op} {dt} specials", op, left.astype(dt), right.astype(dt))
            case(f"{op} {dt} (3,4)", op, sample((3, 4), dt), sample((3, 4), dt))
        ints = sample((3, 4), "int64")
        exps = np.abs(sample((3, 4), "int64")) % 5 if op == "power" else sample((3, 4), "int64")
        case(f"{op} int64 (3,4)", op, ints, exps)
        case(f"{op} int32 with uint8", op, sample(6, "int32"), sample(6, "uint8") % 4)
        if op != "power":  # NumPy gives int8, a dtype we do not have
            case(f"{op} bool", op, sample(8, "bool"), sample(8, "bool"))
        case(f"{op} float32 with python float", op, sample(5, "float32"), 0.1)
        case(f"{op} python int with int64", op, 3, np.arange(-2, 3) if op != "power" else np.arange(5))
        case(f"{op} python scalars", op, 7, 2.5)

    UNARY = ["negative", "exp", "log", "log1p", "sqrt", "sin", "cos", "tanh", "abs", "sign", "square", "isnan", "isfinite"]
    EMULATED = {"exp", "log", "log1p", "sin", "cos", "tanh"}
    positive = np.abs(sample(40, "float64")) + 1e-3
    for op in UNARY:
        for dt in ["float32", "float64"]:
            values = np.concatenate([specials, sample(40, "float64"), positive]).astype(dt)
            emulate = (lambda v=values, o=op: getattr(np, o)(v.astype(f64)).astype(f32)) if dt == "float32" and op in EMULATED else None
            case(f"{op} {dt}", op, values, compute=emulate)
        case(f"{op} int64", op, sample(10, "int64"))
        case(f"{op} python float", op, 0.75)
    case("negative uint8 wraps", "negative", np.array([0, 1, 200], np.uint8))
    case("negative bool", "negative", np.array([True]))
    case("sign bool", "sign", np.array([True]))
    # The book's float32 paths: softmax exp of x - max, log of clipped confidences.
    logits = (rng.standard_normal((300, 3)) * 1e-3).astype(f32)
    case("exp float32 softmax inputs", "exp", logits, compute=lambda: np.exp(logits.astype(f64)).astype(f32))
    conf = rng.random(300).astype(f32)
    case("log float32 confidences", "log", conf, compute=lambda: np.log(conf.astype(f64)).astype(f32))

    # Broadcasting, including the layer shapes: (300,64)+(1,64), (300,3)/(300,1).
    shapes = [((3, 1), (1, 4)), ((2, 3), (3,)), ((4, 1, 3), (2, 1)), ((0, 3), (3,)), ((), (2, 3)), ((2, 3), ()),
              ((30, 64), (1, 64)), ((300, 3), (300, 1)), ((2, 1, 3), (1, 4, 1)), ((2, 3, 4), (3, 1)),
              ((5, 1), (5, 1)), ((1,), (3, 2)), ((2, 3), (4,)), ((2, 3), (3, 2)), ((0,), (1,)), ((0,), (2,))]
    for i, (sa, sb) in enumerate(shapes):
        op = ["add", "multiply", "subtract", "divide"][i % 4]
        case(f"broadcast {op} {sa} {sb}", op, sample(sa, "float32"), sample(sb, "float64" if i % 3 == 0 else "float32"))
    case("broadcast maximum relu", "maximum", 0, sample((30, 64), "float32"))
    case("broadcast less_equal (3,1) (4,)", "less_equal", sample((3, 1), "float64"), sample(4, "float64"))

    # Promotion: two arrays, and arrays with Python scalars (NEP 50).
    pairs = [("int64", "float32"), ("uint8", "int64"), ("uint8", "int32"), ("int32", "float32"), ("int32", "int64"),
             ("bool", "int64"), ("bool", "float32"), ("uint8", "float32"), ("float32", "float64"), ("uint8", "uint8"),
             ("bool", "uint8")]
    for da, db in pairs:
        case(f"promote add {da} {db}", "add", sample(4, da), sample(4, db))
        case(f"promote multiply {db} {da}", "multiply", sample(4, db), sample(4, da))
    scalars = [2, 0.5, True, -3, 12345.678]  # an integral float would be a JS int
    for dt in ["float32", "int64", "uint8", "bool", "int32"]:
        for s in scalars:
            case(f"promote add {dt} with {s!r}", "add", sample(4, dt), s)
    case("promote divide int64 int64", "divide", np.array([1, -7, 0, 0]), np.array([2, 2, 0, 5]))
    case("promote divide uint8 by 0", "divide", np.array([1, 0], np.uint8), np.array([0, 0], np.uint8))
    case("uint8 add wraps", "add", np.array([250, 3], np.uint8), np.array([10, 3], np.uint8))
    case("uint8 subtract wraps", "subtract", np.array([1, 3], np.uint8), np.array([2, 3], np.uint8))
    case("int32 multiply wraps", "multiply", np.array([2 ** 30, 123456789], np.int32), np.array([4, 987654321], np.int32))
    case("uint8 comparison with out-of-range int", "less", np.array([1, 255], np.uint8), 300)
    case("uint8 add out-of-range int", "add", np.array([1], np.uint8), 300)
    case("int64 power negative", "power", np.array([2]), np.array([-1]))
    case("bool maximum", "maximum", np.array([True, False]), np.array([False, False]))

# Creation.
case("array ints", "array", [[1, 2, 3], [4, 5, 6]])
case("array floats", "array", [1, 2.5, -3])
case("array bools", "array", [True, False])
case("array bool and int", "array", [True, 2])
case("array bool and float", "array", [[True], [0.5]])
case("array empty", "array", [])
case("array 3-d", "array", [[[1], [2]], [[3], [4]]])
case("array scalar", "array", 2.5)
case("array dtype float32", "array", [0.1, 0.2], "float32")
case("array dtype keyword", "array", [1, 2], dtype="float32")
case("array dtype uint8", "array", [1, 300, -1], dtype="uint8")
case("array ragged 1", "array", [[1, 2], [3]])
case("array ragged scalar and list", "array", [1, [2, 3]])
case("array ragged 2", "array", [[1, [2]], [3, 4]])
case("array ragged 3", "array", [[[1, 2], [3, 4]], [[1, 2], [3]]])
case("zeros", "zeros", (2, 3))
case("zeros int", "zeros", 3, dtype="uint8")
case("ones", "ones", (2, 2))
case("ones int32", "ones", 3, "int32")
case("full int", "full", (2, 2), 7)
case("full float", "full", 3, 0.5)
case("eye", "eye", 3)
case("eye rectangular k", "eye", 3, 4, 1)
case("eye k negative", "eye", 4, k=-1)
case("eye dtype", "eye", 2, dtype="int64")
case("arange int", "arange", 10)
case("arange start stop step", "arange", 10, 0, -3)
case("arange float step", "arange", 0, 1, 0.1)
case("arange float start", "arange", 0.5, 5)
case("arange float 0.3", "arange", 1, 2, 0.3)
case("arange empty", "arange", 5, 1)
case("arange float32", "arange", 0, 1, 0.1, dtype="float32")
case("arange samples / samples", "divide", np.arange(1000).reshape(-1, 1), 1000)
for num in [0, 1, 2, 5, 7, 100]:
    case(f"linspace 0 1 {num}", "linspace", 0, 1, num)
case("linspace spiral t class 2", "linspace", 8, 12, 100)
case("linspace negative", "linspace", -1.5, 2.25, 13)
case("linspace no endpoint", "linspace", 0, 1, 5, endpoint=False)
case("linspace zero step", "linspace", 2, 2, 3)
case("linspace tiny step", "linspace", 0, 1e-320, 4)
case("linspace int dtype", "linspace", -2, 2, 6, dtype="int64")
case("linspace float32", "linspace", 0, 1, 7, dtype="float32")
case("diagflat", "diagflat", np.array([0.7, 0.1, 0.2]))
case("diagflat float32 column", "diagflat", np.array([[0.7], [0.2]], f32))
case("diagflat k", "diagflat", np.array([1, 2]), 1)
case("diagflat k negative", "diagflat", np.array([1, 2]), -2)
for op in ["zeros_like", "ones_like"]:
    for dt in ["float32", "uint8", "bool"]:
        case(f"{op} {dt}", op, sample((2, 3), dt))
case("ones_like dtype", "ones_like", sample(2, "float32"), dtype="int64")

# dot: every shape combination, each dot mode.
def nnfs_dot(a, b):
    return np.dot(np.asarray(a).astype(f64), np.asarray(b).astype(f64)).astype(f32)


# The layer shapes (fewer rows than the book's 300, the same summed lengths 2, 64 and 300).
for sa, sb in [((30, 2), (2, 64)), ((30, 64), (64, 3)), ((16, 300), (300, 3)), ((8, 64), (64, 64)), ((4, 300), (300, 16))]:
    a, b = sample(sa, "float32"), sample(sb, "float32")
    case(f"dot nnfs workaround {sa} {sb}", "dot", a, b, mode="float64", compute=lambda a=a, b=b: nnfs_dot(a, b))
dot_shapes = [((3,), (3,)), ((2, 3), (3, 4)), ((2, 3), (3,)), ((3,), (3, 2)), ((4, 20), (20, 9)), ((2, 3, 4), (4,)),
              ((2, 3, 4), (4, 5)), ((5, 9), (9, 12)), ((0, 3), (3, 2)), ((2, 0), (0, 3))]
for sa, sb in dot_shapes:
    a, b = sample(sa, "float32"), sample(sb, "float32")
    case(f"dot float32 {sa} {sb}", "dot", a, b, compute=lambda a=a, b=b: nnfs_dot(a, b))
    case(f"dot nnfs workaround {sa} {sb}", "dot", a, b, mode="float64", compute=lambda a=a, b=b: nnfs_dot(a, b))
    c, d = sample(sa, "int64"), sample(sb, "int64")
    case(f"dot int64 {sa} {sb}", "dot", c, d)
    case(f"dot nnfs workaround int64 {sa} {sb}", "dot", c, d, mode="float64", compute=lambda c=c, d=d: nnfs_dot(c, d))
    case(f"dot float32 mode float64 {sa} {sb}", "dot", c * 0.25, d * 0.5, mode="float32",
         compute=lambda c=c, d=d: np.dot(c * 0.25, d * 0.5).astype(f32))
case("dot float64 exact", "dot", np.array([[0.5, 0.25], [2, -1]]), np.array([[4.0, 8], [1, 0.125]]))
case("dot scalar array", "dot", 2, sample(3, "float32"))
case("dot python float scalar", "dot", sample((2, 2), "float32"), 0.5)
case("dot bool", "dot", np.array([[True, False], [False, False]]), np.array([[True], [False]]))
case("dot int64 with float32", "dot", np.array([1, 2]), np.array([[0.5, 0.25], [3, 1e-3]], f32))
case("dot shapes not aligned", "dot", np.zeros((3, 4)), np.zeros((3, 4)))
case("dot 1-d not aligned", "dot", np.zeros(3), np.zeros(4))
case("dot 3-d not aligned", "dot", np.zeros((2, 3, 4)), np.zeros(5))
case("dot 2-d 1-d not aligned", "dot", np.zeros((2, 3)), np.zeros(2))

# Joining.
a23, b23, v3 = sample((2, 3), "float32"), sample((2, 3), "float32"), sample(3, "int64")
case("vstack 2-d and 1-d", "vstack", [a23, v3])
case("vstack 1-d", "vstack", [v3, v3])
case("hstack 1-d", "hstack", [v3, sample(2, "uint8")])
case("hstack 2-d", "hstack", [a23, sample((2, 1), "float64")])
case("column_stack 1-d", "column_stack", [sample(4, "float32"), sample(4, "float32")])
case("column_stack mixed", "column_stack", [sample(2, "int64"), sample((2, 2), "float32")])
case("concatenate axis 0", "concatenate", [a23, b23])
case("concatenate axis 1", "concatenate", [a23, b23], 1)
case("concatenate axis -1 3-d", "concatenate", [sample((2, 2, 3), "int64"), sample((2, 2, 1), "int64")], axis=-1)
case("concatenate axis 1 3-d", "concatenate", [sample((2, 2, 3), "bool"), sample((2, 1, 3), "bool")], 1)
case("concatenate dimension mismatch", "concatenate", [a23, sample((2, 4), "float32")])
case("concatenate ndim mismatch", "concatenate", [a23, v3])
case("concatenate axis out of bounds", "concatenate", [a23, b23], 2)
case("concatenate 0-d", "concatenate", [np.array(1), np.array(2)])

# where, clip.
cond = sample((2, 3), "bool")
case("where arrays", "where", cond, a23, b23)
case("where broadcast", "where", sample((3, 1), "bool"), sample(4, "int64"), sample((3, 4), "float32"))
case("where python scalars", "where", cond, 1, 0)
case("where float32 and python float", "where", cond, a23, 0.5)
case("where python bools", "where", cond, True, False)
case("where int and uint8", "where", cond, sample(3, "uint8"), 1)
case("where nonzero 1-d", "where", np.array([0, 3, 0, -1]))
case("where nonzero 2-d", "where", sample((3, 4), "bool"))
case("where broadcast error", "where", cond, sample(4, "float32"), 0)
case("clip float32 book bounds", "clip", np.array([0, 1e-9, 0.5, 1, np.nan], f32), 1e-7, 1 - 1e-7)
case("clip float64", "clip", sample(10, "float64"), -1, 1)
case("clip int with float bounds", "clip", sample(6, "int64"), -2.5, 3)
case("clip int with int bounds", "clip", sample(6, "int64"), -2, 3)
case("clip min only", "clip", sample(6, "float32"), 0, None)
case("clip max only", "clip", sample(6, "float32"), None, 0)
case("clip array bounds", "clip", sample((2, 3), "float32"), sample(3, "float32"), 5)

# Whole-array comparisons.
x = sample(5, "float32")
case("allclose equal", "allclose", x, x.copy())
case("allclose within rtol", "allclose", np.array([1e10, 1e-7]), np.array([1.00001e10, 1e-8]))
case("allclose outside", "allclose", np.array([1e-8, 1e-7]), np.array([2e-8, 2e-7]))
case("allclose nan", "allclose", np.array([np.nan, 1]), np.array([np.nan, 1]))
case("allclose nan equal_nan", "allclose", np.array([np.nan, 1]), np.array([np.nan, 1]), equal_nan=True)
case("allclose inf", "allclose", np.array([np.inf, 1]), np.array([np.inf, 1]))
case("allclose broadcast", "allclose", np.array([[1.0, 1.0]]), 1)
case("allclose atol", "allclose", np.array([0.0]), np.array([0.05]), atol=0.1)
case("allclose float32", "allclose", np.array([1], f32), np.array([1.00001], f32))
case("array_equal equal", "array_equal", a23, a23.copy())
case("array_equal shapes differ", "array_equal", v3, v3.reshape(1, 3))
case("array_equal values differ", "array_equal", np.array([1, 2]), np.array([1, 3]))
case("array_equal nan", "array_equal", np.array([np.nan]), np.array([np.nan]))
case("array_equal nan equal_nan", "array_equal", np.array([np.nan]), np.array([np.nan]), equal_nan=True)
case("array_equal int float", "array_equal", np.array([1, 2]), np.array([1.0, 2.0]))

write_golden("ops", cases)
