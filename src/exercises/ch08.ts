// Chapter 8's exercises: the two partial derivatives of a function of two variables, and the
// chain rule through one ReLU neuron, ReLU(w·x + b), as in the book's single-neuron example.
import { compareNumbers } from "./compare";
import { noBlankFields, unlessBlank } from "./blanks";
import { Exercise, filled } from "./exercise";

/** The learner's gradient of f(x, y) = x²·y + 3y: `gradient_of_f(x, y)` gives [∂f/∂x, ∂f/∂y]. */
export type GradientFunction = (x: number, y: number) => number[];

/** Points where the two partials differ, with negative coordinates among them. */
const POINTS = [[2, 1], [-1, 3], [0.5, -2]];

/** Exact partials in float64 (a careful numerical estimate passes too). */
const CLOSE = { rtol: 1e-4, atol: 1e-6 };
const near = (got: unknown, expected: number) => typeof got === "number" && compareNumbers("", got, expected, CLOSE) === null;

/** Null when `got` is an array of `length` numbers, else what it is instead. */
function notAList(call: string, got: unknown, length: number, what: string): string | null {
  if (got === undefined) return `${call} returned undefined: end the function with return ${what}.`;
  if (!Array.isArray(got)) return `${call} returned ${typeof got === "number" ? `one number (${got})` : typeof got}; return a list of ${length}: ${what}.`;
  if (got.length !== length) return `${call} returned a list of ${got.length}; expected ${length}: ${what}.`;
  noBlankFields(got);
  return null;
}

export const partials = new Exercise<GradientFunction>({
  title: "gradient_of_f",
  check: unlessBlank((gradient_of_f) => {
    for (const [x, y] of POINTS) {
      const call = `gradient_of_f(${x}, ${y})`;
      const got = filled(gradient_of_f(x, y));
      const shape = notAList(call, got, 2, "[df_dx, df_dy]");
      if (shape !== null) return shape;
      const [dx, dy] = got;
      const df_dx = 2 * x * y, df_dy = x ** 2 + 3;
      if (near(dx, df_dx) && near(dy, df_dy)) continue;
      if (near(dx, df_dy) && near(dy, df_dx)) {
        return `${call} is [${dx}, ${dy}]; expected [${df_dx}, ${df_dy}]: the two partials are swapped. The first is ∂f/∂x (x moves, y stays fixed), the second ∂f/∂y.`;
      }
      const wrongX = compareNumbers(`${call}[0], ∂f/∂x,`, dx, df_dx, CLOSE);
      if (wrongX !== null) {
        if (near(dx, 2 * x)) return `${wrongX} In x²·y, y is a constant factor while x moves, and a constant factor stays in front: ∂(x²·y)/∂x = 2x·y.`;
        if (near(dx, 2 * x * y + 3 * y)) return `${wrongX} 3y has no x in it, so it is a constant while x moves: its partial derivative with respect to x is 0.`;
        return wrongX;
      }
      const wrongY = compareNumbers(`${call}[1], ∂f/∂y,`, dy, df_dy, CLOSE);
      if (near(dy, x ** 2)) return `${wrongY} The 3y term counts too: its partial derivative with respect to y is 3.`;
      if (near(dy, 2 * x + 3)) return `${wrongY} x² is a constant factor while y moves, not something to differentiate: ∂(x²·y)/∂y = x².`;
      return wrongY;
    }
    return null;
  }),
  hint: "For ∂f/∂x treat y as a number: x²·y becomes 2x·y and 3y (no x) becomes 0. For ∂f/∂y treat x as a number: x²·y becomes x² and 3y becomes 3.",
  solution: `function gradient_of_f(x: number, y: number): number[] {
  const df_dx = 2 * x * y;
  const df_dy = x ** 2 + 3;
  return [df_dx, df_dy];
}`,
});

/** The gradients of one ReLU neuron's output with respect to its weights, inputs and bias. */
export type NeuronGradients = { dw: number[]; dx: number[]; db: number };

/** The learner's `neuron_gradients(x, w, b, dvalue)`: dvalue is the gradient from the next layer. */
export type NeuronGradientsFunction = (x: number[], w: number[], b: number, dvalue: number) => NeuronGradients;

/** The book's neuron (z = 6), one with a gradient of 2 from the next layer (z = 3), one with z < 0, and one with z = 0 exactly. */
const NEURONS = [
  { x: [1.0, -2.0, 3.0], w: [-3.0, -1.0, 2.0], b: 1.0, dvalue: 1.0 },
  { x: [2.0, -1.0, 0.5], w: [0.5, -1.5, 2.0], b: -0.5, dvalue: 2.0 },
  { x: [0.5, 2.0, -1.5], w: [1.0, -2.0, 0.5], b: 0.25, dvalue: 1.0 },
  { x: [2.0, 1.0, 4.0], w: [0.5, 1.0, -0.5], b: 0.0, dvalue: 1.0 },
];

