// Optimizers (chapter 10). Each step: pre_update_params() decays the learning rate,
// update_params(layer) moves each trainable layer against its gradients, and
// post_update_params() counts the step.
import * as np from "../np";
import type { NDArray } from "../np/core";
import { bindArguments, PythonArgs } from "./arguments";
import { iadd } from "./inplace";

/** What an optimizer reads and writes on a layer; the state arrays appear on first update. */
export interface TrainableLayer {
  weights: NDArray;
  biases: NDArray;
  dweights: NDArray;
  dbiases: NDArray;
  weight_momentums?: NDArray;
  bias_momentums?: NDArray;
  weight_cache?: NDArray;
  bias_cache?: NDArray;
}

/** The learning-rate schedule every optimizer shares: lr / (1 + decay·iterations). */
export abstract class Optimizer {
  learning_rate: number;
  current_learning_rate: number;
  decay: number;
  iterations = 0;

  constructor(learning_rate: number, decay: number) {
    this.learning_rate = learning_rate;
    this.current_learning_rate = learning_rate;
    this.decay = decay;
  }

  pre_update_params(): void {
    if (this.decay) {
      // The same float64 operations in the same order as the book, so `lr:` prints the same digits.
      this.current_learning_rate = this.learning_rate * (1 / (1 + this.decay * this.iterations));
    }
  }

  abstract update_params(layer: TrainableLayer): void;

  post_update_params(): void {
    this.iterations += 1;
  }
}

export interface SGDParameters { learning_rate: number; decay: number; momentum: number }

/**
 * Stochastic gradient descent: w -= lr·dw, or with momentum, a step that keeps
 * a fraction of the previous step (rolling past local minima).
 * `new Optimizer_SGD()`, `(0.85)`, `({ learning_rate: 1, decay: 1e-3, momentum: 0.9 })`.
 */
export class Optimizer_SGD extends Optimizer {
  momentum: number;

  constructor(...args: PythonArgs<SGDParameters>) {
    const p = bindArguments<SGDParameters>("Optimizer_SGD", { learning_rate: 1, decay: 0, momentum: 0 }, args);
    super(p.learning_rate, p.decay);
    this.momentum = p.momentum;
  }

  update_params(layer: TrainableLayer): void {
    let weight_updates: NDArray;
    let bias_updates: NDArray;
    if (this.momentum) {
      layer.weight_momentums ??= np.zeros_like(layer.weights);
      layer.bias_momentums ??= np.zeros_like(layer.biases);
      weight_updates = np.subtract(
        np.multiply(this.momentum, layer.weight_momentums),
        np.multiply(this.current_learning_rate, layer.dweights),
      );
      layer.weight_momentums = weight_updates;
      bias_updates = np.subtract(
        np.multiply(this.momentum, layer.bias_momentums),
        np.multiply(this.current_learning_rate, layer.dbiases),
      );
      layer.bias_momentums = bias_updates;
    } else {
      weight_updates = np.multiply(-this.current_learning_rate, layer.dweights);
      bias_updates = np.multiply(-this.current_learning_rate, layer.dbiases);
    }
    layer.weights = iadd(layer.weights, weight_updates);
    layer.biases = iadd(layer.biases, bias_updates);
  }
}

export interface AdagradParameters { learning_rate: number; decay: number; epsilon: number }

/**
 * Adagrad: each parameter's step is divided by the root of its summed squared gradients,
 * so often-updated parameters slow down.
 */
export class Optimizer_Adagrad extends Optimizer {
  epsilon: number;

  constructor(...args: PythonArgs<AdagradParameters>) {
    const p = bindArguments<AdagradParameters>("Optimizer_Adagrad", { learning_rate: 1, decay: 0, epsilon: 1e-7 }, args);
    super(p.learning_rate, p.decay);
    this.epsilon = p.epsilon;
  }

  update_params(layer: TrainableLayer): void {
    layer.weight_cache = iadd(layer.weight_cache ?? np.zeros_like(layer.weights), np.square(layer.dweights));
    layer.bias_cache = iadd(layer.bias_cache ?? np.zeros_like(layer.biases), np.square(layer.dbiases));
    layer.weights = iadd(layer.weights, normalizedStep(this, layer.dweights, layer.weight_cache));
    layer.biases = iadd(layer.biases, normalizedStep(this, layer.dbiases, layer.bias_cache));
  }
}

