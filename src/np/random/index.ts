// np.random: NumPy's legacy RandomState, draw for draw. The book seeds it (nnfs.init()
// calls np.random.seed(0)), so every weight, dataset and dropout mask must come out of
// the same MT19937 stream through the same algorithms as NumPy's, or no printed number
// would match. A module-level instance stands behind np.random.seed, rand, randn, ...
import { randomBytes } from "crypto";
import { config } from "../config";
import { NDArray, Shape, pythonTypeName } from "../core";
import { DType, castValue, isFloatStorage } from "../dtype";
import { allocateForResult } from "../memory";
import { checkKeywords } from "../keywords";
import { toShape } from "../creation";
import { MT19937 } from "./mt19937";
import { native } from "../native";

/** NumPy's `size`: a length, a shape, or nothing for a single JS number. */
export type Size = number | Shape;

/** Python's `size=` keyword. */
export interface SizeOption {
  /** The shape of the array of draws (a length for 1-D); null or omitted for one JS number. */
  size?: Size | null;
}

/** No size, positionally or as the keyword: one draw, a JS number. */
export type NoSize = null | { size?: null };
/** A size, positionally or as the keyword: an array of draws. */
export type GivenSize = Size | { size: Size };

/** Keywords of uniform. */
export interface UniformOptions extends SizeOption {
  /** The lower bound, included (0 by default). */
  low?: number;
  /** The upper bound, excluded (1 by default). */
  high?: number;
}

/** What get_state() returns, as NumPy's legacy tuple. */
export type RandomStateTuple = [name: "MT19937", key: Uint32Array, pos: number, has_gauss: number, cached_gaussian: number];

export class RandomState {
  private readonly mt = new MT19937();
  // The polar method makes Gaussians in pairs; the second waits here for the next call.
  private hasGauss = false;
  private gauss = 0;
  // Where the Gaussian kernel leaves an odd count's spare value, and where one draw goes.
  private readonly spare = new Float64Array(1);
  private readonly single = new Float64Array(1);

  /** Seeded like NumPy: an integer in [0, 2**32), or fresh entropy when omitted. */
  constructor(seed?: number | null) {
    this.seed(seed);
  }

  /** Restarts the stream from `seed`, an integer in [0, 2**32) (fresh entropy when omitted), as NumPy's seed. */
  seed(seed?: number | null): void {
    const s = seed ?? randomBytes(4).readUInt32LE(0);
    if (typeof s !== "number" || !Number.isInteger(s)) {
      // NumPy names the seed's own dtype: a str of n characters is '<Un'.
      const given = typeof s === "string" ? `<U${(s as string).length}` : "float64";
      throw new TypeError(`Cannot cast scalar from dtype('${given}') to dtype('int64') according to the rule 'safe'`);
    }
    if (s < 0 || s > 0xffffffff) throw new RangeError("Seed must be between 0 and 2**32 - 1");
    this.mt.seed(s);
    this.hasGauss = false;
    this.gauss = 0;
  }

  /** NumPy's get_state(): ['MT19937', key (624 words), pos, has_gauss, cached_gaussian], a copy. */
  get_state(): RandomStateTuple {
    return ["MT19937", Uint32Array.from(this.mt.key), this.mt.pos, this.hasGauss ? 1 : 0, this.gauss];
  }

  /** NumPy's set_state(state): continues the stream exactly where get_state() left it. */
  set_state(state: RandomStateTuple): void {
    const [name, key, pos, has_gauss, cached_gaussian] = state;
    if (name !== "MT19937" || key.length !== this.mt.key.length || !(pos >= 0 && pos <= key.length)) {
      throw new TypeError("set_state can only be used with legacy MT19937 state instances");
    }
    this.mt.key.set(key);
    this.mt.pos = pos;
    this.hasGauss = has_gauss === 1;
    this.gauss = cached_gaussian;
  }

