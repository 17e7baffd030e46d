// Chapter 15's exercises: Layer_Dropout's forward pass (the scaled binomial mask) and its
// backward pass.
import * as np from "../np";
import { NDArray } from "../np/core";
import { seed } from "../np/random";
import { Layer_Dropout } from "../network/layers";
import { compareArrays } from "./compare";
import { noBlankFields, unlessBlank } from "./blanks";
import { Exercise, filled, keepingRandomState, Problem } from "./exercise";

/** What the learner's dropout layer must offer: the book's constructor (the dropout rate) and forward. */
export type DropoutForwardClass = new (rate: number) => {
  rate: number;
  binary_mask: NDArray;
  output: NDArray;
  forward(inputs: NDArray): void;
};

/** What the learner's dropout layer must offer for the backward pass. */
export type DropoutBackwardClass = new (rate: number) => {
  binary_mask: NDArray;
  dinputs: NDArray;
  backward(dvalues: NDArray): void;
};

const DROPOUT_RATE = 0.3;
const KEEP_RATE = 1 - DROPOUT_RATE;
const SEED = 15;

/** A layer's float32 outputs, 4 samples of 6 neurons, with negatives (a ReLU would not give them, but dropout must not care). */
const INPUTS = np.array([
  [0.27, -1.03, 0.67, 0.99, 0.05, -0.37], [-2.01, 1.13, -0.07, 0.73, 0.5, 1.5],
  [2.2, -0.4, 0.9, 0.12, -0.8, 0.33], [1.1, 0.6, -1.7, 0.25, 0.44, -0.09],
], "float32");

/** Draws in the check's own seeded stream; the notebook's stream is left as it was. */
function drawn<T>(body: () => T): T {
  return keepingRandomState(() => {
    seed(SEED);
    return body();
  });
}

/** The first mask np.random.binomial(1, p, inputs' shape) draws from the check's seed. */
const binomialMask = (p: number) => drawn(() => np.random.binomial(1, p, INPUTS.shape) as NDArray);

function maskProblem(mask: NDArray): Problem {
  const is = (expected: NDArray) => compareArrays("binary_mask", mask, expected) === null;
  const keepDraws = binomialMask(KEEP_RATE);
  const dropDraws = binomialMask(DROPOUT_RATE);
  if (is(keepDraws)) return `binary_mask holds only 0s and 1s: divide it by the keep rate (this.rate, ${KEEP_RATE}), so that the kept values grow by 1/${KEEP_RATE} and the layer's expected output stays the same.`;
  if (is(np.multiply(keepDraws, KEEP_RATE))) return `binary_mask is multiplied by the keep rate; divide by it instead: kept values must grow (1/${KEEP_RATE}), to make up for the dropped ones.`;
  if (is(np.divide(dropDraws, KEEP_RATE)) || is(np.divide(dropDraws, DROPOUT_RATE)) || is(dropDraws)) {
    return `binary_mask keeps each value with probability ${DROPOUT_RATE}, the dropout rate. np.random.binomial's p is the chance of a 1, that is of keeping: use this.rate, which the constructor already set to 1 - rate = ${KEEP_RATE}.`;
  }
  return null;
}

export const dropout_forward = new Exercise<DropoutForwardClass>({
  title: "Layer_Dropout's forward",
  check: unlessBlank((Dropout) => {
    const layer = drawn(() => {
      const made = noBlankFields(new Dropout(DROPOUT_RATE));
      made.forward(INPUTS.copy());
      return made;
    });
    if (layer.rate !== KEEP_RATE) {
      return `after new Layer_Dropout(${DROPOUT_RATE}), this.rate is ${String(layer.rate)}; the book stores the keep rate, 1 - ${DROPOUT_RATE} = ${KEEP_RATE}.`;
    }
    const key = drawn(() => {
      const made = new Layer_Dropout(DROPOUT_RATE);
      made.forward(INPUTS.copy());
      return made;
    });

    const mask = filled(layer.binary_mask);
    const wrong_mask = compareArrays("binary_mask", mask, key.binary_mask);
    if (wrong_mask !== null) {
      const specific = mask instanceof NDArray ? maskProblem(mask) : null;
      if (specific !== null) return specific;
      return `${wrong_mask} The check seeds the generator and expects the first draw of np.random.binomial(1, this.rate, inputs.shape), divided by this.rate: one draw per input, shaped like the inputs (4, 6).`;
    }

    const output = filled(layer.output);
    const wrong_output = compareArrays("output", output, key.output);
    if (wrong_output !== null && output instanceof NDArray) {
      if (compareArrays("output", output, INPUTS) === null) return "output is the inputs unchanged: multiply them by this.binary_mask.";
      if (compareArrays("output", output, key.binary_mask) === null) return "output is the mask itself: multiply the inputs by it.";
      if (compareArrays("output", output, np.divide(key.output, KEEP_RATE)) === null) {
        return `output is divided by the keep rate twice: binary_mask already holds 1/${KEEP_RATE} for each kept value, so output = inputs · binary_mask.`;
      }
    }
    return wrong_output;
  }),
  hint: "The mask: np.random.binomial(1, this.rate, inputs.shape) gives a 1 (keep) with probability this.rate, the keep rate; divide it by this.rate. The output: the inputs times the mask, element by element (np.multiply).",
  solution: `class Layer_Dropout {
  rate: number;
  inputs: NDArray;
  binary_mask: NDArray;
  output: NDArray;

  constructor(rate: number) {
    this.rate = 1 - rate;
  }

  forward(inputs: NDArray): void {
    this.inputs = inputs;
    this.binary_mask = np.divide(np.random.binomial(1, this.rate, inputs.shape), this.rate);
    this.output = np.multiply(inputs, this.binary_mask);
  }
}`,
});

