// The book's layers: dense (chapters 3, 9, 14), dropout (chapter 15) and the model's
// input layer (chapter 18). Each keeps what its backward pass needs from its forward pass.
import * as np from "../np";
import type { NDArray } from "../np/core";
import { bindArguments, PythonArgs } from "./arguments";
import { iadd } from "./inplace";

export interface DenseParameters {
  n_inputs: number | undefined;
  n_neurons: number | undefined;
  weight_regularizer_l1: number;
  weight_regularizer_l2: number;
  bias_regularizer_l1: number;
  bias_regularizer_l2: number;
}

/**
 * A fully connected layer: output = inputs · weights + biases.
 * `new Layer_Dense(2, 64)`, `new Layer_Dense(2, 64, { weight_regularizer_l2: 5e-4, bias_regularizer_l2: 5e-4 })`.
 *
 * Weights start at 0.01·randn (float32 after nnfs.init()). Chapter 17 starts them at 0.1·randn
 * by editing this line in the book; a notebook replaces them right after construction instead:
 * `dense1.weights = np.multiply(0.1, np.random.randn(1, 64))`.
 */
export class Layer_Dense {
  weights: NDArray;
  biases: NDArray;
  weight_regularizer_l1: number;
  weight_regularizer_l2: number;
  bias_regularizer_l1: number;
  bias_regularizer_l2: number;

  inputs!: NDArray;
  output!: NDArray;
  dweights!: NDArray;
  dbiases!: NDArray;
  dinputs!: NDArray;

  // Optimizer state: the optimizers create these on their first update, as the book's do.
  weight_momentums?: NDArray;
  bias_momentums?: NDArray;
  weight_cache?: NDArray;
  bias_cache?: NDArray;

  constructor(...args: PythonArgs<DenseParameters>) {
    const p = bindArguments<DenseParameters>("Layer_Dense", {
      n_inputs: undefined,
      n_neurons: undefined,
      weight_regularizer_l1: 0,
      weight_regularizer_l2: 0,
      bias_regularizer_l1: 0,
      bias_regularizer_l2: 0,
    }, args);
    // Shaped (inputs, neurons) so forward needs no transpose.
    this.weights = np.multiply(0.01, np.random.randn(p.n_inputs, p.n_neurons) as NDArray);
    this.biases = np.zeros([1, p.n_neurons]);
    this.weight_regularizer_l1 = p.weight_regularizer_l1;
    this.weight_regularizer_l2 = p.weight_regularizer_l2;
    this.bias_regularizer_l1 = p.bias_regularizer_l1;
    this.bias_regularizer_l2 = p.bias_regularizer_l2;
  }

  forward(inputs: NDArray, _training?: boolean): void {
    this.inputs = inputs;
    this.output = np.add(np.dot(inputs, this.weights), this.biases);
  }

  backward(dvalues: NDArray): void {
    // Each weight's gradient sums its input times the upstream gradient over the batch.
    this.dweights = np.dot(this.inputs.T, dvalues);
    this.dbiases = np.sum(dvalues, { axis: 0, keepdims: true });

    // Regularization adds its own gradient: L1's is the sign (1 at 0), L2's is 2·λ·w.
    if (this.weight_regularizer_l1 > 0) {
      this.dweights = iadd(this.dweights, np.multiply(this.weight_regularizer_l1, l1Gradient(this.weights)));
    }
    if (this.weight_regularizer_l2 > 0) {
      this.dweights = iadd(this.dweights, np.multiply(2 * this.weight_regularizer_l2, this.weights));
    }
    if (this.bias_regularizer_l1 > 0) {
      this.dbiases = iadd(this.dbiases, np.multiply(this.bias_regularizer_l1, l1Gradient(this.biases)));
    }
    if (this.bias_regularizer_l2 > 0) {
      this.dbiases = iadd(this.dbiases, np.multiply(2 * this.bias_regularizer_l2, this.biases));
    }

    // Each input's gradient goes back through the weights it met.
    this.dinputs = np.dot(dvalues, this.weights.T);
  }
}

/** d|w|/dw as the book takes it: 1, or -1 where w < 0. */
function l1Gradient(values: NDArray): NDArray {
  const dL1 = np.ones_like(values);
  dL1.set([np.less(values, 0)], -1);
  return dL1;
}

/**
 * Dropout: during training, zeroes each input with probability `rate` and scales the
 * survivors by 1/(1 - rate), so the layer's expected output does not change.
 * `rate` is stored as the keep rate (1 - rate), as in the book.
 */
export class Layer_Dropout {
  rate: number;
  inputs!: NDArray;
  binary_mask!: NDArray;
  output!: NDArray;
  dinputs!: NDArray;

  constructor(rate: number) {
    this.rate = 1 - rate;
  }

  /** `training` defaults to true: chapter 15 calls forward(inputs) and means training. */
  forward(inputs: NDArray, training = true): void {
    this.inputs = inputs;
    if (!training) {
      this.output = inputs.copy();
      return;
    }
    // The same binomial draws as NumPy's, so a seeded run drops the same neurons.
    this.binary_mask = np.divide(np.random.binomial(1, this.rate, inputs.shape) as NDArray, this.rate);
    this.output = np.multiply(inputs, this.binary_mask);
  }

  backward(dvalues: NDArray): void {
    // Dropped inputs had no effect on the output, so they get no gradient.
    this.dinputs = np.multiply(dvalues, this.binary_mask);
  }
}

/** The model's first layer (chapter 18): passes the training data on unchanged. */
export class Layer_Input {
  output!: NDArray;

  forward(inputs: NDArray, _training?: boolean): void {
    this.output = inputs;
  }
}
