// Chart pictures: headless Chromium draws each figure's plotly JSON to a PNG, and the notebook
// tests accept any plausible PNG of the right size in place of the stored one.
import { strict as assert } from "assert";
import { chartPicture, findChromium } from "../../src/notebook/chart-picture";
import { figureJson, plot_classes, plot_decision_regions } from "../../src/notebook/plots";
import { compareOutputs } from "../../src/jupyter/compare";
import type { Output } from "../../src/jupyter/notebook-file";
import * as np from "../../src/np";
import { decodePng, encodePng, shrink } from "../../src/notebook/png";
import * as zlib from "zlib";

const pngSize = (base64: string) => {
  const bytes = Buffer.from(base64, "base64");
  return { signature: bytes.subarray(0, 8).toString("hex"), width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bytes: bytes.length };
};

const picture = (png: string): Output => ({ output_type: "display_data", data: { "image/png": png, "text/plain": "Figure" }, metadata: {} });

describe("chart pictures", function () {
  this.timeout(120_000);
  const X = new np.random.RandomState(0).randn(300, 2);
  const y = np.array(Array.from({ length: 300 }, (_, i) => i % 3));

  before(function () {
    if (findChromium() === null) {
      if (process.env.CI === "true") throw new Error("no Chromium to draw chart pictures with (apt-get install chromium)");
      this.skip();
    }
  });

  it("draws a figure as a PNG of the requested size, small enough to store (under 50 KB)", () => {
    const png = chartPicture(figureJson(plot_classes(X, y, { title: "Spiral data" })), 720, 420);
    assert.ok(png !== null, "no picture");
    const size = pngSize(png);
    assert.deepEqual({ signature: size.signature, width: size.width, height: size.height }, { signature: "89504e470d0a1a0a", width: 720, height: 420 });
    assert.ok(size.bytes > 4_000 && size.bytes < 50_000, `${size.bytes} bytes`);
  });

  it("the browser stays warm: the next figures are drawn by the same page", () => {
    const first = chartPicture(figureJson(plot_classes(X, y, { title: "one" })), 600, 300);
    const second = chartPicture(figureJson(plot_classes(X, y, { title: "two" })), 600, 500);
    assert.ok(first !== null && second !== null);
    assert.equal(pngSize(first).height, 300);
    assert.equal(pngSize(second).height, 500);
    assert.notEqual(first, second);
  });

  it("the notebook tests accept another plausible picture of the same size, and nothing else", () => {
    const a = chartPicture(figureJson(plot_classes(X, y, { title: "a" })), 720, 420);
    const b = chartPicture(figureJson(plot_classes(X, y, { title: "b" })), 720, 420);
    const taller = chartPicture(figureJson(plot_classes(X, y, { title: "a" })), 720, 520);
    assert.ok(a !== null && b !== null && taller !== null);
    assert.equal(compareOutputs([picture(a)], [picture(b)], "cell"), null);
    assert.match(compareOutputs([picture(a)], [picture(taller)], "cell") ?? "", /\+PNG 720×520, plausible size/);
    // A 1×1 picture is what a chart drawn blank or cut short would leave.
    const tiny = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
    assert.match(compareOutputs([picture(a)], [picture(tiny)], "cell") ?? "", /\+PNG 1×1, \d+ bytes: outside the plausible/);
    assert.match(compareOutputs([picture(a)], [picture(Buffer.from("not a picture").toString("base64"))], "cell") ?? "", /\+not a PNG/);
  });

  it("a chart of 3000 points over decision regions is stored in under 50 KB", () => {
    // The notebooks' largest kind of chart (chapter 15's 3000-point spiral over its regions)
    const many = new np.random.RandomState(1).randn(3000, 2);
    const labels = np.array(Array.from({ length: 3000 }, (_, i) => i % 3));
    // Regions of three classes bounded by curves, as a trained network draws them
    const predict = (grid: np.NDArray) => Array.from({ length: grid.shape[0] }, (_, i) => {
      const [a, b] = [grid.data[2 * i], grid.data[2 * i + 1]];
      return Math.floor(Math.abs(3 * Math.sin(2 * a) + b * b)) % 3;
    });
    const png = chartPicture(figureJson(plot_decision_regions(predict, many, labels, { title: "3000 points" })), 720, 420);
    assert.ok(png !== null);
    assert.ok(pngSize(png).bytes < 50_000, `${pngSize(png).bytes} bytes`);
  });
});

