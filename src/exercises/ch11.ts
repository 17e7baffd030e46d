// Chapter 11's exercises: the forward pass on out-of-sample data (loss and accuracy, with sparse or
// one-hot targets), and the epoch at which the test loss is lowest.
import * as np from "../np";
import { NDArray } from "../np/core";
import { spiral_data } from "../nnfs/datasets";
import { Layer_Dense } from "../network/layers";
import { Activation_ReLU } from "../network/activations";
import { Activation_Softmax_Loss_CategoricalCrossentropy } from "../network/losses";
import { compareNumbers } from "./compare";
import { unlessBlank } from "./blanks";
import { Exercise, filled, keepingRandomState, NotAttempted, Problem } from "./exercise";

/** The learner's validation pass: the model's layers and a dataset in, [loss, accuracy] out. */
export type ValidationPass = (
  dense1: Layer_Dense, activation1: Activation_ReLU, dense2: Layer_Dense,
  loss_activation: Activation_Softmax_Loss_CategoricalCrossentropy, X: NDArray, y: NDArray,
) => [number, number];

/** A model with large enough weights that it gets some points right and some wrong. */
interface Trial {
  weights1: NDArray;
  biases1: NDArray;
  weights2: NDArray;
  biases2: NDArray;
  X: NDArray;
  y: NDArray;
}

function makeTrial(): Trial {
  return keepingRandomState(() => {
    np.random.seed(11);
    const [X, y] = spiral_data(20, 3);
    return {
      weights1: np.multiply(0.8, np.random.randn(2, 16)).astype("float32"),
      biases1: np.multiply(0.1, np.random.randn(1, 16)).astype("float32"),
      weights2: np.multiply(0.8, np.random.randn(16, 3)).astype("float32"),
      biases2: np.zeros([1, 3]).astype("float32"),
      X, y,
    };
  });
}

/** Fresh library layers holding the trial's parameters. */
function layers(trial: Trial) {
  const dense1 = new Layer_Dense(2, 16);
  const dense2 = new Layer_Dense(16, 3);
  dense1.weights = trial.weights1.copy();
  dense1.biases = trial.biases1.copy();
  dense2.weights = trial.weights2.copy();
  dense2.biases = trial.biases2.copy();
  return { dense1, activation1: new Activation_ReLU(), dense2, loss_activation: new Activation_Softmax_Loss_CategoricalCrossentropy() };
}

/** The book's validation pass, with the ReLU or without it (a typical slip). */
function reference(trial: Trial, y: NDArray, { relu = true } = {}): [number, number] {
  const { dense1, activation1, dense2, loss_activation } = layers(trial);
  dense1.forward(trial.X);
  activation1.forward(dense1.output);
  dense2.forward(relu ? activation1.output : dense1.output);
  const loss = loss_activation.forward(dense2.output, y);
  const predictions = np.argmax(loss_activation.output, { axis: 1 });
  const labels = y.ndim === 2 ? np.argmax(y, { axis: 1 }) : y;
  return [loss, np.mean(np.equal(predictions, labels))];
}

const close = (a: unknown, b: number) => typeof a === "number" && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** Runs the learner's pass on the trial; an error is returned, not thrown, so both target kinds get their say. */
function attempt(pass: ValidationPass, trial: Trial, y: NDArray): unknown {
  const { dense1, activation1, dense2, loss_activation } = layers(trial);
  try {
    return filled(pass(dense1, activation1, dense2, loss_activation, trial.X, y));
  } catch (error) {
    if (error instanceof NotAttempted) throw error;
    return error instanceof Error ? error : new Error(String(error));
  }
}

