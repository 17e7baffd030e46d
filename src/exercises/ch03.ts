// Chapter 3's exercises: Layer_Dense's constructor and its forward pass, written by the learner.
// Constructing the learner's class draws random numbers; each check puts the global stream back
// where it found it, so the notebook's later numbers do not depend on whether the check ran.
import * as np from "../np";
import { NDArray, formatShape } from "../np/core";
import { seed } from "../np/random";
import { Layer_Dense } from "../network/layers";
import { compareArrays } from "./compare";
import { Exercise, filled, keepingRandomState, Problem } from "./exercise";

/** What the learner's layer class must offer: `new C(n_inputs, n_neurons)`, weights, biases, forward. */
export type DenseClass = new (n_inputs: number, n_neurons: number) => {
  weights: NDArray;
  biases: NDArray;
  output: NDArray;
  forward(inputs: NDArray): void;
};

const shapeOf = (x: NDArray) => formatShape(x.shape, ", ");

/** Four inputs and five neurons: a transposed weight matrix has a different shape. */
const N_INPUTS = 4;
const N_NEURONS = 5;

/** Both exercises' solution: the whole class, constructor and forward, as the book writes it. */
const LAYER_DENSE = `class My_Layer_Dense {
  weights: NDArray;
  biases: NDArray;
  output: NDArray;

  constructor(n_inputs: number, n_neurons: number) {
    this.weights = np.multiply(0.01, np.random.randn(n_inputs, n_neurons));
    this.biases = np.zeros([1, n_neurons]);
  }

  forward(inputs: NDArray): void {
    this.output = np.add(np.dot(inputs, this.weights), this.biases);
  }
}`;

export const dense_init = new Exercise<DenseClass>({
  title: "Layer_Dense's constructor",
  check(Layer) {
    return keepingRandomState(() => {
      seed(0);
      const layer = new Layer(N_INPUTS, N_NEURONS);
      const weights = filled(layer.weights);
      const biases = filled(layer.biases);
      seed(0);
      const key = new Layer_Dense(N_INPUTS, N_NEURONS);
      const call = `new ${Layer.name || "Layer_Dense"}(${N_INPUTS}, ${N_NEURONS})`;

      if (weights instanceof NDArray && formatShape(weights.shape) === formatShape([N_NEURONS, N_INPUTS])) {
        return `${call}.weights has shape ${shapeOf(weights)}; expected ${shapeOf(key.weights)}. Layer_Dense keeps one row per input and one column per neuron, ` +
          "np.random.randn(n_inputs, n_neurons), so that forward can use np.dot(inputs, this.weights) without transposing.";
      }
      const wrongWeights = compareArrays(`${call}.weights`, weights, key.weights);
      if (wrongWeights !== null && weights instanceof NDArray && formatShape(weights.shape) === formatShape(key.weights.shape)) {
        seed(0);
        const drawn = np.random.randn(N_INPUTS, N_NEURONS);
        if (compareArrays("weights", weights, drawn) === null) {
          return `${call}.weights are np.random.randn's values as drawn, 100 times the book's: multiply them by 0.01 so the layer starts with small weights.`;
        }
        const factor = weights.data[0] / drawn.data[0];
        if (Number.isFinite(factor) && compareArrays("weights", weights, np.multiply(factor, drawn), { rtol: 1e-4 }) === null) {
          return `${call}.weights are np.random.randn's values times ${Number(factor.toPrecision(6))}; the book scales them by 0.01.`;
        }
        seed(0);
        if (compareArrays("weights", weights, np.multiply(0.01, np.random.rand(N_INPUTS, N_NEURONS))) === null) {
          return `${call}.weights come from np.random.rand, uniform on [0, 1) and never negative; the book draws from the normal distribution, np.random.randn.`;
        }
        return `${wrongWeights} The check seeds the generator and then constructs your layer: the weights should be 0.01 * np.random.randn(n_inputs, n_neurons), the constructor's first random draw.`;
      }
      if (wrongWeights !== null) return wrongWeights;

      if (biases instanceof NDArray && biases.ndim === 1 && biases.shape[0] === N_NEURONS) {
        return `${call}.biases has shape ${shapeOf(biases)}; expected ${shapeOf(key.biases)}: np.zeros([1, n_neurons]), one row holding a bias per neuron.`;
      }
      const wrongBiases = compareArrays(`${call}.biases`, biases, key.biases);
      if (wrongBiases !== null && biases instanceof NDArray && formatShape(biases.shape) === formatShape(key.biases.shape)) {
        return `${wrongBiases} The book starts every bias at 0: np.zeros([1, n_neurons]).`;
      }
      return wrongBiases;
    });
  },
  hint: "Two lines: this.weights = 0.01 times np.random.randn(n_inputs, n_neurons) (np.multiply), and this.biases = np.zeros([1, n_neurons]).",
  solution: LAYER_DENSE,
});

