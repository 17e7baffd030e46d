// The Model object (chapters 18-22): one object that holds the layers, loss, optimizer and
// accuracy, runs the training loop the earlier chapters wrote out by hand, and evaluates,
// predicts, saves and loads.
import * as np from "../np";
import { formatShape, NDArray } from "../np/core";
import { checkKeywords, describe, wholeNumber } from "../np/keywords";
import { f, float, print } from "../np/printing/python-print";
// The live line is notebook output, but progress.ts is a leaf (it knows nothing of networks) and
// draws nothing outside a kernel unless asked, so the model uses it directly: passing it in
// would make every caller wire up what every caller wants.
import { inNotebook } from "../notebook/display";
import type { Regions } from "../notebook/live-chart";
import { TrainingProgress } from "../notebook/progress";
import { Activation_Softmax } from "./activations";
import { type Accuracy, Accuracy_Categorical } from "./accuracy";
import { Layer_Dense, Layer_Input, type LayerParameters, type ModelLayer, type TrainableLayer } from "./layers";
import {
  Activation_Softmax_Loss_CategoricalCrossentropy, Loss, Loss_BinaryCrossentropy, Loss_CategoricalCrossentropy,
  Loss_MeanAbsoluteError, Loss_MeanSquaredError,
} from "./losses";
import { type Optimizer, Optimizer_Adagrad, Optimizer_Adam, Optimizer_RMSprop, Optimizer_SGD } from "./optimizers";
import { readModel, readParameters, writeModel, writeParameters } from "./serialization";

/** Model.train's keyword arguments. */
export interface TrainOptions {
  /** Passes over the training data (default 1). */
  epochs?: number;
  /** Samples per step; null (the default) trains on all of X at once, one step per epoch. */
  batch_size?: number | null;
  /** Print a line every this many steps (with batches) or epochs (without) (default 1). */
  print_every?: number;
  /** [X_val, y_val] to evaluate on: after each epoch with batches, else after the last (default null). */
  validation_data?: [X_val: NDArray, y_val: NDArray] | null;
  /**
   * One live line above the book's lines (epoch, step, acc, loss, lr, elapsed time, a bar),
   * redrawn at most 4 times a second. On by default in a notebook; elsewhere off, since outside
   * a kernel the line can only be printed once, at the end, after the book's lines.
   */
  progress?: boolean;
}

/** Model.evaluate's and Model.predict's keyword argument. */
export interface BatchOptions {
  /** Samples per step; null (the default) takes all of X at once. */
  batch_size?: number | null;
}

/** Model.set's keyword arguments; any may be left out (a loaded model needs no optimizer). */
export interface SetOptions {
  /** The loss to train on and report. */
  loss?: Loss;
  /** The optimizer that updates the trainable layers. */
  optimizer?: Optimizer;
  /** The accuracy to report. */
  accuracy?: Accuracy;
}

/** The book's trainable layers: any layer with weights, whatever its class (`hasattr(layer, 'weights')`). */
function hasWeights(layer: ModelLayer): layer is ModelLayer & TrainableLayer {
  return (layer as Partial<TrainableLayer>).weights !== undefined;
}

const LIBRARY_OPTIMIZERS = [Optimizer_SGD, Optimizer_Adagrad, Optimizer_RMSprop, Optimizer_Adam];
const LIBRARY_LOSSES = [Loss_CategoricalCrossentropy, Loss_BinaryCrossentropy, Loss_MeanSquaredError, Loss_MeanAbsoluteError];

/**
 * Whether the parts that reach the layers between two steps' backward passes are the library's
 * own classes (not subclasses): the optimizer, handed each layer, with its update_params, and the
 * loss, which keeps the trainable layers. Those read parameters and gradients, never a dinputs.
 */
function onlyLibraryReaders(optimizer: Optimizer, loss: Loss): boolean {
  const Class = LIBRARY_OPTIMIZERS.find((Library) => optimizer.constructor === Library);
  return Class !== undefined && optimizer.update_params === Class.prototype.update_params &&
    LIBRARY_LOSSES.some((Library) => loss.constructor === Library);
}

