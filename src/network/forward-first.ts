// backward() uses what forward() stored (inputs, output, a mask). Called first, it would fail
// deep inside np with "Cannot read properties of undefined"; this says what to do instead.

/** Throws unless forward has stored `stored` on `layer`. */
export function afterForward(layer: object, stored: unknown): void {
  if (stored === undefined) {
    throw new Error(`${layer.constructor.name}.backward: call forward before backward (backward uses what forward stores)`);
  }
}
