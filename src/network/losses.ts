// Losses (chapters 5, 9, 14, 16, 17, 19): forward gives one loss per sample, backward the
// gradient of the mean loss with respect to the predictions.
import * as np from "../np";
import type { NDArray } from "../np/core";
import type { DType } from "../np/dtype";
import { checkKeywords, describe } from "../np/keywords";
import { Activation_Softmax } from "./activations";
import type { TrainableLayer } from "./layers";
import { checkClassTargets, checkSameShape } from "./targets";

/** Loss.calculate's and calculate_accumulated's keyword argument. */
export interface CalculateOptions {
  /** Also return the regularization loss: `[data_loss, regularization_loss]` (default false). */
  include_regularization?: boolean;
}

/**
 * NumPy's scalars keep their array's dtype: np.sum of float32 values is an np.float32, a Python
 * number meeting one is converted to float32 first (NEP 50), and the result is rounded to float32.
 * A JS number is a double, so the book's running sum and regularization loss do their arithmetic
 * through `scalars(dtype)`, which rounds the same way; the printed digits then stay NumPy's.
 */
function scalars(dtype: DType) {
  const round = dtype === "float32" ? Math.fround : (x: number) => x;
  return {
    add: (a: number, b: number) => round(round(a) + round(b)),
    multiply: (a: number, b: number) => round(round(a) * round(b)),
    divide: (a: number, b: number) => round(round(a) / round(b)),
  };
}

/** The base of every loss: the mean over samples, running totals and regularization. */
export abstract class Loss {
  trainable_layers: TrainableLayer[] = [];
  accumulated_sum = 0;
  accumulated_count = 0;
  dinputs!: NDArray;
  /** The dtype of the losses the running sum adds up. */
  #losses_dtype: DType = "float64";

  /** One loss per sample. */
  abstract forward(y_pred: NDArray, y_true: NDArray): NDArray;
  /** The gradient of the mean loss with respect to the predictions, into dinputs. */
  abstract backward(dvalues: NDArray, y_true: NDArray): void;

  /**
   * The penalty λ₁·Σ|w| + λ₂·Σw² (and the same for biases) of one layer, as chapter 14 asks
   * (`loss_function.regularization_loss(dense1)`), or of every remembered layer, as chapter 18 does.
   */
  regularization_loss(layer?: TrainableLayer): number {
    let regularization_loss = 0;
    for (const each of layer === undefined ? this.trainable_layers : [layer]) {
      // The book's AttributeError, said in full: an activation or dropout has no penalty to add.
      if (each?.weights === undefined) {
        throw new TypeError(`regularization_loss: ${describe(each)} has no weights; pass a layer with parameters, such as a Layer_Dense`);
      }
      const { add, multiply } = scalars(each.weights.dtype);
      // A layer of your own may have no regularizers: they count as 0.
      const { weight_regularizer_l1 = 0, weight_regularizer_l2 = 0, bias_regularizer_l1 = 0, bias_regularizer_l2 = 0 } = each;
      // L1 sums magnitudes, L2 sums squares (punishing large parameters more).
      if (weight_regularizer_l1 > 0) {
        regularization_loss = add(regularization_loss, multiply(weight_regularizer_l1, np.sum(np.abs(each.weights))));
      }
      if (weight_regularizer_l2 > 0) {
        regularization_loss = add(regularization_loss, multiply(weight_regularizer_l2, np.sum(np.square(each.weights))));
      }
      if (bias_regularizer_l1 > 0) {
        regularization_loss = add(regularization_loss, multiply(bias_regularizer_l1, np.sum(np.abs(each.biases))));
      }
      if (bias_regularizer_l2 > 0) {
        regularization_loss = add(regularization_loss, multiply(bias_regularizer_l2, np.sum(np.square(each.biases))));
      }
    }
    return regularization_loss;
  }

  /** Chapter 18: the model tells the loss which layers carry regularization. */
  remember_trainable_layers(trainable_layers: TrainableLayer[]): void {
    this.trainable_layers = trainable_layers;
  }

  /**
   * The mean loss over the batch; with `{ include_regularization: true }` (chapter 18),
   * `[data_loss, regularization_loss]`. Adds the batch to the running totals (chapter 19).
   */
  calculate(output: NDArray, y: NDArray): number;
  calculate(output: NDArray, y: NDArray, options: { include_regularization: true }): [number, number];
  calculate(output: NDArray, y: NDArray, options?: CalculateOptions): number | [number, number];
  calculate(output: NDArray, y: NDArray, options: CalculateOptions = {}): number | [number, number] {
    checkKeywords("Loss.calculate", options, ["include_regularization"]);
    const sample_losses = this.forward(output, y);
    const data_loss = np.mean(sample_losses);
    this.#losses_dtype = sample_losses.dtype;
    this.accumulated_sum = scalars(sample_losses.dtype).add(this.accumulated_sum, np.sum(sample_losses));
    this.accumulated_count += sample_losses.shape[0];
    return options.include_regularization ? [data_loss, this.regularization_loss()] : data_loss;
  }

