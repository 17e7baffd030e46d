"""Golden values for sum, mean, std, var, max, min, argmax, argmin (writes reductions.json).

Arrays are stored as dtype, shape and the hex of NumPy's own bytes, so the TypeScript test
compares results bit for bit. Shapes are chosen where NumPy's pairwise summation changes the
last bit: 8, 9, 127, 128, 129, 300, 1000, 1024 and 4097 elements, and 2-D / 3-D arrays
reduced along the contiguous axis (pairwise per row) and along others (sequential adds).
"""
import pathlib
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from helpers import write_golden  # noqa: E402


def encode(a):
    a = np.asarray(a)
    return {"dtype": str(a.dtype), "shape": list(a.shape), "hex": a.tobytes().hex()}


rng = np.random.default_rng(20240)


def floats(shape, dtype="float32"):
    # Mixed signs and magnitudes so that summation order shows in the last bit.
    return (rng.standard_normal(shape) * rng.choice([0.01, 1.0, 300.0], shape)).astype(dtype)


inputs = []  # each distinct input stored once; cases refer to it by position
cases = []


def input_id(a):
    encoded = encode(a)
    if encoded not in inputs:
        inputs.append(encoded)
    return inputs.index(encoded)


def case(name, op, a, **kwargs):
    entry = {"name": name, "op": op, "input": input_id(a), "options": kwargs}
    try:
        entry["expected"] = encode(getattr(np, op)(a, **kwargs))
    except Exception as e:  # NumPy's error message is the expected result
        entry["error"] = str(e)
    cases.append(entry)


# Whole-array sums and means where pairwise summation matters.
for n in [1, 7, 8, 9, 16, 127, 128, 129, 136, 300, 1000, 1024, 4097]:
    a = floats(n)
    case(f"sum float32 ({n},)", "sum", a)
    case(f"mean float32 ({n},)", "mean", a)
for n in [9, 129, 1000, 4097]:
    a = floats(n, "float64")
    case(f"sum float64 ({n},)", "sum", a)
    case(f"mean float64 ({n},)", "mean", a)

# The Chapter 5 loss: the mean of 300 float32 -log(confidence) values near 1/3 prints
# 1.0986104 with pairwise summation and 1.0986103 with a plain float32 loop.
confidences = np.exp(-1.09861035) + np.random.default_rng(36).normal(0, 3e-5, 300)
losses = -np.log(np.clip(confidences.astype(np.float32), 1e-7, 1 - 1e-7))
naive = np.float32(0)
for v in losses:
    naive = np.float32(naive + v)
assert str(np.mean(losses)) == "1.0986104" and str(naive / np.float32(300)) == "1.0986103"
case("chapter 5 loss: mean of 300 float32 -log values", "mean", losses)

# Along axes: the contiguous one (pairwise per run) and the others (row-by-row adds).
batch = floats((300, 64))  # a dense layer's output in the book's spiral runs
shapes = [(300, 3), (3, 300), (300, 64), (129, 2), (2, 129), (300, 1), (1, 300), (2, 3, 4), (20, 5, 13), (3, 8, 50)]
for shape in shapes:
    a = batch if shape == batch.shape else floats(shape)
    for axis in range(-1, len(shape)):
        for op in ["sum", "mean"]:
            case(f"{op} float32 {shape} axis={axis}", op, a, axis=axis)
    case(f"sum float32 {shape} keepdims", "sum", a, axis=len(shape) - 1, keepdims=True)
    case(f"sum float32 {shape} all", "sum", a)
for axes in [(0, 2), (1, 2), (0, 1), (0, 1, 2), (2, 0)]:
    a = floats((6, 7, 40))
    case(f"sum float32 (6,7,40) axis={axes}", "sum", a, axis=axes)
    case(f"mean float32 (6,7,40) axis={axes} keepdims", "mean", a, axis=axes, keepdims=True)
case("sum float64 (300,3) axis=0 keepdims", "sum", floats((300, 3), "float64"), axis=0, keepdims=True)
case("sum float32 (300,64) axis=0 keepdims (dbiases)", "sum", batch, axis=0, keepdims=True)
case("sum float32 (300,3) keepdims, no axis", "sum", floats((300, 3)), keepdims=True)

