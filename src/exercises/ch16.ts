// Chapter 16's exercises: the sigmoid's forward and backward, and binary cross-entropy's forward
// and backward.
import * as np from "../np";
import { NDArray, formatShape } from "../np/core";
import { Activation_Sigmoid } from "../network/activations";
import { Loss_BinaryCrossentropy } from "../network/losses";
import { compareArrays } from "./compare";
import { noBlankFields, unlessBlank } from "./blanks";
import { Exercise, filled } from "./exercise";

/** What the learner's sigmoid must offer: forward keeps output, backward sets dinputs. */
export type SigmoidClass = new () => { output: NDArray; dinputs: NDArray; forward(inputs: NDArray): void; backward(dvalues: NDArray): void };

/** Inputs from far negative to far positive, and a gradient that differs in every element. */
const INPUTS = np.array([[-4, -1, 0], [1, 2.5, 4], [0.5, -0.5, 3]]);
const DVALUES = np.array([[1, -2, 0.5], [2, 0.5, -1], [-3, 1, 2]]);

/** True when `got` is an array equal to `expected` (shape and values, within compareArrays' tolerance). */
const same = (got: unknown, expected: NDArray) => got instanceof NDArray && compareArrays("", got, expected) === null;

/**
 * A gradient that is the key's times one constant factor, worded: which parts of the book's
 * formula are missing, each given as [what is missing, the factor its absence leaves], e.g.
 * ["the division by outputs (2)", 2], or flipped in sign.
 */
export function factorProblem(name: string, got: unknown, expected: NDArray, missing: [string, number][]): string | null {
  if (!(got instanceof NDArray) || formatShape(got.shape) !== formatShape(expected.shape)) return null;
  const candidates: [number, string][] = [[-1, `${name} has the right size but the opposite sign: check which term is subtracted from which.`]];
  for (let mask = 1; mask < 1 << missing.length; mask++) {
    const left = missing.filter((_, i) => mask & (1 << i));
    const factor = left.reduce((product, [, f]) => product * f, 1);
    const size = factor > 1 ? `${factor} times too large` : `${1 / factor} times too small`;
    const message = `${name} is ${size}: ${left.map(([what]) => what).join(" and ")} ${left.length > 1 ? "are" : "is"} missing`;
    candidates.push([factor, `${message}.`], [-factor, `${message}, and the sign is flipped.`]);
  }
  for (const [factor, message] of candidates) {
    if (same(got, np.multiply(expected, factor))) return message;
  }
  return null;
}

function runSigmoid(Sigmoid: SigmoidClass | typeof Activation_Sigmoid) {
  const sigmoid = noBlankFields(new Sigmoid());
  sigmoid.forward(INPUTS.copy());
  const output = filled(sigmoid.output);
  // Backward only after forward is right: the chapter's backward builds on forward's output.
  return { sigmoid, output };
}

