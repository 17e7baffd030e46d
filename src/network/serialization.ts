// Saving and loading (chapter 21). The book pickles the model, and unpickling runs whatever
// code the file names; these files hold only data, so loading one cannot run anything.
//
// The file: a fixed 24-byte prefix, a JSON header, the arrays' raw bytes, a SHA-256:
//   bytes 0-7    magic "NNFS-TS\0"
//   bytes 8-11   format version (uint32, little-endian), 1
//   bytes 12-15  header length H in bytes (uint32 LE)
//   bytes 16-23  data length D in bytes (uint64 LE)
//   then         the header, UTF-8 JSON: what the file holds (a model or parameters alone),
//                each array's dtype, shape and offset into the data, and for a model each
//                layer's, the loss's, the accuracy's and the optimizer's class and attributes
//   then         D bytes: the arrays, row-major, little-endian
//   last 32      SHA-256 of everything before it
// Reading checks each part in that order and fails with the reason before changing anything;
// writing goes to a temporary file in the same folder that is renamed over the target only
// once complete, so a crash never leaves a half-written file under the real name.
import { createHash } from "crypto";
import { accessSync, closeSync, constants, existsSync, fstatSync, openSync, readFileSync, readSync, statSync } from "fs";
import { endianness } from "os";
import { dirname } from "path";
import { writeAtomically } from "../files";
import { whyUnreadable } from "../nnfs/read-error";
import { NDArray, shapeSize } from "../np/core";
import type { DType } from "../np/dtype";
import { Accuracy, Accuracy_Categorical, Accuracy_Regression } from "./accuracy";
import {
  Activation_LeakyReLU, Activation_Linear, Activation_ReLU, Activation_Sigmoid, Activation_Softmax,
  Activation_Step, Activation_Swish, Activation_Tanh,
} from "./activations";
import { Layer_Dense, Layer_Dropout, type LayerParameters, type ModelLayer } from "./layers";
import {
  Loss, Loss_BinaryCrossentropy, Loss_CategoricalCrossentropy, Loss_MeanAbsoluteError, Loss_MeanSquaredError,
} from "./losses";
import { type Optimizer, Optimizer_Adagrad, Optimizer_Adam, Optimizer_RMSprop, Optimizer_SGD } from "./optimizers";

export const FORMAT_VERSION = 1;
const MAGIC = Buffer.from("NNFS-TS\0", "latin1");
const PREFIX_BYTES = 24;
const CHECKSUM_BYTES = 32;
const ELEMENT_BYTES: Partial<Record<DType, number>> = { float32: 4, float64: 8 };

/** What a model file holds; Model.load assembles a Model from it. */
export interface SavedModel {
  layers: ModelLayer[];
  loss?: Loss;
  accuracy?: Accuracy;
  optimizer?: Optimizer;
}

