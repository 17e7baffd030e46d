// A long training cell on the real kernel keeps its memory flat: 20,000 epochs of the book's
// chapter 10 model (with the progress display a notebook shows), memory read after a full
// garbage collection every 1,000 epochs. A leak per epoch or per step (a cached array, a
// listener, a display kept) would grow the heap by megabytes over the 15,000 epochs compared.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { executeNotebook } from "../../src/jupyter/runner";
import { ROOT } from "../helpers/runner-cli";

const TRAINING_CELL = `import * as v8 from "v8";
import * as vm from "vm";
import { nnfs, spiral_data, Model, Layer_Dense, Activation_ReLU, Activation_Softmax, Loss_CategoricalCrossentropy, Optimizer_Adam, Accuracy_Categorical } from "nnfs-ts";
v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc") as () => void;
nnfs.init();
const [X, y] = spiral_data(100, 3);
const model = new Model();
model.add(new Layer_Dense(2, 64));
model.add(new Activation_ReLU());
model.add(new Layer_Dense(64, 3));
model.add(new Activation_Softmax());
model.set({ loss: new Loss_CategoricalCrossentropy(), optimizer: new Optimizer_Adam({ learning_rate: 0.05, decay: 5e-7 }), accuracy: new Accuracy_Categorical() });
model.finalize();
const samples: number[][] = [];
for (let round = 1; round <= 20; round++) {
  model.train(X, y, { epochs: 1000, print_every: 1000 });
  collect();
  const m = process.memoryUsage();
  samples.push([round * 1000, m.heapUsed, m.external, m.rss]);
}
console.log(JSON.stringify(samples));`;

describe("soak: a training cell of 20,000 epochs", function () {
  this.timeout(900_000);

  it("keeps the kernel's memory flat", async () => {
    // Inside the checkout, so that the cell's import of "nnfs-ts" resolves to this one.
    fs.mkdirSync(path.join(ROOT, "test-output"), { recursive: true });
    const dir = fs.mkdtempSync(path.join(ROOT, "test-output", "soak-"));
    const file = path.join(dir, "soak.ipynb");
    const nb = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "hello.ipynb"), "utf8"));
    nb.cells = [{ cell_type: "code", id: "soak", metadata: {}, execution_count: null, outputs: [], source: TRAINING_CELL }];
    fs.writeFileSync(file, JSON.stringify(nb));
    try {
      const run = await executeNotebook(file);
      assert.strictEqual(run.failure, null, run.failure?.errorText);
      const printed = run.cells[0].outputs.map((o) => (o.output_type === "stream" ? o.text : "")).join("");
      const samples = JSON.parse(printed.trim().split("\n").pop() ?? "[]") as [number, number, number, number][];
      assert.strictEqual(samples.length, 20);
      const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
      const table = samples.map(([epochs, heap, external, rss]) => `${epochs} epochs: heap ${mb(heap)}, external ${mb(external)}, rss ${mb(rss)}`).join("\n");
      // From epoch 5,000 on (warm: compiled code and pools settled) to epoch 20,000.
      const [, heap5k, , rss5k] = samples[4];
      const [, heap20k, , rss20k] = samples[19];
      assert.ok(heap20k - heap5k < 1e6, `the heap grew by ${mb(heap20k - heap5k)}\n${table}`);
      assert.ok(rss20k - rss5k < 20e6, `the process grew by ${mb(rss20k - rss5k)}\n${table}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
