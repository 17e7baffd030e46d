// The package's one entry point: `import { np, nnfs, Layer_Dense, ... } from "nnfs-ts"`.
import * as np from "./np";

export const version = "0.1.0";
export { np };
export type { NDArray } from "./np/core";
export { nnfs } from "./nnfs";
export { spiral_data, vertical_data, sine_data } from "./nnfs/datasets";
export { fashion_mnist, create_data_mnist, download_fashion_mnist, fashion_mnist_path } from "./nnfs/datasets/fashion_mnist";
export * from "./network";
export * from "./notebook/display";
export * from "./notebook/plots";
export * from "./notebook/diagrams";
export * from "./notebook/progress";
export * from "./notebook/table";
export { print, repr, str, format, f, float, PyFloat } from "./np/printing/python-print";