function judge(got: unknown, [loss, accuracy]: [number, number], trial: Trial, targets: string): Problem {
  if (got instanceof Error) throw got;
  if (!Array.isArray(got) || got.length !== 2) {
    return `the function should return [loss, accuracy], an array of two numbers; it returned ${Array.isArray(got) ? `an array of ${got.length}` : String(got)}.`;
  }
  const [got_loss, got_accuracy] = got.map(filled) as unknown[];
  if (close(got_loss, accuracy) && close(got_accuracy, loss) && !close(loss, accuracy)) {
    return `the two numbers are swapped: return [loss, accuracy], the loss first (${loss}, ${accuracy}).`;
  }
  const [no_relu_loss] = reference(trial, trial.y, { relu: false });
  if (close(got_loss, no_relu_loss)) {
    return `the loss is ${got_loss}, the loss of the model without its ReLU: dense2 takes activation1.output, not dense1.output. Expected ${loss}.`;
  }
  const n = trial.X.shape[0];
  if (close(got_accuracy, accuracy * n) && accuracy * n !== accuracy) {
    return `accuracy is ${got_accuracy}, the number of correct predictions out of ${n}: take the mean of the comparison (np.mean), not its sum. Expected ${accuracy}.`;
  }
  if (got_accuracy instanceof NDArray) {
    return `accuracy is an array of shape (${got_accuracy.shape.join(", ")}), one entry per sample: np.mean(...) of the comparison gives the single number (${targets}).`;
  }
  return compareNumbers(`the loss (${targets})`, got_loss, loss) ?? compareNumbers(`the accuracy (${targets})`, got_accuracy, accuracy);
}

export const validation_pass = new Exercise<ValidationPass>({
  title: "the validation pass",
  check: unlessBlank((pass) => {
    const trial = makeTrial();
    const sparse = attempt(pass, trial, trial.y);
    const problem = judge(sparse, reference(trial, trial.y), trial, "sparse y, class indices");
    if (problem !== null) return problem;
    const one_hot = np.eye(3).get(trial.y);
    const got = attempt(pass, trial, one_hot);
    const expected = reference(trial, one_hot);
    if (got instanceof Error || (Array.isArray(got) && !close(got[1], expected[1]) && close(got[0], expected[0]))) {
      return `with sparse y (class indices) the loss and accuracy are right, but with one-hot y (shape (${one_hot.shape.join(", ")})) ${got instanceof Error ? `your code threw ${got.message}` : `the accuracy is ${String(got[1])}, expected ${expected[1]}`}: when y has two dimensions, compare the predictions with np.argmax(y, { axis: 1 }).`;
    }
    return judge(got, expected, trial, "one-hot y");
  }),
  hint: "The same forward pass as in training, on X: dense1, activation1, dense2, then loss = loss_activation.forward(dense2.output, y). The predictions are np.argmax(loss_activation.output, { axis: 1 }); if y.ndim is 2, turn y into class indices with np.argmax(y, { axis: 1 }) too; the accuracy is the mean of np.equal(predictions, labels).",
  solution: `function validation_pass(dense1: Layer_Dense, activation1: Activation_ReLU, dense2: Layer_Dense,
                         loss_activation: Activation_Softmax_Loss_CategoricalCrossentropy,
                         X: NDArray, y: NDArray): [number, number] {
  dense1.forward(X);
  activation1.forward(dense1.output);
  dense2.forward(activation1.output);
  const loss = loss_activation.forward(dense2.output, y);
  const predictions = np.argmax(loss_activation.output, { axis: 1 });
  const labels = y.ndim === 2 ? np.argmax(y, { axis: 1 }) : y;
  const accuracy = np.mean(np.equal(predictions, labels));
  return [loss, accuracy];
}`,
});

/** A row of a history: the epoch and the test set's loss and accuracy measured then. */
export type Row = { epoch: number; loss: number; acc: number };
export type LowestLossEpoch = (history: Row[]) => number;

const rows = (epochs: number[], losses: number[], accs: number[]): Row[] => epochs.map((epoch, i) => ({ epoch, loss: losses[i], acc: accs[i] }));

/**
 * Test histories: measured every 100 epochs, with the accuracy peaking later than the loss bottoms
 * out (as in the notebook's run); one whose lowest loss is in the first row, one in the last, and
 * one where two rows share the lowest loss (the earlier one counts: training longer bought nothing).
 */
