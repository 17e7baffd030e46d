// Chapter 5's exercises: categorical cross-entropy of a batch with sparse targets, and accuracy.
import * as np from "../np";
import { NDArray } from "../np/core";
import { Loss_CategoricalCrossentropy } from "../network/losses";
import { compareArrays, compareNumbers } from "./compare";
import { noBlankFields, unlessBlank } from "./blanks";
import { Exercise, filled, NotAttempted } from "./exercise";

/** A learner's loss class: `new C()`, then `forward(y_pred, y_true)` returns one loss per sample. */
export type LossClass = new () => { forward(y_pred: NDArray, y_true: NDArray): NDArray };

/**
 * The book's batch, plus a sample whose confidence in its true class is 0 (log(0) = -Infinity
 * unless clipped) and one whose confidence is exactly 1 (a loss of 0 unless clipped from above).
 */
const Y_PRED = np.array([[0.7, 0.1, 0.2], [0.1, 0.5, 0.4], [0.02, 0.9, 0.08], [0, 0.6, 0.4], [0, 1, 0]]);
const Y_TRUE = np.array([0, 1, 1, 0, 1]);
/** Compared exactly enough to see the clipped 1e-7 of a confident sample. */
const EXACT = { atol: 0 };

export const cross_entropy = new Exercise<LossClass>({
  title: "categorical cross-entropy's forward",
  check: unlessBlank((Loss) => {
    const loss = noBlankFields(new Loss());
    const got = filled(loss.forward(Y_PRED.copy(), Y_TRUE.copy()));
    const expected = new Loss_CategoricalCrossentropy().forward(Y_PRED, Y_TRUE);
    if (typeof got === "number") {
      return `forward returned one number (${got}); it should return one loss per sample, an array of ${Y_TRUE.shape[0]}. The mean over the batch is calculate's job.`;
    }
    const wrong = compareArrays("forward's result", got, expected, EXACT);
    if (wrong === null || !(got instanceof NDArray) || got.size !== expected.size) return wrong;
    const losses = got.tolist() as number[];
    if (losses[3] === Infinity) {
      return "the loss of sample 3 is Infinity: its confidence in the true class is 0, and log(0) is -Infinity. Clip the predictions to [1e-7, 1 - 1e-7] with np.clip before taking the log.";
    }
    if (losses[0] < 0) {
      return `the loss of sample 0 is ${losses[0]}, below 0: the log of a probability is at most 0, and cross-entropy is its negative, -log(confidence).`;
    }
    if (losses[4] === 0 && compareArrays("forward's result", got.get(":4"), expected.get(":4"), EXACT) === null) {
      return `the loss of sample 4, whose confidence is exactly 1, is 0; the book's is ${expected.get(4)}: clip the top too, to 1 - 1e-7, as well as the bottom (np.clip(y_pred, 1e-7, 1 - 1e-7)).`;
    }
    return wrong;
  }),
  hint: "Clip y_pred with np.clip(y_pred, 1e-7, 1 - 1e-7), pick row i, column y_true[i] with y_pred_clipped.get(np.arange(samples), y_true), and return the negative log of those confidences.",
  solution: `class Loss_CategoricalCrossentropy {
  forward(y_pred: NDArray, y_true: NDArray): NDArray {
    const samples = y_pred.shape[0];
    const y_pred_clipped = np.clip(y_pred, 1e-7, 1 - 1e-7);
    const correct_confidences = y_pred_clipped.get(np.arange(samples), y_true);
    return np.negative(np.log(correct_confidences));
  }
}`,
});

/** A learner's accuracy: `accuracy(softmax_outputs, class_targets)` returns the share of samples predicted right. */
export type AccuracyFunction = (softmax_outputs: NDArray, class_targets: NDArray) => number;

/** The book's accuracy example: two of three predictions right. */
const SOFTMAX_OUTPUTS = np.array([[0.7, 0.2, 0.1], [0.5, 0.1, 0.4], [0.02, 0.9, 0.08]]);
const CLASS_TARGETS = np.array([0, 1, 1]);
const ONE_HOT_TARGETS = np.array([[1, 0, 0], [0, 1, 0], [0, 1, 0]]);

function accuracyOf(accuracy: AccuracyFunction, class_targets: NDArray): unknown {
  return filled(accuracy(SOFTMAX_OUTPUTS.copy(), class_targets.copy()));
}

export const accuracy = new Exercise<AccuracyFunction>({
  title: "the accuracy function",
  check: unlessBlank((accuracy) => {
    const expected = 2 / 3;
    const got = accuracyOf(accuracy, CLASS_TARGETS);
    if (got instanceof NDArray) {
      return `accuracy returned an array of shape (${got.shape.join(", ")}); it should return one number, the share of samples predicted right: np.mean of the comparison.`;
    }
    if (got === 2) return "accuracy returned 2, how many predictions are right; accuracy is their share: np.mean of the comparison, not its sum.";
    const wrong = compareNumbers("accuracy with sparse targets", got, expected);
    if (wrong !== null) return wrong;
    let one_hot: string;
    try {
      const got_one_hot = accuracyOf(accuracy, ONE_HOT_TARGETS);
      if (compareNumbers("accuracy", got_one_hot, expected) === null) return null;
      one_hot = `accuracy gave ${got_one_hot instanceof NDArray ? `an array of shape (${got_one_hot.shape.join(", ")})` : got_one_hot} instead of ${expected}`;
    } catch (error) {
      if (error instanceof NotAttempted) throw error;
      one_hot = `accuracy threw ${error instanceof Error ? error.message : String(error)}`;
    }
    return `right for sparse targets, but with one-hot targets ${one_hot}: when class_targets has two dimensions, turn each row into its class index first, np.argmax(class_targets, { axis: 1 }), then compare.`;
  }),
  hint: "np.argmax(softmax_outputs, { axis: 1 }) gives each sample's predicted class. One-hot targets (class_targets.ndim === 2) become indices the same way. np.equal compares them, and np.mean of the comparison is the share that match.",
  solution: `function accuracy(softmax_outputs: NDArray, class_targets: NDArray): number {
  const predictions = np.argmax(softmax_outputs, { axis: 1 });
  if (class_targets.ndim === 2) {
    class_targets = np.argmax(class_targets, { axis: 1 });
  }
  return np.mean(np.equal(predictions, class_targets));
}`,
});
