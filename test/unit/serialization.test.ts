// Saving and loading (chapter 21): our data-only file format round-trips a model bit for bit,
// and every damaged file fails with its reason, leaving the model as it was.
import { strict as assert } from "assert";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as np from "../../src/np";
import type { NDArray } from "../../src/np/core";
import { nnfs } from "../../src/nnfs";
import { spiral_data } from "../../src/nnfs/datasets";
import {
  Accuracy_Categorical, Activation_LeakyReLU, Activation_ReLU, Activation_Softmax, Layer_Dense, Layer_Dropout,
  Loss_CategoricalCrossentropy, Model, Optimizer_Adam,
} from "../../src/network";
import { PREFIX, withHeader } from "../helpers/model-file";
import { captured } from "../helpers/stdout";


function spiralModel(hidden = 16, dropout = true): Model {
  const model = new Model();
  model.add(new Layer_Dense(2, hidden, { weight_regularizer_l2: 5e-4, bias_regularizer_l2: 5e-4 }));
  model.add(new Activation_LeakyReLU({ alpha: 0.05 }));
  if (dropout) model.add(new Layer_Dropout(0.1));
  model.add(new Layer_Dense(hidden, 3));
  model.add(new Activation_Softmax());
  model.set({
    loss: new Loss_CategoricalCrossentropy(),
    optimizer: new Optimizer_Adam({ learning_rate: 0.02, decay: 5e-5 }),
    accuracy: new Accuracy_Categorical(),
  });
  model.finalize();
  return model;
}

/** The parameters' bits, to compare models exactly. */
const bitsOf = (model: Model): string[] =>
  model.get_parameters().flat().map((a) => `${a.dtype}${a.shape}:${Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength).toString("hex")}`);
const sameBits = (a: NDArray, b: NDArray): void => {
  assert.equal(a.dtype, b.dtype);
  assert.deepEqual(a.shape, b.shape);
  assert.ok(Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength)
    .equals(Buffer.from(b.data.buffer, b.data.byteOffset, b.data.byteLength)));
};

/** Rewrites a saved file's header and fixes its checksum, as a careless or hostile writer could. */
function rewriteHeader(path: string, edit: (header: Record<string, unknown>) => void): void {
  writeFileSync(path, withHeader(readFileSync(path), edit));
}

