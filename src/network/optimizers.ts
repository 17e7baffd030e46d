// Optimizers (chapter 10), each a class of its own as in the book. Every step of training calls
// pre_update_params() (decay the learning rate), update_params(layer) for each trainable layer,
// then post_update_params() (count the step).
//
// The book's `layer.weights += update` is NumPy's in-place add, written here as
// `np.add(layer.weights, update, { out: layer.weights })`: the result is cast back into the
// weights' dtype (NumPy's same_kind casting), so float32 weights stay float32 even when a
// gradient arrives as float64, as chapter 17's float64 targets make dbiases.
import * as np from "../np";
import type { NDArray } from "../np/core";
import { allocateForKernel, sharesBytes } from "../np/memory";
import { native } from "../np/native";
import { keywordsOf } from "../np/keywords";
import { checkHyperparameters } from "./hyperparameters";
import { afterBackward } from "./forward-first";
import type { TrainableLayer } from "./layers";

/** What Model.train and a training loop ask of an optimizer: any of the four below, or one of your own. */
export interface Optimizer {
  learning_rate: number;
  current_learning_rate: number;
  decay: number;
  iterations: number;
  pre_update_params(): void;
  update_params(layer: TrainableLayer): void;
  post_update_params(): void;
}

/** Optimizer_SGD's keyword arguments. */
export interface SGDOptions {
  /** The step size before decay (default 1.0). */
  learning_rate?: number;
  /** Learning-rate decay: lr · 1 / (1 + decay · iterations) (default 0). */
  decay?: number;
  /** The share of the previous update kept in each new one (default 0: plain SGD). */
  momentum?: number;
}

/**
 * Stochastic gradient descent: w -= lr·dw, or with momentum, a step that keeps a fraction
 * of the previous step (rolling past local minima).
 */
export class Optimizer_SGD implements Optimizer {
  learning_rate: number;
  current_learning_rate: number;
  decay: number;
  iterations: number;
  momentum: number;

  /** `new Optimizer_SGD(learning_rate = 1, decay = 0, momentum = 0)`, positional in the book's order. */
  constructor(learning_rate?: number, decay?: number, momentum?: number);
  /** `new Optimizer_SGD(1, { decay: 1e-3, momentum: 0.9 })` */
  constructor(learning_rate: number, options: Omit<SGDOptions, "learning_rate">);
  /** `new Optimizer_SGD({ decay: 1e-3, momentum: 0.9 })` */
  constructor(options: SGDOptions);
  constructor(...args: unknown[]) {
    const { learning_rate = 1, decay = 0, momentum = 0 } =
      keywordsOf<SGDOptions>("Optimizer_SGD", ["learning_rate", "decay", "momentum"], args);
    checkHyperparameters("Optimizer_SGD", { learning_rate, decay, momentum });
    this.learning_rate = learning_rate;
    this.current_learning_rate = learning_rate;
    this.decay = decay;
    this.iterations = 0;
    this.momentum = momentum;
  }

  /** Before any update: current_learning_rate = learning_rate · 1 / (1 + decay · iterations). */
  pre_update_params(): void {
    if (this.decay) this.current_learning_rate = this.learning_rate * (1 / (1 + this.decay * this.iterations));
  }

  /** Moves the layer's weights and biases against their gradients. */
  update_params(layer: TrainableLayer): void {
    afterBackward(this, layer);
    let weight_updates: NDArray;
    let bias_updates: NDArray;
    if (this.momentum) {
      // The momentum arrays appear on the first update (the book's `if not hasattr(...)`).
      layer.weight_momentums ??= np.zeros_like(layer.weights);
      layer.bias_momentums ??= np.zeros_like(layer.biases);
      // momentum · previous update - lr · gradient
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
    np.add(layer.weights, weight_updates, { out: layer.weights });
    np.add(layer.biases, bias_updates, { out: layer.biases });
  }

  /** After every update: one more step done. */
  post_update_params(): void {
    this.iterations += 1;
  }
}

/** Optimizer_Adagrad's keyword arguments. */
export interface AdagradOptions {
  /** The step size before decay (default 1.0). */
  learning_rate?: number;
  /** Learning-rate decay: lr · 1 / (1 + decay · iterations) (default 0). */
  decay?: number;
  /** Keeps the division by the cache's root finite (default 1e-7). */
  epsilon?: number;
}

/**
 * Adagrad: each parameter's step is divided by the root of its summed squared gradients,
 * so often-updated parameters slow down.
 */
export class Optimizer_Adagrad implements Optimizer {
  learning_rate: number;
  current_learning_rate: number;
  decay: number;
  iterations: number;
  epsilon: number;

