// Chapter 20's exercises: the Model's evaluate (new_pass, every batch including the last partial
// one, training off), and the accuracy of each class.
import * as np from "../np";
import { NDArray } from "../np/core";
import { seed } from "../np/random";
import { spiral_data } from "../nnfs/datasets";
import { Accuracy_Categorical } from "../network/accuracy";
import { Activation_ReLU, Activation_Softmax } from "../network/activations";
import { Layer_Dense, Layer_Dropout } from "../network/layers";
import { Loss_CategoricalCrossentropy } from "../network/losses";
import { Model } from "../network/model";
import { Optimizer_Adam } from "../network/optimizers";
import { unlessBlank } from "./blanks";
import { compareNumbers } from "./compare";
import { Exercise, filled, keepingRandomState } from "./exercise";

/** The learner's evaluate: returns [accuracy, loss] over X_val in batches of batch_size (null: at once). */
export type EvaluateFunction = (model: Model, X_val: NDArray, y_val: NDArray, batch_size: number | null) => unknown;

const SAMPLES_PER_CLASS = 15;  // 45 samples: batches of 20, 20 and 5
const BATCH_SIZE = 20;

/** A small trained classifier with dropout; its loss and accuracy still hold the last epoch's totals. */
function trainedModel(): { model: Model; X_val: NDArray; y_val: NDArray } {
  seed(20);
  const [X, y] = spiral_data(30, 3);
  const [X_val, y_val] = spiral_data(SAMPLES_PER_CLASS, 3);
  const model = new Model();
  model.add(new Layer_Dense(2, 16));
  model.add(new Activation_ReLU());
  model.add(new Layer_Dropout(0.3));
  model.add(new Layer_Dense(16, 3));
  model.add(new Activation_Softmax());
  model.set({ loss: new Loss_CategoricalCrossentropy(), optimizer: new Optimizer_Adam({ learning_rate: 0.05 }), accuracy: new Accuracy_Categorical() });
  model.finalize();
  model.train(X, y, { epochs: 3, batch_size: 32, print_every: 100, progress: false });
  return { model, X_val, y_val };
}

/** [accuracy, loss] of the model on X, at once, training off. */
function measured(model: Model, X: NDArray, y: NDArray): [number, number] {
  const output = model.forward(X, false);
  const predictions = model.output_layer_activation!.predictions!(output);
  return [np.mean(np.equal(predictions, y)), np.mean(model.loss!.forward(output, y))];
}

function silently<T>(run: () => T): T {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return run();
  } finally {
    process.stdout.write = write;
  }
}