/** Whether a layer is the library's Layer_Dense with backward not overridden: parameterGradients, then dinputs. */
function splitsBackward(layer: ModelLayer): layer is Layer_Dense {
  return layer instanceof Layer_Dense && layer.backward === Layer_Dense.prototype.backward;
}

/** A whole network (chapters 18-22): layers, loss, optimizer and accuracy, trained, evaluated, saved. */
export class Model {
  layers: ModelLayer[] = [];
  loss?: Loss;
  optimizer?: Optimizer;
  accuracy?: Accuracy;
  input_layer = new Layer_Input();
  trainable_layers: TrainableLayer[] = [];
  output_layer_activation?: ModelLayer;
  /** Set by finalize() when the model ends in softmax and the loss is cross-entropy. */
  softmax_classifier_output: Activation_Softmax_Loss_CategoricalCrossentropy | null = null;

  /** Appends a layer (or activation) to the network. */
  add(layer: ModelLayer): void {
    // Caught here, not at the first forward pass epochs later. A loss has a forward too.
    if (typeof layer?.forward !== "function" || layer instanceof Loss) {
      throw new TypeError(`Model.add: expected a layer or activation (an object with forward()), got ${describe(layer)}` +
        (layer instanceof Loss ? "; give the loss to model.set({ loss })" : ""));
    }
    this.layers.push(layer);
  }

  /** `model.set({ loss, optimizer, accuracy })`; any of them may be left out (a loaded model needs no optimizer). */
  set(options: SetOptions): void {
    // The book's set(self, *, loss, optimizer, accuracy) takes keywords only.
    const keywords = typeof options === "object" && options !== null && [undefined, "Object"].includes(options.constructor?.name);
    if (arguments.length !== 1 || !keywords) {
      throw new TypeError(`Model.set() takes keyword arguments only: model.set({ loss, optimizer, accuracy }), got ${describe(options)}` +
        (arguments.length > 1 ? ` and ${arguments.length - 1} more` : ""));
    }
    checkKeywords("Model.set", options, ["loss", "optimizer", "accuracy"]);
    const { loss, optimizer, accuracy } = options;
    part("loss", loss, "calculate", "Loss_CategoricalCrossentropy");
    part("optimizer", optimizer, "update_params", "Optimizer_Adam");
    part("accuracy", accuracy, "calculate", "Accuracy_Categorical");
    if (loss !== undefined) this.loss = loss;
    if (optimizer !== undefined) this.optimizer = optimizer;
    if (accuracy !== undefined) this.accuracy = accuracy;
  }

  /** Links each layer to its neighbours and finds the layers with parameters. */
  finalize(): void {
    if (this.layers.length === 0) throw new Error("Model.finalize: add layers first");
    this.input_layer = new Layer_Input();
    this.trainable_layers = [];
    const last = this.layers.length - 1;
    this.layers.forEach((layer, i) => {
      layer.prev = i === 0 ? this.input_layer : this.layers[i - 1];
      // The last layer's gradient comes from the loss.
      layer.next = i < last ? this.layers[i + 1] : this.loss;
      if (hasWeights(layer)) this.trainable_layers.push(layer);
    });
    this.output_layer_activation = this.layers[last];
    this.loss?.remember_trainable_layers(this.trainable_layers);
    // Softmax followed by cross-entropy has a much simpler (and faster) joint gradient.
    this.softmax_classifier_output =
      this.layers[last] instanceof Activation_Softmax && this.loss instanceof Loss_CategoricalCrossentropy
        ? new Activation_Softmax_Loss_CategoricalCrossentropy()
        : null;
  }

