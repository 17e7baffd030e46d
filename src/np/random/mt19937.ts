// The Mersenne Twister MT19937 as NumPy's legacy RandomState drives it: seeded by
// init_genrand, 32-bit tempered outputs, and doubles built from two of them.
// The 624-word state lives in one Uint32Array and is twisted in place, so drawing
// allocates nothing.

import { native } from "../native";

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;

export class MT19937 {
  readonly key = new Uint32Array(N);
  /** Index of the next word to temper; N means the state must be twisted first. */
  pos = N;

  constructor(seed = 0) {
    this.seed(seed);
  }

  /** init_genrand: the seed is the first word, each next word a hash of the previous. */
  seed(seed: number): void {
    const key = this.key;
    key[0] = seed;
    for (let i = 1; i < N; i++) {
      const prev = key[i - 1];
      key[i] = Math.imul(1812433253, prev ^ (prev >>> 30)) + i;
    }
    this.pos = N;
  }

  /** The next 32-bit output, as an unsigned integer. */
  next32(): number {
    if (this.pos === N) this.twist();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A double in [0, 1) from 53 random bits: 27 of one output, 26 of the next. */
  nextDouble(): number {
    const a = this.next32() >>> 5;
    const b = this.next32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** Fills `out` with nextDouble() draws in the C++ kernels; false, drawing nothing, without them. */
  fillDoubles(out: Float64Array): boolean {
    return this.advancedTo(native?.randomDoubles(this.key, this.pos, out));
  }

  /** Takes the position a C++ kernel left the state at; false if no kernel ran. */
  advancedTo(pos: number | false | undefined): boolean {
    if (pos === undefined || pos === false) return false;
    this.pos = pos;
    return true;
  }

  // Regenerates all 624 words in place. Word i mixes words i and i+1 with word i+M;
  // past the end those indices wrap onto words already regenerated, as in the reference.
  private twist(): void {
    const key = this.key;
    for (let i = 0; i < N; i++) {
      const next = i + 1 < N ? i + 1 : 0;
      const far = i + M < N ? i + M : i + M - N;
      const y = (key[i] & UPPER) | (key[next] & LOWER);
      key[i] = key[far] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    this.pos = 0;
  }
}
