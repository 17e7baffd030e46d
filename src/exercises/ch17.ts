// Chapter 17's exercises: the backward passes of mean squared error and mean absolute error, and
// the regression accuracy (predictions within std(y) / 250 of their targets).
import * as np from "../np";
import { NDArray } from "../np/core";
import { Loss_MeanAbsoluteError, Loss_MeanSquaredError } from "../network/losses";
import { compareArrays, compareNumbers } from "./compare";
import { noBlankFields, unlessBlank } from "./blanks";
import { Exercise, filled } from "./exercise";
import { factorProblem } from "./ch16";

/** What the learner's loss must offer here: backward(dvalues, y_true) sets dinputs. */
export type RegressionLossClass = new () => { dinputs: NDArray; backward(dvalues: NDArray, y_true: NDArray): void };

/** Four samples of three outputs (so the two divisions differ), one exact hit, misses both ways. */
const PREDICTIONS = np.array([[0.9, -0.3, 2.5], [0.5, 0.5, -1.25], [-0.7, 1.1, 0], [3, -2, 0.4]]);
const TARGETS = np.array([[1, -0.5, 2], [0.5, 0.25, -1], [-0.2, 1.3, 0.5], [2.5, -2.4, 0.1]]);
const SAMPLES = PREDICTIONS.shape[0];
const OUTPUTS = PREDICTIONS.shape[1];
const DIVISIONS: [string, number][] = [[`the division by outputs (${OUTPUTS})`, OUTPUTS], [`the division by samples (${SAMPLES})`, SAMPLES]];
const SHAPES = `(here ${SAMPLES} samples of ${OUTPUTS} outputs: forward averages over outputs and calculate over samples, so the gradient is divided by both)`;

/** The learner's dinputs and the library's, for the same predictions and targets. */
function gradients(Loss: RegressionLossClass, Key: typeof Loss_MeanSquaredError | typeof Loss_MeanAbsoluteError) {
  const loss = noBlankFields(new Loss());
  if (typeof loss.backward !== "function") throw new Error("the class has no backward(dvalues, y_true) method");
  loss.backward(PREDICTIONS.copy(), TARGETS.copy());
  const key = new Key();
  key.backward(PREDICTIONS.copy(), TARGETS.copy());
  return { got: filled(loss.dinputs), expected: key.dinputs };
}

export const mse_backward = new Exercise<RegressionLossClass>({
  title: "Loss_MeanSquaredError's backward",
  check: unlessBlank((Loss) => {
    const { got, expected } = gradients(Loss, Loss_MeanSquaredError);
    const factor = factorProblem("dinputs", got, expected, [["the 2 from the derivative of the square", 0.5], ...DIVISIONS]);
    if (factor !== null) return `${factor} ${SHAPES}`;
    const wrong = compareArrays("dinputs", got, expected);
    return wrong === null ? null : `${wrong} dinputs = −2 · (y_true − dvalues) / outputs / samples.`;
  }),
  hint: "The derivative of (y − ŷ)² with respect to ŷ is −2·(y − ŷ). Divide it by the number of outputs (dvalues.shape[1]) and then by the number of samples (dvalues.shape[0]).",
  solution: `class My_MeanSquaredError {
  dinputs: NDArray;

  backward(dvalues: NDArray, y_true: NDArray): void {
    const samples = dvalues.shape[0];
    const outputs = dvalues.shape[1];
    this.dinputs = np.divide(np.multiply(-2, np.subtract(y_true, dvalues)), outputs);
    this.dinputs = np.divide(this.dinputs, samples);
  }
}`,
});