// The classes a file may name, each with a way to make a blank instance whose attributes and
// arrays the file then fills in. Layer_Dense(0, 0) draws no random numbers, so loading a model
// leaves np.random's stream where it was.
const LAYER_CLASSES: Record<string, [new (...args: never[]) => object, () => object]> = {
  Layer_Dense: [Layer_Dense, () => new Layer_Dense(0, 0)],
  Layer_Dropout: [Layer_Dropout, () => new Layer_Dropout(0)],
  Activation_ReLU: [Activation_ReLU, () => new Activation_ReLU()],
  Activation_Softmax: [Activation_Softmax, () => new Activation_Softmax()],
  Activation_Sigmoid: [Activation_Sigmoid, () => new Activation_Sigmoid()],
  Activation_Linear: [Activation_Linear, () => new Activation_Linear()],
  Activation_Step: [Activation_Step, () => new Activation_Step()],
  Activation_Tanh: [Activation_Tanh, () => new Activation_Tanh()],
  Activation_LeakyReLU: [Activation_LeakyReLU, () => new Activation_LeakyReLU()],
  Activation_Swish: [Activation_Swish, () => new Activation_Swish()],
};
const LOSS_CLASSES: typeof LAYER_CLASSES = {
  Loss_CategoricalCrossentropy: [Loss_CategoricalCrossentropy, () => new Loss_CategoricalCrossentropy()],
  Loss_BinaryCrossentropy: [Loss_BinaryCrossentropy, () => new Loss_BinaryCrossentropy()],
  Loss_MeanSquaredError: [Loss_MeanSquaredError, () => new Loss_MeanSquaredError()],
  Loss_MeanAbsoluteError: [Loss_MeanAbsoluteError, () => new Loss_MeanAbsoluteError()],
};
const ACCURACY_CLASSES: typeof LAYER_CLASSES = {
  Accuracy_Categorical: [Accuracy_Categorical, () => new Accuracy_Categorical()],
  Accuracy_Regression: [Accuracy_Regression, () => new Accuracy_Regression()],
};
const OPTIMIZER_CLASSES: typeof LAYER_CLASSES = {
  Optimizer_SGD: [Optimizer_SGD, () => new Optimizer_SGD()],
  Optimizer_Adagrad: [Optimizer_Adagrad, () => new Optimizer_Adagrad()],
  Optimizer_RMSprop: [Optimizer_RMSprop, () => new Optimizer_RMSprop()],
  Optimizer_Adam: [Optimizer_Adam, () => new Optimizer_Adam()],
};

/** The arrays worth keeping: parameters and the optimizer's per-layer state. The rest is per-batch. */
const KEPT_ARRAYS = ["weights", "biases", "weight_momentums", "bias_momentums", "weight_cache", "bias_cache"];
/** Running totals of one pass: a loaded model starts a fresh one, as the book's save() resets them. */
const PASS_TOTALS = ["accumulated_sum", "accumulated_count"];

interface TensorEntry { dtype: DType; shape: number[]; offset: number }
interface ObjectEntry { type: string; attributes: Record<string, number | boolean>; arrays: Record<string, number> }
interface Header {
  content: "model" | "parameters";
  tensors: TensorEntry[];
  /** content "parameters": each trainable layer's [weights, biases] tensor indices. */
  parameters?: [number, number][];
  /** content "model" */
  model?: { layers: ObjectEntry[]; loss: ObjectEntry | null; accuracy: ObjectEntry | null; optimizer: ObjectEntry | null };
}

export function writeParameters(path: string, parameters: LayerParameters[]): void {
  const tensors: NDArray[] = [];
  const pairs = parameters.map(([weights, biases]): [number, number] => [
    tensors.push(weights) - 1,
    tensors.push(biases) - 1,
  ]);
  checkSavePath(path);
  writeAtomically(path, encode({ content: "parameters", parameters: pairs }, tensors));
}

export function readParameters(path: string): LayerParameters[] {
  const { header, tensors } = decode(path, "parameters");
  const pairs = header.parameters;
  if (!Array.isArray(pairs)) fail(path, "the header has no parameter list");
  return pairs.map((pair): LayerParameters => [tensorAt(path, tensors, pair?.[0]), tensorAt(path, tensors, pair?.[1])]);
}

export function writeModel(path: string, model: SavedModel): void {
  const tensors: NDArray[] = [];
  const describe = (kind: string, classes: typeof LAYER_CLASSES, object: object | undefined): ObjectEntry | null =>
    object === undefined ? null : describeObject(kind, classes, object, tensors);
  const header = {
    content: "model" as const,
    model: {
      layers: model.layers.map((layer) => describeObject("layer", LAYER_CLASSES, layer, tensors)),
      loss: describe("loss", LOSS_CLASSES, model.loss),
      accuracy: describe("accuracy", ACCURACY_CLASSES, model.accuracy),
      optimizer: describe("optimizer", OPTIMIZER_CLASSES, model.optimizer),
    },
  };
  checkSavePath(path);
  writeAtomically(path, encode(header, tensors));
}

