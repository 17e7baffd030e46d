// The chart TrainingProgress shows with its line: SVG frames while training (cheap to write, and
// redrawn by JupyterLab on each update), a plotly figure with its picture at the end; decision
// regions computed only every `every` epochs; training with the chart prints what it prints without.
import * as assert from "assert";
import { Accuracy_Categorical, Activation_ReLU, Activation_Softmax, Layer_Dense, Loss_CategoricalCrossentropy, Model, Optimizer_Adam } from "../../src/network";
import { nnfs } from "../../src/nnfs";
import { spiral_data } from "../../src/nnfs/datasets";
import * as np from "../../src/np";
import { NDArray } from "../../src/np/core";
import { finalFigure, liveSvg, samplePoints } from "../../src/notebook/live-chart";
import { TrainingProgress } from "../../src/notebook/progress";
import { Sent, withKernel } from "../helpers/fake-kernel";
import { captured } from "../helpers/stdout";

function quietly<T>(body: () => T): { result: T; lines: string[] } {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => { lines.push(args.join(" ")); };
  try {
    return { result: body(), lines };
  } finally {
    console.log = original;
  }
}

/** 2-D points in 3 classes, and a "network" that says class 0 left of x = 0, else 1. */
function data(): { X: NDArray; y: NDArray } {
  const X = np.array([[-1, 0], [-0.5, 1], [0.5, -1], [1, 0.5], [0, 0]], "float32");
  return { X, y: np.array([0, 0, 1, 2, 1], "uint8") };
}

