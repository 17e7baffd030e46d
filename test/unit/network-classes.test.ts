// The classes' bookkeeping around forward/backward: constructor forms, the loss's running
// totals and regularization forms (chapters 14, 18, 19), dropout off outside training,
// predictions, and the dtypes the book's float32 setup produces.
import { strict as assert } from "assert";
import * as np from "../../src/np";
import type { NDArray } from "../../src/np/core";
import { resetConfig } from "../../src/np/config";
import { nnfs } from "../../src/nnfs";
import {
  Layer_Dense, Layer_Dropout, Layer_Input, Activation_ReLU, Activation_Softmax, Activation_Sigmoid,
  Activation_Linear, Activation_LeakyReLU, Activation_Step, Loss_CategoricalCrossentropy, Loss_MeanSquaredError,
  Accuracy_Categorical, Accuracy_Regression,
} from "../../src/network";

const values = (a: NDArray) => a.tolist();

describe("network classes: bookkeeping", () => {
  beforeEach(() => resetConfig());

  it("Layer_Dense: positional and keyword regularizers, float32 parameters after nnfs.init()", () => {
    nnfs.init();
    const dense = new Layer_Dense(2, 64, { weight_regularizer_l2: 5e-4, bias_regularizer_l2: 5e-4 });
    assert.deepEqual([dense.weight_regularizer_l1, dense.weight_regularizer_l2, dense.bias_regularizer_l1, dense.bias_regularizer_l2],
      [0, 5e-4, 0, 5e-4]);
    assert.deepEqual([dense.weights.shape, dense.weights.dtype, dense.biases.shape, dense.biases.dtype],
      [[2, 64], "float32", [1, 64], "float32"]);
    const positional = new Layer_Dense(3, 4, 0.1, 0.2, 0.3, 0.4);
    assert.deepEqual([positional.weight_regularizer_l1, positional.bias_regularizer_l2], [0.1, 0.4]);
    assert.throws(() => new Layer_Dense(2, 3, { weight_regularizer: 1 } as never),
      /Layer_Dense\(\) got an unexpected keyword argument 'weight_regularizer'/);
  });

  it("Layer_Dense: every argument as a keyword; Python's errors at run time", () => {
    const dense = new Layer_Dense({ n_inputs: 3, n_neurons: 2, bias_regularizer_l1: 0.5 });
    assert.deepEqual([dense.weights.shape, dense.bias_regularizer_l1, dense.weight_regularizer_l2], [[3, 2], 0.5, 0]);
    const mixed = new Layer_Dense(3, 2, { weight_regularizer_l1: 0.25 });
    assert.deepEqual([mixed.weight_regularizer_l1, mixed.bias_regularizer_l2], [0.25, 0]);
    // @ts-expect-error n_inputs given twice
    assert.throws(() => new Layer_Dense(3, 2, { n_inputs: 4 }), /Layer_Dense\(\) got multiple values for argument 'n_inputs'/);
    // @ts-expect-error one positional value too many
    assert.throws(() => new Layer_Dense(3, 2, 0, 0, 0, 0, 0), /Layer_Dense\(\) takes 6 positional arguments but 7 were given/);
    // @ts-expect-error n_neurons missing
    assert.throws(() => new Layer_Dense({ n_inputs: 3 }), /Layer_Dense\(\) missing required argument: 'n_neurons'/);
  });

  it("Layer_Dense: get_parameters and set_parameters (chapter 21)", () => {
    const dense = new Layer_Dense(2, 3);
    const [weights, biases] = dense.get_parameters();
    assert.equal(weights, dense.weights);
    assert.equal(biases, dense.biases);
    const new_weights = np.ones([2, 3]);
    const new_biases = np.zeros([1, 3]);
    dense.set_parameters(new_weights, new_biases);
    assert.equal(dense.weights, new_weights);
    assert.equal(dense.biases, new_biases);
  });

  it("Layer_Dense weights are 0.01·randn from the global stream", () => {
    np.random.seed(3);
    const expected = np.multiply(0.01, np.random.randn(2, 3) as NDArray);
    np.random.seed(3);
    assert.deepEqual(values(new Layer_Dense(2, 3).weights), values(expected));
  });

  it("Layer_Dropout: rate stored as the keep rate; off when training is false; scaled mask", () => {
    const dropout = new Layer_Dropout(0.25);
    assert.equal(dropout.rate, 0.75);
    const inputs = np.ones([4, 50]);
    dropout.forward(inputs, false);
    assert.deepEqual(values(dropout.output), values(inputs));
    assert.notEqual(dropout.output, inputs, "a copy, as the book's inputs.copy()");
    dropout.forward(inputs);
    const kept = Array.from(dropout.output.data).filter((v) => v !== 0);
    assert.ok(kept.length > 100 && kept.length < 200, `${kept.length} of 200 kept`);
    assert.ok(kept.every((v) => v === 1 / 0.75));
  });

  it("Layer_Input passes its inputs on", () => {
    const input = new Layer_Input();
    const X = np.array([[1, 2]]);
    input.forward(X, true);
    assert.equal(input.output, X);
  });

  it("predictions: softmax argmax, sigmoid (out > 0.5) * 1, identity for the others", () => {
    const probabilities = np.array([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3]]);
    assert.deepEqual(values(new Activation_Softmax().predictions(probabilities)), [1, 0]);
    const sigmoid = new Activation_Sigmoid().predictions(np.array([[0.2], [0.5], [0.9]]));
    assert.deepEqual([values(sigmoid), sigmoid.dtype], [[[0], [0], [1]], "int64"]);
    const outputs = np.array([[-1.5, 2]]);
    for (const activation of [new Activation_Linear(), new Activation_ReLU(), new Activation_LeakyReLU(), new Activation_Step()]) {
      assert.equal(activation.predictions(outputs), outputs, activation.constructor.name);
    }
  });

  it("Activation_LeakyReLU: alpha positional or keyword, 0.01 by default", () => {
    assert.equal(new Activation_LeakyReLU().alpha, 0.01);
    assert.equal(new Activation_LeakyReLU(0.2).alpha, 0.2);
    const leaky = new Activation_LeakyReLU({ alpha: 0.1 });
    leaky.forward(np.array([[-2, 0, 3]]));
    assert.deepEqual(values(leaky.output), [[-0.2, 0, 3]]);
  });

  it("Layer_Dropout and Activation_LeakyReLU: keyword forms and misspelled keywords", () => {
    assert.equal(new Layer_Dropout({ rate: 0.2 }).rate, 0.8);
    // @ts-expect-error a misspelled keyword
    assert.throws(() => new Layer_Dropout({ rat: 0.2 }), /^TypeError: Layer_Dropout\(\) got an unexpected keyword argument 'rat'$/);
    // @ts-expect-error rate is required
    assert.throws(() => new Layer_Dropout(), /Layer_Dropout\(\) missing required argument: 'rate'/);
    // @ts-expect-error a misspelled keyword
    assert.throws(() => new Activation_LeakyReLU({ alhpa: 0.1 }), /Activation_LeakyReLU\(\) got an unexpected keyword argument 'alhpa'/);
  });

  it("Accuracy: keyword arguments checked as Python checks them", () => {
    // @ts-expect-error a misspelled keyword
    assert.throws(() => new Accuracy_Categorical({ binray: true }), /Accuracy_Categorical\(\) got an unexpected keyword argument 'binray'/);
    // @ts-expect-error a misspelled keyword
    assert.throws(() => new Accuracy_Regression().init(np.array([1, 2]), { renit: true }), /Accuracy_Regression.init\(\) got an unexpected keyword argument 'renit'/);
  });

  it("Activation_Step keeps the input's dtype", () => {
    const step = new Activation_Step();
    step.forward(np.array([[-1, 0, 2]], "float32"));
    assert.deepEqual([values(step.output), step.output.dtype], [[[0, 0, 1]], "float32"]);
  });

  describe("Loss", () => {
    const y_pred = np.array([[0.5, 0.5], [0.25, 0.75], [1, 0]]);
    const y_true = np.array([0, 1, 0]);

    it("calculate is the mean of forward; one-hot targets give the same loss", () => {
      const loss = new Loss_CategoricalCrossentropy();
      const expected = (-Math.log(0.5) - Math.log(0.75) - Math.log(1 - 1e-7)) / 3;
      assert.ok(Math.abs(loss.calculate(y_pred, y_true) - expected) < 1e-15);
      assert.equal(loss.calculate(y_pred, np.array([[1, 0], [0, 1], [1, 0]])), loss.calculate(y_pred, y_true));
    });

    it("calculate_accumulated over batches since new_pass", () => {
      const loss = new Loss_MeanSquaredError();
      loss.calculate(np.array([[1], [2]]), np.array([[0], [0]]));   // losses 1, 4
      loss.calculate(np.array([[3]]), np.array([[0]]));             // loss 9
      assert.deepEqual([loss.accumulated_sum, loss.accumulated_count], [14, 3]);
      assert.equal(loss.calculate_accumulated(), 14 / 3);
      loss.new_pass();
      loss.calculate(np.array([[2]]), np.array([[0]]));
      assert.equal(loss.calculate_accumulated(), 4);
    });

    it("regularization_loss of one layer (chapter 14) and of the remembered layers (chapter 18)", () => {
      const dense1 = new Layer_Dense(2, 2, { weight_regularizer_l1: 0.5, weight_regularizer_l2: 0.25, bias_regularizer_l1: 2, bias_regularizer_l2: 1 });
      dense1.weights = np.array([[1, -2], [3, -4]]);
      dense1.biases = np.array([[-1, 2]]);
      const dense2 = new Layer_Dense(2, 1, { weight_regularizer_l2: 0.5 });
      dense2.weights = np.array([[2], [2]]);
      const loss = new Loss_MeanSquaredError();
      // 0.5·10 + 0.25·30 + 2·3 + 1·5
      assert.equal(loss.regularization_loss(dense1), 23.5);
      assert.equal(loss.regularization_loss(dense2), 4);
      assert.equal(loss.regularization_loss(), 0, "no layers remembered yet");
      loss.remember_trainable_layers([dense1, dense2]);
      assert.equal(loss.regularization_loss(), 27.5);
      const [data_loss, regularization_loss] = loss.calculate(np.array([[1]]), np.array([[3]]), { include_regularization: true });
      assert.deepEqual([data_loss, regularization_loss], [4, 27.5]);
      assert.deepEqual(loss.calculate_accumulated({ include_regularization: true }), [4, 27.5]);
    });

    it("regularization_loss of several layers adds term after term, as the book's loop does in float32", () => {
      // NumPy, for the same draws: r = 0, then for each layer r += 5e-4 * np.sum(np.abs(w)), r += 3e-4 * np.sum(w * w),
      // r += 2e-4 * np.sum(np.abs(b)), r += 7e-4 * np.sum(b * b) gives np.float32(0.2654868). Summing each
      // layer's total first rounds differently (one float32 unit higher here).
      np.random.seed(1);
      const arrays = [[2, 64], [1, 64], [64, 3], [1, 3]].map((shape) => (np.random.randn(...shape) as NDArray).astype("float32"));
      const layers = [0, 2].map((i) => {
        const dense = new Layer_Dense(1, 1, { weight_regularizer_l1: 5e-4, weight_regularizer_l2: 3e-4, bias_regularizer_l1: 2e-4, bias_regularizer_l2: 7e-4 });
        dense.set_parameters(arrays[i], arrays[i + 1]);
        return dense;
      });
      const loss = new Loss_CategoricalCrossentropy();
      loss.remember_trainable_layers(layers);
      assert.equal(loss.regularization_loss(), 0.26548680663108826);
    });

    it("calculate's keyword argument is checked at run time", () => {
      const loss = new Loss_MeanSquaredError();
      // @ts-expect-error a misspelled keyword
      assert.throws(() => loss.calculate(np.array([[1]]), np.array([[0]]), { include_regularisation: true }),
        /Loss.calculate\(\) got an unexpected keyword argument 'include_regularisation'/);
      // @ts-expect-error a misspelled keyword
      assert.throws(() => loss.calculate_accumulated({ regularization: true }),
        /Loss.calculate_accumulated\(\) got an unexpected keyword argument 'regularization'/);
    });

    it("regularization_loss is a float32 scalar (rounded like NumPy's) for float32 parameters", () => {
      const dense = new Layer_Dense(2, 1, { weight_regularizer_l2: 5e-4 });
      dense.weights = np.array([[0.1], [0.2]], "float32");
      const value = new Loss_MeanSquaredError().regularization_loss(dense);
      // NumPy: r = 0; r += 5e-4 * np.sum(w * w) with float32 w gives np.float32(2.5000003e-05).
      assert.equal(value, 2.5000003006425686e-05);
    });
  });
});