/** Gradients arriving from the next layer. */
const DVALUES = np.array([
  [1, -2, 0.5, 3, -1, 2], [0.25, 1.5, -0.5, -2, 1, 1], [2, 0.5, -1, 1, 3, -0.75], [-3, 1, 2, 0.5, -1.25, 1],
], "float32");

export const dropout_backward = new Exercise<DropoutBackwardClass>({
  title: "Layer_Dropout's backward",
  check: unlessBlank((Dropout) => {
    const layer = keepingRandomState(() => noBlankFields(new Dropout(DROPOUT_RATE)));
    // A mask as forward leaves it: 0 or 1/keep rate.
    const mask = np.divide(binomialMask(KEEP_RATE), KEEP_RATE);
    const fields = layer as unknown as Record<string, unknown>;
    // What forward would have left: the check sets it, so that backward is tested on its own.
    layer.binary_mask = mask.copy();
    fields.inputs = INPUTS.copy();
    const dvalues = DVALUES.copy();
    layer.backward(dvalues);
    const expected = np.multiply(DVALUES, mask);

    const dinputs = filled(layer.dinputs);
    const wrong = compareArrays("dinputs", dinputs, expected);
    if (wrong !== null && dinputs instanceof NDArray) {
      const is = (value: NDArray) => compareArrays("dinputs", dinputs, value) === null;
      if (is(DVALUES)) return "dinputs is dvalues unchanged: a dropped input had no effect on the output, so it gets no gradient. Multiply dvalues by this.binary_mask.";
      if (is(mask)) return "dinputs is the mask itself: the chain rule multiplies the mask (the local derivative) by dvalues.";
      if (is(np.multiply(DVALUES, binomialMask(KEEP_RATE)))) {
        return `dinputs uses a mask of 0s and 1s: a kept input's derivative is 1/${KEEP_RATE}, the scaled mask that forward stored, so multiply dvalues by this.binary_mask as it is.`;
      }
      if (is(np.divide(expected, KEEP_RATE)) || is(np.multiply(expected, KEEP_RATE))) {
        return `dinputs is scaled by the keep rate once more: this.binary_mask already holds the 1/${KEEP_RATE}, so dinputs = dvalues · binary_mask.`;
      }
      if (is(np.multiply(INPUTS, mask))) return "dinputs is the inputs times the mask, which is forward's output: backward multiplies the incoming dvalues instead.";
      if (np.array_equal(fields.inputs as NDArray, INPUTS) && is(np.multiply(np.multiply(DVALUES, mask), INPUTS))) {
        return "dinputs is also multiplied by the inputs: the output is inputs · mask, so its derivative with respect to an input is the mask alone.";
      }
    }
    if (wrong !== null) return wrong;
    if (!np.array_equal(dvalues, DVALUES)) return "dinputs is right, but backward changed dvalues, which belong to the layer after this one: write the product into a new array.";
    return null;
  }),
  hint: "The output is inputs · binary_mask, with the mask a constant, so each input's derivative is its element of binary_mask. By the chain rule: dinputs = dvalues times binary_mask, element by element.",
  solution: `class Layer_Dropout {
  rate: number;
  binary_mask: NDArray;
  dinputs: NDArray;

  constructor(rate: number) {
    this.rate = 1 - rate;
  }

  backward(dvalues: NDArray): void {
    this.dinputs = np.multiply(dvalues, this.binary_mask);
  }
}`,
});
