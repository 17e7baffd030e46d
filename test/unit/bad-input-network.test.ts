// Careless input to the book's classes ends in an error that names the problem, at once,
// instead of a hang or a run that goes on with NaN.
import { strict as assert } from "assert";
import * as np from "../../src/np";
import { nnfs } from "../../src/nnfs";
import { spiral_data } from "../../src/nnfs/datasets";
import { Activation_LeakyReLU, Activation_ReLU, Activation_Sigmoid, Activation_Softmax, Activation_Swish, Activation_Tanh } from "../../src/network/activations";
import { Accuracy_Categorical } from "../../src/network/accuracy";
import { Layer_Dense, Layer_Dropout } from "../../src/network/layers";
import { Loss_CategoricalCrossentropy } from "../../src/network/losses";
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
});
