// Chapter 10's exercises: the learning-rate decay in pre_update_params, and SGD with momentum's
// update_params.
import * as np from "../np";
import { NDArray } from "../np/core";
import { Optimizer_SGD } from "../network/optimizers";
import { compareArrays } from "./compare";
import { noBlankFields, unlessBlank } from "./blanks";
import { Exercise, filled } from "./exercise";

interface Options {
  learning_rate?: number;
  decay?: number;
  momentum?: number;
}

/** The layer an optimizer updates: parameters, their gradients, and the state it keeps there. */
interface Layer {
  weights: NDArray;
  biases: NDArray;
  dweights: NDArray;
  dbiases: NDArray;
  weight_momentums?: NDArray;
  bias_momentums?: NDArray;
}

/** What the learner's optimizer must offer: the book's keyword arguments and its three methods. */
export type OptimizerClass = new (options?: Options) => {
  current_learning_rate: number;
  iterations: number;
  pre_update_params(): void;
  update_params?(layer: Layer): void;
  post_update_params(): void;
};

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 + 1e-9 * Math.abs(b);
const allClose = (got: number[], expected: number[]) => got.length === expected.length && got.every((g, i) => close(g, expected[i]));

const LEARNING_RATE = 0.5;
const DECAY = 0.1;
const STEPS = 5;

export const decay = new Exercise<OptimizerClass>({
  title: "the learning-rate decay in pre_update_params",
  check: unlessBlank((Optimizer) => {
    const optimizer = noBlankFields(new Optimizer({ learning_rate: LEARNING_RATE, decay: DECAY }));
    const got: number[] = [];
    for (let step = 0; step < STEPS; step++) {
      optimizer.pre_update_params();
      got.push(filled(optimizer.current_learning_rate));
      optimizer.post_update_params();
    }
    const expected = got.map((_, k) => LEARNING_RATE * (1 / (1 + DECAY * k)));
    const rates = `With learning_rate ${LEARNING_RATE} and decay ${DECAY} the first ${STEPS} steps should use ${expected.map((r) => +r.toPrecision(6)).join(", ")}`;
    if (typeof got[0] === "number" && !Number.isFinite(got[0])) {
      return `current_learning_rate at the first step (iterations = 0) is ${got[0]}: 1 / (decay · iterations) divides by zero. The book's factor is 1 / (1 + decay · iterations), which is 1 before any step.`;
    }
    if (optimizer.iterations !== STEPS) {
      return `iterations is ${optimizer.iterations} after ${STEPS} steps; expected ${STEPS}. pre_update_params only reads iterations; post_update_params counts the step.`;
    }
    if (allClose(got, got.map((_, k) => LEARNING_RATE * (1 / (1 + DECAY * (k + 1)))))) {
      return `the rates are one step ahead: the first step used ${got[0]} instead of the full learning_rate ${LEARNING_RATE}. iterations counts the steps already taken, so use decay · iterations, not decay · (iterations + 1). ${rates}.`;
    }
    if (allClose(got, got.map((_, k) => 1 / (1 + DECAY * k)))) {
      return `the rates are 1 / (1 + decay · iterations) without learning_rate: multiply by this.learning_rate. ${rates}.`;
    }
    let compounded = LEARNING_RATE;
    if (allClose(got, got.map((_, k) => (compounded *= 1 / (1 + DECAY * k))))) {
      return `the rate shrinks too fast: each step decays the previous step's current_learning_rate again. Start from this.learning_rate every time: current_learning_rate = learning_rate · 1 / (1 + decay · iterations). ${rates}.`;
    }
    if (allClose(got, got.map((_, k) => LEARNING_RATE / 1 + DECAY * k))) {
      return `the rate grows (${got.map((r) => +r.toPrecision(6)).join(", ")}): learning_rate / 1 + decay · iterations adds instead of dividing. Put the parentheses around 1 + decay · iterations.`;
    }
    for (let k = 0; k < STEPS; k++) {
      if (typeof got[k] !== "number") return `current_learning_rate should be a number, got ${String(got[k])} at step ${k + 1}.`;
      if (!close(got[k], expected[k])) {
        return `current_learning_rate at step ${k + 1} (iterations = ${k}) is ${got[k]}; expected ${expected[k]} = learning_rate · 1 / (1 + decay · iterations).`;
      }
    }
    return null;
  }),
  hint: "current_learning_rate = learning_rate · 1 / (1 + decay · iterations), with iterations the number of steps taken before this one (0 at the first step).",
  solution: `class My_SGD_Decay {
  learning_rate: number;
  current_learning_rate: number;
  decay: number;
  iterations: number;

  constructor({ learning_rate = 1, decay = 0 } = {}) {
    this.learning_rate = learning_rate;
    this.current_learning_rate = learning_rate;
    this.decay = decay;
    this.iterations = 0;
  }

  pre_update_params(): void {
    if (this.decay) {
      this.current_learning_rate = this.learning_rate * (1 / (1 + this.decay * this.iterations));
    }
  }

  post_update_params(): void {
    this.iterations += 1;
  }
}`,
});

