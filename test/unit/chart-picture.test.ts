// Chart pictures: headless Chromium draws each figure's plotly JSON to a PNG, and the notebook
// tests accept any plausible PNG of the right size in place of the stored one.
import { strict as assert } from "assert";
import { chartPicture, findChromium } from "../../src/notebook/chart-picture";
import { figureJson, plot_classes } from "../../src/notebook/plots";
import { compareOutputs } from "../../src/jupyter/compare";
import type { Output } from "../../src/jupyter/notebook-file";
import * as np from "../../src/np";
import { recompress } from "../../src/notebook/png";
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

  it("recompressing keeps every pixel and header, and makes the file smaller", () => {
    const png = chartPicture(figureJson(plot_classes(X, y, { title: "c" })), 720, 420);
    assert.ok(png !== null);
    const smaller = Buffer.from(png, "base64");
    // Deflate the pixels fast, as Chromium does, and check that recompress gets back the same pixels in fewer bytes.
    const idat = (file: Buffer) => {
      const parts: Buffer[] = [];
      for (let at = 8; at + 12 <= file.length; at += 12 + file.readUInt32BE(at)) {
        if (file.toString("latin1", at + 4, at + 8) === "IDAT") parts.push(file.subarray(at + 8, at + 8 + file.readUInt32BE(at)));
      }
      return zlib.inflateSync(Buffer.concat(parts));
    };
    const header = smaller.subarray(0, 33);
    const fast = Buffer.concat([header, pngChunk("IDAT", zlib.deflateSync(idat(smaller), { level: 1 })), pngChunk("IEND", Buffer.alloc(0))]);
    const again = recompress(fast);
    assert.ok(idat(again).equals(idat(fast)));
    assert.ok(again.subarray(0, 33).equals(header));
    assert.ok(again.length < fast.length, `${again.length} bytes, not fewer than ${fast.length}`);
    assert.throws(() => recompress(Buffer.from("GIF89a")), /not a PNG/);
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
