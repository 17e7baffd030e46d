// The exercises the notebooks pose: every solution passes its check, an untouched stub is
// "not attempted yet", and the typical mistakes get their own message.
import { strict as assert } from "assert";
import * as ts from "typescript";
import * as np from "../../src/np";
import { NDArray } from "../../src/np/core";
import { check_against_library, exercises, TODO } from "../../src/exercises";
import { captured } from "../helpers/stdout";
import { Exercise, Verdict } from "../../src/exercises/exercise";

/** Runs a solution's TypeScript as a notebook cell would and returns the class it declares. */
function declared(source: string): unknown {
  const name = /class (\w+)/.exec(source)?.[1];
  assert.ok(name, "a solution declares a class");
  const js = ts.transpileModule(`${source}\nreturn ${name};`, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  return new Function("np", js)(np);
}

const all = Object.entries(exercises).flatMap(([chapter, qs]) =>
  Object.entries(qs).filter(([, q]) => q instanceof Exercise).map(([name, q]) => [`${chapter}.${name}`, q as Exercise<unknown>] as const));

/** A learner's activation class whose forward is `f`. */
const activation = (f: (inputs: NDArray) => NDArray) => class {
  output!: NDArray;
  forward(inputs: NDArray): void { this.output = f(inputs); }
};

const stub = class {
  output: NDArray = TODO;
  forward(): void { this.output = TODO; }
};

function expectIncorrect(verdict: Verdict, pattern: RegExp): void {
  assert.equal(verdict.outcome, "incorrect", verdict.message);
  assert.match(verdict.message, pattern);
}

describe("exercises", () => {
  it("there are exercises to check", () => assert.ok(all.length >= 2));

  for (const [name, q] of all) {
    it(`${name}: the solution passes`, () => {
      const verdict = q.verdict(declared(q.solution_source));
      assert.equal(verdict.outcome, "correct", verdict.message);
    });
    it(`${name}: an untouched stub is not attempted yet`, () => {
      assert.equal(q.verdict(stub).outcome, "not attempted");
      assert.equal(q.verdict(TODO).outcome, "not attempted");
    });
  }

  describe("chapter 4", () => {
    it("ReLU with the comparison the wrong way round is told so", () => {
      expectIncorrect(exercises.ch04.relu.verdict(activation((x) => np.minimum(0, x))), /keeps the negative inputs/);
    });
    it("ReLU that forgets to set output", () => {
      expectIncorrect(exercises.ch04.relu.verdict(activation(() => undefined as unknown as NDArray)), /output is undefined/);
    });
    it("ReLU of the wrong shape names both shapes", () => {
      expectIncorrect(exercises.ch04.relu.verdict(activation((x) => np.maximum(0, x).T)), /shape \(3, 2\); expected \(2, 3\)/);
    });
    it("softmax without the max shift is told about overflow", () => {
      const unshifted = activation((x) => {
        const e = np.exp(x);
        return np.divide(e, np.sum(e, { axis: 1, keepdims: true }));
      });
      expectIncorrect(exercises.ch04.softmax.verdict(unshifted), /overflows/);
    });
    it("softmax normalised over the wrong axis is told rows must sum to 1", () => {
      const columns = activation((x) => {
        const e = np.exp(np.subtract(x, np.max(x, { axis: 1, keepdims: true })));
        return np.divide(e, np.sum(e, { axis: 0, keepdims: true }));
      });
      expectIncorrect(exercises.ch04.softmax.verdict(columns), /row 0 sums to/);
    });
    it("an error inside the learner's code is reported, not thrown", () => {
      const broken = activation(() => { throw new Error("oops"); });
      expectIncorrect(exercises.ch04.relu.verdict(broken), /threw Error: oops/);
    });
  });

  describe("check_against_library (the answer key)", () => {
    class Activation_ReLU {
      inputs!: NDArray; output!: NDArray; dinputs!: NDArray;
      forward(inputs: NDArray): void { this.inputs = inputs; this.output = np.maximum(0, inputs); }
      backward(dvalues: NDArray): void { this.dinputs = dvalues.copy(); this.dinputs.set([np.less_equal(this.inputs, 0)], 0); }
    }
    class Layer_Dense {
      weights: NDArray; biases: NDArray; output!: NDArray;
      constructor(n_inputs: number, n_neurons: number) {
        this.weights = np.multiply(0.01, np.random.randn(n_inputs, n_neurons));
        this.biases = np.zeros([1, n_neurons]);
      }
      forward(inputs: NDArray): void { this.output = np.add(np.dot(inputs, this.weights), this.biases); }
    }

    it("says which arrays of a faithful class are identical, forward and backward", () => {
      assert.equal(captured(() => check_against_library(Activation_ReLU)).trim(),
        "Activation_ReLU: inputs, output, dinputs identical to nnfs-ts's Activation_ReLU");
      assert.match(captured(() => check_against_library(Layer_Dense, 2, 3)), /weights, biases, output identical/);
    });

    it("shows the first array that differs, with both values", () => {
      class Activation_Softmax {
        output!: NDArray;
        forward(inputs: NDArray): void { const e = np.exp(inputs); this.output = np.divide(e, np.sum(e, { axis: 1, keepdims: true })); }
      }
      assert.match(captured(() => check_against_library(Activation_Softmax)), /output differs from nnfs-ts's Activation_Softmax: got float32 \(6, 3\)[\s\S]*nan[\s\S]*expected/);
    });

    it("leaves the notebook's random stream where it was", () => {
      np.random.seed(7);
      const before = np.random.get_state();
      captured(() => check_against_library(Layer_Dense, 2, 3));
      const expected = np.random.rand(3);
      np.random.set_state(before);
      assert.ok(np.array_equal(np.random.rand(3), expected));
    });

    it("names a class the library does not have", () => {
      class Layer_Mine { forward(): void {} }
      assert.throws(() => check_against_library(Layer_Mine), /nnfs-ts has no class named Layer_Mine/);
    });
  });
});
