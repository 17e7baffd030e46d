// Chapter 14's exercises: the regularization terms of Layer_Dense's backward pass, and
// Loss.regularization_loss.
import * as np from "../np";
import { NDArray } from "../np/core";
import { Layer_Dense, TrainableLayer } from "../network/layers";
import { Loss_CategoricalCrossentropy } from "../network/losses";
import { compareArrays, compareNumbers } from "./compare";
import { noBlankFields, unlessBlank } from "./blanks";
import { backwardOf, DenseExample, EXAMPLE as CHAPTER_9 } from "./ch09";
import { Exercise, filled, keepingRandomState, Problem } from "./exercise";

/** The four strengths, as the book's keyword arguments. */
export interface Regularizers {
  weight_regularizer_l1?: number;
  weight_regularizer_l2?: number;
  bias_regularizer_l1?: number;
  bias_regularizer_l2?: number;
}

/** What the learner's dense layer must offer: the book's constructor with the strengths, forward, and backward. */
export type RegularizedDenseClass = new (n_inputs: number, n_neurons: number, regularizers?: Regularizers) => {
  weights: NDArray;
  biases: NDArray;
  dweights: NDArray;
  dbiases: NDArray;
  dinputs: NDArray;
  forward(inputs: NDArray): void;
  backward(dvalues: NDArray): void;
};

/** Four different strengths, so that a term with the wrong λ shows. */
const STRENGTHS = { weight_regularizer_l1: 0.1, weight_regularizer_l2: 0.2, bias_regularizer_l1: 0.3, bias_regularizer_l2: 0.4 };

// Chapter 9's example layer, with a weight and a bias of exactly 0 (where the book's L1 slope is
// +1 and np.sign gives 0) and negative ones (where the sign matters).
const EXAMPLE: DenseExample = {
  ...CHAPTER_9,
  weights: np.array([[0.2, 0.8, -0.5, 0], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]]).T,
  biases: np.array([[2, -3, 0]]),
};
const { inputs: INPUTS, weights: WEIGHTS, biases: BIASES, dvalues: DVALUES } = EXAMPLE;

/** The book's L1 slope: 1 where the value is ≥ 0, -1 where it is negative. */
function l1Slope(values: NDArray): NDArray {
  return np.where(np.less(values, 0), -1, 1);
}

/**
 * What is wrong with a parameter's gradient, when it is one of the typical mistakes: `data` is
 * the gradient from the data alone, `values` the parameter, l1 and l2 its strengths.
 */
function termProblem(name: string, got: NDArray, data: NDArray, values: NDArray, l1: number, l2: number, l1Name: string, l2Name: string): Problem {
  const is = (expected: NDArray) => compareArrays(name, got, expected) === null;
  const withTerms = (l1Term: NDArray | number, l2Term: NDArray | number) => np.add(np.add(data, l1Term), l2Term);
  const l1Term = np.multiply(l1, l1Slope(values));
  const l2Term = np.multiply(2 * l2, values);
  const parameter = name === "dweights" ? "weights" : "biases";
  const w = parameter === "weights" ? "w" : "b";
  if (is(data)) {
    return `${name} holds only the data's gradient: the regularization terms are missing. Add ${l1Name} · dL1 and 2 · ${l2Name} · ${parameter} to it, after computing it from dvalues (terms added before that are overwritten).`;
  }
  if (is(withTerms(0, l2Term))) return `${name} has the L2 term but not the L1 term: add ${l1Name} · dL1, where dL1 is 1 for ${w} ≥ 0 and -1 for ${w} < 0.`;
  if (is(withTerms(l1Term, 0))) return `${name} has the L1 term but not the L2 term: add 2 · ${l2Name} · ${parameter}.`;
  if (is(withTerms(l1, l2Term))) {
    return `${name} adds ${l1Name} to every element: the L1 term needs the sign of each ${w}, so that negative ${parameter} get -${l1Name}. dL1 = np.ones_like(${parameter}), then -1 where ${parameter} < 0.`;
  }
  if (is(withTerms(np.multiply(l1, np.sign(values)), l2Term))) {
    return `${name} is right except where ${w} is exactly 0: np.sign gives 0 there, the book's dL1 gives 1 (np.ones_like, then -1 only where ${w} < 0).`;
  }
  if (is(withTerms(np.multiply(-l1, l1Slope(values)), l2Term))) return `${name}'s L1 term has the wrong sign: dL1 is 1 where ${w} ≥ 0 and -1 where ${w} < 0, not the other way round.`;
  if (is(withTerms(np.multiply(l1, np.abs(values)), l2Term))) return `${name}'s L1 term uses |${w}|, the penalty itself; its derivative is the sign, dL1: 1 for ${w} ≥ 0, -1 for ${w} < 0.`;
  if (is(withTerms(l1Term, np.multiply(l2, values)))) return `${name}'s L2 term is ${l2Name} · ${w}; the derivative of ${w}² is 2${w}, so the term is 2 · ${l2Name} · ${parameter}.`;
  if (is(np.subtract(np.subtract(data, l1Term), l2Term))) return `${name} subtracts the regularization terms; add them: the penalty is added to the loss, so its gradient adds to the data's.`;
  return null;
}

