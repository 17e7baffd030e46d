// A chart drawn by Chromium has a few thousand colours, most of them the soft edges of lines,
// markers and letters blended onto the background. Stored as one byte per pixel, an index into
// 256 of them, it takes about a third of the bytes, and the eye cannot tell the two apart. The
// 256 are chosen greedily, each the colour worst served by those before it (its distance to
// the nearest squared, times its pixel count), which keeps the flat fills, every trace colour and
// the steps of a colour scale; then k-means moves each to the mean of the pixels it stands for.

const ROUNDS = 5;

export interface Quantized {
  /** r, g, b of each palette entry */
  palette: Uint8Array;
  /** one palette index per pixel */
  indices: Uint8Array;
}

/** The distinct colours of the pixels (r, g, b apart) with their pixel counts, and each pixel's colour. */
function distinctColours(rgb: Uint8Array) {
  const number = new Map<number, number>();
  const ofPixel = new Uint32Array(rgb.length / 3);
  const keys: number[] = [];
  let lastKey = -1, n = 0;
  for (let p = 0; p < ofPixel.length; p++) {
    const key = (rgb[3 * p] << 16) | (rgb[3 * p + 1] << 8) | rgb[3 * p + 2];
    // Most pixels continue a run of one colour: the map is asked only where the colour changes.
    if (key !== lastKey) {
      const known = number.get(key);
      if (known === undefined) number.set(key, (n = keys.push(key) - 1));
      else n = known;
      lastKey = key;
    }
    ofPixel[p] = n;
  }
  const channels = [16, 8, 0].map((shift) => Float64Array.from(keys, (key) => (key >> shift) & 255));
  const counts = new Float64Array(keys.length);
  for (const n of ofPixel) counts[n]++;
  return { r: channels[0], g: channels[1], b: channels[2], counts, ofPixel };
}

/** Pixels of 3 bytes (r, g, b) as at most `maxColors` (≤ 256) colours: exact when it has no more. */
export function quantize(rgb: Uint8Array, maxColors: number): Quantized {
  const { r, g, b, counts, ofPixel } = distinctColours(rgb);
  const n = counts.length, size = Math.min(maxColors, n);
  const centres = new Float64Array(3 * size);
  const entry = new Uint8Array(n);
  // The squared distance of each colour to its nearest centre so far.
  const gap = new Float64Array(n).fill(Infinity);
  // The most frequent colour first (by a loop: Math.max(...counts) overflows the stack past ~150,000 colours).
  let pick = 0;
  for (let i = 1; i < n; i++) if (counts[i] > counts[pick]) pick = i;
  for (let k = 0; k < size; k++) {
    const [cr, cg, cb] = [r[pick], g[pick], b[pick]];
    centres.set([cr, cg, cb], 3 * k);
    let worst = -1;
    for (let i = 0; i < n; i++) {
      const dr = r[i] - cr, dg = g[i] - cg, db = b[i] - cb;
      const distance = dr * dr + dg * dg + db * db;
      if (distance < gap[i]) [gap[i], entry[i]] = [distance, k];
      if (gap[i] * counts[i] > worst) [worst, pick] = [gap[i] * counts[i], i];
    }
  }
  // With no more colours than entries, each colour is its own entry and k-means has nothing to move.
  for (let round = 0; round < (n > size ? ROUNDS : 0); round++) {
    const sums = new Float64Array(4 * size);
    for (let i = 0; i < n; i++) {
      const k = entry[i];
      sums[4 * k] += counts[i] * r[i];
      sums[4 * k + 1] += counts[i] * g[i];
      sums[4 * k + 2] += counts[i] * b[i];
      sums[4 * k + 3] += counts[i];
    }
    for (let k = 0; k < size; k++) {
      // A centre that stands for no colour any more stays where it is.
      if (sums[4 * k + 3] > 0) for (let j = 0; j < 3; j++) centres[3 * k + j] = Math.round(sums[4 * k + j] / sums[4 * k + 3]);
    }
    for (let i = 0; i < n; i++) entry[i] = nearest(centres, r[i], g[i], b[i]);
  }
  const indices = new Uint8Array(ofPixel.length);
  for (let p = 0; p < ofPixel.length; p++) indices[p] = entry[ofPixel[p]];
  return { palette: Uint8Array.from(centres), indices };
}

/** The index of the centre (r, g, b at 3k) nearest to a colour, by squared distance. */
function nearest(centres: Float64Array, r: number, g: number, b: number): number {
  let best = 0, bestDistance = Infinity;
  for (let k = 0; k < centres.length / 3; k++) {
    const dr = centres[3 * k] - r, dg = centres[3 * k + 1] - g, db = centres[3 * k + 2] - b;
    const distance = dr * dr + dg * dg + db * db;
    if (distance < bestDistance) [best, bestDistance] = [k, distance];
  }
  return best;
}
