// The answer key for chapters 18-20: the Model and the accuracy classes a notebook writes run
// beside the library's on the same data, and everything they produce must be identical: the lines
// train and evaluate print, every parameter after training, the optimizer's rate and step count,
// the trained network's output, and (through model-files-key.ts) what chapters 21-22's methods give.
import * as np from "../np";
import { NDArray, formatShape } from "../np/core";
import { seed } from "../np/random";
import { sine_data, spiral_data } from "../nnfs/datasets";
import * as accuracies from "../network/accuracy";
import * as activations from "../network/activations";
import * as layers from "../network/layers";
import * as losses from "../network/losses";
import { Model } from "../network/model";
import { Optimizer_Adam } from "../network/optimizers";
import { modelFileResults } from "./model-files-key";

type Constructor = new (...args: unknown[]) => object;
type Classes = Record<string, Constructor>;
type Methods = Record<string, (...args: unknown[]) => unknown>;

/** One value a trial produced: printed lines, an array or a number. */
interface Result {
  name: string;
  value: unknown;
}

const LIBRARY = {
  ...layers, ...activations, ...losses, ...accuracies,
} as unknown as Classes;

/** The classes this key answers for. */
export const MODEL_KEY_CLASSES = ["Model", "Accuracy", "Accuracy_Categorical", "Accuracy_Regression"];

/** What one model trial trains: data, and the layers, loss, optimizer and accuracy built from `c`. */
interface Network {
  title: string;
  data(): { X: NDArray; y: NDArray; X_val: NDArray; y_val: NDArray };
  build(c: Classes): { layers: object[]; loss: object; optimizer: object; accuracy: object };
}

const l2 = { weight_regularizer_l2: 5e-4, bias_regularizer_l2: 5e-4 };

/**
 * Chapter 18's three kinds of model, small: softmax with cross-entropy (the combined backward),
 * regularization and dropout (training on and off); sigmoid with binary cross-entropy; a linear
 * output with squared error and the regression accuracy. Sample counts are not multiples of the
 * trial's batch size, so the last batch is a partial one.
 */
const NETWORKS: Network[] = [
  {
    title: "spiral classifier (softmax, cross-entropy, dropout)",
    data: () => {
      seed(18);
      const [X, y] = spiral_data(30, 3);
      const [X_val, y_val] = spiral_data(15, 3);
      return { X, y, X_val, y_val };
    },
    build: (c) => ({
      layers: [new c.Layer_Dense(2, 16, l2), new c.Activation_ReLU(), new c.Layer_Dropout(0.1), new c.Layer_Dense(16, 3), new c.Activation_Softmax()],
      loss: new c.Loss_CategoricalCrossentropy(),
      optimizer: new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-5 }),
      accuracy: new c.Accuracy_Categorical(),
    }),
  },
  {
    title: "binary classifier (sigmoid, binary cross-entropy)",
    data: () => {
      seed(16);
      const [X, y] = spiral_data(45, 2);
      const [X_val, y_val] = spiral_data(20, 2);
      return { X, y: y.reshape(-1, 1), X_val, y_val: y_val.reshape(-1, 1) };
    },
    build: (c) => ({
      layers: [new c.Layer_Dense(2, 8, l2), new c.Activation_ReLU(), new c.Layer_Dense(8, 1), new c.Activation_Sigmoid()],
      loss: new c.Loss_BinaryCrossentropy(),
      optimizer: new Optimizer_Adam({ decay: 5e-7 }),
      accuracy: new c.Accuracy_Categorical({ binary: true }),
    }),
  },
  {
    title: "regression (linear output, squared error)",
    data: () => {
      const [X, y] = sine_data(90);
      const [X_val, y_val] = sine_data(45);
      return { X, y, X_val, y_val };
    },
    build: (c) => ({
      layers: [new c.Layer_Dense(1, 8), new c.Activation_ReLU(), new c.Layer_Dense(8, 1), new c.Activation_Linear()],
      loss: new c.Loss_MeanSquaredError(),
      optimizer: new Optimizer_Adam({ learning_rate: 0.005, decay: 1e-3 }),
      accuracy: new c.Accuracy_Regression(),
    }),
  },
];

const EPOCHS = 4;
const BATCH_SIZE = 32;

/** Writes to stdout (print's stream) go into the returned string instead. */
function captured(run: () => void): string {
  const write = process.stdout.write;
  let out = "";
  process.stdout.write = ((chunk: string) => { out += chunk; return true; }) as typeof process.stdout.write;
  try {
    run();
  } finally {
    process.stdout.write = write;
  }
  return out;
}

/** The class's source reads batch_size: chapter 19's train (batches), not chapter 18's. */
function readsBatchSize(Class: Constructor): boolean {
  for (let c: unknown = Class; typeof c === "function" && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    if (String(c).includes("batch_size")) return true;
  }
  return false;
}

