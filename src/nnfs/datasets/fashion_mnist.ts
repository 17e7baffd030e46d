// Fashion-MNIST (chapters 19-22): 70,000 grey 28x28 pictures of clothes in 10 classes, 60,000
// for training and 10,000 for testing. The book downloads a zip of PNG files; the dataset's
// own distribution is four IDX files (below), which Debian packages as dataset-fashion-mnist
// and which this loader reads directly, gzipped or not.
//
// IDX: a big-endian header, then the values row-major. The header's first four bytes are
// 0, 0, the value type (0x08: unsigned byte) and the number of dimensions, so an images file
// (3 dimensions) starts with the number 2051 and a labels file (1 dimension) with 2049; each
// dimension's size follows as a uint32.
import { createHash } from "crypto";
import { existsSync, mkdirSync, readFileSync, statSync } from "fs";
import { homedir } from "os";
import { join } from "path";
import { gunzipSync } from "zlib";
import { NDArray } from "../../np/core";
import { writeAtomically } from "../../files";
import { checkKeywords } from "../../np/keywords";
import { whyUnreadable } from "../read-error";

const IMAGES_MAGIC = 2051;
const MAX_INFLATED = 64 << 20;
const LABELS_MAGIC = 2049;

/** The four files, with the MD5 checksums the dataset's README publishes for the .gz downloads. */
const FILES = {
  train: { images: "train-images-idx3-ubyte", labels: "train-labels-idx1-ubyte" },
  test: { images: "t10k-images-idx3-ubyte", labels: "t10k-labels-idx1-ubyte" },
};
const DOWNLOAD_MD5: Record<string, string> = {
  "train-images-idx3-ubyte.gz": "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
  "train-labels-idx1-ubyte.gz": "25c81989df183df01b3e8a0aad5dffbe",
  "t10k-images-idx3-ubyte.gz": "bef4ecab320f06d8554ea6380940ec79",
  "t10k-labels-idx1-ubyte.gz": "bb300cfdad3c16e7a12a480ee83cd310",
};
const DOWNLOAD_URL = "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/";
const DEBIAN_PATH = "/usr/share/datasets/fashion-mnist";
const CACHE_PATH = join(homedir(), ".cache", "nnfs-ts", "fashion-mnist");

export interface FashionMnistOptions {
  /** The folder with the four files; by default NNFS_FASHION_MNIST, Debian's folder, then the download cache. */
  path?: string;
  /** (n, 784) rows, as the book reshapes them (default), or (n, 28, 28) pictures. */
  flatten?: boolean;
  /** float32 scaled to [-1, 1] as the book does, (X - 127.5) / 127.5 (default), or the raw uint8 pixels. */
  scale?: boolean;
}

/**
 * `const [X, y] = fashion_mnist("train")`, `fashion_mnist("test")`: the pictures ready for the
 * network (flattened, scaled to [-1, 1]) and their labels (uint8, 0-9), in the files' order.
 */
export function fashion_mnist(dataset: "train" | "test" = "train", options: FashionMnistOptions = {}): [NDArray, NDArray] {
  // A third argument would otherwise be ignored, and flatten: "no" taken as true.
  if (arguments.length > 2) throw new TypeError(`fashion_mnist() takes a dataset and one object of keywords, but ${arguments.length} arguments were given`);
  checkKeywords("fashion_mnist", options, ["path", "flatten", "scale"]);
  if (typeof dataset !== "string" || !Object.prototype.hasOwnProperty.call(FILES, dataset)) {
    const given = typeof dataset === "string" ? `'${dataset}'` : `${typeof dataset} ${JSON.stringify(dataset)}`;
    throw new Error(`fashion_mnist: no dataset ${given}: Fashion-MNIST has 'train' (60,000 pictures) and 'test' (10,000)`);
  }
  // null, as checkKeywords allows it, is no keywords (it used to fail reading a property of null).
  const { path, flatten = true, scale = true } = options ?? {};
  for (const [name, value] of Object.entries({ flatten, scale })) {
    if (typeof value !== "boolean") throw new TypeError(`fashion_mnist() argument '${name}' must be true or false, got ${JSON.stringify(value)}`);
  }
  const folder = fashion_mnist_path(path);
  const images = readIdx(join(folder, FILES[dataset].images), IMAGES_MAGIC);
  const labels = readIdx(join(folder, FILES[dataset].labels), LABELS_MAGIC);
  const [samples, rows, columns] = images.shape;
  if (rows !== 28 || columns !== 28) throw new Error(`Fashion-MNIST ${dataset} in ${folder}: pictures of ${rows}x${columns} pixels, but Fashion-MNIST's are 28x28`);
  let highest = 0;
  for (const label of labels.data) highest = Math.max(highest, label);
  if (highest > 9) throw new Error(`Fashion-MNIST ${dataset} in ${folder}: a label is ${highest}, but its 10 classes are 0-9`);
  if (labels.shape[0] !== samples) {
    throw new Error(`Fashion-MNIST ${dataset} in ${folder}: ${samples} images but ${labels.shape[0]} labels`);
  }
  const shape = flatten ? [samples, rows * columns] : [samples, rows, columns];
  const X = scale ? scaled(images, shape) : new NDArray(images.data, shape, "uint8");
  return [X, labels];
}

