// Chapter 6's exercises: one step of each random search the chapter runs, written by the learner
// as a function: fresh random weights kept if the loss improves, then a nudge of the best weights
// that is kept or undone.
import * as np from "../np";
import { NDArray } from "../np/core";
import { Layer_Dense } from "../network/layers";
import { compareArrays } from "./compare";
import { noBlankFields, unlessBlank } from "./blanks";
import { Exercise, filled, Problem } from "./exercise";

/** The best parameters so far and their loss, the book's lowest_loss and best_dense1_weights / biases. */
export type Best = { loss: number; weights: NDArray; biases: NDArray };
/** A learner's step: changes the layer's weights, calls evaluate() for [loss, accuracy], returns the new best. */
export type SearchStep = (layer: Layer_Dense, evaluate: () => [number, number], best: Best) => Best;

/** The best parameters before the step, and the layer's (the same values, separate arrays). */
const W0 = np.array([[0.2, -0.1, 0.4], [-0.3, 0.5, 0.1]]);
const B0 = np.array([[0.05, -0.02, 0.01]]);
const LOWEST_LOSS = 1;
/** The seed the check draws the step's random numbers from. */
const SEED = 6;

/** [loss, accuracy] that evaluate() reports: the loss decides; the accuracy points the other way twice. */
const CASES: ReadonlyArray<readonly [number, number]> = [
  [0.9, 0.3], // loss better, accuracy lower
  [1.1, 0.7], // loss worse, accuracy higher
  [1.2, 0.2], // loss worse, accuracy lower
  [0.8, 0.8], // loss better, accuracy higher
];

/** What one run of the learner's step did. */
interface Run {
  loss: number;
  accuracy: number;
  result: Best;
  layer: Layer_Dense;
  /** The layer's parameters when evaluate() ran (null: evaluate was never called). */
  seen: { weights: unknown; biases: unknown } | null;
  /** 0.05 * randn for the weights and the biases, drawn from the check's seed in the book's order. */
  dw: NDArray;
  db: NDArray;
  /** The same draws without the 0.05. */
  rw: NDArray;
  rb: NDArray;
}

/** Runs the step on one case, from a seeded stream; the notebook's own random stream is left as it was. */
function run(step: SearchStep, [loss, accuracy]: readonly [number, number]): Run {
  const state = np.random.get_state();
  try {
    np.random.seed(SEED);
    const rw = np.random.randn(2, 3);
    const rb = np.random.randn(1, 3);
    const layer = new Layer_Dense(2, 3);
    layer.weights = W0.copy();
    layer.biases = B0.copy();
    const best: Best = { loss: LOWEST_LOSS, weights: W0.copy(), biases: B0.copy() };
    let seen: Run["seen"] = null;
    const evaluate = (): [number, number] => {
      seen = { weights: layer.weights, biases: layer.biases };
      return [loss, accuracy];
    };
    np.random.seed(SEED);
    const result = noBlankFields(filled(step(layer, evaluate, best)));
    return { loss, accuracy, result, layer, seen, rw, rb, dw: np.multiply(0.05, rw), db: np.multiply(0.05, rb) };
  } finally {
    np.random.set_state(state);
  }
}

const same = (got: unknown, expected: NDArray) => got instanceof NDArray && compareArrays("", got, expected) === null;

