// Accuracy (chapters 18 and 19): the share of predictions that count as right. What "right"
// means depends on the task, so each subclass supplies compare(); the base class averages
// the comparisons per batch and keeps running totals over an epoch, as Loss does.
import * as np from "../np";
import type { NDArray } from "../np/core";

export abstract class Accuracy {
  accumulated_sum = 0;
  accumulated_count = 0;

  /** Anything the comparison needs to learn from the targets before training. */
  abstract init(y: NDArray, reinit?: boolean | { reinit?: boolean }): void;

  /** One entry per prediction: true where it counts as right. */
  abstract compare(predictions: NDArray, y: NDArray): NDArray;

  /** The batch's accuracy; also adds the batch to the running totals. */
  calculate(predictions: NDArray, y: NDArray): number {
    const comparisons = this.compare(predictions, y);
    this.accumulated_sum += np.sum(comparisons);
    this.accumulated_count += comparisons.size;
    return np.mean(comparisons);
  }

  /** The accuracy over every batch since new_pass(). */
  calculate_accumulated(): number {
    return this.accumulated_sum / this.accumulated_count;
  }

  new_pass(): void {
    this.accumulated_sum = 0;
    this.accumulated_count = 0;
  }
}

/**
 * Classification: a prediction is right when it names the target class.
 * `new Accuracy_Categorical()` for softmax outputs (sparse or one-hot targets),
 * `new Accuracy_Categorical({ binary: true })` for sigmoid outputs, whose 2-D targets are
 * not one-hot rows but one yes/no column per output.
 */
export class Accuracy_Categorical extends Accuracy {
  binary: boolean;

  constructor({ binary = false }: { binary?: boolean } = {}) {
    super();
    this.binary = binary;
  }

  init(_y: NDArray): void {
    // Nothing to learn from the targets.
  }

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

  init(y: NDArray, reinit: boolean | { reinit?: boolean } = false): void {
    const again = typeof reinit === "boolean" ? reinit : reinit.reinit === true;
    if (this.precision === undefined || again) {
      const std = np.std(y);
      // np.std of float32 targets is a float32 scalar, and dividing keeps it float32.
      this.precision = y.dtype === "float32" ? Math.fround(std / 250) : std / 250;
    }
  }

  compare(predictions: NDArray, y: NDArray): NDArray {
    if (this.precision === undefined) throw new Error("Accuracy_Regression: call init(y) before compare");
    return np.less(np.abs(np.subtract(predictions, y)), this.precision);
  }
}
