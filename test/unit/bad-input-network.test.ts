// Careless input to the book's classes ends in an error that names the problem, at once,
// instead of a hang or a run that goes on with NaN.
import { strict as assert } from "assert";
import * as np from "../../src/np";
import { nnfs } from "../../src/nnfs";
import { spiral_data } from "../../src/nnfs/datasets";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { NDArray } from "../../src/np/core";
import { Activation_LeakyReLU, Activation_Linear, Activation_ReLU, Activation_Sigmoid, Activation_Softmax, Activation_Swish, Activation_Tanh } from "../../src/network/activations";
import { Accuracy_Categorical, Accuracy_Regression } from "../../src/network/accuracy";
import { Layer_Dense, Layer_Dropout } from "../../src/network/layers";
import {
  Activation_Softmax_Loss_CategoricalCrossentropy, Loss_BinaryCrossentropy, Loss_CategoricalCrossentropy, Loss_MeanAbsoluteError,
  Loss_MeanSquaredError,
} from "../../src/network/losses";
import { Model } from "../../src/network/model";
import { Optimizer_Adagrad, Optimizer_Adam, Optimizer_RMSprop, Optimizer_SGD } from "../../src/network/optimizers";
import { captured } from "../helpers/stdout";

function spiralModel(learning_rate: number): Model {
  const model = new Model();
  model.add(new Layer_Dense(2, 64));
  model.add(new Activation_ReLU());
  model.add(new Layer_Dense(64, 3));
  model.add(new Activation_Softmax());
  model.set({ loss: new Loss_CategoricalCrossentropy(), optimizer: new Optimizer_SGD(learning_rate), accuracy: new Accuracy_Categorical() });
  model.finalize();
  return model;
}

/**
 * Asserts that `call` throws an error matching `message` within a second, and that the
 * arrays in `unchanged` (weights, biases, inputs) hold the same values afterwards.
 */
function refuses(call: () => unknown, message: RegExp, unchanged: NDArray[] = []): void {
  const before = unchanged.map((array) => array.copy());
  const start = Date.now();
  assert.throws(call, message);
  assert.ok(Date.now() - start < 1000, "refused within a second");
  unchanged.forEach((array, i) => assert.ok(np.array_equal(array, before[i]), `array ${i} unchanged`));
}

/** Every parameter array of a finalized model, for refuses(). */
function parametersOf(model: Model): NDArray[] {
  return model.get_parameters().flat();
}