/**
 * The book's create_data_mnist(path): `const [X, y, X_test, y_test] = create_data_mnist()`,
 * the pictures as uint8 (n, 28, 28), before the book's scaling and reshaping.
 */
export function create_data_mnist(path?: string): [NDArray, NDArray, NDArray, NDArray] {
  if (arguments.length > 1) throw new TypeError(`create_data_mnist() takes 1 argument (the folder) but ${arguments.length} were given`);
  const raw = { path, flatten: false, scale: false };
  return [...fashion_mnist("train", raw), ...fashion_mnist("test", raw)];
}

/** The folder the data comes from: the given one, else the first of NNFS_FASHION_MNIST, Debian's folder and the cache that holds it. */
export function fashion_mnist_path(path?: string): string {
  // A folder named on purpose (the argument, or NNFS_FASHION_MNIST) is the only place looked in:
  // when it lacks the data, that is a mistake to report, not one to skip quietly.
  if (path !== undefined && (typeof path !== "string" || path === "")) {
    throw new TypeError(`Fashion-MNIST: the folder must be a path (a non-empty string), got ${JSON.stringify(path)}`);
  }
  const env = process.env.NNFS_FASHION_MNIST || undefined;
  const chosen = path ?? env;
  const folders = chosen !== undefined ? [chosen] : [DEBIAN_PATH, CACHE_PATH];
  const found = folders.find((folder) => missingFiles(folder).length === 0);
  if (found !== undefined) return found;
  const where = path !== undefined ? " in the folder given" : env !== undefined ? " in NNFS_FASHION_MNIST's folder" : "";
  throw new Error(
    `Fashion-MNIST not found${where}: looked in ${folders.join(", ")} for ${datasetFileNames().join(", ")}` +
    `${chosen !== undefined ? ` (${whatIsWrong(chosen)})` : ""}. ` +
    "Set NNFS_FASHION_MNIST to a folder holding them, install Debian's dataset-fashion-mnist, " +
    `or run \`await download_fashion_mnist()\` to fetch them into ${CACHE_PATH}.`);
}

/**
 * Downloads the four .gz files into `path` (the cache by default), checking each against the
 * dataset's published MD5 and writing it atomically; files already there and intact are kept.
 * Resolves to the folder.
 */
export async function download_fashion_mnist(options: { path?: string; url?: string } = {}): Promise<string> {
  checkKeywords("download_fashion_mnist", options, ["path", "url"]);
  const { path = CACHE_PATH, url = DOWNLOAD_URL } = options ?? {};
  // Checked before the folder is made: Node would say "Invalid URL" or "EEXIST ... mkdir".
  try {
    new URL(url);
  } catch {
    throw new TypeError(`download_fashion_mnist: url ${JSON.stringify(url)} is not a URL (the default is ${DOWNLOAD_URL})`);
  }
  if (existsSync(path) && !statSync(path).isDirectory()) throw new Error(`download_fashion_mnist: ${path} is a file, not a folder to download into`);
  mkdirSync(path, { recursive: true });
  for (const [name, md5] of Object.entries(DOWNLOAD_MD5)) {
    const target = join(path, name);
    if (existsSync(target) && md5Of(readFileSync(target)) === md5) continue;
    const source = new URL(name, url).href;
    let bytes: Buffer;
    try {
      const response = await fetch(source);
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
      bytes = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new Error(`could not download ${source} (${reason}): offline? Copy the four Fashion-MNIST files into ${path} or set NNFS_FASHION_MNIST`);
    }
    const actual = md5Of(bytes);
    if (actual !== md5) throw new Error(`downloaded ${source} has MD5 ${actual}, expected ${md5}: not saved`);
    writeAtomically(target, bytes);
  }
  return path;
}