  /** `new Optimizer_Adagrad(learning_rate = 1, decay = 0, epsilon = 1e-7)`, positional in the book's order. */
  constructor(learning_rate?: number, decay?: number, epsilon?: number);
  /** `new Optimizer_Adagrad(1, { decay: 1e-4 })` */
  constructor(learning_rate: number, options: Omit<AdagradOptions, "learning_rate">);
  /** `new Optimizer_Adagrad({ decay: 1e-4 })` */
  constructor(options: AdagradOptions);
  constructor(...args: unknown[]) {
    const { learning_rate = 1, decay = 0, epsilon = 1e-7 } =
      keywordsOf<AdagradOptions>("Optimizer_Adagrad", ["learning_rate", "decay", "epsilon"], args);
    checkHyperparameters("Optimizer_Adagrad", { learning_rate, decay, epsilon });
    this.learning_rate = learning_rate;
    this.current_learning_rate = learning_rate;
    this.decay = decay;
    this.iterations = 0;
    this.epsilon = epsilon;
  }

  /** Before any update: current_learning_rate = learning_rate · 1 / (1 + decay · iterations). */
  pre_update_params(): void {
    if (this.decay) this.current_learning_rate = this.learning_rate * (1 / (1 + this.decay * this.iterations));
  }

  /** Adds the squared gradients to the cache, then steps by -lr · gradient / (√cache + ε). */
  update_params(layer: TrainableLayer): void {
    afterBackward(this, layer);
    layer.weight_cache ??= np.zeros_like(layer.weights);
    layer.bias_cache ??= np.zeros_like(layer.biases);
    np.add(layer.weight_cache, np.square(layer.dweights), { out: layer.weight_cache });
    np.add(layer.bias_cache, np.square(layer.dbiases), { out: layer.bias_cache });
    // w += -lr · dw / (√cache + ε)
    np.add(layer.weights, np.divide(np.multiply(-this.current_learning_rate, layer.dweights), np.add(np.sqrt(layer.weight_cache), this.epsilon)), { out: layer.weights });
    np.add(layer.biases, np.divide(np.multiply(-this.current_learning_rate, layer.dbiases), np.add(np.sqrt(layer.bias_cache), this.epsilon)), { out: layer.biases });
  }

  /** After every update: one more step done. */
  post_update_params(): void {
    this.iterations += 1;
  }
}

/** Optimizer_RMSprop's keyword arguments. */
export interface RMSpropOptions {
  /** The step size before decay (default 0.001). */
  learning_rate?: number;
  /** Learning-rate decay: lr · 1 / (1 + decay · iterations) (default 0). */
  decay?: number;
  /** Keeps the division by the cache's root finite (default 1e-7). */
  epsilon?: number;
  /** The cache's memory: cache = rho · cache + (1 - rho) · gradient² (default 0.9). */
  rho?: number;
}

/** RMSprop: like Adagrad, but the cache is a moving average (decay rate rho), so steps never freeze. */
export class Optimizer_RMSprop implements Optimizer {
  learning_rate: number;
  current_learning_rate: number;
  decay: number;
  iterations: number;
  epsilon: number;
  rho: number;

  /** `new Optimizer_RMSprop(learning_rate = 0.001, decay = 0, epsilon = 1e-7, rho = 0.9)`, positional in the book's order. */
  constructor(learning_rate?: number, decay?: number, epsilon?: number, rho?: number);
  /** `new Optimizer_RMSprop(0.02, { decay: 1e-5, rho: 0.999 })` */
  constructor(learning_rate: number, options: Omit<RMSpropOptions, "learning_rate">);
  /** `new Optimizer_RMSprop({ learning_rate: 0.02, decay: 1e-5, rho: 0.999 })` */
  constructor(options: RMSpropOptions);
  constructor(...args: unknown[]) {
    const { learning_rate = 0.001, decay = 0, epsilon = 1e-7, rho = 0.9 } =
      keywordsOf<RMSpropOptions>("Optimizer_RMSprop", ["learning_rate", "decay", "epsilon", "rho"], args);
    checkHyperparameters("Optimizer_RMSprop", { learning_rate, decay, epsilon, rho });
    this.learning_rate = learning_rate;
    this.current_learning_rate = learning_rate;
    this.decay = decay;
    this.iterations = 0;
    this.epsilon = epsilon;
    this.rho = rho;
  }

