// Activation functions (chapter 4), their derivatives (chapters 9, 16, 17) and the
// predictions each output layer implies (chapter 18). Step, tanh, leaky ReLU and swish
// are the ones the learners' notebooks discuss beside the book's.
//
// forward(inputs, training?) keeps what backward needs; backward(dvalues) multiplies the
// upstream gradient by the function's derivative (the chain rule) into dinputs.
import * as np from "../np";
import type { NDArray } from "../np/core";
import { keywordsOf } from "../np/keywords";
import { afterForward } from "./forward-first";

/** ReLU: max(0, x). Its derivative is 1 for x > 0 and 0 otherwise (0 at x = 0, as the book takes it). */
export class Activation_ReLU {
  inputs!: NDArray;
  output!: NDArray;
  dinputs!: NDArray;

  /** max(0, inputs). */
  forward(inputs: NDArray, training?: boolean): void {
    this.inputs = inputs;
    this.output = np.maximum(0, inputs);
  }

  /** dvalues where the input was positive, else 0. */
  backward(dvalues: NDArray): void {
    afterForward(this, this.inputs);
    this.dinputs = dvalues.copy();
    this.dinputs.set([np.less_equal(this.inputs, 0)], 0);
  }

  /** The outputs themselves (ReLU is not an output activation). */
  predictions(outputs: NDArray): NDArray {
    return outputs;
  }
}

/** Softmax: each row exponentiated and normalized into a probability distribution. */
export class Activation_Softmax {
  inputs!: NDArray;
  output!: NDArray;
  dinputs!: NDArray;

  /** Each row's probabilities: exp(x - max) over its sum. */
  forward(inputs: NDArray, training?: boolean): void {
    this.inputs = inputs;
    // Subtracting each row's max keeps exp from overflowing and leaves the result unchanged.
    const exp_values = np.exp(np.subtract(inputs, np.max(inputs, { axis: 1, keepdims: true })));
    this.output = np.divide(exp_values, np.sum(exp_values, { axis: 1, keepdims: true }));
  }

  /** dvalues through each row's Jacobian. */
  backward(dvalues: NDArray): void {
    afterForward(this, this.output);
    // Every output of a row depends on every input of that row: per sample, the
    // Jacobian is diag(s) - s·sᵀ, and the gradient is that Jacobian times the row's dvalues.
    this.dinputs = np.empty_like(dvalues);
    for (let index = 0; index < dvalues.shape[0]; index++) {
      const single_output = this.output.get(index).reshape(-1, 1);
      const jacobian_matrix = np.subtract(np.diagflat(single_output), np.dot(single_output, single_output.T));
      this.dinputs.set([index], np.dot(jacobian_matrix, dvalues.get(index)));
    }
  }

  /** The class with the highest confidence in each row. */
  predictions(outputs: NDArray): NDArray {
    return np.argmax(outputs, { axis: 1 });
  }
}

/** σ(x) = 1 / (1 + e^-x) */
function sigmoid(x: NDArray): NDArray {
  return np.divide(1, np.add(1, np.exp(np.negative(x))));
}

/** Sigmoid: σ(x), squashing into (0, 1). Its derivative is σ(x)·(1 - σ(x)). */
export class Activation_Sigmoid {
  inputs!: NDArray;
  output!: NDArray;
  dinputs!: NDArray;

  /** σ(inputs). */
  forward(inputs: NDArray, training?: boolean): void {
    this.inputs = inputs;
    this.output = sigmoid(inputs);
  }

  /** dvalues · σ·(1 - σ). */
  backward(dvalues: NDArray): void {
    afterForward(this, this.output);
    this.dinputs = np.multiply(np.multiply(dvalues, np.subtract(1, this.output)), this.output);
  }

  /** 1 where the output says "yes" (above 0.5), else 0. */
  predictions(outputs: NDArray): NDArray {
    return np.multiply(np.greater(outputs, 0.5), 1);
  }
}

/** Linear (identity), the regression output of chapter 17. Its derivative is 1. */
export class Activation_Linear {
  inputs!: NDArray;
  output!: NDArray;
  dinputs!: NDArray;

  /** output = inputs. */
  forward(inputs: NDArray, training?: boolean): void {
    this.inputs = inputs;
    this.output = inputs;
  }

  /** dinputs = dvalues. */
  backward(dvalues: NDArray): void {
    this.dinputs = dvalues.copy();
  }

  /** The outputs themselves: a regression predicts the values. */
  predictions(outputs: NDArray): NDArray {
    return outputs;
  }
}

/**
 * Step: 1 where x > 0, else 0 (in the input's dtype, so a float32 network stays float32).
 * Its derivative is 0 everywhere it exists (it is undefined at 0), so backward passes no
 * gradient at all: dinputs is zeros. That is why gradient descent cannot train a step network.
 */
