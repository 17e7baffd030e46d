// The Model object (chapters 18-20, 22) against the step-by-step loops of chapters 15-17: on the
// book's chapter-18 configurations it must print the numbers the hand-written loop computes.
import { strict as assert } from "assert";
import * as np from "../../src/np";
import type { NDArray } from "../../src/np/core";
import { nnfs } from "../../src/nnfs";
import { sine_data, spiral_data } from "../../src/nnfs/datasets";
import { f, float } from "../../src/np/printing/python-print";
import {
  Accuracy_Categorical, Accuracy_Regression, Activation_Linear, Activation_ReLU, Activation_Sigmoid,
  Activation_Softmax, Activation_Softmax_Loss_CategoricalCrossentropy, Layer_Dense, Layer_Dropout,
  Loss, Loss_BinaryCrossentropy, Loss_CategoricalCrossentropy, Loss_MeanSquaredError, Model, Optimizer,
  Optimizer_Adagrad, Optimizer_Adam, Optimizer_RMSprop, Optimizer_SGD, TrainableLayer, TrainOptions,
} from "../../src/network";
import { Sent, withKernel } from "../helpers/fake-kernel";
import { captured } from "../helpers/stdout";

/** `acc: ..., loss: ... (data_loss: ..., reg_loss: ...), lr: ...` for float32 losses, as the book's f-strings print it. */
const progress = (acc: number, data_loss: number, reg_loss: number, lr: number): string =>
  f`acc: ${acc}:.3f, loss: ${Math.fround(data_loss + reg_loss)}:.3f (data_loss: ${data_loss}:.3f, reg_loss: ${reg_loss}:.3f), lr: ${float(lr)}`;

function update(optimizer: Optimizer, ...layers: Layer_Dense[]): void {
  optimizer.pre_update_params();
  for (const layer of layers) optimizer.update_params(layer);
  optimizer.post_update_params();
}

/** The lines of Model.train's output that start with `prefix`. */
const linesOf = (out: string, prefix: string): string[] => out.split("\n").filter((line) => line.startsWith(prefix));

const EPOCHS = 3;

