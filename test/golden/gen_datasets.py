"""Golden values of nnfs 0.5.1's datasets -> datasets.json.

The nnfs package is not installed here and is not imported: its three datasets are
re-implemented below with NumPy, line for line as nnfs writes them, and nnfs.init()'s
patches are emulated by passing dtypes: after init, zeros((n, 2)) is float32 and randn
is cast to float32; without init both are float64. sine_data is float64 either way.
"""
import pathlib
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from helpers import encode, write_golden  # noqa: E402

NNFS = "float32"  # default_dtype of nnfs.init()
PLAIN = "float64"  # NumPy without nnfs.init()


def randn(n, dtype):
    return np.random.randn(n).astype(dtype)


def spiral_data(samples, classes, dtype):
    X = np.zeros((samples * classes, 2), dtype=dtype)
    y = np.zeros(samples * classes, dtype="uint8")
    for class_number in range(classes):
        ix = range(samples * class_number, samples * (class_number + 1))
        r = np.linspace(0.0, 1, samples)
        t = np.linspace(class_number * 4, (class_number + 1) * 4, samples) + randn(samples, dtype) * 0.2
        X[ix] = np.c_[r * np.sin(t * 2.5), r * np.cos(t * 2.5)]
        y[ix] = class_number
    return X, y


def vertical_data(samples, classes, dtype):
    X = np.zeros((samples * classes, 2), dtype=dtype)
    y = np.zeros(samples * classes, dtype="uint8")
    for class_number in range(classes):
        ix = range(samples * class_number, samples * (class_number + 1))
        X[ix] = np.c_[randn(samples, dtype) * 0.1 + class_number / 3, randn(samples, dtype) * 0.1 + 0.5]
        y[ix] = class_number
    return X, y


def sine_data(samples=1000):
    X = np.arange(samples).reshape(-1, 1) / samples
    y = np.sin(2 * np.pi * X).reshape(-1, 1)
    return X, y


# Each run starts from np.random.seed(0) (nnfs.init()'s seed) and calls in order.
RUNS = {
    "nnfs": [
        ("spiral_data(100,3)", lambda: spiral_data(100, 3, NNFS)),
        ("vertical_data(100,3)", lambda: vertical_data(100, 3, NNFS)),
    ],
    "nnfs spiral 1000": [("spiral_data(1000,3)", lambda: spiral_data(1000, 3, NNFS))],
    "nnfs spiral binary": [("spiral_data(100,2)", lambda: spiral_data(100, 2, NNFS))],
    "nnfs vertical": [("vertical_data(100,3)", lambda: vertical_data(100, 3, NNFS))],
    "nnfs small": [
        ("spiral_data(1,2)", lambda: spiral_data(1, 2, NNFS)),
        ("vertical_data(3,4)", lambda: vertical_data(3, 4, NNFS)),
    ],
    "plain numpy": [
        ("spiral_data(100,3)", lambda: spiral_data(100, 3, PLAIN)),
        ("vertical_data(100,3)", lambda: vertical_data(100, 3, PLAIN)),
    ],
    "sine": [("sine_data()", lambda: sine_data()), ("sine_data(7)", lambda: sine_data(7))],
}


def main():
    cases = {}
    for run, steps in RUNS.items():
        np.random.seed(0)
        for label, call in steps:
            X, y = call()
            cases[f"{run} | {label} X"] = encode(X)
            cases[f"{run} | {label} y"] = encode(y)
    # The book's Chapter 3 check: after nnfs.init(), spiral_data(100, 3)'s first five rows.
    np.random.seed(0)
    cases["book ch3 | spiral_data(100,3) X[:5]"] = encode(spiral_data(100, 3, NNFS)[0][:5])
    write_golden("datasets", cases)


if __name__ == "__main__":
    main()
