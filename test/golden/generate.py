"""Regenerates every golden file: runs each gen_*.py beside this script.

Each gen_<area>.py writes <area>.json next to itself with values NumPy produced.
Floats are stored by their bits (hex of float64, or of float32 for float32 arrays)
so the TypeScript tests can compare bit for bit. `npm run golden`.

The NumPy is the one requirements.txt pins, in a venv of its own (<repo>/.venv-golden, or
NNFS_GOLDEN_VENV), made on first use: the goldens do not depend on the NumPy a machine has.
"""
import os
import pathlib
import runpy
import subprocess
import sys

here = pathlib.Path(__file__).resolve().parent
requirements = here / "requirements.txt"
venv = pathlib.Path(os.environ.get("NNFS_GOLDEN_VENV") or here.parent.parent / ".venv-golden")
python = venv / "bin" / "python"
stamp = venv / "nnfs-requirements.txt"


def pip_index_args():
    """The local wheel stores as pip's only indexes where pip has no index of its own (else none)."""
    listed = subprocess.run([str(python), "-m", "pip", "config", "list"], capture_output=True, text=True).stdout
    urls = []
    for line in listed.splitlines():
        key, _, value = line.partition("=")
        if key.endswith(".index-url") and not key.endswith("extra-index-url"):
            return []
        if key.endswith("extra-index-url"):
            urls += value.strip("'\"").split()
    if not urls or not all(u.startswith("file:") for u in urls):
        return []
    return ["--index-url", urls[0]] + [a for u in urls[1:] for a in ("--extra-index-url", u)]


if pathlib.Path(sys.prefix).resolve() != venv.resolve():
    if not stamp.exists() or stamp.read_text() != requirements.read_text():
        print(f"golden: installing {requirements.name} into {venv}", file=sys.stderr)
        if not python.exists():
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *pip_index_args(), "-r", str(requirements)], check=True)
        stamp.write_text(requirements.read_text())
    os.execv(str(python), [str(python), __file__, *sys.argv[1:]])

# NumPy picks exp/log/power/tanh loops by CPU at run time, and its AVX-512 loops round some
# last bits differently from its AVX2 ones: goldens made on an AVX-512 machine differed from
# the committed ones in 10 cases. The goldens are NumPy's AVX2 results, on any machine that
# has AVX2 (x86-64-v3), so they do not depend on where they were made. This must be set
# before numpy is imported, hence a re-run of this script with it.
AVX2_ONLY = "X86_V4 AVX512_ICL AVX512_SPR"
if os.environ.get("NPY_DISABLE_CPU_FEATURES") != AVX2_ONLY:
    os.environ["NPY_DISABLE_CPU_FEATURES"] = AVX2_ONLY
    os.execv(sys.executable, [sys.executable, __file__, *sys.argv[1:]])

scripts = sorted(here.glob("gen_*.py"))
for script in scripts:
    print(f"golden: {script.name}", file=sys.stderr)
    runpy.run_path(str(script), run_name="__main__")