/**
 * A path a file can be saved to, checked before anything is written: Node's own errors
 * ("ENOENT: no such file or directory, scandir", "EISDIR ... rename '.m.1234.tmp'", "EACCES ...
 * open '.m.model.1234.tmp'") name the temporary file or the folder, not the mistake.
 */
function checkSavePath(path: string): void {
  checkPathType("save", path);
  const folder = dirname(path);
  if (!existsSync(folder)) throw new Error(`cannot save ${path}: the folder ${folder} does not exist (create it first)`);
  if (!statSync(folder).isDirectory()) throw new Error(`cannot save ${path}: ${folder} is a file, not a folder`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new Error(`cannot save ${path}: the folder ${folder} is not writable (permission denied)`);
  }
  if (existsSync(path) && statSync(path).isDirectory()) throw new Error(`cannot save ${path}: it is a folder; give a file name inside it`);
}

function checkPathType(verb: string, path: unknown): void {
  if (typeof path !== "string" || path === "") throw new TypeError(`cannot ${verb}: the path must be a non-empty string, got ${JSON.stringify(path)}`);
}

export function readModel(path: string): SavedModel {
  const { header, tensors } = decode(path, "model");
  const model = header.model;
  if (typeof model !== "object" || model === null || !Array.isArray(model.layers)) fail(path, "the header has no model description");
  const restore = <T>(classes: typeof LAYER_CLASSES, entry: ObjectEntry | null): T | undefined =>
    entry === null ? undefined : restoreObject(path, classes, entry, tensors) as T;
  const saved: SavedModel = {
    layers: model.layers.map((entry) => restoreObject(path, LAYER_CLASSES, entry, tensors) as ModelLayer),
    loss: restore<Loss>(LOSS_CLASSES, model.loss ?? null),
    accuracy: restore<Accuracy>(ACCURACY_CLASSES, model.accuracy ?? null),
    optimizer: restore<Optimizer>(OPTIMIZER_CLASSES, model.optimizer ?? null),
  };
  for (const layer of saved.layers) {
    if (layer instanceof Layer_Dense) checkDense(path, layer);
  }
  return saved;
}

/** A class name, the object's number and boolean attributes, and its kept arrays (as tensor indices). */
function describeObject(kind: string, classes: typeof LAYER_CLASSES, object: object, tensors: NDArray[]): ObjectEntry {
  const type = Object.keys(classes).find((name) => object.constructor === classes[name][0]);
  if (type === undefined) {
    throw new Error(`cannot save ${kind} ${object.constructor.name}: a model file holds only nnfs-ts's own classes (${Object.keys(classes).join(", ")})`);
  }
  const entry: ObjectEntry = { type, attributes: {}, arrays: {} };
  for (const [name, value] of Object.entries(object)) {
    if (typeof value === "boolean" || (typeof value === "number" && !PASS_TOTALS.includes(name))) {
      if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`cannot save ${type}.${name} = ${value}: not a finite number`);
      entry.attributes[name] = value;
    } else if (value instanceof NDArray && KEPT_ARRAYS.includes(name)) {
      entry.arrays[name] = tensors.push(value) - 1;
    }
  }
  return entry;
}

/**
 * A blank instance of a known class with the saved attributes and arrays. Only attributes a
 * fresh instance already has as numbers or booleans (or not yet set) may be written.
 */
function restoreObject(path: string, classes: typeof LAYER_CLASSES, entry: ObjectEntry, tensors: NDArray[]): object {
  const known = typeof entry?.type === "string" && Object.prototype.hasOwnProperty.call(classes, entry.type);
  if (!known) fail(path, `unknown class ${JSON.stringify(entry?.type)} (expected one of ${Object.keys(classes).join(", ")})`);
  // Both maps are always written; one missing or of another type would leave defaults in silently.
  for (const map of ["attributes", "arrays"] as const) {
    const value: unknown = entry[map];
    if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, `${entry.type}'s ${map} are not an object of names and values`);
  }
  const object = classes[entry.type][1]() as Record<string, unknown>;
  for (const [name, value] of Object.entries(entry.attributes)) {
    const current = Object.prototype.hasOwnProperty.call(object, name) ? object[name] : null;
    const settable = ["number", "boolean", "undefined"].includes(typeof current);
    if (!settable || (typeof value !== "number" && typeof value !== "boolean")) {
      fail(path, `${entry.type} has no attribute ${name} that a file may set`);
    }
    object[name] = value;
  }
  for (const [name, index] of Object.entries(entry.arrays)) {
    if (!KEPT_ARRAYS.includes(name)) fail(path, `${entry.type} has no array ${name} that a file may set`);
    object[name] = tensorAt(path, tensors, index);
  }
  return object;
}

