// The answer key for chapters 21 and 22: what a Model's get_parameters, set_parameters,
// save_parameters/load_parameters, save/Model.load and predict produce. The Model trial
// (model-key.ts) runs this on the notebook's Model and on the library's and compares the results.
// Files go both ways: what the class writes is read back with the library's readers, and what the
// library's writers produce is loaded by the class.
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as np from "../np";
import { NDArray } from "../np/core";
import { seed } from "../np/random";
import type { LayerParameters } from "../network/layers";
import { readModel, readParameters, writeModel, writeParameters, type SavedModel } from "../network/serialization";

type Methods = Record<string, (...args: unknown[]) => unknown>;

/** One value a trial produced, named for the report: an array or a number. */
export interface ModelFileResult {
  name: string;
  value: unknown;
}

/** What the trials read from a model besides its methods (the book's attribute names). */
interface ModelParts {
  layers: object[];
  trainable_layers: { weights: NDArray; biases: NDArray }[];
  loss?: object;
  accuracy?: object;
  optimizer?: object;
}

/** The optimizer's state that lets training go on where it stopped. */
const OPTIMIZER_NUMBERS = ["learning_rate", "current_learning_rate", "decay", "iterations"];
const PREDICT_SAMPLES = 10;
/** 10 samples in batches of 4: two full batches and a partial one. */
const PREDICT_BATCH = 4;

/**
 * Runs the chapter 21-22 methods the class has on models from `make` (each call: a new,
 * finalized model with layers, loss, accuracy and optimizer set; the same model for both classes)
 * and returns named results: each array get_parameters returns; the trainable layers' arrays and
 * the output after set_parameters; the arrays in the files save_parameters and save write (read
 * with the library's readers) and in models that load_parameters and Model.load made from files
 * the library wrote; and predict's output with and without a batch_size.
 */