/** A finalized model of `Class` built from `classes` (the library's where the notebook gave none). */
function makeModel(Class: Constructor, classes: Classes, network: Network): Methods {
  seed(0);  // the layers draw their weights: the same draws for both models
  const parts = network.build(classes);
  const model = new Class() as Methods;
  for (const layer of parts.layers) model.add(layer);
  model.set({ loss: parts.loss, optimizer: parts.optimizer, accuracy: parts.accuracy });
  model.finalize();
  return model;
}

function modelTrial(Class: Constructor, classes: Classes, network: Network, batched: boolean, has: (method: string) => boolean): Result[] {
  const { X, y, X_val, y_val } = network.data();
  const model = makeModel(Class, classes, network);
  const options = batched
    ? { epochs: 2, batch_size: BATCH_SIZE, print_every: 2, validation_data: [X_val, y_val], progress: false }
    : { epochs: EPOCHS, print_every: 2, validation_data: [X_val, y_val], progress: false };
  seed(1);  // dropout's masks
  const results: Result[] = [{ name: "the lines train prints", value: captured(() => model.train(X, y, options)) }];
  const parts = model as unknown as { trainable_layers: { weights: NDArray; biases: NDArray }[]; optimizer: Record<string, unknown> };
  parts.trainable_layers.forEach((layer, i) => {
    results.push({ name: `weights of trainable layer ${i + 1} after training`, value: layer.weights });
    results.push({ name: `biases of trainable layer ${i + 1} after training`, value: layer.biases });
  });
  results.push({ name: "the optimizer's current_learning_rate after training", value: parts.optimizer.current_learning_rate });
  results.push({ name: "the optimizer's iterations after training", value: parts.optimizer.iterations });
  results.push({ name: "forward(X_val, false) after training", value: model.forward(X_val, false) });
  if (has("evaluate")) {
    results.push({ name: `the line evaluate(X_val, y_val, { batch_size: ${BATCH_SIZE} }) prints`, value: captured(() => model.evaluate(X_val, y_val, { batch_size: BATCH_SIZE })) });
    results.push({ name: "the line evaluate(X, y) prints", value: captured(() => model.evaluate(X, y)) });
  }
  return [...results, ...modelFileResults(() => makeModel(Class, classes, network), has)];
}

/** A pair of predictions and targets, named for the report. */
interface Batch {
  name: string;
  predictions: NDArray;
  y: NDArray;
}

function categoricalBatches(binary: boolean): Batch[] {
  if (binary) {
    return [
      { name: "a column of 0/1 targets", predictions: np.array([[1], [0], [1], [1], [0]]), y: np.array([[1], [1], [1], [0], [0]]) },
      { name: "two yes/no outputs per sample", predictions: np.array([[1, 0], [0, 0], [1, 1]]), y: np.array([[1, 1], [0, 0], [0, 1]]) },
      { name: "a column of 0/1 targets, one sample", predictions: np.array([[0]]), y: np.array([[0]]) },
    ];
  }
  const sparse = np.array([0, 2, 1, 1, 0, 2], "uint8");
  return [
    { name: "sparse targets", predictions: np.array([0, 1, 1, 1, 2, 2]), y: sparse },
    { name: "one-hot targets", predictions: np.array([0, 2, 2]), y: np.eye(3).get(np.array([0, 2, 1])) },
    { name: "sparse targets, one sample", predictions: np.array([1]), y: np.array([1], "uint8") },
  ];
}

function regressionBatches(): Batch[] {
  seed(17);
  const y = np.random.randn(6, 1).astype("float32");
  const near = np.add(y, np.array([[0.001], [-0.02], [0.0005], [0.3], [-0.001], [0]], "float32"));
  return [
    { name: "float32 targets", predictions: near, y },
    { name: "float32 targets, the first three", predictions: near.get(":3"), y: y.get(":3") },
    { name: "float32 targets, one sample", predictions: near.get("3:4"), y: y.get("3:4") },
  ];
}

/**
 * An accuracy's trial: calculate on three batches (the last of one sample), and where the class
 * has them, calculate_accumulated after the batches, and again after new_pass and one batch.
 * The regression accuracy also learns its precision: init on the targets, init again (kept),
 * init with reinit on other targets (learned again).
 */
function accuracyTrial(Class: Constructor, args: unknown[], has: (method: string) => boolean): Result[] {
  const regression = Class.name === "Accuracy_Regression";
  const binary = (args[0] as { binary?: boolean } | undefined)?.binary === true;
  const batches = regression ? regressionBatches() : categoricalBatches(binary);
  const object = new Class(...args) as Methods;
  const numbers = object as unknown as Record<string, unknown>;
  const results: Result[] = [];
  // As the Model does at the start of a pass: the book's totals exist only after new_pass().
  if (has("new_pass")) object.new_pass();
  if (regression) {
    object.init(batches[0].y);
    results.push({ name: `precision after init(y) (${batches[0].name})`, value: numbers.precision });
    object.init(np.multiply(batches[0].y, 2));
    results.push({ name: "precision after init(2 * y) (already set: kept)", value: numbers.precision });
  }
  for (const batch of batches) {
    results.push({ name: `calculate's result (${batch.name})`, value: object.calculate(batch.predictions, batch.y) });
  }
  if (has("calculate_accumulated")) {
    results.push({ name: "calculate_accumulated() after the three batches", value: object.calculate_accumulated() });
    object.new_pass();
    object.calculate(batches[1].predictions, batches[1].y);
    results.push({ name: `calculate_accumulated() after new_pass() and one batch (${batches[1].name})`, value: object.calculate_accumulated() });
  }
  if (regression) {
    const y64 = batches[0].y.astype("float64");
    object.init(y64, true);
    results.push({ name: "precision after init(float64 y, true) (reinit)", value: numbers.precision });
  }
  return results;
}