export const sigmoid = new Exercise<SigmoidClass>({
  title: "Activation_Sigmoid's forward and backward",
  check: unlessBlank((Sigmoid) => {
    const key = runSigmoid(Activation_Sigmoid);
    key.sigmoid.backward(DVALUES.copy());
    const { sigmoid: mine, output } = runSigmoid(Sigmoid);
    if (same(output, np.subtract(1, key.output))) {
      return "output is 1 − σ(x): the exponent's sign is flipped. σ(x) = 1 / (1 + e^(−x)), so exp of the negated inputs; σ(0) is 0.5 either way, but σ(4) should be 0.982, not 0.018.";
    }
    if (same(output, np.exp(np.negative(INPUTS)))) return "output is e^(−x) alone: σ(x) = 1 / (1 + e^(−x)).";
    const wrong_output = compareArrays("output", output, key.output);
    if (wrong_output !== null) return `${wrong_output} σ(x) = 1 / (1 + e^(−x)).`;

    mine.backward(DVALUES.copy());
    const dinputs = filled(mine.dinputs);
    const s = key.output;
    if (same(dinputs, np.multiply(DVALUES, np.multiply(np.subtract(1, INPUTS), INPUTS)))) {
      return "dinputs uses the inputs in x·(1 − x). The derivative is σ(x)·(1 − σ(x)), in terms of the sigmoid's output: use this.output, which forward kept.";
    }
    if (same(dinputs, np.multiply(np.subtract(1, s), s))) {
      return "dinputs is σ·(1 − σ) alone: the chain rule multiplies the local derivative by the gradient coming in, dvalues.";
    }
    if (same(dinputs, np.multiply(DVALUES, s)) || same(dinputs, np.multiply(DVALUES, np.subtract(1, s)))) {
      return "dinputs has only one of the two factors: the derivative is output · (1 − output), times dvalues.";
    }
    const wrong_dinputs = compareArrays("dinputs", dinputs, key.sigmoid.dinputs);
    return wrong_dinputs === null ? null : `${wrong_dinputs} dinputs = dvalues · (1 − output) · output.`;
  }),
  hint: "forward: output = 1 / (1 + e^(−inputs)), with np.divide, np.add, np.exp and np.negative. backward: dinputs = dvalues · (1 − output) · output, the sigmoid's derivative in terms of its own output.",
  solution: `class My_Sigmoid {
  inputs: NDArray;
  output: NDArray;
  dinputs: NDArray;

  forward(inputs: NDArray): void {
    this.inputs = inputs;
    this.output = np.divide(1, np.add(1, np.exp(np.negative(inputs))));
  }

  backward(dvalues: NDArray): void {
    this.dinputs = np.multiply(np.multiply(dvalues, np.subtract(1, this.output)), this.output);
  }
}`,
});

/** What the learner's loss must offer: forward returns one loss per sample; backward sets dinputs. */
export type BinaryLossClass = new () => { dinputs?: NDArray; forward?(y_pred: NDArray, y_true: NDArray): NDArray; backward?(dvalues: NDArray, y_true: NDArray): void };

/** Four samples of two sigmoid outputs, with exact 0s and 1s (log(0) without the clip), and 0/1 targets. */
const Y_PRED = np.array([[0.9, 0.2], [1, 0.4], [0.3, 0], [0.75, 0.05]]);
const Y_TRUE = np.array([[1, 0], [1, 1], [0, 1], [0, 0]]);
const SAMPLES = Y_PRED.shape[0];
const OUTPUTS = Y_PRED.shape[1];
const CLIP = "clip y_pred to [1e-7, 1 − 1e-7] first (np.clip): both ends, since ŷ = 0 makes log(ŷ) infinite and ŷ = 1 makes log(1 − ŷ) infinite";

const nonFinite = (got: unknown) => got instanceof NDArray && Array.from(got.data).some((value) => !Number.isFinite(value));

