// Every backward pass against central differences of its own forward pass, in float64.
// Layers and activations: objective Σ(output·R) for a fixed random R, so backward(R) must give
// its gradient. Losses: the mean loss itself, so backward(y_pred, y) must give its gradient.
import { strict as assert } from "assert";
import * as np from "../../src/np";
import type { NDArray } from "../../src/np/core";
import { resetConfig } from "../../src/np/config";
import {
  Layer_Dense, Layer_Dropout, Activation_ReLU, Activation_Softmax, Activation_Sigmoid, Activation_Linear,
  Activation_Step, Activation_Tanh, Activation_LeakyReLU, Activation_Swish, Loss_CategoricalCrossentropy,
  Activation_Softmax_Loss_CategoricalCrossentropy, Loss_BinaryCrossentropy, Loss_MeanSquaredError,
  Loss_MeanAbsoluteError,
} from "../../src/network";

const h = 1e-5;

/** d objective / d x by central differences, perturbing x's elements in place. */
function numericGradient(objective: () => number, x: NDArray): Float64Array {
  const grad = new Float64Array(x.size);
  for (let i = 0; i < x.size; i++) {
    const saved = x.data[i];
    x.data[i] = saved + h;
    const plus = objective();
    x.data[i] = saved - h;
    const minus = objective();
    x.data[i] = saved;
    grad[i] = (plus - minus) / (2 * h);
  }
  return grad;
}

/** ‖a - n‖ / (‖a‖ + ‖n‖), the usual relative error; the gradient must not be zero. */
function assertGradient(analytic: NDArray, numeric: Float64Array, what: string): void {
  assert.equal(analytic.dtype, "float64", `${what}: float64 throughout`);
  assert.equal(analytic.size, numeric.length, `${what}: shape`);
  let diff = 0, a = 0, n = 0;
  for (let i = 0; i < numeric.length; i++) {
    diff += (analytic.data[i] - numeric[i]) ** 2;
    a += analytic.data[i] ** 2;
    n += numeric[i] ** 2;
  }
  assert.ok(n > 0, `${what}: the numeric gradient is zero, the check would prove nothing`);
  const relative = Math.sqrt(diff) / (Math.sqrt(a) + Math.sqrt(n));
  assert.ok(relative < 1e-6, `${what}: relative error ${relative}`);
}

/** A float64 array of normal values kept at least `margin` away from 0 (kinks live there). */
function randomArray(shape: number[], margin = 0): NDArray {
  const x = (np.random.randn(...shape) as NDArray).astype("float64");
  for (let i = 0; i < x.size; i++) {
    if (Math.abs(x.data[i]) < margin) x.data[i] = x.data[i] < 0 ? -margin : margin;
  }
  return x;
}

const sumTimes = (output: NDArray, R: NDArray): number => np.sum(np.multiply(output, R));

interface Differentiable {
  output: NDArray;
  dinputs: NDArray;
  forward(inputs: NDArray, training?: boolean): void;
  backward(dvalues: NDArray): void;
}

/** Checks dinputs of a layer or activation on the objective Σ(output·R). */
function checkInputs(unit: Differentiable, inputs: NDArray, what: string, before: () => void = () => {}): void {
  before();
  unit.forward(inputs);
  const R = randomArray(unit.output.shape);
  const objective = () => {
    before();
    unit.forward(inputs);
    return sumTimes(unit.output, R);
  };
  objective();
  unit.backward(R);
  assertGradient(unit.dinputs, numericGradient(objective, inputs), what);
}

