import { ch10Model } from "./ch10";
const run = ch10Model();
for (let e = 0; e < 3000; e++) run.epoch();
