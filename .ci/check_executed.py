"""Fails (exit 1) if a notebook executed by nbconvert shows an error.

tslab reports type errors and exceptions only as text on stderr, never as an `error`
output, and nbconvert does not treat stderr as failure, so its exit status alone misses them.
Usage: /usr/bin/python3 .ci/check_executed.py EXECUTED.ipynb [SOURCE_NAME]
"""
import json
import sys


def main(path, name):
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    problems = []
    code_cells = [c for c in nb.get("cells", []) if c.get("cell_type") == "code"]
    for number, cell in enumerate(code_cells, start=1):
        source = "".join(cell.get("source", ""))
        first = next((l for l in source.splitlines() if l.strip()), "")
        for out in cell.get("outputs", []):
            kind = out.get("output_type")
            if kind == "error":
                text = "%s: %s" % (out.get("ename"), out.get("evalue"))
            elif kind == "stream" and out.get("name") == "stderr":
                text = "".join(out.get("text", ""))
            else:
                continue
            problems.append("%s: code cell %d (%r) %s:\n%s" % (
                name, number, first, "raised an error" if kind == "error" else "wrote to stderr",
                "\n".join("    " + l for l in text.rstrip().splitlines())))
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else sys.argv[1]))
