// The Fashion-MNIST loader (chapter 19) on a tiny IDX fixture (fixtures/idx/make_fixture.py),
// on damaged files, and on the real dataset where Debian's package put it.
import { strict as assert } from "assert";
import { execFileSync } from "child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { createServer } from "http";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { join } from "path";
import { gunzipSync, gzipSync } from "zlib";
import * as np from "../../src/np";
import {
  create_data_mnist, download_fashion_mnist, fashion_mnist, fashion_mnist_path,
} from "../../src/nnfs/datasets/fashion_mnist";

const FIXTURE = join(__dirname, "..", "fixtures", "idx");
const NAMES = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];
const pixel = (i: number, r: number, c: number): number => (i * 31 + r * 7 + c * 3) % 256;

function hasPython(): boolean {
  try {
    execFileSync("python3", ["-c", "pass"]);
    return true;
  } catch {
    return false;
  }
}

describe("fashion_mnist: the IDX loader on the fixture", () => {
  for (const folder of ["raw", "gz"]) {
    it(`reads ${folder} files: X float32 (n, 784) scaled to [-1, 1], y uint8`, () => {
      const [X, y] = fashion_mnist("train", { path: join(FIXTURE, folder) });
      assert.equal(X.dtype, "float32");
      assert.deepEqual(X.shape, [10, 784]);
      assert.equal(y.dtype, "uint8");
      assert.deepEqual(y.tolist(), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      for (const [i, r, c] of [[0, 0, 0], [3, 5, 7], [9, 27, 27], [7, 14, 2]]) {
        // (X - 127.5) / 127.5 in float32, as the book's NumPy line computes it
        assert.equal(X.item(i, r * 28 + c), Math.fround(Math.fround(pixel(i, r, c) - 127.5) / 127.5));
      }
      assert.equal(np.min(X), -1);
      assert.equal(np.max(X), 1);
      const [X_test, y_test] = fashion_mnist("test", { path: join(FIXTURE, folder) });
      assert.deepEqual(X_test.shape, [5, 784]);
      assert.deepEqual(y_test.tolist(), [9, 8, 7, 6, 5]);
    });
  }

  it("gives the raw pictures on request, and the book's create_data_mnist", () => {
    const [X, y] = fashion_mnist("train", { path: join(FIXTURE, "gz"), flatten: false, scale: false });
    assert.equal(X.dtype, "uint8");
    assert.deepEqual(X.shape, [10, 28, 28]);
    assert.equal(X.item(3, 5, 7), pixel(3, 5, 7));
    assert.deepEqual(fashion_mnist("train", { path: join(FIXTURE, "gz"), flatten: false }).map((a) => a.shape), [[10, 28, 28], [10]]);
    const [X_train, y_train, X_test, y_test] = create_data_mnist(join(FIXTURE, "raw"));
    assert.deepEqual([X_train, y_train, X_test, y_test].map((a) => a.shape), [[10, 28, 28], [10], [5, 28, 28], [5]]);
    assert.deepEqual(X_train.tolist(), X.tolist());
    assert.deepEqual(y_train.tolist(), y.tolist());
  });

  it("finds the data through NNFS_FASHION_MNIST", () => {
    const saved = process.env.NNFS_FASHION_MNIST;
    process.env.NNFS_FASHION_MNIST = join(FIXTURE, "raw");
    try {
      assert.equal(fashion_mnist_path(), join(FIXTURE, "raw"));
      assert.deepEqual(fashion_mnist("test")[1].tolist(), [9, 8, 7, 6, 5]);
    } finally {
      if (saved === undefined) delete process.env.NNFS_FASHION_MNIST;
      else process.env.NNFS_FASHION_MNIST = saved;
    }
  });

  it("the committed fixture is what make_fixture.py writes", function () {
    if (!hasPython()) this.skip();
    const fresh = mkdtempSync(join(tmpdir(), "nnfs-ts-idx-"));
    try {
      execFileSync("python3", [join(FIXTURE, "make_fixture.py"), fresh]);
      for (const name of NAMES) {
        assert.ok(readFileSync(join(fresh, "raw", name)).equals(readFileSync(join(FIXTURE, "raw", name))), name);
        assert.ok(gunzipSync(readFileSync(join(FIXTURE, "gz", `${name}.gz`))).equals(readFileSync(join(FIXTURE, "raw", name))), name);
      }
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});

describe("fashion_mnist: damaged or missing files fail with the reason", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "nnfs-ts-idx-"));
    for (const name of NAMES) copyFileSync(join(FIXTURE, "raw", name), join(dir, name));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (name: string, change: (bytes: Buffer) => Buffer): void =>
    writeFileSync(join(dir, name), change(readFileSync(join(dir, name))));

  it("a bad magic number", () => {
    edit("train-images-idx3-ubyte", (bytes) => { bytes.writeUInt32BE(2049, 0); return bytes; });
    assert.throws(() => fashion_mnist("train", { path: dir }), /train-images-idx3-ubyte: magic number 2049, but an images file starts with 2051/);
    edit("t10k-labels-idx1-ubyte", (bytes) => { bytes.writeUInt32BE(2051, 0); return bytes; });
    assert.throws(() => fashion_mnist("test", { path: dir }), /t10k-labels-idx1-ubyte: magic number 2051, but a labels file starts with 2049/);
  });

  it("a truncated file, raw or gzipped", () => {
    edit("train-images-idx3-ubyte", (bytes) => bytes.subarray(0, bytes.length - 1));
    assert.throws(() => fashion_mnist("train", { path: dir }), /truncated: its header gives shape \(10, 28, 28\), 7856 bytes, but it holds 7855/);
    edit("t10k-labels-idx1-ubyte", (bytes) => bytes.subarray(0, 6));
    assert.throws(() => fashion_mnist("test", { path: dir }), /truncated: 6 bytes, shorter than its 8-byte header/);
    rmSync(join(dir, "t10k-images-idx3-ubyte"));
    const gz = readFileSync(join(FIXTURE, "gz", "t10k-images-idx3-ubyte.gz"));
    writeFileSync(join(dir, "t10k-images-idx3-ubyte.gz"), gz.subarray(0, gz.length - 20));
    assert.throws(() => fashion_mnist("test", { path: dir }), /t10k-images-idx3-ubyte\.gz: cannot decompress: unexpected end of file/);
  });

  it("sizes that do not agree", () => {
    edit("train-images-idx3-ubyte", (bytes) => Buffer.concat([bytes, Buffer.alloc(784)]));
    assert.throws(() => fashion_mnist("train", { path: dir }), /size mismatch: its header gives shape \(10, 28, 28\), 7856 bytes, but it holds 8640/);
    edit("t10k-labels-idx1-ubyte", (bytes) => { bytes.writeUInt32BE(4, 4); return bytes.subarray(0, 12); });
    assert.throws(() => fashion_mnist("test", { path: dir }), /Fashion-MNIST test in .*: 5 images but 4 labels/);
  });

  it("a split that does not exist names the two there are", () => {
    assert.throws(() => fashion_mnist("validation" as "test", { path: dir }), /no dataset 'validation': Fashion-MNIST has 'train' \(60,000 pictures\) and 'test' \(10,000\)/);
    assert.throws(() => fashion_mnist("train", { path: dir, flaten: false } as never), /fashion_mnist\(\) got an unexpected keyword argument 'flaten'/);
  });

  it("a label above 9 is refused", () => {
    edit("train-labels-idx1-ubyte", (bytes) => { bytes[8] = 10; return bytes; });
    assert.throws(() => fashion_mnist("train", { path: dir }), /a label is 10, but its 10 classes are 0-9/);
  });

  it("a gzip that inflates past any Fashion-MNIST file is refused, not inflated", () => {
    writeFileSync(join(dir, "train-images-idx3-ubyte.gz"), gzipSync(Buffer.alloc(80 << 20)));
    rmSync(join(dir, "train-images-idx3-ubyte"), { force: true });
    assert.throws(() => fashion_mnist("train", { path: dir }), /cannot decompress: .*(buffer|length|size)/i);
  });

  it("NNFS_FASHION_MNIST naming a folder without the data is reported, not skipped", () => {
    const saved = process.env.NNFS_FASHION_MNIST;
    process.env.NNFS_FASHION_MNIST = join(dir, "nowhere");
    try {
      assert.throws(() => fashion_mnist("train"), new RegExp(`not found in NNFS_FASHION_MNIST's folder: looked in ${join(dir, "nowhere")} for`));
    } finally {
      if (saved === undefined) delete process.env.NNFS_FASHION_MNIST;
      else process.env.NNFS_FASHION_MNIST = saved;
    }
  });

  it("a folder without the files says where it looked and how to get them", () => {
    rmSync(join(dir, "t10k-labels-idx1-ubyte"));
    assert.throws(() => fashion_mnist("train", { path: dir }),
      (error: Error) => error.message.includes(`looked in ${dir} for train-images-idx3-ubyte(.gz)`) &&
        error.message.includes("NNFS_FASHION_MNIST") && error.message.includes("download_fashion_mnist()"));
  });

  it("offline, the download fails with a clear error and writes nothing", async () => {
    const target = join(dir, "cache");
    // a port nothing listens on any more refuses the connection, as a network without internet would
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    await assert.rejects(download_fashion_mnist({ path: target, url: `http://127.0.0.1:${port}/` }),
      new RegExp(`could not download http://127\\.0\\.0\\.1:${port}/train-images-idx3-ubyte\\.gz \\(ECONNREFUSED\\): offline\\?`));
    assert.deepEqual(readdirSync(target), []);
  });

  it("a download that does not match the published checksum is not saved", async () => {
    const server = createServer((_request, response) => response.end("not the dataset"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const target = join(dir, "cache");
      await assert.rejects(download_fashion_mnist({ path: target, url }),
        /train-images-idx3-ubyte\.gz has MD5 [0-9a-f]{32}, expected 8d4fb7e6c68d591d4c3dfef9ec88bf0d: not saved/);
      assert.deepEqual(readdirSync(target), []);
    } finally {
      server.close();
    }
  });
});

const DEBIAN = "/usr/share/datasets/fashion-mnist";

describe("fashion_mnist: the real dataset (Debian's dataset-fashion-mnist)", function () {
  this.timeout(120_000); // 30 MB to gunzip and scale on a possibly busy machine
  before(function () {
    if (!existsSync(join(DEBIAN, "train-images-idx3-ubyte.gz"))) this.skip();
  });

  it("60000 training and 10000 test pictures, 6000 and 1000 of each class", () => {
    const [X, y] = fashion_mnist("train", { path: DEBIAN });
    const [X_test, y_test] = fashion_mnist("test", { path: DEBIAN });
    assert.deepEqual(X.shape, [60000, 784]);
    assert.deepEqual(X_test.shape, [10000, 784]);
    assert.equal(X.dtype, "float32");
    assert.equal(np.min(X), -1);
    assert.equal(np.max(X), 1);
    const counts = (labels: Uint8Array | Float32Array | Float64Array | Int32Array): number[] => {
      const out = new Array<number>(10).fill(0);
      for (const label of labels) out[label]++;
      return out;
    };
    assert.deepEqual(counts(y.data), new Array(10).fill(6000));
    assert.deepEqual(counts(y_test.data), new Array(10).fill(1000));
  });
});
