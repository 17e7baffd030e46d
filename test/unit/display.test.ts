import { strict as assert } from "assert";
import pl from "nodejs-polars";
import { display, DisplayHandle, inNotebook } from "../../src/notebook/display";
import { bookLine, HistoryRow, TrainingProgress } from "../../src/notebook/progress";
import { history_dataframe, show_table, tableHtml } from "../../src/notebook/table";
import { Sent, withKernel } from "../helpers/fake-kernel";

function captureLog(body: () => void): string[] {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => { lines.push(args.join(" ")); };
  try {
    body();
  } finally {
    console.log = original;
  }
  return lines;
}

describe("display", () => {
  it("prints the text/plain part outside a notebook", () => {
    assert.equal(inNotebook(), false);
    const lines = captureLog(() => display({ "text/plain": "Figure: x", "text/html": "<b>x</b>" }));
    assert.deepEqual(lines, ["Figure: x"]);
  });

  it("sends the whole bundle as one display_data inside tslab", () => {
    const bundle = { "text/plain": "t", "text/html": "<i>t</i>", "application/vnd.plotly.v1+json": { data: [], layout: {} } };
    const sent = withKernel(() => {
      assert.equal(inNotebook(), true);
      assert.deepEqual(captureLog(() => display(bundle)), []);
    });
    assert.equal(sent.length, 1);
    assert.equal(sent[0].update, false);
    assert.deepEqual(sent[0].message, { data: bundle, metadata: {}, transient: {} });
  });

  it("a DisplayHandle shows once, then updates the same display_id", () => {
    const a = new DisplayHandle(), b = new DisplayHandle();
    assert.notEqual(a.id, b.id);
    const sent = withKernel(() => {
      a.update({ "text/plain": "1" });
      a.update({ "text/plain": "2" });
      a.close();
    });
    assert.deepEqual(sent.map((s) => [s.message.transient.display_id, s.update, s.message.data["text/plain"]]),
      [[a.id, false, "1"], [a.id, true, "2"]]);
  });

  it("a DisplayHandle outside a notebook prints only its last frame, on close", () => {
    const handle = new DisplayHandle();
    const lines = captureLog(() => {
      handle.update({ "text/plain": "frame 1" });
      handle.update({ "text/plain": "frame 2" });
    });
    assert.deepEqual(lines, []);
    assert.deepEqual(captureLog(() => handle.close()), ["frame 2"]);
  });
});

// The line alone (chart: false); the chart that comes with it is tested in live-chart.test.ts.
describe("TrainingProgress", () => {
  function train(epochs: number, msPerEpoch: number, options: { print_every?: number; interval_ms?: number } = {}): Sent[] {
    let now = 0;
    return withKernel(() => {
      const progress = new TrainingProgress({ epochs, now: () => now, chart: false, ...options });
      for (let epoch = 0; epoch < epochs; epoch++) {
        now += msPerEpoch;
        progress.update(epoch, { acc: epoch / epochs, loss: 1 / (epoch + 1), lr: 0.05 / (1 + 5e-7 * epoch) });
      }
      progress.close();
    });
  }

  it("redraws at most 4 times per second, and always the last epoch", () => {
    // 10001 epochs at 1 ms each: 10 s of training.
    const sent = captureLogAnd(() => train(10001, 1));
    assert.ok(sent.length >= 40 && sent.length <= 42, `${sent.length} redraws`);
    assert.equal(sent[0].update, false);
    assert.ok(sent.slice(1).every((s) => s.update));
    const last = String(sent[sent.length - 1].message.data["text/plain"]);
    assert.match(last, /^epoch 10000\/10000 █{20} 100%  acc: 1\.000  loss: 0\.000  lr: 0\.04975  10\.0 s$/);
  });

  it("a loop faster than the clock redraws only at the start and the end", () => {
    const sent = captureLogAnd(() => train(5000, 0));
    assert.equal(sent.length, 2);
    assert.match(String(sent[1].message.data["text/plain"]), /^epoch 4999\/4999 /);
  });

  it("prints the book's lines every print_every epochs and keeps the history", () => {
    let now = 0, progress: TrainingProgress | null = null;
    const lines = captureLog(() => {
      progress = new TrainingProgress({ epochs: 201, print_every: 100, now: () => now });
      for (let epoch = 0; epoch <= 200; epoch++) {
        now += 10;
        progress.update(epoch, { acc: 0.4, loss: 1.0866, lr: 1 / (1 + 1e-3 * epoch) });
      }
    });
    assert.deepEqual(lines, [
      "epoch: 0, acc: 0.400, loss: 1.087, lr: 1.0",
      "epoch: 100, acc: 0.400, loss: 1.087, lr: 0.9090909090909091",
      "epoch: 200, acc: 0.400, loss: 1.087, lr: 0.8333333333333334",
    ]);
    const history = (progress as unknown as TrainingProgress).history;
    assert.equal(history.length, 201);
    assert.deepEqual(Object.keys(history[0]), ["epoch", "acc", "loss", "lr"]);
  });

  it("writes the learning rate as the book's float: 1.0, not 1", () => {
    const sent = withKernel(() => new TrainingProgress({ epochs: 1 }).update(0, { acc: 0.5, lr: 1 }));
    assert.match(String(sent[0].message.data["text/plain"]), /  acc: 0\.500  lr: 1\.0  0\.0 s$/);
  });

  it("training in batches: the line names epoch and step, the bar counts steps from the first epoch", () => {
    let now = 0;
    const texts = withKernel(() => {
      const progress = new TrainingProgress({ epochs: 10, first_epoch: 1, steps: 469, now: () => now, chart: false });
      progress.start();
      for (const [epoch, step] of [[1, 0], [6, 233], [10, 468]]) {
        now += 1000;
        progress.update(epoch, { acc: 0.875, loss: 0.34449, lr: 0.00017574692442882248 }, step);
      }
      progress.close();
    }).map((s) => String(s.message.data["text/plain"]));
    assert.deepEqual(texts, [
      `epoch 1/10 ${"░".repeat(20)}   0%  0.0 s`,
      `epoch 1/10 step 0/468 ${"░".repeat(20)}   0%  acc: 0.875  loss: 0.344  lr: 0.0001757  1.0 s`,
      // (5 * 469 + 234) / 4690 steps done
      `epoch 6/10 step 233/468 ${"█".repeat(11)}${"░".repeat(9)}  55%  acc: 0.875  loss: 0.344  lr: 0.0001757  2.0 s`,
      `epoch 10/10 step 468/468 ${"█".repeat(20)} 100%  acc: 0.875  loss: 0.344  lr: 0.0001757  3.0 s`,
    ]);
  });

  it("training in batches redraws at most 4 times per second, and always the last step", () => {
    let now = 0;
    const sent = captureLogAnd(() => withKernel(() => {
      const progress = new TrainingProgress({ epochs: 10, first_epoch: 1, steps: 469, now: () => now });
      progress.start();
      for (let epoch = 1; epoch <= 10; epoch++) {
        for (let step = 0; step < 469; step++) {
          now += 1;
          progress.update(epoch, { acc: 0.5 }, step);
        }
      }
    }));
    // the start frame, one every 250 ms of the 4.69 s, and the last step
    assert.equal(sent.length, 1 + 18 + 1);
    assert.match(String(sent[sent.length - 1].message.data["text/plain"]), /^epoch 10\/10 step 468\/468 █{20} 100%  acc: 0\.500  4\.7 s$/);
  });

  it("epochs counted from 1: the last one is first_epoch + epochs - 1, and it is always drawn", () => {
    const sent = withKernel(() => {
      const progress = new TrainingProgress({ epochs: 3, first_epoch: 1, now: () => 0 });
      progress.start();
      for (let epoch = 1; epoch <= 3; epoch++) progress.update(epoch, { loss: 1 / epoch });
    });
    assert.deepEqual(sent.map((s) => s.message.data["text/plain"]), [
      `epoch 1/3 ${"░".repeat(20)}   0%  0.0 s`,
      `epoch 3/3 ${"█".repeat(20)} 100%  loss: 0.333  0.0 s`,
    ]);
  });

  it("bookLine writes chapter 14's loss parts in parentheses", () => {
    const row: HistoryRow = { epoch: 10000, acc: 0.947, loss: 0.2174, data_loss: 0.1571, reg_loss: 0.0603, lr: 0.019900507413187767 };
    assert.equal(bookLine(row), "epoch: 10000, acc: 0.947, loss: 0.217 (data_loss: 0.157, reg_loss: 0.060), lr: 0.019900507413187767");
  });

  it("bookLine rounds '.3f' half to even on exact ties and keeps the sign of small negatives", () => {
    assert.equal(bookLine({ epoch: 1, acc: 0.0625, loss: -0.0001 } as HistoryRow), "epoch: 1, acc: 0.062, loss: -0.000");
  });
});

