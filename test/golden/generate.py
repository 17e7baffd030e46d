"""Regenerates every golden file: runs each gen_*.py beside this script.

Each gen_<area>.py writes <area>.json next to itself with values NumPy produced.
Floats are stored by their bits (hex of float64, or of float32 for float32 arrays)
so the TypeScript tests can compare bit for bit. Run with numpy 2.x: `npm run golden`.
"""
import os
import pathlib
import runpy
import sys

# NumPy picks exp/log/power/tanh loops by CPU at run time, and its AVX-512 loops round some
# last bits differently from its AVX2 ones: goldens made on an AVX-512 machine differed from
# the committed ones in 10 cases. The goldens are NumPy's AVX2 results, on any machine that
# has AVX2 (x86-64-v3), so they do not depend on where they were made. This must be set
# before numpy is imported, hence a re-run of this script with it.
AVX2_ONLY = "X86_V4 AVX512_ICL AVX512_SPR"
if os.environ.get("NPY_DISABLE_CPU_FEATURES") != AVX2_ONLY:
    os.environ["NPY_DISABLE_CPU_FEATURES"] = AVX2_ONLY
    os.execv(sys.executable, [sys.executable, __file__, *sys.argv[1:]])

here = pathlib.Path(__file__).parent
scripts = sorted(here.glob("gen_*.py"))
for script in scripts:
    print(f"golden: {script.name}", file=sys.stderr)
    runpy.run_path(str(script), run_name="__main__")
