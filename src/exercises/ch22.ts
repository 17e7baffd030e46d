// Chapter 22's exercises: the body of Model.predict (batch by batch, every sample once, stacked
// back in order), and the preparation of an outside picture (inverted, scaled, a batch of one).
import * as np from "../np";
import { NDArray, formatShape } from "../np/core";
import { Accuracy_Categorical } from "../network/accuracy";
import { Activation_ReLU, Activation_Softmax } from "../network/activations";
import { Layer_Dense } from "../network/layers";
import { Loss_CategoricalCrossentropy } from "../network/losses";
import { Model } from "../network/model";
import { compareArrays } from "./compare";
import { unlessBlank } from "./blanks";
import { Exercise, filled, keepingRandomState } from "./exercise";

const SAMPLES = 10;

/** Dense(3, 5), ReLU, Dense(5, 4), softmax, and 10 samples for it. */
function smallModel(): { model: Model; X: NDArray } {
  return keepingRandomState(() => {
    np.random.seed(22);
    const model = new Model();
    model.add(new Layer_Dense(3, 5));
    model.add(new Activation_ReLU());
    model.add(new Layer_Dense(5, 4));
    model.add(new Activation_Softmax());
    model.set({ loss: new Loss_CategoricalCrossentropy(), accuracy: new Accuracy_Categorical() });
    model.finalize();
    return { model, X: np.random.randn(SAMPLES, 3).astype("float32") };
  });
}

export type Predict = (model: Model, X: NDArray, batch_size: number) => NDArray;

/** One call of the model's forward pass as the answer made it. */
interface Call { rows: number; training: boolean }

/** The answer's output and the forward calls it made, for one batch size. */
function run(answer: Predict, batch_size: number): { output: NDArray; expected: NDArray; calls: Call[] } {
  const { model, X } = smallModel();
  const expected = model.predict(X, { batch_size });
  const calls: Call[] = [];
  const forward = model.forward.bind(model);
  model.forward = (batch: NDArray, training: boolean) => {
    calls.push({ rows: batch.shape[0], training });
    return forward(batch, training);
  };
  return { output: filled(answer(model, X, batch_size)), expected, calls };
}

export const predict = new Exercise<Predict>({
  title: "predict(model, X, batch_size)",
  check: unlessBlank((answer) => {
    for (const batch_size of [4, 5]) {
      const { output, expected, calls } = run(answer, batch_size);
      const steps = Math.ceil(SAMPLES / batch_size);
      const setting = `With ${SAMPLES} samples and batch_size ${batch_size}`;
      if (!(output instanceof NDArray)) return `predict should return an NDArray, got ${output === undefined ? "undefined: return the stacked outputs" : typeof output}.`;
      if (calls.some((call) => call.training)) {
        return "forward ran with training true: predicting is not training (a dropout layer would drop neurons). Call model.forward(batch_X, false).";
      }
      if (calls.length === 1 && calls[0].rows === SAMPLES) {
        return `${setting}, forward ran once on all ${SAMPLES} samples: go batch by batch, X.get(\`\${step * batch_size}:\${(step + 1) * batch_size}\`), so that a large X never has to pass through the network at once.`;
      }
      if (calls.length > 0 && calls[calls.length - 1].rows === 0) {
        return `${setting}, forward ran ${calls.length} times, the last on an empty batch: take the extra step only when batch_size does not divide len(X) (steps * batch_size < len(X)).`;
      }
      const rows = output.shape[0];
      if (rows === SAMPLES - (SAMPLES % batch_size) && SAMPLES % batch_size !== 0) {
        return `${setting}, the output has ${rows} rows: the last, partial batch (${SAMPLES % batch_size} samples) was dropped. Take Math.floor(len / batch_size) steps, plus one when they do not cover every sample (${steps} steps here).`;
      }
      if (rows === calls[calls.length - 1]?.rows && calls.length > 1) {
        return `${setting}, the output has ${rows} rows, the last batch's alone: push each batch's output into a list and return np.vstack(list), all ${SAMPLES} rows in order.`;
      }
      if (output.ndim === 2 && rows !== SAMPLES) {
        return `${setting}, the output has ${rows} rows; expected ${SAMPLES}, one per sample (forward ran on batches of ${calls.map((call) => call.rows).join(", ")} rows; expected ${steps} batches of at most ${batch_size}).`;
      }
      const problem = compareArrays(`${setting}, the output`, output, expected);
      if (problem !== null) return `${problem} Each row should be the model's output for the same row of X: stack the batches in order with np.vstack.`;
    }
    return null;
  }),
  hint: "steps = Math.floor(X.shape[0] / batch_size), plus one if steps * batch_size < X.shape[0]. For each step, batch_X = X.get(`${step * batch_size}:${(step + 1) * batch_size}`), push model.forward(batch_X, false) into a list, and return np.vstack(list).",
  solution: `function predict(model: Model, X: NDArray, batch_size: number): NDArray {
  let prediction_steps = Math.floor(X.shape[0] / batch_size);
  if (prediction_steps * batch_size < X.shape[0]) prediction_steps += 1;
  const output: NDArray[] = [];
  for (let step = 0; step < prediction_steps; step++) {
    const batch_X = X.get(\`\${step * batch_size}:\${(step + 1) * batch_size}\`);
    output.push(model.forward(batch_X, false));
  }
  return np.vstack(output);
}`,
});