export class Activation_Step {
  inputs!: NDArray;
  output!: NDArray;
  dinputs!: NDArray;

  /** 1 where inputs > 0, else 0. */
  forward(inputs: NDArray, training?: boolean): void {
    this.inputs = inputs;
    this.output = np.greater(inputs, 0).astype(inputs.dtype);
  }

  /** Zeros: the step passes no gradient. */
  backward(dvalues: NDArray): void {
    this.dinputs = np.zeros_like(dvalues);
  }

  predictions(outputs: NDArray): NDArray {
    return outputs;
  }
}

/** Tanh: (e^x - e^-x) / (e^x + e^-x), squashing into (-1, 1). Its derivative is 1 - tanh(x)². */
export class Activation_Tanh {
  inputs!: NDArray;
  output!: NDArray;
  dinputs!: NDArray;

  /** tanh(inputs). */
  forward(inputs: NDArray, training?: boolean): void {
    this.inputs = inputs;
    this.output = np.tanh(inputs);
  }

  /** dvalues · (1 - tanh²). */
  backward(dvalues: NDArray): void {
    afterForward(this, this.output);
    this.dinputs = np.multiply(dvalues, np.subtract(1, np.square(this.output)));
  }

  /** The outputs themselves. */
  predictions(outputs: NDArray): NDArray {
    return outputs;
  }
}

/** Activation_LeakyReLU's keyword argument. */
export interface LeakyReLUOptions {
  /** The slope for negative inputs (default 0.01). */
  alpha?: number;
}

/**
 * Leaky ReLU: x for x > 0, alpha·x otherwise, so negative inputs keep a small gradient and
 * a neuron cannot die. `new Activation_LeakyReLU()`, `(0.1)` or `({ alpha: 0.1 })`; alpha defaults to 0.01.
 */
export class Activation_LeakyReLU {
  alpha: number;
  inputs!: NDArray;
  output!: NDArray;
  dinputs!: NDArray;

  /** `new Activation_LeakyReLU()` or `(0.1)`: the slope for negative inputs, 0.01 by default. */
  constructor(alpha?: number);
  /** `new Activation_LeakyReLU({ alpha: 0.1 })` */
  constructor(options: LeakyReLUOptions);
  constructor(...args: unknown[]) {
    const { alpha = 0.01 } = keywordsOf<LeakyReLUOptions>("Activation_LeakyReLU", ["alpha"], args);
    // A NaN or infinite slope would turn every negative input into NaN.
    if (!Number.isFinite(alpha)) throw new RangeError(`Activation_LeakyReLU() argument 'alpha' must be a finite number, got ${alpha}`);
    this.alpha = alpha;
  }

  /** inputs where positive, alpha·inputs elsewhere. */
  forward(inputs: NDArray, training?: boolean): void {
    this.inputs = inputs;
    this.output = np.where(np.greater(inputs, 0), inputs, np.multiply(this.alpha, inputs));
  }

  /** dvalues where the input was positive, alpha·dvalues elsewhere. */
  backward(dvalues: NDArray): void {
    afterForward(this, this.inputs);
    // The derivative is 1 or alpha, chosen like ReLU's: x = 0 counts as negative.
    this.dinputs = np.where(np.greater(this.inputs, 0), dvalues, np.multiply(this.alpha, dvalues));
  }

  /** The outputs themselves. */
  predictions(outputs: NDArray): NDArray {
    return outputs;
  }
}

/**
 * Swish: x·σ(x). Smooth, unbounded above like ReLU, and slightly negative for x < 0.
 *
 * Derivative, with s = σ(x) and σ'(x) = s·(1 - s):
 *   d/dx [x·s] = s + x·s·(1 - s) = s + output·(1 - s),
 * so backward reuses the sigmoid and the output kept by forward.
 */
export class Activation_Swish {
  inputs!: NDArray;
  sigmoid!: NDArray;
  output!: NDArray;
  dinputs!: NDArray;

  /** inputs · σ(inputs). */
  forward(inputs: NDArray, training?: boolean): void {
    this.inputs = inputs;
    this.sigmoid = sigmoid(inputs);
    this.output = np.multiply(inputs, this.sigmoid);
  }

  /** dvalues · (σ + output·(1 - σ)). */
  backward(dvalues: NDArray): void {
    afterForward(this, this.sigmoid);
    const derivative = np.add(this.sigmoid, np.multiply(this.output, np.subtract(1, this.sigmoid)));
    this.dinputs = np.multiply(dvalues, derivative);
  }

  /** The outputs themselves. */
  predictions(outputs: NDArray): NDArray {
    return outputs;
  }
}