export const evaluate = new Exercise<EvaluateFunction>({
  title: "the Model's evaluate",
  check: unlessBlank((answer) => keepingRandomState(() => silently(() => {
    const { model, X_val, y_val } = trainedModel();
    const [accuracy, loss] = measured(model, X_val, y_val);
    const trainings: boolean[] = [];
    const forward = model.forward.bind(model);
    model.forward = (X: NDArray, training: boolean) => { trainings.push(training); return forward(X, training); };
    const result = filled(answer(model, X_val, y_val, BATCH_SIZE));
    if (!Array.isArray(result) || result.length !== 2) return `evaluate should return [accuracy, loss], two numbers; got ${String(result)}.`;
    if (trainings.some((training) => training !== false)) {
      return "forward ran with training on: evaluating must not drop neurons (the model has a Layer_Dropout), so call this.forward(batch_X, false).";
    }
    const kept = Math.floor(X_val.shape[0] / BATCH_SIZE) * BATCH_SIZE;
    const [droppedAccuracy, droppedLoss] = measured(model, X_val.get(`:${kept}`), y_val.get(`:${kept}`));
    const [gotAccuracy, gotLoss] = result as unknown[];
    if (compareNumbers("accuracy", gotAccuracy, droppedAccuracy) === null && compareNumbers("loss", gotLoss, droppedLoss) === null &&
        compareNumbers("accuracy", gotAccuracy, accuracy) !== null) {
      return `the last ${X_val.shape[0] - kept} of the ${X_val.shape[0]} samples were left out (${trainings.length} forward passes): with batch_size ${BATCH_SIZE} there are ${Math.ceil(X_val.shape[0] / BATCH_SIZE)} steps, the last one a partial batch. Add a step when steps · batch_size < the number of samples.`;
    }
    const again = answer(model, X_val, y_val, BATCH_SIZE) as unknown[];
    if (Array.isArray(again) && again[1] !== gotLoss && compareNumbers("loss", again[1], loss) !== null) {
      return "the first and the second evaluation give different numbers: the loss and the accuracy still hold totals from before (training's last epoch, then the first evaluation). Call this.loss.new_pass() and this.accuracy.new_pass() first.";
    }
    return compareNumbers(`the accuracy (on ${X_val.shape[0]} samples in batches of ${BATCH_SIZE})`, gotAccuracy, accuracy) ??
      compareNumbers(`the loss (on ${X_val.shape[0]} samples in batches of ${BATCH_SIZE})`, gotLoss, loss, { rtol: 1e-6 });
  }))),
  hint: "new_pass() on the loss and the accuracy; steps = the samples divided by batch_size, rounded up; for each step forward(batch_X, false), loss.calculate and accuracy.calculate of the predictions; return [accuracy.calculate_accumulated(), loss.calculate_accumulated()].",
  solution: `function evaluate(model: Model, X_val: NDArray, y_val: NDArray, batch_size: number | null): [number, number] {
  let validation_steps = 1;
  if (batch_size !== null) {
    validation_steps = Math.floor(X_val.shape[0] / batch_size);
    if (validation_steps * batch_size < X_val.shape[0]) {
      validation_steps += 1;
    }
  }
  model.loss.new_pass();
  model.accuracy.new_pass();
  for (let step = 0; step < validation_steps; step++) {
    let batch_X = X_val;
    let batch_y = y_val;
    if (batch_size !== null) {
      batch_X = X_val.get(\`\${step * batch_size}:\${(step + 1) * batch_size}\`);
      batch_y = y_val.get(\`\${step * batch_size}:\${(step + 1) * batch_size}\`);
    }
    const output = model.forward(batch_X, false);
    model.loss.calculate(output, batch_y);
    const predictions = model.output_layer_activation.predictions(output);
    model.accuracy.calculate(predictions, batch_y);
  }
  return [model.accuracy.calculate_accumulated(), model.loss.calculate_accumulated()];
}`,
});

/** The learner's per-class accuracy: one number per class, the share of its samples predicted right. */
export type ClassAccuracyFunction = (predictions: NDArray, y: NDArray, classes: number) => unknown;

const PREDICTIONS = np.array([0, 0, 1, 2, 1, 1, 2, 2, 0, 2]);
const TARGETS = np.array([0, 1, 1, 2, 1, 0, 2, 2, 2, 2], "uint8");

export const class_accuracy = new Exercise<ClassAccuracyFunction>({
  title: "the accuracy of each class",
  check: unlessBlank((answer) => {
    const got = filled(answer(PREDICTIONS, TARGETS, 3));
    const expected = [0.5, 2 / 3, 0.8];
    if (!Array.isArray(got) && !(got instanceof NDArray)) return `the result should be one number per class (3 here), got ${String(got)}.`;
    const values = got instanceof NDArray ? (got.tolist() as number[]) : (got as unknown[]);
    if (values.length !== 3) return `the result has ${values.length} entries; expected one per class, 3.`;
    const overall = [1 / 10, 2 / 10, 4 / 10];
    if (values.every((v, c) => typeof v === "number" && Math.abs(v - overall[c]) < 1e-9)) {
      return "each class's correct predictions were divided by all 10 samples: divide by that class's own number of samples (np.sum(np.equal(y, c))), or the classes' accuracies add up to the overall accuracy instead.";
    }
    const byPrediction = [1 / 3, 2 / 3, 1];
    if (values.every((v, c) => typeof v === "number" && Math.abs(v - byPrediction[c]) < 1e-9)) {
      return "the samples were grouped by the predicted class, not the true one: that is the precision of each prediction. Pick the samples whose target y equals c.";
    }
    for (let c = 0; c < 3; c++) {
      const problem = compareNumbers(`the accuracy of class ${c}`, values[c], expected[c]);
      if (problem !== null) return `${problem} (predictions ${PREDICTIONS.tolist().toString()}, targets ${TARGETS.tolist().toString()}.)`;
    }
    return null;
  }),
  hint: "For each class c: the samples whose target is c, np.equal(y, c); of those, the share where the prediction is c too.",
  solution: `function class_accuracy(predictions: NDArray, y: NDArray, classes: number): number[] {
  const accuracies: number[] = [];
  for (let c = 0; c < classes; c++) {
    const in_class = np.equal(y, c);
    const correct = np.sum(np.equal(predictions.get(in_class), c));
    accuracies.push(correct / np.sum(in_class));
  }
  return accuracies;
}`,
});
