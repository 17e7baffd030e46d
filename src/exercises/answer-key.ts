// The library's classes are the answer key: a class a learner writes in a chapter notebook runs
// beside the library's class of the same name on the same inputs, and every array they produce
// (forward outputs, gradients) and every number their methods return must be identical, bit for bit.
import * as np from "../np";
import { NDArray, formatShape } from "../np/core";
import { seed } from "../np/random";
import * as activations from "../network/activations";
import * as layers from "../network/layers";
import * as losses from "../network/losses";
import * as optimizers from "../network/optimizers";
import { display } from "../notebook/display";
import { keepingRandomState } from "./exercise";
import { compareModelClass, MODEL_KEY_CLASSES } from "./model-key";

/** A book class as a learner writes it: constructed with the book's arguments, then forward and maybe backward (abstract: refused at run time, with the reason). */
type BookClass = abstract new (...args: never[]) => object;

type Library = Record<string, new (...args: unknown[]) => object>;
const LIBRARY: Library = {
  ...(activations as unknown as Library), ...(layers as unknown as Library), ...(losses as unknown as Library),
  ...(optimizers as unknown as Library),
};

/** The shape every compared class has, in the loose form a trial calls it. */
type Methods = Record<string, (...args: unknown[]) => unknown>;

/** One value a trial produced: an array the object keeps, or a method's return value. */
interface Result {
  name: string;
  /** Which targets the trial used, for the losses: "sparse" or "one-hot". */
  targets?: string;
  /** When an optimizer's trial took the value: "layer 2 after step 3". */
  when?: string;
  value: unknown;
}

/**
 * Inputs an activation or a layer meets in the book: a layer's float32 outputs with negatives,
 * zeros, positives and large values (softmax must not overflow), and gradients to pass back,
 * shaped like the object's output (`outputs` columns).
 */
function trialInputs(columns: number, outputs = columns): { inputs: NDArray; dvalues: NDArray } {
  seed(4);
  const inputs = np.multiply(np.random.randn(6, columns), 3).astype("float32");
  inputs.set([0, 0], 0);
  inputs.set([1, 0], 90);
  const dvalues = np.random.randn(6, outputs).astype("float32");
  return { inputs, dvalues };
}

/**
 * What a loss meets: float32 probabilities, one row confident and right (1 at the true class:
 * clipped from above) and one with 0 at the true class (clipped from below), and the labels
 * in both of the book's forms. Made afresh for every call, in case a method changes its inputs.
 */
function lossInputs(): { y_pred: NDArray; targets: [string, NDArray][] } {
  const y_pred = np.array([
    [0.7, 0.1, 0.2], [0.1, 0.5, 0.4], [0.02, 0.9, 0.08], [1, 0, 0], [0, 0.3, 0.7], [0.25, 0.25, 0.5],
  ], "float32");
  const sparse = np.array([0, 1, 1, 0, 0, 2], "uint8");
  return { y_pred, targets: [["sparse", sparse], ["one-hot", np.eye(3).get(sparse)]] };
}

/**
 * What chapters 16 and 17's losses meet, three outputs per sample. Binary cross-entropy:
 * sigmoid-like float32 outputs with exact 0s and 1s (the clip must act in forward and backward)
 * and 0/1 uint8 targets shaped like the outputs, as chapter 16's reshaped labels. Mean squared
 * and absolute error: float32 predictions and targets with one exact hit (sign(0) is 0).
 */
function lossInputsFor(name: string): { y_pred: NDArray; targets: [string, NDArray][] } {
  if (name === "Loss_BinaryCrossentropy") {
    const y_pred = np.array([
      [0.9, 0.2, 0.6], [0.1, 0.5, 0.4], [1, 0, 0.99], [0, 1, 0.3], [0.75, 0.05, 0.5], [0.35, 0.8, 0.02],
    ], "float32");
    const y_true = np.array([[1, 0, 1], [0, 1, 1], [1, 0, 0], [1, 0, 1], [0, 1, 0], [0, 1, 1]], "uint8");
    return { y_pred, targets: [["0/1", y_true]] };
  }
  if (name === "Loss_MeanSquaredError" || name === "Loss_MeanAbsoluteError") {
    const y_pred = np.array([
      [0.9, -0.3, 2.5], [0.5, 0.5, -1.25], [-0.7, 1.1, 0.05], [3, -2, 0.4], [0.12, 0.33, -0.9], [0, 1.5, 0.6],
    ], "float32");
    const y_true = np.array([
      [1, -0.5, 2], [0.5, 0.25, -1], [-0.2, 1.3, 0], [2.5, -2.4, 0.1], [0.1, 0.3, -1.1], [0.2, 1.5, -0.6],
    ], "float32");
    return { y_pred, targets: [["float32", y_true]] };
  }
  return lossInputs();
}

