"""Shared by the gen_*.py scripts: encode NumPy values for the TypeScript tests and
write a golden file.

encode(value) -> {"dtype", "shape", "data"}: float64 elements as the 16 hex digits of
their bits, float32 as 8, everything else as plain JSON numbers / booleans, so the tests
compare floats bit for bit. A Python float or int becomes a 0-d float64 / int64 value.
"""
import json
import os
import pathlib

import numpy as np


def encode(value):
    a = np.asarray(value)
    flat = a.ravel()
    if a.dtype == np.float64:
        data = [format(b, "016x") for b in flat.view(np.uint64).tolist()]
    elif a.dtype == np.float32:
        data = [format(b, "08x") for b in flat.view(np.uint32).tolist()]
    else:
        data = flat.tolist()
    return {"dtype": str(a.dtype), "shape": list(a.shape), "data": data}


def write_golden(area, cases):
    """Writes {name: case} to <area>.json beside this file, one case a line, or into
    $GOLDEN_OUT_DIR when set (the freshness test regenerates there and compares)."""
    out_dir = pathlib.Path(os.environ.get("GOLDEN_OUT_DIR") or pathlib.Path(__file__).parent)
    out_dir.mkdir(parents=True, exist_ok=True)
    lines = [f"{json.dumps(name)}: {json.dumps(case)}" for name, case in cases.items()]
    (out_dir / f"{area}.json").write_text("{\n" + ",\n".join(lines) + "\n}\n")
