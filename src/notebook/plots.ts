// Charts for the notebooks: a small figure builder over plotly.js traces, a few presets for the
// pictures the book draws (data by class, decision regions, loss curves, softmax outputs, images,
// confusion matrix), and `show()`, which sends one Jupyter display bundle per chart.
//
//   plot_classes(X, y, { title: "Spiral data" }).show();
//   figure({ title: "ReLU", xaxis: "x", yaxis: "y" }).line(x, relu, "ReLU").show();
import { inspect } from "util";
import type { Data, Layout } from "plotly.js";
import { NDArray } from "../np/core";
import { chartPicture } from "./chart-picture";
import { display, inNotebook, MimeBundle } from "./display";

/** One row of a training history: the epoch and the metrics logged with it ({ acc, loss, lr, ... }). */
export type HistoryRow = { epoch: number } & Record<string, number>;

/** Numbers for a chart: an NDArray (read flat, row-major) or any array of numbers. */
export type Values = NDArray | ArrayLike<number>;

/** Plotly's default colour cycle; class k is always COLORS[k % 10], in points and in regions. */
export const COLORS = [
  "#636efa", "#EF553B", "#00cc96", "#ab63fa", "#FFA15A",
  "#19d3f3", "#FF6692", "#B6E880", "#FF97FF", "#FECB52",
];

export interface FigureOptions {
  title?: string;
  /** Axis titles. */
  xaxis?: string;
  yaxis?: string;
  height?: number;
}

export interface LineStyle {
  dash?: "solid" | "dash" | "dot" | "dashdot";
  color?: string;
  /** Draws the points too. */
  markers?: boolean;
}

export class Figure {
  readonly data: Data[] = [];
  readonly layout: Partial<Layout>;
  /** What text/plain says after "Figure: <title>"; presets describe their data here. */
  description = "";

  constructor(options: FigureOptions = {}) {
    this.layout = {
      title: { text: options.title ?? "" },
      xaxis: { title: { text: options.xaxis ?? "" } },
      yaxis: { title: { text: options.yaxis ?? "" } },
      height: options.height ?? 420,
      colorway: COLORS,
      margin: { t: 50, r: 20, b: 50, l: 60 },
    };
  }

  add(trace: Data): this {
    this.data.push(trace);
    return this;
  }

  scatter(x: Values, y: Values, name?: string, color?: string): this {
    return this.add({ type: "scatter", mode: "markers", x: numbers(x), y: numbers(y), name, marker: { size: 6, color } });
  }

  line(x: Values, y: Values, name?: string, style: LineStyle = {}): this {
    return this.add({
      type: "scatter", mode: style.markers ? "lines+markers" : "lines", x: numbers(x), y: numbers(y), name,
      line: { dash: style.dash ?? "solid", color: style.color },
    });
  }

  bar(x: (string | number)[], y: Values, name?: string): this {
    return this.add({ type: "bar", x, y: numbers(y), name });
  }

  /** Several histograms on one figure overlap, half transparent. */
  histogram(values: Values, name?: string, nbins = 50): this {
    this.layout.barmode = "overlay";
    return this.add({ type: "histogram", x: numbers(values), name, nbinsx: nbins, opacity: 0.6 } as Data);
  }

  /** Points of 2-D data X (n, 2), one trace per class of y, named by `labels` when given. */
  classes(X: NDArray, y: Values, labels?: string[]): this {
    const [x0, x1] = [column(X, 0), column(X, 1)];
    const classOf = numbers(y);
    for (const c of distinct(classOf)) {
      const rows = indicesOf(classOf, c);
      this.scatter(rows.map((i) => x0[i]), rows.map((i) => x1[i]), labels?.[c] ?? `class ${c}`, COLORS[c % COLORS.length]);
    }
    this.layout.legend = { title: { text: "class" } };
    return this;
  }