function datasetFileNames(): string[] {
  return Object.values(FILES).flatMap((files) => [files.images, files.labels]).map((name) => `${name}(.gz)`);
}

/** The dataset's files that `folder` holds neither raw nor gzipped. */
function missingFiles(folder: string): string[] {
  return Object.values(FILES).flatMap((files) => [files.images, files.labels])
    .filter((name) => !existsSync(join(folder, name)) && !existsSync(join(folder, `${name}.gz`)));
}

/** Why a folder named on purpose does not hold the dataset, for the message. */
function whatIsWrong(folder: string): string {
  if (!existsSync(folder)) return "it does not exist";
  if (!statSync(folder).isDirectory()) return "it is a file, not a folder";
  return `it lacks ${missingFiles(folder).join(", ")}`;
}

/** An IDX file of unsigned bytes (`name` or `name.gz`), checked against its expected magic number and size. */
function readIdx(path: string, magic: number): NDArray {
  const file = existsSync(path) ? path : `${path}.gz`;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new Error(`${file}: cannot read: ${whyUnreadable(error)}`);
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      // The largest file inflates to 47 MB: a file that claims more is refused, not inflated.
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_INFLATED });
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      const reason = code === "ERR_BUFFER_TOO_LARGE" ? `it inflates past ${MAX_INFLATED >> 20} MiB, a size no Fashion-MNIST file has (the largest is 47 MB)` : message;
      throw new Error(`${file}: cannot decompress: ${reason}`);
    }
  }
  const ndim = magic & 0xff;
  const headerBytes = 4 + 4 * ndim;
  if (bytes.length < headerBytes) throw new Error(`${file}: truncated: ${bytes.length} bytes, shorter than its ${headerBytes}-byte header`);
  const found = bytes.readUInt32BE(0);
  if (found !== magic) {
    // Its parts say more than the number: not IDX at all, another value type, or other dimensions.
    const kind = magic === IMAGES_MAGIC ? "an images" : "a labels";
    const detail = bytes[0] !== 0 || bytes[1] !== 0
      ? "not an IDX file, whose first two bytes are 0"
      : `value type 0x${bytes[2].toString(16).padStart(2, "0")} in ${bytes[3]} dimensions, where Fashion-MNIST has unsigned bytes (0x08) in ${ndim}`;
    throw new Error(`${file}: magic number ${found}, but ${kind} file starts with ${magic}: ${detail}`);
  }
  const shape = Array.from({ length: ndim }, (_, k) => bytes.readUInt32BE(4 + 4 * k));
  const expected = headerBytes + shape.reduce((a, b) => a * b, 1);
  if (bytes.length !== expected) {
    const problem = bytes.length < expected ? "truncated" : "size mismatch";
    throw new Error(`${file}: ${problem}: its header gives shape (${shape.join(", ")}), ${expected} bytes, but it holds ${bytes.length}`);
  }
  return new NDArray(new Uint8Array(bytes.subarray(headerBytes)), shape, "uint8");
}

/**
 * (pixels - 127.5) / 127.5 in float32, as NumPy computes it on a float32 array. There are only
 * 256 pixel values, so each result is computed once. (Double arithmetic rounded to float32 is
 * exactly float32 arithmetic for one subtraction or division of float32 values.)
 */
function scaled(pixels: NDArray, shape: number[]): NDArray {
  const table = new Float32Array(256);
  for (let v = 0; v < 256; v++) table[v] = Math.fround(v - 127.5) / 127.5;
  const out = new Float32Array(pixels.size);
  const data = pixels.data;
  for (let i = 0; i < out.length; i++) out[i] = table[data[i]];
  return new NDArray(out, shape, "float32");
}

function md5Of(bytes: Buffer): string {
  return createHash("md5").update(bytes).digest("hex");
}
