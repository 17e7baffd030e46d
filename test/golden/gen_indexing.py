"""Golden values for x[...] reads and x[...] = v writes (writes indexing.json).

Each case names an array, an index written the way the TypeScript API spells it (numbers,
Python slice strings, integer lists/arrays, boolean masks) and either the read's result, the
array after a write, or NumPy's error message. Arrays are dtype, shape and hex of their bytes.
"""
import pathlib
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from helpers import write_golden  # noqa: E402


def encode(a):
    a = np.asarray(a)
    return {"dtype": str(a.dtype), "shape": list(a.shape), "hex": a.tobytes().hex()}


def to_python(item):
    """One index item as NumPy takes it: {"slice": "1:3"} -> slice(1, 3), and so on."""
    if "slice" in item:
        parts = [int(p) if p.strip() else None for p in item["slice"].split(":")]
        return slice(*parts)
    if "array" in item:
        return item["array"]
    return item["value"]


def spell(item):
    """The same item for the JSON file: strings are slices, arrays are encoded."""
    if isinstance(item, str):
        return {"slice": item}
    if isinstance(item, np.ndarray):
        return {"array": item, "encoded": encode(item)}
    return {"value": item}


rng = np.random.default_rng(7)
x = (np.arange(30) * 1.5 - 7).astype(np.float32)
X = rng.standard_normal((30, 3)).astype(np.float32)
y = rng.integers(0, 3, 30).astype(np.uint8)
A = np.arange(24, dtype=np.int32).reshape(2, 3, 4)
scores = rng.standard_normal((300, 3)).astype(np.float32)
labels = rng.integers(0, 3, 300).astype(np.uint8)
dvalues = rng.standard_normal((300, 64)).astype(np.float32)
named = {"x": x, "X": X, "y": y, "A": A, "scores": scores, "labels": labels, "dvalues": dvalues,
         "flags": np.array([True, False, True, True]), "f64": rng.standard_normal((4, 5))}

cases = []


def case(name, array, index, value=None):
    items = [spell(i) for i in index]
    target = named[array].copy()
    entry = {"name": name, "array": array, "index": [{k: v for k, v in i.items() if k != "array"} for i in items]}
    python_index = tuple(to_python(i) for i in items)
    try:
        if value is None:
            entry["expected"] = encode(target[python_index])
        else:
            entry["value"] = encode(value) if isinstance(value, np.ndarray) else value
            target[python_index] = value
            entry["expected"] = encode(target)
    except Exception as e:  # NumPy's error message is the expected result
        entry["error"] = str(e)
    cases.append(entry)


# Slices with Python's semantics: defaults, negatives, clamping, backward steps, empty.
for s in [":5", "10:20", "::2", "-3:", ":", "::-1", "5:1:-1", "-1:-5:-2", "::-3", "100:", "-100:3",
          "3:3", "8:2", ":-1", "1::7", "25:100:2", "-2::-4", "28:-40:-9"]:
    case(f"x[{s}]", "x", [s])
    case(f"X[{s}]", "X", [s])
for i in [0, -1, 29, 30, -31]:
    case(f"x[{i}]", "x", [i])
case("X[0] (first row)", "X", [0])
case("X[-1, 1]", "X", [-1, 1])
case("X[:, 0]", "X", [":", 0])
case("X[0, :]", "X", [0, ":"])
case("X[1:3, ::-1]", "X", ["1:3", "::-1"])
case("X[::-1, 1]", "X", ["::-1", 1])
case("X[5, 3] out of bounds on axis 1", "X", [5, 3])
case("X[0, 0, 0] too many indices", "X", [0, 0, 0])

