// One Fashion-MNIST training epoch (chapter 19's model), timed here and in NumPy (fashion_numpy.py):
// 784-128-128-10 with ReLU, softmax + cross-entropy (combined backward), Adam({ decay: 1e-3 }),
// batch_size 128 over the 60000 training images in the files' order (469 steps), after nnfs.init().
// An epoch takes tens of seconds, so each side runs exactly one, and the rows below it split that
// epoch's CPU time by phase. `npx tsx bench/fashion.ts` prints the table alone.
import { execFileSync } from "child_process";
import * as path from "path";
import { library } from "./library";
import { cpuSeconds } from "./timing";
import { printTable } from "./table";

export const BATCH_SIZE = 128;
const TITLE = "Fashion-MNIST, one training epoch (CPU time: the epoch, then its phases summed over its steps)\n" +
  "(both sides: the book's classes after nnfs.init(), float32 arrays, dots summed in float64; NumPy on one BLAS thread,\n" +
  "nnfs-ts on its threads (large dots are split between cores), the CPU time of all of them counted)";
const PLAIN_TITLE = "Fashion-MNIST, one training epoch as a learner runs it (wall time)\n" +
  "(nnfs-ts: Model.train, dots summed in float64, the first layer's dinputs (the data's gradient, which no step reads)\n" +
  "computed on the last step only; NumPy: plain float32, sgemm dots, its default BLAS threads, every step's dinputs)";
const MEMORY_TITLE = "Fashion-MNIST, chapter 19's training cell from a fresh process (resident memory, MB)\n" +
  "(load both sets, shuffle with the book's keys, one epoch with validation; nnfs-ts: Model.train under Node.js\n" +
  "(with tsx's require hook); NumPy: the book's classes under python3; neither kernel's own memory is counted)";
const MEMORY_ROWS = ["process at rest, after its imports", "peak during the cell", "added by the cell"];
const formatMegabytes = (mb: number) => `${mb.toFixed(0)} MB`;

/** Seconds (CPU) of one epoch and of each phase within it. */
export function timeFashionEpoch(folder: string): Map<string, number> {
  const {
    np, nnfs, fashion_mnist, Layer_Dense, Activation_ReLU,
    Activation_Softmax_Loss_CategoricalCrossentropy, Optimizer_Adam,
  } = library;
  nnfs.init();
  const [X, y] = fashion_mnist("train", { path: folder });
  const dense1 = new Layer_Dense(784, 128);
  const activation1 = new Activation_ReLU();
  const dense2 = new Layer_Dense(128, 128);
  const activation2 = new Activation_ReLU();
  const dense3 = new Layer_Dense(128, 10);
  const loss_activation = new Activation_Softmax_Loss_CategoricalCrossentropy();
  const optimizer = new Optimizer_Adam({ decay: 1e-3 });

  const phases = new Map<string, number>([["  forward + loss", 0], ["  accuracy", 0], ["  backward", 0], ["  optimizer", 0]]);
  const timed = (name: string, run: () => void) => {
    const start = cpuSeconds();
    run();
    phases.set(name, phases.get(name)! + cpuSeconds() - start);
  };
  const steps = Math.ceil(X.shape[0] / BATCH_SIZE);
  const start = cpuSeconds();
  for (let step = 0; step < steps; step++) {
    const rows = `${step * BATCH_SIZE}:${(step + 1) * BATCH_SIZE}`;
    const batch_X = X.get(rows);
    const batch_y = y.get(rows);
    timed("  forward + loss", () => {
      dense1.forward(batch_X);
      activation1.forward(dense1.output);
      dense2.forward(activation1.output);
      activation2.forward(dense2.output);
      dense3.forward(activation2.output);
      loss_activation.forward(dense3.output, batch_y);
    });
    timed("  accuracy", () => np.mean(np.equal(np.argmax(loss_activation.output, { axis: 1 }), batch_y)));
    timed("  backward", () => {
      loss_activation.backward(loss_activation.output, batch_y);
      dense3.backward(loss_activation.dinputs);
      activation2.backward(dense3.dinputs);
      dense2.backward(activation2.dinputs);
      activation1.backward(dense2.dinputs);
      dense1.backward(activation1.dinputs);
    });
    timed("  optimizer", () => {
      optimizer.pre_update_params();
      for (const layer of [dense1, dense2, dense3]) optimizer.update_params(layer);
      optimizer.post_update_params();
    });
  }
  return new Map([[`one epoch (${steps} steps)`, cpuSeconds() - start], ...phases]);
}

