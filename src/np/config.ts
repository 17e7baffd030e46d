// Process-wide switches that nnfs.init() flips, the way nnfs 0.5.1 monkey-patches NumPy.
// Creation, random and dot read them; nothing else should.
import type { DType } from "./dtype";

export const config = {
  /** dtype of zeros(shape) / eye(n) called without a dtype (nnfs: float32). */
  defaultFloat: "float64" as DType,
  /** randn's results are cast to this dtype (nnfs: float32). */
  randnDtype: "float64" as DType,
  /**
   * dot's policy: "numpy" computes in the operands' promoted dtype; "float64" (nnfs's
   * dot_precision_workaround) casts both operands to float64 and the result to float32;
   * "float32" casts the result to float32 only.
   */
  dotMode: "numpy" as "numpy" | "float64" | "float32",
};

export function resetConfig(): void {
  config.defaultFloat = "float64";
  config.randnDtype = "float64";
  config.dotMode = "numpy";
}
