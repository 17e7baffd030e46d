// The `nnfs` package's two halves: init() and the datasets.
//
// nnfs 0.5.1's init() monkey-patches NumPy so the book's numbers come out the same on
// every machine. What it patches, and where each patch lives here (src/np/config.ts):
// - np.random.seed(random_seed) on the legacy global RandomState (clears the cached Gaussian);
// - np.random.randn: results cast to default_dtype            -> config.randnDtype;
// - np.zeros and np.eye: dtype=default_dtype when called with at most one positional
//   argument and no dtype keyword                               -> config.defaultFloat;
// - np.dot: with dot_precision_workaround, both operands cast to float64 and the result
//   to float32 (dotMode "float64"); without it, the result cast to default_dtype ("float32").
// Everything else (ones, zeros_like, linspace, arange, binomial, shuffle) stays NumPy's.
import { config, resetConfig } from "../np/config";
import { DType } from "../np/dtype";
import { checkKeywords } from "../np/keywords";
import { seed } from "../np/random";
import * as datasets from "./datasets";

/** Keywords of nnfs.init. */
export interface InitOptions {
  /** np.dot sums in float64 and rounds the result to float32 (true by default), so the book's numbers come out on any machine. */
  dot_precision_workaround?: boolean;
  /** The dtype of randn, zeros(shape) and eye(n): 'float32' as the book has it; null (Python's None) leaves NumPy's float64. */
  default_dtype?: "float32" | "float64" | null;
  /** The seed of np.random's global stream (0 by default); null (Python's None) leaves the stream unseeded. */
  random_seed?: number | null;
}

/** nnfs.init(): the book's setup, float32 defaults, np.dot's precision workaround and np.random.seed(0). */
export function init(options: InitOptions = {}): void {
  // One object of keywords: a second argument (init({}, 42) for a seed) would be ignored.
  if (arguments.length > 1) throw new TypeError(`init() takes its keyword arguments as one object, but ${arguments.length} arguments were given`);
  checkKeywords("init", options, ["dot_precision_workaround", "default_dtype", "random_seed"]);
  // null, as checkKeywords allows it, is no keywords (it used to fail reading a property of null).
  const { dot_precision_workaround = true, default_dtype = "float32", random_seed = 0 } = options ?? {};
  // Checked before anything is reset, so a refused call leaves the previous setup in force.
  if (typeof dot_precision_workaround !== "boolean") {
    throw new TypeError(`init() argument 'dot_precision_workaround' must be true or false, got ${JSON.stringify(dot_precision_workaround)}`);
  }
  if (![null, "float32", "float64"].includes(default_dtype)) {
    throw new TypeError(`init() argument 'default_dtype' must be 'float32', 'float64' or null, got ${JSON.stringify(default_dtype)}`);
  }
  // Seeding first: it refuses a bad seed (-1, 1.5) before the setup below is reset.
  if (random_seed !== null) seed(random_seed);
  resetConfig();
  if (default_dtype) {
    config.randnDtype = default_dtype as DType;
    config.defaultFloat = default_dtype as DType;
  }
  if (dot_precision_workaround) config.dotMode = "float64";
  // (default_dtype 'float64' casts dot's result to float64: left as NumPy's dot.)
  else if (default_dtype === "float32") config.dotMode = "float32";
}

export const nnfs = { init, datasets };
