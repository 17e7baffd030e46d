"""Golden cases for printing: NumPy's array str/repr and Python's scalar repr and format().

Writes printing.json (through helpers.write_golden). Inputs are encoded by
helpers.encode (floats by their bits); expected outputs are the exact strings NumPy 1.x
prints (np.set_printoptions(legacy='1.25')) and Python's repr() and format() give.
Case names start with "array:", "scalar:" or "format:".
"""
import pathlib
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from helpers import encode, write_golden  # noqa: E402

np.set_printoptions(legacy="1.25")
cases = {}


def add(name, a):
    a = np.asarray(a)
    key = f"array: {name}"
    assert key not in cases, key
    cases[key] = {"array": encode(a), "str": str(a), "repr": repr(a)}


# --- The book's printed arrays, rebuilt the way nnfs computes them -------------------
def book_arrays():
    inputs = [[1.0, 2.0, 3.0, 2.5], [2.0, 5.0, -1.0, 2.0], [-1.5, 2.7, 3.3, -0.8]]
    weights = [[0.2, 0.8, -0.5, 1.0], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]]
    biases = [2.0, 3.0, 0.5]
    out = np.dot(inputs, np.array(weights).T) + biases
    expected = "[[ 4.8    1.21   2.385]\n [ 8.9   -1.81   0.2  ]\n [ 1.41   1.051  0.026]]"
    assert str(out) == expected, str(out)
    add("book ch2 layer of batch", out)

    # nnfs.init(): seed 0, randn cast to float32, dot in float64 then cast to float32
    np.random.seed(0)
    randn = lambda *shape: np.random.randn(*shape).astype(np.float32)
    samples, classes = 100, 3
    X = np.zeros((samples * classes, 2), dtype=np.float32)
    for c in range(classes):
        ix = range(samples * c, samples * (c + 1))
        r = np.linspace(0.0, 1, samples)
        t = np.linspace(c * 4, (c + 1) * 4, samples) + randn(samples) * 0.2
        X[ix] = np.c_[r * np.sin(t * 2.5), r * np.cos(t * 2.5)]
    dot = lambda a, b: np.dot(a.astype(np.float64), b.astype(np.float64)).astype(np.float32)
    w1 = (0.01 * randn(2, 3)).astype(np.float32)
    b1 = np.zeros((1, 3), dtype=np.float32)
    out1 = dot(X, w1) + b1
    expected = (
        "[[ 0.0000000e+00  0.0000000e+00  0.0000000e+00]\n"
        " [-1.0475188e-04  1.1395361e-04 -4.7983500e-05]\n"
        " [-2.7414842e-04  3.1729150e-04 -8.6921798e-05]\n"
        " [-4.2188365e-04  5.2666257e-04 -5.5912682e-05]\n"
        " [-5.7707680e-04  7.1401405e-04 -8.9430439e-05]]")
    assert str(out1[:5]) == expected, str(out1[:5])
    add("book ch3 dense1.output[:5]", out1[:5])
    add("book ch3 dense1.output tiled (1200x3, summarised)", np.tile(out1, (4, 1)))
    relu = np.maximum(0, out1)
    w2 = (0.01 * randn(3, 3)).astype(np.float32)
    out2 = dot(relu, w2) + np.zeros((1, 3), dtype=np.float32)
    e = np.exp((out2 - np.max(out2, axis=1, keepdims=True)).astype(np.float64)).astype(np.float32)
    soft = e / np.sum(e, axis=1, keepdims=True)
    expected = (
        "[[0.33333334 0.33333334 0.33333334]\n"
        " [0.33333316 0.3333332  0.33333364]\n"
        " [0.33333287 0.3333329  0.33333418]\n"
        " [0.3333326  0.33333263 0.33333477]\n"
        " [0.33333233 0.3333324  0.33333528]]")
    assert str(soft[:5]) == expected, str(soft[:5])
    add("book ch4 softmax[:5]", soft[:5])
    add("book ch4 softmax[:8] repr", soft[:8])
    add("spiral X[:10] float32", X[:10])
    add("spiral X[:40] float32", X[:40])
    add("weights 0.01*randn(2,3)", w1)


book_arrays()

