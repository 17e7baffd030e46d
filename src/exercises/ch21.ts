// Chapter 21's exercises: the body of Model.set_parameters (each trainable layer gets its own
// [weights, biases] pair), and the body of Model.load (a model assembled from what a file holds).
import * as np from "../np";
import { NDArray, formatShape } from "../np/core";
import { Accuracy_Categorical } from "../network/accuracy";
import { Activation_ReLU, Activation_Softmax } from "../network/activations";
import { Layer_Dense, type LayerParameters } from "../network/layers";
import { Loss_CategoricalCrossentropy } from "../network/losses";
import { Model } from "../network/model";
import { Optimizer_Adam } from "../network/optimizers";
import type { SavedModel } from "../network/serialization";
import { compareArrays } from "./compare";
import { unlessBlank } from "./blanks";
import { Exercise, filled, keepingRandomState } from "./exercise";

/** Dense(2, 4), ReLU, Dense(4, 4), ReLU, Dense(4, 3), softmax: three trainable layers of different shapes. */
const SHAPES: [number, number][] = [[2, 4], [4, 4], [4, 3]];

function smallModel(): Model {
  return keepingRandomState(() => {
    np.random.seed(0);
    const model = new Model();
    SHAPES.forEach(([n_inputs, n_neurons], i) => {
      model.add(new Layer_Dense(n_inputs, n_neurons));
      model.add(i < SHAPES.length - 1 ? new Activation_ReLU() : new Activation_Softmax());
    });
    model.set({ loss: new Loss_CategoricalCrossentropy(), accuracy: new Accuracy_Categorical() });
    model.finalize();
    return model;
  });
}

/** Parameters unlike the model's: every element differs from the layers' own. */
function newParameters(): LayerParameters[] {
  return keepingRandomState(() => {
    np.random.seed(21);
    return SHAPES.map(([n_inputs, n_neurons]): LayerParameters => [
      np.add(np.random.rand(n_inputs, n_neurons), 2).astype("float32"),
      np.subtract(np.random.rand(1, n_neurons), 3).astype("float32"),
    ]);
  });
}

const same = (got: unknown, expected: NDArray) => got instanceof NDArray && compareArrays("", got, expected) === null;

export type SetParameters = (model: Model, parameters: LayerParameters[]) => void;

export const set_parameters = new Exercise<SetParameters>({
  title: "set_parameters(model, parameters)",
  check: unlessBlank((answer) => {
    const model = smallModel();
    const before = model.trainable_layers.map((layer) => [layer.weights.copy(), layer.biases.copy()]);
    const parameters = newParameters();
    try {
      filled(answer(model, parameters));
    } catch (error) {
      if (error instanceof TypeError && /set_parameters is not a function/.test(error.message)) {
        return "a layer without set_parameters was given parameters: model.layers holds the activations too. Loop over model.trainable_layers, the layers with weights (finalize() collected them).";
      }
      throw error;
    }
    const layers = model.trainable_layers;
    const n = layers.length;
    const unchanged = (i: number) => same(layers[i].weights, before[i][0]) && same(layers[i].biases, before[i][1]);
    if (layers.every((_, i) => unchanged(i))) {
      return "no trainable layer changed: give each one its pair with layers[i].set_parameters(weights, biases).";
    }
    for (let i = 0; i < n; i++) {
      const weights: unknown = layers[i].weights;
      if (Array.isArray(weights)) {
        return `trainable layer ${i + 1}'s weights is a list of ${weights.length} arrays, the whole [weights, biases] pair: unpack the pair, const [weights, biases] = parameters[i], and pass both.`;
      }
    }
    if (layers.every((layer, i) => same(layer.weights, parameters[n - 1 - i][0]))) {
      return `the pairs went to the layers in reverse order: trainable layer 1 got the weights of shape ${formatShape(parameters[n - 1][0].shape, ", ")} meant for layer ${n}. parameters[i] belongs to model.trainable_layers[i], in the same order get_parameters lists them.`;
    }
    if (layers.every((layer, i) => same(layer.weights, parameters[i][1]) && same(layer.biases, parameters[i][0]))) {
      return "weights and biases are swapped: each pair is [weights, biases], and set_parameters takes them in that order.";
    }
    if (layers.every((layer) => same(layer.weights, parameters[0][0]))) {
      return "every trainable layer got the first pair: trainable layer i takes parameters[i].";
    }
    if (!unchanged(0) && layers.slice(1).every((_, k) => unchanged(k + 1))) {
      return `only trainable layer 1 got its parameters; layers 2 to ${n} kept their old ones: loop over all of model.trainable_layers.`;
    }
    for (let i = 0; i < n; i++) {
      const problem = compareArrays(`trainable layer ${i + 1}'s weights`, layers[i].weights, parameters[i][0]) ??
        compareArrays(`trainable layer ${i + 1}'s biases`, layers[i].biases, parameters[i][1]);
      if (problem !== null) return `${problem} (It should hold parameters[${i}], the pair set_parameters was given for it.)`;
    }
    return null;
  }),
  hint: "model.trainable_layers and parameters line up: for each i, unpack const [weights, biases] = parameters[i] and call model.trainable_layers[i].set_parameters(weights, biases).",
  solution: `function set_parameters(model: Model, parameters: LayerParameters[]): void {
  for (let i = 0; i < model.trainable_layers.length; i++) {
    const [weights, biases] = parameters[i];
    model.trainable_layers[i].set_parameters(weights, biases);
  }
}`,
});

