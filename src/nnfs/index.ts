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
import { seed } from "../np/random";
import * as datasets from "./datasets";

export interface InitOptions {
  dot_precision_workaround?: boolean;
  /** 'float32' as the book has it; null (Python's None) leaves dtypes alone. */
  default_dtype?: "float32" | "float64" | null;
  /** null (Python's None) leaves the stream unseeded. */
  random_seed?: number | null;
}

export function init(options: InitOptions = {}): void {
  const { dot_precision_workaround = true, default_dtype = "float32", random_seed = 0 } = options;
  resetConfig();
  if (default_dtype) {
    config.randnDtype = default_dtype as DType;
    config.defaultFloat = default_dtype as DType;
  }
  if (dot_precision_workaround) config.dotMode = "float64";
  // (default_dtype 'float64' casts dot's result to float64: left as NumPy's dot.)
  else if (default_dtype === "float32") config.dotMode = "float32";
  if (random_seed !== null) seed(random_seed);
}

export const nnfs = { init, datasets };