function identical(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
  if (typeof a === "string" || typeof b === "string") return a === b;
  return a instanceof NDArray && b instanceof NDArray && a.dtype === b.dtype && formatShape(a.shape) === formatShape(b.shape) &&
    np.array_equal(a, b, { equal_nan: true });
}

function describe(value: unknown): string {
  return value instanceof NDArray ? `${value.dtype} ${formatShape(value.shape, ", ")}\n${value}` : String(value);
}

/** The first printed line that differs, or a missing or extra line. */
function lineDifference(got: string, expected: string): string {
  const a = got.split("\n"), b = expected.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      if (a[i] === undefined || (a[i] === "" && i === a.length - 1)) return `line ${i + 1} is missing; expected ${b[i]}`;
      if (b[i] === undefined || (b[i] === "" && i === b.length - 1)) return `line ${i + 1} is ${a[i]}, after the last line expected`;
      return `line ${i + 1} is\n  ${a[i]}\nexpected\n  ${b[i]}`;
    }
  }
  return "";
}

/** The trial's results, or the error the class threw, to report. */
function attempt(trial: () => Result[]): Result[] | Error {
  try {
    return trial();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** The first difference between the two result lists, or null. */
function firstDifference(mine: Result[] | Error, key: Result[], what: string, Name: string): string | null {
  if (mine instanceof Error) return `${Name} (${what}): running it threw ${mine.name}: ${mine.message}`;
  for (const expected of key) {
    const got = mine.find((result) => result.name === expected.name);
    if (got === undefined) return `${Name} (${what}): ${expected.name} is missing: nnfs-ts's ${Name} gives ${describe(expected.value)}`;
    if (!identical(got.value, expected.value)) {
      const how = typeof expected.value === "string" && typeof got.value === "string"
        ? lineDifference(got.value, expected.value)
        : `got ${describe(got.value)}\nexpected ${describe(expected.value)}`;
      return `${Name} (${what}): ${expected.name} differs from nnfs-ts's ${Name}: ${how}`;
    }
  }
  return null;
}

/**
 * `check_against_library(Model)`, `check_against_library(Model, { Activation_Softmax, ... })`:
 * the notebook's Model trains three small networks beside the library's Model; the classes given
 * (the ones the notebook wrote) build the notebook's networks, so that its finalize() recognises
 * its own Activation_Softmax and loss. `check_against_library(Accuracy_Categorical)` (or with
 * `{ binary: true }`) and `check_against_library(Accuracy_Regression)` compare on fixed batches.
 * Returns the sentence to report.
 */
export function compareModelClass(Class: Constructor, args: unknown[]): string {
  const name = Class.name;
  if (name === "Accuracy") throw new Error("Accuracy is a base class: compare a class that extends it, such as Accuracy_Categorical");
  const has = (method: string) => typeof (Class.prototype as Record<string, unknown>)[method] === "function";
  if (name !== "Model") {
    const problem = firstDifference(attempt(() => accuracyTrial(Class, args, has)), accuracyTrial(LIBRARY[name], args, has), "three batches", name);
    if (problem !== null) return problem;
    const compared = ["calculate", ...(has("calculate_accumulated") ? ["calculate_accumulated", "new_pass"] : []), ...(name === "Accuracy_Regression" ? ["precision"] : [])];
    return `${name}: ${compared.join(", ")} identical to nnfs-ts's ${name} on three batches`;
  }
  const classes = { ...LIBRARY, ...((args[0] ?? {}) as Classes) };
  const batched = readsBatchSize(Class);
  for (const network of NETWORKS) {
    const mine = attempt(() => modelTrial(Class, classes, network, batched, has));
    const key = modelTrial(Model as unknown as Constructor, LIBRARY, network, batched, has);
    const problem = firstDifference(mine, key, network.title, name);
    if (problem !== null) return problem;
  }
  const how = batched ? `2 epochs in batches of ${BATCH_SIZE}` : `${EPOCHS} epochs`;
  return `Model: printed lines, trained parameters, learning rate, step count and outputs${has("evaluate") ? ", evaluate's lines" : ""} ` +
    `identical to nnfs-ts's Model on ${NETWORKS.length} networks (${NETWORKS.map((n) => n.title.split(" (")[0]).join(", ")}), ${how}`;
}
