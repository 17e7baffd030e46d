// The book's deterministic numbers (chapters 3, 4, 5, 9) and the first epochs of chapters 10, 15, 16,
// against the book's prints and NumPy's own run of the same programs (golden/gen_network.py).
import { strict as assert } from "assert";
import { createHash } from "crypto";
import { readFileSync } from "fs";
import { join } from "path";
import * as np from "../../src/np";
import type { NDArray } from "../../src/np/core";
import { nnfs } from "../../src/nnfs";
import { resetConfig } from "../../src/np/config";
import { spiral_data } from "../../src/nnfs/datasets";
import { formatNumber, reprNumber } from "../../src/np/printing/python-format";
import { decodeArray, sameBits, EncodedArray } from "../helpers/encoded-array";
import {
  Layer_Dense, Activation_ReLU, Activation_Softmax, Loss_CategoricalCrossentropy,
  Activation_Softmax_Loss_CategoricalCrossentropy, Optimizer_SGD, Optimizer_Adam, Layer_Dropout,
  Activation_Sigmoid, Loss_BinaryCrossentropy, Optimizer,
} from "../../src/network";

type Printed = EncodedArray & { str: string };
interface Epoch { line: string; loss: { hex: string }; acc: string }
interface Training { epochs: Epoch[]; "dense1.weights": EncodedArray; "dense2.biases": EncodedArray }
interface RegularizedEpoch { line: string; data_loss: { hex: string }; reg_loss: { str: string }; acc: string }
type RegularizedTraining = Omit<Training, "epochs"> & { epochs: RegularizedEpoch[] };
const golden = JSON.parse(readFileSync(join(__dirname, "..", "golden", "network.json"), "utf8")) as {
  ch3_dense1_output_5: Printed;
  ch4_softmax_output_5: Printed;
  ch5: { loss: { hex: string } };
  ch9: Record<"output_5" | "dense1.dweights" | "dense1.dbiases" | "dense2.dweights" | "dense2.dbiases", Printed> & {
    loss: { str: string };
  };
  ch10_sgd: Training;
  ch10_adam: Training;
  ch15_dropout: RegularizedTraining;
  ch16_binary: RegularizedTraining;
  adam_corrections_float32_sha256: Record<string, string>;
};

/** Prints as NumPy printed it, with the same bits. */
function samePrinted(actual: NDArray, expected: Printed): void {
  assert.equal(String(actual), expected.str);
  sameBits(actual, decodeArray(expected));
}

/** A float32 scalar as NumPy stored it. */
const float32Of = (hex: string): number => Buffer.from(hex, "hex").readFloatLE(0);

/** One optimizer step over the trainable layers, as the book's training loops do. */
function step(optimizer: Optimizer, ...layers: Layer_Dense[]): void {
  optimizer.pre_update_params();
  for (const layer of layers) optimizer.update_params(layer);
  optimizer.post_update_params();
}

const accuracyOf = (output: NDArray, y: NDArray): number =>
  np.mean(np.equal(np.argmax(output, { axis: 1 }), y));