# Integers and booleans: sums are int64, means float64.
ints32 = rng.integers(-1000, 1000, (30, 7)).astype(np.int32)
ints64 = rng.integers(-10**12, 10**12, (5, 9))
uint8 = rng.integers(0, 3, 300).astype(np.uint8)
bools = rng.random((30, 7)) < 0.4
for name, a in [("int32", ints32), ("int64", ints64), ("uint8", uint8), ("bool", bools)]:
    for op in ["sum", "mean", "max", "min", "argmax", "argmin", "std"]:
        if name == "uint8" and op == "sum":
            continue  # NumPy gives uint64, a dtype we map to int64
        case(f"{op} {name}", op, a)
        if a.ndim == 2:
            case(f"{op} {name} axis=1", op, a, axis=1)
            case(f"{op} {name} axis=0", op, a, axis=0)
case("mean bool (300,) accuracy", "mean", rng.random(300) < 0.33)

# std / var: NumPy's two-pass formula with a keepdims mean, ddof.
for shape, axis in [((300,), None), ((1000,), None), ((300, 3), 0), ((300, 3), 1), ((3, 300), None), ((2, 3, 4), 1)]:
    a = floats(shape)
    case(f"std float32 {shape} axis={axis}", "std", a, axis=axis)
    case(f"var float32 {shape} axis={axis}", "var", a, axis=axis)
    case(f"std float64 {shape} axis={axis} ddof=1", "std", floats(shape, "float64"), axis=axis, ddof=1)
case("std float32 (300,3) axis=1 keepdims", "std", floats((300, 3)), axis=1, keepdims=True)
sine = np.sin(2 * np.pi * np.arange(1000).reshape(-1, 1) / 1000)
case("std of sine_data's y (Chapter 17)", "std", sine)

# max, min, argmax, argmin: dtype kept, NaN propagates, first of ties.
ties = np.array([[1, 3, 3, 0], [2, 2, 1, 2], [0, 0, 0, 0]], dtype=np.float32)
with_nan = np.array([[1, np.nan, 3, np.nan], [2, 5, 1, 2], [np.nan, 0, 9, 0]], dtype=np.float32)
for name, a in [("float32 (300,3)", floats((300, 3))), ("float64 (3,300)", floats((3, 300), "float64")),
                ("ties", ties), ("nan", with_nan), ("float32 (2,3,4)", floats((2, 3, 4)))]:
    for op in ["max", "min", "argmax", "argmin"]:
        case(f"{op} {name}", op, a)
        for axis in range(-1, a.ndim):
            case(f"{op} {name} axis={axis}", op, a, axis=axis)
        case(f"{op} {name} axis=1 keepdims", op, a, axis=1, keepdims=True)
case("max float32 (2,3,4) axis=(0,2)", "max", floats((2, 3, 4)), axis=(0, 2))
case("min float32 (2,3,4) axis=(2,1) keepdims", "min", floats((2, 3, 4)), axis=(2, 1), keepdims=True)
case("argmax float32 (300,3) keepdims, no axis", "argmax", floats((300, 3)), keepdims=True)

# 0-d arrays and empty arrays.
zero_d = np.array(2.5, dtype=np.float32)
for op in ["sum", "mean", "max", "argmax", "std"]:
    case(f"{op} 0-d", op, zero_d)
empty_rows = np.zeros((0, 3), dtype=np.float32)
case("sum (0,3) axis=0", "sum", empty_rows, axis=0)
case("sum (0,3) axis=1", "sum", empty_rows, axis=1)
case("sum (0,3)", "sum", empty_rows)
case("max (0,3) axis=1", "max", empty_rows, axis=1)
case("argmax (0,3) axis=1", "argmax", empty_rows, axis=1)
case("mean (3,0) axis=0", "mean", np.zeros((3, 0), dtype=np.float32), axis=0)

# Errors, in NumPy's words.
case("axis out of bounds", "sum", floats((2, 3)), axis=2)
case("negative axis out of bounds", "mean", floats((2, 3)), axis=-3)
case("max of empty", "max", np.zeros(0, dtype=np.float32))
case("min of empty along axis", "min", empty_rows, axis=0)
case("argmax of empty", "argmax", np.zeros(0, dtype=np.float32))
case("argmin of empty along axis", "argmin", empty_rows, axis=0)
case("duplicate axis", "sum", floats((2, 3)), axis=(1, 1))

write_golden("reductions", {"inputs": inputs, "cases": cases})