function checkDense(path: string, layer: Layer_Dense): void {
  const { weights, biases } = layer;
  if (weights.ndim !== 2 || biases.ndim !== 2 || biases.shape[0] !== 1 || biases.shape[1] !== weights.shape[1]) {
    fail(path, `a Layer_Dense has weights of shape (${weights.shape}) and biases of shape (${biases.shape}), which do not fit together`);
  }
}

function tensorAt(path: string, tensors: NDArray[], index: unknown): NDArray {
  if (typeof index !== "number" || tensors[index] === undefined) fail(path, `the header refers to array ${String(index)}, which the file does not hold`);
  return tensors[index];
}

// --- the container --------------------------------------------------------------------------

function encode(header: Omit<Header, "tensors">, tensors: NDArray[]): Buffer {
  let offset = 0;
  const entries = tensors.map((tensor): TensorEntry => {
    if (ELEMENT_BYTES[tensor.dtype] === undefined) throw new Error(`cannot save a ${tensor.dtype} array: parameters are float32 or float64`);
    const entry = { dtype: tensor.dtype, shape: [...tensor.shape], offset };
    offset += tensor.data.byteLength;
    return entry;
  });
  const json = Buffer.from(JSON.stringify({ ...header, tensors: entries }), "utf8");
  const prefix = Buffer.alloc(PREFIX_BYTES);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(FORMAT_VERSION, 8);
  prefix.writeUInt32LE(json.length, 12);
  prefix.writeBigUInt64LE(BigInt(offset), 16);
  const body = Buffer.concat([prefix, json, ...tensors.map(({ data }) => littleEndian(Buffer.from(data.buffer, data.byteOffset, data.byteLength), data.BYTES_PER_ELEMENT))]);
  return Buffer.concat([body, createHash("sha256").update(body).digest()]);
}

function decode(path: string, content: Header["content"]): { header: Header; tensors: NDArray[] } {
  const { file, headerBytes, expected } = readWhole(path);
  const bodyEnd = expected - CHECKSUM_BYTES;
  const checksum = createHash("sha256").update(file.subarray(0, bodyEnd)).digest();
  if (!checksum.equals(file.subarray(bodyEnd))) fail(path, "checksum mismatch: the file is corrupted");

  let header: Header;
  try {
    header = JSON.parse(file.toString("utf8", PREFIX_BYTES, PREFIX_BYTES + headerBytes)) as Header;
  } catch {
    fail(path, "the header is not valid JSON");
  }
  const held = header?.content;
  if (held !== "model" && held !== "parameters") fail(path, `the header's content is ${JSON.stringify(held) ?? "missing"}, expected "model" or "parameters"`);
  if (held !== content) {
    const hint = content === "model" ? "load it with model.load_parameters(path)" : "load it with Model.load(path)";
    const what = (kind: Header["content"]) => (kind === "model" ? "a model" : "parameters");
    fail(path, `holds ${what(held)}, not ${what(content)}: ${hint}`);
  }
  if (!Array.isArray(header.tensors)) fail(path, "the header has no array list");
  const data = file.subarray(PREFIX_BYTES + headerBytes, bodyEnd);
  // The arrays follow one another in the data, as encode() writes them: two arrays sharing
  // bytes, or bytes that belong to none, mean a header that does not describe this data.
  let next = 0;
  const tensors = header.tensors.map((entry, i) => {
    const tensor = readTensor(path, data, entry, i, next);
    next += tensor.data.byteLength;
    return tensor;
  });
  if (next !== data.length) fail(path, `its arrays fill ${next} of the ${data.length} data bytes`);
  return { header, tensors };
}