  /**
   * `model.train(X, y, { epochs: 10, batch_size: 128, print_every: 100, validation_data: [X_test, y_test] })`.
   *
   * With batch_size: chapter 19's loop and lines. Each epoch prints `epoch: N`, a `step: ...` line
   * every print_every steps (and for its last step), the epoch's `training, ...` totals, then the
   * validation line. Without batch_size: chapter 18's, one step per epoch over all of X, an
   * `epoch: N, acc: ...` line every print_every epochs, and validation once after the last epoch.
   * The book's train() changes between those chapters; keeping both lets each chapter print its lines.
   * The live line (options.progress) comes on top and leaves those lines as they are.
   */
  train(X: NDArray, y: NDArray, options: TrainOptions = {}): void {
    checkKeywords("Model.train", options, ["epochs", "batch_size", "print_every", "validation_data", "progress"]);
    const { epochs = 1, batch_size = null, print_every = 1, validation_data = null, progress = inNotebook() } = options;
    const { loss, optimizer, accuracy } = this.parts("train", true);
    wholeNumber("epochs", epochs, 0);
    wholeNumber("print_every", print_every, 1);
    checkData("Model.train", X, y, "X", "y");
    if (validation_data !== null) {
      if (!Array.isArray(validation_data) || validation_data.length !== 2) {
        throw new TypeError(`Model.train() argument 'validation_data' must be a pair [X_val, y_val], got ${describe(validation_data)}` +
          (Array.isArray(validation_data) ? ` of ${validation_data.length}` : ""));
      }
      checkData("Model.train", validation_data[0], validation_data[1], "validation_data[0]", "validation_data[1]");
    }
    const batched = batch_size !== null;
    accuracy.init(y);
    const train_steps = stepsFor(X, batch_size);
    const libraryReaders = onlyLibraryReaders(optimizer, loss);
    const live = progress ? new TrainingProgress({ epochs, first_epoch: 1, steps: train_steps, regions: this.liveRegions(X, y, accuracy) }) : null;
    live?.start();

    for (let epoch = 1; epoch <= epochs; epoch++) {
      if (batched) print(f`epoch: ${epoch}`);
      loss.new_pass();
      accuracy.new_pass();

      for (let step = 0; step < train_steps; step++) {
        const batch_X = batchOf(X, step, batch_size);
        const batch_y = batchOf(y, step, batch_size);

        const output = this.forward(batch_X, true);
        const [data_loss, regularization_loss] = loss.calculate(output, batch_y, { include_regularization: true });
        const batch_accuracy = accuracy.calculate(this.predictionsOf(output), batch_y);
        if (!Number.isFinite(data_loss + regularization_loss)) {
          live?.close();
          throw new Error(`training diverged at epoch ${epoch}${batched ? `, step ${step}` : ""}: the loss is ` +
            `${data_loss + regularization_loss} (data_loss ${data_loss}, reg_loss ${regularization_loss}). The usual cause is a ` +
            `learning rate too large for the model (current_learning_rate ${optimizer.current_learning_rate}): try a smaller one.`);
        }

        // The first layer's dinputs is the gradient of the data, which the library's parts never
        // read: a sixth of a Fashion-MNIST step's work. Computed on the last epoch's last step
        // only, so that a train call that completes leaves the layers as the book's loop does (one
        // stopped by an error or an interrupt leaves an older one); with a learner's optimizer or
        // loss, which might read it, on every step.
        this.backward(output, batch_y, !libraryReaders || (epoch === epochs && step === train_steps - 1));
        optimizer.pre_update_params();
        for (const layer of this.trainable_layers) optimizer.update_params(layer);
        optimizer.post_update_params();

        live?.update(epoch, {
          acc: batch_accuracy,
          loss: addLosses(data_loss, regularization_loss),
          lr: optimizer.current_learning_rate,
        }, batched ? step : undefined);
        const line = () => progressLine(batch_accuracy, data_loss, regularization_loss, optimizer);
        if (!batched && epoch % print_every === 0) print(`epoch: ${epoch}, ${line()}`);
        if (batched && (step % print_every === 0 || step === train_steps - 1)) print(`step: ${step}, ${line()}`);
      }

      if (batched) {
        // The regularization loss of the parameters as the epoch's last update left them, as in the book.
        const [epoch_data_loss, epoch_regularization_loss] = loss.calculate_accumulated({ include_regularization: true });
        print(`training, ${progressLine(accuracy.calculate_accumulated(), epoch_data_loss, epoch_regularization_loss, optimizer)}`);
        if (validation_data !== null) this.evaluate(validation_data[0], validation_data[1], { batch_size });
      }
    }
    if (!batched && validation_data !== null) this.evaluate(validation_data[0], validation_data[1]);
    live?.close();
  }