describe("PNG files (png.ts, quantize.ts)", () => {
  // A picture with every kind of row a PNG writer may choose: r, g, b from a few patterns.
  const width = 37, height = 11;
  const pixelsOf = (channels: 3 | 4, colour: (x: number, y: number, c: number) => number) => {
    const data = new Uint8Array(width * height * channels);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) for (let c = 0; c < channels; c++) data[(y * width + x) * channels + c] = colour(x, y, c);
    return data;
  };
  const rgb = pixelsOf(3, (x, y, c) => (x * 7 + y * 13 + c * 101 + ((x * y) % 5) * 40) & 255);

  /** The PNG's rows written with the given filter types (0-4, one per row, in turn), as the spec defines them. */
  function filtered(data: Uint8Array, channels: number, colourType: number): Buffer {
    const stride = width * channels;
    const rows: number[] = [];
    for (let r = 0; r < height; r++) {
      const filter = r % 5;
      rows.push(filter);
      for (let i = 0; i < stride; i++) {
        const a = i >= channels ? data[r * stride + i - channels] : 0;
        const b = r > 0 ? data[(r - 1) * stride + i] : 0;
        const c = r > 0 && i >= channels ? data[(r - 1) * stride + i - channels] : 0;
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        rows.push((data[r * stride + i] - [0, a, b, Math.floor((a + b) / 2), paeth][filter]) & 255);
      }
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header.set([8, colourType, 0, 0, 0], 8);
    return Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), pngChunk("IHDR", header),
      pngChunk("IDAT", zlib.deflateSync(Buffer.from(rows))), pngChunk("IEND", Buffer.alloc(0))]);
  }

  it("reads RGB and RGBA rows stored with each of the five filter types", () => {
    assert.deepEqual(decodePng(filtered(rgb, 3, 2)), { width, height, channels: 3, data: rgb });
    const rgba = pixelsOf(4, (x, y, c) => (c === 3 ? (x * 31 + y) & 255 : rgb[(y * width + x) * 3 + c]));
    assert.deepEqual(decodePng(filtered(rgba, 4, 6)), { width, height, channels: 4, data: rgba });
  });

  it("a picture of at most 256 colours is stored with a palette, every pixel exact", () => {
    const few = pixelsOf(3, (x, y, c) => [[255, 255, 255], [99, 110, 250], [239, 85, 59], [0, 0, 0]][(x + 2 * y) % 4][c]);
    const png = shrink(filtered(few, 3, 2));
    assert.equal(png[25], 3, "colour type 3, a palette");
    assert.deepEqual(decodePng(png).data, few);
    assert.deepEqual(decodePng(shrink(encodePng(width, height, rgb))).data, rgb, "this picture has 256 colours or fewer");
  });

  it("a picture of more colours keeps the 256 that serve it best: flat fills exact, the rest close", () => {
    // A white background, three flat colours, and a smooth band of 600 shades (as a colour bar has)
    const [w, h] = [600, 120];
    const data = new Uint8Array(3 * w * h).fill(255);
    const set = (x: number, y: number, colour: number[]) => data.set(colour, 3 * (y * w + x));
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        if (y < 20) set(x, y, [Math.round((255 * x) / (w - 1)), 100, Math.round(255 - (255 * x) / (w - 1))]);
        else if (y >= 40 && y < 60) set(x, y, [[99, 110, 250], [239, 85, 59], [0, 204, 150]][Math.floor((3 * x) / w)]);
      }
    }
    const png = shrink(encodePng(w, h, data));
    const back = decodePng(png).data;
    let worst = 0;
    for (let p = 0; p < w * h; p++) {
      const distance = Math.hypot(back[3 * p] - data[3 * p], back[3 * p + 1] - data[3 * p + 1], back[3 * p + 2] - data[3 * p + 2]);
      if (p >= 20 * w) assert.equal(distance, 0, `pixel ${p % w}, ${Math.floor(p / w)} of a flat fill changed`);
      worst = Math.max(worst, distance);
    }
    assert.ok(worst > 0 && worst <= 2, `the band's shades move by at most 2 (worst ${worst.toFixed(2)})`);
  });

  it("a picture with transparency keeps every pixel, in full colour", () => {
    const rgba = pixelsOf(4, (x, y, c) => (c === 3 ? (x === 3 ? 0 : 255) : rgb[(y * width + x) * 3 + c]));
    assert.deepEqual(decodePng(shrink(filtered(rgba, 4, 6))), { width, height, channels: 4, data: rgba });
  });

  it("refuses what it cannot read, saying why", () => {
    assert.throws(() => shrink(Buffer.from("GIF89a")), /not a PNG/);
    const broken = filtered(rgb, 3, 2);
    broken[25] = 0; // grey
    assert.throws(() => decodePng(broken), /color type 0/);
  });
});

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(data, zlib.crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}
