// Chapter 19's exercises: the number of steps per epoch (the last, partial batch included), and
// an accuracy that accumulates over the batches of a pass.
import * as np from "../np";
import { NDArray } from "../np/core";
import { unlessBlank } from "./blanks";
import { compareNumbers } from "./compare";
import { Exercise, filled } from "./exercise";

export type StepsFunction = (samples: number, batch_size: number) => unknown;

const STEP_CASES: [number, number][] = [[60000, 128], [10000, 128], [256, 128], [5, 10]];

export const steps = new Exercise<StepsFunction>({
  title: "the number of steps per epoch",
  check: unlessBlank((answer) => {
    for (const [samples, batch_size] of STEP_CASES) {
      const got = filled(answer(samples, batch_size));
      const expected = Math.ceil(samples / batch_size);
      if (got === expected) continue;
      const given = `with ${samples} samples in batches of ${batch_size}`;
      if (typeof got !== "number") return `${given} the result should be a number, got ${String(got)}.`;
      if (!Number.isInteger(got)) return `${given} you got ${got}, not a whole number: a step is one batch, so round (up: the samples left over make a last, smaller batch).`;
      if (got === Math.floor(samples / batch_size)) {
        return `${given} you got ${got} steps: rounding down drops the last ${samples - got * batch_size} samples, which never train. Add a step for a last, partial batch when steps · batch_size < samples.`;
      }
      if (got === Math.floor(samples / batch_size) + 1) {
        return `${given} you got ${got} steps: the samples divide evenly into ${expected} batches, and the extra step would be an empty batch. Add the step only when samples are left over.`;
      }
      return `${given} you got ${got} steps; expected ${expected}.`;
    }
    return null;
  }),
  hint: "Math.floor(samples / batch_size) full batches, plus one when samples are left over (the same as Math.ceil(samples / batch_size)).",
  solution: `function steps_per_epoch(samples: number, batch_size: number): number {
  let steps = Math.floor(samples / batch_size);
  if (steps * batch_size < samples) {
    steps += 1;
  }
  return steps;
}`,
});

/** What the learner's accumulating accuracy offers: the book's three methods (compare is given). */
export type AccumulatingAccuracyClass = new () => {
  calculate(predictions: NDArray, y: NDArray): unknown;
  calculate_accumulated(): unknown;
  new_pass(): void;
};

/** Three batches of 4, 4 and 2 predictions: 3, 1 and 2 right. */
const BATCHES = [
  { predictions: np.array([0, 1, 2, 1]), y: np.array([0, 1, 2, 0]) },
  { predictions: np.array([2, 2, 0, 1]), y: np.array([2, 0, 1, 0]) },
  { predictions: np.array([1, 0]), y: np.array([1, 0]) },
];

export const accumulated = new Exercise<AccumulatingAccuracyClass>({
  title: "the accuracy accumulated over a pass",
  check: unlessBlank((Accuracy) => {
    const accuracy = new Accuracy();
    accuracy.new_pass();
    const means = BATCHES.map(({ predictions, y }) => filled(accuracy.calculate(predictions, y)));
    const problem = compareNumbers("calculate's result for the first batch (3 of 4 right)", means[0], 0.75);
    if (problem !== null) return `${problem} calculate still returns the batch's own accuracy; it also adds to the totals.`;
    const got = filled(accuracy.calculate_accumulated());
    const expected = 6 / 10;
    if (typeof got === "number" && Math.abs(got - (0.75 + 0.25 + 1) / 3) < 1e-12) {
      return `calculate_accumulated() is ${got}, the mean of the three batches' accuracies: the last batch has only 2 samples, so it must count less. Add up the comparisons (accumulated_sum) and the number of them (accumulated_count), and divide: 6 right of 10, ${expected}.`;
    }
    if (typeof got === "number" && Math.abs(got - 6 / 3) < 1e-12) {
      return `calculate_accumulated() is ${got}, above 1: the right answers were divided by the number of batches (3). Count the samples instead: accumulated_count += comparisons.size.`;
    }
    const total = compareNumbers("calculate_accumulated() after three batches (6 of 10 right)", got, expected);
    if (total !== null) return total;
    accuracy.new_pass();
    accuracy.calculate(BATCHES[2].predictions, BATCHES[2].y);
    const again = accuracy.calculate_accumulated();
    if (typeof again === "number" && Math.abs(again - 8 / 12) < 1e-12) {
      return "after new_pass() and one more batch, calculate_accumulated() still counts the earlier batches: new_pass() must set accumulated_sum and accumulated_count back to 0.";
    }
    return compareNumbers("calculate_accumulated() after new_pass() and one batch (2 of 2 right)", again, 1);
  }),
  hint: "In calculate: accumulated_sum += np.sum(comparisons) and accumulated_count += comparisons.size. calculate_accumulated returns their quotient; new_pass sets both to 0.",
  solution: `class My_Accuracy {
  accumulated_sum: number;
  accumulated_count: number;

  compare(predictions: NDArray, y: NDArray): NDArray {
    return np.equal(predictions, y);
  }

  calculate(predictions: NDArray, y: NDArray): number {
    const comparisons = this.compare(predictions, y);
    this.accumulated_sum += np.sum(comparisons);
    this.accumulated_count += comparisons.size;
    return np.mean(comparisons);
  }

  calculate_accumulated(): number {
    return this.accumulated_sum / this.accumulated_count;
  }

  new_pass(): void {
    this.accumulated_sum = 0;
    this.accumulated_count = 0;
  }
}`,
});
