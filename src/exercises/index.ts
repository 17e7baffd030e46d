// The chapters' exercises: `exercises.ch04.relu.check(Activation_ReLU)`.
import * as ch04 from "./ch04";

export { TODO } from "./exercise";
export const exercises = { ch04 };
export { check_against_library } from "./answer-key";