describe("the book's numbers (after nnfs.init())", () => {
  beforeEach(() => nnfs.init());
  afterEach(resetConfig);  // nnfs.init()'s float32 default would reach the files after this one

  it("chapters 3-5: dense output, softmax rows, loss 1.0986104 and acc 0.34", () => {
    const [X, y] = spiral_data(100, 3);
    const dense1 = new Layer_Dense(2, 3);
    const activation1 = new Activation_ReLU();
    const dense2 = new Layer_Dense(3, 3);
    const activation2 = new Activation_Softmax();
    const loss_function = new Loss_CategoricalCrossentropy();

    dense1.forward(X);
    samePrinted(dense1.output.get(":5"), golden.ch3_dense1_output_5);
    assert.equal(String(dense1.output.get(":5")), [
      "[[ 0.0000000e+00  0.0000000e+00  0.0000000e+00]",
      " [-1.0475188e-04  1.1395361e-04 -4.7983500e-05]",
      " [-2.7414842e-04  3.1729150e-04 -8.6921798e-05]",
      " [-4.2188365e-04  5.2666257e-04 -5.5912682e-05]",
      " [-5.7707680e-04  7.1401405e-04 -8.9430439e-05]]",
    ].join("\n"));

    activation1.forward(dense1.output);
    dense2.forward(activation1.output);
    activation2.forward(dense2.output);
    samePrinted(activation2.output.get(":5"), golden.ch4_softmax_output_5);
    assert.equal(String(activation2.output.get(":5")), [
      "[[0.33333334 0.33333334 0.33333334]",
      " [0.33333316 0.3333332  0.33333364]",
      " [0.33333287 0.3333329  0.33333418]",
      " [0.3333326  0.33333263 0.33333477]",
      " [0.33333233 0.3333324  0.33333528]]",
    ].join("\n"));

    const loss = loss_function.calculate(activation2.output, y);
    assert.equal(reprNumber(loss), "1.0986104");
    assert.equal(loss, float32Of(golden.ch5.loss.hex));
    assert.equal(reprNumber(accuracyOf(activation2.output, y)), "0.34");
  });

  it("chapter 9: the gradients of one backward pass, as NumPy computes them", () => {
    const [X, y] = spiral_data(100, 3);
    const dense1 = new Layer_Dense(2, 3);
    const activation1 = new Activation_ReLU();
    const dense2 = new Layer_Dense(3, 3);
    const loss_activation = new Activation_Softmax_Loss_CategoricalCrossentropy();

    dense1.forward(X);
    activation1.forward(dense1.output);
    dense2.forward(activation1.output);
    const loss = loss_activation.forward(dense2.output, y);
    loss_activation.backward(loss_activation.output, y);
    dense2.backward(loss_activation.dinputs);
    activation1.backward(dense2.dinputs);
    dense1.backward(activation1.dinputs);

    assert.equal(reprNumber(loss), golden.ch9.loss.str);
    samePrinted(loss_activation.output.get(":5"), golden.ch9.output_5);
    samePrinted(dense1.dweights, golden.ch9["dense1.dweights"]);
    samePrinted(dense1.dbiases, golden.ch9["dense1.dbiases"]);
    samePrinted(dense2.dweights, golden.ch9["dense2.dweights"]);
    samePrinted(dense2.dbiases, golden.ch9["dense2.dbiases"]);
  });

  describe("chapter 10: the first 10 epochs print NumPy's lines, with NumPy's exact losses", () => {
    function train(optimizer: Optimizer_SGD | Optimizer_Adam, expected: Training): void {
      const [X, y] = spiral_data(100, 3);
      const dense1 = new Layer_Dense(2, 64);
      const activation1 = new Activation_ReLU();
      const dense2 = new Layer_Dense(64, 3);
      const loss_activation = new Activation_Softmax_Loss_CategoricalCrossentropy();
      expected.epochs.forEach((row, epoch) => {
        dense1.forward(X);
        activation1.forward(dense1.output);
        dense2.forward(activation1.output);
        const loss = loss_activation.forward(dense2.output, y);
        const accuracy = accuracyOf(loss_activation.output, y);
        const line = `epoch: ${epoch}, acc: ${formatNumber(accuracy, ".3f")}, loss: ${formatNumber(loss, ".3f")}, ` +
          `lr: ${reprNumber(optimizer.current_learning_rate, true)}`;
        assert.equal(line, row.line);
        assert.equal(loss, float32Of(row.loss.hex), `epoch ${epoch} loss`);
        assert.equal(reprNumber(accuracy), row.acc, `epoch ${epoch} accuracy`);

        loss_activation.backward(loss_activation.output, y);
        dense2.backward(loss_activation.dinputs);
        activation1.backward(dense2.dinputs);
        dense1.backward(activation1.dinputs);
        step(optimizer, dense1, dense2);
      });
      sameBits(dense1.weights, decodeArray(expected["dense1.weights"]));
      sameBits(dense2.biases, decodeArray(expected["dense2.biases"]));
    }

    it("Optimizer_SGD()", () => train(new Optimizer_SGD(), golden.ch10_sgd));
    it("Optimizer_Adam({ learning_rate: 0.05, decay: 5e-7 })", () => {
      train(new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-7 }), golden.ch10_adam);
    });
  });

  describe("chapters 15 and 16: regularization, dropout's stream, sigmoid and binary cross-entropy", () => {
    /** One epoch's checks; the line is formatted as a notebook would, with data_loss + reg_loss in JS. */
    function checkEpoch(epoch: number, row: RegularizedEpoch, data_loss: number, regularization_loss: number,
      accuracy: number, optimizer: Optimizer): void {
      const loss = data_loss + regularization_loss;
      const line = `epoch: ${epoch}, acc: ${formatNumber(accuracy, ".3f")}, loss: ${formatNumber(loss, ".3f")} ` +
        `(data_loss: ${formatNumber(data_loss, ".3f")}, reg_loss: ${formatNumber(regularization_loss, ".3f")}), ` +
        `lr: ${reprNumber(optimizer.current_learning_rate, true)}`;
      assert.equal(line, row.line);
      assert.equal(data_loss, float32Of(row.data_loss.hex), `epoch ${epoch} data_loss`);
      assert.equal(reprNumber(regularization_loss), row.reg_loss.str, `epoch ${epoch} reg_loss`);
      assert.equal(reprNumber(accuracy), row.acc, `epoch ${epoch} accuracy`);
    }

    it("chapter 15: Dense(2, 64, L2) - ReLU - Dropout(0.1) - Dense(64, 3), Adam(0.05, decay 5e-5)", () => {
      const expected = golden.ch15_dropout;
      const [X, y] = spiral_data(1000, 3);
      const dense1 = new Layer_Dense(2, 64, { weight_regularizer_l2: 5e-4, bias_regularizer_l2: 5e-4 });
      const activation1 = new Activation_ReLU();
      const dropout1 = new Layer_Dropout(0.1);
      const dense2 = new Layer_Dense(64, 3);
      const loss_activation = new Activation_Softmax_Loss_CategoricalCrossentropy();
      const optimizer = new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-5 });
      expected.epochs.forEach((row, epoch) => {
        dense1.forward(X);
        activation1.forward(dense1.output);
        dropout1.forward(activation1.output);
        dense2.forward(dropout1.output);
        const data_loss = loss_activation.forward(dense2.output, y);
        const regularization_loss =
          loss_activation.loss.regularization_loss(dense1) + loss_activation.loss.regularization_loss(dense2);
        checkEpoch(epoch, row, data_loss, regularization_loss, accuracyOf(loss_activation.output, y), optimizer);

        loss_activation.backward(loss_activation.output, y);
        dense2.backward(loss_activation.dinputs);
        dropout1.backward(dense2.dinputs);
        activation1.backward(dropout1.dinputs);
        dense1.backward(activation1.dinputs);
        step(optimizer, dense1, dense2);
      });
      sameBits(dense1.weights, decodeArray(expected["dense1.weights"]));
      sameBits(dense2.biases, decodeArray(expected["dense2.biases"]));
    });

    it("chapter 16: Dense(2, 64, L2) - ReLU - Dense(64, 1) - Sigmoid, binary cross-entropy, Adam(decay 5e-7)", () => {
      const expected = golden.ch16_binary;
      const [X, labels] = spiral_data(100, 2);
      const y = labels.reshape(-1, 1);
      const dense1 = new Layer_Dense(2, 64, { weight_regularizer_l2: 5e-4, bias_regularizer_l2: 5e-4 });
      const activation1 = new Activation_ReLU();
      const dense2 = new Layer_Dense(64, 1);
      const activation2 = new Activation_Sigmoid();
      const loss_function = new Loss_BinaryCrossentropy();
      const optimizer = new Optimizer_Adam({ decay: 5e-7 });
      expected.epochs.forEach((row, epoch) => {
        dense1.forward(X);
        activation1.forward(dense1.output);
        dense2.forward(activation1.output);
        activation2.forward(dense2.output);
        const data_loss = loss_function.calculate(activation2.output, y);
        const regularization_loss = loss_function.regularization_loss(dense1) + loss_function.regularization_loss(dense2);
        const accuracy = np.mean(np.equal(activation2.predictions(activation2.output), y));
        checkEpoch(epoch, row, data_loss, regularization_loss, accuracy, optimizer);

        loss_function.backward(activation2.output, y);
        activation2.backward(loss_function.dinputs);
        dense2.backward(activation2.dinputs);
        activation1.backward(dense2.dinputs);
        dense1.backward(activation1.dinputs);
        step(optimizer, dense1, dense2);
      });
      sameBits(dense1.weights, decodeArray(expected["dense1.weights"]));
      sameBits(dense2.biases, decodeArray(expected["dense2.biases"]));
    });
  });

  it("Adam's bias corrections round to NumPy's float32 values for 10001 steps", () => {
    // V8's ** differs from glibc's pow in the last float64 bit for a few steps; the
    // corrections divide float32 arrays, where those differences must vanish.
    for (const [beta, digest] of Object.entries(golden.adam_corrections_float32_sha256)) {
      const corrections = Float32Array.from({ length: 10001 }, (_, i) => 1 - Number(beta) ** (i + 1));
      const actual = createHash("sha256").update(new Uint8Array(corrections.buffer)).digest("hex");
      assert.equal(actual, digest, `beta ${beta}`);
    }
  });
});