  /** Loss and accuracy on data the model does not learn from: `validation, acc: ..., loss: ...`. */
  evaluate(X_val: NDArray, y_val: NDArray, options: BatchOptions = {}): void {
    checkKeywords("Model.evaluate", options, ["batch_size"]);
    const { batch_size = null } = options;
    const { loss, accuracy } = this.parts("evaluate", false);
    checkData("Model.evaluate", X_val, y_val, "X_val", "y_val");
    const validation_steps = stepsFor(X_val, batch_size);
    loss.new_pass();
    accuracy.new_pass();
    for (let step = 0; step < validation_steps; step++) {
      const batch_X = batchOf(X_val, step, batch_size);
      const batch_y = batchOf(y_val, step, batch_size);
      const output = this.forward(batch_X, false);
      loss.calculate(output, batch_y);
      accuracy.calculate(this.predictionsOf(output), batch_y);
    }
    const validation_loss = loss.calculate_accumulated();
    const validation_accuracy = accuracy.calculate_accumulated();
    print(f`validation, acc: ${validation_accuracy}:.3f, loss: ${validation_loss}:.3f`);
  }

  /** The output layer's values for X (not yet turned into predictions), batch by batch. */
  predict(X: NDArray, options: BatchOptions = {}): NDArray {
    checkKeywords("Model.predict", options, ["batch_size"]);
    const { batch_size = null } = options;
    this.requireFinalized("predict");
    const prediction_steps = stepsFor(X, batch_size);
    const output: NDArray[] = [];
    for (let step = 0; step < prediction_steps; step++) {
      output.push(this.forward(batchOf(X, step, batch_size), false));
    }
    // Always stacked, as the book does: a copy even of one batch, which may be X's own rows (a batch
    // is a view of them) when the model hands its input through.
    return np.vstack(output);
  }

  /** Each layer's forward pass on the previous layer's output; returns the last layer's output. */
  forward(X: NDArray, training: boolean): NDArray {
    this.requireFinalized("forward");
    this.input_layer.forward(X, training);
    for (const layer of this.layers) layer.forward(layer.prev!.output, training);
    return this.layers[this.layers.length - 1].output;
  }

  /**
   * Gradients from the loss back through every layer, in reverse. With `dataGradient` false the
   * first layer, if it is a Layer_Dense with backward not overridden, stops at its parameters'
   * gradients and leaves its dinputs as it was (see train).
   */
  backward(output: NDArray, y: NDArray, dataGradient = true): void {
    const { loss } = this.parts("backward", false);
    let layers = this.layers;
    if (this.softmax_classifier_output !== null) {
      // The joint gradient stands in for both the loss's and the softmax's backward.
      this.softmax_classifier_output.backward(output, y);
      layers[layers.length - 1].dinputs = this.softmax_classifier_output.dinputs;
      layers = layers.slice(0, -1);
    } else {
      loss.backward(output, y);
    }
    for (let i = layers.length - 1; i >= 0; i--) {
      const layer = layers[i], dvalues = layer.next!.dinputs;
      if (i === 0 && !dataGradient && splitsBackward(layer)) layer.parameterGradients(dvalues);
      else layer.backward(dvalues);
    }
  }

  /** [weights, biases] of each trainable layer, in order: each layer's get_parameters(). */
  get_parameters(): LayerParameters[] {
    this.requireFinalized("get_parameters");
    // A layer of your own without get_parameters gives its weights and biases.
    return this.trainable_layers.map((layer) => layer.get_parameters?.() ?? [layer.weights, layer.biases]);
  }