  /** random_sample(size=None): floats uniform in [0, 1). */
  random_sample(size?: NoSize): number;
  random_sample(size: GivenSize): NDArray;
  random_sample(size?: NoSize | GivenSize): NDArray | number;
  random_sample(size?: NoSize | GivenSize): NDArray | number {
    return this.fill("random_sample", size, "float64", () => this.mt.nextDouble(), (data) => this.mt.fillDoubles(data));
  }

  /** random(size=None): random_sample's other name, floats uniform in [0, 1). */
  random(size?: NoSize): number;
  random(size: GivenSize): NDArray;
  random(size?: NoSize | GivenSize): NDArray | number;
  random(size?: NoSize | GivenSize): NDArray | number {
    return this.random_sample(size);
  }

  /** rand(d0, d1, ...): floats uniform in [0, 1) of shape (d0, d1, ...), random_sample with the shape as arguments. */
  rand(): number;
  rand(d0: number, ...dn: number[]): NDArray;
  rand(...dims: number[]): NDArray | number;
  rand(...dims: number[]): NDArray | number {
    return this.random_sample(dims.length ? dims : undefined);
  }

  /**
   * randn(d0, d1, ...): standard normal draws of shape (d0, d1, ...). The dtype is
   * config.randnDtype: nnfs.init() makes it float32, a cast of the float64 draws, as nnfs's patched randn does.
   */
  randn(): number;
  randn(d0: number, ...dn: number[]): NDArray;
  randn(...dims: number[]): NDArray | number;
  randn(...dims: number[]): NDArray | number {
    return this.fill("randn", dims.length ? dims : undefined, config.randnDtype, () => this.nextGauss(), (data) => this.gaussians(data));
  }

  /** standard_normal(size=None): standard normal draws, float64. */
  standard_normal(size?: NoSize): number;
  standard_normal(size: GivenSize): NDArray;
  standard_normal(size?: NoSize | GivenSize): NDArray | number;
  standard_normal(size?: NoSize | GivenSize): NDArray | number {
    return this.fill("standard_normal", size, "float64", () => this.nextGauss(), (data) => this.gaussians(data));
  }

  /** randint(low, high=None, size=None): integers in [low, high) (or [0, low) with one bound), int64, by masked rejection. */
  randint(low: number, high?: number | null, size?: NoSize): number;
  randint(low: number, high: number | null | undefined, size: GivenSize): NDArray;
  randint(low: number, high?: number | null, size?: NoSize | GivenSize): NDArray | number;
  randint(low: number, high?: number | null, size?: NoSize | GivenSize): NDArray | number {
    let lo = toInt(low);
    let hi = high === undefined || high === null ? lo : toInt(high);
    if (high === undefined || high === null) lo = 0;
    if (lo < -(2 ** 63)) throw new RangeError("low is out of bounds for int64");
    if (hi - 1 > 2 ** 63 - 1) throw new RangeError("high is out of bounds for int64");
    if (lo >= hi) throw new RangeError("low >= high");
    const range = hi - 1 - lo;
    return this.fill("randint", size, "int64", () => lo + this.bounded(range));
  }

  /** uniform(low=0.0, high=1.0, size=None): floats uniform in [low, high), low + (high - low) * random_sample. */
  uniform(low?: number, high?: number, size?: NoSize): number;
  uniform(low: number, high: number, size: GivenSize): NDArray;
  uniform(options: UniformOptions & { size?: null }): number;
  uniform(options: UniformOptions & { size: Size }): NDArray;
  uniform(low?: number | UniformOptions, high?: number, size?: NoSize | GivenSize): NDArray | number;
  uniform(low: number | UniformOptions = 0, high = 1, size?: NoSize | GivenSize): NDArray | number {
    if (typeof low === "object") {
      checkKeywords("uniform", low, ["low", "high", "size"]);
      return this.uniform(low.low ?? 0, low.high ?? 1, low.size);
    }
    for (const bound of [low, high]) {
      // Strings would make a NaN range and draw NaNs; Python's float() refuses them.
      if (typeof bound === "string") throw new Error(`could not convert string to float: '${bound}'`);
    }
    const range = high - low;
    if (!Number.isFinite(range)) throw new RangeError("Range exceeds valid bounds");
    return this.fill("uniform", size, "float64", () => low + range * this.mt.nextDouble());
  }