# --- Floats: magnitudes, scientific triggers, specials --------------------------------
rng = np.random.default_rng(12345)
for dtype in ("float32", "float64"):
    f = lambda v: np.array(v, dtype=dtype)
    add(f"{dtype} simple", f([1.0, 2.0, 3.0]))
    add(f"{dtype} halves", f([0.5, -1.25, 3.0, 100.0]))
    add(f"{dtype} tenths", f([0.1, 0.2, 0.3]))
    add(f"{dtype} thirds", f([1 / 3, 2 / 3, -1 / 3]))
    add(f"{dtype} zeros", f([0.0, 0.0]))
    add(f"{dtype} negative zero", f([-0.0, 0.0, 1.5]))
    add(f"{dtype} negative zero only", f([-0.0]))
    add(f"{dtype} nan inf", f([np.nan, 1.5, -np.inf, np.inf]))
    add(f"{dtype} nan only", f([np.nan, np.nan]))
    add(f"{dtype} -inf only", f([-np.inf]))
    add(f"{dtype} inf with sci", f([np.inf, 1e-7, 2.0]))
    add(f"{dtype} nan with long", f([np.nan, 123.456789]))
    add(f"{dtype} small 1e-4 boundary", f([1e-4, 1.0]))
    add(f"{dtype} below 1e-4", f([9.99e-5, 1.0]))
    add(f"{dtype} ratio 1000", f([1.0, 1000.0]))
    add(f"{dtype} ratio over 1000", f([1.0, 1000.5]))
    add(f"{dtype} 1e8 boundary", f([1e8, 1.0]))
    add(f"{dtype} just below 1e8", f([99999999.0, 99999.0]))
    add(f"{dtype} tiny", f([1e-10, -3e-12, 0.0]))
    add(f"{dtype} huge", f([1e20, -3e30]))
    add(f"{dtype} rounding past 8 digits", f([0.123456789123, 1.0]))
    add(f"{dtype} rounding carries", f([0.999999999, 0.5]))
    add(f"{dtype} 1e-4 to 1e-3", f([0.00012345678, 0.0009876543]))
    add(f"{dtype} ints as floats", f([1.0, 10.0, 100.0, -1000.0]))
    add(f"{dtype} wide row", f(np.linspace(-1, 1, 30)))
    add(f"{dtype} randn 4x5", rng.standard_normal((4, 5)).astype(dtype))
    add(f"{dtype} randn small 3x4", (0.01 * rng.standard_normal((3, 4))).astype(dtype))
    add(f"{dtype} randn mixed 3x3", (rng.standard_normal((3, 3)) * np.array([1e-5, 1, 1e3])).astype(dtype))
    add(f"{dtype} uniform 0-1 10x8", rng.random((10, 8)).astype(dtype))
    add(f"{dtype} 3-D", rng.standard_normal((2, 3, 4)).astype(dtype))
    add(f"{dtype} 4-D", rng.standard_normal((2, 2, 2, 2)).astype(dtype))
    add(f"{dtype} 1-D summarised", rng.standard_normal(1001).astype(dtype))
    add(f"{dtype} 2-D summarised", rng.standard_normal((40, 30)).astype(dtype))
    add(f"{dtype} 3-D summarised", rng.standard_normal((10, 11, 12)).astype(dtype))
    add(f"{dtype} summarised short axis", rng.standard_normal((1001, 2)).astype(dtype))
    add(f"{dtype} 0-d", f(1.5))
    add(f"{dtype} 0-d third", f(1 / 3))
    add(f"{dtype} 0-d tiny", f(1e-5))
    add(f"{dtype} 0-d nan", f(np.nan))
    add(f"{dtype} empty", f([]))
    add(f"{dtype} empty (0,3)", np.zeros((0, 3), dtype=dtype))
    add(f"{dtype} empty (2,0)", np.zeros((2, 0), dtype=dtype))
    add(f"{dtype} column", rng.standard_normal((5, 1)).astype(dtype))
    add(f"{dtype} sci wide row", (rng.standard_normal(12) * 1e-6).astype(dtype))
    add(f"{dtype} sci 3-digit exponent" if dtype == "float64" else f"{dtype} sci extremes",
        f([1e-300, 1.0, 1e300]) if dtype == "float64" else f([1e-38, 1.0, 3e38]))
    add(f"{dtype} powers of two", f([2.0 ** k for k in range(-20, 21, 5)]))
    add(f"{dtype} ties at 8 digits", f([2.0 ** -9, 2.0 ** -10, 3 * 2.0 ** -11, 0.5]))
    add(f"{dtype} long row wraps twice", rng.standard_normal(40).astype(dtype))
    add(f"{dtype} wide 2-D wraps", rng.standard_normal((3, 12)).astype(dtype))
    add(f"{dtype} repr dtype wraps", rng.standard_normal(7).astype(dtype) * 10)

# float32 values near powers of two and random bit patterns exercise shortest digits
pw = np.array([np.nextafter(np.float32(2.0 ** k), np.float32(0)) for k in range(-30, 31, 3)], dtype=np.float32)
add("float32 just below powers of two", pw)
add("float32 powers of two wide range", np.array([2.0 ** k for k in range(-60, 61, 7)], dtype=np.float32))
raw = rng.integers(0x30000000, 0x50000000, 64, dtype=np.uint32).view(np.float32)
add("float32 random bit patterns", raw.reshape(8, 8))
raw64 = (rng.integers(0x3F000000, 0x40800000, 48, dtype=np.uint64) << np.uint64(32)
         | rng.integers(0, 2 ** 32, 48, dtype=np.uint64)).view(np.float64)