/**
 * The file's bytes, read only once its prefix says it is ours and its size fits: a wrong file
 * (a pickle, a video) is refused after 24 bytes, not after reading all of it.
 */
function readWhole(path: string): { file: Buffer; headerBytes: number; expected: number } {
  checkPathType("load", path);
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    fail(path, whyUnreadable(error));
  }
  try {
    const stats = fstatSync(fd);
    // A folder opens, and fails only when read.
    if (stats.isDirectory()) fail(path, whyUnreadable({ code: "EISDIR" }));
    const size = stats.size;
    const prefix = Buffer.alloc(PREFIX_BYTES);
    const got = readSync(fd, prefix, 0, PREFIX_BYTES, 0);
    if (got < PREFIX_BYTES) fail(path, `truncated: ${got} bytes, shorter than the ${PREFIX_BYTES}-byte prefix`);
    if (!prefix.subarray(0, MAGIC.length).equals(MAGIC)) fail(path, "not an nnfs-ts model or parameters file (wrong magic bytes)");
    const version = prefix.readUInt32LE(8);
    if (version !== FORMAT_VERSION) fail(path, `format version ${version}, but this nnfs-ts reads version ${FORMAT_VERSION}`);
    const headerBytes = prefix.readUInt32LE(12);
    const expected = PREFIX_BYTES + headerBytes + Number(prefix.readBigUInt64LE(16)) + CHECKSUM_BYTES;
    if (size < expected) fail(path, `truncated: ${size} bytes, expected ${expected}`);
    if (size > expected) fail(path, `${size - expected} unexpected bytes after the end of the data (expected ${expected} bytes)`);
    return { file: readFileSync(fd), headerBytes, expected };
  } finally {
    closeSync(fd);
  }
}

/** Array `index`, which must start at byte `start` of the data, where the one before it ends. */
function readTensor(path: string, data: Buffer, entry: TensorEntry, index: number, start: number): NDArray {
  const elementBytes = ELEMENT_BYTES[entry?.dtype];
  const shape = entry?.shape;
  const validShape = Array.isArray(shape) && shape.every((d) => Number.isInteger(d) && d >= 0);
  if (elementBytes === undefined || !validShape) {
    const given = `dtype ${JSON.stringify(entry?.dtype)} and shape ${JSON.stringify(shape)}`;
    fail(path, `array ${index} has an invalid dtype or shape: ${given}, where a file holds float32 or float64 arrays of whole-number sizes`);
  }
  if (entry.offset !== start) {
    fail(path, `array ${index} has offset ${JSON.stringify(entry.offset) ?? "missing"}, but the arrays before it end at byte ${start}`);
  }
  const end = start + shapeSize(shape) * elementBytes;
  if (end > data.length) fail(path, `array ${index} lies outside the data`);
  // A copy into a fresh buffer: aligned for the typed array, and sharing nothing with the file.
  const buffer = new ArrayBuffer(end - start);
  littleEndian(data.subarray(start, end), elementBytes).copy(new Uint8Array(buffer));
  const values = entry.dtype === "float32" ? new Float32Array(buffer) : new Float64Array(buffer);
  return new NDArray(values, shape, entry.dtype);
}

/** Bytes of elementBytes-wide numbers in little-endian order (swapped on a big-endian machine). */
function littleEndian(bytes: Buffer, elementBytes: number): Buffer {
  if (endianness() === "LE") return bytes;
  const swapped = Buffer.from(bytes);
  return elementBytes === 8 ? swapped.swap64() : swapped.swap32();
}

function fail(path: string, reason: string): never {
  throw new Error(`cannot load ${path}: ${reason}`);
}
