// Accuracy (chapters 18 and 19): the share of predictions that count as right. What "right"
// means depends on the task, so each subclass supplies compare(); the base class averages
// the comparisons per batch and keeps running totals over an epoch, as Loss does.
import * as np from "../np";
import { formatShape, NDArray } from "../np/core";
import { checkKeywords, describe } from "../np/keywords";

/** The base of both accuracies: per-batch means and the running totals of a pass. */
export abstract class Accuracy {
  accumulated_sum = 0;
  accumulated_count = 0;

  /** Anything the comparison needs to learn from the targets before training; `reinit` learns it again. */
  abstract init(y: NDArray, reinit?: boolean | AccuracyInitOptions): void;

  /** One entry per prediction: true where it counts as right. */
  abstract compare(predictions: NDArray, y: NDArray): NDArray;

  /** The batch's accuracy; also adds the batch to the running totals. */
  calculate(predictions: NDArray, y: NDArray): number {
    // np.equal would broadcast a single target against every prediction.
    if (!(y instanceof NDArray) || y.ndim === 0 || y.shape[0] !== predictions.shape[0]) {
      throw new Error(`Accuracy.calculate: y must hold one target per prediction (${predictions.shape[0]}), got ` +
        `${y instanceof NDArray ? `shape ${formatShape(y.shape)}` : describe(y)}`);
    }
    const comparisons = this.compare(predictions, y);
    this.accumulated_sum += np.sum(comparisons);
    this.accumulated_count += comparisons.size;
    return np.mean(comparisons);
  }

  /** The accuracy over every batch since new_pass(). */
  calculate_accumulated(): number {
    // Python's ZeroDivisionError, not a NaN accuracy printed as nan.
    if (this.accumulated_count === 0) throw new Error("Accuracy.calculate_accumulated: division by zero: no samples since new_pass(); call calculate first");
    return this.accumulated_sum / this.accumulated_count;
  }

  /** Starts a new pass (epoch): resets the running totals. */
  new_pass(): void {
    this.accumulated_sum = 0;
    this.accumulated_count = 0;
  }
}

/** Accuracy.init's keyword argument. */
export interface AccuracyInitOptions {
  /** Learn from these targets again even if already initialized (default false). */
  reinit?: boolean;
}

/** Accuracy_Categorical's keyword argument (keyword-only in the book). */
export interface AccuracyCategoricalOptions {
  /** Sigmoid outputs: targets are yes/no columns, not one-hot rows (default false). */
  binary?: boolean;
}

/**
 * Classification: a prediction is right when it names the target class.
 * `new Accuracy_Categorical()` for softmax outputs (sparse or one-hot targets),
 * `new Accuracy_Categorical({ binary: true })` for sigmoid outputs, whose 2-D targets are
 * not one-hot rows but one yes/no column per output.
 */
export class Accuracy_Categorical extends Accuracy {
  binary: boolean;

  /** `new Accuracy_Categorical()`, or `({ binary: true })` for sigmoid outputs. */
  constructor(options: AccuracyCategoricalOptions = {}) {
    super();
    checkKeywords("Accuracy_Categorical", options, ["binary"]);
    const { binary = false } = options;
    this.binary = binary;
  }

  /** Nothing to learn from the targets. */
  init(y: NDArray): void {}

  /** Predicted class equals the target class (a one-hot target's argmax, unless binary). */
  compare(predictions: NDArray, y: NDArray): NDArray {
    const labels = !this.binary && y.ndim === 2 ? np.argmax(y, { axis: 1 }) : y;
    return np.equal(predictions, labels);
  }
}

/**
 * Regression: no prediction is exactly right, so one counts when it lands within
 * `precision` of the target. The book takes precision = std(y) / 250, set once from the
 * training targets (init) unless asked to reinit.
 */
export class Accuracy_Regression extends Accuracy {
  precision: number | undefined = undefined;

  /** precision = std(y) / 250, once: `init(y, true)` or `init(y, { reinit: true })` sets it again. */
  init(y: NDArray, reinit: boolean | AccuracyInitOptions = false): void {
    if (typeof reinit === "object") checkKeywords("Accuracy_Regression.init", reinit, ["reinit"]);
    else if (typeof reinit !== "boolean") throw new TypeError(`Accuracy_Regression.init() argument 'reinit' must be true or false, got ${describe(reinit)}`);
    const again = typeof reinit === "boolean" ? reinit : reinit.reinit === true;
    if (this.precision === undefined || again) {
      // An empty or NaN y would give a NaN precision, and every accuracy after it 0.
      if (!(y instanceof NDArray) || y.size === 0) {
        throw new Error(`Accuracy_Regression.init: y must be the training targets, a non-empty array, got ${y instanceof NDArray ? `shape ${formatShape(y.shape)}` : describe(y)}`);
      }
      const std = np.std(y);
      if (Number.isNaN(std)) throw new Error("Accuracy_Regression.init: std(y) is NaN: the targets hold NaN");
      // np.std of float32 targets is a float32 scalar, and dividing keeps it float32.
      this.precision = y.dtype === "float32" ? Math.fround(std / 250) : std / 250;
    }
  }

  /** Within precision of the target. */
  compare(predictions: NDArray, y: NDArray): NDArray {
    if (this.precision === undefined) throw new Error("Accuracy_Regression: call init(y) before compare");
    return np.less(np.abs(np.subtract(predictions, y)), this.precision);
  }
}
