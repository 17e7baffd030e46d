// Chapter 18's exercises: Accuracy_Categorical's compare (sparse, one-hot and binary targets),
// and the Model's backward pass through its layers when the loss is not softmax's partner.
import * as np from "../np";
import { NDArray, formatShape } from "../np/core";
import { Activation_ReLU, Activation_Sigmoid } from "../network/activations";
import { Layer_Dense } from "../network/layers";
import { Loss_BinaryCrossentropy } from "../network/losses";
import { Model } from "../network/model";
import { Optimizer_Adam } from "../network/optimizers";
import { Accuracy_Categorical } from "../network/accuracy";
import { seed } from "../np/random";
import { compareArrays } from "./compare";
import { unlessBlank } from "./blanks";
import { Exercise, filled, keepingRandomState } from "./exercise";

/** What the learner's accuracy class offers: the book's keyword argument and compare. */
export type AccuracyClass = new (options?: { binary?: boolean }) => { compare(predictions: NDArray, y: NDArray): unknown };

interface Case {
  name: string;
  binary: boolean;
  predictions: NDArray;
  y: NDArray;
}

const CASES: Case[] = [
  { name: "sparse targets [0, 1, 1, 2]", binary: false, predictions: np.array([0, 2, 1, 1]), y: np.array([0, 1, 1, 2], "uint8") },
  { name: "one-hot targets (rows of np.eye(3) for classes 0, 1, 2)", binary: false, predictions: np.array([0, 2, 2]), y: np.eye(3).get(np.array([0, 1, 2])) },
  { name: "{ binary: true } with a column of 0/1 targets", binary: true, predictions: np.array([[1], [0], [1]]), y: np.array([[1], [1], [1]]) },
];

export const accuracy = new Exercise<AccuracyClass>({
  title: "Accuracy_Categorical's compare",
  check: unlessBlank((Accuracy) => {
    for (const { name, binary, predictions, y } of CASES) {
      const got = filled(new Accuracy({ binary }).compare(predictions, y));
      const expected = new Accuracy_Categorical({ binary }).compare(predictions, y);
      if (typeof got === "number") {
        return `with ${name} compare returned one number, ${got}: it should give one true/false per prediction (shape ${formatShape(expected.shape, ", ")}); Accuracy.calculate takes their mean.`;
      }
      if (got instanceof NDArray && got.ndim === 2 && got.shape[1] === 3 && got.shape[0] === 3 && !binary) {
        return `with ${name} your comparison has shape (3, 3): NumPy compared each prediction with every entry of the one-hot rows. Turn one-hot targets into class indices first, np.argmax(y, { axis: 1 }), when y has 2 dimensions.`;
      }
      if (got instanceof NDArray && binary && got.ndim === 2 && got.shape[1] === 3) {
        return `with ${name} your comparison has shape (3, 3): the targets were taken as one-hot rows and argmaxed. With binary (sigmoid) outputs each column is its own yes/no answer: compare predictions with y directly when this.binary is true.`;
      }
      const problem = compareArrays(`compare's result with ${name}`, got, expected);
      if (problem !== null) return `${problem} (predictions ${predictions.tolist().toString()}: right where the predicted class equals the target class.)`;
    }
    return null;
  }),
  hint: "If the targets are one-hot (y.ndim === 2) and the accuracy is not binary, replace y with np.argmax(y, { axis: 1 }); then return np.equal(predictions, y).",
  solution: `class My_Accuracy_Categorical {
  binary: boolean;

  constructor({ binary = false } = {}) {
    this.binary = binary;
  }

  compare(predictions: NDArray, y: NDArray): NDArray {
    if (!this.binary && y.ndim === 2) {
      y = np.argmax(y, { axis: 1 });
    }
    return np.equal(predictions, y);
  }
}`,
});

/** The learner's backward pass: the model's layers (linked by finalize), its loss, the output and targets. */
export type BackwardFunction = (layers: object[], loss: object, output: NDArray, y: NDArray) => void;