interface HistoryTrial {
  name: string;
  history: Row[];
  /** The right answer. */
  epoch: number;
}
const HISTORIES: HistoryTrial[] = [
  {
    name: "a run measured every 100 epochs",
    history: rows([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000],
      [1.099, 0.81, 0.62, 0.52, 0.47, 0.49, 0.55, 0.61, 0.66, 0.72, 0.78],
      [0.33, 0.55, 0.68, 0.72, 0.75, 0.76, 0.78, 0.81, 0.8, 0.79, 0.79]),
    epoch: 400,
  },
  { name: "a run that gets worse from its first measurement", history: rows([10, 20, 30, 40], [0.9, 0.95, 1.2, 1.4], [0.6, 0.62, 0.58, 0.5]), epoch: 10 },
  { name: "a run still improving at its last measurement", history: rows([0, 50, 100, 150], [1.1, 0.8, 0.6, 0.5], [0.3, 0.5, 0.7, 0.8]), epoch: 150 },
  { name: "a run with two rows at the same lowest loss", history: rows([0, 100, 200, 300, 400], [1.0, 0.6, 0.7, 0.6, 0.9], [0.4, 0.7, 0.7, 0.75, 0.6]), epoch: 100 },
];

function lowestLossProblem(got: unknown, { name, history, epoch }: HistoryTrial): Problem {
  filled(got);
  const where = (test: (row: Row) => boolean) => history.findIndex(test);
  const best = history[where((row) => row.epoch === epoch)];
  if (typeof got !== "number") return `for ${name} the function returned ${String(got)}; it should return the epoch, a number.`;
  if (got === epoch) return null;
  const expected = `expected ${epoch} (loss ${best.loss})`;
  if (got === where((row) => row.epoch === epoch) && got !== epoch) {
    return `for ${name} you returned ${got}, the position of the row in the list: return that row's epoch (${epoch}); the rows are not one per epoch.`;
  }
  if (history.some((row) => row.loss === got)) {
    return `for ${name} you returned ${got}, a loss: return the epoch of the row with the lowest loss, not the loss itself; ${expected}.`;
  }
  const maxLoss = Math.max(...history.map((row) => row.loss));
  const maxAcc = Math.max(...history.map((row) => row.acc));
  const row = history.find((r) => r.epoch === got);
  if (row === undefined) return `for ${name} you returned ${got}, which is not the epoch of any row (the epochs are ${history.map((r) => r.epoch).join(", ")}); ${expected}.`;
  if (row.loss === maxLoss) return `for ${name} you returned epoch ${got}, where the loss is highest (${row.loss}): look for the lowest loss (<, not >); ${expected}.`;
  if (row.acc === maxAcc && row.loss !== best.loss) return `for ${name} you returned epoch ${got}, where the accuracy is highest: the question is where the test loss is lowest; ${expected}.`;
  if (row.loss === best.loss) return `for ${name} you returned epoch ${got}, but epoch ${epoch} already had the same lowest loss ${best.loss}: keep the first row (compare with <, not <=).`;
  if (got === history[history.length - 1].epoch) return `for ${name} you returned the last epoch, ${got}: the lowest loss is earlier; ${expected}.`;
  if (got === history[0].epoch) return `for ${name} you returned the first epoch, ${got}: the loop should go through every row and keep the one with the lowest loss; ${expected}.`;
  return `for ${name} you returned epoch ${got} (loss ${row.loss}); ${expected}.`;
}

export const lowest_loss_epoch = new Exercise<LowestLossEpoch>({
  title: "the epoch with the lowest test loss",
  check: unlessBlank((find) => {
    for (const trial of HISTORIES) {
      const problem = lowestLossProblem(find(trial.history.map((row) => ({ ...row }))), trial);
      if (problem !== null) return problem;
    }
    return null;
  }),
  hint: "Start with the first row as the best; go through the rows and replace the best whenever a row's loss is lower (<) than the best's. Return the best row's epoch.",
  solution: `function lowest_loss_epoch(history: HistoryRow[]): number {
  let best = history[0];
  for (const row of history) {
    if (row.loss < best.loss) best = row;
  }
  return best.epoch;
}`,
});
