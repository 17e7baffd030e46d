// One training epoch of chapter 10's final model, timed here and in NumPy (ch10_numpy.py):
// spiral_data(100, 3), Dense(2, 64) - ReLU - Dense(64, 3) - softmax + cross-entropy,
// Adam({ learning_rate: 0.05, decay: 5e-7 }), after nnfs.init().
// Run: `npx tsx bench/ch10.ts` (or with --cpu-prof through node -r tsx/cjs for a profile).
import { execFileSync } from "child_process";
import * as path from "path";
import {
  np, nnfs, spiral_data, Layer_Dense, Activation_ReLU,
  Activation_Softmax_Loss_CategoricalCrossentropy, Optimizer_Adam,
} from "../src/index";
import { medianTime } from "./timing";

/** The model and its four phases; each phase can be timed on its own. */
export function ch10Model() {
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

if (require.main === module) {
  const model = ch10Model();
  for (let i = 0; i < 100; i++) model.epoch(); // warm up the JIT, as NumPy's side warms its caches
  const numpy = JSON.parse(execFileSync("python3", [path.join(__dirname, "ch10_numpy.py")], { encoding: "utf8" })) as {
    epoch: number; parts: Record<string, number>;
  };
  const us = (s: number) => `${(s * 1e6).toFixed(1)} µs`.padStart(10);
  const row = (name: string, ours: number, theirs: number) =>
    console.log(`${name.padEnd(16)}${us(ours)}${us(theirs)}  ${(ours / theirs).toFixed(2)}x`);
  console.log(`${"ch10 epoch".padEnd(16)}${"nnfs-ts".padStart(10)}${"NumPy".padStart(10)}  ratio`);
  row("whole epoch", medianTime(model.epoch), numpy.epoch);
  for (const [name, run] of Object.entries(model.parts)) row(`  ${name}`, medianTime(run), numpy.parts[name]);
}