/** A finalized binary model (no softmax shortcut) after a forward pass, and its output. */
function binaryModel(): { model: Model; X: NDArray; y: NDArray; output: NDArray } {
  seed(18);
  const X = np.random.randn(5, 2).astype("float32");
  const y = np.array([[1], [0], [1], [1], [0]], "uint8");
  const model = new Model();
  model.add(new Layer_Dense(2, 4));
  model.add(new Activation_ReLU());
  model.add(new Layer_Dense(4, 1));
  model.add(new Activation_Sigmoid());
  model.set({ loss: new Loss_BinaryCrossentropy(), optimizer: new Optimizer_Adam(), accuracy: new Accuracy_Categorical({ binary: true }) });
  model.finalize();
  return { model, X, y, output: model.forward(X, true) };
}

const GRADIENTS = ["dinputs", "dweights", "dbiases"] as const;

export const backward = new Exercise<BackwardFunction>({
  title: "the Model's backward pass",
  check: unlessBlank((answer) => keepingRandomState(() => {
    const { model, y, output } = binaryModel();
    const layers = [...model.layers];
    const calls: string[] = [];
    let wrongInput: string | null = null;
    const loss = model.loss!;
    const lossBackward = loss.backward.bind(loss);
    loss.backward = (dvalues: NDArray, y_true: NDArray) => { calls.push("loss"); lossBackward(dvalues, y_true); };
    layers.forEach((layer, i) => {
      const original = layer.backward.bind(layer);
      layer.backward = (dvalues: NDArray) => {
        calls.push(String(i));
        if (wrongInput === null && dvalues !== layer.next?.dinputs) wrongInput = `layer ${i + 1} (${layer.constructor.name})`;
        original(dvalues);
      };
    });
    let thrown: unknown = null;
    try {
      answer(model.layers, loss, output, y);
    } catch (error) {
      thrown = error;
    }
    const order = calls.filter((call) => call !== "loss").map(Number);
    if (model.layers.some((layer, i) => layer !== layers[i])) {
      return "the model's list of layers is in another order after your backward: reverse() turns the list around in place. Go through a copy, [...layers].reverse(), or count down with an index.";
    }
    if (calls[0] !== "loss") {
      return calls.includes("loss")
        ? "the loss's backward ran after a layer's: it must come first, because the last layer's gradient (layer.next.dinputs, its next being the loss) is what loss.backward(output, y) computes."
        : "loss.backward(output, y) was never called: it gives the gradient the last layer receives (the last layer's next is the loss), so start with it.";
    }
    if ((order[0] === 0 && layers.length > 1) || (order.length > 1 && order[0] < order[1])) {
      return `the layers' backward ran from the first layer to the last (order ${order.map((i) => i + 1).join(", ")}): each layer needs the gradient of the layer after it, layer.next.dinputs, so go from the last layer to the first.`;
    }
    if (wrongInput !== null) return `${wrongInput} was given something other than layer.next.dinputs: each layer's backward takes the gradient of what follows it.`;
    const skipped = layers.map((layer, i) => (order.includes(i) ? null : `layer ${i + 1} (${layer.constructor.name})`)).filter((s) => s !== null);
    if (skipped.length > 0) return `${skipped.join(" and ")} got no backward pass: every layer, activations included, passes the gradient on.`;
    if (thrown !== null) throw thrown;

    const key = binaryModel();
    key.model.backward(key.output, key.y);
    for (let i = 0; i < layers.length; i++) {
      for (const name of GRADIENTS) {
        const expected = (key.model.layers[i] as unknown as Record<string, unknown>)[name];
        if (!(expected instanceof NDArray)) continue;
        const problem = compareArrays(`layer ${i + 1}'s ${name}`, (layers[i] as unknown as Record<string, unknown>)[name], expected);
        if (problem !== null) return problem;
      }
    }
    return null;
  })),
  hint: "First loss.backward(output, y). Then for each layer from the last to the first (a reversed copy of the list), layer.backward(layer.next.dinputs).",
  solution: `function model_backward(layers: ModelLayer[], loss: Loss, output: NDArray, y: NDArray): void {
  loss.backward(output, y);
  for (const layer of [...layers].reverse()) {
    layer.backward(layer.next.dinputs);
  }
}`,
});
