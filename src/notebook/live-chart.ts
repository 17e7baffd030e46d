// The chart a TrainingProgress redraws while a network trains: loss and accuracy so far and, for
// 2-D data, the class the network predicts over the plane with the data on top, as TensorFlow
// Playground shows a boundary forming.
//
// Live frames are SVG written here, not plotly figures: for update_display_data JupyterLab keeps
// an output's renderer and hands it the new data, and plotly's renderer ignores new data once it
// has drawn, while the SVG renderer redraws. A frame takes about a millisecond to write; a PNG
// from Chromium would take hundreds, so the final frame alone becomes a plotly figure with its
// picture (finalFigure), like every other chart, and stays in the saved notebook.
import { NDArray } from "../np/core";
import { encodePng } from "./png";
import { ClassGrid, COLORS, Figure, figure, plot_decision_regions, Values } from "./plots";

/** The data whose decision regions are drawn, and the network's current guess at any points. */
export interface Regions {
  /** The 2-D points (n, 2) and their classes, drawn on top of the regions. */
  X: NDArray;
  y: Values;
  /**
   * Class scores (one row per point), class indices, or one sigmoid output per point, for a
   * (resolution², 2) grid of points. It runs between the loop's forward and backward passes, so
   * it must leave the layers as they are: compute with the weights, do not call forward.
   */
  predict: (grid: NDArray) => Values;
  /** Epochs between two redraws of the regions (default 200). */
  every?: number;
  /** Grid points per side (default 50). */
  resolution?: number;
}

/** One point of a curve: x in epochs done, and the metrics of that update. */
export interface CurvePoint {
  x: number;
  loss?: number;
  acc?: number;
}

export interface ChartState {
  /** The line above the chart: epoch, metrics, time. */
  title: string;
  /** The epoch axis: first and last epoch of the whole run, so the curves grow rightwards. */
  xRange: [number, number];
  curves: CurvePoint[];
  regions: ClassGrid | null;
  /** The epoch the regions were computed at. */
  regionsEpoch: number;
  points: { X: NDArray; y: Values } | null;
}

const WIDTH = 720, HEIGHT = 300, TOP = 48, BOTTOM = 260;
const LOSS_COLOR = COLORS[0], ACC_COLOR = COLORS[1];
/** Points drawn at most; larger data sets show an even sample of theirs (samplePoints). */
const MAX_POINTS = 600;

/** One live frame, an SVG document. */
export function liveSvg(state: ChartState): string {
  const right = state.regions ? 410 : WIDTH - 60;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="11">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="12" y="20" font-size="13">${escapeXml(state.title)}</text>`,
    ...curvesSvg(state, 60, right),
  ];
  if (state.regions && state.points) parts.push(...regionsSvg(state.regions, state.points, state.regionsEpoch, 470, 690));
  parts.push("</svg>");
  return parts.join("\n");
}

function curvesSvg(state: ChartState, left: number, right: number): string[] {
  const [x0, x1] = state.xRange;
  const losses = state.curves.map((p) => p.loss).filter((v): v is number => v !== undefined && Number.isFinite(v));
  const lossTop = niceCeiling(Math.max(...losses, 1e-12));
  const sx = (x: number) => left + ((x - x0) / (x1 - x0 || 1)) * (right - left);
  const sy = (v: number, top: number) => BOTTOM - (Math.min(v, top) / top) * (BOTTOM - TOP);
  const out = [
    `<rect x="${left}" y="${TOP}" width="${right - left}" height="${BOTTOM - TOP}" fill="#f4f6fa" stroke="#ccc"/>`,
    `<text x="${left}" y="${TOP - 8}" fill="${LOSS_COLOR}">loss</text>`,
    `<text x="${right}" y="${TOP - 8}" fill="${ACC_COLOR}" text-anchor="end">accuracy</text>`,
    `<text x="${(left + right) / 2}" y="${BOTTOM + 30}" text-anchor="middle">epoch</text>`,
  ];
  for (const f of [0, 0.5, 1]) {
    const y = sy(f, 1);
    out.push(`<line x1="${left}" x2="${right}" y1="${y}" y2="${y}" stroke="#ddd"/>`,
      `<text x="${left - 4}" y="${y + 4}" text-anchor="end" fill="${LOSS_COLOR}">${trimNumber(f * lossTop)}</text>`,
      `<text x="${right + 4}" y="${y + 4}" fill="${ACC_COLOR}">${f}</text>`);
  }
  for (const x of [x0, x1]) out.push(`<text x="${sx(x)}" y="${BOTTOM + 15}" text-anchor="middle">${x}</text>`);
  const line = (metric: "loss" | "acc", top: number, color: string) => {
    const xy = state.curves.filter((p) => p[metric] !== undefined && Number.isFinite(p[metric]))
      .map((p) => `${sx(p.x).toFixed(1)},${sy(p[metric] as number, top).toFixed(1)}`);
    if (xy.length > 0) out.push(`<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${xy.join(" ")}"/>`);
  };
  line("loss", lossTop, LOSS_COLOR);
  line("acc", 1, ACC_COLOR);
  return out;
}