  /** binomial(n, p, size=None): successes in n trials of probability p (the book's dropout masks), int64. */
  binomial(n: number, p: number, size?: NoSize): number;
  binomial(n: number, p: number, size: GivenSize): NDArray;
  binomial(n: number, p: number, size?: NoSize | GivenSize): NDArray | number;
  binomial(n: number, p: number, size?: NoSize | GivenSize): NDArray | number {
    if (!(p >= 0 && p <= 1)) throw new RangeError("p < 0, p > 1 or p is NaN");
    const trials = toInt(n);
    if (trials < 0) throw new RangeError("n < 0");
    // n is a C long in NumPy; far beyond one (1e300) the sampler here would never finish.
    if (trials > 2 ** 63 - 1) throw new RangeError("Python int too large to convert to C long");
    const { draw, drawAll } = binomialSampler(this.mt, trials, p);
    return this.fill("binomial", size, "int64", draw, drawAll);
  }

  /** shuffle(x): shuffles in place along the first axis (rows of a 2-D array), Fisher–Yates from the end. */
  shuffle(x: NDArray | unknown[]): void {
    if (!Array.isArray(x) && !(x instanceof NDArray)) {
      throw new TypeError(`object of type '${Number.isInteger(x) ? "int" : pythonTypeName(x)}' has no len()`);
    }
    if (Array.isArray(x)) {
      for (let i = x.length - 1; i > 0; i--) {
        const j = this.bounded(i);
        [x[i], x[j]] = [x[j], x[i]];
      }
      return;
    }
    if (x.ndim === 0) throw new TypeError("len() of unsized object");
    if (x.size === 0) return;
    const n = x.shape[0];
    const row = x.size / n;
    const data = x.data;
    const saved = data.slice(0, row);
    for (let i = n - 1; i > 0; i--) {
      const j = this.bounded(i);
      if (row === 1) {
        const t = data[i];
        data[i] = data[j];
        data[j] = t;
      } else if (i !== j) {
        saved.set(data.subarray(j * row, (j + 1) * row));
        data.copyWithin(j * row, i * row, (i + 1) * row);
        data.set(saved, i * row);
      }
    }
  }

  /** permutation(x): a shuffled copy of x, or of arange(x) (int64) for a number. */
  permutation(x: number | NDArray | number[]): NDArray {
    let out: NDArray;
    if (typeof x === "number") {
      if (!Number.isInteger(x)) throw new RangeError("x must be an integer or at least 1-dimensional");
      out = NDArray.empty([Math.max(0, x)], "int64");
      out.data.forEach((_, i, data) => (data[i] = i));
    } else if (Array.isArray(x)) {
      out = new NDArray(Float64Array.from(x), [x.length], x.every(Number.isInteger) ? "int64" : "float64");
    } else {
      if (x.ndim === 0) throw new RangeError("x must be an integer or at least 1-dimensional");
      out = x.copy();
    }
    this.shuffle(out);
    return out;
  }

  /** One legacy Gaussian: the polar method, whose spare value is kept for the next call. */
  private nextGauss(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      return this.gauss;
    }
    if (this.gaussians(this.single)) return this.single[0];
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2 * this.mt.nextDouble() - 1;
      x2 = 2 * this.mt.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /**
   * Fills `out` with what nextGauss() would give, one call after another, by the C++ kernel,
   * whose log is the C library's, as NumPy's is (false, drawing nothing, without the kernels).
   */
  private gaussians(out: Float64Array): boolean {
    const start = out.length > 0 && this.hasGauss ? 1 : 0;
    if (!this.mt.advancedTo(native?.gaussians(this.mt.key, this.mt.pos, out.subarray(start), this.spare))) return false;
    if (start) {
      out[0] = this.gauss;
      this.hasGauss = false;
    }
    if ((out.length - start) % 2 === 1) [this.gauss, this.hasGauss] = [this.spare[0], true];
    return true;
  }

