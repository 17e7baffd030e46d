// Telling an unfinished answer from a wrong one: a stub whose TODOs are only partly filled in is
// "not attempted yet", whatever its half-run code produced or threw.
import { filled, NotAttempted, Problem } from "./exercise";

/** The answer's source without comments still names TODO: some blank is not filled in yet. */
function stillHasBlank(answer: unknown): boolean {
  const source = String(answer).replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "");
  return /\bTODO\b/.test(source);
}

/** Throws NotAttempted when a field of the object still holds the blank. */
export function noBlankFields<T extends object>(object: T): T {
  for (const value of Object.values(object)) filled(value);
  return object;
}

/**
 * Wraps a check: an answer that is wrong, or throws, while its code still holds a TODO is not
 * attempted yet (one blank filled, another not), rather than wrong.
 */
export function unlessBlank<A>(check: (answer: A) => Problem): (answer: A) => Problem {
  return (answer) => {
    let problem: Problem;
    try {
      problem = check(answer);
    } catch (error) {
      if (stillHasBlank(answer)) throw new NotAttempted();
      throw error;
    }
    if (problem !== null && stillHasBlank(answer)) throw new NotAttempted();
    return problem;
  };
}