describe("gradient checks (float64 central differences)", () => {
  beforeEach(() => {
    resetConfig();
    np.random.seed(1);
  });

  describe("Layer_Dense", () => {
    /** The layer with float64 parameters (its constructor's overloads cannot be forwarded as one parameter list). */
    function float64Dense(dense: Layer_Dense): Layer_Dense {
      dense.weights = randomArray(dense.weights.shape, 1e-3);
      // Nonzero biases: L1's gradient is undefined at 0.
      dense.biases = randomArray(dense.biases.shape, 1e-3);
      return dense;
    }

    function checkDense(dense: Layer_Dense, what: string): void {
      const inputs = randomArray([5, dense.weights.shape[0]]);
      const loss = new Loss_MeanSquaredError();
      const R = randomArray([5, dense.weights.shape[1]]);
      const objective = () => {
        dense.forward(inputs);
        return sumTimes(dense.output, R) + loss.regularization_loss(dense);
      };
      objective();
      dense.backward(R);
      assertGradient(dense.dinputs, numericGradient(objective, inputs), `${what} dinputs`);
      assertGradient(dense.dweights, numericGradient(objective, dense.weights), `${what} dweights`);
      assertGradient(dense.dbiases, numericGradient(objective, dense.biases), `${what} dbiases`);
    }

    it("without regularization", () => checkDense(float64Dense(new Layer_Dense(4, 3)), "dense"));
    it("with L1 on weights and biases", () => {
      checkDense(float64Dense(new Layer_Dense(4, 3, { weight_regularizer_l1: 0.3, bias_regularizer_l1: 0.2 })), "dense L1");
    });
    it("with L2 on weights and biases", () => {
      checkDense(float64Dense(new Layer_Dense(4, 3, 0, 0.4, 0, 0.25)), "dense L2");
    });
    it("with all four regularizers", () => {
      checkDense(float64Dense(new Layer_Dense(3, 2, 0.1, 0.2, 0.3, 0.4)), "dense L1+L2");
    });
  });

  it("Layer_Dropout with a fixed mask (re-seeded before each forward)", () => {
    const dropout = new Layer_Dropout(0.3);
    checkInputs(dropout, randomArray([6, 5]), "dropout", () => np.random.seed(7));
    assert.ok(np.sum(np.equal(dropout.binary_mask, 0)) > 0, "some inputs were dropped");
  });

  it("Activation_ReLU", () => checkInputs(new Activation_ReLU(), randomArray([6, 4], 1e-3), "relu"));
  it("Activation_Softmax (per-sample Jacobian)", () => checkInputs(new Activation_Softmax(), randomArray([5, 4]), "softmax"));
  it("Activation_Sigmoid", () => checkInputs(new Activation_Sigmoid(), randomArray([6, 3]), "sigmoid"));
  it("Activation_Linear", () => checkInputs(new Activation_Linear(), randomArray([6, 3]), "linear"));
  it("Activation_Tanh", () => checkInputs(new Activation_Tanh(), randomArray([6, 3]), "tanh"));
  it("Activation_LeakyReLU, default and given alpha", () => {
    checkInputs(new Activation_LeakyReLU(), randomArray([6, 4], 1e-3), "leaky relu");
    checkInputs(new Activation_LeakyReLU({ alpha: 0.2 }), randomArray([6, 4], 1e-3), "leaky relu 0.2");
  });
  it("Activation_Swish", () => checkInputs(new Activation_Swish(), randomArray([6, 4]), "swish"));

  it("Activation_Step: zero gradient, as documented, and so does the numeric one", () => {
    const step = new Activation_Step();
    const inputs = randomArray([6, 4], 1e-3);
    const R = randomArray([6, 4]);
    const objective = () => {
      step.forward(inputs);
      return sumTimes(step.output, R);
    };
    objective();
    step.backward(R);
    assert.deepEqual(Array.from(step.dinputs.data), new Array(24).fill(0));
    assert.deepEqual(Array.from(numericGradient(objective, inputs)), new Array(24).fill(0));
    assert.deepEqual(Array.from(step.output.data), Array.from(inputs.data, (v) => (v > 0 ? 1 : 0)));
  });

  describe("losses (objective: the mean loss)", () => {
    interface LossUnit {
      calculate(output: NDArray, y: NDArray): number;
      backward(dvalues: NDArray, y: NDArray): void;
      dinputs: NDArray;
    }
    function checkLoss(loss: LossUnit, y_pred: NDArray, y_true: NDArray, what: string): void {
      loss.backward(y_pred, y_true);
      assertGradient(loss.dinputs, numericGradient(() => loss.calculate(y_pred, y_true), y_pred), what);
    }
    const probabilities = (samples: number, classes: number): NDArray => {
      const softmax = new Activation_Softmax();
      softmax.forward(randomArray([samples, classes]));
      return softmax.output;
    };

    it("Loss_CategoricalCrossentropy, sparse labels", () => {
      checkLoss(new Loss_CategoricalCrossentropy(), probabilities(6, 3), np.array([0, 2, 1, 1, 0, 2]), "cce sparse");
    });
    it("Loss_CategoricalCrossentropy, one-hot labels", () => {
      const one_hot = np.array([[0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0]], "float64");
      checkLoss(new Loss_CategoricalCrossentropy(), probabilities(4, 3), one_hot, "cce one-hot");
    });
    it("Loss_BinaryCrossentropy", () => {
      const sigmoid = new Activation_Sigmoid();
      sigmoid.forward(randomArray([6, 2]));
      checkLoss(new Loss_BinaryCrossentropy(), sigmoid.output, np.array([[0, 1], [1, 1], [0, 0], [1, 0], [0, 1], [1, 1]]), "bce");
    });
    it("Loss_MeanSquaredError", () => {
      checkLoss(new Loss_MeanSquaredError(), randomArray([6, 2]), randomArray([6, 2]), "mse");
    });
    it("Loss_MeanAbsoluteError (away from its kink)", () => {
      const y_true = randomArray([6, 2]);
      const y_pred = np.add(y_true, randomArray([6, 2], 1e-2));
      checkLoss(new Loss_MeanAbsoluteError(), y_pred, y_true, "mae");
    });

    it("sigmoid then binary cross-entropy, chained back to the sigmoid's inputs", () => {
      const sigmoid = new Activation_Sigmoid();
      const loss = new Loss_BinaryCrossentropy();
      const inputs = randomArray([5, 3]);
      const y = np.array([[1, 0, 1], [0, 0, 1], [1, 1, 0], [0, 1, 0], [1, 1, 1]]);
      const objective = () => {
        sigmoid.forward(inputs);
        return loss.calculate(sigmoid.output, y);
      };
      objective();
      loss.backward(sigmoid.output, y);
      sigmoid.backward(loss.dinputs);
      assertGradient(sigmoid.dinputs, numericGradient(objective, inputs), "sigmoid+bce");
    });

    describe("Activation_Softmax_Loss_CategoricalCrossentropy", () => {
      for (const [labels, y_true] of [
        ["sparse", () => np.array([2, 0, 1, 2, 1])],
        ["one-hot", () => np.array([[0, 0, 1], [1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]])],
      ] as const) {
        it(`${labels} labels: the numeric gradient, and the separate path within 1e-7`, () => {
          const y = y_true();
          const combined = new Activation_Softmax_Loss_CategoricalCrossentropy();
          const inputs = randomArray([5, 3]);
          combined.forward(inputs, y);
          combined.backward(combined.output, y);
          assertGradient(combined.dinputs, numericGradient(() => combined.forward(inputs, y), inputs), "softmax+cce");

          const softmax = new Activation_Softmax();
          const loss = new Loss_CategoricalCrossentropy();
          softmax.forward(inputs);
          loss.backward(softmax.output, y);
          softmax.backward(loss.dinputs);
          for (let i = 0; i < inputs.size; i++) {
            assert.ok(Math.abs(softmax.dinputs.data[i] - combined.dinputs.data[i]) < 1e-7, `element ${i}`);
          }
        });
      }
    });
  });
});
