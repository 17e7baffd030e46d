// `npm run bench`: each case timed here and in NumPy (python3) in the same run, on the
// same machine, then three tables: array operations, chapter 10's training, and one
// Fashion-MNIST epoch (skipped, with a note, when the dataset is not installed).
import { execFileSync } from "child_process";
import * as path from "path";
import { timeArrayCases } from "./ops";
import { numpyCh10, timeCh10 } from "./ch10";
import { printFashionTable } from "./fashion";
import { printTable } from "./table";

function numpyTimes(script: string): Map<string, number> {
  const out = execFileSync("python3", [path.join(__dirname, script)], { encoding: "utf8", maxBuffer: 1 << 20 });
  return new Map(Object.entries(JSON.parse(out) as Record<string, number>));
}

printTable("Array operations (median CPU time per call)", timeArrayCases(), numpyTimes("ops_numpy.py"));
printTable("Chapter 10 training (CPU time: the whole run, then median per epoch)", timeCh10(), numpyCh10());
printFashionTable();