  /** An integer in [0, range]: the draw masked to range's bit length, redrawn until it fits. */
  private bounded(range: number): number {
    if (range === 0) return 0;
    if (range <= 0xffffffff) {
      const mask = bitMask(range);
      let v: number;
      do v = (this.mt.next32() & mask) >>> 0;
      while (v > range);
      return v;
    }
    // Past 32 bits NumPy draws 64: the high word first. Exact while range < 2**53.
    const highMask = bitMask(Math.floor(range / 0x100000000));
    let v: number;
    do v = ((this.mt.next32() & highMask) >>> 0) * 0x100000000 + this.mt.next32();
    while (v > range);
    return v;
  }

  /**
   * A JS number when size is omitted (as NumPy returns a Python scalar), else an array of draws:
   * all at once by `drawAll` where it can (the C++ kernels), else one by one.
   */
  private fill(
    callee: string, size: NoSize | GivenSize | undefined, dtype: DType, draw: () => number, drawAll?: (data: Float64Array) => boolean,
  ): NDArray | number {
    const named = size !== null && typeof size === "object" && !Array.isArray(size);
    if (named) checkKeywords(callee, size, ["size"]);
    const s = named ? (size as SizeOption).size : (size as Size | null | undefined);
    if (s === undefined || s === null) return castValue(dtype, draw());
    const out = NDArray.forResult(toShape(s), dtype);
    const data = out.data;
    // Float32 (nnfs's randn) takes the float64 draws, each rounded to float32 as castValue does.
    if (drawAll && isFloatStorage(data)) {
      const wide = data instanceof Float64Array ? data : (allocateForResult("float64", data.length) as Float64Array);
      if (drawAll(wide)) {
        if (wide !== data) data.set(wide);
        return out;
      }
    }
    for (let i = 0; i < data.length; i++) data[i] = draw();
    return out;
  }
}

/**
 * Python's int() of a count or bound: NaN and infinity are refused (truncated, they would make a
 * NaN range that draws garbage, or a sampling loop that never ends).
 */
function toInt(value: number): number {
  if (typeof value === "string" && Number.isNaN(Number(value))) throw new Error(`invalid literal for int() with base 10: '${value}'`);
  if (Number.isNaN(value) || Math.abs(value) === Infinity) {
    throw new RangeError(`cannot convert float ${Number.isNaN(value) ? "NaN" : "infinity"} to integer`);
  }
  return Math.trunc(value);
}

/** The smallest all-ones mask covering `value` (value < 2**32). */
function bitMask(value: number): number {
  let mask = value;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  return mask;
}

// ---- binomial: NumPy's legacy algorithm choice and its two samplers -------------

/**
 * A sampler of Binomial(n, p). Legacy NumPy samples with the smaller of p and 1 - p
 * (counting failures when p > 0.5): inversion while n·min(p, 1-p) <= 30, BTPE above.
 */
function binomialSampler(mt: MT19937, n: number, p: number): { draw: () => number; drawAll?: (data: Float64Array) => boolean } {
  const flip = p > 0.5;
  const pp = flip ? 1 - p : p;
  if (pp * n <= 30) {
    const { draw, qn, bound } = inversion(mt, n, pp);
    // The C++ kernel runs the same walk (a dropout mask is one draw per neuron per step).
    const drawAll = (data: Float64Array) => mt.advancedTo(native?.binomialInversion(mt.key, mt.pos, data, n, pp, qn, bound, flip));
    return { draw: flip ? () => n - draw() : draw, drawAll };
  }
  const draw = btpe(mt, n, pp);
  return { draw: flip ? () => n - draw() : draw };
}