/** What is wrong with the parameters the layer held when evaluate() ran. */
function evaluatedParameters(step: string, r: Run, weights: NDArray, biases: NDArray, nudge: boolean): Problem {
  if (r.seen === null) return `${step} never called evaluate(): run the forward pass on the new weights to get their loss.`;
  const seen = r.seen;
  if (same(seen.weights, W0)) return `when evaluate() ran, the layer still held the old weights: change layer.weights and layer.biases first, then evaluate them.`;
  if (nudge && same(seen.weights, r.dw)) {
    return "layer.weights was replaced by 0.05 * randn instead of nudged: add the random change to the current weights, np.add(layer.weights, np.multiply(0.05, np.random.randn(2, 3))), as the book's += does.";
  }
  if (nudge && same(seen.weights, np.add(W0, r.rw))) return "the nudge is randn without the factor 0.05: multiply the random numbers by 0.05 before adding them.";
  if (!nudge && same(seen.weights, r.rw)) return "the new weights are randn without the factor 0.05: the book draws 0.05 * np.random.randn(2, 3).";
  const weights_problem = compareArrays("layer.weights when evaluate() ran", seen.weights, weights);
  if (weights_problem !== null) return `${weights_problem} (draw the weights first, then the biases, each with np.random.randn of the parameter's shape: ${nudge ? "added to the current values, " : ""}times 0.05.)`;
  if (nudge && same(seen.biases, r.db)) return "layer.biases was replaced by 0.05 * randn instead of nudged: add the random change to the current biases.";
  return compareArrays("layer.biases when evaluate() ran", seen.biases, biases);
}

/** Whether the step kept the new parameters, judged by the loss it returned; a string when it is neither. */
function kept(r: Run): boolean | string {
  if (r.result.loss === r.loss) return true;
  if (r.result.loss === LOWEST_LOSS) return false;
  return `with loss ${r.loss} against a best of ${LOWEST_LOSS}, the returned best has loss ${r.result.loss}: it should be either the new loss (kept) or the old best's (not kept).`;
}

/** Names the pattern of keep decisions across CASES when it is not the book's. */
function decisions(runs: Run[]): Problem {
  const choices = runs.map(kept);
  const odd = choices.find((c) => typeof c === "string");
  if (typeof odd === "string") return odd;
  const pattern = choices.map((c) => (c ? "K" : "-")).join("");
  const [better, worse] = [runs[0], runs[1]];
  switch (pattern) {
    case "K--K":
      return null;
    case "KKKK":
      return `the new weights were kept even when the loss got worse (${worse.loss} against the best ${LOWEST_LOSS}): keep them only if loss < best.loss.`;
    case "-KK-":
      return `the comparison is reversed: the new weights were kept when the loss rose (${worse.loss} against ${LOWEST_LOSS}) and dropped when it fell (${better.loss}). Lower loss is better: keep them if loss < best.loss.`;
    case "-K-K":
    case "K-K-":
      return `the choice follows the accuracy, not the loss: with loss ${better.loss} (better than ${LOWEST_LOSS}) and accuracy ${better.accuracy} the answer was ${choices[0] ? "keep" : "drop"}, with loss ${worse.loss} (worse) and accuracy ${worse.accuracy} it was ${choices[1] ? "keep" : "drop"}. The book decides by the loss alone: loss < best.loss.`;
    case "----":
      return `the new weights were never kept, even when the loss fell from ${LOWEST_LOSS} to ${better.loss}: when loss < best.loss return { loss, weights: layer.weights.copy(), biases: layer.biases.copy() }.`;
    default: {
      const i = choices.findIndex((c, k) => c !== runs[k].loss < LOWEST_LOSS);
      return `with loss ${runs[i].loss} against a best of ${LOWEST_LOSS} the new weights were ${choices[i] ? "kept" : "dropped"}; they should be ${choices[i] ? "dropped" : "kept"}: keep them exactly when loss < best.loss.`;
    }
  }
}

/** What is wrong with the best returned when the new parameters should be kept. */
function keptBest(r: Run, weights: NDArray, biases: NDArray): Problem {
  if (r.result.weights === r.layer.weights || r.result.biases === r.layer.biases) {
    return "the returned best holds the layer's own arrays, not copies: whatever later changes the layer's parameters in place changes the best ones too. Store layer.weights.copy() and layer.biases.copy(), as the book does.";
  }
  return compareArrays("best.weights", r.result.weights, weights) ?? compareArrays("best.biases", r.result.biases, biases);
}

