import { strict as assert } from "assert";
import { NDArray } from "../../src/np/core";
import {
  COLORS, figure, Figure, figureBundle, plot_classes, plot_confusion_matrix, plot_decision_regions, plot_history,
  plot_images, plot_softmax,
} from "../../src/notebook/plots";
import type { HistoryRow } from "../../src/notebook/progress";

type Trace = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const traces = (fig: Figure) => fig.data as Trace[];
const axisTitle = (fig: Figure, axis: "xaxis" | "yaxis") => (fig.layout[axis] as { title: { text: string } }).title.text;

/** A 3-class, 100-points-per-class 2-D set shaped like spiral_data's output (float32). */
function classData(perClass = 100, classes = 3): [NDArray, NDArray] {
  const n = perClass * classes;
  const X = new Float32Array(2 * n), y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(i / perClass), r = (i % perClass) / perClass, t = c * 4 + r * 4;
    X[2 * i] = r * Math.sin(t * 2.5);
    X[2 * i + 1] = r * Math.cos(t * 2.5);
    y[i] = c;
  }
  return [new NDArray(X, [n, 2], "float32"), new NDArray(y, [n], "uint8")];
}

/** Reads back plotly's typed-array spec { dtype, bdata, shape } as a flat number list. */
function unpack(spec: { dtype: string; bdata: string; shape: string }): number[] {
  const bytes = Buffer.from(spec.bdata, "base64");
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  const types: Record<string, new (b: ArrayBuffer) => ArrayLike<number>> = {
    u1: Uint8Array, i2: Int16Array, i4: Int32Array, f4: Float32Array,
  };
  return Array.from(new types[spec.dtype](buffer));
}

describe("figure builder", () => {
  it("line() and scatter() make titled, named traces; dash styles carry through", () => {
    const x = [0, 1, 2, 3];
    const fig = figure({ title: "f and its tangent", xaxis: "x", yaxis: "f(x)" })
      .line(x, [0, 1, 4, 9], "f(x) = x²")
      .line([1, 3], [2, 10], "tangent at x=2", { dash: "dash" })
      .scatter([2], [4], "x=2");
    const t = traces(fig);
    assert.deepEqual(t.map((d) => [d.type, d.mode, d.name]), [
      ["scatter", "lines", "f(x) = x²"], ["scatter", "lines", "tangent at x=2"], ["scatter", "markers", "x=2"],
    ]);
    assert.equal(t[1].line.dash, "dash");
    assert.deepEqual(t[0].y, [0, 1, 4, 9]);
    assert.equal(axisTitle(fig, "xaxis"), "x");
    assert.equal(axisTitle(fig, "yaxis"), "f(x)");
    assert.equal(fig.summary(), "Figure: f and its tangent (3 traces, 7 points)");
  });

  it("histogram() overlays several distributions", () => {
    const weights = new NDArray(new Float32Array([0.1, -0.2, 0.3, 0.05]), [2, 2], "float32");
    const fig = figure({ title: "Weights" }).histogram(weights, "no L2").histogram([0.01, 0.02], "L2", 20);
    assert.equal(fig.layout.barmode, "overlay");
    assert.deepEqual(traces(fig).map((d) => [d.type, d.name, d.x.length, d.nbinsx]), [
      ["histogram", "no L2", 4, 50], ["histogram", "L2", 2, 20],
    ]);
    assert.equal(traces(fig)[0].x[0], Math.fround(0.1));
  });
});