export const mae_backward = new Exercise<RegressionLossClass>({
  title: "Loss_MeanAbsoluteError's backward",
  check: unlessBlank((Loss) => {
    const { got, expected } = gradients(Loss, Loss_MeanAbsoluteError);
    if (compareArrays("dinputs", got, np.negative(expected)) === null) {
      return "dinputs has the opposite sign: sign(y_true − dvalues) is the book's listing, but the derivative of |y − ŷ| with respect to ŷ is sign(ŷ − y), that is np.sign(dvalues − y_true). With the listing's sign, gradient descent would climb the loss.";
    }
    const factor = factorProblem("dinputs", got, expected, DIVISIONS);
    if (factor !== null) return `${factor} ${SHAPES}`;
    if (got instanceof NDArray && compareArrays("dinputs", np.abs(got), np.abs(expected)) !== null &&
        compareArrays("dinputs", got, np.divide(np.divide(np.subtract(PREDICTIONS, TARGETS), OUTPUTS), SAMPLES)) === null) {
      return "dinputs follows the size of each error: that is the difference itself, not its sign. MAE's gradient is np.sign(dvalues − y_true): ±1 for every miss, 0 for an exact hit.";
    }
    const wrong = compareArrays("dinputs", got, expected);
    return wrong === null ? null : `${wrong} dinputs = sign(dvalues − y_true) / outputs / samples.`;
  }),
  hint: "The derivative of |y − ŷ| with respect to ŷ is sign(ŷ − y): np.sign(np.subtract(dvalues, y_true)). Divide by outputs, then by samples, as for MSE.",
  solution: `class My_MeanAbsoluteError {
  dinputs: NDArray;

  backward(dvalues: NDArray, y_true: NDArray): void {
    const samples = dvalues.shape[0];
    const outputs = dvalues.shape[1];
    this.dinputs = np.divide(np.sign(np.subtract(dvalues, y_true)), outputs);
    this.dinputs = np.divide(this.dinputs, samples);
  }
}`,
});

/** What the learner writes: the share of predictions within std(y) / 250 of their targets. */
export type AccuracyFunction = (predictions: NDArray, y: NDArray) => number;

/**
 * A sine over 500 points and predictions off by up to twice the tolerance (a fixed pattern, no
 * random draws): some inside, some outside, misses both ways, so each typical mistake gives
 * another number.
 */
const Y = np.sin(np.multiply(2 * Math.PI, np.divide(np.arange(500), 500))).reshape(-1, 1);
const PRECISION = np.std(Y) / 250;
const OFFSETS = np.multiply(2 * PRECISION, np.sin(np.multiply(1.7, np.arange(500))));

/** Which share of the predictions a given tolerance and comparison would call accurate. */
const share = (within: NDArray) => np.mean(within);

export const regression_accuracy = new Exercise<AccuracyFunction>({
  title: "the regression accuracy",
  check: unlessBlank((accuracy_of) => {
    const predictions = np.add(Y, OFFSETS.reshape(-1, 1));
    const got = filled(accuracy_of(predictions.copy(), Y.copy()));
    const difference = np.subtract(predictions, Y);
    const expected = share(np.less(np.absolute(difference), PRECISION));
    if (typeof got === "number") {
      if (got === share(np.less(np.absolute(difference), np.std(Y)))) {
        return `the accuracy is ${got}: every prediction counts as accurate. The tolerance is std(y) / 250 = ${PRECISION}, not std(y) = ${np.std(Y)}.`;
      }
      if (got === share(np.less(difference, PRECISION))) {
        return `the accuracy is ${got}; expected ${expected}. Every prediction below its target counts as accurate however far off: compare the absolute difference, np.absolute(predictions − y), with the tolerance.`;
      }
      if (got === np.sum(np.less(np.absolute(difference), PRECISION))) {
        return `the accuracy is ${got}, a count: take the mean of the comparison (np.mean), the share of accurate predictions, ${expected}.`;
      }
    }
    const wrong = compareNumbers("the accuracy", got, expected, { rtol: 0, atol: 1e-12 });
    return wrong === null ? null : `${wrong} Accurate means |prediction − y| < std(y) / 250; the accuracy is the mean of that comparison.`;
  }),
  hint: "const accuracy_precision = np.std(y) / 250; then np.mean of np.less(np.absolute(np.subtract(predictions, y)), accuracy_precision).",
  solution: `function regression_accuracy(predictions: NDArray, y: NDArray): number {
  const accuracy_precision = np.std(y) / 250;
  return np.mean(np.less(np.absolute(np.subtract(predictions, y)), accuracy_precision));
}`,
});