/** What is wrong with the best returned when the new parameters should be dropped. */
function unchangedBest(r: Run): Problem {
  return compareArrays("best.weights", r.result.weights, W0) ?? compareArrays("best.biases", r.result.biases, B0);
}

function checkSearch(title: string, step: SearchStep, nudge: boolean): Problem {
  const runs = CASES.map((c) => run(step, c));
  for (const r of runs) {
    const weights = nudge ? np.add(W0, r.dw) : r.dw;
    const biases = nudge ? np.add(B0, r.db) : r.db;
    const wrong = evaluatedParameters(title, r, weights, biases, nudge);
    if (wrong !== null) return wrong;
  }
  const wrong = decisions(runs);
  if (wrong !== null) return wrong;
  for (const r of runs) {
    const weights = nudge ? np.add(W0, r.dw) : r.dw;
    const biases = nudge ? np.add(B0, r.db) : r.db;
    const better = r.loss < LOWEST_LOSS;
    const problem = better ? keptBest(r, weights, biases) : unchangedBest(r);
    if (problem !== null) return `with loss ${r.loss} against a best of ${LOWEST_LOSS}: ${problem}`;
    if (nudge && !better) {
      if (r.layer.weights === r.result.weights || r.layer.biases === r.result.biases) {
        return `with loss ${r.loss} (worse), the layer got the best arrays themselves back, not copies: the next nudge would then change the best weights too. Put back best.weights.copy() and best.biases.copy(), as the book does.`;
      }
      if (same(r.layer.weights, weights)) {
        return `with loss ${r.loss} (worse than ${LOWEST_LOSS}), the layer kept the nudged weights: undo the nudge, layer.weights = best.weights.copy() (and the biases), so the next nudge starts from the best weights.`;
      }
      const back = compareArrays("layer.weights after a worse nudge", r.layer.weights, W0) ?? compareArrays("layer.biases after a worse nudge", r.layer.biases, B0);
      if (back !== null) return `${back} (the nudge is undone by copying the best parameters back.)`;
    }
  }
  return null;
}

export const search_step = new Exercise<SearchStep>({
  title: "one step of the random search",
  check: unlessBlank((step) => checkSearch("search_step", step, false)),
  hint: "Give the layer fresh parameters, np.multiply(0.05, np.random.randn(2, 3)) for the weights and np.random.randn(1, 3) for the biases, then call evaluate(). Lower loss is better: only when loss < best.loss, return a new best with the loss and copies of the layer's parameters; otherwise return best unchanged.",
  solution: `function search_step(layer: Layer_Dense, evaluate: () => [number, number], best: Best): Best {
  layer.weights = np.multiply(0.05, np.random.randn(2, 3));
  layer.biases = np.multiply(0.05, np.random.randn(1, 3));
  const [loss, accuracy] = evaluate();
  if (loss < best.loss) {
    return { loss: loss, weights: layer.weights.copy(), biases: layer.biases.copy() };
  }
  return best;
}`,
});

export const nudge_step = new Exercise<SearchStep>({
  title: "one step of the nudging search",
  check: unlessBlank((step) => checkSearch("nudge_step", step, true)),
  hint: "Add np.multiply(0.05, np.random.randn(2, 3)) to layer.weights (and 0.05 times randn(1, 3) to layer.biases), then evaluate(). If loss < best.loss, return the loss with copies of the layer's parameters; otherwise put copies of best's parameters back into the layer and return best.",
  solution: `function nudge_step(layer: Layer_Dense, evaluate: () => [number, number], best: Best): Best {
  layer.weights = np.add(layer.weights, np.multiply(0.05, np.random.randn(2, 3)));
  layer.biases = np.add(layer.biases, np.multiply(0.05, np.random.randn(1, 3)));
  const [loss, accuracy] = evaluate();
  if (loss < best.loss) {
    return { loss: loss, weights: layer.weights.copy(), biases: layer.biases.copy() };
  }
  layer.weights = best.weights.copy();
  layer.biases = best.biases.copy();
  return best;
}`,
});
