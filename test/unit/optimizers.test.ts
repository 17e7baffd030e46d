// One and two optimizer steps against values worked out with plain Python floats (the
// book's formulas on scalars), and the learning-rate schedule's printed digits.
import { strict as assert } from "assert";
import * as np from "../../src/np";
import { resetConfig } from "../../src/np/config";
import { reprNumber } from "../../src/np/printing/python-format";
import { Layer_Dense, Optimizer_SGD, Optimizer_Adagrad, Optimizer_RMSprop, Optimizer_Adam, Optimizer } from "../../src/network";

/** A 1x1 dense layer with w = 0.5, b = -0.125, dw = 0.25, db = 0.75 (float64). */
function layer(): Layer_Dense {
  const dense = new Layer_Dense(1, 1);
  dense.weights = np.array([[0.5]]);
  dense.biases = np.array([[-0.125]]);
  dense.dweights = np.array([[0.25]]);
  dense.dbiases = np.array([[0.75]]);
  return dense;
}

/** Two steps: gradient 0.25, then -0.5; returns the weight after each. */
function twoSteps(optimizer: Optimizer): [number, number] {
  const dense = layer();
  const weights: number[] = [];
  for (const gradient of [0.25, -0.5]) {
    dense.dweights = np.array([[gradient]]);
    optimizer.pre_update_params();
    optimizer.update_params(dense);
    optimizer.post_update_params();
    weights.push(dense.weights.item() as number);
  }
  return [weights[0], weights[1]];
}