export function modelFileResults(make: () => Methods, has: (method: string) => boolean): ModelFileResult[] {
  const folder = mkdtempSync(join(tmpdir(), "nnfs-model-files-"));
  try {
    return [
      ...(has("get_parameters") ? getParametersTrial(make) : []),
      ...(has("set_parameters") ? setParametersTrial(make) : []),
      ...(has("save_parameters") ? saveParametersTrial(make, join(folder, "saved.parms")) : []),
      ...(has("load_parameters") ? loadParametersTrial(make, join(folder, "library.parms")) : []),
      ...(has("save") ? saveTrial(make, join(folder, "saved.model")) : []),
      // Model.load is static, out of has()'s sight: a class with save has load beside it.
      ...(has("save") ? loadTrial(make, join(folder, "library.model")) : []),
      ...(has("predict") ? predictTrial(make) : []),
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function partsOf(model: Methods): ModelParts {
  return model as unknown as ModelParts;
}

/** [weights, biases] per trainable layer, as a list of named results. */
function parameterResults(what: string, parameters: unknown): ModelFileResult[] {
  if (!Array.isArray(parameters)) return [{ name: `${what}: the list of [weights, biases] pairs`, value: parameters }];
  return [
    { name: `${what}: number of [weights, biases] pairs`, value: parameters.length },
    ...parameters.flatMap((pair: unknown, i) => {
      const [weights, biases] = Array.isArray(pair) ? pair : [pair, undefined];
      return [
        { name: `${what}: weights of trainable layer ${i + 1}`, value: weights },
        { name: `${what}: biases of trainable layer ${i + 1}`, value: biases },
      ];
    }),
  ];
}

function layerArrays(what: string, model: Methods): ModelFileResult[] {
  return parameterResults(what, partsOf(model).trainable_layers.map((layer) => [layer.weights, layer.biases]));
}

/** Seeded float32 parameters of the model's shapes, unlike the ones it has. */
function newParameters(model: Methods): LayerParameters[] {
  seed(21);
  return partsOf(model).trainable_layers.map((layer): LayerParameters => [
    np.random.randn(layer.weights.shape[0], layer.weights.shape[1]).astype("float32"),
    np.random.randn(layer.biases.shape[0], layer.biases.shape[1]).astype("float32"),
  ]);
}

/** Seeded float32 inputs the model's first layer takes. */
function inputsFor(model: Methods): NDArray {
  seed(22);
  return np.random.randn(PREDICT_SAMPLES, partsOf(model).trainable_layers[0].weights.shape[0]).astype("float32");
}

/** The model's output for the trial's inputs, or what went wrong (parameters of the wrong shapes). */
function outputOf(model: Methods): unknown {
  try {
    return model.forward(inputsFor(model), false);
  } catch (error) {
    return `an error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function getParametersTrial(make: () => Methods): ModelFileResult[] {
  return parameterResults("get_parameters()", make().get_parameters());
}

function setParametersTrial(make: () => Methods): ModelFileResult[] {
  const model = make();
  model.set_parameters(newParameters(model));
  return [
    ...layerArrays("after set_parameters", model),
    { name: "forward's output after set_parameters", value: outputOf(model) },
  ];
}

function saveParametersTrial(make: () => Methods, path: string): ModelFileResult[] {
  make().save_parameters(path);
  return parameterResults("the file save_parameters wrote", readParameters(path));
}

function loadParametersTrial(make: () => Methods, path: string): ModelFileResult[] {
  const model = make();
  writeParameters(path, newParameters(model));
  model.load_parameters(path);
  return layerArrays("after load_parameters", model);
}

/** Every array a saved model keeps (parameters, optimizer state) and the optimizer's numbers. */
function savedModelResults(what: string, saved: SavedModel): ModelFileResult[] {
  const results: ModelFileResult[] = [{ name: `${what}: number of layers`, value: saved.layers.length }];
  saved.layers.forEach((layer, i) => {
    for (const [name, value] of Object.entries(layer)) {
      if (value instanceof NDArray) results.push({ name: `${what}: ${name} of layer ${i + 1}`, value });
    }
  });
  // By name, so that a model without its optimizer, loss or accuracy shows as a difference.
  const optimizer = (saved.optimizer ?? {}) as Record<string, unknown>;
  for (const name of OPTIMIZER_NUMBERS) results.push({ name: `${what}: the optimizer's ${name}`, value: optimizer[name] });
  results.push({ name: `${what}: has a loss (1 yes, 0 no)`, value: saved.loss === undefined ? 0 : 1 });
  results.push({ name: `${what}: has an accuracy (1 yes, 0 no)`, value: saved.accuracy === undefined ? 0 : 1 });
  return results;
}

function saveTrial(make: () => Methods, path: string): ModelFileResult[] {
  make().save(path);
  return savedModelResults("the file save wrote", readModel(path));
}

/** Model.load, static: found on the class of the models make() returns. */
function loadTrial(make: () => Methods, path: string): ModelFileResult[] {
  const model = make();
  const Class = model.constructor as unknown as { load?: (path: string) => unknown };
  if (typeof Class.load !== "function") return [];
  const { layers, loss, accuracy, optimizer } = partsOf(model);
  writeModel(path, { layers, loss, accuracy, optimizer } as SavedModel);
  const loaded = Class.load(path) as Methods;
  return [
    ...savedModelResults("the model Model.load made", partsOf(loaded) as unknown as SavedModel),
    { name: "forward's output of the model Model.load made", value: outputOf(loaded) },
  ];
}

function predictTrial(make: () => Methods): ModelFileResult[] {
  const model = make();
  const X = inputsFor(model);
  return [
    { name: "predict(X)", value: model.predict(X) },
    { name: `predict(X, { batch_size: ${PREDICT_BATCH} }) (${PREDICT_SAMPLES} samples)`, value: model.predict(X, { batch_size: PREDICT_BATCH }) },
    { name: `predict(X, { batch_size: ${PREDICT_SAMPLES} })`, value: model.predict(X, { batch_size: PREDICT_SAMPLES }) },
  ];
}