const PENALTY = "regularization_loss's result";

/**
 * Chapter 14: Loss.regularization_loss(layer) for a float32 Dense(3, 4) with all four
 * regularizers set and parameters of both signs.
 */
function regularizationResult(loss: Methods): Result {
  seed(7);
  const layer = new layers.Layer_Dense(3, 4, {
    weight_regularizer_l1: 1e-3, weight_regularizer_l2: 2e-3, bias_regularizer_l1: 3e-3, bias_regularizer_l2: 4e-3,
  });
  layer.weights = np.multiply(0.5, np.random.randn(3, 4)).astype("float32");
  layer.biases = np.multiply(0.5, np.random.randn(1, 4)).astype("float32");
  // Chapter 18 on, the loss adds up the layers the model handed it, and takes no argument.
  if (typeof loss.remember_trainable_layers === "function") {
    loss.remember_trainable_layers([layer]);
    return { name: PENALTY, value: loss.regularization_loss() };
  }
  return { name: PENALTY, value: loss.regularization_loss(layer) };
}

/**
 * Chapter 14: a regularized Layer_Dense needs biases of both signs (they start at 0) and a
 * weight of exactly 0, where the book's L1 slope is +1 (np.sign would give 0).
 */
function signedParameters(object: Methods): void {
  const layer = object as unknown as { weights: unknown; biases: unknown };
  if (!(layer.weights instanceof NDArray) || !(layer.biases instanceof NDArray)) return;
  seed(8);
  layer.biases = np.add(layer.biases, np.multiply(0.01, np.random.randn(...layer.biases.shape))).astype(layer.biases.dtype);
  layer.weights.set([0, 0], 0);
}

/** The arrays one object holds after a trial: output, dinputs, dweights, ... */
function arraysOf(object: object): Result[] {
  return Object.entries(object).filter(([, value]) => value instanceof NDArray).map(([name, value]) => ({ name, value }));
}

/** How a trial calls a class: as an activation or a layer, as a loss, as softmax and loss combined, or as an optimizer. */
type Kind = "layer" | "loss" | "combined" | "optimizer";

const OPTIMIZER_STEPS = 3;

function kindOf(Library: Library[string]): Kind {
  if (Library === losses.Activation_Softmax_Loss_CategoricalCrossentropy) return "combined";
  if (Object.values(optimizers).includes(Library as never)) return "optimizer";
  return Library.prototype instanceof losses.Loss ? "loss" : "layer";
}

/** Runs one class through the methods the learner's class has, on a fresh object per trial. */
function trial(Class: BookClass, args: unknown[], kind: Kind, has: (method: string) => boolean): Result[] {
  const make = () => {
    seed(0);  // a layer draws its weights in the constructor: the same draws for both classes
    return new (Class as unknown as new (...a: unknown[]) => Methods)(...args);
  };
  if (kind === "optimizer") return optimizerTrial(make);
  // Chapter 14: a loss's penalty of one layer.
  const penalty = kind === "loss" && has("regularization_loss") ? [regularizationResult(make())] : [];
  if (kind !== "layer") {
    // A loss: forward(y_pred, y_true) returns one loss per sample, calculate(y_pred, y_true) their
    // mean, backward(dvalues, y_true) sets dinputs. Softmax and loss combined: forward(inputs,
    // y_true) keeps the softmax in output and returns the mean loss; backward as a loss's.
    const fresh = () => lossInputsFor(Class.name);
    return penalty.concat(fresh().targets.flatMap(([targets, y_true]) => {
      const object = make();
      const inputs = kind === "loss" ? fresh().y_pred : trialInputs(3).inputs;
      const results: Result[] = [{ name: "forward's result", value: object.forward(inputs, y_true) }];
      if (has("calculate")) results.push({ name: "calculate's result", value: object.calculate(fresh().y_pred, y_true) });
      if (has("backward")) object.backward(fresh().y_pred, y_true);
      return [...results, ...arraysOf(object)].map((result) => ({ ...result, targets }));
    }));
  }
  // Activations and layers: forward(inputs), then backward(dvalues).
  const dense = Class.name === "Layer_Dense";
  const { inputs, dvalues } = dense ? trialInputs(Number(args[0]), Number(args[1])) : trialInputs(3);
  const object = make();
  if (dense && args.length > 2) signedParameters(object);
  object.forward(inputs);
  if (has("backward")) object.backward(dvalues);
  // Chapter 18: an output activation turns its outputs into predictions.
  const predictions = has("predictions") ? [{ name: "predictions(output)", value: object.predictions(object.output) }] : [];
  return [...arraysOf(object), ...predictions, ...parameterResults(object, inputs, has)];
}