describe("Model reproduces the step-by-step training loops (after nnfs.init())", function () {
  this.timeout(120_000); // chapter 18's 512-neuron spiral model, trained twice
  beforeEach(() => nnfs.init());

  it("chapter 18's spiral model with dropout: Dense(2,512,l2)-ReLU-Dropout(0.1)-Dense(512,3)-Softmax", () => {
    const [X, y] = spiral_data(1000, 3);
    const [X_test, y_test] = spiral_data(100, 3);
    const state = np.random.randn(1) as NDArray; // where the stream stands: both runs start from here

    const expected: string[] = [];
    nnfs.init();
    spiral_data(1000, 3);
    spiral_data(100, 3);
    np.random.randn(1);
    const dense1 = new Layer_Dense(2, 512, { weight_regularizer_l2: 5e-4, bias_regularizer_l2: 5e-4 });
    const activation1 = new Activation_ReLU();
    const dropout1 = new Layer_Dropout(0.1);
    const dense2 = new Layer_Dense(512, 3);
    const loss_activation = new Activation_Softmax_Loss_CategoricalCrossentropy();
    const optimizer = new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-5 });
    for (let epoch = 1; epoch <= EPOCHS; epoch++) {
      dense1.forward(X);
      activation1.forward(dense1.output);
      dropout1.forward(activation1.output);
      dense2.forward(dropout1.output);
      const data_loss = loss_activation.forward(dense2.output, y);
      const reg_loss = Math.fround(
        loss_activation.loss.regularization_loss(dense1) + loss_activation.loss.regularization_loss(dense2));
      const acc = np.mean(np.equal(np.argmax(loss_activation.output, { axis: 1 }), y));
      loss_activation.backward(loss_activation.output, y);
      dense2.backward(loss_activation.dinputs);
      dropout1.backward(dense2.dinputs);
      activation1.backward(dropout1.dinputs);
      dense1.backward(activation1.dinputs);
      update(optimizer, dense1, dense2);
      expected.push(`epoch: ${epoch}, ${progress(acc, data_loss, reg_loss, optimizer.current_learning_rate)}`);
    }
    // validation: dropout is off outside training
    dense1.forward(X_test);
    activation1.forward(dense1.output);
    dense2.forward(activation1.output);
    const validation_loss = loss_activation.forward(dense2.output, y_test);
    const validation_acc = np.mean(np.equal(np.argmax(loss_activation.output, { axis: 1 }), y_test));

    nnfs.init();
    spiral_data(1000, 3);
    spiral_data(100, 3);
    assert.deepEqual((np.random.randn(1) as NDArray).tolist(), state.tolist());
    const model = new Model();
    model.add(new Layer_Dense(2, 512, { weight_regularizer_l2: 5e-4, bias_regularizer_l2: 5e-4 }));
    model.add(new Activation_ReLU());
    model.add(new Layer_Dropout(0.1));
    model.add(new Layer_Dense(512, 3));
    model.add(new Activation_Softmax());
    model.set({
      loss: new Loss_CategoricalCrossentropy(),
      optimizer: new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-5 }),
      accuracy: new Accuracy_Categorical(),
    });
    model.finalize();
    assert.ok(model.softmax_classifier_output instanceof Activation_Softmax_Loss_CategoricalCrossentropy);
    // chapter 18's train(): no batch_size, so a line per print_every epochs and validation once at the end
    const out = captured(() => model.train(X, y, { epochs: EPOCHS, validation_data: [X_test, y_test] }));
    const validation = f`validation, acc: ${validation_acc}:.3f, loss: ${validation_loss}:.3f`;
    assert.equal(out, [...expected, validation, ""].join("\n"));
    assert.match(expected[0], /^epoch: 1, acc: 0\.\d{3}, loss: 1\.\d{3} \(data_loss: 1\.\d{3}, reg_loss: 0\.000\), lr: 0\.05$/);
    assert.deepEqual(model.trainable_layers.map((layer) => layer.weights.tolist()), [dense1.weights.tolist(), dense2.weights.tolist()]);
  });

  it("chapter 18's binary model: Dense(2,64,l2)-ReLU-Dense(64,1)-Sigmoid, binary accuracy", () => {
    const [X, yFlat] = spiral_data(100, 2);
    const y = yFlat.reshape(-1, 1);

    const expected: string[] = [];
    const dense1 = new Layer_Dense(2, 64, { weight_regularizer_l2: 5e-4, bias_regularizer_l2: 5e-4 });
    const activation1 = new Activation_ReLU();
    const dense2 = new Layer_Dense(64, 1);
    const activation2 = new Activation_Sigmoid();
    const loss_function = new Loss_BinaryCrossentropy();
    const optimizer = new Optimizer_Adam({ decay: 5e-7 });
    for (let epoch = 1; epoch <= EPOCHS; epoch++) {
      dense1.forward(X);
      activation1.forward(dense1.output);
      dense2.forward(activation1.output);
      activation2.forward(dense2.output);
      const data_loss = loss_function.calculate(activation2.output, y);
      const reg_loss = Math.fround(loss_function.regularization_loss(dense1) + loss_function.regularization_loss(dense2));
      const predictions = np.multiply(np.greater(activation2.output, 0.5), 1);
      const acc = np.mean(np.equal(predictions, y));
      loss_function.backward(activation2.output, y);
      activation2.backward(loss_function.dinputs);
      dense2.backward(activation2.dinputs);
      activation1.backward(dense2.dinputs);
      dense1.backward(activation1.dinputs);
      update(optimizer, dense1, dense2);
      expected.push(`epoch: ${epoch}, ${progress(acc, data_loss, reg_loss, optimizer.current_learning_rate)}`);
    }

    nnfs.init();
    spiral_data(100, 2);
    const model = new Model();
    model.add(new Layer_Dense(2, 64, { weight_regularizer_l2: 5e-4, bias_regularizer_l2: 5e-4 }));
    model.add(new Activation_ReLU());
    model.add(new Layer_Dense(64, 1));
    model.add(new Activation_Sigmoid());
    model.set({ loss: new Loss_BinaryCrossentropy(), optimizer: new Optimizer_Adam({ decay: 5e-7 }), accuracy: new Accuracy_Categorical({ binary: true }) });
    model.finalize();
    assert.equal(model.softmax_classifier_output, null);
    const out = captured(() => model.train(X, y, { epochs: EPOCHS }));
    assert.equal(out, [...expected, ""].join("\n"));
    assert.match(expected[0], /lr: 0\.001$/);
  });

  it("chapter 18's regression model: Dense(1,64)-ReLU-Dense(64,64)-ReLU-Dense(64,1)-Linear, MSE", () => {
    const [X, y] = sine_data();

    const expected: string[] = [];
    const dense1 = new Layer_Dense(1, 64);
    const activation1 = new Activation_ReLU();
    const dense2 = new Layer_Dense(64, 64);
    const activation2 = new Activation_ReLU();
    const dense3 = new Layer_Dense(64, 1);
    const activation3 = new Activation_Linear();
    const loss_function = new Loss_MeanSquaredError();
    const optimizer = new Optimizer_Adam({ learning_rate: 0.005, decay: 1e-3 });
    // sine_data's y is float64, so the precision is a float64 number
    assert.equal(y.dtype, "float64");
    const accuracy_precision = np.std(y) / 250;
    for (let epoch = 1; epoch <= EPOCHS; epoch++) {
      dense1.forward(X);
      activation1.forward(dense1.output);
      dense2.forward(activation1.output);
      activation2.forward(dense2.output);
      dense3.forward(activation2.output);
      activation3.forward(dense3.output);
      const data_loss = loss_function.calculate(activation3.output, y);
      const reg_loss = 0;
      const acc = np.mean(np.less(np.abs(np.subtract(activation3.output, y)), accuracy_precision));
      loss_function.backward(activation3.output, y);
      activation3.backward(loss_function.dinputs);
      dense3.backward(activation3.dinputs);
      activation2.backward(dense3.dinputs);
      dense2.backward(activation2.dinputs);
      activation1.backward(dense2.dinputs);
      dense1.backward(activation1.dinputs);
      update(optimizer, dense1, dense2, dense3);
      expected.push(`epoch: ${epoch}, ${progress(acc, data_loss, reg_loss, optimizer.current_learning_rate)}`);
    }

    nnfs.init();
    sine_data();
    const model = new Model();
    model.add(new Layer_Dense(1, 64));
    model.add(new Activation_ReLU());
    model.add(new Layer_Dense(64, 64));
    model.add(new Activation_ReLU());
    model.add(new Layer_Dense(64, 1));
    model.add(new Activation_Linear());
    const accuracy = new Accuracy_Regression();
    model.set({ loss: new Loss_MeanSquaredError(), optimizer: new Optimizer_Adam({ learning_rate: 0.005, decay: 1e-3 }), accuracy });
    model.finalize();
    // print_every 2: epoch 2 only
    const out = captured(() => model.train(X, y, { epochs: EPOCHS, print_every: 2 }));
    assert.equal(out, expected[1] + "\n");
    assert.equal(accuracy.precision, accuracy_precision);
    assert.match(expected[2], /lr: 0\.00499001996007984$/);
    // One step per epoch: the first layer's dinputs is still the last step's (see chapter 19's test).
    assert.deepEqual((model.layers[0] as Layer_Dense).dinputs.tolist(), dense1.dinputs.tolist());
  });

  it("chapter 19: mini-batches, print_every, a last partial batch and the epoch's totals", () => {
    const [X, y] = spiral_data(100, 3); // 300 samples: batches of 128, 128, 44
    const batch_size = 128;

    const stepLines: string[] = [];
    const trainingLines: string[] = [];
    // a strong L2 penalty, so that its value visibly moves with each update
    const dense1 = new Layer_Dense(2, 16, { weight_regularizer_l2: 5 });
    const activation1 = new Activation_ReLU();
    const dense2 = new Layer_Dense(16, 3);
    const loss_activation = new Activation_Softmax_Loss_CategoricalCrossentropy();
    const optimizer = new Optimizer_Adam({ decay: 1e-3 });
    for (let epoch = 1; epoch <= 2; epoch++) {
      loss_activation.loss.new_pass();
      let correct = 0;
      for (let step = 0; step < 3; step++) {
        const batch_X = X.get(`${step * batch_size}:${(step + 1) * batch_size}`);
        const batch_y = y.get(`${step * batch_size}:${(step + 1) * batch_size}`);
        dense1.forward(batch_X);
        activation1.forward(dense1.output);
        dense2.forward(activation1.output);
        const data_loss = loss_activation.forward(dense2.output, batch_y);
        const reg_loss = loss_activation.loss.regularization_loss(dense1);
        const hits = np.equal(np.argmax(loss_activation.output, { axis: 1 }), batch_y);
        correct += np.sum(hits);
        loss_activation.backward(loss_activation.output, batch_y);
        dense2.backward(loss_activation.dinputs);
        activation1.backward(dense2.dinputs);
        dense1.backward(activation1.dinputs);
        update(optimizer, dense1, dense2);
        // print_every 2: steps 0 and 2 (2 is also the last)
        if (step !== 1) stepLines.push(`step: ${step}, ${progress(np.mean(hits), data_loss, reg_loss, optimizer.current_learning_rate)}`);
      }
      // The book's epoch totals: the data loss over all batches, and the regularization loss
      // of the parameters as the last update left them.
      const epoch_data_loss = loss_activation.loss.calculate_accumulated();
      const epoch_reg_loss = loss_activation.loss.regularization_loss(dense1);
      trainingLines.push(`training, ${progress(correct / 300, epoch_data_loss, epoch_reg_loss, optimizer.current_learning_rate)}`);
    }

    nnfs.init();
    spiral_data(100, 3);
    const model = new Model();
    model.add(new Layer_Dense(2, 16, { weight_regularizer_l2: 5 }));
    model.add(new Activation_ReLU());
    model.add(new Layer_Dense(16, 3));
    model.add(new Activation_Softmax());
    model.set({ loss: new Loss_CategoricalCrossentropy(), optimizer: new Optimizer_Adam({ decay: 1e-3 }), accuracy: new Accuracy_Categorical() });
    model.finalize();
    const out = captured(() => model.train(X, y, { epochs: 2, batch_size, print_every: 2 }));
    assert.notEqual(stepLines[1].match(/reg_loss: [\d.]+/)![0], trainingLines[0].match(/reg_loss: [\d.]+/)![0]);
    assert.deepEqual(linesOf(out, "step:"), stepLines);
    assert.deepEqual(linesOf(out, "training,"), trainingLines);
    assert.equal(out.split("\n").length, 2 * (1 + 2 + 1) + 1);
    // After training the layers hold what the loop left, the first layer's dinputs included
    // (Model.train computes that one on the last step only).
    const first = model.layers[0] as Layer_Dense;
    assert.deepEqual(first.weights.tolist(), dense1.weights.tolist());
    assert.deepEqual(first.dinputs.tolist(), dense1.dinputs.tolist());
  });

  describe("the first layer's dinputs, the data's gradient, which no training step reads", () => {
    /** Writes to `layer.dinputs`, counted. */
    function countWrites(layer: Layer_Dense): { writes: number } {
      const counter = { writes: 0 };
      let value = layer.dinputs;
      Object.defineProperty(layer, "dinputs", { get: () => value, set: (v: NDArray) => { counter.writes++; value = v; } });
      return counter;
    }
    /** A two-layer spiral model trained 2 epochs of 3 steps with `optimizer`; the first layer's dinputs writes. */
    function train(first: Layer_Dense, optimizer: Optimizer, loss: Loss = new Loss_CategoricalCrossentropy()): number {
      const [X, y] = spiral_data(100, 3);
      const model = new Model();
      model.add(first);
      model.add(new Activation_ReLU());
      model.add(new Layer_Dense(16, 3));
      model.add(new Activation_Softmax());
      model.set({ loss, optimizer, accuracy: new Accuracy_Categorical() });
      model.finalize();
      const counter = countWrites(first);
      captured(() => model.train(X, y, { epochs: 2, batch_size: 128 }));
      return counter.writes;
    }

    it("is computed on the last step only with the library's optimizers", () => {
      for (const optimizer of [new Optimizer_SGD(), new Optimizer_Adagrad(), new Optimizer_RMSprop(), new Optimizer_Adam()]) {
        assert.equal(train(new Layer_Dense(2, 16), optimizer), 1, optimizer.constructor.name);
      }
    });

    it("is computed every step with a learner's loss, which keeps the layers", () => {
      class Own extends Loss_CategoricalCrossentropy {}
      assert.equal(train(new Layer_Dense(2, 16), new Optimizer_Adam(), new Own()), 6);
    });

    it("is computed every step for a learner's optimizer, which might read it", () => {
      const adam = new Optimizer_Adam();
      const own: Optimizer = {
        learning_rate: adam.learning_rate,
        decay: adam.decay,
        get iterations() { return adam.iterations; },
        get current_learning_rate() { return adam.current_learning_rate; },
        pre_update_params: () => adam.pre_update_params(),
        update_params: (layer) => adam.update_params(layer),
        post_update_params: () => adam.post_update_params(),
      };
      assert.equal(train(new Layer_Dense(2, 16), own), 6);
    });

    it("is computed every step for a library optimizer's subclass that overrides update_params", () => {
      class Own extends Optimizer_Adam {
        update_params(layer: TrainableLayer): void {
          super.update_params(layer);
        }
      }
      assert.equal(train(new Layer_Dense(2, 16), new Own()), 6);
    });

    it("is computed every step by a Layer_Dense subclass that overrides backward", () => {
      let calls = 0;
      class Counted extends Layer_Dense {
        backward(dvalues: NDArray): void {
          calls++;
          super.backward(dvalues);
        }
      }
      assert.equal(train(new Counted(2, 16), new Optimizer_Adam()), 6);
      assert.equal(calls, 6);
    });
  });
});