/** Chapter 19's model, as the learner builds it for `Model.train`, finalized. */
export function chapter19Model(): InstanceType<typeof library.Model> {
  const {
    Model, Layer_Dense, Activation_ReLU, Activation_Softmax,
    Loss_CategoricalCrossentropy, Optimizer_Adam, Accuracy_Categorical,
  } = library;
  const model = new Model();
  model.add(new Layer_Dense(784, 128));
  model.add(new Activation_ReLU());
  model.add(new Layer_Dense(128, 128));
  model.add(new Activation_ReLU());
  model.add(new Layer_Dense(128, 10));
  model.add(new Activation_Softmax());
  model.set({ loss: new Loss_CategoricalCrossentropy(), optimizer: new Optimizer_Adam({ decay: 1e-3 }), accuracy: new Accuracy_Categorical() });
  model.finalize();
  return model;
}

/** Runs `train` with the book's printed lines kept out of the bench's output. */
export function quietly<T>(train: () => T): T {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return train();
  } finally {
    process.stdout.write = write;
  }
}

/**
 * Wall seconds of one epoch through the public API, `Model.train`, as chapter 19's learner runs it
 * (printing kept out of the timing's output), and the test accuracy it reaches.
 */
export function timeModelTrainEpoch(folder: string): { seconds: Map<string, number>; accuracy: number } {
  const { np, nnfs, fashion_mnist } = library;
  nnfs.init();
  const [X, y] = fashion_mnist("train", { path: folder });
  const [X_test, y_test] = fashion_mnist("test", { path: folder });
  const model = chapter19Model();
  const start = performance.now();
  quietly(() => model.train(X, y, { epochs: 1, batch_size: BATCH_SIZE, print_every: 100, progress: false }));
  const seconds = (performance.now() - start) / 1000;
  const predictions = np.argmax(model.predict(X_test, { batch_size: BATCH_SIZE }), { axis: 1 });
  const steps = Math.ceil(X.shape[0] / BATCH_SIZE);
  return { seconds: new Map([[`one epoch (${steps} steps)`, seconds]]), accuracy: np.mean(np.equal(predictions, y_test)) };
}

export function numpyFashionEpoch(folder: string, ...flags: string[]): Map<string, number> {
  const out = execFileSync("python3", [path.join(__dirname, "fashion_numpy.py"), folder, ...flags], { encoding: "utf8" });
  return new Map(Object.entries(JSON.parse(out) as Record<string, number>));
}

/**
 * Resident memory (MB) of chapter 19's training cell run from a fresh process on each side
 * (fashion_memory.ts, fashion_numpy.py --memory): the process at rest after its imports, its
 * peak, and what the cell added to it.
 */
export function trainingCellMemory(folder: string): [Map<string, number>, Map<string, number>] {
  const run = (command: string, args: string[]): Map<string, number> => {
    const { "at rest": atRest, peak } = JSON.parse(execFileSync(command, args, { encoding: "utf8" })) as Record<string, number>;
    return new Map([[MEMORY_ROWS[0], atRest], [MEMORY_ROWS[1], peak], [MEMORY_ROWS[2], peak - atRest]]);
  };
  return [
    run(process.execPath, [...process.execArgv, path.join(__dirname, "fashion_memory.ts"), folder]),
    run("python3", [path.join(__dirname, "fashion_numpy.py"), folder, "--memory"]),
  ];
}

/** The table, or a line saying why there is none: the dataset is optional on a bench machine. */
export function printFashionTable(): void {
  let folder: string;
  try {
    folder = library.fashion_mnist_path();
  } catch (error) {
    console.log(`\n${TITLE}\nskipped: ${(error as Error).message}`);
    return;
  }
  printTable(TITLE, timeFashionEpoch(folder), numpyFashionEpoch(folder));
  const { seconds, accuracy } = timeModelTrainEpoch(folder);
  printTable(PLAIN_TITLE, seconds, numpyFashionEpoch(folder, "--plain"));
  console.log(`test accuracy after the epoch (nnfs-ts): ${accuracy.toFixed(3)}`);
  printTable(MEMORY_TITLE, ...trainingCellMemory(folder), formatMegabytes);
}

if (require.main === module) printFashionTable();