  /** Before any update: current_learning_rate = learning_rate · 1 / (1 + decay · iterations). */
  pre_update_params(): void {
    if (this.decay) this.current_learning_rate = this.learning_rate * (1 / (1 + this.decay * this.iterations));
  }

  /** Updates the cache's moving average, then steps by -lr · gradient / (√cache + ε). */
  update_params(layer: TrainableLayer): void {
    afterBackward(this, layer);
    layer.weight_cache ??= np.zeros_like(layer.weights);
    layer.bias_cache ??= np.zeros_like(layer.biases);
    layer.weight_cache = np.add(np.multiply(this.rho, layer.weight_cache), np.multiply(1 - this.rho, np.square(layer.dweights)));
    layer.bias_cache = np.add(np.multiply(this.rho, layer.bias_cache), np.multiply(1 - this.rho, np.square(layer.dbiases)));
    // w += -lr · dw / (√cache + ε)
    np.add(layer.weights, np.divide(np.multiply(-this.current_learning_rate, layer.dweights), np.add(np.sqrt(layer.weight_cache), this.epsilon)), { out: layer.weights });
    np.add(layer.biases, np.divide(np.multiply(-this.current_learning_rate, layer.dbiases), np.add(np.sqrt(layer.bias_cache), this.epsilon)), { out: layer.biases });
  }

  /** After every update: one more step done. */
  post_update_params(): void {
    this.iterations += 1;
  }
}

/** Optimizer_Adam's keyword arguments. */
export interface AdamOptions {
  /** The step size before decay (default 0.001). */
  learning_rate?: number;
  /** Learning-rate decay: lr · 1 / (1 + decay · iterations) (default 0). */
  decay?: number;
  /** Keeps the division by the cache's root finite (default 1e-7). */
  epsilon?: number;
  /** The momentum's memory: m = beta_1 · m + (1 - beta_1) · gradient (default 0.9). */
  beta_1?: number;
  /** The cache's memory: cache = beta_2 · cache + (1 - beta_2) · gradient² (default 0.999). */
  beta_2?: number;
}

/**
 * Adam: RMSprop's cache plus SGD's momentum, both corrected for their start at zero
 * by 1 / (1 - beta^step). Chapter 10 ends with `new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-7 })`.
 */
export class Optimizer_Adam implements Optimizer {
  learning_rate: number;
  current_learning_rate: number;
  decay: number;
  iterations: number;
  epsilon: number;
  beta_1: number;
  beta_2: number;

  /** `new Optimizer_Adam(learning_rate = 0.001, decay = 0, epsilon = 1e-7, beta_1 = 0.9, beta_2 = 0.999)`, positional in the book's order. */
  constructor(learning_rate?: number, decay?: number, epsilon?: number, beta_1?: number, beta_2?: number);
  /** `new Optimizer_Adam(0.05, { decay: 5e-7 })` */
  constructor(learning_rate: number, options: Omit<AdamOptions, "learning_rate">);
  /** `new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-7 })` */
  constructor(options: AdamOptions);
  constructor(...args: unknown[]) {
    const { learning_rate = 0.001, decay = 0, epsilon = 1e-7, beta_1 = 0.9, beta_2 = 0.999 } =
      keywordsOf<AdamOptions>("Optimizer_Adam", ["learning_rate", "decay", "epsilon", "beta_1", "beta_2"], args);
    checkHyperparameters("Optimizer_Adam", { learning_rate, decay, epsilon, beta_1, beta_2 });
    this.learning_rate = learning_rate;
    this.current_learning_rate = learning_rate;
    this.decay = decay;
    this.iterations = 0;
    this.epsilon = epsilon;
    this.beta_1 = beta_1;
    this.beta_2 = beta_2;
  }

  /** Before any update: current_learning_rate = learning_rate · 1 / (1 + decay · iterations). */
  pre_update_params(): void {
    if (this.decay) this.current_learning_rate = this.learning_rate * (1 / (1 + this.decay * this.iterations));
  }

