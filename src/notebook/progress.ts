// Live training progress: one output line that rewrites itself (epoch, metrics, elapsed time and
// a bar) instead of thousands of printed lines, plus the history of every update for plots and
// tables. Optionally the book's own lines are printed too, every `print_every` epochs.
//
//   const progress = new TrainingProgress({ epochs: 10001, print_every: 100 });
//   for (let epoch = 0; epoch < 10001; epoch++) { ...; progress.update(epoch, { acc, loss, lr }); }
//   progress.close();
//
// Training in batches (Model.train) passes `steps` per epoch and the step with each update; the
// line then shows the step too and its bar counts steps.
//
// In a notebook a chart comes with the line (live-chart.ts): loss and accuracy so far and, given
// `regions`, the decision regions of 2-D data. Both are redrawn with the line; the last frame
// becomes a plotly figure with its picture, which stays in the saved notebook.
import { reprFloat, roundFixed } from "../np/printing/float-digits";
import { DisplayHandle, inNotebook, MimeBundle } from "./display";
import { ChartState, CurvePoint, finalFigure, liveSvg, Regions, samplePoints } from "./live-chart";
import { ClassGrid, classGrid, figureBundle, HistoryRow } from "./plots";

// Defined beside the charts that draw it (plots.ts imports nothing of this file).
export type { HistoryRow };

export interface ProgressOptions {
  /** How many epochs the loop runs (the book's range(10001) -> 10001); sizes the bar. */
  epochs: number;
  /** The first epoch's number: 0 for the book's range() loops (the default), 1 for Model.train's. */
  first_epoch?: number;
  /** Steps per epoch when training in batches; each update then names its step. */
  steps?: number;
  /** Also print the book's line when epoch % print_every == 0 (0: never). */
  print_every?: number;
  /** Minimum time between two redraws of the live line; 250 ms = at most 4 per second. */
  interval_ms?: number;
  /** A chart of loss and accuracy under the line (default true; drawn in a notebook only). */
  chart?: boolean;
  /** 2-D data and the network's predictions: its decision regions are drawn beside the curves. */
  regions?: Regions;
  /** Milliseconds clock; tests pass a fake one. */
  now?: () => number;
}

const BAR_WIDTH = 20;

export class TrainingProgress {
  readonly history: HistoryRow[] = [];
  private readonly output = new DisplayHandle();
  private readonly started: number;
  private lastDrawn = -Infinity;
  private drawnRow: HistoryRow | null = null;
  private readonly charting: boolean;
  private regionGrid: ClassGrid | null = null;
  private regionsEpoch = -Infinity;
  private points: ChartState["points"] = null;
  /** The last frame's line, and the same without the bar as the chart's title. */
  private lastText = "";
  private lastTitle = "";

  constructor(private readonly options: ProgressOptions) {
    this.started = this.now();
    // Outside a kernel nothing would show the chart, so it is not built.
    this.charting = (options.chart ?? true) && inNotebook();
    if (this.charting && options.regions) this.points = samplePoints(options.regions.X, options.regions.y);
  }

  /** Shows the line before the first update, so that lines printed until then appear under it. */
  start(): void {
    this.show(`epoch ${this.firstEpoch}/${this.lastEpoch}`, 0, "", this.now());
  }

  update(epoch: number, metrics: Record<string, number>, step?: number): void {
    const row = (step === undefined ? { epoch, ...metrics } : { epoch, step, ...metrics }) as HistoryRow;
    this.history.push(row);
    const every = this.options.print_every ?? 0;
    if (every > 0 && epoch % every === 0) console.log(bookLine(row));
    const now = this.now();
    if (this.fractionDone(row) >= 1 || now - this.lastDrawn >= (this.options.interval_ms ?? 250)) {
      this.draw(row, now);
    }
  }

  /** Draws the final state (a throttled update may have skipped it) and ends the live line. */
  close(): void {
    const row = this.history[this.history.length - 1];
    if (row && row !== this.drawnRow) this.draw(row, this.now());
    if (row && this.charting) {
      // The final frame once more, as a plotly figure with its picture (drawn once, here).
      const state = this.chartState(row, this.lastTitle, true);
      this.output.update({ ...figureBundle(finalFigure(state)), "text/plain": this.lastText });
    }
    this.output.close();
  }

  private draw(row: HistoryRow, now: number): void {
    this.drawnRow = row;
    const step = "step" in row ? ` step ${row.step}/${this.steps - 1}` : "";
    this.show(`epoch ${row.epoch}/${this.lastEpoch}${step}`, this.fractionDone(row), metricsText(row), now, row);
  }