describe("bad input to the network classes", () => {
  beforeEach(() => nnfs.init());

  it("Model.train with batch_size 0 refuses at once (it used to loop forever)", () => {
    const [X, y] = spiral_data(10, 3);
    const model = spiralModel(1);
    const weights = model.get_parameters()[0][0].copy();
    assert.throws(() => model.train(X, y, { epochs: 1, batch_size: 0, progress: false }), /batch_size must be a whole number of at least 1, got 0/);
    assert.throws(() => model.train(X, y, { batch_size: 2.5, progress: false }), /batch_size must be a whole number of at least 1, got 2\.5/);
    assert.throws(() => model.evaluate(X, y, { batch_size: -1 }), /batch_size must be a whole number of at least 1, got -1/);
    assert.throws(() => model.train(X, y, { epochs: NaN, progress: false }), /epochs must be a whole number of at least 0, got NaN/);
    assert.throws(() => model.train(X, y, { print_every: 0, progress: false }), /print_every must be a whole number of at least 1, got 0/);
    assert.ok(np.array_equal(model.get_parameters()[0][0], weights), "nothing was trained");
  });

  it("training that diverges stops at the first non-finite loss, naming the epoch and the learning rate", () => {
    const [X, y] = spiral_data(100, 3);
    const model = spiralModel(1e30);
    let error: Error | undefined;
    const out = captured(() => {
      try {
        model.train(X, y, { epochs: 100, print_every: 1, progress: false });
      } catch (e) {
        error = e as Error;
      }
    });
    assert.ok(error, "training stopped");
    assert.match(error.message, /^training diverged at epoch \d+: the loss is (NaN|Infinity)/);
    assert.match(error.message, /learning rate too large .*current_learning_rate 1e\+30/);
    assert.doesNotMatch(out, /loss: nan/, "no epoch line with a NaN loss was printed");
  });

  it("optimizers refuse NaN, infinite and negative hyperparameters, naming the argument", () => {
    assert.throws(() => new Optimizer_SGD(-1), /Optimizer_SGD\(\) argument 'learning_rate' must be a finite number >= 0, got -1/);
    assert.throws(() => new Optimizer_SGD(1, { momentum: NaN }), /'momentum' must be a finite number >= 0, got NaN/);
    assert.throws(() => new Optimizer_Adagrad({ decay: Infinity }), /Optimizer_Adagrad\(\) argument 'decay'/);
    assert.throws(() => new Optimizer_RMSprop({ rho: -0.9 }), /Optimizer_RMSprop\(\) argument 'rho'/);
    assert.throws(() => new Optimizer_Adam({ learning_rate: NaN }), /Optimizer_Adam\(\) argument 'learning_rate'/);
    assert.equal(new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-7 }).learning_rate, 0.05);
  });

  it("backward before forward says to call forward first, for every class whose backward needs it", () => {
    const dvalues = np.ones([2, 3]);
    const layers = [new Layer_Dense(2, 3), new Layer_Dropout(0.1), new Activation_ReLU(), new Activation_Softmax(),
      new Activation_Sigmoid(), new Activation_Tanh(), new Activation_LeakyReLU(), new Activation_Swish()];
    for (const layer of layers) {
      const name = layer.constructor.name;
      assert.throws(() => layer.backward(dvalues), new RegExp(`^Error: ${name}\\.backward: call forward before backward`), name);
    }
  });

  describe("Layer_Dense, Layer_Dropout and activations", () => {
    it("Layer_Dense refuses a size that is not a whole number", () => {
      refuses(() => new Layer_Dense(2.5, 3), /^RangeError: Layer_Dense\(\) argument 'n_inputs' must be a whole number of at least 0, got 2\.5$/);
    });

    it("Layer_Dense refuses a negative size", () => {
      refuses(() => new Layer_Dense(2, -3), /Layer_Dense\(\) argument 'n_neurons' must be a whole number of at least 0, got -3/);
    });

    it("Layer_Dense refuses a NaN size", () => {
      refuses(() => new Layer_Dense(NaN, 3), /argument 'n_inputs' must be a whole number of at least 0, got NaN/);
    });

    it("Layer_Dense refuses a size given as a string", () => {
      refuses(() => new (Layer_Dense as unknown as new (...args: unknown[]) => Layer_Dense)("64", 3), /Layer_Dense\(\) argument 'n_inputs' must be a number/);
    });

    it("Layer_Dense refuses a negative regularizer", () => {
      refuses(() => new Layer_Dense(2, 64, { weight_regularizer_l2: -5e-4 }),
        /Layer_Dense\(\) argument 'weight_regularizer_l2' must be a finite number >= 0, got -0\.0005/);
    });

    it("Layer_Dense refuses a NaN regularizer, given by position", () => {
      refuses(() => new Layer_Dense(2, 64, 0, 0, NaN), /Layer_Dense\(\) argument 'bias_regularizer_l1' must be a finite number >= 0, got NaN/);
    });

    it("Layer_Dense.forward with inputs of the wrong width gives NumPy's message and keeps the layer as it was", () => {
      const dense = new Layer_Dense(2, 3);
      const X = np.ones([4, 2]);
      dense.forward(X);
      const output = dense.output;
      refuses(() => dense.forward(np.ones([4, 5])), /shapes \(4,5\) and \(2,3\) not aligned: 5 \(dim 1\) != 2 \(dim 0\)/, [dense.weights, dense.biases]);
      assert.equal(dense.inputs, X, "the inputs backward will use are still the last good ones");
      assert.equal(dense.output, output);
    });

    it("Layer_Dense.forward refuses a 3-D batch, saying how chapter 19 flattens it", () => {
      const dense = new Layer_Dense(2, 3);
      refuses(() => dense.forward(np.ones([4, 3, 2])),
        /Layer_Dense\.forward: inputs must be 2-D \(samples, features\), got shape \(4,3,2\); flatten .*X\.reshape\(X\.shape\[0\], -1\)/,
        [dense.weights, dense.biases]);
      assert.equal(dense.inputs, undefined);
    });

    it("Layer_Dropout refuses rate 1, which would divide by a keep rate of 0", () => {
      refuses(() => new Layer_Dropout(1), /^RangeError: Layer_Dropout\(\) argument 'rate' must be in \[0, 1\), got 1$/);
    });

    it("Layer_Dropout refuses a negative rate", () => {
      refuses(() => new Layer_Dropout(-0.1), /Layer_Dropout\(\) argument 'rate' must be in \[0, 1\), got -0\.1/);
    });

    it("Layer_Dropout refuses rate NaN and rate 1.5", () => {
      refuses(() => new Layer_Dropout({ rate: NaN }), /argument 'rate' must be in \[0, 1\), got NaN/);
      refuses(() => new Layer_Dropout(1.5), /argument 'rate' must be in \[0, 1\), got 1\.5/);
    });

    it("Activation_LeakyReLU refuses a NaN slope", () => {
      refuses(() => new Activation_LeakyReLU(NaN), /Activation_LeakyReLU\(\) argument 'alpha' must be a finite number, got NaN/);
    });
  });

  describe("losses and accuracies with targets that do not fit", () => {
    const softmax_outputs = () => np.array([[0.7, 0.2, 0.1], [0.1, 0.5, 0.4]]);

    it("more labels than samples", () => {
      const y_pred = softmax_outputs();
      refuses(() => new Loss_CategoricalCrossentropy().calculate(y_pred, np.array([0, 1, 2])),
        /Loss_CategoricalCrossentropy\.forward: y_true has shape \(3,\), but y_pred has 2 samples: give one target per sample/, [y_pred]);
    });

    it("fewer labels than samples (NumPy would broadcast one label to every sample)", () => {
      const loss = new Loss_CategoricalCrossentropy();
      refuses(() => loss.calculate(softmax_outputs(), np.array([0])), /y_true has shape \(1,\), but y_pred has 2 samples/);
      assert.equal(loss.accumulated_count, 0, "nothing was added to the running totals");
    });

    it("a label out of range for the class count", () => {
      refuses(() => new Loss_CategoricalCrossentropy().calculate(softmax_outputs(), np.array([0, 3])),
        /^RangeError: Loss_CategoricalCrossentropy\.forward: class labels must be in \[0, 3\) for y_pred's 3 classes, got 3$/);
    });

    it("a negative label (NumPy would read -1 as the last class)", () => {
      refuses(() => new Loss_CategoricalCrossentropy().calculate(softmax_outputs(), np.array([0, -1])), /class labels must be in \[0, 3\) .*got -1/);
    });

    it("one-hot targets of the wrong width", () => {
      refuses(() => new Loss_CategoricalCrossentropy().calculate(softmax_outputs(), np.array([[1, 0], [0, 1]])),
        /one-hot y_true has shape \(2,2\), but y_pred has 3 classes \(shape \(2,3\)\)/);
    });

    it("float labels get NumPy's index message", () => {
      refuses(() => new Loss_CategoricalCrossentropy().calculate(softmax_outputs(), np.array([0.5, 1.2])),
        /arrays used as indices must be of integer \(or boolean\) type/);
    });

    it("targets given as a plain JavaScript array", () => {
      refuses(() => new Loss_CategoricalCrossentropy().calculate(softmax_outputs(), [0, 1] as unknown as NDArray),
        /y_true must be an array \(np\.array\(y\)\), got an Array/);
    });

    it("softmax with cross-entropy: backward with a label out of range leaves dinputs as they were", () => {
      const both = new Activation_Softmax_Loss_CategoricalCrossentropy();
      both.forward(softmax_outputs(), np.array([0, 1]));
      both.backward(both.output, np.array([0, 1]));
      const dinputs = both.dinputs;
      refuses(() => both.backward(both.output, np.array([0, 3])),
        /Activation_Softmax_Loss_CategoricalCrossentropy\.backward: class labels must be in \[0, 3\)/, [dinputs]);
      assert.equal(both.dinputs, dinputs);
    });

    it("binary cross-entropy with 1-D targets (NumPy would broadcast them to a samples x samples table)", () => {
      refuses(() => new Loss_BinaryCrossentropy().calculate(np.array([[0.5], [0.2], [0.3]]), np.array([1, 0, 1])),
        /Loss_BinaryCrossentropy\.forward: y_true has shape \(3,\), y_pred has shape \(3,1\); .*y = y\.reshape\(-1, 1\)/);
    });

    it("mean squared error with more targets than samples", () => {
      refuses(() => new Loss_MeanSquaredError().calculate(np.array([[0.5], [0.2]]), np.array([[1], [0], [1]])),
        /Loss_MeanSquaredError\.forward: y_true has shape \(3,1\), but y_pred has 2 samples/);
    });

    it("mean absolute error's backward with targets of another shape", () => {
      refuses(() => new Loss_MeanAbsoluteError().backward(np.ones([2, 2]), np.ones([2, 1])),
        /Loss_MeanAbsoluteError\.backward: y_true has shape \(2,1\), y_pred has shape \(2,2\)/);
    });

    it("Loss.calculate_accumulated before any calculate is Python's division by zero, not a NaN loss", () => {
      refuses(() => new Loss_CategoricalCrossentropy().calculate_accumulated(), /Loss\.calculate_accumulated: division by zero: .*call calculate first/);
    });

    it("Accuracy.calculate_accumulated before any calculate is Python's division by zero, not a NaN accuracy", () => {
      refuses(() => new Accuracy_Categorical().calculate_accumulated(), /Accuracy\.calculate_accumulated: division by zero/);
    });

    it("regularization_loss of an activation names the layer instead of reading undefined", () => {
      refuses(() => new Loss_CategoricalCrossentropy().regularization_loss(new Activation_ReLU() as never),
        /^TypeError: regularization_loss: Activation_ReLU has no weights; pass a layer with parameters, such as a Layer_Dense$/);
    });

    it("regularization_loss of a dropout layer", () => {
      refuses(() => new Loss_CategoricalCrossentropy().regularization_loss(new Layer_Dropout(0.1) as never), /Layer_Dropout has no weights/);
    });

    it("Accuracy.calculate with one target for two predictions (np.equal would broadcast it)", () => {
      const accuracy = new Accuracy_Categorical();
      refuses(() => accuracy.calculate(np.array([0, 1]), np.array([1])), /Accuracy\.calculate: y must hold one target per prediction \(2\), got shape \(1,\)/);
      assert.equal(accuracy.accumulated_count, 0);
    });

    it("Accuracy_Regression.compare before init", () => {
      refuses(() => new Accuracy_Regression().compare(np.ones([2, 1]), np.ones([2, 1])), /Accuracy_Regression: call init\(y\) before compare/);
    });

    it("Accuracy_Regression.init on empty targets (the precision would be NaN)", () => {
      const accuracy = new Accuracy_Regression();
      refuses(() => accuracy.init(np.zeros([0, 1])), /Accuracy_Regression\.init: y must be the training targets, a non-empty array, got shape \(0,1\)/);
      assert.equal(accuracy.precision, undefined);
    });

    it("Accuracy_Regression.init on targets holding NaN", () => {
      const accuracy = new Accuracy_Regression();
      refuses(() => accuracy.init(np.array([[1], [NaN]])), /std\(y\) is NaN: the targets hold NaN/);
      assert.equal(accuracy.precision, undefined);
    });

    it("Accuracy_Regression.init with reinit neither true nor false", () => {
      refuses(() => new Accuracy_Regression().init(np.ones([3, 1]), "yes" as never), /Accuracy_Regression\.init\(\) argument 'reinit' must be true or false, got 'yes'/);
    });
  });

  describe("optimizers given a layer they cannot update", () => {
    const optimizers = () => [new Optimizer_SGD(), new Optimizer_SGD(1, { momentum: 0.9 }), new Optimizer_Adagrad(), new Optimizer_RMSprop(), new Optimizer_Adam()];

    it("update_params before backward, for every optimizer: no weights moved, no momentum or cache created", () => {
      for (const optimizer of optimizers()) {
        const dense = new Layer_Dense(2, 3);
        const name = optimizer.constructor.name;
        refuses(() => optimizer.update_params(dense),
          new RegExp(`^Error: ${name}\\.update_params: call backward before update_params`), [dense.weights, dense.biases]);
        assert.deepEqual([dense.weight_momentums, dense.weight_cache, dense.bias_momentums, dense.bias_cache], [undefined, undefined, undefined, undefined], name);
      }
    });

    it("update_params on an activation, which has no parameters", () => {
      refuses(() => new Optimizer_SGD().update_params(new Activation_ReLU() as never),
        /Optimizer_SGD\.update_params: Activation_ReLU has no weights and biases to update; pass a layer with parameters/);
    });

    it("update_params with gradients of the wrong shape leaves Adam's state uncreated", () => {
      const dense = new Layer_Dense(2, 3);
      dense.dweights = np.ones([3, 2]);
      dense.dbiases = np.ones([1, 3]);
      refuses(() => new Optimizer_Adam().update_params(dense),
        /Optimizer_Adam\.update_params: dweights have shape \(3,2\), but the weights have shape \(2,3\)/, [dense.weights, dense.biases]);
      assert.equal(dense.weight_momentums, undefined);
    });
  });

  describe("Model", () => {
    function layered(): Model {
      const model = new Model();
      model.add(new Layer_Dense(2, 8));
      model.add(new Activation_ReLU());
      model.add(new Layer_Dense(8, 3));
      model.add(new Activation_Softmax());
      return model;
    }

    it("train before finalize", () => {
      const model = layered();
      model.set({ loss: new Loss_CategoricalCrossentropy(), optimizer: new Optimizer_Adam(), accuracy: new Accuracy_Categorical() });
      const [X, y] = spiral_data(10, 3);
      refuses(() => model.train(X, y, { progress: false }), /^Error: Model\.train: call model\.finalize\(\) first$/);
    });

    it("train before set", () => {
      const model = layered();
      model.finalize();
      const [X, y] = spiral_data(10, 3);
      refuses(() => model.train(X, y, { progress: false }),
        /Model\.train: set loss and accuracy and optimizer first: model\.set\(\{ loss, accuracy, optimizer \}\)/, parametersOf(model));
    });

    it("train after a set without an optimizer", () => {
      const model = layered();
      model.set({ loss: new Loss_CategoricalCrossentropy(), accuracy: new Accuracy_Categorical() });
      model.finalize();
      const [X, y] = spiral_data(10, 3);
      refuses(() => model.train(X, y, { progress: false }), /Model\.train: set optimizer first: model\.set\(\{ optimizer \}\)/, parametersOf(model));
    });

    it("set with the parts given by position", () => {
      const set = layered().set as (...args: unknown[]) => void;
      refuses(() => set.call(new Model(), new Loss_CategoricalCrossentropy(), new Optimizer_Adam()),
        /Model\.set\(\) takes keyword arguments only: model\.set\(\{ loss, optimizer, accuracy \}\), got Loss_CategoricalCrossentropy and 1 more/);
      refuses(() => set.call(new Model()), /Model\.set\(\) takes keyword arguments only: .*got undefined$/);
    });

    it("set with an optimizer where the loss goes, and a string for an optimizer", () => {
      const model = layered();
      refuses(() => model.set({ loss: new Optimizer_Adam() as never }),
        /Model\.set\(\) argument 'loss' must be a loss \(such as Loss_CategoricalCrossentropy\), with calculate\(\), got Optimizer_Adam/);
      refuses(() => model.set({ optimizer: "adam" as never }), /argument 'optimizer' must be an optimizer .*got 'adam'/);
      assert.equal(model.loss, undefined);
    });

    it("add of something that is not a layer", () => {
      const model = new Model();
      refuses(() => model.add(5 as never), /^TypeError: Model\.add: expected a layer or activation \(an object with forward\(\)\), got 5$/);
      refuses(() => model.add(Layer_Dense as never), /got the class Layer_Dense \(not an instance of it\)/);
      assert.equal(model.layers.length, 0);
    });

    it("add of a loss says where the loss goes", () => {
      refuses(() => new Model().add(new Loss_CategoricalCrossentropy() as never), /got Loss_CategoricalCrossentropy; give the loss to model\.set\(\{ loss \}\)/);
    });

    it("finalize with no layers", () => {
      refuses(() => new Model().finalize(), /^Error: Model\.finalize: add layers first$/);
    });

    it("train with more samples than targets refuses before the first step (it used to train two batches first)", () => {
      const model = spiralModel(1);
      const [X, y] = spiral_data(10, 3);
      const out = captured(() => refuses(() => model.train(X, y.get(":20"), { batch_size: 8, progress: false }),
        /Model\.train: X has 30 samples but y has 20 targets: give one target per sample/, parametersOf(model)));
      assert.equal(out, "", "no epoch or step was printed");
      assert.equal(model.optimizer!.iterations, 0);
    });

    it("train with validation_data that is not a pair", () => {
      const model = spiralModel(1);
      const [X, y] = spiral_data(10, 3);
      refuses(() => model.train(X, y, { validation_data: [X] as never, progress: false }),
        /Model\.train\(\) argument 'validation_data' must be a pair \[X_val, y_val\], got an Array of 1/, parametersOf(model));
      refuses(() => model.train(X, y, { validation_data: X as never, progress: false }), /must be a pair \[X_val, y_val\], got NDArray/);
    });

    it("train with validation_data whose counts differ refuses before the first epoch", () => {
      const model = spiralModel(1);
      const [X, y] = spiral_data(10, 3);
      refuses(() => model.train(X, y, { validation_data: [X, y.get(":5")], progress: false }),
        /Model\.train: validation_data\[0\] has 30 samples but validation_data\[1\] has 5 targets/, parametersOf(model));
      assert.equal(model.optimizer!.iterations, 0);
    });

    it("train on X holding NaN says so, instead of blaming the learning rate", () => {
      const model = spiralModel(1);
      const [X, y] = spiral_data(10, 3);
      X.set([3, 1], NaN);
      refuses(() => model.train(X, y, { progress: false }), /Model\.train: X holds NaN or infinity; a loss computed from it would be NaN/, parametersOf(model));
    });

    it("train on no samples", () => {
      refuses(() => spiralModel(1).train(np.zeros([0, 2]), np.zeros([0]), { progress: false }), /Model\.train: X has shape \(0,2\): no samples/);
    });

    it("train on a plain JavaScript array", () => {
      const [, y] = spiral_data(10, 3);
      refuses(() => spiralModel(1).train([[1, 2]] as never, y, { progress: false }), /Model\.train: X must be an array \(np\.array\(X\)\), got an Array/);
    });

    it("train a one-output regression on 1-D targets names the book's reshape", () => {
      const model = new Model();
      model.add(new Layer_Dense(1, 4));
      model.add(new Activation_Linear());
      model.set({ loss: new Loss_MeanSquaredError(), optimizer: new Optimizer_Adam(), accuracy: new Accuracy_Regression() });
      model.finalize();
      const X = np.linspace(0, 1, 10).reshape(-1, 1);
      refuses(() => model.train(X, np.linspace(0, 1, 10), { progress: false }),
        /Loss_MeanSquaredError\.forward: y_true has shape \(10,\), y_pred has shape \(10,4\)/, parametersOf(model));
    });

    it("predict with the wrong number of features gives NumPy's message", () => {
      const model = spiralModel(1);
      refuses(() => model.predict(np.ones([4, 5])), /shapes \(4,5\) and \(2,64\) not aligned: 5 \(dim 1\) != 2 \(dim 0\)/, parametersOf(model));
    });

    it("evaluate before finalize", () => {
      const [X, y] = spiral_data(10, 3);
      refuses(() => layered().evaluate(X, y), /^Error: Model\.evaluate: call model\.finalize\(\) first$/);
    });

    it("evaluate with fewer targets than samples", () => {
      const [X, y] = spiral_data(10, 3);
      const model = spiralModel(1);
      refuses(() => model.evaluate(X, y.get(":5")), /Model\.evaluate: X_val has 30 samples but y_val has 5 targets/, parametersOf(model));
    });

    it("a misspelled option is Python's unexpected keyword argument", () => {
      const [X, y] = spiral_data(10, 3);
      const model = spiralModel(1);
      refuses(() => model.train(X, y, { epoch: 5 } as never), /^TypeError: Model\.train\(\) got an unexpected keyword argument 'epoch'$/, parametersOf(model));
      refuses(() => model.evaluate(X, y, { batchsize: 5 } as never), /Model\.evaluate\(\) got an unexpected keyword argument 'batchsize'/);
    });

    it("load_parameters of another architecture's file: the count of layers differs, nothing is loaded", () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bad-input-network-"));
      try {
        const file = path.join(dir, "other.parms");
        const other = layered();
        other.add(new Layer_Dense(3, 3));
        other.finalize();
        other.save_parameters(file);
        const model = spiralModel(1);
        refuses(() => model.load_parameters(file), /set_parameters: got parameters for 3 layers, the model has 2 trainable layers/, parametersOf(model));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it("set_parameters of something that is not a list of pairs", () => {
      const model = spiralModel(1);
      const [[weights]] = model.get_parameters();
      refuses(() => model.set_parameters([[weights], [weights, weights]] as never),
        /set_parameters: the parameters of trainable layer 0 must be a pair \[weights, biases\] of arrays, got an Array of 1/, parametersOf(model));
      refuses(() => model.set_parameters(undefined as never), /set_parameters: expected a list of \[weights, biases\] pairs, one per trainable layer, got undefined/);
    });
  });
});