function regionsSvg(grid: ClassGrid, points: { X: NDArray; y: Values }, epoch: number, left: number, right: number): string[] {
  const n = grid.xs.length, size = right - left;
  const [xLo, xHi] = [grid.xs[0], grid.xs[n - 1]], [yLo, yHi] = [grid.ys[0], grid.ys[n - 1]];
  const sx = (x: number) => left + ((x - xLo) / (xHi - xLo)) * size;
  const sy = (y: number) => TOP + size - ((y - yLo) / (yHi - yLo)) * size;
  const out = [
    `<text x="${left}" y="${TOP - 8}">decision regions, epoch ${epoch}</text>`,
    `<image x="${left}" y="${TOP}" width="${size}" height="${size}" preserveAspectRatio="none" href="data:image/png;base64,${regionsPng(grid)}"/>`,
  ];
  const X = points.X.data, y = Array.from(points.y instanceof NDArray ? points.y.data : points.y);
  for (let i = 0; i < y.length; i++) {
    out.push(`<circle cx="${sx(X[2 * i]).toFixed(1)}" cy="${sy(X[2 * i + 1]).toFixed(1)}" r="2" fill="${COLORS[y[i] % COLORS.length]}"/>`);
  }
  return out;
}

/**
 * At most 600 of the points, evenly spread over X: enough to show the data's shape on a small
 * chart, where 3,000 points would cover the regions and make each frame and the picture large.
 */
export function samplePoints(X: NDArray, y: Values): { X: NDArray; y: number[] } {
  const labels = Array.from(y instanceof NDArray ? y.data : y);
  const stride = Math.ceil(labels.length / MAX_POINTS);
  if (stride <= 1) return { X, y: labels };
  const kept = Array.from({ length: Math.ceil(labels.length / stride) }, (_, k) => k * stride);
  const sample = NDArray.empty([kept.length, 2], X.dtype === "float32" ? "float32" : "float64");
  kept.forEach((i, k) => sample.data.set(X.data.subarray(2 * i, 2 * i + 2), 2 * k));
  return { X: sample, y: kept.map((i) => labels[i]) };
}

/** The regions as a picture of one pixel per grid point, each class's colour faded onto white. */
function regionsPng(grid: ClassGrid): string {
  const n = grid.xs.length;
  const rgb = new Uint8Array(3 * n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const colour = COLORS[grid.classes[j * n + i] % COLORS.length];
      // The picture's first row is the top, the grid's first row the lowest x₁.
      const at = 3 * ((n - 1 - j) * n + i);
      for (let c = 0; c < 3; c++) rgb[at + c] = Math.round(255 - 0.35 * (255 - parseInt(colour.slice(1 + 2 * c, 3 + 2 * c), 16)));
    }
  }
  return encodePng(n, n, rgb).toString("base64");
}

/** The final state as a plotly figure: the curves on the left, the regions (if any) on the right. */
export function finalFigure(state: ChartState): Figure {
  const regions = state.regions && state.points ? state.regions : null;
  const fig = regions && state.points
    ? plot_decision_regions(() => regions.classes, state.points.X, state.points.y, { resolution: regions.xs.length })
    : figure();
  // The regions' traces move to the right-hand axes (x2, y2); the curves take x and y (and y3).
  // Small markers: the chart is small, and the picture stays near 40 KB.
  for (const trace of fig.data as { type?: string; marker?: object }[]) {
    Object.assign(trace, { xaxis: "x2", yaxis: "y2" }, trace.type === "scatter" ? { marker: { ...trace.marker, size: 4 } } : {});
  }
  const split = regions ? 0.6 : 1.1;
  const xs = state.curves.map((p) => p.x);
  fig.line(xs, state.curves.map((p) => p.loss ?? NaN), "loss", { color: LOSS_COLOR });
  fig.add({ type: "scatter", mode: "lines", x: xs, y: state.curves.map((p) => p.acc ?? NaN), name: "accuracy", yaxis: "y3", line: { color: ACC_COLOR } });
  Object.assign(fig.layout, {
    title: { text: state.title, font: { size: 13 }, x: 0.01 },
    height: 310,
    showlegend: false,
    margin: { t: 40, r: 20, b: 40, l: 55 },
    xaxis: { title: { text: "epoch" }, domain: [0, split - 0.12], range: state.xRange },
    yaxis: { title: { text: "loss", font: { color: LOSS_COLOR } }, rangemode: "tozero" },
    yaxis3: { title: { text: "accuracy", font: { color: ACC_COLOR } }, overlaying: "y", side: "right", range: [0, 1] },
    ...(regions ? {
      xaxis2: { domain: [split, 1], title: { text: `decision regions, epoch ${state.regionsEpoch}` }, ...BARE_AXIS },
      yaxis2: { anchor: "x2", ...BARE_AXIS },
    } : {}),
  });
  fig.description = `training curves${regions ? " and decision regions" : ""}`;
  return fig;
}

const BARE_AXIS = { showticklabels: false, showgrid: false, zeroline: false, ticks: "" };

/** 1, 2 or 5 times a power of ten, at or above v: the loss axis grows in steps, not every frame. */
function niceCeiling(v: number): number {
  const power = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 5, 10].find((m) => m * power >= v) ?? 10) * power;
}

function trimNumber(v: number): string {
  return String(Number(v.toPrecision(3)));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