  /** Updates momentum and cache, corrects both, then steps by -lr · m̂ / (√ĉ + ε). */
  update_params(layer: TrainableLayer): void {
    afterBackward(this, layer);
    layer.weight_momentums ??= np.zeros_like(layer.weights);
    layer.weight_cache ??= np.zeros_like(layer.weights);
    layer.bias_momentums ??= np.zeros_like(layer.biases);
    layer.bias_cache ??= np.zeros_like(layer.biases);
    if (adamInOnePass(this, layer)) return;

    // The momentum: beta_1 · m + (1 - beta_1) · gradient, corrected by 1 / (1 - beta_1^step).
    layer.weight_momentums = np.add(np.multiply(this.beta_1, layer.weight_momentums), np.multiply(1 - this.beta_1, layer.dweights));
    layer.bias_momentums = np.add(np.multiply(this.beta_1, layer.bias_momentums), np.multiply(1 - this.beta_1, layer.dbiases));
    const weight_momentums_corrected = np.divide(layer.weight_momentums, 1 - this.beta_1 ** (this.iterations + 1));
    const bias_momentums_corrected = np.divide(layer.bias_momentums, 1 - this.beta_1 ** (this.iterations + 1));

    // The cache: beta_2 · cache + (1 - beta_2) · gradient², corrected the same way.
    layer.weight_cache = np.add(np.multiply(this.beta_2, layer.weight_cache), np.multiply(1 - this.beta_2, np.square(layer.dweights)));
    layer.bias_cache = np.add(np.multiply(this.beta_2, layer.bias_cache), np.multiply(1 - this.beta_2, np.square(layer.dbiases)));
    const weight_cache_corrected = np.divide(layer.weight_cache, 1 - this.beta_2 ** (this.iterations + 1));
    const bias_cache_corrected = np.divide(layer.bias_cache, 1 - this.beta_2 ** (this.iterations + 1));

    // w += -lr · corrected momentum / (√corrected cache + ε)
    np.add(layer.weights, np.divide(np.multiply(-this.current_learning_rate, weight_momentums_corrected),
      np.add(np.sqrt(weight_cache_corrected), this.epsilon)), { out: layer.weights });
    np.add(layer.biases, np.divide(np.multiply(-this.current_learning_rate, bias_momentums_corrected),
      np.add(np.sqrt(bias_cache_corrected), this.epsilon)), { out: layer.biases });
  }

  /** After every update: one more step done. */
  post_update_params(): void {
    this.iterations += 1;
  }
}

/**
 * Optimizer_Adam.update_params's lines, element by element in one pass, by the C++ kernel
 * network/native/adam.cc: the same operations in the same order, rounded as NumPy rounds each
 * temporary array, so the same bits, without the ten new arrays per parameter the lines make
 * (a Fashion-MNIST epoch's updates: ~0.9 s -> ~0.05 s). It takes a layer whose parameters,
 * gradients, momentums and caches share one float dtype and each own their memory; for any
 * other (chapter 17's float64 bias gradients), or without the kernels, it returns false and
 * the lines run.
 */
function adamInOnePass(optimizer: Optimizer_Adam, layer: TrainableLayer): boolean {
  const { weights, dweights, weight_momentums, weight_cache, biases, dbiases, bias_momentums, bias_cache } = layer;
  if (!native || !weight_momentums || !weight_cache || !bias_momentums || !bias_cache) return false;
  const sets = [[weights, dweights, weight_momentums, weight_cache], [biases, dbiases, bias_momentums, bias_cache]];
  const fits = sets.every((set) => set.every((a, i) =>
    (a.dtype === "float32" || a.dtype === "float64") && a.dtype === set[0].dtype && a.size === set[0].size &&
    set.slice(0, i).every((b) => !sharesBytes(a.data, b.data))));
  if (!fits) return false;
  const step = optimizer.iterations + 1;
  const scalars = allocateForKernel("float64", 8) as Float64Array;
  scalars.set([
    optimizer.beta_1, 1 - optimizer.beta_1, optimizer.beta_2, 1 - optimizer.beta_2,
    1 - optimizer.beta_1 ** step, 1 - optimizer.beta_2 ** step, -optimizer.current_learning_rate, optimizer.epsilon,
  ]);
  const kernels = native;
  return sets.every(([param, gradient, momentums, cache]) =>
    kernels.adamUpdate(param.data as Float, gradient.data as Float, momentums.data as Float, cache.data as Float, scalars));
}

type Float = Float32Array | Float64Array;
