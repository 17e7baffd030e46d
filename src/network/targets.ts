// The targets a loss compares predictions with must fit them. NumPy broadcasts many that do
// not into a wrong loss and no error: 1-D targets against (samples, 1) predictions make a
// (samples, samples) table, one label row is read as every sample's, -1 is the last class.
// Each check runs once per call, on shapes and two reductions, so training stays as fast.
import * as np from "../np";
import { formatShape, NDArray } from "../np/core";
import { describe } from "../np/keywords";

/** Throws unless `y_true` is an array with one target per sample of `y_pred`. */
function checkSamples(callee: string, y_pred: NDArray, y_true: unknown): asserts y_true is NDArray {
  if (!(y_true instanceof NDArray)) throw new TypeError(`${callee}: y_true must be an array (np.array(y)), got ${describe(y_true)}`);
  if (y_true.ndim === 0 || y_true.shape[0] !== y_pred.shape[0]) {
    throw new Error(`${callee}: y_true has shape ${formatShape(y_true.shape)}, but y_pred has ${y_pred.shape[0]} samples: ` +
      "give one target per sample");
  }
}

/**
 * Categorical targets: class labels (1-D, each in [0, classes)) or one-hot rows as wide as
 * y_pred, one per sample of y_pred.
 */
export function checkClassTargets(callee: string, y_pred: NDArray, y_true: NDArray): void {
  checkSamples(callee, y_pred, y_true);
  const classes = y_pred.shape[1];
  if (y_true.ndim === 2 && y_true.shape[1] !== classes) {
    throw new Error(`${callee}: one-hot y_true has shape ${formatShape(y_true.shape)}, but y_pred has ${classes} classes ` +
      `(shape ${formatShape(y_pred.shape)})`);
  }
  if (y_true.ndim > 2) throw new Error(`${callee}: y_true must be class labels (1-D) or one-hot rows (2-D), got shape ${formatShape(y_true.shape)}`);
  if (y_true.ndim === 1 && y_true.size > 0) {
    const [lowest, highest] = [np.min(y_true), np.max(y_true)];
    if (lowest < 0 || highest >= classes) {
      throw new RangeError(`${callee}: class labels must be in [0, ${classes}) for y_pred's ${classes} classes, ` +
        `got ${lowest < 0 ? lowest : highest}`);
    }
  }
}

/** Regression and binary targets: the shape of y_pred itself (the book reshapes y to (-1, 1)). */
export function checkSameShape(callee: string, y_pred: NDArray, y_true: NDArray): void {
  checkSamples(callee, y_pred, y_true);
  if (y_true.ndim !== y_pred.ndim || y_true.shape.some((d, k) => d !== y_pred.shape[k])) {
    throw new Error(`${callee}: y_true has shape ${formatShape(y_true.shape)}, y_pred has shape ${formatShape(y_pred.shape)}; ` +
      "they must match: with one output, reshape the targets as the book does, y = y.reshape(-1, 1)");
  }
}