  /** The `{ data, layout }` object plotly.js draws (and JSON.stringify writes). */
  toJSON(): { data: Data[]; layout: Partial<Layout> } {
    return { data: this.data, layout: this.layout };
  }

  summary(): string {
    const title = (this.layout.title as { text?: string }).text || "untitled";
    const points = this.data.reduce((n, t) => n + traceSize(t), 0);
    const details = this.description || `${this.data.length} trace${this.data.length === 1 ? "" : "s"}, ${points} points`;
    return `Figure: ${title} (${details})`;
  }

  /** Draws the figure in the notebook (its summary line outside Jupyter). */
  show(): void {
    display(figureBundle(this));
  }

  [inspect.custom](): string {
    return this.summary();
  }
}

export function figure(options: FigureOptions = {}): Figure {
  return new Figure(options);
}

/** Scatter of 2-D data coloured by class: spiral_data, vertical_data. */
export function plot_classes(X: NDArray, y: Values, options: FigureOptions & { labels?: string[] } = {}): Figure {
  const fig = figure({ xaxis: "x₀ (first feature)", yaxis: "x₁ (second feature)", ...options }).classes(X, y, options.labels);
  fig.description = `${countClasses(y)} classes, ${X.shape[0]} points`;
  return fig;
}

/** One group of bars per sample (row of a softmax output), one bar per class. */
export function plot_softmax(probabilities: NDArray, options: FigureOptions & { labels?: string[] } = {}): Figure {
  const [rows, k] = matrixShape(probabilities);
  const fig = figure({ title: "Softmax outputs", xaxis: "class", yaxis: "probability", ...options });
  const classNames = Array.from({ length: k }, (_, c) => options.labels?.[c] ?? `class ${c}`);
  for (let i = 0; i < rows; i++) fig.bar(classNames, probabilities.data.subarray(i * k, (i + 1) * k), `sample ${i}`);
  fig.layout.barmode = "group";
  fig.layout.yaxis = { ...fig.layout.yaxis, range: [0, 1] };
  fig.description = `${rows} samples, ${k} classes`;
  return fig;
}

/**
 * Curves of training history rows against epoch: one series per entry of `histories`
 * (e.g. per optimizer) and per metric. Long histories are thinned to about `max_points`
 * evenly spaced rows (the last row always kept), enough for a smooth curve at screen size.
 */
export function plot_history(
  histories: HistoryRow[] | Record<string, HistoryRow[]>,
  options: FigureOptions & { metrics?: string | string[]; max_points?: number } = {},
): Figure {
  const metrics = [options.metrics ?? "loss"].flat();
  const series = Array.isArray(histories) ? { "": histories } : histories;
  const fig = figure({ title: `${metrics.join(", ")} per epoch`, xaxis: "epoch", yaxis: metrics.join(", "), ...options });
  for (const [name, rows] of Object.entries(series)) {
    const kept = thin(rows, options.max_points ?? 500);
    for (const metric of metrics) {
      const label = [name, metrics.length > 1 || !name ? metric : ""].filter(Boolean).join(" ");
      fig.line(kept.map((r) => r.epoch), kept.map((r) => r[metric]), label);
    }
  }
  return fig;
}

/**
 * The classes a model predicts over the plane around X, as coloured regions under the data.
 * `predict` gets a (resolution², 2) grid of points and returns class indices, one row of class
 * probabilities per point (argmax is taken), or one sigmoid output per point (class = p > 0.5).
 */
