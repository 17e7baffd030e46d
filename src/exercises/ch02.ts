// Chapter 2's exercises: one neuron's output from plain lists, and a layer's output for a batch
// with np.dot, written by the learner as functions.
import * as np from "../np";
import { NDArray, formatShape } from "../np/core";
import { compareArrays, compareNumbers } from "./compare";
import { Exercise, filled } from "./exercise";

/** The learner's neuron: `neuron_output(inputs, weights, bias)` gives one number. */
export type NeuronFunction = (inputs: number[], weights: number[], bias: number) => number;

/** Close enough for sums of a few float64 products done in another order. */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 + 1e-9 * Math.abs(b);
}

/** The book's two neurons (2.3 and 4.8), then five inputs and a negative bias. */
const NEURONS = [
  { inputs: [1, 2, 3], weights: [0.2, 0.8, -0.5], bias: 2 },
  { inputs: [1.0, 2.0, 3.0, 2.5], weights: [0.2, 0.8, -0.5, 1.0], bias: 2.0 },
  { inputs: [-1.5, 2.7, 3.3, -0.8, 0.5], weights: [0.1, -0.14, 0.5, 0.3, -0.2], bias: -0.5 },
];

export const neuron = new Exercise<NeuronFunction>({
  title: "neuron_output",
  check(neuron_output) {
    for (const { inputs, weights, bias } of NEURONS) {
      const call = `neuron_output([${inputs.join(", ")}], [${weights.join(", ")}], ${bias})`;
      // Copies: a function that changes its arguments must not change the next case.
      const got = filled(neuron_output([...inputs], [...weights], bias));
      if (got === undefined) return `${call} returned undefined: end the function with return and the output.`;
      if (Array.isArray(got)) return `${call} returned a list, [${got.join(", ")}]; a neuron gives one number: add up the products and the bias.`;
      let weighted_sum = 0;
      for (let i = 0; i < inputs.length; i++) weighted_sum += inputs[i] * weights[i];
      const expected = weighted_sum + bias;
      const wrong = compareNumbers(call, got, expected);
      if (wrong === null) continue;
      if (typeof got !== "number") return wrong;
      if (close(got, weighted_sum)) {
        return `${call} is ${got}, the weighted sum without the bias; expected ${expected}: add the bias to the sum.`;
      }
      if (close(got, weighted_sum + inputs.length * bias)) {
        return `${call} is ${got}; expected ${expected}: the bias was added ${inputs.length} times, once per input. Add it once, after the loop.`;
      }
      if (close(got, inputs[0] * weights[0] + inputs[1] * weights[1] + inputs[2] * weights[2] + bias)) {
        return `${call} is ${got}; expected ${expected}: only the first three inputs were counted. Loop over all inputs.length of them.`;
      }
      return wrong;
    }
    return null;
  },
  hint: "Start with let output = 0, then for each index i add inputs[i] * weights[i]; after the loop add the bias once and return output.",
  solution: `function neuron_output(inputs: number[], weights: number[], bias: number): number {
  let output = 0;
  for (let i = 0; i < inputs.length; i++) {
    output += inputs[i] * weights[i];
  }
  output += bias;
  return output;
}`,
});

/** The learner's layer: `batch_outputs(inputs, weights, biases)` for a batch, weights one row per neuron. */
export type LayerFunction = (inputs: NDArray, weights: NDArray, biases: NDArray) => NDArray;

/** The book's batch, weights and biases (its printed 3 by 3 result), then two samples of five inputs and four neurons. */
const LAYERS = [
  {
    inputs: np.array([[1.0, 2.0, 3.0, 2.5], [2.0, 5.0, -1.0, 2.0], [-1.5, 2.7, 3.3, -0.8]], "float64"),
    weights: np.array([[0.2, 0.8, -0.5, 1.0], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]], "float64"),
    biases: np.array([2.0, 3.0, 0.5], "float64"),
  },
  {
    inputs: np.array([[0.5, -1.0, 2.0, 1.5, 0.0], [3.0, 0.25, -2.0, 1.0, -0.5]], "float64"),
    weights: np.array([[0.1, -0.2, 0.3, 0.4, 0.5], [-0.6, 0.7, 0.8, -0.9, 1.0], [0.15, 0.25, -0.35, 0.45, -0.55], [1.1, -1.2, 0.05, 0.6, 0.7]], "float64"),
    biases: np.array([1.0, -2.0, 0.5, 0.0], "float64"),
  },
];

const shapeOf = (x: NDArray) => formatShape(x.shape, ", ");

export const layer_batch = new Exercise<LayerFunction>({
  title: "batch_outputs",
  check(batch_outputs) {
    for (const { inputs, weights, biases } of LAYERS) {
      const shapes = `inputs ${shapeOf(inputs)}, weights ${shapeOf(weights)} (one row per neuron), biases ${shapeOf(biases)}`;
      let got: unknown;
      try {
        got = filled(batch_outputs(inputs.copy(), weights.copy(), biases.copy()));
      } catch (error) {
        if (!(error instanceof Error) || !/not aligned|could not be broadcast/.test(error.message)) throw error;
        return `with ${shapes}, your function stopped with "${error.message.trim()}". ` +
          "The shapes do not fit the way they are multiplied: weights has one row per neuron, just as inputs has one row per sample, " +
          "so the weights must be transposed (weights.T, one column per neuron) and come second: np.dot(inputs, weights.T), then add biases.";
      }
      if (got === undefined) return "batch_outputs returned undefined: end the function with return and the outputs.";
      const expected = np.add(np.dot(inputs, weights.T), biases);
      const wrong = compareArrays("output", got, expected);
      if (wrong === null) continue;
      if (!(got instanceof NDArray)) return wrong;
      const [samples, neurons] = expected.shape;
      if (got.ndim === 2 && got.shape[0] === neurons && got.shape[1] === samples && samples !== neurons) {
        return `with ${shapes}, output has shape ${shapeOf(got)}: one row per neuron and one column per sample. ` +
          `The layer's output for a batch has one row per sample and one column per neuron, shape ${shapeOf(expected)}: np.dot(inputs, weights.T) + biases.`;
      }
      if (compareArrays("output", got, expected.T) === null) {
        return "output is the right numbers transposed: one row per neuron and one column per sample. " +
          "The layer's output for a batch has one row per sample: np.dot(inputs, weights.T) + biases, without a transpose of the result.";
      }
      if (compareArrays("output", got, np.add(np.dot(weights, inputs.T), biases)) === null) {
        return "output is np.dot(weights, inputs.T) + biases: its rows are neurons and its columns samples, and each bias was added to a sample instead of a neuron. " +
          "Put the samples first: np.dot(inputs, weights.T) + biases.";
      }
      if (compareArrays("output", got, np.dot(inputs, weights.T)) === null) {
        return "output is the weighted sums without the biases: add biases (np.add), which adds the row of biases to every sample.";
      }
      return `with ${shapes}: ${wrong}`;
    }
    return null;
  },
  hint: "np.dot(inputs, weights.T) pairs every sample (a row of inputs) with every neuron (a column of weights.T); np.add then adds the biases to each row.",
  solution: `function batch_outputs(inputs: NDArray, weights: NDArray, biases: NDArray): NDArray {
  return np.add(np.dot(inputs, weights.T), biases);
}`,
});