/** A layer of 3 inputs and 2 neurons, float32 as in training, and the gradients of three steps. */
const WEIGHTS = np.array([[0.2, -0.5], [0.8, 0.1], [-0.3, 0.4]], "float32");
const BIASES = np.array([[0.1, -0.2]], "float32");
const DWEIGHTS = [
  np.array([[1, -2], [0.5, 0.25], [-1, 3]], "float32"),
  np.array([[0.5, -1], [1, -0.5], [-0.5, 2]], "float32"),
  np.array([[-0.25, 0.5], [1.5, 0.75], [0.5, -1]], "float32"),
];
const DBIASES = [np.array([[0.3, -0.6]], "float32"), np.array([[-0.2, 0.4]], "float32"), np.array([[0.1, 0.1]], "float32")];
const MOMENTUM_OPTIONS = { learning_rate: 0.5, momentum: 0.9 };

function freshLayer(): Layer {
  return { weights: WEIGHTS.copy(), biases: BIASES.copy(), dweights: DWEIGHTS[0].copy(), dbiases: DBIASES[0].copy() };
}

/** Each step's layer state (copies) after the optimizer's update. */
function momentumRun(optimizer: InstanceType<OptimizerClass>): Layer[] {
  const layer = freshLayer();
  return DWEIGHTS.map((dweights, step) => {
    layer.dweights = dweights.copy();
    layer.dbiases = DBIASES[step].copy();
    optimizer.pre_update_params();
    if (typeof optimizer.update_params !== "function") throw new Error("the class has no update_params(layer) method");
    optimizer.update_params(layer);
    optimizer.post_update_params();
    return {
      weights: layer.weights.copy(), biases: layer.biases.copy(), dweights, dbiases: DBIASES[step],
      weight_momentums: layer.weight_momentums?.copy(), bias_momentums: layer.bias_momentums?.copy(),
    };
  });
}

export const momentum = new Exercise<OptimizerClass>({
  title: "Optimizer_SGD's update_params with momentum",
  check: unlessBlank((Optimizer) => {
    const got = momentumRun(noBlankFields(new Optimizer(MOMENTUM_OPTIONS)));
    const key = momentumRun(new Optimizer_SGD(MOMENTUM_OPTIONS));
    const lr = MOMENTUM_OPTIONS.learning_rate;
    filled(got[0].weights);
    // Step 1 (momentums still zero): the update is -lr · dweights.
    const uphill = np.add(WEIGHTS, np.multiply(lr, DWEIGHTS[0]));
    if (compareArrays("weights", got[0].weights, uphill) === null) {
      return "after step 1 the weights moved along the gradient, uphill: the update is momentum · weight_momentums minus current_learning_rate · dweights, not plus.";
    }
    const stored = got[0].weight_momentums;
    if (compareArrays("weights", got[0].weights, key[0].weights) === null &&
        (stored === undefined || (stored instanceof NDArray && np.array_equal(stored, np.zeros_like(stored))))) {
      return `after step 1 the weights are right, but layer.weight_momentums is ${stored === undefined ? "undefined" : "still all zeros"}: store each step's update in layer.weight_momentums (and bias_updates in layer.bias_momentums); the next step's momentum starts from it.`;
    }
    const plain = np.subtract(key[0].weights, np.multiply(lr, DWEIGHTS[1]));
    if (compareArrays("weights", got[1].weights, plain) === null) {
      return "from step 2 on the update ignores the previous one: start from this.momentum · layer.weight_momentums, then subtract current_learning_rate · dweights.";
    }
    const names = ["weights", "biases", "weight_momentums", "bias_momentums"] as const;
    for (let step = 0; step < got.length; step++) {
      for (const name of names) {
        const problem = compareArrays(`${name} after step ${step + 1}`, got[step][name], key[step][name] as NDArray);
        if (problem !== null) {
          return `${problem} (learning_rate ${lr}, momentum ${MOMENTUM_OPTIONS.momentum}: updates = momentum · momentums - current_learning_rate · gradient, kept in the momentums, added to the parameters.)`;
        }
      }
    }
    return null;
  }),
  hint: "weight_updates = momentum · layer.weight_momentums - current_learning_rate · layer.dweights; then layer.weight_momentums = weight_updates (the same for the biases), and the updates are added to the weights and biases.",
  solution: `class My_SGD_Momentum {
  learning_rate: number;
  current_learning_rate: number;
  decay: number;
  iterations: number;
  momentum: number;

  constructor({ learning_rate = 1, decay = 0, momentum = 0 } = {}) {
    this.learning_rate = learning_rate;
    this.current_learning_rate = learning_rate;
    this.decay = decay;
    this.iterations = 0;
    this.momentum = momentum;
  }

  pre_update_params(): void {
    if (this.decay) {
      this.current_learning_rate = this.learning_rate * (1 / (1 + this.decay * this.iterations));
    }
  }

  update_params(layer: Layer_Dense): void {
    if (layer.weight_momentums === undefined) {
      layer.weight_momentums = np.zeros_like(layer.weights);
      layer.bias_momentums = np.zeros_like(layer.biases);
    }
    const weight_updates = np.subtract(np.multiply(this.momentum, layer.weight_momentums),
                                       np.multiply(this.current_learning_rate, layer.dweights));
    layer.weight_momentums = weight_updates;
    const bias_updates = np.subtract(np.multiply(this.momentum, layer.bias_momentums),
                                     np.multiply(this.current_learning_rate, layer.dbiases));
    layer.bias_momentums = bias_updates;
    np.add(layer.weights, weight_updates, { out: layer.weights });
    np.add(layer.biases, bias_updates, { out: layer.biases });
  }

  post_update_params(): void {
    this.iterations += 1;
  }
}`,
});