describe("live training chart", () => {
  it("sends SVG frames with the line while training, and ends on a plotly figure with its picture", function () {
    this.timeout(120_000);
    let now = 0;
    const grids: number[][] = [];
    const { X, y } = data();
    const sent: Sent[] = withKernel(() => {
      const progress = new TrainingProgress({
        epochs: 2001, now: () => now,
        regions: { X, y, every: 500, predict: (grid) => { grids.push(grid.shape); return np.greater(grid.get(":", 0), 0); } },
      });
      for (let epoch = 0; epoch <= 2000; epoch++) {
        now += 1; // 2 s of training: a frame every 250 ms
        progress.update(epoch, { acc: epoch / 2000, loss: 1 / (epoch + 1), lr: 0.05 });
      }
      progress.close();
    });
    const frames = sent.slice(0, -1), last = sent[sent.length - 1].message.data;
    assert.ok(frames.length >= 8 && frames.length <= 10, `${frames.length} frames`);
    for (const frame of frames) {
      assert.deepEqual(Object.keys(frame.message.data).sort(), ["image/svg+xml", "text/plain"]);
      assert.match(String(frame.message.data["image/svg+xml"]), /^<svg [^>]*width="720" height="300"[\s\S]*<polyline[\s\S]*<image [\s\S]*<circle[\s\S]*<\/svg>$/);
    }
    assert.ok(sent.slice(1).every((s) => s.update), "every frame after the first updates the same output");
    // Regions at the first frame (epoch 0), then at frames at least 500 epochs later, and the end.
    assert.ok(grids.length >= 4 && grids.length <= 6, `${grids.length} predictions`);
    assert.ok(grids.every((shape) => shape[0] === 2500 && shape[1] === 2));
    assert.deepEqual(Object.keys(last).sort(), ["application/vnd.plotly.v1+json", "image/png", "text/plain"]);
    assert.match(String(last["text/plain"]), /^epoch 2000\/2000 █{20} 100%  acc: 1\.000  loss: 0\.000  lr: 0\.05  2\.0 s$/);
    const png = Buffer.from(String(last["image/png"]), "base64");
    assert.ok(png.length > 4_000 && png.length < 60_000, `picture of ${png.length} bytes`);
  });

  it("the final regions are those of the network as the loop left it, whenever the last frame was drawn", () => {
    const { X, y } = data();
    for (const every of [1, 1000]) {
      let weight = 0;
      const seen: number[] = [];
      withKernel(() => {
        const progress = new TrainingProgress({ epochs: 3, now: () => 0, regions: { X, y, every, predict: (grid) => { seen.push(weight); return np.zeros(grid.shape[0]); } } });
        // As in the book's loops: the update comes between the forward pass and the step.
        for (let epoch = 0; epoch < 3; epoch++) {
          progress.update(epoch, { loss: 1 });
          weight++;
        }
        progress.close();
      });
      assert.equal(seen[seen.length - 1], 3, `every ${every}: predictions saw weights ${seen.join(", ")}`);
    }
  });

  it("chart: false sends the line alone", () => {
    const sent = withKernel(() => {
      const progress = new TrainingProgress({ epochs: 3, chart: false, now: () => 0 });
      for (let epoch = 0; epoch < 3; epoch++) progress.update(epoch, { loss: 1 });
      progress.close();
    });
    assert.ok(sent.every((s) => Object.keys(s.message.data).join() === "text/plain"));
  });

  it("outside a notebook nothing is drawn and predict is never called", () => {
    const { X, y } = data();
    const { lines } = quietly(() => {
      const progress = new TrainingProgress({ epochs: 2, regions: { X, y, predict: () => { throw new Error("called"); } } });
      progress.update(0, { loss: 1 });
      progress.update(1, { loss: 0.5 });
      progress.close();
    });
    assert.equal(lines.length, 1);
  });

  it("the frame and the figure show the curves, the regions and at most 600 points", () => {
    const X = np.random.uniform(-1, 1, [3000, 2]), y = np.random.randint(0, 3, 3000);
    const points = samplePoints(X, y);
    assert.equal(points.y.length, 600);
    assert.deepEqual(Array.from(points.X.data.subarray(0, 4)), [X.data[0], X.data[1], X.data[10], X.data[11]]);
    const state = {
      title: "epoch 10/10 (100%)   loss: 0.5", xRange: [0, 10] as [number, number],
      curves: [{ x: 0, loss: 1, acc: 0.2 }, { x: 10, loss: 0.5, acc: 0.9 }],
      regions: { xs: [-1, 0, 1], ys: [-1, 0, 1], classes: [0, 1, 2, 0, 1, 2, 0, 1, 2] }, regionsEpoch: 10, points,
    };
    const svg = liveSvg(state);
    assert.equal((svg.match(/<circle /g) ?? []).length, 600);
    assert.match(svg, /decision regions, epoch 10/);
    const fig = finalFigure(state);
    const types = fig.data.map((t) => `${t.type}:${(t as { yaxis?: string }).yaxis}`);
    assert.deepEqual(types, ["heatmap:y2", "scatter:y2", "scatter:y2", "scatter:y2", "scatter:undefined", "scatter:y3"]);
    assert.equal((fig.layout.title as { text: string }).text, state.title);
  });

  it("Model.train prints the same lines with the live chart and decision regions as without them", function () {
    this.timeout(120_000);
    const run = (progress: boolean) => {
      nnfs.init();
      const [X, y] = spiral_data(50, 3);
      const model = new Model();
      model.add(new Layer_Dense(2, 32));
      model.add(new Activation_ReLU());
      model.add(new Layer_Dense(32, 3));
      model.add(new Activation_Softmax());
      model.set({ loss: new Loss_CategoricalCrossentropy(), optimizer: new Optimizer_Adam({ learning_rate: 0.05 }), accuracy: new Accuracy_Categorical() });
      model.finalize();
      let sent: Sent[] = [];
      const lines = captured(() => {
        sent = withKernel(() => model.train(X, y, { epochs: 300, print_every: 100, progress, validation_data: [X, y] }));
      });
      return { lines, sent };
    };
    const plain = run(false), live = run(true);
    assert.match(plain.lines, /^epoch: 100, acc: [\s\S]*\nepoch: 300, [\s\S]*\nvalidation, acc: /);
    assert.equal(live.lines, plain.lines);
    assert.equal(plain.sent.length, 0);
    const last = live.sent[live.sent.length - 1].message.data;
    assert.ok("image/png" in last && "application/vnd.plotly.v1+json" in last);
    const figure = last["application/vnd.plotly.v1+json"] as { data: { type: string }[] };
    assert.equal(figure.data[0].type, "heatmap", "2-D data gets decision regions");
  });
});
