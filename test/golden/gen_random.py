"""Golden values of NumPy's legacy np.random stream -> random.json.

Each case is named "seed <s> | <step>": the steps under one seed run in order on one
stream, so they also check what each call leaves behind (the cached Gaussian, draws
consumed by rejection). "nnfs randn" cases cast randn to float32 as nnfs.init() does.
"""
import pathlib
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from helpers import encode, write_golden  # noqa: E402

SEEDS = [0, 1, 42, 12345, 2**32 - 1]

# (label, call) pairs run in order after np.random.seed(s).
STEPS = [
    ("random_sample(10)", lambda r: r.random_sample(10)),
    ("rand(2,3)", lambda r: r.rand(2, 3)),
    ("rand()", lambda r: r.rand()),
    ("randn(7)", lambda r: r.randn(7)),
    ("randn(1)", lambda r: r.randn(1)),
    ("randn(3,5)", lambda r: r.randn(3, 5)),
    ("randn()", lambda r: r.randn()),
    ("randint(0,10,5)", lambda r: r.randint(0, 10, 5)),
    ("randint(10,size=20)", lambda r: r.randint(10, size=20)),
    ("randint(-5,5,(3,4))", lambda r: r.randint(-5, 5, (3, 4))),
    ("randint(0,1000)", lambda r: r.randint(0, 1000)),
    ("randint(0,2**31,5)", lambda r: r.randint(0, 2**31, 5)),
    ("randint(0,2**32,5)", lambda r: r.randint(0, 2**32, 5)),
    ("randint(0,2**32+1,5)", lambda r: r.randint(0, 2**32 + 1, 5)),
    ("randint(-2**40,2**40,5)", lambda r: r.randint(-2**40, 2**40, 5)),
    ("randint(3,4,3)", lambda r: r.randint(3, 4, 3)),
    ("randint(0,3,30)", lambda r: r.randint(0, 3, 30)),
    ("uniform(-1,2,10)", lambda r: r.uniform(-1, 2, 10)),
    ("uniform()", lambda r: r.uniform()),
    ("uniform(5,5.5,(2,3))", lambda r: r.uniform(5, 5.5, (2, 3))),
    ("binomial(1,0.9,100)", lambda r: r.binomial(1, 0.9, 100)),
    ("binomial(1,0.3,100)", lambda r: r.binomial(1, 0.3, 100)),
    ("binomial(10,0.5,50)", lambda r: r.binomial(10, 0.5, 50)),
    ("binomial(100,0.5,50)", lambda r: r.binomial(100, 0.5, 50)),
    ("binomial(5,0.95,20)", lambda r: r.binomial(5, 0.95, 20)),
    ("binomial(100,0.7,30)", lambda r: r.binomial(100, 0.7, 30)),
    ("binomial(1000,0.3,50)", lambda r: r.binomial(1000, 0.3, 50)),
    ("binomial(0,0.5,5)", lambda r: r.binomial(0, 0.5, 5)),
    ("binomial(10,0,5)", lambda r: r.binomial(10, 0, 5)),
    ("binomial(10,1,5)", lambda r: r.binomial(10, 1, 5)),
    ("binomial(3,0.5)", lambda r: r.binomial(3, 0.5)),
    ("binomial(1,0.9,(4,5))", lambda r: r.binomial(1, 0.9, (4, 5))),
    ("shuffle(arange(10))", lambda r: shuffled(r, np.arange(10))),
    ("shuffle(arange(10).reshape(5,2))", lambda r: shuffled(r, np.arange(10).reshape(5, 2))),
    ("shuffle(arange(24.).reshape(4,3,2))", lambda r: shuffled(r, np.arange(24.0).reshape(4, 3, 2))),
    ("permutation(10)", lambda r: r.permutation(10)),
    ("permutation(arange(12).reshape(4,3))", lambda r: r.permutation(np.arange(12).reshape(4, 3))),
    ("random_sample(3)", lambda r: r.random_sample(3)),
]

NNFS_STEPS = [
    ("randn(7)", lambda r: r.randn(7).astype("float32")),
    ("randn(2,3)", lambda r: r.randn(2, 3).astype("float32")),
    ("randn(1)", lambda r: r.randn(1).astype("float32")),
    ("0.01*randn(2,3)", lambda r: 0.01 * r.randn(2, 3).astype("float32")),
]


def shuffled(r, x):
    r.shuffle(x)
    return x


def main():
    cases = {}
    for seed in SEEDS:
        for steps, prefix in [(STEPS, ""), (NNFS_STEPS, "nnfs ")]:
            np.random.seed(seed)
            for label, call in steps:
                cases[f"seed {seed} | {prefix}{label}"] = encode(call(np.random))
    write_golden("random", cases)


if __name__ == "__main__":
    main()
