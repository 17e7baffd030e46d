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
import * as ch11 from "./ch11";
import * as ch12 from "./ch12";
import * as ch13 from "./ch13";
import * as ch14 from "./ch14";
import * as ch15 from "./ch15";
import * as ch16 from "./ch16";
import * as ch17 from "./ch17";
import * as ch18 from "./ch18";
import * as ch19 from "./ch19";
import * as ch20 from "./ch20";
import * as ch21 from "./ch21";
import * as ch22 from "./ch22";

export { TODO } from "./exercise";
export const exercises = { ch02, ch03, ch04, ch05, ch06, ch07, ch08, ch09, ch10, ch11, ch12, ch13, ch14, ch15, ch16, ch17, ch18, ch19, ch20, ch21, ch22 };
export { check_against_library } from "./answer-key";
