// The package's one entry point: `import { np, nnfs, Layer_Dense, ... } from "nnfs-ts"`.
// Every name here is one the notebooks or the README use; everything else stays inside.
import * as np from "./np";

export const version = "0.1.0";

// NumPy and Python
export { np };
export { NDArray } from "./np/core";
export { print, format, f, float } from "./np/printing/python-print";

// The nnfs package: init() and the datasets
export { nnfs } from "./nnfs";
export { spiral_data, vertical_data, sine_data } from "./nnfs/datasets";
export { fashion_mnist, create_data_mnist, fashion_mnist_path } from "./nnfs/datasets/fashion_mnist";

// The book's classes
export { Layer_Dense, Layer_Dropout, Layer_Input } from "./network/layers";
export {
  Activation_ReLU, Activation_Softmax, Activation_Sigmoid, Activation_Linear,
  Activation_Step, Activation_Tanh, Activation_LeakyReLU, Activation_Swish,
} from "./network/activations";
export {
  Loss, Loss_CategoricalCrossentropy, Activation_Softmax_Loss_CategoricalCrossentropy,
  Loss_BinaryCrossentropy, Loss_MeanSquaredError, Loss_MeanAbsoluteError,
} from "./network/losses";
export type { Optimizer } from "./network/optimizers";
export { Optimizer_SGD, Optimizer_Adagrad, Optimizer_RMSprop, Optimizer_Adam } from "./network/optimizers";
export { Accuracy, Accuracy_Categorical, Accuracy_Regression } from "./network/accuracy";
export { Model } from "./network/model";
export type { LayerParameters } from "./network/layers";
// Chapter 21 writes the Model's save and load on top of these: files that hold only data
export { writeParameters, readParameters, writeModel, readModel } from "./network/serialization";
export type { SavedModel } from "./network/serialization";

// What a cell shows: charts, live progress, tables
export { figure, plot_classes, plot_softmax, plot_history, plot_decision_regions, plot_images, plot_confusion_matrix } from "./notebook/plots";
export type { Figure } from "./notebook/plots";
export { plot_activation, plot_graph } from "./notebook/diagrams";
export { TrainingProgress } from "./notebook/progress";
export type { HistoryRow } from "./notebook/progress";
export { history_dataframe, show_table } from "./notebook/table";

// The chapters' exercises: exercises.ch04.relu.check(...), hint(), solution(); TODO marks a blank
export { exercises, TODO, check_against_library } from "./exercises";