/**
 * Chapter 21's Layer_Dense.get_parameters() and set_parameters(weights, biases): the pair it
 * returns, then the layer's arrays and forward output after it is given new float32 parameters.
 */
function parameterResults(object: Methods, inputs: NDArray, has: (method: string) => boolean): Result[] {
  const results: Result[] = [];
  if (has("get_parameters")) {
    const pair = object.get_parameters();
    const [weights, biases] = Array.isArray(pair) ? pair : [pair, undefined];
    results.push({ name: "get_parameters()[0]", value: weights }, { name: "get_parameters()[1]", value: biases });
  }
  if (has("set_parameters")) {
    const { weights, biases } = object as unknown as { weights: NDArray; biases: NDArray };
    seed(6);
    object.set_parameters(np.random.randn(weights.shape[0], weights.shape[1]).astype("float32"),
                          np.random.randn(biases.shape[0], biases.shape[1]).astype("float32"));
    const after = object as unknown as { weights: unknown; biases: unknown };
    results.push({ name: "weights after set_parameters", value: after.weights }, { name: "biases after set_parameters", value: after.biases });
    let output: unknown;
    try {
      object.forward(inputs);
      output = (object as unknown as { output: unknown }).output;
    } catch (error) {
      output = `an error: ${error instanceof Error ? error.message : String(error)}`;
    }
    results.push({ name: "output after set_parameters", value: output });
  }
  return results;
}

/**
 * An optimizer's trial: two float32 layers with fixed weights (a Dense(2, 4) and a Dense(4, 3)),
 * new seeded gradients every step, and OPTIMIZER_STEPS steps of pre_update_params,
 * update_params for each layer, post_update_params. After every step it records
 * current_learning_rate, iterations and every array on both layers (weights, biases, and the
 * momentums and caches the optimizer keeps there).
 */
function optimizerTrial(make: () => Methods): Result[] {
  seed(5);
  const shapes: [number, number][] = [[2, 4], [4, 3]];
  const layers = shapes.map(([n_inputs, n_neurons]) => ({
    weights: np.multiply(0.5, np.random.randn(n_inputs, n_neurons)).astype("float32"),
    biases: np.multiply(0.1, np.random.randn(1, n_neurons)).astype("float32"),
    dweights: np.zeros([n_inputs, n_neurons], "float32"),
    dbiases: np.zeros([1, n_neurons], "float32"),
  }));
  const optimizer = make();
  const results: Result[] = [];
  for (let step = 1; step <= OPTIMIZER_STEPS; step++) {
    for (const [i, [n_inputs, n_neurons]] of shapes.entries()) {
      layers[i].dweights = np.random.randn(n_inputs, n_neurons).astype("float32");
      layers[i].dbiases = np.random.randn(1, n_neurons).astype("float32");
    }
    optimizer.pre_update_params();
    for (const layer of layers) optimizer.update_params(layer);
    optimizer.post_update_params();
    const after = `after step ${step}`;
    const numbers = optimizer as unknown as Record<string, unknown>;
    results.push({ name: "current_learning_rate", value: numbers.current_learning_rate, when: after });
    results.push({ name: "iterations", value: numbers.iterations, when: after });
    layers.forEach((layer, i) => {
      for (const array of arraysOf(layer)) {
        // A copy: the next step changes the weights in place.
        if (array.name !== "dweights" && array.name !== "dbiases") {
          results.push({ name: array.name, value: (array.value as NDArray).copy(), when: `layer ${i + 1} ${after}` });
        }
      }
    });
  }
  return results;
}

