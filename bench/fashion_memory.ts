// Chapter 19's training cell from a fresh process, for the bench's memory table (fashion.ts runs
// this file as a child process; fashion_numpy.py --memory is NumPy's side): load the training and
// test sets, shuffle the training set with the book's `keys`, train one epoch through
// `Model.train` with the test set as validation data. Prints the process's resident memory in MB
// at rest (after the imports) and at its peak, from /proc/self/status as Linux counts it.
import * as fs from "fs";
import { library } from "./library";
import { BATCH_SIZE, chapter19Model, quietly } from "./fashion";

function residentMB(field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync("/proc/self/status", "utf8"));
  if (match === null) throw new Error(`no ${field} in /proc/self/status`);
  return Number(match[1]) / 1024;
}

function trainingCellMemory(folder: string): { "at rest": number; peak: number } {
  const atRest = residentMB("VmRSS");
  const { np, nnfs, fashion_mnist } = library;
  nnfs.init();
  const [X_files, y_files] = fashion_mnist("train", { path: folder });
  const [X_test, y_test] = fashion_mnist("test", { path: folder });
  const keys = np.array(Array.from({ length: X_files.shape[0] }, (_, i) => i));
  np.random.shuffle(keys);
  const [X, y] = [X_files.get(keys), y_files.get(keys)];
  const model = chapter19Model();
  quietly(() => model.train(X, y, { validation_data: [X_test, y_test], epochs: 1, batch_size: BATCH_SIZE, print_every: 100, progress: false }));
  return { "at rest": atRest, peak: residentMB("VmHWM") };
}

if (require.main === module) console.log(JSON.stringify(trainingCellMemory(process.argv[2])));