  /**
   * Replaces the trainable layers' parameters. Checks every shape before changing anything,
   * so parameters that do not fit leave the model as it was.
   */
  set_parameters(parameters: LayerParameters[]): void {
    this.requireFinalized("set_parameters");
    if (!Array.isArray(parameters)) {
      throw new TypeError(`set_parameters: expected a list of [weights, biases] pairs, one per trainable layer, got ${describe(parameters)}`);
    }
    if (parameters.length !== this.trainable_layers.length) {
      throw new Error(`set_parameters: got parameters for ${parameters.length} layers, the model has ${this.trainable_layers.length} trainable layers`);
    }
    parameters.forEach((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2 || !pair.every((array) => array instanceof NDArray)) {
        throw new TypeError(`set_parameters: the parameters of trainable layer ${i} must be a pair [weights, biases] of arrays, got ${describe(pair)}` +
          (Array.isArray(pair) ? ` of ${pair.length}` : ""));
      }
      const [weights, biases] = pair;
      const layer = this.trainable_layers[i];
      checkShape(`weights of trainable layer ${i}`, weights, layer.weights);
      checkShape(`biases of trainable layer ${i}`, biases, layer.biases);
    });
    parameters.forEach(([weights, biases], i) => {
      const layer = this.trainable_layers[i];
      if (layer.set_parameters) {
        layer.set_parameters(weights, biases);
      } else {
        layer.weights = weights;
        layer.biases = biases;
      }
    });
  }

  /** Writes the parameters alone (see serialization.ts for the file format). */
  save_parameters(path: string): void {
    writeParameters(path, this.get_parameters());
  }

  /** Reads parameters written by save_parameters into this model (of the same architecture). */
  load_parameters(path: string): void {
    this.set_parameters(readParameters(path));
  }

  /** Writes the whole model: layers, their parameters and optimizer state, loss, accuracy, optimizer. */
  save(path: string): void {
    this.requireFinalized("save");
    writeModel(path, this);
  }

  /** A saved model, finalized and ready to evaluate, predict or train on. */
  static load(path: string): Model {
    const saved = readModel(path);
    const model = new Model();
    for (const layer of saved.layers) model.add(layer);
    model.set({ loss: saved.loss, optimizer: saved.optimizer, accuracy: saved.accuracy });
    model.finalize();
    return model;
  }

  /**
   * For a classifier of 2-D points, the decision regions the live chart redraws as it trains.
   * The live update comes after the step's parameter update, so a forward pass over the grid
   * there changes nothing the next step reads.
   */
  private liveRegions(X: NDArray, y: NDArray, accuracy: Accuracy): Regions | undefined {
    if (X.ndim !== 2 || X.shape[1] !== 2 || !(accuracy instanceof Accuracy_Categorical)) return undefined;
    return { X, y, predict: (grid) => this.predictionsOf(this.forward(grid, false)) };
  }

  private predictionsOf(output: NDArray): NDArray {
    const activation = this.output_layer_activation!;
    if (activation.predictions === undefined) {
      throw new Error(`Model: the last layer (${activation.constructor.name}) has no predictions(); end the model with an activation`);
    }
    return activation.predictions(output);
  }

  private requireFinalized(method: string): void {
    if (this.output_layer_activation === undefined) throw new Error(`Model.${method}: call model.finalize() first`);
  }

  /** The parts a method needs, with a clear error for any that set() did not give. */
  private parts(method: string, needsOptimizer: true): { loss: Loss; accuracy: Accuracy; optimizer: Optimizer };
  private parts(method: string, needsOptimizer: false): { loss: Loss; accuracy: Accuracy };
  private parts(method: string, needsOptimizer: boolean): { loss: Loss; accuracy: Accuracy; optimizer?: Optimizer } {
    this.requireFinalized(method);
    const missing = [
      this.loss === undefined && "loss",
      this.accuracy === undefined && method !== "backward" && "accuracy",
      needsOptimizer && this.optimizer === undefined && "optimizer",
    ].filter((name): name is string => typeof name === "string");
    if (missing.length > 0) throw new Error(`Model.${method}: set ${missing.join(" and ")} first: model.set({ ${missing.join(", ")} })`);
    return { loss: this.loss!, accuracy: this.accuracy!, optimizer: this.optimizer };
  }
}

/**
 * Model.set's `name` part: undefined (left out) or an object with the method `needs`
 * (what the model calls on it), so a wrong part fails at set, not in the middle of training.
 */