function identical(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
  return a instanceof NDArray && b instanceof NDArray && a.dtype === b.dtype && formatShape(a.shape) === formatShape(b.shape) &&
    np.array_equal(a, b, { equal_nan: true });
}

function describe(value: unknown): string {
  return value instanceof NDArray ? `${value.dtype} ${formatShape(value.shape, ", ")}\n${value}` : String(value);
}

/**
 * Compares a class written in the notebook with the library's class of the same name:
 * `check_against_library(Activation_ReLU)`, `check_against_library(Layer_Dense, 2, 3)` (the
 * constructor's arguments follow the class), `check_against_library(Loss_CategoricalCrossentropy)`.
 * Runs every method the notebook's class has (forward, calculate, backward) and prints which
 * arrays and returned numbers are identical, or the first that differs. An optimizer,
 * `check_against_library(Optimizer_SGD, { decay: 1e-3, momentum: 0.9 })`, takes a few steps on two
 * layers with fixed weights and gradients; its learning rate, step count and every array on the
 * layers (weights, biases, momentums, caches) are compared after each step.
 */
export function check_against_library(Class: BookClass, ...args: unknown[]): void {
  // The trials draw random numbers; the notebook's own stream must go on as if they had not.
  keepingRandomState(() => compare(Class, args));
}

function compare(Class: BookClass, args: unknown[]): void {
  if (MODEL_KEY_CLASSES.includes(Class.name)) {
    report(compareModelClass(Class as unknown as new (...a: unknown[]) => object, args));
    return;
  }
  if (Class.name === "Loss") throw new Error("Loss is a base class: compare a class that extends it, such as Loss_CategoricalCrossentropy");
  const Library = LIBRARY[Class.name];
  if (Library === undefined) throw new Error(`nnfs-ts has no class named ${Class.name} to compare with`);
  const has = (method: string) => typeof (Class.prototype as Record<string, unknown>)[method] === "function";
  const kind = kindOf(Library);
  const mine = trial(Class, args, kind, has);
  const key = trial(Library as BookClass, args, kind, has);
  const compared: string[] = [];
  const targets = new Set<string>();
  for (const expected of key) {
    const got = mine.find((result) => result.name === expected.name && result.targets === expected.targets && result.when === expected.when);
    const label = expected.targets !== undefined ? `${expected.name} (${expected.targets} y_true)`
      : expected.when !== undefined ? `${expected.name} (${expected.when})` : expected.name;
    // An optimizer must keep every array the book's keeps (its momentums and caches live on the layers).
    if (got === undefined && kind === "optimizer") {
      report(`${Class.name}: ${label} is missing: nnfs-ts's ${Class.name} has it (${describe(expected.value)})`);
      return;
    }
    // The library keeps arrays a chapter's class may not (inputs, say); a returned value must be there.
    if (got === undefined) continue;
    if (!identical(got.value, expected.value)) {
      report(`${Class.name}: ${label} differs from nnfs-ts's ${Class.name}: got ${describe(got.value)}\nexpected ${describe(expected.value)}`);
      return;
    }
    if (!compared.includes(expected.name)) compared.push(expected.name);
    if (expected.targets !== undefined) targets.add(expected.targets);
  }
  if (kind === "optimizer") {
    report(`${Class.name}: ${compared.join(", ")} identical to nnfs-ts's ${Class.name} after each of ${OPTIMIZER_STEPS} steps on two layers`);
    return;
  }
  if (!compared.includes(kind === "loss" ? "forward's result" : "output")) {
    report(`${Class.name}: forward did not set this.output, so there was nothing to compare`);
    return;
  }
  const forms = targets.size > 0 ? `, with ${[...targets].join(" and ")} y_true` : "";
  report(`${Class.name}: ${compared.join(", ")} identical to nnfs-ts's ${Class.name}${forms}`);
}

function report(text: string): void {
  display({ "text/plain": text });
}