export function plot_decision_regions(
  predict: (grid: NDArray) => Values,
  X: NDArray,
  y: Values,
  options: FigureOptions & { labels?: string[]; resolution?: number } = {},
): Figure {
  const n = options.resolution ?? 100;
  const { xs, ys, classes: predicted } = classGrid(predict, X, n);
  const k = Math.max(maxOf(numbers(y)), maxOf(predicted)) + 1;
  const z = Array.from({ length: n }, (_, j) => predicted.slice(j * n, (j + 1) * n));
  const fig = figure({ title: "Decision regions", xaxis: "x₀ (first feature)", yaxis: "x₁ (second feature)", ...options });
  fig.add({
    type: "heatmap", x: xs, y: ys, z, zmin: -0.5, zmax: k - 0.5, colorscale: classColorscale(k),
    opacity: 0.35, showscale: false, hoverinfo: "skip",
  });
  fig.classes(X, y, options.labels);
  fig.description = `${countClasses(y)} classes, ${X.shape[0]} points, ${n}×${n} grid`;
  return fig;
}

/** The class `predict` gives at each point of an n × n grid over X's range (10% margin). */
export interface ClassGrid {
  xs: number[];
  ys: number[];
  /** Row by row: classes[j * n + i] is the class at (xs[i], ys[j]). */
  classes: number[];
}

/** The grid plot_decision_regions colours; `predict` returns what it takes (see there). */
export function classGrid(predict: (grid: NDArray) => Values, X: NDArray, n: number): ClassGrid {
  const xs = gridLine(column(X, 0), n), ys = gridLine(column(X, 1), n);
  const grid = NDArray.empty([n * n, 2], X.dtype === "float32" ? "float32" : "float64");
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      grid.data[2 * (j * n + i)] = xs[i];
      grid.data[2 * (j * n + i) + 1] = ys[j];
    }
  }
  return { xs, ys, classes: classesOf(predict(grid), n * n) };
}

/** Greyscale images (n, h, w) or (n, h·w) with square images, in a grid with a title each. */
export function plot_images(images: NDArray, options: FigureOptions & { titles?: string[]; columns?: number } = {}): Figure {
  const count = images.shape[0];
  const pixels = images.size / count;
  const height = images.ndim === 3 ? images.shape[1] : Math.round(Math.sqrt(pixels));
  const width = pixels / height;
  const columns = Math.min(options.columns ?? 5, count);
  const rows = Math.ceil(count / columns);
  const fig = figure({ title: "Images", height: 60 + rows * 150, ...options });
  const grey = toGreyLevels(images.data);
  const axis = { showticklabels: false, showgrid: false, zeroline: false, ticks: "" as const };
  fig.layout.grid = { rows, columns, pattern: "independent" };
  fig.layout.annotations = [];
  for (let k = 0; k < count; k++) {
    const suffix = k === 0 ? "" : String(k + 1);
    const z = Array.from({ length: height }, (_, r) => grey.slice(k * pixels + r * width, k * pixels + (r + 1) * width));
    fig.add({ type: "heatmap", z, colorscale: "Greys", zmin: 0, zmax: 255, showscale: false, xaxis: `x${suffix}`, yaxis: `y${suffix}` });
    const layout = fig.layout as Record<string, unknown>;
    layout[`xaxis${suffix}`] = { ...axis, constrain: "domain" };
    layout[`yaxis${suffix}`] = { ...axis, autorange: "reversed", scaleanchor: `x${suffix}`, constrain: "domain" };
    const title = options.titles?.[k];
    if (title !== undefined) {
      fig.layout.annotations.push({
        text: title, showarrow: false, x: 0.5, y: 1, xanchor: "center", yanchor: "bottom",
        xref: `x${suffix} domain` as "paper", yref: `y${suffix} domain` as "paper",
      });
    }
  }
  fig.description = `${count} images, ${height}×${width}`;
  return fig;
}

