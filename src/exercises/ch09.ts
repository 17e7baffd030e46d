// Chapter 9's exercises: Layer_Dense's backward pass, and the combined softmax and
// cross-entropy backward pass.
import * as np from "../np";
import { NDArray, formatShape } from "../np/core";
import { Layer_Dense } from "../network/layers";
import { Activation_Softmax_Loss_CategoricalCrossentropy } from "../network/losses";
import { compareArrays } from "./compare";
import { noBlankFields, unlessBlank } from "./blanks";
import { Exercise, filled, keepingRandomState, NotAttempted } from "./exercise";

/** What the learner's dense layer must offer: the book's constructor, forward, and backward setting the three gradients. */
export type DenseClass = new (n_inputs: number, n_neurons: number) => {
  weights: NDArray;
  biases: NDArray;
  dweights: NDArray;
  dbiases: NDArray;
  dinputs: NDArray;
  forward(inputs: NDArray): void;
  backward(dvalues: NDArray): void;
};

/** A dense layer's example: 3 samples of 4 inputs, 3 neurons, and the gradient the next layer hands back. */
export interface DenseExample {
  inputs: NDArray;
  weights: NDArray;
  biases: NDArray;
  dvalues: NDArray;
}

/** The chapter's example layer: gradients that differ in every element. */
export const EXAMPLE: DenseExample = {
  inputs: np.array([[1, 2, 3, 2.5], [2, 5, -1, 2], [-1.5, 2.7, 3.3, -0.8]]),
  weights: np.array([[0.2, 0.8, -0.5, 1], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]]).T,
  biases: np.array([[2, 3, 0.5]]),
  dvalues: np.array([[1, -2, 0.5], [2, 0.5, -1], [-3, 1, 2]]),
};

/** Runs forward and backward on a layer with an example's parameters; the notebook's random stream is left as it was. */
export function backwardOf<T extends { weights: NDArray; biases: NDArray; forward(inputs: NDArray): void; backward(dvalues: NDArray): void }>(
  make: () => T, example: DenseExample = EXAMPLE,
): T {
  const layer = keepingRandomState(() => noBlankFields(make()));
  layer.weights = example.weights.copy();
  layer.biases = example.biases.copy();
  layer.forward(example.inputs.copy());
  layer.backward(example.dvalues.copy());
  return layer;
}

const SHAPES = `inputs is (3, 4), weights (4, 3), dvalues (3, 3)`;

export const dense_backward = new Exercise<DenseClass>({
  title: "Layer_Dense's backward",
  check: unlessBlank((Dense) => {
    let layer: InstanceType<DenseClass>;
    try {
      layer = backwardOf(() => new Dense(4, 3));
    } catch (error) {
      if (error instanceof Error && /not aligned/.test(error.message)) {
        return `np.dot could not multiply (${error.message}). Here ${SHAPES}. dweights must have weights' shape (4, 3): inputs.T (4, 3) · dvalues (3, 3). dinputs must have inputs' shape (3, 4): dvalues (3, 3) · weights.T (3, 4).`;
      }
      throw error;
    }
    const key = backwardOf(() => new Layer_Dense(4, 3));

    const dweights = filled(layer.dweights);
    const wrong_dweights = compareArrays("dweights", dweights, key.dweights);
    if (wrong_dweights !== null) {
      const shaped = dweights instanceof NDArray && formatShape(dweights.shape) !== formatShape(key.dweights.shape);
      return shaped ? `${wrong_dweights} dweights holds one gradient per weight, so it has weights' shape: inputs.T (4, 3) · dvalues (3, 3).` : wrong_dweights;
    }

    const dbiases = filled(layer.dbiases);
    const wrong_dbiases = compareArrays("dbiases", dbiases, key.dbiases);
    if (wrong_dbiases !== null && dbiases instanceof NDArray) {
      if (compareArrays("dbiases", dbiases.reshape(-1), np.sum(EXAMPLE.dvalues, { axis: 1 })) === null) {
        return `dbiases sums each sample's gradients (axis 1), giving shape ${formatShape(dbiases.shape, ", ")}. A bias meets every sample, so its gradient sums over the samples: axis 0, { axis: 0, keepdims: true }, shape (1, 3) like biases.`;
      }
      if (compareArrays("dbiases", dbiases, key.dbiases.reshape(-1)) === null) {
        return `dbiases has shape ${formatShape(dbiases.shape, ", ")}; expected (1, 3), the shape of biases: keep the summed axis with keepdims: true.`;
      }
    }
    if (wrong_dbiases !== null) return wrong_dbiases;

    const dinputs = filled(layer.dinputs);
    const wrong_dinputs = compareArrays("dinputs", dinputs, key.dinputs);
    if (wrong_dinputs !== null && dinputs instanceof NDArray && formatShape(dinputs.shape) !== formatShape(key.dinputs.shape)) {
      return `${wrong_dinputs} dinputs holds one gradient per input, so it has inputs' shape: dvalues (3, 3) · weights.T (3, 4).`;
    }
    return wrong_dinputs;
  }),
  hint: "Each gradient has the shape of what it is the gradient of. dweights: inputs.T · dvalues. dbiases: dvalues summed over the samples, { axis: 0, keepdims: true }. dinputs: dvalues · weights.T.",
  solution: `class Layer_Dense {
  weights: NDArray;
  biases: NDArray;
  inputs: NDArray;
  output: NDArray;
  dweights: NDArray;
  dbiases: NDArray;
  dinputs: NDArray;

  constructor(n_inputs: number, n_neurons: number) {
    this.weights = np.multiply(0.01, np.random.randn(n_inputs, n_neurons));
    this.biases = np.zeros([1, n_neurons]);
  }

  forward(inputs: NDArray): void {
    this.inputs = inputs;
    this.output = np.add(np.dot(inputs, this.weights), this.biases);
  }

  backward(dvalues: NDArray): void {
    this.dweights = np.dot(this.inputs.T, dvalues);
    this.dbiases = np.sum(dvalues, { axis: 0, keepdims: true });
    this.dinputs = np.dot(dvalues, this.weights.T);
  }
}`,
});

