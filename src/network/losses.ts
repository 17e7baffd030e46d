// Losses (chapters 5, 9, 14, 16, 17, 19): forward gives one loss per sample, backward the
// gradient of the mean loss with respect to the predictions.
import * as np from "../np";
import type { NDArray } from "../np/core";
import type { DType } from "../np/dtype";
import { castValue } from "../np/dtype";
import { Activation_Softmax } from "./activations";
import type { Layer_Dense } from "./layers";

/**
 * A NumPy scalar operation on a plain JS number: a float32 scalar combined with a Python float
 * stays float32 (NEP 50), so round like NumPy does and the printed digits match the book's.
 */
function asScalar(dtype: DType, value: number): number {
  return dtype === "float32" ? castValue(dtype, value) : value;
}

export abstract class Loss {
  trainable_layers: Layer_Dense[] = [];
  accumulated_sum = 0;
  accumulated_count = 0;

  /** One loss per sample. */
  abstract forward(y_pred: NDArray, y_true: NDArray): NDArray;
  abstract backward(dvalues: NDArray, y_true: NDArray): void;
  dinputs!: NDArray;

  /** Chapter 18: the model tells the loss which layers carry regularization. */
  remember_trainable_layers(trainable_layers: Layer_Dense[]): void {
    this.trainable_layers = trainable_layers;
  }

  /**
   * The penalty λ₁·Σ|w| + λ₂·Σw² (and the same for biases): of one layer, as in chapter 14
   * (`loss_function.regularization_loss(dense1)`), or of every remembered layer, as in chapter 18.
   */
  regularization_loss(layer?: Layer_Dense): number {
    if (layer === undefined) {
      let total = 0;
      for (const each of this.trainable_layers) total = asScalar(each.weights.dtype, total + this.regularization_loss(each));
      return total;
    }
    // In NumPy these are float32 scalars when the parameters are float32: keep that rounding.
    const dtype = layer.weights.dtype;
    let regularization_loss = 0;
    const add = (factor: number, penalty: number) => {
      regularization_loss = asScalar(dtype, regularization_loss + asScalar(dtype, asScalar(dtype, factor) * penalty));
    };
    // L1 sums magnitudes, L2 sums squares (punishing large parameters more).
    if (layer.weight_regularizer_l1 > 0) add(layer.weight_regularizer_l1, np.sum(np.abs(layer.weights)));
    if (layer.weight_regularizer_l2 > 0) add(layer.weight_regularizer_l2, np.sum(np.square(layer.weights)));
    if (layer.bias_regularizer_l1 > 0) add(layer.bias_regularizer_l1, np.sum(np.abs(layer.biases)));
    if (layer.bias_regularizer_l2 > 0) add(layer.bias_regularizer_l2, np.sum(np.square(layer.biases)));
    return regularization_loss;
  }

  /**
   * The mean loss over the batch (and, from chapter 18, with `{ include_regularization: true }`,
   * also the regularization loss: `[data_loss, regularization_loss]`). Adds the batch to the
   * running totals that calculate_accumulated reads (chapter 19).
   */
  calculate(output: NDArray, y: NDArray): number;
  calculate(output: NDArray, y: NDArray, options: { include_regularization: true }): [number, number];
  calculate(output: NDArray, y: NDArray, options?: { include_regularization?: boolean }): number | [number, number];
  calculate(output: NDArray, y: NDArray, options: { include_regularization?: boolean } = {}): number | [number, number] {
    const sample_losses = this.forward(output, y);
    const data_loss = np.mean(sample_losses);
    this.accumulate(sample_losses.dtype, np.sum(sample_losses), sample_losses.shape[0]);
    return options.include_regularization ? [data_loss, this.regularization_loss()] : data_loss;
  }

  /** The mean loss over every batch since new_pass() (chapter 19). */
  calculate_accumulated(): number;
  calculate_accumulated(options: { include_regularization: true }): [number, number];
  calculate_accumulated(options?: { include_regularization?: boolean }): number | [number, number];
  calculate_accumulated(options: { include_regularization?: boolean } = {}): number | [number, number] {
    const data_loss = asScalar(this.accumulatedDtype, this.accumulated_sum / this.accumulated_count);
    return options.include_regularization ? [data_loss, this.regularization_loss()] : data_loss;
  }

  new_pass(): void {
    this.accumulated_sum = 0;
    this.accumulated_count = 0;
  }

  // The running sum is a NumPy scalar of the losses' dtype in the book; keep its rounding.
  private accumulatedDtype: DType = "float64";

  private accumulate(dtype: DType, sum: number, count: number): void {
    this.accumulatedDtype = dtype;
    this.accumulated_sum = asScalar(dtype, this.accumulated_sum + sum);
    this.accumulated_count += count;
  }
}

