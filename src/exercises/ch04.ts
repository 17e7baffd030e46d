// Chapter 4's exercises: ReLU's and softmax's forward passes, written by the learner.
import * as np from "../np";
import { NDArray } from "../np/core";
import { Activation_ReLU, Activation_Softmax } from "../network/activations";
import { compareArrays } from "./compare";
import { Exercise, filled } from "./exercise";

/** What the learner's activation class must offer: `new C()`, then `forward(inputs)` sets `output`. */
export type ActivationClass = new () => { output: NDArray; forward(inputs: NDArray): void };

/** The learner's output for `inputs`. */
function outputOf(Activation: ActivationClass, inputs: NDArray): unknown {
  const activation = new Activation();
  activation.forward(inputs);
  return filled(activation.output);
}

/** Inputs with negatives, zeros and positives, float32 as a layer's output would be. */
const RELU_INPUTS = np.array([[-2.5, 0, 1.5], [3, -0.5, 0.25]], "float32");

export const relu = new Exercise<ActivationClass>({
  title: "Activation_ReLU's forward",
  check(Activation) {
    const got = outputOf(Activation, RELU_INPUTS);
    const key = new Activation_ReLU();
    key.forward(RELU_INPUTS);
    const swapped = np.minimum(0, RELU_INPUTS);
    if (compareArrays("output", got, swapped) === null) {
      return "output keeps the negative inputs and zeroes the positive ones: ReLU keeps x where x > 0 and gives 0 elsewhere (np.maximum(0, inputs)).";
    }
    return compareArrays("output", got, key.output);
  },
  hint: "ReLU is max(0, x) for every element. np.maximum takes two arrays (or a number and an array) and compares them elementwise.",
  solution: `class My_ReLU {
  output: NDArray;
  forward(inputs: NDArray): void {
    this.output = np.maximum(0, inputs);
  }
}`,
});

/** Two ordinary rows and one whose values would overflow exp without the max shift. */
const SOFTMAX_INPUTS = np.array([[1, 2, 3], [-1, 0, 0.5], [1000, 1001, 1002]], "float32");

export const softmax = new Exercise<ActivationClass>({
  title: "Activation_Softmax's forward",
  check(Activation) {
    const got = outputOf(Activation, SOFTMAX_INPUTS);
    const key = new Activation_Softmax();
    key.forward(SOFTMAX_INPUTS);
    const wrong = compareArrays("output", got, key.output);
    if (wrong === null || !(got instanceof NDArray) || got.ndim !== 2) return wrong;
    if (compareArrays("output", got.get(":2"), key.output.get(":2")) === null) {
      return "output is right for small inputs but not for the row [1000, 1001, 1002]: exp(1000) overflows to Infinity. Subtract each row's largest value before np.exp (np.max(inputs, { axis: 1, keepdims: true })); the result does not change.";
    }
    const row_sum = np.sum(got.get(0));
    if (Math.abs(row_sum - 1) > 1e-4) {
      return `each row of output should sum to 1 (one probability distribution per sample), but row 0 sums to ${row_sum}: divide by each row's sum, np.sum(exp_values, { axis: 1, keepdims: true }).`;
    }
    return wrong;
  },
  hint: "Per row: exp of (each value minus the row's max), divided by the row's sum of those exps. Use { axis: 1, keepdims: true } so the row values broadcast back over the columns.",
  solution: `class My_Softmax {
  output: NDArray;
  forward(inputs: NDArray): void {
    const exp_values = np.exp(np.subtract(inputs, np.max(inputs, { axis: 1, keepdims: true })));
    this.output = np.divide(exp_values, np.sum(exp_values, { axis: 1, keepdims: true }));
  }
}`,
});