  private show(position: string, done: number, metrics: string, now: number, row?: HistoryRow): void {
    this.lastDrawn = now;
    const filled = Math.round(done * BAR_WIDTH);
    const bar = "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
    const seconds = `${((now - this.started) / 1000).toFixed(1)} s`;
    const parts = [`${position} ${bar} ${(100 * done).toFixed(0).padStart(3)}%`, metrics, seconds];
    this.lastText = parts.filter((part) => part !== "").join("  ");
    const bundle: MimeBundle = { "text/plain": this.lastText };
    if (this.charting && row) {
      // The bar's characters are missing from some fonts the picture may be drawn with.
      this.lastTitle = [`${position} (${(100 * done).toFixed(0)}%)`, metrics, seconds].filter((part) => part !== "").join("   ");
      bundle["image/svg+xml"] = liveSvg(this.chartState(row, this.lastTitle, false));
    }
    this.output.update(bundle);
  }

  /**
   * What the chart shows at this row. The regions cost a prediction over the whole grid, so they
   * are computed again only when `every` epochs passed since the last time, and always at the
   * end: a loop's last update may come before its last step, and the saved picture must show the
   * trained network whichever frame the clock happened to draw last.
   */
  private chartState(row: HistoryRow, title: string, final: boolean): ChartState {
    const regions = this.options.regions;
    const due = final || row.epoch - this.regionsEpoch >= (regions?.every ?? 200);
    if (regions && due) {
      this.regionGrid = classGrid(regions.predict, regions.X, regions.resolution ?? 50);
      this.regionsEpoch = row.epoch;
    }
    return {
      title,
      xRange: [this.firstEpoch - (this.steps > 1 ? 1 : 0), this.lastEpoch],
      curves: this.curvePoints(),
      regions: this.regionGrid,
      regionsEpoch: this.regionsEpoch,
      points: this.points,
    };
  }

  /** About 300 evenly spaced rows of the history (the last one always), x in epochs done. */
  private curvePoints(): CurvePoint[] {
    const rows = this.history, stride = Math.ceil(rows.length / 300);
    const points: CurvePoint[] = [];
    for (let i = 0; i < rows.length; i += stride) points.push(this.curvePoint(rows[i]));
    if ((rows.length - 1) % stride !== 0) points.push(this.curvePoint(rows[rows.length - 1]));
    return points;
  }

  private curvePoint(row: HistoryRow): CurvePoint {
    // A step's row sits at the fraction of its epoch done: step 233 of 469 at epoch 6 is 5.5.
    const x = "step" in row ? row.epoch - 1 + (row.step + 1) / this.steps : row.epoch;
    return { x, loss: row.loss, acc: row.acc };
  }

  /** The share of all steps done once the row's step (or its whole epoch) is done. */
  private fractionDone(row: HistoryRow): number {
    const stepsDone = (row.epoch - this.firstEpoch) * this.steps + ("step" in row ? row.step + 1 : this.steps);
    return Math.min(1, stepsDone / (this.options.epochs * this.steps));
  }

  private get firstEpoch(): number {
    return this.options.first_epoch ?? 0;
  }

  private get lastEpoch(): number {
    return this.firstEpoch + this.options.epochs - 1;
  }

  private get steps(): number {
    return this.options.steps ?? 1;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

/**
 * "acc: 0.983  loss: 0.074  lr: 0.04975" for the live line: every metric of the row, in order;
 * the learning rate to 4 significant digits, written as the book's float (1.0, not 1).
 */
function metricsText(row: HistoryRow): string {
  return Object.keys(row)
    .filter((key) => key !== "epoch" && key !== "step")
    .map((key) => `${key}: ${key === "lr" ? reprFloat(Number(row.lr.toPrecision(4))) : fixed3(row[key])}`)
    .join("  ");
}

/**
 * The book's line: `epoch: 100, acc: 0.400, loss: 1.087, lr: 0.9901970492127933`, with
 * ` (data_loss: 0.157, reg_loss: 0.060)` after the loss when both parts are logged (chapter 14).
 */
export function bookLine(row: HistoryRow): string {
  const parts = [`epoch: ${row.epoch}`];
  for (const key of Object.keys(row)) {
    if (key === "epoch" || key === "data_loss" || key === "reg_loss") continue;
    let part = `${key}: ${formatMetric(key, row[key])}`;
    if (key === "loss" && "data_loss" in row && "reg_loss" in row) {
      part += ` (data_loss: ${fixed3(row.data_loss)}, reg_loss: ${fixed3(row.reg_loss)})`;
    }
    parts.push(part);
  }
  return parts.join(", ");
}

// The book prints the learning rate as a Python float and every other metric with '.3f'.
function formatMetric(key: string, value: number): string {
  return key === "lr" ? reprFloat(value) : fixed3(value);
}

function fixed3(value: number): string {
  return (value < 0 || Object.is(value, -0) ? "-" : "") + roundFixed(value, 3);
}
