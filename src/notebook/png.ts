// PNG files in and out, for the pictures stored in notebooks. Chromium writes a chart as 8-bit
// RGBA with a fast zlib setting; `shrink` stores the same chart in about a third of the bytes
// (see quantize.ts), so that notebooks/ stays a few MB.
import * as zlib from "zlib";
import { quantize } from "./quantize";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const RGB = 2, INDEXED = 3, RGBA = 6;

interface Chunk {
  type: string;
  data: Buffer;
}

/** Decoded pixels: `channels` bytes per pixel (3 RGB, 4 RGBA), rows from the top. */
export interface Pixels {
  width: number;
  height: number;
  channels: 3 | 4;
  data: Uint8Array;
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

function paeth(a: number, b: number, c: number): number {
  const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * The pixels of an 8-bit, non-interlaced RGB, RGBA or palette PNG (what Chromium and this file
 * write); a palette picture comes back as RGB.
 */
export function decodePng(png: Buffer): Pixels {
  const chunks = chunksOf(png);
  const header = chunks.find((c) => c.type === "IHDR");
  if (!header) throw new Error("not a PNG: it has no IHDR chunk");
  const width = header.data.readUInt32BE(0), height = header.data.readUInt32BE(4);
  const [depth, colorType, , , interlace] = header.data.subarray(8, 13);
  const bytesPerPixel = { [RGB]: 3, [INDEXED]: 1, [RGBA]: 4 }[colorType];
  if (depth !== 8 || bytesPerPixel === undefined || interlace !== 0) {
    throw new Error(`PNG of bit depth ${depth}, color type ${colorType}, interlace ${interlace}: only 8-bit RGB, RGBA or palette, not interlaced, is read`);
  }
  const stride = bytesPerPixel * width;
  const rows = zlib.inflateSync(Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data)));
  if (rows.length !== height * (1 + stride)) throw new Error(`PNG pixel data of ${rows.length} bytes, not the ${height * (1 + stride)} its header implies`);
  const data = new Uint8Array(height * stride);
  for (let r = 0; r < height; r++) {
    const filter = rows[r * (1 + stride)], line = r * (1 + stride) + 1, at = r * stride;
    if (filter > 4) throw new Error(`PNG row ${r} has filter type ${filter}, not 0-4`);
    for (let i = 0; i < stride; i++) {
      // a: the same byte one pixel left, b: the one above, c: above and left (0 off the edge)
      const a = i >= bytesPerPixel ? data[at + i - bytesPerPixel] : 0;
      const b = r > 0 ? data[at - stride + i] : 0;
      const c = r > 0 && i >= bytesPerPixel ? data[at - stride + i - bytesPerPixel] : 0;
      const predicted = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c);
      data[at + i] = (rows[line + i] + predicted) & 255;
    }
  }
  if (colorType !== INDEXED) return { width, height, channels: bytesPerPixel === 3 ? 3 : 4, data };
  const palette = chunks.find((c) => c.type === "PLTE");
  if (!palette) throw new Error("palette PNG without a PLTE chunk");
  const rgb = new Uint8Array(3 * data.length);
  for (let p = 0; p < data.length; p++) {
    if (3 * data[p] + 3 > palette.data.length) throw new Error(`PNG pixel ${p} uses palette entry ${data[p]} of ${palette.data.length / 3}`);
    rgb.set(palette.data.subarray(3 * data[p], 3 * data[p] + 3), 3 * p);
  }
  return { width, height, channels: 3, data: rgb };
}

/** A PNG of the given header fields and rows of `bytesPerRow` bytes, each stored unfiltered. */
function encode(width: number, height: number, colorType: number, bytesPerRow: number, pixels: Uint8Array, extra: Chunk[] = []): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, colorType, 0, 0, 0], 8); // 8 bits, colour type, deflate, no filter method, no interlace
  // Each row starts with its filter type, 0 (none): for pictures of flat colours it deflates best.
  const rows = Buffer.alloc(height * (1 + bytesPerRow));
  for (let r = 0; r < height; r++) rows.set(pixels.subarray(r * bytesPerRow, (r + 1) * bytesPerRow), r * (1 + bytesPerRow) + 1);
  const idat = zlib.deflateSync(rows, { level: 9, memLevel: 9 });
  const chunks = [{ type: "IHDR", data: header }, ...extra, { type: "IDAT", data: idat }, { type: "IEND", data: Buffer.alloc(0) }];
  return Buffer.concat([SIGNATURE, ...chunks.map(chunk)]);
}

/** A PNG of 8-bit RGB pixels, row by row from the top (for small pictures made in the kernel). */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  return encode(width, height, RGB, 3 * width, rgb);
}

/**
 * The picture with at most 256 colours, as a palette PNG: exact when it has no more, otherwise
 * the nearest of 256 chosen colours (quantize.ts). A picture with any transparency is kept in
 * full colour, only deflated again at zlib's best setting.
 */
export function shrink(png: Buffer): Buffer {
  const { width, height, channels, data } = decodePng(png);
  let rgb = data;
  if (channels === 4) {
    for (let i = 3; i < data.length; i += 4) {
      if (data[i] !== 255) return encode(width, height, RGBA, 4 * width, data);
    }
    rgb = new Uint8Array(3 * width * height);
    for (let p = 0, q = 0; q < rgb.length; p += 4, q += 3) [rgb[q], rgb[q + 1], rgb[q + 2]] = [data[p], data[p + 1], data[p + 2]];
  }
  const { palette, indices } = quantize(rgb, 256);
  return encode(width, height, INDEXED, width, indices, [{ type: "PLTE", data: Buffer.from(palette) }]);
}