describe("optimizers", () => {
  beforeEach(() => resetConfig());

  describe("constructor forms", () => {
    it("defaults, positional, keywords and both", () => {
      const sgd = new Optimizer_SGD();
      assert.deepEqual([sgd.learning_rate, sgd.decay, sgd.momentum], [1, 0, 0]);
      assert.equal(new Optimizer_SGD(0.85).learning_rate, 0.85);
      const mixed = new Optimizer_SGD(1, { decay: 1e-3, momentum: 0.9 });
      assert.deepEqual([mixed.learning_rate, mixed.decay, mixed.momentum], [1, 1e-3, 0.9]);
      const adagrad = new Optimizer_Adagrad();
      assert.deepEqual([adagrad.learning_rate, adagrad.decay, adagrad.epsilon], [1, 0, 1e-7]);
      const rms = new Optimizer_RMSprop({ rho: 0.999 });
      assert.deepEqual([rms.learning_rate, rms.decay, rms.epsilon, rms.rho], [0.001, 0, 1e-7, 0.999]);
      const adam = new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-7 });
      assert.deepEqual([adam.learning_rate, adam.decay, adam.epsilon, adam.beta_1, adam.beta_2], [0.05, 5e-7, 1e-7, 0.9, 0.999]);
      assert.equal(adam.current_learning_rate, 0.05);
      assert.equal(adam.iterations, 0);
    });

    it("every call form the overloads allow: positional in the book's order, (learning_rate, options), options", () => {
      const forms: [string, { learning_rate: number; decay: number }, Record<string, number>][] = [
        ["SGD positional", new Optimizer_SGD(0.5, 1e-3, 0.9), { momentum: 0.9 }],
        ["SGD lr + options", new Optimizer_SGD(0.5, { decay: 1e-3, momentum: 0.9 }), { momentum: 0.9 }],
        ["Adagrad positional", new Optimizer_Adagrad(0.5, 1e-3, 1e-6), { epsilon: 1e-6 }],
        ["Adagrad lr + options", new Optimizer_Adagrad(0.5, { decay: 1e-3 }), { epsilon: 1e-7 }],
        ["Adagrad options", new Optimizer_Adagrad({ learning_rate: 0.5, decay: 1e-3, epsilon: 1e-6 }), { epsilon: 1e-6 }],
        ["RMSprop positional", new Optimizer_RMSprop(0.5, 1e-3, 1e-7, 0.999), { rho: 0.999 }],
        ["RMSprop lr + options", new Optimizer_RMSprop(0.5, { decay: 1e-3, rho: 0.999 }), { rho: 0.999 }],
        ["Adam positional", new Optimizer_Adam(0.5, 1e-3, 1e-7, 0.8, 0.99), { beta_1: 0.8, beta_2: 0.99 }],
        ["Adam lr + options", new Optimizer_Adam(0.5, { decay: 1e-3, beta_2: 0.99 }), { beta_1: 0.9, beta_2: 0.99 }],
      ];
      for (const [form, optimizer, attributes] of forms) {
        assert.deepEqual([optimizer.learning_rate, optimizer.decay], [0.5, 1e-3], form);
        for (const [name, value] of Object.entries(attributes)) assert.equal((optimizer as unknown as Record<string, number>)[name], value, `${form}: ${name}`);
      }
    });

    it("Python's errors for wrong arguments: type errors in a cell, TypeErrors at run time", () => {
      // @ts-expect-error a misspelled keyword
      assert.throws(() => new Optimizer_Adam({ learning_rat: 0.05 }),
        /^TypeError: Optimizer_Adam\(\) got an unexpected keyword argument 'learning_rat'$/);
      // @ts-expect-error a misspelled keyword after a positional learning rate
      assert.throws(() => new Optimizer_SGD(0.1, { momentun: 0.9 }), /Optimizer_SGD\(\) got an unexpected keyword argument 'momentun'/);
      // @ts-expect-error a keyword of another optimizer
      assert.throws(() => new Optimizer_Adagrad({ rho: 0.9 }), /Optimizer_Adagrad\(\) got an unexpected keyword argument 'rho'/);
      // @ts-expect-error one positional value too many
      assert.throws(() => new Optimizer_SGD(1, 0, 0, 5), /takes 3 positional arguments but 4 were given/);
      // @ts-expect-error learning_rate twice
      assert.throws(() => new Optimizer_SGD(1, { learning_rate: 2 }), /multiple values for argument 'learning_rate'/);
      // @ts-expect-error a string where the book has a number
      assert.throws(() => new Optimizer_RMSprop("0.02"), /argument 'learning_rate' must be a number/);
      // @ts-expect-error n_neurons missing
      assert.throws(() => new Layer_Dense(2), /missing required argument: 'n_neurons'/);
    });
  });

  describe("one step", () => {
    it("SGD: w -= lr·dw on weights and biases", () => {
      const dense = layer();
      const sgd = new Optimizer_SGD();
      sgd.pre_update_params();
      sgd.update_params(dense);
      assert.equal(dense.weights.item(), 0.25);
      assert.equal(dense.biases.item(), -0.875);
    });

    it("SGD with momentum: the second step keeps 0.9 of the first", () => {
      const sgd = new Optimizer_SGD({ learning_rate: 0.1, momentum: 0.9 });
      assert.deepEqual(twoSteps(sgd), [0.475, 0.5025]);
    });

    it("Adagrad", () => {
      assert.deepEqual(twoSteps(new Optimizer_Adagrad()), [-0.49999960000015997, 0.3944274309997846]);
    });

    it("RMSprop", () => {
      assert.deepEqual(twoSteps(new Optimizer_RMSprop()), [0.49683772633982654, 0.49969486756431725]);
    });

    it("Adam, bias-corrected", () => {
      assert.deepEqual(twoSteps(new Optimizer_Adam()), [0.49900000039999987, 0.499366103834432]);
    });

    it("creates its state on the layer under the book's names", () => {
      const dense = layer();
      new Optimizer_Adam().update_params(dense);
      for (const name of ["weight_momentums", "bias_momentums", "weight_cache", "bias_cache"] as const) {
        assert.deepEqual(dense[name]?.shape, [1, 1], name);
      }
      const sgd = layer();
      new Optimizer_SGD({ momentum: 0.5 }).update_params(sgd);
      assert.equal(sgd.weight_momentums?.item(), -0.25);
      assert.equal(sgd.weight_cache, undefined);
    });

    it("float32 parameters stay float32 when a gradient is float64 (NumPy's in-place +=)", () => {
      for (const optimizer of [new Optimizer_SGD(), new Optimizer_Adagrad(), new Optimizer_RMSprop(), new Optimizer_Adam()]) {
        const dense = layer();
        dense.weights = dense.weights.astype("float32");
        dense.biases = dense.biases.astype("float32");
        optimizer.update_params(dense);
        assert.equal(dense.weights.dtype, "float32", optimizer.constructor.name);
        assert.equal(dense.biases.dtype, "float32", optimizer.constructor.name);
        assert.equal(dense.biases.item(), Math.fround(dense.biases.item() as number));
      }
    });
  });

  describe("learning-rate decay: lr·1/(1 + decay·iterations), Python's digits", () => {
    /** current_learning_rate after `steps` full steps, as printed before the next update. */
    function lrAfter(optimizer: Optimizer, steps: number): string {
      const dense = layer();
      for (let i = 0; i < steps; i++) {
        optimizer.pre_update_params();
        optimizer.update_params(dense);
        optimizer.post_update_params();
      }
      optimizer.pre_update_params();
      return reprNumber(optimizer.current_learning_rate, true);
    }

    it("no decay keeps the learning rate", () => {
      assert.equal(lrAfter(new Optimizer_SGD(), 5), "1.0");
    });
    it("SGD decay 1e-2", () => {
      assert.equal(lrAfter(new Optimizer_SGD({ decay: 1e-2 }), 1), "0.9900990099009901");
      assert.equal(lrAfter(new Optimizer_SGD({ decay: 1e-2 }), 10), "0.9090909090909091");
      assert.equal(lrAfter(new Optimizer_SGD(1, { decay: 1e-4 }), 3), "0.9997000899730081");
    });
    it("Adam(0.05, decay 5e-7): 0.04999752512250644 printed at epoch 100", () => {
      // Epoch 100's line shows the rate set before epoch 99's update (iterations = 99).
      assert.equal(lrAfter(new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-7 }), 99), "0.04999752512250644");
      assert.equal(lrAfter(new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-7 }), 100), "0.049997500124993745");
    });
    it("the book's epoch-10000 lines (chapters 11, 14, 15, 16)", () => {
      const at10000 = (optimizer: Optimizer) => {
        optimizer.iterations = 9999;
        optimizer.pre_update_params();
        return reprNumber(optimizer.current_learning_rate, true);
      };
      assert.equal(at10000(new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-7 })), "0.04975126853296942");
      assert.equal(at10000(new Optimizer_Adam({ learning_rate: 0.02, decay: 5e-7 })), "0.019900507413187767");
      assert.equal(at10000(new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-5 })), "0.03333444448148271");
      assert.equal(at10000(new Optimizer_Adam({ decay: 5e-7 })), "0.0009950253706593885");
    });
  });
});