export const regularized_backward = new Exercise<RegularizedDenseClass>({
  title: "Layer_Dense's backward with L1 and L2 regularization",
  check: unlessBlank((Dense) => {
    const layer = backwardOf(() => new Dense(4, 3, { ...STRENGTHS }), EXAMPLE);
    const stored = layer as unknown as Record<string, unknown>;
    for (const [name, value] of Object.entries(STRENGTHS)) {
      if (stored[name] !== value) {
        return `after new Layer_Dense(4, 3, { ${name}: ${value}, ... }), this.${name} is ${String(stored[name])}: the constructor keeps each strength on the layer for backward.`;
      }
    }
    const key = backwardOf(() => new Layer_Dense(4, 3, { ...STRENGTHS }), EXAMPLE);
    const data_dweights = np.dot(INPUTS.T, DVALUES);
    const data_dbiases = np.sum(DVALUES, { axis: 0, keepdims: true });

    const dweights = filled(layer.dweights);
    const wrong_dweights = compareArrays("dweights", dweights, key.dweights);
    if (wrong_dweights !== null) {
      const specific = dweights instanceof NDArray && dweights.shape.length === 2
        ? termProblem("dweights", dweights, data_dweights, WEIGHTS, STRENGTHS.weight_regularizer_l1, STRENGTHS.weight_regularizer_l2, "weight_regularizer_l1", "weight_regularizer_l2")
        : null;
      return specific ?? wrong_dweights;
    }

    const dbiases = filled(layer.dbiases);
    const wrong_dbiases = compareArrays("dbiases", dbiases, key.dbiases);
    if (wrong_dbiases !== null) {
      if (!(dbiases instanceof NDArray) || dbiases.shape.length !== 2) return wrong_dbiases;
      const withWeightStrengths = np.add(np.add(data_dbiases, np.multiply(STRENGTHS.weight_regularizer_l1, l1Slope(BIASES))),
        np.multiply(2 * STRENGTHS.weight_regularizer_l2, BIASES));
      if (compareArrays("dbiases", dbiases, withWeightStrengths) === null) {
        return "dbiases uses the weights' strengths: the biases have their own, bias_regularizer_l1 and bias_regularizer_l2.";
      }
      return termProblem("dbiases", dbiases, data_dbiases, BIASES, STRENGTHS.bias_regularizer_l1, STRENGTHS.bias_regularizer_l2, "bias_regularizer_l1", "bias_regularizer_l2") ?? wrong_dbiases;
    }

    const wrong_dinputs = compareArrays("dinputs", filled(layer.dinputs), key.dinputs);
    return wrong_dinputs === null ? null : `${wrong_dinputs} Regularization changes only the parameters' gradients; dinputs stays dvalues · weights.T.`;
  }),
  hint: "L1: dL1 = np.ones_like(this.weights), then dL1.set([np.less(this.weights, 0)], -1); add weight_regularizer_l1 · dL1 to dweights. L2: add 2 · weight_regularizer_l2 · weights. The same for the biases with their own strengths, and only when the strength is > 0.",
  solution: `class Layer_Dense {
  weights: NDArray;
  biases: NDArray;
  weight_regularizer_l1: number;
  weight_regularizer_l2: number;
  bias_regularizer_l1: number;
  bias_regularizer_l2: number;
  inputs: NDArray;
  output: NDArray;
  dweights: NDArray;
  dbiases: NDArray;
  dinputs: NDArray;

  constructor(n_inputs: number, n_neurons: number,
              { weight_regularizer_l1 = 0, weight_regularizer_l2 = 0,
                bias_regularizer_l1 = 0, bias_regularizer_l2 = 0 } = {}) {
    this.weights = np.multiply(0.01, np.random.randn(n_inputs, n_neurons));
    this.biases = np.zeros([1, n_neurons]);
    this.weight_regularizer_l1 = weight_regularizer_l1;
    this.weight_regularizer_l2 = weight_regularizer_l2;
    this.bias_regularizer_l1 = bias_regularizer_l1;
    this.bias_regularizer_l2 = bias_regularizer_l2;
  }

  forward(inputs: NDArray): void {
    this.inputs = inputs;
    this.output = np.add(np.dot(inputs, this.weights), this.biases);
  }

  backward(dvalues: NDArray): void {
    this.dweights = np.dot(this.inputs.T, dvalues);
    this.dbiases = np.sum(dvalues, { axis: 0, keepdims: true });

    if (this.weight_regularizer_l1 > 0) {
      const dL1 = np.ones_like(this.weights);
      dL1.set([np.less(this.weights, 0)], -1);
      np.add(this.dweights, np.multiply(this.weight_regularizer_l1, dL1), { out: this.dweights });
    }
    if (this.weight_regularizer_l2 > 0) {
      np.add(this.dweights, np.multiply(2 * this.weight_regularizer_l2, this.weights), { out: this.dweights });
    }
    if (this.bias_regularizer_l1 > 0) {
      const dL1 = np.ones_like(this.biases);
      dL1.set([np.less(this.biases, 0)], -1);
      np.add(this.dbiases, np.multiply(this.bias_regularizer_l1, dL1), { out: this.dbiases });
    }
    if (this.bias_regularizer_l2 > 0) {
      np.add(this.dbiases, np.multiply(2 * this.bias_regularizer_l2, this.biases), { out: this.dbiases });
    }

    this.dinputs = np.dot(dvalues, this.weights.T);
  }
}`,
});

