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

const BATCH_SIZE = 128;
const TITLE = "Fashion-MNIST, one training epoch (CPU time: the epoch, then its phases summed over its steps)";

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

export function numpyFashionEpoch(folder: string): Map<string, number> {
  const out = execFileSync("python3", [path.join(__dirname, "fashion_numpy.py"), folder], { encoding: "utf8" });
  return new Map(Object.entries(JSON.parse(out) as Record<string, number>));
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
}

if (require.main === module) printFashionTable();