/** Walks the CDF from 0 until a uniform is used up; restarts past a far bound. */
function inversion(mt: MT19937, n: number, p: number): { draw: () => number; qn: number; bound: number } {
  const q = 1 - p;
  const qn = Math.exp(n * Math.log(q));
  const np = n * p;
  const bound = Math.trunc(Math.min(n, np + 10 * Math.sqrt(np * q + 1)));
  const draw = () => {
    let x = 0;
    let px = qn;
    let u = mt.nextDouble();
    while (u > px) {
      x++;
      if (x > bound) {
        x = 0;
        px = qn;
        u = mt.nextDouble();
      } else {
        u -= px;
        px = ((n - x + 1) * p * px) / (x * q);
      }
    }
    return x;
  };
  return { draw, qn, bound };
}

/**
 * Kachitvichyanukul & Schmeiser's BTPE (p <= 0.5 here): a triangle, two parallelograms
 * and two exponential tails cover the mass; a candidate is accepted by an explicit
 * ratio near the mode, else by squeezes and Stirling's series.
 */
function btpe(mt: MT19937, n: number, p: number): () => number {
  const r = Math.min(p, 1 - p);
  const q = 1 - r;
  const fm = n * r + r;
  const m = Math.floor(fm);
  const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
  const xm = m + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  const al = (fm - xl) / (fm - xl * r);
  const laml = al * (1 + al / 2);
  const ar = (xr - fm) / (xr * q);
  const lamr = ar * (1 + ar / 2);
  const p2 = p1 * (1 + 2 * c);
  const p3 = p2 + c / laml;
  const p4 = p3 + c / lamr;
  const nrq = n * r * q;

  const accepts = (y: number, v: number): boolean => {
    const k = Math.abs(y - m);
    if (!(k > 20 && k < nrq / 2 - 1)) {
      // Near the mode: the exact ratio f(y)/f(m) by recursion.
      const s = r / q;
      const a = s * (n + 1);
      let f = 1;
      if (m < y) for (let i = m + 1; i <= y; i++) f *= a / i - s;
      else if (m > y) for (let i = y + 1; i <= m; i++) f /= a / i - s;
      return v <= f;
    }
    const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    const t = (-k * k) / (2 * nrq);
    const logV = Math.log(v);
    if (logV < t - rho) return true;
    if (logV > t + rho) return false;
    const x1 = y + 1;
    const f1 = m + 1;
    const z = n + 1 - m;
    const w = n - y + 1;
    return !(logV > xm * Math.log(f1 / x1) + (n - m + 0.5) * Math.log(z / w) + (y - m) * Math.log((w * r) / (x1 * q)) +
      stirlingTail(f1) + stirlingTail(z) + stirlingTail(x1) + stirlingTail(w));
  };

  return () => {
    for (;;) {
      const u = mt.nextDouble() * p4;
      let v = mt.nextDouble();
      let y: number;
      if (u <= p1) return Math.floor(xm - p1 * v + u);
      if (u <= p2) {
        const x = xl + (u - p1) / c;
        v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
        if (v > 1) continue;
        y = Math.floor(x);
      } else if (u <= p3) {
        y = Math.floor(xl + Math.log(v) / laml);
        if (y < 0 || v === 0) continue;
        v = v * (u - p2) * laml;
      } else {
        y = Math.floor(xr - Math.log(v) / lamr);
        if (y > n || v === 0) continue;
        v = v * (u - p3) * lamr;
      }
      if (accepts(y, v)) return y;
    }
  };
}

