// backward() uses what forward() stored (inputs, output, a mask), and an optimizer's
// update_params() uses the gradients backward() stored. Called too early, each would fail deep
// inside np with "Cannot read properties of undefined" (an optimizer after creating its
// momentums on the layer); these say what to do instead, before anything changes.
import { sameShape } from "../np/broadcast";
import { formatShape, type NDArray } from "../np/core";
import { describe } from "../np/keywords";

/** Throws unless forward has stored `stored` on `layer`. */
export function afterForward(layer: object, stored: unknown): void {
  if (stored === undefined) {
    throw new Error(`${layer.constructor.name}.backward: call forward before backward (backward uses what forward stores)`);
  }
}

/** What update_params reads of a layer (layers.ts's TrainableLayer, which imports this file). */
interface Updatable {
  weights?: NDArray;
  biases?: NDArray;
  dweights?: NDArray;
  dbiases?: NDArray;
}

/** Throws unless `layer` has weights and biases, and backward has stored gradients of their shapes. */
export function afterBackward(optimizer: object, layer: Updatable): void {
  const callee = `${optimizer.constructor.name}.update_params`;
  if (layer?.weights === undefined || layer.biases === undefined) {
    throw new TypeError(`${callee}: ${describe(layer)} has no weights and biases to update; pass a layer with parameters, such as a Layer_Dense`);
  }
  if (layer.dweights === undefined || layer.dbiases === undefined) {
    throw new Error(`${callee}: call backward before update_params (update_params uses the dweights and dbiases backward stores)`);
  }
  for (const [gradient, parameters, name] of [[layer.dweights, layer.weights, "weights"], [layer.dbiases, layer.biases, "biases"]] as const) {
    if (!sameShape(gradient.shape, parameters.shape)) {
      throw new Error(`${callee}: d${name} have shape ${formatShape(gradient.shape)}, but the ${name} have shape ${formatShape(parameters.shape)}`);
    }
  }
}
