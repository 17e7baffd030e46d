"""NumPy's side of `npm run bench`: times the same operations as ops.ts.

Prints one JSON object {case name: median seconds per call}. Inputs are made the same
way on both sides (float32 from a seeded normal stream), so both time the same work.
Times are CPU time (time.process_time), as timing.ts measures ours.
"""
import json
import os
import sys
import time
import timeit

# One BLAS thread: CPU time is what we compare, and idle BLAS threads spin (they made NumPy's
# 128x784 dot cost 10x its wall time in CPU); nnfs-ts runs on one thread too.
os.environ["OPENBLAS_NUM_THREADS"] = "1"
import numpy as np  # noqa: E402


def median_time(fn, min_seconds=0.2, repeats=7):
    start = time.process_time()  # untimed warm-up, as timing.ts does for V8's compiler
    while time.process_time() - start < 2 * min_seconds:
        fn()
    number = 1
    while timeit.timeit(fn, number=number, timer=time.process_time) < min_seconds / repeats:
        number *= 2
    times = timeit.repeat(fn, number=number, repeat=repeats, timer=time.process_time)
    times.sort()
    return times[len(times) // 2] / number


def cases():
    rng = np.random.RandomState(0)
    out = {}
    for rows, cols in [(300, 64), (60000, 128)]:
        a = rng.randn(rows, cols).astype(np.float32)
        b = rng.randn(rows, cols).astype(np.float32)
        row = rng.randn(1, cols).astype(np.float32)
        tag = f"{rows}x{cols}"
        out[f"add {tag}"] = lambda a=a, b=b: a + b
        out[f"multiply by scalar {tag}"] = lambda a=a: 0.01 * a
        out[f"add row (broadcast) {tag}"] = lambda a=a, row=row: a + row
        out[f"maximum(0, x) {tag}"] = lambda a=a: np.maximum(0, a)
        out[f"exp {tag}"] = lambda a=a: np.exp(a)
        out[f"sum {tag}"] = lambda a=a: np.sum(a)
        out[f"sum axis=1 keepdims {tag}"] = lambda a=a: np.sum(a, axis=1, keepdims=True)
        out[f"sum axis=0 {tag}"] = lambda a=a: np.sum(a, axis=0)
        out[f"mean {tag}"] = lambda a=a: np.mean(a)
        out[f"max axis=1 keepdims {tag}"] = lambda a=a: np.max(a, axis=1, keepdims=True)
        out[f"argmax axis=1 {tag}"] = lambda a=a: np.argmax(a, axis=1)
    for (m, k), (k2, n) in [((300, 2), (2, 64)), ((300, 64), (64, 3)), ((64, 300), (300, 3)), ((128, 784), (784, 128))]:
        x = rng.randn(m, k).astype(np.float32)
        w = rng.randn(k2, n).astype(np.float32)
        out[f"dot {m}x{k} @ {k2}x{n} (f64 sums | sgemm)"] = lambda x=x, w=w: np.dot(x, w)
    printed = rng.randn(300, 64).astype(np.float32)
    whole = rng.randn(40, 25).astype(np.float32)
    inputs = rng.randn(300, 64).astype(np.float32)
    dvalues = rng.randn(300, 3).astype(np.float32)
    out["dot x.T 64x300 @ 300x3 (f64 sums | sgemm)"] = lambda: np.dot(inputs.T, dvalues)
    out["str 300x64 (summarized)"] = lambda: str(printed)
    out["str 40x25 (all 1000)"] = lambda: str(whole)
    out["randn(1e6)"] = lambda: np.random.randn(1000000)
    return out


if __name__ == "__main__":
    names = set(sys.argv[1:])
    results = {name: median_time(fn) for name, fn in cases().items() if not names or name in names}
    print(json.dumps(results))
