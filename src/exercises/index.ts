// The chapters' exercises: `exercises.ch04.relu.check(Activation_ReLU)`.
import * as ch02 from "./ch02";
import * as ch03 from "./ch03";
import * as ch04 from "./ch04";
import * as ch05 from "./ch05";
import * as ch06 from "./ch06";
import * as ch07 from "./ch07";
import * as ch08 from "./ch08";
import * as ch09 from "./ch09";
import * as ch10 from "./ch10";

export { TODO } from "./exercise";
export const exercises = { ch02, ch03, ch04, ch05, ch06, ch07, ch08, ch09, ch10 };
export { check_against_library } from "./answer-key";
