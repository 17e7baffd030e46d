// Activation functions (chapter 4), their derivatives (chapters 9, 16, 17) and the
// predictions each output layer implies (chapter 18). Step, tanh, leaky ReLU and swish
// are the ones the learners' notebooks discuss beside the book's.
//
// forward(inputs, training?) keeps what backward needs; backward(dvalues) multiplies the
// upstream gradient by the function's derivative (the chain rule) into dinputs.
import * as np from "../np";
import type { NDArray } from "../np/core";
import { bindArguments } from "./arguments";

/** ReLU: max(0, x). Its derivative is 1 for x > 0 and 0 otherwise (0 at x = 0, as the book takes it). */
export class Activation_ReLU {
  inputs!: NDArray;
  output!: NDArray;
  dinputs!: NDArray;

  forward(inputs: NDArray, _training?: boolean): void {
    this.inputs = inputs;
    this.output = np.maximum(0, inputs);
  }

  backward(dvalues: NDArray): void {
    this.dinputs = dvalues.copy();
    this.dinputs.set([np.less_equal(this.inputs, 0)], 0);
  }

  predictions(outputs: NDArray): NDArray {
    return outputs;
  }
}

/** Softmax: each row exponentiated and normalized into a probability distribution. */
export class Activation_Softmax {
  inputs!: NDArray;
  output!: NDArray;
  dinputs!: NDArray;

  forward(inputs: NDArray, _training?: boolean): void {
    this.inputs = inputs;
    // Subtracting each row's max keeps exp from overflowing and leaves the result unchanged.
    const exp_values = np.exp(np.subtract(inputs, np.max(inputs, { axis: 1, keepdims: true })));
    this.output = np.divide(exp_values, np.sum(exp_values, { axis: 1, keepdims: true }));
  }

  backward(dvalues: NDArray): void {
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

  forward(inputs: NDArray, _training?: boolean): void {
    this.inputs = inputs;
    this.output = sigmoid(inputs);
  }

  backward(dvalues: NDArray): void {
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

  forward(inputs: NDArray, _training?: boolean): void {
    this.inputs = inputs;
    this.output = inputs;
  }

  backward(dvalues: NDArray): void {
    this.dinputs = dvalues.copy();
  }

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

  forward(inputs: NDArray, _training?: boolean): void {
    this.inputs = inputs;
    this.output = np.greater(inputs, 0).astype(inputs.dtype);
  }

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

  forward(inputs: NDArray, _training?: boolean): void {
    this.inputs = inputs;
    this.output = np.tanh(inputs);
  }

  backward(dvalues: NDArray): void {
    this.dinputs = np.multiply(dvalues, np.subtract(1, np.square(this.output)));
  }

  predictions(outputs: NDArray): NDArray {
    return outputs;
  }
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

  constructor(...args: (number | { alpha?: number })[]) {
    this.alpha = bindArguments("Activation_LeakyReLU", { alpha: 0.01 }, args).alpha;
  }

  forward(inputs: NDArray, _training?: boolean): void {
    this.inputs = inputs;
    this.output = np.where(np.greater(inputs, 0), inputs, np.multiply(this.alpha, inputs));
  }

  backward(dvalues: NDArray): void {
    // The derivative is 1 or alpha, chosen like ReLU's: x = 0 counts as negative.
    this.dinputs = np.where(np.greater(this.inputs, 0), dvalues, np.multiply(this.alpha, dvalues));
  }

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

  forward(inputs: NDArray, _training?: boolean): void {
    this.inputs = inputs;
    this.sigmoid = sigmoid(inputs);
    this.output = np.multiply(inputs, this.sigmoid);
  }

  backward(dvalues: NDArray): void {
    const derivative = np.add(this.sigmoid, np.multiply(this.output, np.subtract(1, this.sigmoid)));
    this.dinputs = np.multiply(dvalues, derivative);
  }

  predictions(outputs: NDArray): NDArray {
    return outputs;
  }
}
