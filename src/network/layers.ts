// The book's layers: dense (chapters 3, 9, 14, 21), dropout (chapter 15) and the model's
// input layer (chapter 18). Each keeps what its backward pass needs from its forward pass.
// Also the shapes of layer that the model, the optimizers and the losses rely on: any object
// of that shape works, a learner's own class included, as Python's duck typing lets it.
import * as np from "../np";
import { formatShape, type NDArray } from "../np/core";
import { keywordsOf, wholeNumber } from "../np/keywords";
import { checkHyperparameters } from "./hyperparameters";
import { afterForward } from "./forward-first";

/** What the model asks of every layer. finalize() sets prev and next. */
export interface ModelLayer {
  output: NDArray;
  dinputs: NDArray;
  forward(inputs: NDArray, training: boolean): void;
  backward(dvalues: NDArray): void;
  /** Output layers (activations) turn outputs into predictions. */
  predictions?(outputs: NDArray): NDArray;
  prev?: { output: NDArray };
  next?: { dinputs: NDArray };
}

/** A trainable layer's parameters, as get_parameters returns them: [weights, biases]. */
export type LayerParameters = [weights: NDArray, biases: NDArray];

/**
 * A layer with parameters, which the model trains (the book's `hasattr(layer, 'weights')`):
 * what an optimizer reads and writes, and what a loss's regularization reads.
 */
export interface TrainableLayer {
  weights: NDArray;
  biases: NDArray;
  dweights: NDArray;
  dbiases: NDArray;
  weight_regularizer_l1?: number;
  weight_regularizer_l2?: number;
  bias_regularizer_l1?: number;
  bias_regularizer_l2?: number;
  /** Optimizer state: each optimizer creates its arrays on its first update. */
  weight_momentums?: NDArray;
  bias_momentums?: NDArray;
  weight_cache?: NDArray;
  bias_cache?: NDArray;
  get_parameters?(): LayerParameters;
  set_parameters?(weights: NDArray, biases: NDArray): void;
}

/** Layer_Dense's regularization strengths, keyword arguments with the book's names (all 0 by default). */
export interface DenseOptions {
  /** L1 penalty on the weights: λ·Σ|w|. */
  weight_regularizer_l1?: number;
  /** L2 penalty on the weights: λ·Σw². */
  weight_regularizer_l2?: number;
  /** L1 penalty on the biases: λ·Σ|b|. */
  bias_regularizer_l1?: number;
  /** L2 penalty on the biases: λ·Σb². */
  bias_regularizer_l2?: number;
}

/** Layer_Dense's arguments all given as keywords. */
export interface DenseArguments extends DenseOptions {
  /** Number of inputs each neuron takes (the previous layer's neurons). */
  n_inputs: number;
  /** Number of neurons, so of outputs. */
  n_neurons: number;
}

const DENSE_PARAMETERS = [
  "n_inputs", "n_neurons", "weight_regularizer_l1", "weight_regularizer_l2", "bias_regularizer_l1", "bias_regularizer_l2",
] as const;

/**
 * A fully connected layer: output = inputs · weights + biases. Weights start at 0.01·randn
 * (float32 after nnfs.init()), biases at zero.
 *
 * Chapter 17 starts the weights at 0.1·randn by editing this line in the book; a notebook
 * replaces them right after construction instead:
 * `dense1.weights = np.multiply(0.1, np.random.randn(1, 64))`.
 */
export class Layer_Dense implements TrainableLayer {
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

  /** `new Layer_Dense(2, 64)`; the regularizers (default 0) may follow in the book's order. */
  constructor(n_inputs: number, n_neurons: number, weight_regularizer_l1?: number, weight_regularizer_l2?: number,
    bias_regularizer_l1?: number, bias_regularizer_l2?: number);
  /** `new Layer_Dense(2, 64, { weight_regularizer_l2: 5e-4, bias_regularizer_l2: 5e-4 })` */
  constructor(n_inputs: number, n_neurons: number, options: DenseOptions);
  /** `new Layer_Dense({ n_inputs: 2, n_neurons: 64, weight_regularizer_l2: 5e-4 })` */
  constructor(options: DenseArguments);
  constructor(...args: unknown[]) {
    const {
      n_inputs, n_neurons,
      weight_regularizer_l1 = 0, weight_regularizer_l2 = 0, bias_regularizer_l1 = 0, bias_regularizer_l2 = 0,
    } = keywordsOf<Partial<DenseArguments>>("Layer_Dense", DENSE_PARAMETERS, args);
    if (n_inputs === undefined) throw new TypeError("Layer_Dense() missing required argument: 'n_inputs'");
    if (n_neurons === undefined) throw new TypeError("Layer_Dense() missing required argument: 'n_neurons'");
    // 0 is allowed, as NumPy allows empty arrays: a model file's blank Layer_Dense(0, 0) draws no random numbers.
    wholeNumber("Layer_Dense() argument 'n_inputs'", n_inputs, 0);
    wholeNumber("Layer_Dense() argument 'n_neurons'", n_neurons, 0);
    checkHyperparameters("Layer_Dense", { weight_regularizer_l1, weight_regularizer_l2, bias_regularizer_l1, bias_regularizer_l2 });
    // Shaped (inputs, neurons) so forward needs no transpose.
    this.weights = np.multiply(0.01, np.random.randn(n_inputs, n_neurons) as NDArray);
    this.biases = np.zeros([1, n_neurons]);
    this.weight_regularizer_l1 = weight_regularizer_l1;
    this.weight_regularizer_l2 = weight_regularizer_l2;
    this.bias_regularizer_l1 = bias_regularizer_l1;
    this.bias_regularizer_l2 = bias_regularizer_l2;
  }