describe("Model.save / Model.load and save_parameters / load_parameters (chapter 21)", () => {
  let dir: string;
  let X: NDArray;
  let y: NDArray;
  let model: Model;

  beforeEach(() => {
    nnfs.init();
    [X, y] = spiral_data(100, 3);
    dir = mkdtempSync(join(tmpdir(), "nnfs-ts-serialization-"));
    model = spiralModel();
    captured(() => model.train(X, y, { epochs: 30, batch_size: 128 }));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("a loaded model predicts bit for bit what the saved one did, and evaluates the same", () => {
    const path = join(dir, "fashion_mnist.model");
    model.save(path);
    const loaded = Model.load(path);
    sameBits(loaded.predict(X), model.predict(X));
    sameBits(loaded.predict(X, { batch_size: 50 }), model.predict(X));
    assert.equal(captured(() => loaded.evaluate(X, y)), captured(() => model.evaluate(X, y)));
    assert.deepEqual(loaded.layers.map((layer) => layer.constructor.name), model.layers.map((layer) => layer.constructor.name));
    assert.equal((loaded.layers[1] as Activation_LeakyReLU).alpha, 0.05);
    assert.equal((loaded.layers[2] as Layer_Dropout).rate, 0.9);
    assert.equal((loaded.layers[0] as Layer_Dense).bias_regularizer_l2, 5e-4);
    assert.ok(loaded.softmax_classifier_output !== null);
    assert.deepEqual(readdirSync(dir), ["fashion_mnist.model"]);
  });

  it("a loaded model resumes training exactly where the saved one stopped (optimizer state kept)", () => {
    const plain = spiralModel(16, false);
    captured(() => plain.train(X, y, { epochs: 5 }));
    const path = join(dir, "plain.model");
    plain.save(path);
    const loaded = Model.load(path);
    assert.equal(loaded.optimizer!.iterations, 5);
    const resumed = captured(() => loaded.train(X, y, { epochs: 3 }));
    assert.equal(resumed, captured(() => plain.train(X, y, { epochs: 3 })));
    assert.deepEqual(bitsOf(loaded), bitsOf(plain));
  });

  it("loading draws nothing from np.random (the book's pickle.load does not either)", () => {
    const path = join(dir, "m.model");
    model.save(path);
    nnfs.init();
    const expected = (np.random.randn(3) as NDArray).tolist();
    nnfs.init();
    Model.load(path);
    assert.deepEqual((np.random.randn(3) as NDArray).tolist(), expected);
  });

  it("save_parameters / load_parameters carry the parameters into a fresh model of the same shape", () => {
    const path = join(dir, "fashion_mnist.parms");
    model.save_parameters(path);
    const fresh = spiralModel();
    assert.notDeepEqual(bitsOf(fresh), bitsOf(model));
    fresh.load_parameters(path);
    assert.deepEqual(bitsOf(fresh), bitsOf(model));
    sameBits(fresh.predict(X), model.predict(X));
  });

  it("the file is data only: magic bytes, version 1, a JSON header naming classes and attributes", () => {
    const path = join(dir, "m.model");
    model.save(path);
    const file = readFileSync(path);
    assert.equal(file.toString("latin1", 0, 8), "NNFS-TS\0");
    assert.equal(file.readUInt32LE(8), 1);
    const header = JSON.parse(file.toString("utf8", PREFIX, PREFIX + file.readUInt32LE(12)));
    assert.equal(header.content, "model");
    assert.deepEqual(header.model.layers.map((layer: { type: string }) => layer.type),
      ["Layer_Dense", "Activation_LeakyReLU", "Layer_Dropout", "Layer_Dense", "Activation_Softmax"]);
    assert.equal(header.model.optimizer.type, "Optimizer_Adam");
    // parameters and Adam's four state arrays per dense layer
    assert.equal(header.tensors.length, 12);
    assert.equal(file.length, PREFIX + file.readUInt32LE(12) + Number(file.readBigUInt64LE(16)) + 32);
  });

  describe("damaged files fail with their reason and leave the model unchanged", () => {
    let path: string;
    let before: string[];
    beforeEach(() => {
      path = join(dir, "m.parms");
      model.save_parameters(path);
      before = bitsOf(model);
    });

    const cases: [string, (file: Buffer) => Buffer, RegExp][] = [
      ["truncated inside the data", (file) => file.subarray(0, file.length - 100), /truncated: \d+ bytes, expected \d+/],
      ["truncated inside the prefix", (file) => file.subarray(0, 10), /truncated: 10 bytes, shorter than the 24-byte prefix/],
      ["with bytes appended", (file) => Buffer.concat([file, Buffer.from([0])]), /1 unexpected bytes after the end/],
      ["with one data byte flipped", (file) => { const copy = Buffer.from(file); copy[copy.length - 200] ^= 0x10; return copy; }, /checksum mismatch: the file is corrupted/],
      ["with one header byte flipped", (file) => { const copy = Buffer.from(file); copy[PREFIX + 3] ^= 0x01; return copy; }, /checksum mismatch/],
      ["of a newer format version", (file) => { const copy = Buffer.from(file); copy.writeUInt32LE(2, 8); return copy; }, /format version 2, but this nnfs-ts reads version 1/],
      ["that is not ours (a pickle)", () => Buffer.from("\x80\x04\x95\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", "latin1"), /not an nnfs-ts model or parameters file/],
    ];
    for (const [name, damage, reason] of cases) {
      it(`a file ${name}`, () => {
        writeFileSync(path, damage(readFileSync(path)));
        assert.throws(() => model.load_parameters(path), (error: Error) => {
          assert.match(error.message, new RegExp(`^cannot load ${path.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: `));
          assert.match(error.message, reason);
          return true;
        });
        assert.throws(() => Model.load(path), reason);
        assert.deepEqual(bitsOf(model), before);
      });
    }

    it("a large file that is not ours is refused by its first bytes, not read whole", () => {
      // 3 GB, sparse: reading it whole would fail with Node's "greater than 2 GiB" instead.
      writeFileSync(path, "\x80\x04\x95 a pickle");
      truncateSync(path, 3 * 2 ** 30);
      assert.throws(() => Model.load(path), /^Error: cannot load .*: not an nnfs-ts model or parameters file \(wrong magic bytes\)$/);
      assert.throws(() => model.load_parameters(path), /wrong magic bytes/);
      assert.deepEqual(bitsOf(model), before);
    });

    it("parameters of another architecture (mismatched shape)", () => {
      const other = spiralModel(8);
      const otherPath = join(dir, "other.parms");
      other.save_parameters(otherPath);
      assert.throws(() => model.load_parameters(otherPath),
        /weights of trainable layer 0 have shape \(2,8\), the model's have shape \(2,16\)/);
      assert.deepEqual(bitsOf(model), before);
    });

    it("a header whose array shapes do not fit the data", () => {
      rewriteHeader(path, (header) => { (header.tensors as { shape: number[] }[])[0].shape = [2, 1000]; });
      assert.throws(() => model.load_parameters(path), /array 0 lies outside the data/);
      assert.deepEqual(bitsOf(model), before);
    });

    it("a model file whose dense weights and biases do not fit together", () => {
      const modelPath = join(dir, "m.model");
      model.save(modelPath);
      rewriteHeader(modelPath, (header) => {
        const tensors = header.tensors as { shape: number[]; offset: number }[];
        tensors[0].shape = [4, 8]; // the same 32 numbers, read as (4, 8)
      });
      assert.throws(() => Model.load(modelPath), /weights of shape \(4,8\) and biases of shape \(1,16\), which do not fit together/);
    });

    it("a header naming a class or attribute the library does not have", () => {
      const modelPath = join(dir, "m.model");
      model.save(modelPath);
      rewriteHeader(modelPath, (header) => { (header.model as { layers: { type: string }[] }).layers[1].type = "os.system"; });
      assert.throws(() => Model.load(modelPath), /unknown class "os\.system"/);
      model.save(modelPath);
      rewriteHeader(modelPath, (header) => {
        (header.model as { layers: { attributes: Record<string, unknown> }[] }).layers[0].attributes.forward = 1;
      });
      assert.throws(() => Model.load(modelPath), /Layer_Dense has no attribute forward that a file may set/);
    });

    it("the other kind of file, with a hint", () => {
      assert.throws(() => Model.load(path), /holds parameters, not a model: load it with model\.load_parameters\(path\)/);
      const modelPath = join(dir, "m.model");
      model.save(modelPath);
      assert.throws(() => model.load_parameters(modelPath), /holds a model, not parameters: load it with Model\.load\(path\)/);
      assert.deepEqual(bitsOf(model), before);
    });
  });

  describe("writing never leaves a half-written or temporary file", () => {
    it("saving over a file replaces it whole; no temporary files stay behind", () => {
      const path = join(dir, "m.model");
      model.save(path);
      captured(() => model.train(X, y, { epochs: 1 }));
      model.save(path);
      model.save_parameters(join(dir, "m.parms"));
      assert.deepEqual(readdirSync(dir).sort(), ["m.model", "m.parms"]);
      sameBits(Model.load(path).predict(X), model.predict(X));
    });

    it("a failed write removes its temporary file and leaves the old file as it was", () => {
      const target = join(dir, "taken");
      mkdirSync(target);
      writeFileSync(join(target, "keep"), "x");
      assert.throws(() => model.save(target), /cannot save .*taken: it is a folder; give a file name inside it$/);
      assert.deepEqual(readdirSync(dir), ["taken"]);

      const path = join(dir, "m.model");
      model.save(path);
      const saved = readFileSync(path);
      const custom = spiralModel();
      custom.layers[1] = new (class Activation_Custom extends Activation_ReLU {})();
      assert.throws(() => custom.save(path), /cannot save layer Activation_Custom: a model file holds only nnfs-ts's own classes/);
      assert.ok(readFileSync(path).equals(saved));
      assert.deepEqual(readdirSync(dir).sort(), ["m.model", "taken"]);
    });
  });
});