/**
 * Weights, biases and inputs the forward check puts into the learner's layer: first three inputs
 * and three neurons (so every wrong order of the product still runs and can be named), then two
 * inputs and four neurons, spiral-like.
 */
const FORWARD_CASES = [
  {
    weights: np.array([[0.2, -0.5, 0.1], [0.7, 0.3, -0.4], [-0.6, 0.9, 0.8]], "float64"),
    biases: np.array([[2.0, 3.0, 0.5]], "float64"),
    inputs: np.array([[1.0, 2.0, 3.0], [2.0, 5.0, -1.0], [-1.5, 2.7, 3.3]], "float64"),
  },
  {
    weights: np.array([[0.01, -0.02, 0.03, 0.04], [-0.05, 0.06, 0.07, -0.08]], "float64"),
    biases: np.array([[0.5, -0.25, 0.0, 1.0]], "float64"),
    inputs: np.array([[0.0, 0.0], [0.1, -0.2], [-0.3, 0.4], [0.5, 0.6], [-0.7, -0.8]], "float64"),
  },
];

export const dense_forward = new Exercise<DenseClass>({
  title: "Layer_Dense's forward",
  check(Layer) {
    return keepingRandomState(() => {
      for (const { weights, biases, inputs } of FORWARD_CASES) {
        const [n_inputs, n_neurons] = weights.shape;
        const layer = new Layer(n_inputs, n_neurons);
        layer.weights = weights.copy();
        layer.biases = biases.copy();
        const setup = `a ${Layer.name || "Layer_Dense"}(${n_inputs}, ${n_neurons}) with weights ${shapeOf(weights)} and biases ${shapeOf(biases)}, forward on inputs ${shapeOf(inputs)}`;
        try {
          layer.forward(inputs.copy());
        } catch (error) {
          if (!(error instanceof Error) || !/not aligned|could not be broadcast/.test(error.message)) throw error;
          return `${setup} stopped with "${error.message.trim()}": each row of inputs (a sample) must meet each column of this.weights (a neuron), so np.dot(inputs, this.weights), then add this.biases.`;
        }
        const got = filled(layer.output);
        const expected = np.add(np.dot(inputs, weights), biases);
        const wrong = compareArrays("output", got, expected);
        if (wrong === null) continue;
        if (!(got instanceof NDArray)) return wrong;
        const same = (candidate: () => NDArray) => {
          try {
            return compareArrays("output", got, candidate()) === null;
          } catch {
            return false;  // that wrong order does not even run on these shapes
          }
        };
        if (same(() => np.dot(np.add(inputs, biases), weights))) {
          return "output adds the biases to the inputs before the dot product. Each neuron's bias belongs to its weighted sum: np.add(np.dot(inputs, this.weights), this.biases).";
        }
        if (same(() => np.add(np.dot(weights, inputs), biases))) {
          return "output is np.dot(this.weights, inputs) + biases, the product in the wrong order. Layer_Dense stores weights as (n_inputs, n_neurons), so the inputs come first: np.dot(inputs, this.weights).";
        }
        if (same(() => np.add(np.dot(inputs, weights.T), biases))) {
          return "output uses this.weights.T. Chapter 2's weights had one row per neuron and needed the transpose; Layer_Dense stores them already transposed, (n_inputs, n_neurons): np.dot(inputs, this.weights).";
        }
        if (same(() => np.dot(inputs, weights))) {
          return "output is the weighted sums without the biases: add this.biases (np.add), which adds the row of biases to every sample.";
        }
        return `${setup}: ${wrong}`;
      }
      return null;
    });
  },
  hint: "The same expression as chapter 2's batch, except that this.weights is already (n_inputs, n_neurons): no transpose. Store the result in this.output.",
  solution: LAYER_DENSE,
});
