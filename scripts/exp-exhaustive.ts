// Every float32 input through the exp kernel (src/np/native/exp.cc), against the TypeScript
// loop's Math.fround(Math.exp(x)): each element the kernel keeps must be that float exactly, and
// every NaN and input outside [-87, 88] must be handed back. Too slow for the test suite (~2
// minutes); run it after changing the kernel: npx tsx scripts/exp-exhaustive.ts
import { native } from "../src/np/native";

if (!native) throw new Error("the kernels are not built (npm install builds them)");
const CHUNK = 1 << 22, TAIL = 37;
const bits = new Uint32Array(CHUNK), x = new Float32Array(bits.buffer), o = new Float32Array(CHUNK);
const unsure = new Int32Array(CHUNK), handedBack = new Uint8Array(CHUNK);
let kept = 0, inRangeHandedBack = 0;
for (let start = 0; start < 2 ** 32; start += CHUNK) {
  for (let i = 0; i < CHUNK; i++) bits[i] = start + i;
  // Two calls of lengths that are not multiples of 64, so the kernel's loop for a short last
  // block runs in every chunk too.
  handedBack.fill(0);
  for (const [from, n] of [[0, CHUNK - TAIL], [CHUNK - TAIL, TAIL]]) {
    const count = native.expFloat32(o.subarray(from), x.subarray(from), n, unsure);
    if (typeof count !== "number" || count < 0) throw new Error(`kernel answered ${count}`);
    for (let j = 0; j < count; j++) handedBack[from + unsure[j]] = 1;
  }
  for (let i = 0; i < CHUNK; i++) {
    const inRange = x[i] >= -87 && x[i] <= 88;
    if (handedBack[i]) { if (inRange) inRangeHandedBack++; continue; }
    if (!inRange) throw new Error(`exp(${x[i]}) (bits ${bits[i].toString(16)}) was kept but is outside [-87, 88]`);
    const expected = Math.fround(Math.exp(x[i]));
    if (!Object.is(o[i], expected)) throw new Error(`exp(${x[i]}) (bits ${bits[i].toString(16)}): kernel ${o[i]}, Math.exp ${expected}`);
    kept++;
  }
}
console.log(`${kept} inputs in [-87, 88] kept, all equal to Math.exp's float; ${inRangeHandedBack} handed back (1 in ${Math.round((kept + inRangeHandedBack) / inRangeHandedBack)})`);