/** A layer as regularization_loss reads it: parameters and the four strengths. */
interface RegularizedLayer extends Required<Regularizers> {
  weights: NDArray;
  biases: NDArray;
}

/** What the learner's loss must offer: regularization_loss(layer) returning one number. */
export type RegularizationLossClass = new () => { regularization_loss(layer: RegularizedLayer): number };

const NO_STRENGTHS = { weight_regularizer_l1: 0, weight_regularizer_l2: 0, bias_regularizer_l1: 0, bias_regularizer_l2: 0 };

function layerWith(strengths: Regularizers): RegularizedLayer {
  return { weights: WEIGHTS.copy(), biases: BIASES.copy(), ...NO_STRENGTHS, ...strengths };
}

/** What is wrong with one penalty computed alone, when it is one of the typical mistakes. */
function penaltyProblem(strength: keyof Regularizers, got: number, expected: number): Problem {
  const λ = STRENGTHS[strength];
  const bias = strength.startsWith("bias");
  const values = bias ? BIASES : WEIGHTS;
  const other = bias ? WEIGHTS : BIASES;
  const parameter = bias ? "layer.biases" : "layer.weights";
  const l1 = strength.endsWith("l1");
  const is = (value: number) => compareNumbers("", got, value) === null;
  const alone = `with only ${strength} = ${λ} set, regularization_loss returned ${got}; expected ${expected}`;
  if (got === 0) return `${alone}: that penalty is missing (is there an if for ${strength} > 0, and does its term add to the total?).`;
  if (l1 && is(λ * np.sum(np.square(values)))) return `${alone}: the L1 penalty sums magnitudes, ${strength} · Σ|${bias ? "b" : "w"}| (np.abs), not squares.`;
  if (l1 && is(λ * np.sum(values))) return `${alone}: without np.abs the negative ${bias ? "biases" : "weights"} cancel positive ones; L1 sums magnitudes, np.sum(np.abs(${parameter})).`;
  if (!l1 && is(λ * np.sum(np.abs(values)))) return `${alone}: the L2 penalty sums squares, ${strength} · Σ${bias ? "b" : "w"}² (np.square), not magnitudes.`;
  if (!l1 && is(λ * np.sum(values) ** 2)) return `${alone}: that is the square of the sum; L2 is the sum of the squares, np.sum(np.square(${parameter})).`;
  if (!l1 && is(2 * λ * np.sum(np.square(values)))) return `${alone}: twice too large. The 2 belongs to the gradient (2λw); the penalty is λ · Σw².`;
  const fromOther = l1 ? λ * np.sum(np.abs(other)) : λ * np.sum(np.square(other));
  if (is(fromOther)) return `${alone}: it is computed from the ${bias ? "weights" : "biases"}; ${strength} applies to ${parameter}.`;
  return `${alone}.`;
}

