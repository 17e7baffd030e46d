// The library's classes are the answer key: a class a learner writes in a chapter notebook runs
// beside the library's class of the same name on the same inputs, and every array they produce
// (forward outputs, gradients) must be identical, bit for bit.
import * as np from "../np";
import { NDArray, formatShape } from "../np/core";
import { get_state, seed, set_state } from "../np/random";
import * as activations from "../network/activations";
import * as layers from "../network/layers";
import { display } from "../notebook/display";

/** A book class as a learner writes it: constructed with the book's arguments, then forward and maybe backward. */
type BookClass = new (...args: never[]) => object;

type Library = Record<string, new (...args: unknown[]) => object>;
const LIBRARY: Library = { ...(activations as unknown as Library), ...(layers as unknown as Library) };

/**
 * Inputs an activation or a layer meets in the book: a layer's float32 outputs with negatives,
 * zeros, positives and large values (softmax must not overflow), and gradients to pass back.
 */
function trialInputs(columns: number): { inputs: NDArray; dvalues: NDArray } {
  seed(4);
  const inputs = np.multiply(np.random.randn(6, columns), 3).astype("float32");
  inputs.set([0, 0], 0);
  inputs.set([1, 0], 90);
  const dvalues = np.random.randn(6, columns).astype("float32");
  return { inputs, dvalues };
}

/** The arrays one object holds after a trial: output, dinputs, dweights, ... */
function arraysOf(object: object): Map<string, NDArray> {
  const found = new Map<string, NDArray>();
  for (const [key, value] of Object.entries(object)) if (value instanceof NDArray) found.set(key, value);
  return found;
}

/** Runs forward (and backward, if the learner's class has it) on a fresh object of each class. */
function trial(Class: BookClass, args: unknown[], columns: number, hasBackward: boolean): Map<string, NDArray> {
  const { inputs, dvalues } = trialInputs(columns);
  seed(0);  // a layer draws its weights in the constructor: the same draws for both classes
  const object = new (Class as new (...a: unknown[]) => { forward(x: NDArray): void; backward?(d: NDArray): void })(...args);
  object.forward(inputs);
  if (hasBackward) object.backward?.(dvalues);
  return arraysOf(object);
}

function identical(a: NDArray, b: NDArray): boolean {
  return a.dtype === b.dtype && formatShape(a.shape) === formatShape(b.shape) && np.array_equal(a, b, { equal_nan: true });
}

/**
 * Compares a class written in the notebook with the library's class of the same name:
 * `check_against_library(Activation_ReLU)`, `check_against_library(Layer_Dense, 2, 3)` (the
 * constructor's arguments follow the class). Prints which arrays are identical, or the first
 * that differs.
 */
export function check_against_library(Class: BookClass, ...args: unknown[]): void {
  // The trials draw random numbers; the notebook's own stream must go on as if they had not.
  const state = get_state();
  try {
    compare(Class, args);
  } finally {
    set_state(state);
  }
}

function compare(Class: BookClass, args: unknown[]): void {
  const Library = LIBRARY[Class.name];
  if (Library === undefined) throw new Error(`nnfs-ts has no class named ${Class.name} to compare with`);
  const hasBackward = typeof (Class.prototype as { backward?: unknown }).backward === "function";
  const columns = Class.name === "Layer_Dense" ? Number(args[0]) : 3;
  const mine = trial(Class, args, columns, hasBackward);
  const key = trial(Library as BookClass, args, columns, hasBackward);
  const compared: string[] = [];
  for (const [name, expected] of key) {
    const got = mine.get(name);
    if (got === undefined) continue;  // the library keeps more than a chapter's class may
    if (!identical(got, expected)) {
      report(`${Class.name}: ${name} differs from nnfs-ts's ${Class.name}: got ${got.dtype} ${formatShape(got.shape, ", ")}\n${got}\nexpected ${expected.dtype} ${formatShape(expected.shape, ", ")}\n${expected}`);
      return;
    }
    compared.push(name);
  }
  if (!compared.includes("output")) {
    report(`${Class.name}: forward did not set this.output, so there was nothing to compare`);
    return;
  }
  report(`${Class.name}: ${compared.join(", ")} identical to nnfs-ts's ${Class.name}`);
}

function report(text: string): void {
  display({ "text/plain": text });
}
