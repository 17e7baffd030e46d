// Chapter 10's final model, timed here and in NumPy (ch10_numpy.py) for `npm run bench`:
// spiral_data(100, 3), Dense(2, 64) - ReLU - Dense(64, 3) - softmax + cross-entropy,
// Adam({ learning_rate: 0.05, decay: 5e-7 }), after nnfs.init(). Two measures: the book's
// whole training run (10001 epochs from a fresh model), and the median epoch with its phases.
// `npx tsx bench/ch10.ts` prints the table alone; for a profile:
// `node --cpu-prof -r tsx/cjs bench/ch10.ts`. Both time the compiled package (library.ts).
import { execFileSync } from "child_process";
import * as path from "path";
import { library } from "./library";
import { cpuSeconds, medianTime } from "./timing";
import { printTable } from "./table";

export const EPOCHS = 10001;

/** The model and its four phases; each phase can be timed on its own. */
export function ch10Model() {
  const {
    np, nnfs, spiral_data, Layer_Dense, Activation_ReLU,
    Activation_Softmax_Loss_CategoricalCrossentropy, Optimizer_Adam,
  } = library;
  nnfs.init();
  const [X, y] = spiral_data(100, 3);
  const dense1 = new Layer_Dense(2, 64);
  const activation1 = new Activation_ReLU();
  const dense2 = new Layer_Dense(64, 3);
  const loss_activation = new Activation_Softmax_Loss_CategoricalCrossentropy();
  const optimizer = new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-7 });

  const forward = () => {
    dense1.forward(X);
    activation1.forward(dense1.output);
    dense2.forward(activation1.output);
    return loss_activation.forward(dense2.output, y);
  };
  const accuracy = () => np.mean(np.equal(np.argmax(loss_activation.output, { axis: 1 }), y));
  const backward = () => {
    loss_activation.backward(loss_activation.output, y);
    dense2.backward(loss_activation.dinputs);
    activation1.backward(dense2.dinputs);
    dense1.backward(activation1.dinputs);
  };
  const update = () => {
    optimizer.pre_update_params();
    optimizer.update_params(dense1);
    optimizer.update_params(dense2);
    optimizer.post_update_params();
  };
  const epoch = () => {
    forward();
    accuracy();
    backward();
    update();
  };
  return { epoch, parts: { "forward + loss": forward, accuracy, backward, optimizer: update } };
}

/** Seconds (CPU) per case: the full training run, the median epoch, and each phase's median. */
export function timeCh10(): Map<string, number> {
  const times = new Map<string, number>();
  const run = ch10Model();
  const start = cpuSeconds();
  for (let epoch = 0; epoch < EPOCHS; epoch++) run.epoch();
  times.set(`training run (${EPOCHS} epochs)`, cpuSeconds() - start);
  // The trained model keeps training for the per-epoch figures, its JIT warm as NumPy's caches are.
  times.set("one epoch", medianTime(run.epoch));
  for (const [name, phase] of Object.entries(run.parts)) times.set(`  ${name}`, medianTime(phase));
  return times;
}

export function numpyCh10(): Map<string, number> {
  const out = execFileSync("python3", [path.join(__dirname, "ch10_numpy.py")], { encoding: "utf8" });
  return new Map(Object.entries(JSON.parse(out) as Record<string, number>));
}

if (require.main === module) {
  printTable("Chapter 10 training (CPU time)", timeCh10(), numpyCh10());
}