describe("Model: evaluate, predict and errors", () => {
  beforeEach(() => nnfs.init());

  function trainedSpiralModel(): [Model, NDArray, NDArray] {
    const [X, y] = spiral_data(100, 3);
    const model = new Model();
    model.add(new Layer_Dense(2, 32));
    model.add(new Activation_ReLU());
    model.add(new Layer_Dense(32, 3));
    model.add(new Activation_Softmax());
    model.set({ loss: new Loss_CategoricalCrossentropy(), optimizer: new Optimizer_Adam({ learning_rate: 0.05 }), accuracy: new Accuracy_Categorical() });
    model.finalize();
    captured(() => model.train(X, y, { epochs: 20 }));
    return [model, X, y];
  }

  it("evaluate prints the same numbers batched or not (chapter 20)", () => {
    const [model, X, y] = trainedSpiralModel();
    const whole = captured(() => model.evaluate(X, y));
    assert.match(whole, /^validation, acc: 0\.\d{3}, loss: \d\.\d{3}\n$/);
    // the accuracy is a count, so batching cannot change it; the loss may differ in its last bits only
    const batched = captured(() => model.evaluate(X, y, { batch_size: 64 }));
    assert.equal(batched.slice(0, "validation, acc: 0.000".length), whole.slice(0, "validation, acc: 0.000".length));
    const output = model.forward(X, false);
    const loss = new Loss_CategoricalCrossentropy().calculate(output, y);
    const acc = np.mean(np.equal(np.argmax(output, { axis: 1 }), y));
    assert.equal(whole, f`validation, acc: ${acc}:.3f, loss: ${loss}:.3f` + "\n");
  });

  it("predict returns the output layer's values, batch by batch, stacked (chapter 22)", () => {
    const [model, X] = trainedSpiralModel();
    const whole = model.predict(X);
    const batched = model.predict(X, { batch_size: 7 });
    assert.deepEqual(whole.shape, [300, 3]);
    assert.deepEqual(batched.tolist(), whole.tolist());
    const classes = model.output_layer_activation!.predictions!(whole);
    assert.deepEqual(classes.shape, [300]);
  });

  it("get_parameters / set_parameters move a model's knowledge into a fresh one (chapter 21)", () => {
    const [model, X] = trainedSpiralModel();
    const fresh = new Model();
    fresh.add(new Layer_Dense(2, 32));
    fresh.add(new Activation_ReLU());
    fresh.add(new Layer_Dense(32, 3));
    fresh.add(new Activation_Softmax());
    fresh.finalize();
    assert.notDeepEqual(fresh.predict(X).tolist(), model.predict(X).tolist());
    fresh.set_parameters(model.get_parameters());
    assert.deepEqual(fresh.predict(X).tolist(), model.predict(X).tolist());
  });

  it("set_parameters refuses parameters that do not fit, before changing anything", () => {
    const [model] = trainedSpiralModel();
    const before = model.get_parameters().map(([w, b]) => [w.tolist(), b.tolist()]);
    const [[w1, b1], [w2]] = model.get_parameters();
    assert.throws(() => model.set_parameters([[w1, b1], [w2, np.zeros([1, 4])]]),
      /biases of trainable layer 1 have shape \(1,4\), the model's have shape \(1,3\)/);
    assert.throws(() => model.set_parameters([[w1, b1]]), /parameters for 1 layers, the model has 2 trainable layers/);
    assert.deepEqual(model.get_parameters().map(([w, b]) => [w.tolist(), b.tolist()]), before);
  });

  it("trains a learner's own layer class: any layer with weights is trainable, as the book's hasattr(layer, 'weights')", () => {
    /** A dense layer written from scratch, as a learner would: no Layer_Dense, no get_parameters. */
    class MyDense {
      weights: NDArray;
      biases: NDArray;
      inputs!: NDArray;
      output!: NDArray;
      dweights!: NDArray;
      dbiases!: NDArray;
      dinputs!: NDArray;
      constructor(n_inputs: number, n_neurons: number) {
        this.weights = np.multiply(0.01, np.random.randn(n_inputs, n_neurons) as NDArray);
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
    }
    const build = (Dense: new (n_inputs: number, n_neurons: number) => MyDense | Layer_Dense): Model => {
      nnfs.init();
      const model = new Model();
      model.add(new Dense(2, 16));
      model.add(new Activation_ReLU());
      model.add(new Dense(16, 3));
      model.add(new Activation_Softmax());
      model.set({ loss: new Loss_CategoricalCrossentropy(), optimizer: new Optimizer_Adam({ learning_rate: 0.05 }), accuracy: new Accuracy_Categorical() });
      model.finalize();
      return model;
    };
    const [X, y] = spiral_data(100, 3);
    const mine = build(MyDense);
    assert.equal(mine.trainable_layers.length, 2);
    const before = mine.get_parameters().map(([w, b]) => [w.tolist(), b.tolist()]);
    const printed = captured(() => mine.train(X, y, { epochs: 20, print_every: 10 }));
    assert.notDeepEqual(mine.get_parameters().map(([w, b]) => [w.tolist(), b.tolist()]), before, "the parameters moved");
    // It learns exactly as Layer_Dense does: the same lines, the same parameters.
    const book = build(Layer_Dense);
    assert.equal(captured(() => book.train(X, y, { epochs: 20, print_every: 10 })), printed);
    assert.deepEqual(mine.get_parameters().map(([w, b]) => [w.tolist(), b.tolist()]),
      book.get_parameters().map(([w, b]) => [w.tolist(), b.tolist()]));
    // set_parameters works on it too (its weights and biases are replaced).
    mine.set_parameters(book.get_parameters());
    assert.equal((mine.layers[0] as MyDense).weights, book.trainable_layers[0].weights);
  });

  it("Python's errors for misspelled keyword arguments of set, train, evaluate and predict", () => {
    const [model, X, y] = trainedSpiralModel();
    // @ts-expect-error a misspelled keyword
    assert.throws(() => model.train(X, y, { epoch: 2 }), /^TypeError: Model.train\(\) got an unexpected keyword argument 'epoch'$/);
    // @ts-expect-error a misspelled keyword
    assert.throws(() => model.evaluate(X, y, { batchsize: 10 }), /Model.evaluate\(\) got an unexpected keyword argument 'batchsize'/);
    // @ts-expect-error a misspelled keyword
    assert.throws(() => model.predict(X, { batch: 10 }), /Model.predict\(\) got an unexpected keyword argument 'batch'/);
    // @ts-expect-error a misspelled keyword
    assert.throws(() => model.set({ optimiser: new Optimizer_Adam() }), /Model.set\(\) got an unexpected keyword argument 'optimiser'/);
  });

  it("says what is missing instead of failing somewhere inside", () => {
    const model = new Model();
    assert.throws(() => model.finalize(), /add layers first/);
    model.add(new Layer_Dense(2, 3));
    assert.throws(() => model.predict(np.zeros([1, 2])), /call model\.finalize\(\) first/);
    model.finalize();
    assert.throws(() => model.train(np.zeros([1, 2]), np.zeros([1])), /set loss and accuracy and optimizer first/);
    model.set({ loss: new Loss_CategoricalCrossentropy(), accuracy: new Accuracy_Categorical() });
    assert.throws(() => model.evaluate(np.zeros([1, 2]), np.zeros([1], "uint8")), /Layer_Dense\) has no predictions\(\)/);
  });

  it("Accuracy_Regression keeps its precision unless asked to reinit", () => {
    const accuracy = new Accuracy_Regression();
    accuracy.init(np.array([0, 250], "float64"));
    assert.equal(accuracy.precision, 0.5);
    accuracy.init(np.array([0, 500], "float64"));
    assert.equal(accuracy.precision, 0.5);
    accuracy.init(np.array([0, 500], "float64"), true);
    assert.equal(accuracy.precision, 1);
    accuracy.init(np.array([0, 1000], "float64"), { reinit: true });
    assert.equal(accuracy.precision, 2);
  });

  it("Accuracy_Categorical: one-hot targets, binary columns, running totals", () => {
    const accuracy = new Accuracy_Categorical();
    assert.equal(accuracy.calculate(np.array([0, 1, 2]), np.array([[1, 0, 0], [0, 0, 1], [0, 0, 1]])), 2 / 3);
    assert.equal(accuracy.calculate(np.array([1]), np.array([1])), 1);
    assert.equal(accuracy.calculate_accumulated(), 3 / 4);
    accuracy.new_pass();
    const binary = new Accuracy_Categorical({ binary: true });
    assert.equal(binary.calculate(np.array([[1], [0]]), np.array([[1], [1]])), 0.5);
    assert.equal(binary.calculate_accumulated(), 0.5);
  });
});

describe("Model.train's live progress line", () => {
  /** The same small spiral model and data each call (nnfs.init() first), so runs can be compared. */
  function spiralModel(): [Model, NDArray, NDArray] {
    nnfs.init();
    const [X, y] = spiral_data(100, 3);
    const model = new Model();
    model.add(new Layer_Dense(2, 16));
    model.add(new Activation_ReLU());
    model.add(new Layer_Dense(16, 3));
    model.add(new Activation_Softmax());
    model.set({ loss: new Loss_CategoricalCrossentropy(), optimizer: new Optimizer_Adam({ decay: 1e-3 }), accuracy: new Accuracy_Categorical() });
    model.finalize();
    return [model, X, y];
  }
  // 300 samples in batches of 10: 30 steps per epoch
  const batched: TrainOptions = { epochs: 2, batch_size: 10, print_every: 10 };
  const train = (options: TrainOptions): string => {
    const [model, X, y] = spiralModel();
    return captured(() => model.train(X, y, { ...options, validation_data: [X, y] }));
  };
  const texts = (sent: Sent[]) => sent.map((s) => String(s.message.data["text/plain"]));

  it("in a notebook: on by default, book lines unchanged, one display redrawn, ending at the last step", () => {
    const bookLines = train({ ...batched, progress: false });
    let out = "";
    let elapsed = 0;
    const sent = withKernel(() => {
      const started = Date.now();
      out = train(batched);
      elapsed = Date.now() - started;
    });
    assert.equal(out, bookLines);
    assert.equal(linesOf(out, "step:").length, 2 * 4); // steps 0, 10, 20 and the last, 29
    assert.ok(sent.length >= 2, "a start frame and the last step");
    assert.equal(new Set(sent.map((s) => s.message.transient.display_id)).size, 1);
    assert.deepEqual(sent.map((s) => s.update), [false, ...sent.slice(1).map(() => true)]);
    // 61 updates; throttled to the start frame, the last step and one per 250 ms in between, then
    // the closing frame that replaces the live picture with the plotly figure
    const final = sent[sent.length - 1].message.data;
    assert.ok("application/vnd.plotly.v1+json" in final, "the closing frame is the plotly figure");
    assert.ok(sent.length <= 3 + Math.floor(elapsed / 250), `${sent.length} frames in ${elapsed} ms`);
    const frames = texts(sent);
    assert.match(frames[0], /^epoch 1\/2 ░{20}   0%  0\.\d s$/);
    // the last frame shows what the book's last step line shows
    const [, acc, loss] = /^step: 29, acc: (\S+), loss: (\S+) /.exec(linesOf(out, "step: 29").pop()!)!;
    assert.match(frames[frames.length - 1], new RegExp(`^epoch 2/2 step 29/29 █{20} 100%  acc: ${acc}  loss: ${loss}  lr: 0\\.0009443  \\d+\\.\\d s$`));
  });

  it("in a notebook, without batches: epochs from 1 to epochs, ending at the last", () => {
    const options: TrainOptions = { epochs: 3, print_every: 1 };
    const bookLines = train({ ...options, progress: false });
    let out = "";
    const frames = texts(withKernel(() => { out = train(options); }));
    assert.equal(out, bookLines);
    const [, acc, loss] = /^epoch: 3, acc: (\S+), loss: (\S+) /.exec(linesOf(out, "epoch: 3")[0])!;
    assert.match(frames[frames.length - 1], new RegExp(`^epoch 3/3 █{20} 100%  acc: ${acc}  loss: ${loss}  lr: 0\\.000998  \\d+\\.\\d s$`));
  });

  it("outside a notebook: off by default; asked for, it prints its last state once, after the book's lines", () => {
    const bookLines = train({ ...batched, progress: false });
    assert.equal(train(batched), bookLines);
    const withLine = train({ ...batched, progress: true });
    assert.ok(withLine.startsWith(bookLines), "the book's lines first, unchanged");
    assert.match(withLine.slice(bookLines.length), /^epoch 2\/2 step 29\/29 █{20} 100%  acc: \d\.\d{3}  loss: \d\.\d{3}  lr: 0\.0009443  \d+\.\d s\n$/);
  });
});
