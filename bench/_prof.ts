import { ch10Model } from "./ch10";
const run = ch10Model();
for (let e = 0; e < 10001; e++) run.epoch();
