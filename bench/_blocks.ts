import { ch10Model } from "./ch10";
import { cpuSeconds } from "./timing";
const run = ch10Model();
let t = cpuSeconds();
const out: string[] = [];
for (let e = 0; e < 10001; e++) {
  run.epoch();
  if ((e + 1) % (e < 1000 ? 100 : 1000) === 0) { const n = cpuSeconds(); out.push(((n - t) * 1000).toFixed(0)); t = n; }
}
console.log("ms per 1000 epochs:", out.join(" "));