# Advanced indexing: rows by keys, (range, y) pairs, broadcast index arrays, placement.
keys = rng.permutation(30)
case("X[keys] (shuffle)", "X", [keys])
case("y[keys]", "y", [keys])
case("X[[3, 0, -1, 3]]", "X", [[3, 0, -1, 3]])
case("X[range(30), y] (pairs)", "X", [np.arange(30), y])
case("scores[range(300), labels] (Chapter 5 confidences)", "scores", [np.arange(300), labels])
case("X[[0, 2], 1]", "X", [[0, 2], 1])
case("X[1, [0, 1, 0]]", "X", [1, [0, 1, 0]])
case("X[[[0], [1]], [0, 1]] broadcast", "X", [np.array([[0], [1]]), [0, 1]])
case("X[[]]", "X", [[]])
case("A[0, :, [0, 1]] (integer and array separated by a slice)", "A", [0, ":", [0, 1]])
case("A[:, [0, 2], [1, 3]] (adjacent arrays)", "A", [":", [0, 2], [1, 3]])
case("A[[0, 1], :, [1, 3]] (separated arrays)", "A", [[0, 1], ":", [1, 3]])
case("A[[[0], [1]], [0, 2]] (broadcast 2x2 then a full axis)", "A", [np.array([[0], [1]]), [0, 2]])
case("A[:, 1, [3, 0]] (integer next to an array)", "A", [":", 1, [3, 0]])
case("A[1, ::-1, 1:]", "A", [1, "::-1", "1:"])
case("A[:, :, 1]", "A", [":", ":", 1])
case("A[-1]", "A", [-1])
case("A[1, 2, 3] (0-d)", "A", [1, 2, 3])
case("A[[1, 0], [2, 0], [3, 1]]", "A", [[1, 0], [2, 0], [3, 1]])
case("A[:, [0, 5]] out of bounds", "A", [":", [0, 5]])
case("A[[0, 1], [0, 1, 2]] cannot broadcast", "A", [[0, 1], [0, 1, 2]])
case("X[float array] is an error", "X", [np.array([0.0, 1.0])])
case("X[int32 index array]", "X", [np.array([2, -2], dtype=np.int32)])
case("f64[1:, [4, 0]]", "f64", ["1:", [4, 0]])

# Boolean masks: rows (1-D), the whole array, axes after a slice.
case("X[y == 0] (rows of one class)", "X", [y == 0])
case("y[y == 2]", "y", [y == 2])
case("X[X > 0] (full-shape mask)", "X", [X > 0])
case("A[mask over the first two axes]", "A", [np.array([[True, False, True], [False, False, True]])])
case("A[:, mask over the last two axes]", "A", [":", A[0] % 3 == 0])
case("A[mask, 1:3]", "A", [np.array([False, True]), "1:3"])
case("flags[flags]", "flags", [named["flags"]])
case("X[mask of the wrong length]", "X", [np.ones(29, dtype=bool)])
case("X[all-false mask]", "X", [np.zeros(30, dtype=bool)])

# Writes: numbers, broadcast arrays, casts to the target dtype, the book's idioms.
case("x[:5] = 7", "x", [":5"], 7)
case("x[::2] = 0.1 (cast to float32)", "x", ["::2"], 0.1)
case("x[::-3] = values", "x", ["::-3"], np.arange(10, dtype=np.float64) / 3)
case("X[:, 0] = column", "X", [":", 0], rng.standard_normal(30).astype(np.float32))
case("X[3] = [1, 2, 3]", "X", [3], np.array([1.0, 2.0, 3.0]))
case("X[10:20] = row broadcast", "X", ["10:20"], np.array([5.0, -5.0, 0.5], dtype=np.float32))
case("X[range(30), y] = values (pairs)", "X", [np.arange(30), y], rng.standard_normal(30))
case("scores[range(300), labels] -= 1 (as read, subtract, write)", "scores", [np.arange(300), labels],
     scores[np.arange(300), labels] - np.float32(1))
case("X[range(30), y] = 0", "X", [np.arange(30), y], 0)
case("dvalues[dvalues <= 0] = 0 (ReLU backward)", "dvalues", [dvalues <= 0], 0)
case("X[y == 1] = 0 (rows by a 1-D mask)", "X", [y == 1], 0)
case("X[X > 0] = -X[X > 0]", "X", [X > 0], -X[X > 0])
case("X[keys[:5]] = [9, 8, 7]", "X", [keys[:5]], np.array([9, 8, 7], dtype=np.float32))
case("A[:, [0, 2], [1, 3]] = 1.9 (cast to int32)", "A", [":", [0, 2], [1, 3]], 1.9)
case("A[0] = -2.7 (cast to int32)", "A", [0], np.full((3, 4), -2.7))
case("A[1, 2, 3] = 100", "A", [1, 2, 3], 100)
case("x[[0, 0]] = [1, 2] (last write wins)", "x", [[0, 0]], np.array([1.0, 2.0]))
case("y[y == 2] = 0 (uint8)", "y", [y == 2], 0)
case("flags[[1]] = True", "flags", [[1]], True)
case("f64[::2, 1:4] = block", "f64", ["::2", "1:4"], np.arange(6.0).reshape(2, 3))
case("X[:5] = wrong shape", "X", [":5"], np.zeros(2))
case("X[[0, 1]] = wrong shape", "X", [[0, 1]], np.zeros(2))
case("X[:, 5] = 0 out of bounds", "X", [":", 5], 0)
case("f64[1:3] = a (3, 5) block", "f64", ["1:3"], np.ones((3, 5)))

arrays = {name: encode(a) for name, a in named.items()}
write_golden("indexing", {"arrays": arrays, "cases": cases})
