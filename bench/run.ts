// `npm run bench`: each case timed here and in NumPy (python3) in the same run, on the
// same machine, then one table: our median time, NumPy's, and the ratio (ours / NumPy).
import { execFileSync } from "child_process";
import * as path from "path";
import { timeArrayCases } from "./ops";

function numpyTimes(script: string): Map<string, number> {
  const out = execFileSync("python3", [path.join(__dirname, script)], { encoding: "utf8", maxBuffer: 1 << 20 });
  return new Map(Object.entries(JSON.parse(out) as Record<string, number>));
}

function formatTime(seconds: number): string {
  if (seconds < 1e-3) return `${(seconds * 1e6).toFixed(1)} µs`;
  if (seconds < 1) return `${(seconds * 1e3).toFixed(2)} ms`;
  return `${seconds.toFixed(2)} s`;
}

function printTable(title: string, ours: Map<string, number>, numpy: Map<string, number>): void {
  const width = Math.max(...[...ours.keys()].map((k) => k.length));
  console.log(`\n${title}\n${"case".padEnd(width)}  ${"nnfs-ts".padStart(10)}  ${"NumPy".padStart(10)}  ratio`);
  for (const [name, t] of ours) {
    const n = numpy.get(name);
    const ratio = n === undefined ? "n/a" : `${(t / n).toFixed(2)}x`;
    console.log(`${name.padEnd(width)}  ${formatTime(t).padStart(10)}  ${n === undefined ? "".padStart(10) : formatTime(n).padStart(10)}  ${ratio}`);
  }
}

printTable("Array operations (median per call; ratio = nnfs-ts / NumPy, below 1 is faster)", timeArrayCases(), numpyTimes("ops_numpy.py"));