/** The correction term of Stirling's series for log(x!), as BTPE evaluates it. */
function stirlingTail(x: number): number {
  const x2 = x * x;
  return (13680 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x / 166320;
}

// ---- the module-level stream behind np.random.* ----------------------------------

const globalState = new RandomState();

/** np.random.get_state(): the global stream's state, to restore with set_state. */
export function get_state(): RandomStateTuple {
  return globalState.get_state();
}

/** np.random.set_state(state): puts the global stream back where get_state() found it. */
export function set_state(state: RandomStateTuple): void {
  globalState.set_state(state);
}

/** np.random.seed(seed=None): restarts the global stream (nnfs.init() calls seed(0)). */
export function seed(seed?: number | null): void {
  globalState.seed(seed);
}

/** np.random.random_sample(size=None): floats uniform in [0, 1). */
export function random_sample(size?: NoSize): number;
export function random_sample(size: GivenSize): NDArray;
export function random_sample(size?: NoSize | GivenSize): NDArray | number {
  return globalState.random_sample(size);
}

/** np.random.random(size=None): random_sample's other name, floats uniform in [0, 1). */
export function random(size?: NoSize): number;
export function random(size: GivenSize): NDArray;
export function random(size?: NoSize | GivenSize): NDArray | number {
  return globalState.random_sample(size);
}

/** np.random.rand(d0, d1, ...): floats uniform in [0, 1) of shape (d0, d1, ...); a number without arguments. */
export function rand(): number;
export function rand(d0: number, ...dn: number[]): NDArray;
export function rand(...dims: number[]): NDArray | number;
export function rand(...dims: number[]): NDArray | number {
  return globalState.rand(...dims);
}

/** np.random.randn(d0, d1, ...): standard normal draws of shape (d0, d1, ...), float32 after nnfs.init(); a number without arguments. */
export function randn(): number;
export function randn(d0: number, ...dn: number[]): NDArray;
export function randn(...dims: number[]): NDArray | number;
export function randn(...dims: number[]): NDArray | number {
  return globalState.randn(...dims);
}

/** np.random.standard_normal(size=None): standard normal draws, float64. */
export function standard_normal(size?: NoSize): number;
export function standard_normal(size: GivenSize): NDArray;
export function standard_normal(size?: NoSize | GivenSize): NDArray | number {
  return globalState.standard_normal(size);
}

/** np.random.randint(low, high=None, size=None): integers in [low, high), or [0, low) with one bound, int64. */
export function randint(low: number, high?: number | null, size?: NoSize): number;
export function randint(low: number, high: number | null | undefined, size: GivenSize): NDArray;
export function randint(low: number, high?: number | null, size?: NoSize | GivenSize): NDArray | number {
  return globalState.randint(low, high, size);
}

/** np.random.uniform(low=0.0, high=1.0, size=None): floats uniform in [low, high). */
export function uniform(low?: number, high?: number, size?: NoSize): number;
export function uniform(low: number, high: number, size: GivenSize): NDArray;
export function uniform(options: UniformOptions & { size?: null }): number;
export function uniform(options: UniformOptions & { size: Size }): NDArray;
export function uniform(low?: number | UniformOptions, high?: number, size?: NoSize | GivenSize): NDArray | number {
  return globalState.uniform(low, high, size);
}

/** np.random.binomial(n, p, size=None): successes in n trials of probability p, int64 (the book's dropout masks). */
export function binomial(n: number, p: number, size?: NoSize): number;
export function binomial(n: number, p: number, size: GivenSize): NDArray;
export function binomial(n: number, p: number, size?: NoSize | GivenSize): NDArray | number {
  return globalState.binomial(n, p, size);
}

/** np.random.shuffle(x): shuffles an array's rows (or a JS list) in place. */
export function shuffle(x: NDArray | unknown[]): void {
  globalState.shuffle(x);
}

/** np.random.permutation(x): a shuffled copy of x, or of arange(x) for a number. */
export function permutation(x: number | NDArray | number[]): NDArray {
  return globalState.permutation(x);
}