/** What the learner's combined class must offer here: backward(dvalues, y_true) sets dinputs. */
export type SoftmaxLossClass = new () => { dinputs: NDArray; backward(dvalues: NDArray, y_true: NDArray): void };

/** The chapter's softmax outputs and one more sample, so that the batch size (4) differs from the classes (3). */
const SOFTMAX_OUTPUTS = np.array([[0.7, 0.1, 0.2], [0.1, 0.5, 0.4], [0.02, 0.9, 0.08], [0.3, 0.3, 0.4]]);
const CLASS_TARGETS = np.array([0, 1, 1, 2]);
const SAMPLES = SOFTMAX_OUTPUTS.shape[0];

/** The learner's dinputs for these targets, and whether backward left dvalues as it found them. */
function dinputsOf(Combined: SoftmaxLossClass, y_true: NDArray): { got: unknown; dvalues_kept: boolean } {
  const dvalues = SOFTMAX_OUTPUTS.copy();
  const combined = noBlankFields(new Combined());
  combined.backward(dvalues, y_true.copy());
  return { got: filled(combined.dinputs), dvalues_kept: np.array_equal(dvalues, SOFTMAX_OUTPUTS) };
}

export const softmax_loss_backward = new Exercise<SoftmaxLossClass>({
  title: "Activation_Softmax_Loss_CategoricalCrossentropy's backward",
  check: unlessBlank((Combined) => {
    const key = new Activation_Softmax_Loss_CategoricalCrossentropy();
    key.backward(SOFTMAX_OUTPUTS, CLASS_TARGETS);
    const expected = key.dinputs;

    const { got, dvalues_kept } = dinputsOf(Combined, CLASS_TARGETS);
    const wrong = compareArrays("dinputs", got, expected);
    if (wrong !== null && got instanceof NDArray && formatShape(got.shape) === formatShape(expected.shape)) {
      if (compareArrays("dinputs", got, np.multiply(expected, SAMPLES)) === null) {
        return `dinputs is ${SAMPLES} times too large: divide by samples (dvalues.shape[0], ${SAMPLES} here), so that the gradient is that of the mean loss and does not grow with the batch.`;
      }
      if (compareArrays("dinputs", got, np.divide(SOFTMAX_OUTPUTS, SAMPLES)) === null || compareArrays("dinputs", got, SOFTMAX_OUTPUTS) === null) {
        return "dinputs is dvalues unchanged apart from the scaling: subtract 1 at each sample's true class (row i, column y_true[i]), which is ŷ - y for a one-hot y.";
      }
      if (compareArrays("dinputs", got, np.divide(np.subtract(SOFTMAX_OUTPUTS, 1), SAMPLES)) === null) {
        return "1 was subtracted from every element of dinputs; subtract it only at each sample's true class: this.dinputs.get(rows, y_true) and set([rows, y_true], ...).";
      }
    }
    if (wrong !== null) return wrong;
    if (!dvalues_kept) return "dinputs is right, but backward changed dvalues, which belong to the caller: start from a copy, dvalues.copy().";

    let wrong_one_hot: string | null;
    try {
      wrong_one_hot = compareArrays("dinputs", dinputsOf(Combined, np.eye(3).get(CLASS_TARGETS)).got, expected);
    } catch (error) {
      if (error instanceof NotAttempted) throw error;
      wrong_one_hot = `backward threw ${error instanceof Error ? error.message : String(error)}.`;
    }
    if (wrong_one_hot !== null) {
      return `right for sparse y_true, but not for one-hot y_true: ${wrong_one_hot} Turn one-hot rows into class indices first: np.argmax(y_true, { axis: 1 }) when y_true.ndim === 2.`;
    }
    return null;
  }),
  hint: "Copy dvalues; at row i, column y_true[i] subtract 1 (get(rows, y_true), then set([rows, y_true], ...) with rows = np.arange(samples)); divide everything by samples. One-hot y_true first becomes indices with np.argmax(y_true, { axis: 1 }).",
  solution: `class Activation_Softmax_Loss_CategoricalCrossentropy {
  dinputs: NDArray;

  backward(dvalues: NDArray, y_true: NDArray): void {
    const samples = dvalues.shape[0];
    const labels = y_true.ndim === 2 ? np.argmax(y_true, { axis: 1 }) : y_true;
    const rows = np.arange(samples);
    this.dinputs = dvalues.copy();
    this.dinputs.set([rows, labels], np.subtract(this.dinputs.get(rows, labels), 1));
    this.dinputs = np.divide(this.dinputs, samples);
  }
}`,
});