// Progress without print_every prints nothing; this keeps a stray line from passing unseen.
function captureLogAnd<T>(body: () => T): T {
  let result: T | undefined;
  const lines = captureLog(() => { result = body(); });
  assert.deepEqual(lines, []);
  return result as T;
}

describe("tables", () => {
  const rows: HistoryRow[] = Array.from({ length: 25 }, (_, e) => ({ epoch: e * 100, acc: e / 25, loss: 1 - e / 50 }) as HistoryRow);

  it("history_dataframe puts epoch (Int64) first, then Float64 metrics", () => {
    const df = history_dataframe(rows);
    assert.deepEqual(df.columns, ["epoch", "acc", "loss"]);
    assert.deepEqual(df.dtypes.map((t) => t.variant), ["Int64", "Float64", "Float64"]);
    assert.equal(df.height, 25);
    assert.deepEqual(df.row(24), [2400, 0.96, 0.52]);
  });

  it("show_table sends HTML with the column names and polars' own text as text/plain", () => {
    const df = history_dataframe(rows);
    const sent = withKernel(() => show_table(df));
    assert.equal(sent.length, 1);
    const data = sent[0].message.data;
    assert.deepEqual(Object.keys(data).sort(), ["text/html", "text/plain"]);
    assert.equal(data["text/plain"], df.toString());
    for (const name of ["epoch", "acc", "loss"]) assert.ok(String(data["text/html"]).includes(`<th>${name}<br>`));
  });

  it("long frames show head and tail around an ellipsis row, floats written like polars", () => {
    const html = tableHtml(history_dataframe(rows), 6);
    const bodyRows = html.split("<tbody>")[1].match(/<tr>/g) ?? [];
    assert.equal(bodyRows.length, 7);
    assert.ok(html.includes("<td>…</td>"));
    assert.ok(html.includes("<tr><td>0</td><td>0.0</td><td>1.0</td></tr>"));
    assert.ok(html.includes("<tr><td>2400</td><td>0.96</td><td>0.52</td></tr>"));
    assert.ok(!html.includes("<td>1200</td>"));
    assert.ok(html.includes("shape: (25, 3)"));
    assert.ok(html.includes("<small>i64</small>") && html.includes("<small>f64</small>"));
  });

  it("escapes HTML in names and values", () => {
    const html = tableHtml(pl.DataFrame({ "<a>": ["x & <y>"] }));
    assert.ok(html.includes("&lt;a&gt;") && html.includes("x &amp; &lt;y&gt;"));
  });
});