/** Counts of (true class, predicted class) pairs, as an annotated heatmap. */
export function plot_confusion_matrix(y_true: Values, y_pred: Values, options: FigureOptions & { labels?: string[] } = {}): Figure {
  const truth = numbers(y_true), predicted = numbers(y_pred);
  const k = Math.max((options.labels?.length ?? 0) - 1, maxOf(truth), maxOf(predicted)) + 1;
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < truth.length; i++) counts[truth[i]][predicted[i]]++;
  const names = Array.from({ length: k }, (_, c) => options.labels?.[c] ?? String(c));
  const fig = figure({ title: "Confusion matrix", xaxis: "predicted class", yaxis: "true class", height: 520, ...options });
  fig.add({ type: "heatmap", x: names, y: names, z: counts, colorscale: "Blues", reversescale: true, texttemplate: "%{z}", hovertemplate: "true %{y}, predicted %{x}: %{z}<extra></extra>" } as Data);
  fig.layout.yaxis = { ...fig.layout.yaxis, autorange: "reversed" };
  const correct = counts.reduce((s, row, c) => s + row[c], 0);
  fig.description = `${k} classes, ${truth.length} samples, ${(100 * correct / truth.length).toFixed(1)}% on the diagonal`;
  return fig;
}

// ---- The display bundle ----

/** The picture's size when the layout gives none: about a notebook cell's width. */
const PICTURE_WIDTH = 720, PICTURE_HEIGHT = 420;

/**
 * One display bundle for a figure: the plotly JSON (drawn interactively by JupyterLab with
 * plotly's renderer, Notebook 7 and VS Code), a PNG picture of it for every viewer that cannot
 * run plotly.js (untrusted notebooks, GitHub, nbviewer, nbconvert), and a one-line text/plain
 * summary. The picture is drawn only inside a notebook (see chart-picture.ts).
 */
export function figureBundle(fig: Figure): MimeBundle {
  const json = figureJson(fig);
  const picture = inNotebook() ? chartPicture(json, fig.layout.width ?? PICTURE_WIDTH, fig.layout.height ?? PICTURE_HEIGHT) : null;
  return {
    "application/vnd.plotly.v1+json": JSON.parse(json),
    ...(picture === null ? {} : { "image/png": picture }),
    "text/plain": fig.summary(),
  };
}

/** The figure as the notebook stores it: plotly JSON with packed number arrays. */
export function figureJson(fig: Figure): string {
  return JSON.stringify({ data: fig.data.map(packTrace), layout: fig.layout }, roundForScreen);
}

// Six significant digits are far finer than a pixel and halve the JSON of float data.
function roundForScreen(_key: string, value: unknown): unknown {
  return typeof value === "number" && !Number.isInteger(value) ? Number(value.toPrecision(6)) : value;
}

const PACK_MIN = 16;

// Long number arrays of a trace travel as plotly.js's typed-array spec { dtype, bdata, shape }
// (base64 of the binary values, read by plotly.js >= 2.28 and sent the same way by plotly.py 6):
// one short line in the notebook file where a JSON list would take one line per number.
function packTrace(trace: Data): Data {
  const out: Record<string, unknown> = { ...trace };
  for (const [key, value] of Object.entries(out)) {
    const matrix = numberMatrix(value);
    if (matrix) out[key] = typedArraySpec(matrix.values, matrix.shape);
  }
  return out as Data;
}

/** A number[] or an equal-rows number[][] long enough to pack, flattened; null otherwise. */
function numberMatrix(value: unknown): { values: number[]; shape: number[] } | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  if (value.every((v) => typeof v === "number")) {
    return value.length >= PACK_MIN ? { values: value, shape: [value.length] } : null;
  }
  const width = Array.isArray(value[0]) ? value[0].length : -1;
  const rows = value as unknown[][];
  if (!rows.every((r) => Array.isArray(r) && r.length === width && r.every((v) => typeof v === "number"))) return null;
  return value.length * width >= PACK_MIN ? { values: (rows as number[][]).flat(), shape: [value.length, width] } : null;
}