export interface RMSpropParameters { learning_rate: number; decay: number; epsilon: number; rho: number }

/** RMSprop: like Adagrad, but the cache is a moving average (decay rate rho), so steps never freeze. */
export class Optimizer_RMSprop extends Optimizer {
  epsilon: number;
  rho: number;

  constructor(...args: PythonArgs<RMSpropParameters>) {
    const p = bindArguments<RMSpropParameters>(
      "Optimizer_RMSprop", { learning_rate: 0.001, decay: 0, epsilon: 1e-7, rho: 0.9 }, args);
    super(p.learning_rate, p.decay);
    this.epsilon = p.epsilon;
    this.rho = p.rho;
  }

  update_params(layer: TrainableLayer): void {
    layer.weight_cache = this.movingAverage(layer.weight_cache ?? np.zeros_like(layer.weights), layer.dweights);
    layer.bias_cache = this.movingAverage(layer.bias_cache ?? np.zeros_like(layer.biases), layer.dbiases);
    layer.weights = iadd(layer.weights, normalizedStep(this, layer.dweights, layer.weight_cache));
    layer.biases = iadd(layer.biases, normalizedStep(this, layer.dbiases, layer.bias_cache));
  }

  /** rho·cache + (1 - rho)·gradient² */
  private movingAverage(cache: NDArray, gradient: NDArray): NDArray {
    return np.add(np.multiply(this.rho, cache), np.multiply(1 - this.rho, np.square(gradient)));
  }
}

export interface AdamParameters { learning_rate: number; decay: number; epsilon: number; beta_1: number; beta_2: number }

/**
 * Adam: RMSprop's cache plus SGD's momentum, both bias-corrected for their zero start
 * by 1 / (1 - β^step). The book's final chapter-10 choice: `new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-7 })`.
 */
export class Optimizer_Adam extends Optimizer {
  epsilon: number;
  beta_1: number;
  beta_2: number;

  constructor(...args: PythonArgs<AdamParameters>) {
    const p = bindArguments<AdamParameters>(
      "Optimizer_Adam", { learning_rate: 0.001, decay: 0, epsilon: 1e-7, beta_1: 0.9, beta_2: 0.999 }, args);
    super(p.learning_rate, p.decay);
    this.epsilon = p.epsilon;
    this.beta_1 = p.beta_1;
    this.beta_2 = p.beta_2;
  }

  update_params(layer: TrainableLayer): void {
    layer.weight_momentums = this.average(this.beta_1, layer.weight_momentums ?? np.zeros_like(layer.weights), layer.dweights);
    layer.bias_momentums = this.average(this.beta_1, layer.bias_momentums ?? np.zeros_like(layer.biases), layer.dbiases);
    const dweights_squared = np.square(layer.dweights);
    const dbiases_squared = np.square(layer.dbiases);
    layer.weight_cache = this.average(this.beta_2, layer.weight_cache ?? np.zeros_like(layer.weights), dweights_squared);
    layer.bias_cache = this.average(this.beta_2, layer.bias_cache ?? np.zeros_like(layer.biases), dbiases_squared);
    layer.weights = iadd(layer.weights, this.step(layer.weight_momentums, layer.weight_cache));
    layer.biases = iadd(layer.biases, this.step(layer.bias_momentums, layer.bias_cache));
  }

  /** β·average + (1 - β)·value */
  private average(beta: number, average: NDArray, value: NDArray): NDArray {
    return np.add(np.multiply(beta, average), np.multiply(1 - beta, value));
  }

  /** The adaptive step on the bias-corrected momentum m̂ and cache v̂. */
  private step(momentums: NDArray, cache: NDArray): NDArray {
    const momentums_corrected = np.divide(momentums, 1 - this.beta_1 ** (this.iterations + 1));
    const cache_corrected = np.divide(cache, 1 - this.beta_2 ** (this.iterations + 1));
    return normalizedStep(this, momentums_corrected, cache_corrected);
  }
}

/**
 * -lr·gradient / (√cache + ε): Adagrad, RMSprop and Adam scale each parameter's step by the
 * root of its recent squared gradients. ε keeps the division finite.
 */
function normalizedStep(optimizer: { current_learning_rate: number; epsilon: number }, gradient: NDArray, cache: NDArray): NDArray {
  return np.divide(
    np.multiply(-optimizer.current_learning_rate, gradient),
    np.add(np.sqrt(cache), optimizer.epsilon),
  );
}
