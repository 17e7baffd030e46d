// The numbers the book's optimizers and regularizers are given, checked when they are given
// (their call forms are np/keywords.ts's keywordsOf; the defaults stay in each constructor).

/**
 * Refuses hyperparameters no optimizer or regularizer can use: NaN, infinite or negative values
 * (a negative learning rate or penalty would climb the loss), naming the argument as Python would.
 */
export function checkHyperparameters(callee: string, values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`${callee}() argument '${name}' must be a finite number >= 0, got ${value}`);
    }
  }
}
