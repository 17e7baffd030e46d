// Bad data files and bad arguments to the dataset functions (#17 item 6): each ends at once in
// an Error naming what was given, what was expected and which file, folder or variable, and
// changes nothing: no file written, no model parameters changed, no random numbers drawn.
import { strict as assert } from "assert";
import { createHash } from "crypto";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { gzipSync } from "zlib";
import * as np from "../../src/np";
import { config } from "../../src/np/config";
import { nnfs } from "../../src/nnfs";
import { sine_data, spiral_data, vertical_data } from "../../src/nnfs/datasets";
import { create_data_mnist, download_fashion_mnist, fashion_mnist } from "../../src/nnfs/datasets/fashion_mnist";
import { Activation_ReLU, Activation_Softmax, Layer_Dense, Loss_CategoricalCrossentropy, Model, Optimizer_Adam } from "../../src/network";
import { PREFIX, withHeader } from "../helpers/model-file";

/** Root reads and writes whatever the mode bits say: permission cases are skipped under it. */
const asRoot = process.getuid?.() === 0;

/** Every file under `dir`, with its mode and bytes (a folder as "dir"), to show that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const stats = statSync(path);
    const mode = stats.mode;
    if (stats.isDirectory()) {
      out[name] = `dir ${mode.toString(8)}`;
      for (const [inner, bytes] of Object.entries(snapshot(path))) out[`${name}/${inner}`] = bytes;
    } else {
      // a file made unreadable on purpose (not under root) is known by its mode alone
      const readable = (mode & 0o444) !== 0 || asRoot;
      out[name] = `${mode.toString(8)} ${readable ? createHash("sha256").update(readFileSync(path)).digest("hex") : "unreadable"}`;
    }
  }
  return out;
}

/** Throws `expected`, and leaves the folder exactly as it was. */
function refusedUnchanged(dir: string, call: () => unknown, expected: RegExp): void {
  const before = snapshot(dir);
  assert.throws(call, (error: Error) => {
    assert.match(error.message, expected);
    return true;
  });
  assert.deepEqual(snapshot(dir), before);
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const unlessRoot = (name: string, test: () => void): Mocha.Test =>
  (asRoot ? it.skip : it)(`${name}${asRoot ? ": skipped, running as root, where mode bits do not stop reads or writes" : ""}`, test);

describe("bad input: data files and the dataset functions", () => {
  describe("spiral_data, vertical_data, sine_data and nnfs.init refuse bad arguments, drawing nothing", () => {
    beforeEach(() => nnfs.init());

    /** Throws `expected` without drawing from np.random's global stream. */
    const refused = (call: () => unknown, expected: RegExp): void => {
      const before = np.random.get_state();
      assert.throws(call, (error: Error) => {
        assert.match(error.message, expected);
        return true;
      });
      assert.deepEqual(np.random.get_state(), before);
    };

    const counts: [string, () => unknown, RegExp][] = [
      // each used to give an empty dataset (0), a "RangeError: Invalid typed array length: -6",
      // or "cannot create array of shape (7.5,) from 7 elements" from deep in the array code
      ["spiral_data(0, 3)", () => spiral_data(0, 3), /^spiral_data\(\) argument 'samples' must be a whole number of at least 1, got 0$/],
      ["spiral_data(-1, 3)", () => spiral_data(-1, 3), /argument 'samples' must be a whole number of at least 1, got -1$/],
      ["spiral_data(2.5, 3)", () => spiral_data(2.5, 3), /argument 'samples' must be a whole number of at least 1, got 2\.5$/],
      ["spiral_data(NaN, 3)", () => spiral_data(NaN, 3), /argument 'samples' must be a whole number of at least 1, got NaN$/],
      ["spiral_data(10, 0)", () => spiral_data(10, 0), /^spiral_data\(\) argument 'classes' must be a whole number of at least 1, got 0$/],
      ["spiral_data(10, 1.5)", () => spiral_data(10, 1.5), /argument 'classes' must be a whole number of at least 1, got 1\.5$/],
      // (its MemoryError words come from the array code)
      ["spiral_data(1e10, 3)", () => spiral_data(1e10, 3), /^Unable to allocate 224\. GiB for an array with shape \(30000000000, 2\) and data type float32$/],
      ["vertical_data({ samples: '10', classes: 3 })", () => vertical_data({ samples: "10" as never, classes: 3 }), /'samples' must be a whole number of at least 1, got '10'$/],
      ["spiral_data({ samples: 10 }) (classes left out)", () => spiral_data({ samples: 10 } as never), /^spiral_data\(\) missing 1 required positional argument: 'classes'$/],
      ["spiral_data('100', 3)", () => spiral_data("100" as never, 3), /^spiral_data\(\) argument 'samples' must be a number$/],
      ["spiral_data(10, 3, 4)", () => (spiral_data as (...args: unknown[]) => unknown)(10, 3, 4), /^spiral_data\(\) takes 2 positional arguments but 3 were given$/],
      ["spiral_data(10, { samples: 5 })", () => spiral_data(10, { samples: 5 } as never), /^spiral_data\(\) got multiple values for argument 'samples'$/],
      ["vertical_data(-1, 3)", () => vertical_data(-1, 3), /^vertical_data\(\) argument 'samples' must be a whole number of at least 1, got -1$/],
      ["vertical_data(10, 1.5)", () => vertical_data(10, 1.5), /^vertical_data\(\) argument 'classes' must be a whole number of at least 1, got 1\.5$/],
      ["vertical_data({ samples: Infinity, classes: 3 })", () => vertical_data({ samples: Infinity, classes: 3 }), /'samples' must be a whole number of at least 1, got Infinity$/],
      ["sine_data(0)", () => sine_data(0), /^sine_data\(\) argument 'samples' must be a whole number of at least 1, got 0$/],
      ["sine_data(-1)", () => sine_data(-1), /'samples' must be a whole number of at least 1, got -1$/],
      ["sine_data(2.5)", () => sine_data(2.5), /'samples' must be a whole number of at least 1, got 2\.5$/],
      ["sine_data({ samples: NaN })", () => sine_data({ samples: NaN }), /'samples' must be a whole number of at least 1, got NaN$/],
      // used to give the default 1000 points, the string ignored
      ["sine_data('5')", () => sine_data("5" as never), /^sine_data\(\) argument 'samples' must be a number$/],
      ["sine_data(10, 5)", () => (sine_data as (...args: unknown[]) => unknown)(10, 5), /^sine_data\(\) takes 1 positional arguments but 2 were given$/],
    ];
    for (const [name, call, expected] of counts) it(name, () => refused(call, expected));

    it("nnfs.init(null) is nnfs.init() (used to be 'Cannot read properties of null')", () => {
      nnfs.init(null as never);
      const first = np.random.randn(3);
      nnfs.init();
      assert.ok(np.array_equal(first, np.random.randn(3)));
      assert.equal(config.randnDtype, "float32");
    });

    it("nnfs.init with a second argument, a dtype it cannot use or a non-boolean leaves the setup as it was", () => {
      nnfs.init({ default_dtype: null, random_seed: 7 });
      const setup = { ...config };
      const calls: [() => unknown, RegExp][] = [
        // init({}, 42) used to ignore the 42 (and seed with 0)
        [() => (nnfs.init as (...args: unknown[]) => void)({}, 42), /^init\(\) takes its keyword arguments as one object, but 2 arguments were given$/],
        // used to set randn's dtype to int8
        [() => nnfs.init({ default_dtype: "int8" as never }), /^init\(\) argument 'default_dtype' must be 'float32', 'float64' or null, got "int8"$/],
        // used to be taken as true
        [() => nnfs.init({ dot_precision_workaround: "no" as never }), /^init\(\) argument 'dot_precision_workaround' must be true or false, got "no"$/],
        // used to reset the setup to float32 before the seed was refused
        [() => nnfs.init({ random_seed: -1 }), /^Seed must be between 0 and 2\*\*32 - 1$/],
        [() => nnfs.init({ random_seed: 1.5 }), /Cannot cast scalar from dtype\('float64'\) to dtype\('int64'\)/],
      ];
      for (const [call, expected] of calls) {
        refused(call, expected);
        assert.deepEqual({ ...config }, setup);
      }
    });
  });

  describe("fashion_mnist: bad arguments, folders and IDX files", () => {
    const FIXTURE = join(__dirname, "..", "fixtures", "idx", "raw");
    const NAMES = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];
    const [IMAGES, LABELS] = NAMES;
    let root: string;
    let dir: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), "nnfs-ts-bad-idx-"));
      dir = join(root, "data");
      mkdirSync(dir);
      for (const name of NAMES) copyFileSync(join(FIXTURE, name), join(dir, name));
    });
    afterEach(() => {
      chmodSync(dir, 0o755);
      rmSync(root, { recursive: true, force: true });
    });

    /** An IDX file: magic 0, 0, `type`, dims.length; each dimension; then the values. */
    const idx = (type: number, dims: number[], values: Buffer): Buffer => {
      const header = Buffer.alloc(4 + 4 * dims.length);
      header[2] = type;
      header[3] = dims.length;
      dims.forEach((d, k) => header.writeUInt32BE(d, 4 + 4 * k));
      return Buffer.concat([header, values]);
    };
    /** Replaces the fixture's train images with `bytes` (under `name`, so a .gz can stand in) and loads train. */
    const withImages = (bytes: Buffer, name = IMAGES): void => {
      rmSync(join(dir, IMAGES));
      writeFileSync(join(dir, name), bytes);
    };
    const train = (): unknown => fashion_mnist("train", { path: dir });
    const at = (name: string): string => escape(join(dir, name));

    it("a split that does not exist, given as a number", () => {
      refusedUnchanged(root, () => fashion_mnist(5 as never, { path: dir }), /^fashion_mnist: no dataset number 5: Fashion-MNIST has 'train' \(60,000 pictures\) and 'test' \(10,000\)$/);
    });

    it("the options object given in the dataset's place", () => {
      // used to say "no dataset '[object Object]'"
      refusedUnchanged(root, () => fashion_mnist({ path: dir } as never), /^fashion_mnist: no dataset object \{"path":".*"\}: Fashion-MNIST has 'train'/);
    });

    it("an unknown option", () => {
      refusedUnchanged(root, () => fashion_mnist("train", { path: dir, normalize: true } as never), /^fashion_mnist\(\) got an unexpected keyword argument 'normalize'$/);
    });

    it("a third argument (used to be ignored)", () => {
      refusedUnchanged(root, () => (fashion_mnist as (...args: unknown[]) => unknown)("train", { path: dir }, true),
        /^fashion_mnist\(\) takes a dataset and one object of keywords, but 3 arguments were given$/);
    });

    it("flatten or scale that is not a boolean (flatten: 'no' used to flatten)", () => {
      refusedUnchanged(root, () => fashion_mnist("train", { path: dir, flatten: "no" as never }), /^fashion_mnist\(\) argument 'flatten' must be true or false, got "no"$/);
      refusedUnchanged(root, () => fashion_mnist("train", { path: dir, scale: 1 as never }), /^fashion_mnist\(\) argument 'scale' must be true or false, got 1$/);
    });

    it("a path that is not a string, or empty (used to be Node's 'The \"path\" argument must be of type string')", () => {
      refusedUnchanged(root, () => fashion_mnist("train", { path: 5 as never }), /^Fashion-MNIST: the folder must be a path \(a non-empty string\), got 5$/);
      refusedUnchanged(root, () => fashion_mnist("train", { path: "" }), /^Fashion-MNIST: the folder must be a path \(a non-empty string\), got ""$/);
      refusedUnchanged(root, () => create_data_mnist(5 as never), /the folder must be a path \(a non-empty string\), got 5$/);
    });

    it("create_data_mnist with a second argument", () => {
      refusedUnchanged(root, () => (create_data_mnist as (...args: unknown[]) => unknown)(dir, "test"), /^create_data_mnist\(\) takes 1 argument \(the folder\) but 2 were given$/);
    });

    it("a path that is a file, not a folder", () => {
      refusedUnchanged(root, () => fashion_mnist("train", { path: join(dir, IMAGES) }),
        new RegExp(`^Fashion-MNIST not found in the folder given: looked in ${at(IMAGES)} for .* \\(it is a file, not a folder\\)\\. Set NNFS_FASHION_MNIST`));
    });

    it("a folder that does not exist", () => {
      refusedUnchanged(root, () => fashion_mnist("train", { path: join(root, "nowhere") }),
        new RegExp(`looked in ${escape(join(root, "nowhere"))} for .* \\(it does not exist\\)`));
    });

    it("one of the four files missing is named", () => {
      rmSync(join(dir, "t10k-labels-idx1-ubyte"));
      refusedUnchanged(root, train, /\(it lacks t10k-labels-idx1-ubyte\)\. Set NNFS_FASHION_MNIST to a folder holding them/);
    });

    it("a file that is not IDX at all (its first bytes are not 0, 0)", () => {
      withImages(Buffer.from("\x89PNG\r\n\x1a\n and more bytes", "latin1"));
      refusedUnchanged(root, train, new RegExp(`^${at(IMAGES)}: magic number 2303741511, but an images file starts with 2051: not an IDX file, whose first two bytes are 0$`));
    });

    it("an IDX file of another value type (0x0d, float32)", () => {
      withImages(idx(0x0d, [1, 28, 28], Buffer.alloc(4 * 784)));
      refusedUnchanged(root, train, /magic number 3331, but an images file starts with 2051: value type 0x0d in 3 dimensions, where Fashion-MNIST has unsigned bytes \(0x08\) in 3$/);
    });

    it("an IDX file with another number of dimensions", () => {
      withImages(idx(0x08, [10, 784], Buffer.alloc(7840)));
      refusedUnchanged(root, train, /magic number 2050, but an images file starts with 2051: value type 0x08 in 2 dimensions, where Fashion-MNIST has unsigned bytes \(0x08\) in 3$/);
    });

    it("header dimensions that promise more data than the file holds", () => {
      withImages(idx(0x08, [11, 28, 28], Buffer.alloc(10 * 784)));
      refusedUnchanged(root, train, new RegExp(`^${at(IMAGES)}: truncated: its header gives shape \\(11, 28, 28\\), 8640 bytes, but it holds 7856$`));
    });

    it("header dimensions that account for less data than the file holds", () => {
      withImages(idx(0x08, [9, 28, 28], Buffer.alloc(10 * 784)));
      refusedUnchanged(root, train, /size mismatch: its header gives shape \(9, 28, 28\), 7072 bytes, but it holds 7856$/);
    });

    it("header dimensions of 2^32 - 1 each are refused by size, nothing allocated", () => {
      withImages(idx(0x08, [0xffffffff, 0xffffffff, 0xffffffff], Buffer.alloc(8)));
      refusedUnchanged(root, train, /truncated: its header gives shape \(4294967295, 4294967295, 4294967295\), .* bytes, but it holds 24$/);
    });

    it("pictures that are not 28x28 (used to load as 14x56)", () => {
      withImages(idx(0x08, [10, 14, 56], Buffer.alloc(7840)));
      refusedUnchanged(root, train, /^Fashion-MNIST train in .*: pictures of 14x56 pixels, but Fashion-MNIST's are 28x28$/);
    });

    it("fewer labels than images", () => {
      writeFileSync(join(dir, LABELS), idx(0x08, [9], Buffer.alloc(9)));
      refusedUnchanged(root, train, new RegExp(`^Fashion-MNIST train in ${escape(dir)}: 10 images but 9 labels$`));
    });

    it("a label above 9", () => {
      writeFileSync(join(dir, LABELS), idx(0x08, [10], Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 255])));
      refusedUnchanged(root, train, /a label is 255, but its 10 classes are 0-9$/);
    });

    it("an empty file", () => {
      writeFileSync(join(dir, LABELS), Buffer.alloc(0));
      refusedUnchanged(root, train, new RegExp(`^${at(LABELS)}: truncated: 0 bytes, shorter than its 8-byte header$`));
    });

    it("a gzip whose CRC does not match", () => {
      const gz = gzipSync(readFileSync(join(dir, IMAGES)));
      gz[gz.length - 6] ^= 0xff; // inside the CRC-32, the last 8 bytes but the size
      withImages(gz, `${IMAGES}.gz`);
      refusedUnchanged(root, train, new RegExp(`^${at(`${IMAGES}.gz`)}: cannot decompress: incorrect data check$`));
    });

    it("a gzip cut short", () => {
      withImages(gzipSync(readFileSync(join(dir, IMAGES))).subarray(0, 40), `${IMAGES}.gz`);
      refusedUnchanged(root, train, /-idx3-ubyte\.gz: cannot decompress: unexpected end of file$/);
    });

    it("a gzip bomb (80 MiB of zeros in 80 kB) is refused, not inflated", () => {
      withImages(gzipSync(Buffer.alloc(80 << 20)), `${IMAGES}.gz`);
      // used to end in Node's "Cannot create a Buffer larger than 67108864 bytes"
      refusedUnchanged(root, train, /\.gz: cannot decompress: it inflates past 64 MiB, a size no Fashion-MNIST file has \(the largest is 47 MB\)$/);
    });

    it("a folder in place of a file (used to be 'EISDIR: illegal operation on a directory, read', no path)", () => {
      rmSync(join(dir, LABELS));
      mkdirSync(join(dir, LABELS));
      refusedUnchanged(root, train, new RegExp(`^${at(LABELS)}: cannot read: it is a folder, not a file$`));
    });

    unlessRoot("an unreadable file (chmod 000)", () => {
      chmodSync(join(dir, LABELS), 0);
      refusedUnchanged(root, train, new RegExp(`^${at(LABELS)}: cannot read: permission denied \\(make it readable\\)$`));
    });

    it("null options are no options (used to be 'Cannot read properties of null (reading 'flatten')')", () => {
      const before = snapshot(root);
      const saved = process.env.NNFS_FASHION_MNIST;
      process.env.NNFS_FASHION_MNIST = dir;
      try {
        const [X, y] = fashion_mnist("train", null as never);
        assert.deepEqual([X.shape, y.shape], [[10, 784], [10]]);
      } finally {
        if (saved === undefined) delete process.env.NNFS_FASHION_MNIST;
        else process.env.NNFS_FASHION_MNIST = saved;
      }
      assert.deepEqual(snapshot(root), before);
    });

    describe("download_fashion_mnist: bad arguments are refused before a folder is made or a byte fetched", () => {
      it("an unknown keyword (used to be ignored, downloading into the default cache)", async () => {
        await assert.rejects(download_fashion_mnist({ path: join(root, "cache"), urll: "x" } as never), /^TypeError: download_fashion_mnist\(\) got an unexpected keyword argument 'urll'$/);
        assert.deepEqual(readdirSync(root), ["data"]);
      });

      it("a url that is not one (used to be 'Invalid URL', after the folder was made)", async () => {
        await assert.rejects(download_fashion_mnist({ path: join(root, "cache"), url: "fashion-mnist mirror" }),
          /^TypeError: download_fashion_mnist: url "fashion-mnist mirror" is not a URL \(the default is http:\/\/fashion-mnist/);
        assert.deepEqual(readdirSync(root), ["data"]);
      });

      it("a path that is a file (used to be 'EEXIST: file already exists, mkdir')", async () => {
        const before = snapshot(root);
        await assert.rejects(download_fashion_mnist({ path: join(dir, IMAGES) }),
          new RegExp(`^Error: download_fashion_mnist: ${at(IMAGES)} is a file, not a folder to download into$`));
        assert.deepEqual(snapshot(root), before);
      });
    });

    describe("NNFS_FASHION_MNIST", () => {
      let saved: string | undefined;
      beforeEach(() => { saved = process.env.NNFS_FASHION_MNIST; });
      afterEach(() => {
        if (saved === undefined) delete process.env.NNFS_FASHION_MNIST;
        else process.env.NNFS_FASHION_MNIST = saved;
      });

      it("pointing nowhere says so, naming the variable and the folder", () => {
        process.env.NNFS_FASHION_MNIST = join(root, "nowhere");
        refusedUnchanged(root, () => fashion_mnist("test"),
          new RegExp(`^Fashion-MNIST not found in NNFS_FASHION_MNIST's folder: looked in ${escape(join(root, "nowhere"))} for .* \\(it does not exist\\)`));
      });

      it("pointing at a file says it is not a folder", () => {
        process.env.NNFS_FASHION_MNIST = join(dir, IMAGES);
        refusedUnchanged(root, () => create_data_mnist(), /in NNFS_FASHION_MNIST's folder: .*\(it is a file, not a folder\)/);
      });
    });
  });

  describe("model and parameter files: damaged, misplaced or of another model", () => {
    let dir: string;
    let model: Model;
    let parametersFile: Buffer;
    let modelFile: Buffer;

    const smallModel = (hidden: number): Model => {
      const m = new Model();
      m.add(new Layer_Dense(2, hidden));
      m.add(new Activation_ReLU());
      m.add(new Layer_Dense(hidden, 3));
      m.add(new Activation_Softmax());
      m.set({ loss: new Loss_CategoricalCrossentropy(), optimizer: new Optimizer_Adam() });
      m.finalize();
      return m;
    };

    before(() => {
      nnfs.init();
      model = smallModel(4);
    });
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), "nnfs-ts-bad-model-"));
      model.save_parameters(join(dir, "m.parms"));
      model.save(join(dir, "m.model"));
      parametersFile = readFileSync(join(dir, "m.parms"));
      modelFile = readFileSync(join(dir, "m.model"));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    /** load_parameters and Model.load both refuse `path` with `expected`; the model and folder stay as they were. */
    const bothRefuse = (path: string, expected: RegExp): void => {
      const parameters = model.get_parameters().flat().map((a) => a.copy());
      refusedUnchanged(dir, () => model.load_parameters(path), expected);
      refusedUnchanged(dir, () => Model.load(path), expected);
      model.get_parameters().flat().forEach((a, i) => assert.ok(np.array_equal(a, parameters[i])));
    };
    /** A parameters file with these bytes, its checksum left as is. */
    const damaged = (bytes: Buffer): string => {
      const path = join(dir, "damaged.parms");
      writeFileSync(path, bytes);
      return path;
    };
    /** A file whose header `edit` rewrote, with a correct checksum, as a careless writer could make. */
    const rewritten = (file: Buffer, edit: (header: Record<string, any>) => void): string => damaged(withHeader(file, edit));
    const cannotLoad = (path: string, reason: string): RegExp => new RegExp(`^cannot load ${escape(path)}: ${reason}$`);

    it("an empty file", () => {
      const path = damaged(Buffer.alloc(0));
      bothRefuse(path, cannotLoad(path, "truncated: 0 bytes, shorter than the 24-byte prefix"));
    });

    it("a folder in place of the file (used to be 'EISDIR: illegal operation on a directory, read')", () => {
      mkdirSync(join(dir, "folder.parms"));
      bothRefuse(join(dir, "folder.parms"), cannotLoad(join(dir, "folder.parms"), "it is a folder, not a file"));
    });

    it("a path that does not exist is named (used to be Node's 'ENOENT: no such file or directory, open')", () => {
      bothRefuse(join(dir, "missing.parms"), cannotLoad(join(dir, "missing.parms"), "no such file"));
    });

    it("a path through a file (ENOTDIR)", () => {
      const path = join(dir, "m.parms", "inner");
      bothRefuse(path, cannotLoad(path, "a part of its path is a file, not a folder"));
    });

    it("a path that is not a string", () => {
      assert.throws(() => Model.load(5 as never), /^TypeError: cannot load: the path must be a non-empty string, got 5$/);
      assert.throws(() => model.load_parameters(undefined as never), /^TypeError: cannot load: the path must be a non-empty string, got undefined$/);
    });

    for (const cut of [1, 23, 24, 40, -33, -1]) {
      it(`truncated to ${cut < 0 ? `its length ${cut}` : cut} bytes`, () => {
        const path = damaged(parametersFile.subarray(0, cut < 0 ? parametersFile.length + cut : cut));
        const reason = cut > 0 && cut < PREFIX ? `truncated: ${cut} bytes, shorter than the 24-byte prefix` : `truncated: \\d+ bytes, expected ${parametersFile.length}`;
        bothRefuse(path, cannotLoad(path, reason));
      });
    }

    it("version 0", () => {
      const bytes = Buffer.from(parametersFile);
      bytes.writeUInt32LE(0, 8);
      const path = damaged(bytes);
      bothRefuse(path, cannotLoad(path, "format version 0, but this nnfs-ts reads version 1"));
    });

    it("a header length of 0xffffffff is refused by the file's size, not allocated", () => {
      const bytes = Buffer.from(parametersFile);
      bytes.writeUInt32LE(0xffffffff, 12);
      const path = damaged(bytes);
      bothRefuse(path, cannotLoad(path, `truncated: ${bytes.length} bytes, expected \\d+`));
    });

    it("a data length of 2^60 is refused without reading", () => {
      const bytes = Buffer.from(parametersFile);
      bytes.writeBigUInt64LE(2n ** 60n, 16);
      const path = damaged(bytes);
      bothRefuse(path, cannotLoad(path, `truncated: ${bytes.length} bytes, expected \\d+`));
    });

    const headers: [string, (header: Record<string, any>) => void, string][] = [
      ["content missing (used to say 'holds undefined')", (h) => { delete h.content; }, `the header's content is missing, expected "model" or "parameters"`],
      ["content of another kind", (h) => { h.content = "optimizer"; }, `the header's content is "optimizer", expected "model" or "parameters"`],
      ["tensors not an array", (h) => { h.tensors = { 0: h.tensors[0] }; }, "the header has no array list"],
      ["a negative shape", (h) => { h.tensors[0].shape = [-2, 4]; }, `array 0 has an invalid dtype or shape: dtype "float32" and shape \\[-2,4\\], where a file holds float32 or float64 arrays of whole-number sizes`],
      ["an unknown dtype", (h) => { h.tensors[1].dtype = "float16"; }, `array 1 has an invalid dtype or shape: dtype "float16" and shape \\[1,4\\], where .*`],
      ["a tensor entry that is null", (h) => { h.tensors[0] = null; }, "array 0 has an invalid dtype or shape: dtype undefined and shape undefined, where .*"],
      ["a negative offset", (h) => { h.tensors[0].offset = -4; }, "array 0 has offset -4, but the arrays before it end at byte 0"],
      ["an offset given as a string", (h) => { h.tensors[0].offset = "0"; }, `array 0 has offset "0", but the arrays before it end at byte 0`],
      // used to load the biases from the weights' bytes
      ["offsets overlapping", (h) => { h.tensors[1].offset = 0; }, "array 1 has offset 0, but the arrays before it end at byte 32"],
      ["bytes that belong to no array", (h) => { h.tensors[3].shape = [1, 1]; }, "its arrays fill 100 of the 108 data bytes"],
      ["the parameter list missing", (h) => { delete h.parameters; }, "the header has no parameter list"],
    ];
    for (const [name, edit, reason] of headers) {
      it(`a valid header JSON with ${name}`, () => {
        const path = rewritten(parametersFile, edit);
        const parameters = model.get_parameters().flat().map((a) => a.copy());
        refusedUnchanged(dir, () => model.load_parameters(path), cannotLoad(path, reason));
        model.get_parameters().flat().forEach((a, i) => assert.ok(np.array_equal(a, parameters[i])));
      });
    }

    it("a model file whose layer attributes are not an object (used to load with defaults)", () => {
      const path = rewritten(modelFile, (h) => { h.model.layers[0].attributes = 5; });
      refusedUnchanged(dir, () => Model.load(path), cannotLoad(path, "Layer_Dense's attributes are not an object of names and values"));
      const arrays = rewritten(modelFile, (h) => { h.model.layers[2].arrays = ["weights"]; });
      refusedUnchanged(dir, () => Model.load(arrays), cannotLoad(arrays, "Layer_Dense's arrays are not an object of names and values"));
    });

    it("parameters of a model with fewer layers change nothing", () => {
      const deeper = new Model();
      for (const layer of [new Layer_Dense(2, 4), new Activation_ReLU(), new Layer_Dense(4, 4), new Activation_ReLU(), new Layer_Dense(4, 3), new Activation_Softmax()]) deeper.add(layer);
      deeper.set({ loss: new Loss_CategoricalCrossentropy(), optimizer: new Optimizer_Adam() });
      deeper.finalize();
      const parameters = deeper.get_parameters().flat().map((a) => a.copy());
      refusedUnchanged(dir, () => deeper.load_parameters(join(dir, "m.parms")), /^set_parameters: got parameters for 2 layers, the model has 3 trainable layers$/);
      deeper.get_parameters().flat().forEach((a, i) => assert.ok(np.array_equal(a, parameters[i])));
    });

    it("parameters of a model of another shape change nothing", () => {
      const other = join(dir, "other.parms");
      smallModel(8).save_parameters(other);
      const parameters = model.get_parameters().flat().map((a) => a.copy());
      refusedUnchanged(dir, () => model.load_parameters(other), /weights of trainable layer 0 have shape \(2,8\), the model's have shape \(2,4\)/);
      model.get_parameters().flat().forEach((a, i) => assert.ok(np.array_equal(a, parameters[i])));
    });

    describe("saving to a bad path writes nothing", () => {
      it("a folder that does not exist (used to be 'ENOENT: no such file or directory, scandir')", () => {
        const path = join(dir, "missing", "m.model");
        refusedUnchanged(dir, () => model.save(path), new RegExp(`^cannot save ${escape(path)}: the folder ${escape(join(dir, "missing"))} does not exist \\(create it first\\)$`));
        refusedUnchanged(dir, () => model.save_parameters(path), /the folder .*missing does not exist \(create it first\)$/);
      });

      it("a folder's path (used to fail renaming the temporary file over it)", () => {
        mkdirSync(join(dir, "folder"));
        const expected = new RegExp(`^cannot save ${escape(join(dir, "folder"))}: it is a folder; give a file name inside it$`);
        refusedUnchanged(dir, () => model.save(join(dir, "folder")), expected);
        refusedUnchanged(dir, () => model.save_parameters(join(dir, "folder")), expected);
      });

      it("a path through a file", () => {
        const path = join(dir, "m.parms", "m.model");
        refusedUnchanged(dir, () => model.save(path), new RegExp(`^cannot save ${escape(path)}: ${escape(join(dir, "m.parms"))} is a file, not a folder$`));
      });

      unlessRoot("a folder that is not writable (chmod 555)", () => {
        mkdirSync(join(dir, "locked"));
        chmodSync(join(dir, "locked"), 0o555);
        const path = join(dir, "locked", "m.model");
        // used to be "EACCES: permission denied, open '.../.m.model.1234.5f3a.tmp'"
        refusedUnchanged(dir, () => model.save(path), new RegExp(`^cannot save ${escape(path)}: the folder ${escape(join(dir, "locked"))} is not writable \\(permission denied\\)$`));
      });

      it("a read-only file is kept, not replaced", () => {
        const path = join(dir, "m.model");
        chmodSync(path, 0o444);
        refusedUnchanged(dir, () => model.save(path), /^cannot write .*m\.model: the file is read-only \(make it writable or choose another path\)$/);
      });

      it("an empty path or one that is not a string", () => {
        refusedUnchanged(dir, () => model.save(""), /^cannot save: the path must be a non-empty string, got ""$/);
        refusedUnchanged(dir, () => model.save_parameters(5 as never), /^cannot save: the path must be a non-empty string, got 5$/);
      });
    });
  });
});