describe("chart presets", () => {
  it("plot_classes: one named, coloured trace per class with all its points", () => {
    const [X, y] = classData();
    const fig = plot_classes(X, y, { title: "Spiral data" });
    const t = traces(fig);
    assert.deepEqual(t.map((d) => d.name), ["class 0", "class 1", "class 2"]);
    assert.deepEqual(t.map((d) => d.x.length), [100, 100, 100]);
    assert.deepEqual(t.map((d) => d.marker.color), COLORS.slice(0, 3));
    assert.equal(t[1].x[0], X.data[200]);
    assert.equal(t[1].y[0], X.data[201]);
    assert.equal(axisTitle(fig, "xaxis"), "x₀ (first feature)");
    assert.equal(fig.summary(), "Figure: Spiral data (3 classes, 300 points)");
    const labelled = plot_classes(X, y.reshape(-1, 1), { labels: ["a", "b", "c"] });
    assert.deepEqual(traces(labelled).map((d) => d.name), ["a", "b", "c"]);
  });

  it("plot_softmax: a group of class bars per sample, probabilities on [0, 1]", () => {
    const p = new NDArray(new Float32Array([0.7, 0.2, 0.1, 0.1, 0.8, 0.1]), [2, 3], "float32");
    const fig = plot_softmax(p);
    assert.deepEqual(traces(fig).map((d) => [d.type, d.name, d.x, d.y.length]), [
      ["bar", "sample 0", ["class 0", "class 1", "class 2"], 3], ["bar", "sample 1", ["class 0", "class 1", "class 2"], 3],
    ]);
    assert.equal(traces(fig)[1].y[1], Math.fround(0.8));
    assert.equal(fig.layout.barmode, "group");
    assert.deepEqual((fig.layout.yaxis as { range: number[] }).range, [0, 1]);
    assert.throws(() => plot_softmax(new NDArray(new Float32Array(3), [3], "float32")), /expected a 2-D array/);
  });

  it("plot_history: one curve per optimizer against epoch, long runs thinned keeping both ends", () => {
    const run = (scale: number): HistoryRow[] =>
      Array.from({ length: 10001 }, (_, epoch) => ({ epoch, loss: scale / (epoch + 1), acc: 0.5 }) as HistoryRow);
    const fig = plot_history({ SGD: run(1), Adam: run(2) }, { title: "Loss per optimizer" });
    const t = traces(fig);
    assert.deepEqual(t.map((d) => d.name), ["SGD", "Adam"]);
    for (const d of t) {
      assert.ok(d.x.length <= 502 && d.x.length >= 400, `${d.x.length} points`);
      assert.equal(d.x[0], 0);
      assert.equal(d.x[d.x.length - 1], 10000);
    }
    assert.equal(t[1].y[0], 2);
    assert.equal(axisTitle(fig, "xaxis"), "epoch");
    assert.equal(axisTitle(fig, "yaxis"), "loss");
    const both = plot_history(run(1).slice(0, 10), { metrics: ["loss", "acc"] });
    assert.deepEqual(traces(both).map((d) => [d.name, d.x.length]), [["loss", 10], ["acc", 10]]);
  });

  it("plot_decision_regions: predict sees a grid of X's dtype over the data; regions under the points", () => {
    const [X, y] = classData();
    let seen: NDArray | null = null;
    const right = (grid: NDArray) => {
      seen = grid;
      return Array.from({ length: grid.shape[0] }, (_, i) => (grid.data[2 * i] > 0 ? 1 : 0));
    };
    const fig = plot_decision_regions(right, X, y, { resolution: 40 });
    const grid = seen as unknown as NDArray;
    assert.deepEqual(grid.shape, [1600, 2]);
    assert.equal(grid.dtype, "float32");
    const t = traces(fig);
    assert.deepEqual(t.map((d) => d.type), ["heatmap", "scatter", "scatter", "scatter"]);
    const heat = t[0];
    assert.equal(heat.z.length, 40);
    assert.equal(heat.z[0].length, 40);
    assert.ok(heat.x[0] < Math.min(...Array.from(X.data).filter((_, i) => i % 2 === 0)));
    heat.x.forEach((x0: number, i: number) => assert.equal(heat.z[7][i], x0 > 0 ? 1 : 0));
    assert.deepEqual(heat.colorscale[2], [1 / 3, COLORS[1]]);
    assert.equal(fig.summary(), "Figure: Decision regions (3 classes, 300 points, 40×40 grid)");
  });

  it("plot_decision_regions takes class probabilities (argmax) or one sigmoid output (> 0.5)", () => {
    const [X, y] = classData(10, 2);
    const probs = (grid: NDArray) => {
      const n = grid.shape[0], out = new Float32Array(3 * n);
      for (let i = 0; i < n; i++) out[3 * i + (grid.data[2 * i + 1] > 0 ? 2 : 0)] = 0.9;
      return new NDArray(out, [n, 3], "float32");
    };
    const z1 = traces(plot_decision_regions(probs, X, y, { resolution: 10 }))[0].z as number[][];
    assert.deepEqual(z1.map((row) => row[0]), [0, 0, 0, 0, 0, 2, 2, 2, 2, 2]);
    const sigmoid = (grid: NDArray) => new NDArray(
      Float32Array.from({ length: grid.shape[0] }, (_, i) => (grid.data[2 * i] > 0 ? 0.8 : 0.3)), [grid.shape[0], 1], "float32");
    const z2 = traces(plot_decision_regions(sigmoid, X, y, { resolution: 10 }))[0].z as number[][];
    assert.deepEqual(z2[0], [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    assert.throws(() => plot_decision_regions(() => [1, 2, 3], X, y), /predict returned 3 values for 10000 grid points/);
  });

  it("plot_images: one square greyscale heatmap per image, titled, pixels scaled to 0..255", () => {
    const pixels = Float32Array.from({ length: 3 * 784 }, (_, i) => (i % 784) / 783 * 2 - 1);
    const fig = plot_images(new NDArray(pixels, [3, 784], "float32"), { titles: ["T-shirt/top", "Trouser", "Pullover"], columns: 2 });
    const t = traces(fig);
    assert.deepEqual(t.map((d) => [d.type, d.xaxis, d.yaxis, d.z.length, d.z[0].length]), [
      ["heatmap", "x", "y", 28, 28], ["heatmap", "x2", "y2", 28, 28], ["heatmap", "x3", "y3", 28, 28],
    ]);
    assert.equal(t[0].z[0][0], 0);
    assert.equal(t[0].z[27][27], 255);
    assert.deepEqual(fig.layout.grid, { rows: 2, columns: 2, pattern: "independent" });
    assert.deepEqual(fig.layout.annotations?.map((a) => [a.text, a.xref]), [
      ["T-shirt/top", "x domain"], ["Trouser", "x2 domain"], ["Pullover", "x3 domain"],
    ]);
    const layout = fig.layout as Record<string, { autorange?: string; scaleanchor?: string }>;
    assert.equal(layout.yaxis2.autorange, "reversed");
    assert.equal(layout.yaxis3.scaleanchor, "x3");
    assert.equal(fig.summary(), "Figure: Images (3 images, 28×28)");
  });

  it("plot_confusion_matrix counts (true, predicted) pairs", () => {
    const fig = plot_confusion_matrix([0, 1, 2, 2, 1, 0, 2], [0, 2, 2, 2, 1, 0, 1], { labels: ["a", "b", "c"] });
    const heat = traces(fig)[0];
    assert.deepEqual(heat.z, [[2, 0, 0], [0, 1, 1], [0, 1, 2]]);
    assert.deepEqual(heat.x, ["a", "b", "c"]);
    assert.equal(axisTitle(fig, "xaxis"), "predicted class");
    assert.equal(axisTitle(fig, "yaxis"), "true class");
    assert.equal(fig.summary(), "Figure: Confusion matrix (3 classes, 7 samples, 71.4% on the diagonal)");
  });
});

describe("figure display bundle", () => {
  const [X, y] = classData();

  it("has the plotly JSON and a text summary (no picture outside a notebook), well under 100 KB for 300 points", () => {
    const bundle = figureBundle(plot_classes(X, y, { title: "Spiral data" }));
    assert.deepEqual(Object.keys(bundle).sort(), ["application/vnd.plotly.v1+json", "text/plain"]);
    assert.equal(bundle["text/plain"], "Figure: Spiral data (3 classes, 300 points)");
    const size = JSON.stringify(bundle).length;
    assert.ok(size < 20_000, `bundle is ${size} characters`);
    const plotly = bundle["application/vnd.plotly.v1+json"] as { data: Trace[]; layout: Trace };
    assert.equal(plotly.data.length, 3);
    assert.equal(plotly.layout.title.text, "Spiral data");
  });

  it("packs long number arrays as plotly typed arrays that read back to the figure's values", () => {
    const fig = plot_decision_regions((g) => Array.from({ length: g.shape[0] }, (_, i) => i % 3), X, y, { resolution: 20 });
    const plotly = figureBundle(fig)["application/vnd.plotly.v1+json"] as { data: Trace[] };
    const [heat, class0] = plotly.data;
    assert.deepEqual({ dtype: heat.z.dtype, shape: heat.z.shape }, { dtype: "u1", shape: "20, 20" });
    assert.deepEqual(unpack(heat.z), (traces(fig)[0].z as number[][]).flat());
    assert.equal(class0.x.dtype, "f4");
    assert.deepEqual(unpack(class0.x), traces(fig)[1].x);
    const small = figureBundle(figure().line([0, 1], [-300, 70000]))["application/vnd.plotly.v1+json"] as { data: Trace[] };
    assert.deepEqual(small.data[0].y, [-300, 70000]);
    const dtypeFor = (scale: number) => {
      const bundle = figureBundle(figure().line([...Array(20).keys()], Array.from({ length: 20 }, (_, i) => (i + 1) * scale)));
      return (bundle["application/vnd.plotly.v1+json"] as { data: Trace[] }).data[0].y;
    };
    assert.equal(dtypeFor(-1000).dtype, "i2");
    assert.equal(dtypeFor(-10000).dtype, "i4");
    assert.deepEqual(unpack(dtypeFor(-10000)), Array.from({ length: 20 }, (_, i) => (i + 1) * -10000));
  });
});
