// Chapter 7's exercises: the book's numerical derivative (a forward step of p2_delta = 0.0001)
// and the tangent line through a point, written by the learner as functions of plain numbers.
import { compareNumbers } from "./compare";
import { noBlankFields, unlessBlank } from "./blanks";
import { Exercise, filled } from "./exercise";

/** A function of one number, as the chapter's `f`. */
export type Curve = (x: number) => number;

/** The learner's numerical derivative: `derivative_at(f, x)`. */
export type DerivativeFunction = (f: Curve, x: number) => number;

/** The learner's tangent line: `tangent_line(f, x)` gives its slope and its intercept b. */
export type TangentFunction = (f: Curve, x: number) => { slope: number; b: number };

/** The book's step. */
const p2_delta = 0.0001;

/** The book's curve at x = 1 and x = 3, then a falling cubic at a negative x. */
const CASES: { f: Curve; source: string; x: number }[] = [
  { f: (x) => 2 * x ** 2, source: "(x) => 2 * x ** 2", x: 1 },
  { f: (x) => 2 * x ** 2, source: "(x) => 2 * x ** 2", x: 3 },
  { f: (x) => x ** 3 - 4 * x, source: "(x) => x ** 3 - 4 * x", x: -0.5 },
];

/** The book's way: two points p2_delta apart, rise over run. */
function bookSlope(f: Curve, x: number): number {
  const x1 = x;
  const x2 = x1 + p2_delta;
  return (f(x2) - f(x1)) / (x2 - x1);
}

/** Equal up to float64 rounding: tight enough to tell the book's step from any other. */
const EXACT = { rtol: 1e-9, atol: 1e-12 };
const near = (got: number, expected: number) => compareNumbers("", got, expected, EXACT) === null;

/** What is wrong with a slope that is not the book's, when it is a typical mistake; else null. */
function slopeMistake(got: number, f: Curve, x: number): string | null {
  const expected = bookSlope(f, x);
  if (near(got, -expected)) {
    return "its sign is flipped: subtract in the same order on top and below, (f(x + p2_delta) - f(x)) / ((x + p2_delta) - x).";
  }
  if (near(got, (f(x) - f(x - p2_delta)) / p2_delta)) {
    return "that is the backward difference, from x - p2_delta to x; the book steps forward, from x to x + p2_delta.";
  }
  if (near(got, f(x + p2_delta) - f(x))) {
    return "that is the change in y alone: divide it by the change in x, p2_delta.";
  }
  for (const factor of [2, 10, 100, 1000, 0.1, 0.01, 0.001]) {
    if (near(got, expected / factor)) {
      return `that is the book's slope divided by ${factor}: divide the change in y by the same p2_delta you stepped x by (0.0001).`;
    }
  }
  if (Math.abs(got - expected) <= 1e-2 * Math.abs(expected) + 1e-3) {
    return "close, but not the book's number: step x forward by exactly p2_delta = 0.0001 and divide by that step (another step size, or a step on both sides, gives other digits).";
  }
  return null;
}

export const derivative = new Exercise<DerivativeFunction>({
  title: "derivative_at",
  check: unlessBlank((derivative_at) => {
    for (const { f, source, x } of CASES) {
      const call = `derivative_at(${source}, ${x})`;
      const got = filled(derivative_at(f, x));
      if (got === undefined) return `${call} returned undefined: end the function with return and the slope.`;
      const expected = bookSlope(f, x);
      const wrong = compareNumbers(call, got, expected, EXACT);
      if (wrong === null || typeof got !== "number") {
        if (wrong === null) continue;
        return wrong;
      }
      const mistake = slopeMistake(got, f, x);
      return mistake === null ? wrong : `${call} is ${got}; expected ${expected}: ${mistake}`;
    }
    return null;
  }),
  hint: "Two points: x1 = x and x2 = x + p2_delta, with y1 = f(x1) and y2 = f(x2). The slope between them is (y2 - y1) / (x2 - x1).",
  solution: `function derivative_at(f: (x: number) => number, x: number): number {
  const p2_delta = 0.0001;
  const x1 = x;
  const x2 = x1 + p2_delta;
  const y1 = f(x1);
  const y2 = f(x2);
  return (y2 - y1) / (x2 - x1);
}`,
});

export const tangent = new Exercise<TangentFunction>({
  title: "tangent_line",
  check: unlessBlank((tangent_line) => {
    for (const { f, source, x } of CASES) {
      const call = `tangent_line(${source}, ${x})`;
      const got = filled(tangent_line(f, x));
      if (got === undefined || got === null || typeof got !== "object") {
        return `${call} returned ${typeof got === "object" ? got : typeof got}; return an object with the line's slope and intercept: { slope, b }.`;
      }
      const { slope, b } = noBlankFields(got);
      const expectedSlope = bookSlope(f, x);
      const wrongSlope = compareNumbers(`${call}.slope`, slope, expectedSlope, EXACT);
      if (wrongSlope !== null) {
        const mistake = typeof slope === "number" ? slopeMistake(slope, f, x) : null;
        return mistake === null ? wrongSlope : `${call}.slope is ${slope}; expected ${expectedSlope}: ${mistake}`;
      }
      const y = f(x);
      const expectedB = y - expectedSlope * x;
      const wrongB = compareNumbers(`${call}.b`, b, expectedB, EXACT);
      if (wrongB === null) continue;
      if (typeof b !== "number") return wrongB;
      const lead = `${call}.b is ${b}; expected ${expectedB}:`;
      if (near(b, y + expectedSlope * x)) {
        return `${lead} the intercept was computed as y + slope·x. The line is y = slope·x + b, so b = y - slope·x.`;
      }
      if (near(b, expectedSlope * x - y)) {
        return `${lead} that is slope·x - y, the intercept with its sign flipped. From y = slope·x + b, b = y - slope·x.`;
      }
      if (near(b, y)) {
        return `${lead} that is f(x) itself, where the line is at x, not at 0. Subtract slope·x: b = y - slope·x.`;
      }
      return wrongB;
    }
    return null;
  }),
  hint: "The slope is the numerical derivative at x, as in exercise 1. A line y = slope·x + b that passes through (x, f(x)) has b = f(x) - slope·x.",
  solution: `function tangent_line(f: (x: number) => number, x: number): { slope: number; b: number } {
  const p2_delta = 0.0001;
  const x2 = x + p2_delta;
  const slope = (f(x2) - f(x)) / (x2 - x);
  const b = f(x) - slope * x;
  return { slope, b };
}`,
});