export const bce_forward = new Exercise<BinaryLossClass>({
  title: "Loss_BinaryCrossentropy's forward",
  check: unlessBlank((Loss) => {
    const loss = noBlankFields(new Loss());
    if (typeof loss.forward !== "function") return "the class has no forward(y_pred, y_true) method.";
    const got = filled(loss.forward(Y_PRED.copy(), Y_TRUE.copy()));
    const expected = new Loss_BinaryCrossentropy().forward(Y_PRED.copy(), Y_TRUE.copy());
    if (typeof got === "number") {
      return `forward returned one number (${got}); it should return one loss per sample, shape (${SAMPLES},): the mean over each sample's outputs (axis -1). calculate takes the mean over samples.`;
    }
    if (nonFinite(got)) return `forward gives ${String(got)}: log(0) somewhere. ${CLIP}.`;
    if (got instanceof NDArray && formatShape(got.shape) === formatShape(Y_PRED.shape)) {
      return `forward returned shape (${SAMPLES}, ${OUTPUTS}), one loss per output; average each sample's outputs: np.mean(sample_losses, { axis: -1 }), shape (${SAMPLES},).`;
    }
    if (got instanceof NDArray && got.ndim === 1 && got.shape[0] === OUTPUTS) {
      return `forward returned shape (${OUTPUTS},): the mean ran over the samples (axis 0). A sample's loss is the mean over its outputs, the last axis: { axis: -1 }, shape (${SAMPLES},).`;
    }
    if (same(got, np.negative(expected))) return "the losses are negative: binary cross-entropy is minus (y·log ŷ + (1 − y)·log(1 − ŷ)).";
    const wrong = compareArrays("forward's result", got, expected);
    return wrong === null ? null : `${wrong} Each sample: the mean over its outputs of −(y·log ŷ + (1 − y)·log(1 − ŷ)), ŷ clipped to [1e-7, 1 − 1e-7].`;
  }),
  hint: "Clip y_pred to [1e-7, 1 − 1e-7]; then sample_losses = −(y_true · log(clipped) + (1 − y_true) · log(1 − clipped)); return their mean over the last axis, { axis: -1 }.",
  solution: `class My_BinaryCrossentropy {
  forward(y_pred: NDArray, y_true: NDArray): NDArray {
    const y_pred_clipped = np.clip(y_pred, 1e-7, 1 - 1e-7);
    const sample_losses = np.negative(np.add(
      np.multiply(y_true, np.log(y_pred_clipped)),
      np.multiply(np.subtract(1, y_true), np.log(np.subtract(1, y_pred_clipped)))));
    return np.mean(sample_losses, { axis: -1 });
  }
}`,
});

export const bce_backward = new Exercise<BinaryLossClass>({
  title: "Loss_BinaryCrossentropy's backward",
  check: unlessBlank((Loss) => {
    const loss = noBlankFields(new Loss());
    if (typeof loss.backward !== "function") return "the class has no backward(dvalues, y_true) method.";
    loss.backward(Y_PRED.copy(), Y_TRUE.copy());
    const got = filled(loss.dinputs);
    const key = new Loss_BinaryCrossentropy();
    key.backward(Y_PRED.copy(), Y_TRUE.copy());
    if (nonFinite(got)) return `dinputs holds ${String(got)}: a division by 0 or by 1 − 1. ${CLIP.replace("y_pred", "dvalues").replace("log(ŷ) infinite", "y/ŷ infinite").replace("log(1 − ŷ) infinite", "(1 − y)/(1 − ŷ) infinite")}.`;
    const factor = factorProblem("dinputs", got, key.dinputs,
      [[`the division by outputs (${OUTPUTS})`, OUTPUTS], [`the division by samples (${SAMPLES})`, SAMPLES]]);
    if (factor !== null) return `${factor} (Here ${SAMPLES} samples of ${OUTPUTS} outputs: forward averages over outputs and calculate over samples, so the gradient is divided by both.)`;
    const wrong = compareArrays("dinputs", got, key.dinputs);
    return wrong === null ? null : `${wrong} dinputs = −(y/ŷ − (1 − y)/(1 − ŷ)) / outputs / samples, with ŷ = dvalues clipped to [1e-7, 1 − 1e-7].`;
  }),
  hint: "samples = dvalues.shape[0], outputs = dvalues.shape[1]. Clip dvalues like forward clips y_pred; the gradient is −(y_true / clipped − (1 − y_true) / (1 − clipped)), divided by outputs and then by samples.",
  solution: `class My_BinaryCrossentropy_Backward {
  dinputs: NDArray;

  backward(dvalues: NDArray, y_true: NDArray): void {
    const samples = dvalues.shape[0];
    const outputs = dvalues.shape[1];
    const clipped_dvalues = np.clip(dvalues, 1e-7, 1 - 1e-7);
    this.dinputs = np.divide(np.negative(np.subtract(
      np.divide(y_true, clipped_dvalues),
      np.divide(np.subtract(1, y_true), np.subtract(1, clipped_dvalues)))), outputs);
    this.dinputs = np.divide(this.dinputs, samples);
  }
}`,
});
