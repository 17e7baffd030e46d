// Exercises that check themselves, in the manner of Kaggle's learntools: the learner fills in a
// stub, then `q.check(answer)` says "Correct" or exactly what is wrong (which output, expected
// against got, which shape); `q.hint()` and `q.solution()` help on request. A stub still holding
// the placeholder `TODO` is "not attempted yet", not wrong.
import { get_state, set_state } from "../np/random";
import { display } from "../notebook/display";

/** Where the learner's code goes in a stub: `this.output = TODO;`. (Kaggle's blank is `____`, but tslab mangles names that start with two underscores.) */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const TODO: any = Object.freeze({ toString: () => "TODO (a blank to fill in)" });

/** Thrown by a check that meets `TODO`: the exercise was not attempted yet. */
export class NotAttempted extends Error {}

/** A check's finding: null when the answer is right, else what is wrong, in one or two sentences. */
export type Problem = string | null;

export interface ExerciseSpec<A> {
  /** What the learner writes, e.g. "Activation_ReLU's forward pass". */
  title: string;
  /** Runs the answer and returns what is wrong with it (null: correct). May throw NotAttempted. */
  check(answer: A): Problem;
  hint: string;
  /** The book's way, as TypeScript a learner can paste into the cell. */
  solution: string;
}

/** What check() concluded, for tests and for the printed line. */
export type Verdict = { outcome: "correct" | "incorrect" | "not attempted"; message: string };

export class Exercise<A> {
  constructor(private readonly spec: ExerciseSpec<A>) {}

  /** Checks the answer and prints the verdict. */
  check(answer: A): void {
    const { outcome, message } = this.verdict(answer);
    const color = outcome === "correct" ? "#2e7d32" : outcome === "incorrect" ? "#c62828" : "#1565c0";
    const head = outcome === "correct" ? "Correct" : outcome === "incorrect" ? "Incorrect" : "Not attempted yet";
    show(`${head}: ${message}`, `<span style="color:${color}"><b>${head}:</b></span> ${message}`);
  }

  /** The verdict without printing it. */
  verdict(answer: A): Verdict {
    if (!attempted(answer)) return notAttempted(this.spec.title);
    try {
      const problem = this.spec.check(answer);
      return problem === null
        ? { outcome: "correct", message: `${this.spec.title} gives the expected numbers.` }
        : { outcome: "incorrect", message: problem };
    } catch (error) {
      if (error instanceof NotAttempted) return notAttempted(this.spec.title);
      return { outcome: "incorrect", message: `running your code threw ${describeError(error)}` };
    }
  }

  hint(): void {
    show(`Hint: ${this.spec.hint}`, `<b>Hint:</b> ${this.spec.hint}`);
  }

  solution(): void {
    show(`Solution:\n${this.spec.solution}`, `<b>Solution:</b>\n\n\`\`\`ts\n${this.spec.solution}\n\`\`\``);
  }

  /** The solution's source, for the tests that prove it passes. */
  get solution_source(): string {
    return this.spec.solution;
  }
}

function notAttempted(title: string): Verdict {
  return { outcome: "not attempted", message: `replace each TODO in ${title} with your code, run that cell, then this one again.` };
}

/** False for the placeholder itself, an unmodified stub's output. */
function attempted(answer: unknown): boolean {
  return answer !== TODO;
}

/**
 * Runs `body`, then puts the global random stream back where it was: a check that draws numbers
 * must not change what the notebook's next cells draw.
 */
export function keepingRandomState<T>(body: () => T): T {
  const state = get_state();
  try {
    return body();
  } finally {
    set_state(state);
  }
}

/** Throws NotAttempted when a value the learner should have computed is still the placeholder. */
export function filled<T>(value: T): T {
  if (value === TODO) throw new NotAttempted();
  return value;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function show(text: string, markdown: string): void {
  display({ "text/plain": text, "text/markdown": markdown });
}