export const regularization_loss = new Exercise<RegularizationLossClass>({
  title: "Loss.regularization_loss",
  check: unlessBlank((LossClass) => {
    const loss = keepingRandomState(() => noBlankFields(new LossClass()));
    const key = new Loss_CategoricalCrossentropy();
    // The library's loss reads only what regularization_loss needs.
    const keyPenalty = (layer: RegularizedLayer) => key.regularization_loss(layer as unknown as TrainableLayer);
    for (const strength of Object.keys(STRENGTHS) as (keyof Regularizers)[]) {
      const single = { [strength]: STRENGTHS[strength] };
      const got = filled(loss.regularization_loss(layerWith(single)));
      const expected = keyPenalty(layerWith(single));
      const wrong = compareNumbers("regularization_loss's result", got, expected);
      if (wrong !== null) return typeof got === "number" ? penaltyProblem(strength, got, expected) : wrong;
    }
    const none = loss.regularization_loss(layerWith({}));
    if (none !== 0) return `with every strength 0, regularization_loss returned ${none}; expected 0 (a strength of 0 switches its penalty off).`;
    const got = loss.regularization_loss(layerWith(STRENGTHS));
    const expected = keyPenalty(layerWith(STRENGTHS));
    const wrong = compareNumbers("regularization_loss's result", got, expected);
    return wrong === null ? null
      : `each penalty alone is right, but with all four set regularization_loss returned ${got}; expected ${expected}, their sum: add each term to the total (+=) rather than replacing it (=).`;
  }),
  hint: "Start from 0 and, for each strength above 0, add its penalty: L1 is the strength times np.sum(np.abs(...)), L2 the strength times np.sum(np.square(...)); weights with weight_regularizer_*, biases with bias_regularizer_*.",
  solution: `class Loss {
  regularization_loss(layer: Layer_Dense): number {
    let regularization_loss = 0;
    if (layer.weight_regularizer_l1 > 0) {
      regularization_loss += layer.weight_regularizer_l1 * np.sum(np.abs(layer.weights));
    }
    if (layer.weight_regularizer_l2 > 0) {
      regularization_loss += layer.weight_regularizer_l2 * np.sum(np.square(layer.weights));
    }
    if (layer.bias_regularizer_l1 > 0) {
      regularization_loss += layer.bias_regularizer_l1 * np.sum(np.abs(layer.biases));
    }
    if (layer.bias_regularizer_l2 > 0) {
      regularization_loss += layer.bias_regularizer_l2 * np.sum(np.square(layer.biases));
    }
    return regularization_loss;
  }
}`,
});