  /** The mean loss over every batch since new_pass() (chapter 19); options as calculate's. */
  calculate_accumulated(): number;
  calculate_accumulated(options: { include_regularization: true }): [number, number];
  calculate_accumulated(options?: CalculateOptions): number | [number, number];
  calculate_accumulated(options: CalculateOptions = {}): number | [number, number] {
    checkKeywords("Loss.calculate_accumulated", options, ["include_regularization"]);
    // Python's ZeroDivisionError, not a NaN loss printed as nan.
    if (this.accumulated_count === 0) throw new Error("Loss.calculate_accumulated: division by zero: no samples since new_pass(); call calculate first");
    const data_loss = scalars(this.#losses_dtype).divide(this.accumulated_sum, this.accumulated_count);
    return options.include_regularization ? [data_loss, this.regularization_loss()] : data_loss;
  }

  /** Starts a new pass (epoch): resets the running totals. */
  new_pass(): void {
    this.accumulated_sum = 0;
    this.accumulated_count = 0;
  }
}

/** -log of the confidence given to the correct class; labels sparse (1-D) or one-hot (2-D). */
export class Loss_CategoricalCrossentropy extends Loss {
  /** -log(ŷ of the correct class) per sample. */
  forward(y_pred: NDArray, y_true: NDArray): NDArray {
    checkClassTargets("Loss_CategoricalCrossentropy.forward", y_pred, y_true);
    const samples = y_pred.shape[0];
    // Clip both ends: log(0) is -inf, and clipping only the bottom would bias the mean.
    const y_pred_clipped = np.clip(y_pred, 1e-7, 1 - 1e-7);
    const correct_confidences = y_true.ndim === 1
      ? y_pred_clipped.get(np.arange(samples), y_true)
      : np.sum(np.multiply(y_pred_clipped, y_true), { axis: 1 });
    return np.negative(np.log(correct_confidences));
  }

  /** -y / ŷ over samples, into dinputs. */
  backward(dvalues: NDArray, y_true: NDArray): void {
    checkClassTargets("Loss_CategoricalCrossentropy.backward", dvalues, y_true);
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

  /** (ŷ - y) / samples, into dinputs: the gradient of both at once. */
  backward(dvalues: NDArray, y_true: NDArray): void {
    checkClassTargets("Activation_Softmax_Loss_CategoricalCrossentropy.backward", dvalues, y_true);
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
  /** -(y·log ŷ + (1 - y)·log(1 - ŷ)), averaged over each sample's outputs. */
  forward(y_pred: NDArray, y_true: NDArray): NDArray {
    checkSameShape("Loss_BinaryCrossentropy.forward", y_pred, y_true);
    const y_pred_clipped = np.clip(y_pred, 1e-7, 1 - 1e-7);
    const sample_losses = np.negative(np.add(
      np.multiply(y_true, np.log(y_pred_clipped)),
      np.multiply(np.subtract(1, y_true), np.log(np.subtract(1, y_pred_clipped))),
    ));
    // One loss per sample: the mean over its outputs.
    return np.mean(sample_losses, { axis: -1 });
  }

  /** -(y/ŷ - (1 - y)/(1 - ŷ)) over outputs and samples, into dinputs. */
  backward(dvalues: NDArray, y_true: NDArray): void {
    checkSameShape("Loss_BinaryCrossentropy.backward", dvalues, y_true);
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
  /** (y - ŷ)², averaged over each sample's outputs. */
  forward(y_pred: NDArray, y_true: NDArray): NDArray {
    checkSameShape("Loss_MeanSquaredError.forward", y_pred, y_true);
    return np.mean(np.square(np.subtract(y_true, y_pred)), { axis: -1 });
  }

  /** -2(y - ŷ) over outputs and samples, into dinputs. */
  backward(dvalues: NDArray, y_true: NDArray): void {
    checkSameShape("Loss_MeanSquaredError.backward", dvalues, y_true);
    const samples = dvalues.shape[0];
    const outputs = dvalues.shape[1];
    // d(y - ŷ)²/dŷ = -2(y - ŷ)
    this.dinputs = np.divide(np.divide(np.multiply(-2, np.subtract(y_true, dvalues)), outputs), samples);
  }
}

/** Chapter 17 (L1 loss): the mean absolute difference. */
export class Loss_MeanAbsoluteError extends Loss {
  /** |y - ŷ|, averaged over each sample's outputs. */
  forward(y_pred: NDArray, y_true: NDArray): NDArray {
    checkSameShape("Loss_MeanAbsoluteError.forward", y_pred, y_true);
    return np.mean(np.abs(np.subtract(y_true, y_pred)), { axis: -1 });
  }

  /** sign(ŷ - y) over outputs and samples, into dinputs. */
  backward(dvalues: NDArray, y_true: NDArray): void {
    checkSameShape("Loss_MeanAbsoluteError.backward", dvalues, y_true);
    const samples = dvalues.shape[0];
    const outputs = dvalues.shape[1];
    // d|y - ŷ|/dŷ = -sign(y - ŷ) = sign(ŷ - y). The book's listing has sign(y - ŷ), the
    // gradient's negative: with it, gradient descent would climb the loss (the gradient check catches it).
    this.dinputs = np.divide(np.divide(np.sign(np.subtract(dvalues, y_true)), outputs), samples);
  }
}