/** A 28×28 uint8 picture in which every pixel value says where it is: stripes of every value from 0 to 255. */
function picture(): NDArray {
  return np.array(Array.from({ length: 28 * 28 }, (_, i) => (i * 7) % 256), "uint8").reshape(28, 28);
}

/** The book's preparation of a dark-on-light photo, from pixels to the network's inputs. */
const inverted = (image: NDArray) => np.subtract(255, image).reshape(1, -1).astype("float32");
const scaled = (x: NDArray) => np.divide(np.subtract(x, 127.5), 127.5);

export type Prepare = (image: NDArray) => NDArray;

export const prepare = new Exercise<Prepare>({
  title: "prepare_image(image)",
  check: unlessBlank((answer) => {
    const image = picture();
    const got = filled(answer(image.copy()));
    if (!(got instanceof NDArray)) return `prepare_image should return an NDArray, got ${got === undefined ? "undefined: return the prepared array" : typeof got}.`;
    const shape = formatShape(got.shape, ", ");
    if (got.size !== 784) return `the result has shape ${shape}, ${got.size} values; a 28×28 picture gives 784, one per pixel.`;
    if (got.ndim !== 2 || got.shape[0] !== 1) {
      return `the result has shape ${shape}; the model takes a batch of samples, here a batch of one: reshape(1, -1) gives (1, 784).`;
    }
    const expected = scaled(inverted(image));
    const matches = (candidate: NDArray) => compareArrays("", got, candidate) === null;
    const raw = image.reshape(1, -1).astype("float32");
    if (matches(scaled(raw))) {
      return "the picture was not inverted: Fashion-MNIST's garments are bright on a black background, the photo's are dark on a light one. Take 255 - image before scaling.";
    }
    if (matches(np.divide(inverted(image), 255))) {
      return "the values lie in [0, 1] (divided by 255): the training data was scaled to [-1, 1], (x - 127.5) / 127.5, and the model only knows inputs in that range.";
    }
    if (matches(np.subtract(inverted(image), 127.5))) return "the values lie in [-127.5, 127.5]: after subtracting 127.5, divide by 127.5 too.";
    if (matches(inverted(image))) return "the values are the inverted pixels, 0 to 255, not scaled: the model was trained on (x - 127.5) / 127.5, in [-1, 1].";
    if (matches(np.subtract(255, scaled(raw)))) {
      return "the inversion came after the scaling: 255 - x inverts pixel values of 0 to 255, so invert first, then scale.";
    }
    const problem = compareArrays("the prepared picture", got, expected);
    if (problem !== null) return `${problem} (The book's steps: 255 - image, reshape(1, -1), astype float32, then (x - 127.5) / 127.5.)`;
    if (got.dtype !== "float32") return `the values are right but the dtype is ${got.dtype}: the training data was float32, so astype("float32") before scaling, as the book does.`;
    return null;
  }),
  hint: "Four steps: 255 - image (np.subtract(255, image)); .reshape(1, -1); .astype(\"float32\"); then (x - 127.5) / 127.5 with np.subtract and np.divide.",
  solution: `function prepare_image(image: NDArray): NDArray {
  const inverted = np.subtract(255, image);
  const batch = inverted.reshape(1, -1).astype("float32");
  return np.divide(np.subtract(batch, 127.5), 127.5);
}`,
});