const list = (values: number[]) => `[${values.join(", ")}]`;

/** Null when `got` is a list close to `expected`, else what differs. */
function compareLists(name: string, got: unknown, expected: number[]): string | null {
  if (!Array.isArray(got)) return `${name} should be a list of ${expected.length} numbers, got ${typeof got === "number" ? `one number (${got})` : typeof got}.`;
  if (got.length !== expected.length) return `${name} has ${got.length} values; expected ${expected.length}, one per input.`;
  for (let i = 0; i < expected.length; i++) {
    const wrong = compareNumbers(`${name}[${i}]`, got[i], expected[i], CLOSE);
    if (wrong !== null) return wrong;
  }
  return null;
}
const sameList = (got: unknown, expected: number[]) => compareLists("", got, expected) === null;

export const chain_rule = new Exercise<NeuronGradientsFunction>({
  title: "neuron_gradients",
  check: unlessBlank((neuron_gradients) => {
    for (const { x, w, b, dvalue } of NEURONS) {
      const call = `neuron_gradients(${list(x)}, ${list(w)}, ${b}, ${dvalue})`;
      const got = filled(neuron_gradients([...x], [...w], b, dvalue));
      if (got === undefined || got === null || typeof got !== "object" || Array.isArray(got)) {
        return `${call} returned ${Array.isArray(got) ? "a list" : got === null ? "null" : typeof got}; return an object with the three gradients: { dw, dx, db }.`;
      }
      const { dw, dx, db } = noBlankFields(got);
      for (const list of [dw, dx]) if (Array.isArray(list)) noBlankFields(list);
      let z = b;
      for (let i = 0; i < x.length; i++) z += x[i] * w[i];
      const drelu_dz = dvalue * (z > 0 ? 1 : 0);
      const expected = { dw: x.map((xi) => xi * drelu_dz), dx: w.map((wi) => wi * drelu_dz), db: drelu_dz };
      const wrong = compareLists(`${call}.dw`, dw, expected.dw) ?? compareLists(`${call}.dx`, dx, expected.dx)
        ?? compareNumbers(`${call}.db`, db, expected.db, CLOSE);
      if (wrong === null) continue;
      const sum_x = x.reduce((s, xi) => s + xi, 0);
      if (z <= 0 && sameList(dw, x.map((xi) => xi * dvalue))) {
        return `${wrong} Here z = w·x + b is ${z}, and ReLU is flat for z <= 0: its derivative there is 0, so every gradient through it is 0. Use dvalue * (z > 0 ? 1 : 0).`;
      }
      if (drelu_dz !== 0 && sameList(dw, expected.dx) && sameList(dx, expected.dw)) {
        return `${wrong} dw and dx are swapped: ∂(w·x)/∂w is x (each weight's gradient is its input) and ∂(w·x)/∂x is w.`;
      }
      if (drelu_dz !== 0 && dvalue !== 1 && sameList(dw, x) && sameList(dx, w)) {
        return `${wrong} The gradient from the next layer, dvalue = ${dvalue}, is missing: the chain rule multiplies it in first, drelu_dz = dvalue * (z > 0 ? 1 : 0).`;
      }
      if (Array.isArray(db) || near(db, sum_x * drelu_dz) || x.some((xi) => xi !== 1 && near(db, xi * drelu_dz))) {
        return `${wrong} The bias is added, not multiplied by an input: ∂z/∂b = 1, so db = drelu_dz (one number), with no x in it.`;
      }
      return wrong;
    }
    return null;
  }),
  hint: "Go backwards. drelu_dz = dvalue times ReLU's derivative at z (1 if z > 0, else 0). Then z = Σ wᵢ·xᵢ + b gives ∂z/∂wᵢ = xᵢ, ∂z/∂xᵢ = wᵢ and ∂z/∂b = 1; multiply each by drelu_dz.",
  solution: `function neuron_gradients(x: number[], w: number[], b: number, dvalue: number) {
  let z = b;
  for (let i = 0; i < x.length; i++) {
    z += x[i] * w[i];
  }
  const drelu_dz = dvalue * (z > 0 ? 1 : 0);
  const dw = x.map((xi) => xi * drelu_dz);
  const dx = w.map((wi) => wi * drelu_dz);
  const db = drelu_dz;
  return { dw, dx, db };
}`,
});