/** The smallest plotly dtype holding the values exactly (integers), float32 otherwise. */
function typedArraySpec(values: number[], shape: number[]): { dtype: string; bdata: string; shape: string } {
  const lo = minOf(values), hi = maxOf(values);
  const [dtype, array]: [string, Uint8Array | Int16Array | Int32Array | Float32Array] =
    !values.every(Number.isInteger) ? ["f4", new Float32Array(values)]
    : lo >= 0 && hi <= 255 ? ["u1", new Uint8Array(values)]
    : lo >= -32768 && hi <= 32767 ? ["i2", new Int16Array(values)]
    : lo >= -(2 ** 31) && hi < 2 ** 31 ? ["i4", new Int32Array(values)]
    : ["f4", new Float32Array(values)];
  return { dtype, bdata: Buffer.from(array.buffer).toString("base64"), shape: shape.join(", ") };
}

// ---- Reading numbers out of arrays ----

function numbers(v: Values): number[] {
  return Array.from(v instanceof NDArray ? v.data : v);
}

function matrixShape(a: NDArray): [number, number] {
  if (a.ndim !== 2) throw new Error(`expected a 2-D array, got shape (${a.shape.join(", ")})`);
  return [a.shape[0], a.shape[1]];
}

function column(X: NDArray, j: number): number[] {
  const [n, d] = matrixShape(X);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = X.data[i * d + j];
  return out;
}

function distinct(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

function countClasses(y: Values): number {
  return distinct(numbers(y)).length;
}

function maxOf(values: number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max;
}

function minOf(values: number[]): number {
  let min = Infinity;
  for (const v of values) if (v < min) min = v;
  return min;
}

function indicesOf(values: number[], value: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] === value) out.push(i);
  return out;
}

function traceSize(trace: Data): number {
  const t = trace as { x?: ArrayLike<unknown>; z?: ArrayLike<unknown> };
  return (t.x ?? t.z)?.length ?? 0;
}

/** Evenly spaced rows, the last one included. */
function thin<T>(rows: T[], maxPoints: number): T[] {
  if (rows.length <= maxPoints) return rows;
  const step = Math.ceil(rows.length / maxPoints);
  const kept = rows.filter((_, i) => i % step === 0);
  if ((rows.length - 1) % step !== 0) kept.push(rows[rows.length - 1]);
  return kept;
}

/** n evenly spaced values covering the data with a 10% margin on each side. */
function gridLine(values: number[], n: number): number[] {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const margin = 0.1 * (hi - lo || 1);
  lo -= margin;
  hi += margin;
  return Array.from({ length: n }, (_, i) => lo + (i * (hi - lo)) / (n - 1));
}

/** A predict result -> one class index per grid point (see plot_decision_regions). */
function classesOf(result: Values, points: number): number[] {
  const values = numbers(result);
  const perPoint = values.length / points;
  if (!Number.isInteger(perPoint) || perPoint < 1) {
    throw new Error(`predict returned ${values.length} values for ${points} grid points`);
  }
  if (perPoint > 1) {
    return Array.from({ length: points }, (_, i) => argmax(values, i * perPoint, perPoint));
  }
  return values.every(Number.isInteger) ? values : values.map((p) => (p > 0.5 ? 1 : 0));
}

function argmax(values: number[], start: number, length: number): number {
  let best = 0;
  for (let c = 1; c < length; c++) if (values[start + c] > values[start + best]) best = c;
  return best;
}

/** Heatmap colours so that value k gets COLORS[k] exactly (steps, no blending). */
function classColorscale(k: number): [number, string][] {
  const scale: [number, string][] = [];
  for (let c = 0; c < k; c++) {
    scale.push([c / k, COLORS[c % COLORS.length]], [(c + 1) / k, COLORS[c % COLORS.length]]);
  }
  return scale;
}

/** Pixel values mapped linearly onto 0..255 whatever their scale (uint8, [0, 1], [-1, 1]). */
function toGreyLevels(data: ArrayLike<number>): number[] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < data.length; i++) {
    if (data[i] < lo) lo = data[i];
    if (data[i] > hi) hi = data[i];
  }
  const scale = hi > lo ? 255 / (hi - lo) : 0;
  return Array.from(data, (v) => Math.round((v - lo) * scale));
}