function part(name: string, value: unknown, needs: string, example: string): void {
  if (value !== undefined && typeof (value as Record<string, unknown>)?.[needs] !== "function") {
    throw new TypeError(`Model.set() argument '${name}' must be a${name === "optimizer" ? "n" : ""} ${name} (such as ${example}), with ${needs}(), got ${describe(value)}`);
  }
}

/**
 * Data to train or evaluate on: arrays with one target per sample, at least one sample and no
 * NaN or infinity. Checked once per call, before anything changes: unequal counts would
 * otherwise fail at the first short batch, after some updates; NaN would read as divergence.
 */
function checkData(callee: string, X: unknown, y: unknown, X_name: string, y_name: string): void {
  const named = [[X_name, X], [y_name, y]] as const;
  for (const [name, data] of named) {
    if (!(data instanceof NDArray)) throw new TypeError(`${callee}: ${name} must be an array (np.array(${name})), got ${describe(data)}`);
    if (data.ndim === 0 || data.shape[0] === 0) throw new Error(`${callee}: ${name} has shape ${formatShape(data.shape)}: no samples`);
  }
  const [samples, targets] = [(X as NDArray).shape[0], (y as NDArray).shape[0]];
  if (samples !== targets) {
    throw new Error(`${callee}: ${X_name} has ${samples} samples but ${y_name} has ${targets} targets: give one target per sample`);
  }
  // Only floats hold NaN. max and min are NaN if any element is, infinite if one is: two scans, no array made.
  for (const [name, data] of named) {
    const floats = data as NDArray;
    if (floats.dtype.startsWith("float") && !(Number.isFinite(np.max(floats)) && Number.isFinite(np.min(floats)))) {
      throw new Error(`${callee}: ${name} holds NaN or infinity; a loss computed from it would be NaN`);
    }
  }
}

/** len(X) // batch_size, plus one for a last partial batch; 1 without batches. */
function stepsFor(X: NDArray, batch_size: number | null): number {
  if (batch_size !== null) wholeNumber("batch_size", batch_size, 1);
  return batch_size === null ? 1 : Math.ceil(X.shape[0] / batch_size);
}

/** X[step*batch_size:(step+1)*batch_size], or all of X without batches. */
function batchOf(X: NDArray, step: number, batch_size: number | null): NDArray {
  if (batch_size === null) return X;
  // A view of those rows, as NumPy's slice is; nothing the model does writes to its inputs. A copy
  // of each batch cost a Fashion-MNIST epoch 0.1 s: 0.94-1.07 s with views, 1.06-1.14 s with
  // copies (four alternated runs each).
  const rowSize = X.size / X.shape[0];
  const first = step * batch_size, last = Math.min(first + batch_size, X.shape[0]);
  return new NDArray(X.data.subarray(first * rowSize, last * rowSize), [last - first, ...X.shape.slice(1)], X.dtype);
}

/** `acc: 0.062, loss: 2.303 (data_loss: 2.303, reg_loss: 0.000), lr: 0.001`, with Python's formatting. */
function progressLine(accuracy: number, data_loss: number, regularization_loss: number, optimizer: Optimizer): string {
  const loss = addLosses(data_loss, regularization_loss);
  return f`acc: ${accuracy}:.3f, loss: ${loss}:.3f (data_loss: ${data_loss}:.3f, reg_loss: ${regularization_loss}:.3f), lr: ${float(optimizer.current_learning_rate)}`;
}

/**
 * data_loss + regularization_loss as NumPy adds them: two float32 scalars (a float32 number
 * here is one float32 can hold exactly) give a float32 sum, so the printed loss rounds the same.
 */
function addLosses(data_loss: number, regularization_loss: number): number {
  const sum = data_loss + regularization_loss;
  const float32 = (x: number) => Math.fround(x) === x;
  return float32(data_loss) && float32(regularization_loss) ? Math.fround(sum) : sum;
}

function checkShape(what: string, given: NDArray, expected: NDArray): void {
  if (given.shape.length !== expected.shape.length || given.shape.some((d, k) => d !== expected.shape[k])) {
    throw new Error(`set_parameters: ${what} have shape ${formatShape(given.shape)}, the model's have shape ${formatShape(expected.shape)}`);
  }
}