/** What readModel returns for a small trained classifier: fresh objects for every check. */
function savedModel(): SavedModel {
  const model = smallModel();
  const optimizer = new Optimizer_Adam({ decay: 1e-3 });
  optimizer.iterations = 7;
  optimizer.current_learning_rate = 0.001 / (1 + 1e-3 * 7);
  return { layers: model.layers, loss: new Loss_CategoricalCrossentropy(), accuracy: new Accuracy_Categorical(), optimizer };
}

const nameOf = (object: unknown) => (typeof object === "object" && object !== null ? object.constructor.name : String(object));

export type ModelFrom = (saved: SavedModel, model: Model) => Model;

export const model_from = new Exercise<ModelFrom>({
  title: "model_from(saved, model)",
  check: unlessBlank((answer) => {
    const saved = savedModel();
    const result = filled(answer(saved, new Model()));
    if (!(result instanceof Model)) return `model_from returned ${nameOf(result)}: return the model you filled in.`;
    const layers = saved.layers;
    if (result.layers.length !== layers.length) {
      return `the model has ${result.layers.length} layers; the file holds ${layers.length}: model.add(layer) for each of saved.layers.`;
    }
    for (let i = 0; i < layers.length; i++) {
      if (result.layers[i] !== layers[i]) {
        return `layer ${i + 1} of the model is ${nameOf(result.layers[i])}; the file's layer ${i + 1} is ${nameOf(layers[i])}: add saved.layers in the file's order.`;
      }
    }
    for (const part of ["loss", "accuracy", "optimizer"] as const) {
      if (result[part] !== saved[part]) {
        const why = part === "optimizer" ? " Evaluating and predicting would work without it, but training could not go on where it stopped (Adam's step count and its arrays on the layers)." : "";
        return `the model's ${part} is ${result[part] === undefined ? "not set" : nameOf(result[part])}, not the file's ${nameOf(saved[part])}: model.set({ loss: saved.loss, accuracy: saved.accuracy, optimizer: saved.optimizer }).${why}`;
      }
    }
    if (result.output_layer_activation === undefined) {
      return "the model is not finalized: call model.finalize() once the layers are added and set() has the loss, so that it links the layers and finds the trainable ones.";
    }
    if (result.softmax_classifier_output === null) {
      return "finalize() ran before set(): finalize links the last layer to the loss and picks softmax with cross-entropy's combined gradient, so the loss must be set first.";
    }
    if (result.trainable_layers.length !== SHAPES.length) {
      return `the model found ${result.trainable_layers.length} trainable layers, not ${SHAPES.length}: finalize() after adding all the layers.`;
    }
    return null;
  }),
  hint: "Three steps, in this order: model.add(layer) for each of saved.layers; model.set({ loss: saved.loss, accuracy: saved.accuracy, optimizer: saved.optimizer }); model.finalize(). Then return the model.",
  solution: `function model_from(saved: SavedModel, model: Model): Model {
  for (const layer of saved.layers) model.add(layer);
  model.set({ loss: saved.loss, accuracy: saved.accuracy, optimizer: saved.optimizer });
  model.finalize();
  return model;
}`,
});