add("float64 random bit patterns", raw64.reshape(6, 8))

# --- Integers and booleans ------------------------------------------------------------
for dtype in ("int32", "int64", "uint8"):
    f = lambda v: np.array(v, dtype=dtype)
    add(f"{dtype} small", f([0, 1, 2, 3]))
    add(f"{dtype} 2-D", f([[1, 22, 3], [4, 5, 116]]))
    add(f"{dtype} 0-d", f(7))
    add(f"{dtype} empty", f([]))
    add(f"{dtype} long row", f(np.arange(60) % 256))
    add(f"{dtype} summarised", f(np.arange(3000) % 200))
    add(f"{dtype} labels 300", f(np.repeat(np.arange(3), 100)))
    if dtype != "uint8":
        add(f"{dtype} negative", f([-5, 10, -100, 7]))
        add(f"{dtype} wide", f([-2147483648, 2147483647, 0]))
add("int64 beyond int32", np.array([2 ** 40, -(2 ** 50), 3], dtype=np.int64))
add("bool row", np.array([True, False, True]))
add("bool 2-D", np.array([[True, False], [False, False]]))
add("bool 0-d true", np.array(True))
add("bool 0-d false", np.array(False))
add("bool empty", np.array([], dtype=bool))
add("bool long row", np.arange(30) % 3 == 0)

# --- Python scalars -------------------------------------------------------------------
float64_values = [0.1, 0.5, 1.5, -2.25, 1 / 3, 2 / 3, 5e-05, 1e-07, 0.0001, 0.00012, 1e16, 1e15 + 0.5,
                  123456789.123, 1.5e300, -1.5e-300, 5e-324, 1.7976931348623157e308,
                  float("inf"), float("-inf"), float("nan"), -0.0, 0.34, 0.04999752512250644,
                  0.04975126853296942, 0.019900507413187767, 0.0009950253706593885,
                  2.0 ** 60 + 0.0, 9.999999999999999e15, 1e-4 * 0.9999]
float64_values += [float(v) for v in rng.standard_normal(20) * 10.0 ** rng.integers(-8, 8, 20)]
for v in float64_values:
    cases[f"scalar: float64 {v!r}"] = {"value": encode(v), "repr": repr(v)}
float32_values = [0.1, 1.0986104011535645, 1 / 3, 5e-05, 1e-07, 1e16, 123456789.0, 0.3333333432674408,
                  2.0 ** -30, 2.0 ** 70, 3.4028234663852886e38, 1e-45, 0.7, -0.0]
float32_values += [float(v) for v in rng.standard_normal(20).astype(np.float32)]
float32_values += [float(v) for v in rng.integers(0x30000000, 0x50000000, 20, dtype=np.uint32).view(np.float32)]
float32_values += [float(v) for v in rng.integers(0x00000001, 0x7f800000, 300, dtype=np.uint32).view(np.float32)]
float32_values += [k / 1000 for k in range(1, 200, 7)] + [k * 1e-6 for k in range(1, 100, 3)]
# just above a power of two the float32 spacing doubles: the shortest digits may round up
float32_values += [2.0 ** k for k in range(-149, 128)]
for v in float32_values:
    v = np.float32(v)
    cases[f"scalar: float32 {v}"] = {"value": encode(v), "repr": str(v)}

# --- format() with Python's format-spec mini-language ---------------------------------
format_values = [0.0625, 2.675, 0.125, 0.375, 1.0, 0.7134, 0.68512, -0.0005, -0.0, 1234567.891, 0.5,
                 1.5, 2.5, 1e-7, 123.456, float("inf"), float("nan"), float("-inf"), 1e22, 0.0,
                 0.34, 0.98333, 2.0 ** -20, 1 / 3, 99.995, 9.9995, 0.000123456]
specs = [".3f", ".2f", ".0f", ".1f", ".1%", ".2%", "e", ".5e", ".0e", "g", ".3g", ".10g", "f",
         ">10.3f", "<10.3f", "^11.2f", "+.3f", " .3f", "010.3f", ",.2f", ".2", ".6", "", "*>12.4e", "=+9.2f"]
for v in format_values:
    for spec in specs:
        cases[f"format: {v!r} {spec!r}"] = {"value": encode(v), "spec": spec, "out": format(v, spec)}
int_values = [0, 7, -42, 100, 12345678, 10000]
int_specs = ["d", ">5", "<5", "^7", "05d", ",d", "+d", "", ".2f", "e", "_d"]
for v in int_values:
    for spec in int_specs:
        cases[f"format: int {v} {spec!r}"] = {"value": encode(v), "spec": spec, "out": format(v, spec)}

write_golden("printing", cases)