  /** output = inputs · weights + biases; keeps the inputs for backward. */
  forward(inputs: NDArray, training?: boolean): void {
    // np.dot would take a 3-D batch too, giving outputs backward cannot use.
    if (inputs?.ndim > 2) {
      throw new Error(`Layer_Dense.forward: inputs must be 2-D (samples, features), got shape ${formatShape(inputs.shape)}; ` +
        "flatten each sample first, as chapter 19 does: X.reshape(X.shape[0], -1)");
    }
    // Kept after the dot, so inputs it refuses (wrong width) leave the layer as it was.
    this.output = np.add(np.dot(inputs, this.weights), this.biases);
    this.inputs = inputs;
  }

  /** Gradients of the weights, biases (plus regularization) and inputs from the next layer's dvalues. */
  backward(dvalues: NDArray): void {
    this.parameterGradients(dvalues);
    // Each input's gradient goes back through the weights it met.
    this.dinputs = np.dot(dvalues, this.weights.T);
  }

  /**
   * backward without dinputs: the gradients the optimizer uses. Model.train stops here for the
   * first layer on all but its last step: that layer's dinputs, the gradient of the data itself,
   * is read by none of the library's parts (see Model.train).
   */
  parameterGradients(dvalues: NDArray): void {
    afterForward(this, this.inputs);
    // Each weight's gradient sums its input times the upstream gradient over the batch.
    this.dweights = np.dot(this.inputs.T, dvalues);
    this.dbiases = np.sum(dvalues, { axis: 0, keepdims: true });

    // Regularization adds its own gradient: L1's is the sign (1 at 0), L2's is 2·λ·w.
    // The book's `self.dweights += ...`, in place: np.add with out=.
    if (this.weight_regularizer_l1 > 0) {
      np.add(this.dweights, np.multiply(this.weight_regularizer_l1, l1Gradient(this.weights)), { out: this.dweights });
    }
    if (this.weight_regularizer_l2 > 0) {
      np.add(this.dweights, np.multiply(2 * this.weight_regularizer_l2, this.weights), { out: this.dweights });
    }
    if (this.bias_regularizer_l1 > 0) {
      np.add(this.dbiases, np.multiply(this.bias_regularizer_l1, l1Gradient(this.biases)), { out: this.dbiases });
    }
    if (this.bias_regularizer_l2 > 0) {
      np.add(this.dbiases, np.multiply(2 * this.bias_regularizer_l2, this.biases), { out: this.dbiases });
    }
  }

  /** [weights, biases] (chapter 21). */
  get_parameters(): LayerParameters {
    return [this.weights, this.biases];
  }

  /** Replaces the weights and biases (chapter 21). */
  set_parameters(weights: NDArray, biases: NDArray): void {
    this.weights = weights;
    this.biases = biases;
  }
}

/** d|w|/dw as the book takes it (its dL1): 1, or -1 where w < 0. */
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

  /** `new Layer_Dropout(0.1)`: drop 10% of the inputs. */
  constructor(rate: number);
  /** `new Layer_Dropout({ rate: 0.1 })` */
  constructor(options: { /** The share of inputs to drop. */ rate: number });
  constructor(...args: unknown[]) {
    const { rate } = keywordsOf<{ rate?: number }>("Layer_Dropout", ["rate"], args);
    if (rate === undefined) throw new TypeError("Layer_Dropout() missing required argument: 'rate'");
    // Dropping every input (rate 1) would divide by a keep rate of 0.
    if (!(rate >= 0 && rate < 1)) throw new RangeError(`Layer_Dropout() argument 'rate' must be in [0, 1), got ${rate}`);
    this.rate = 1 - rate;
  }

  /** Applies a fresh random mask when training (the default, as chapter 15 calls forward(inputs)); else passes inputs on. */
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

  /** Dropped inputs had no effect on the output, so they get no gradient: dvalues times the mask. */
  backward(dvalues: NDArray): void {
    afterForward(this, this.binary_mask);
    this.dinputs = np.multiply(dvalues, this.binary_mask);
  }
}

/** The model's first layer (chapter 18): passes the training data on unchanged. */
export class Layer_Input {
  output!: NDArray;

  /** output = inputs. */
  forward(inputs: NDArray, training?: boolean): void {
    this.output = inputs;
  }
}