/** -log of the confidence given to the correct class; labels sparse (1-D) or one-hot (2-D). */
export class Loss_CategoricalCrossentropy extends Loss {
  forward(y_pred: NDArray, y_true: NDArray): NDArray {
    const samples = y_pred.shape[0];
    // Clip both ends: log(0) is -inf, and clipping only the bottom would bias the mean.
    const y_pred_clipped = np.clip(y_pred, 1e-7, 1 - 1e-7);
    const correct_confidences = y_true.ndim === 1
      ? y_pred_clipped.get(np.arange(samples), y_true)
      : np.sum(np.multiply(y_pred_clipped, y_true), { axis: 1 });
    return np.negative(np.log(correct_confidences));
  }

  backward(dvalues: NDArray, y_true: NDArray): void {
    const samples = dvalues.shape[0];
    const labels = dvalues.shape[1];
    // Sparse labels become one-hot rows of the identity matrix.
    const one_hot = y_true.ndim === 1 ? np.eye(labels).get(y_true) : y_true;
    // d(-Σ y·log ŷ)/dŷ = -y/ŷ, averaged over the batch so the step size does not grow with it.
    this.dinputs = np.divide(np.divide(np.negative(one_hot), dvalues), samples);
  }
}

/**
 * Softmax followed by categorical cross-entropy. Their joint gradient simplifies to
 * (ŷ - y) / samples, much faster than going through the softmax Jacobian.
 */
export class Activation_Softmax_Loss_CategoricalCrossentropy {
  activation = new Activation_Softmax();
  loss = new Loss_CategoricalCrossentropy();
  output!: NDArray;
  dinputs!: NDArray;

  /** Softmax of the inputs (kept in `output`); returns the mean loss. */
  forward(inputs: NDArray, y_true: NDArray): number {
    this.activation.forward(inputs);
    this.output = this.activation.output;
    return this.loss.calculate(this.output, y_true);
  }

  backward(dvalues: NDArray, y_true: NDArray): void {
    const samples = dvalues.shape[0];
    const labels = y_true.ndim === 2 ? np.argmax(y_true, { axis: 1 }) : y_true;
    const rows = np.arange(samples);
    this.dinputs = dvalues.copy();
    // ŷ - y: one-hot y is 1 only at each sample's correct class.
    this.dinputs.set([rows, labels], np.subtract(this.dinputs.get(rows, labels), 1));
    this.dinputs = np.divide(this.dinputs, samples);
  }
}

/** Chapter 16: independent yes/no outputs, each a sigmoid's probability. */
export class Loss_BinaryCrossentropy extends Loss {
  forward(y_pred: NDArray, y_true: NDArray): NDArray {
    const y_pred_clipped = np.clip(y_pred, 1e-7, 1 - 1e-7);
    const sample_losses = np.negative(np.add(
      np.multiply(y_true, np.log(y_pred_clipped)),
      np.multiply(np.subtract(1, y_true), np.log(np.subtract(1, y_pred_clipped))),
    ));
    // One loss per sample: the mean over its outputs.
    return np.mean(sample_losses, { axis: -1 });
  }

  backward(dvalues: NDArray, y_true: NDArray): void {
    const samples = dvalues.shape[0];
    const outputs = dvalues.shape[1];
    const clipped_dvalues = np.clip(dvalues, 1e-7, 1 - 1e-7);
    const gradient = np.negative(np.subtract(
      np.divide(y_true, clipped_dvalues),
      np.divide(np.subtract(1, y_true), np.subtract(1, clipped_dvalues)),
    ));
    // Averaged over outputs (forward's mean) and over samples.
    this.dinputs = np.divide(np.divide(gradient, outputs), samples);
  }
}

/** Chapter 17 (L2 loss): the mean squared difference. */
export class Loss_MeanSquaredError extends Loss {
  forward(y_pred: NDArray, y_true: NDArray): NDArray {
    return np.mean(np.square(np.subtract(y_true, y_pred)), { axis: -1 });
  }

  backward(dvalues: NDArray, y_true: NDArray): void {
    const samples = dvalues.shape[0];
    const outputs = dvalues.shape[1];
    // d(y - ŷ)²/dŷ = -2(y - ŷ)
    this.dinputs = np.divide(np.divide(np.multiply(-2, np.subtract(y_true, dvalues)), outputs), samples);
  }
}

/** Chapter 17 (L1 loss): the mean absolute difference. */
export class Loss_MeanAbsoluteError extends Loss {
  forward(y_pred: NDArray, y_true: NDArray): NDArray {
    return np.mean(np.abs(np.subtract(y_true, y_pred)), { axis: -1 });
  }

  backward(dvalues: NDArray, y_true: NDArray): void {
    const samples = dvalues.shape[0];
    const outputs = dvalues.shape[1];
    // d|y - ŷ|/dŷ = -sign(y - ŷ) = sign(ŷ - y). The book's listing has sign(y - ŷ), the
    // gradient's negative: with it, gradient descent would climb the loss (the gradient check catches it).
    this.dinputs = np.divide(np.divide(np.sign(np.subtract(dvalues, y_true)), outputs), samples);
  }
}
