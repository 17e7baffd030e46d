"""Regenerates every golden file: runs each gen_*.py beside this script.

Each gen_<area>.py writes <area>.json next to itself with values NumPy produced.
Floats are stored by their bits (hex of float64, or of float32 for float32 arrays)
so the TypeScript tests can compare bit for bit. Run with numpy 2.x: `npm run golden`.
"""
import pathlib
import runpy
import sys

here = pathlib.Path(__file__).parent
scripts = sorted(here.glob("gen_*.py"))
for script in scripts:
    print(f"golden: {script.name}", file=sys.stderr)
    runpy.run_path(str(script), run_name="__main__")
