// Where result arrays get their memory: speed measures with no bearing on any value, kept
// apart from the dtypes (dtype.ts) and from the arrays' semantics.
import { getHeapStatistics, setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import { DType, STORAGE, Storage } from "./dtype";

/**
 * Storage for a result whose every element is about to be written, so its memory is not
 * cleared first: on the book's arrays clearing costs more than the arithmetic (a new
 * 300x64 float32 array: ~7 µs zeroed, ~2 µs not). Up to 64 bytes V8 keeps arrays on its own
 * heap, which is cheaper still. Results up to 128 KB are views of shared blocks, as Node's
 * Buffer.allocUnsafe does with 8 KB: an ArrayBuffer costs about 1 µs to make and free whatever
 * its size (a 77 KB one: 0.9 µs with its share of the collections that free them), a view of a
 * block ~20 ns, and a block is freed once for all its views. Up to 4 KB (a 300-element result,
 * whose work costs less than an ArrayBuffer) the blocks are 64 KB; up to 128 KB (chapter 10's
 * 300x64 float32 arrays: 77 KB), 1 MB. Alternated runs, each 300x64 result in a buffer of its
 * own against views of 1 MB blocks: np.add of two 5.7-6.3 -> 5.1-5.2 µs, np.multiply(0.01, x)
 * 5.6-6.0 -> 4.9-5.2 µs, np.exp 14.8-15.1 -> 13.4-14.2 µs; chapter 10's 10,001 epochs
 * 2.31-2.36 -> 2.19-2.25 s. The price is Node's too: an array kept alive keeps its whole block
 * alive (a 77 KB one, 13 times its size).
 */
export function allocateForResult(dtype: DType, size: number): Storage {
  const Type = STORAGE[dtype];
  const bytes = size * Type.BYTES_PER_ELEMENT;
  if (bytes <= 64) return new Type(size);
  if (bytes <= small.limit) return small.view(Type, size);
  if (bytes <= medium.limit) return medium.view(Type, size);
  return new Type(outsideHeap(bytes), 0, size);
}

/**
 * Storage the C++ kernels will read as soon as it is made (a ufunc's scalar operand): as
 * allocateForResult's, but never on V8's heap. An array there is moved off it the first time a
 * kernel asks for its memory: ~0.7 µs, a third of the time np.multiply(0.01, x) spends
 * multiplying 300x64 values.
 */
export function allocateForKernel(dtype: DType, size: number): Storage {
  const Type = STORAGE[dtype];
  return size * Type.BYTES_PER_ELEMENT <= 64 ? small.view(Type, size) : allocateForResult(dtype, size);
}

type StorageType = (typeof STORAGE)[DType];

/** Views of one block of memory at a time, each starting `align`-byte aligned; a new block when it is full. */
class SharedBlocks {
  private block = new ArrayBuffer(0);
  private used: number;

  constructor(readonly limit: number, private readonly blockBytes: number, private readonly align: number) {
    this.used = blockBytes;
  }

  view(Type: StorageType, size: number): Storage {
    const bytes = size * Type.BYTES_PER_ELEMENT;
    if (this.used + bytes > this.blockBytes) {
      this.block = outsideHeap(this.blockBytes);
      this.used = 0;
    }
    const view = new Type(this.block, this.used, size);
    this.used += Math.ceil(bytes / this.align) * this.align;
    return view;
  }
}

// Small views 8-byte aligned, as Float64Array needs; larger ones start on a cache line of their own.
const small = new SharedBlocks(4096, 64 * 1024, 8), medium = new SharedBlocks(128 * 1024, 1 << 20, 64);

let mallocTuned = false;

/**
 * Large results come from C's malloc. glibc hands large blocks back to the OS as soon as they
 * are free (above 128 KB), so each new 300x64 array refaulted its pages: measured 40-60 µs per
 * 77 KB allocation against 7 µs. Freeing one large block raises glibc's own thresholds to that
 * block's size (its documented dynamic mmap threshold), after which freed memory is reused.
 * One 31 MB buffer, dropped at once and freed by the next garbage collection, does that; done
 * before the first buffer above glibc's initial threshold (a large result, or a 1 MB block of
 * smaller ones) rather than at import, so that importing allocates nothing.
 */
function tuneMalloc(): void {
  mallocTuned = true;
  new ArrayBuffer(31 << 20);
}

const MMAP_THRESHOLD = 128 * 1024;  // glibc's initial one

/**
 * Memory from C's malloc, outside V8's heap. V8 frees such a buffer only when a garbage
 * collection finds its array dead, and a collection comes when the JavaScript heap fills, not
 * when malloc's memory grows. The book's loops make little JavaScript garbage and many large
 * arrays (chapter 10: ~460 KB of results per epoch, few objects), so V8 waited until it
 * held 64 MB of dead arrays, then ran a full mark-compact to free them: 40 of them in chapter
 * 10's run, and every new array landed in memory that had left the caches. A young-generation
 * collection after every 8 MB of new arrays frees them while their memory is still cached:
 * chapter 10's 10,001 epochs took 3.6 s of CPU, now 2.4 s; a Fashion-MNIST epoch (wall) 1.9 s, now
 * 1.5 s (after 4 MB: the same; after 16 MB, 1.8 s). A loop that only makes new arrays pays for
 * it: np.add of two 300x64 arrays, 5.6 µs without, 6.5 µs with (a bare collection costs ~60 µs).
 * V8 exposes that collection only as gc(); the flag that exposes it reaches
 * contexts made after it is set, hence the new context.
 */
function outsideHeap(bytes: number): ArrayBuffer {
  if (!mallocTuned && bytes > MMAP_THRESHOLD) tuneMalloc();
  sinceCollection += bytes;
  // The clock is read only once enough has gathered, not on every allocation.
  if (bytes >= COLLECT_EVERY || (sinceCollection > collectEvery && performance.now() - lastCollection >= MIN_INTERVAL_MS)) {
    sinceCollection = 0;
    youngCollection();
    lastCollection = performance.now();
    collectEvery = Math.max(COLLECT_EVERY, getHeapStatistics().used_heap_size / 6);
  }
  return Buffer.allocUnsafeSlow(bytes).buffer;
}

/**
 * At most one collection per 5 ms. A young collection's price grows with the whole heap (~1 µs
 * per MB of old objects), and a kernel holds tslab's TypeScript compiler: there it costs 0.15 ms
 * idle and 2-3 ms in a loop whose arrays keep V8 marking. Chapter 15's loop (3000x64 arrays,
 * 8 MB every ~3 ms) spent more time collecting than computing: 2001 epochs in a kernel took
 * 19.8-20.7 s with a collection after every 8 MB, 14.6 s with none, 14.8-15.9 s with this floor;
 * chapter 10's loop (8 MB every ~3.5 ms) keeps its gain (2.2-2.4 s in a kernel, 2.7 s with none).
 * A result of 8 MB or more collects at once all the same: the dead one before it is then freed
 * and its memory, still cached, is the memory this one gets, as in NumPy, where a cold 30 MB
 * result cost 2 ms more to write (np.multiply(0.01, x) on 60000x128 float32: 4.5-5 ms, now 3.0 ms).
 * For the same reason the new arrays gathered between collections grow with the heap: 8 MB, or a
 * sixth of the JavaScript heap if that is more (a kernel's heap holds ~100 MB: ~17 MB there).
 * Alternated runs in a kernel, 8 MB against 16 MB: chapter 15's notebook 68.8-72.5 s against
 * 64.0-64.6 s, chapter 19's 10 epochs 11.6-12.7 s against 11.0-11.8 s, chapter 10's notebook
 * 31.5-33.1 s against 32.4-33.6 s (with this rule, one run each: 63.9 s and 9.5 s for the first
 * two); in plain Node.js, where 8 MB stays, chapter 10's 10,001 epochs 2.47-2.55 s against
 * 2.45-2.72 s with 16 MB.
 */
const COLLECT_EVERY = 8 << 20, MIN_INTERVAL_MS = 5;
let sinceCollection = 0, lastCollection = -Infinity, collectEvery = COLLECT_EVERY;

/** How many bytes of new large results the next collection waits for (set after each collection). */
export function collectionSpacing(): number {
  return collectEvery;
}
type Collect = (options: { type: "minor" }) => void;
let collect: Collect | null | undefined;

function youngCollection(): void {
  if (collect === undefined) collect = exposedCollector();
  collect?.({ type: "minor" });
}

/**
 * gc(), or null where this V8 does not expose it after start-up: then V8's own timing stands.
 * Dead arrays' memory is freed before a collection returns, not later by a helper thread, so the
 * next results reuse the memory the collection freed while it is still cached. Chapter 15's
 * training cell in a kernel, three pairs of runs: 64 -> 49 s, 81 -> 57 s, 90 -> 62 s; chapter 10's
 * run 2.35 -> 2.1-2.2 s; a Fashion-MNIST epoch through Model.train 1.6-1.85 -> 1.41-1.46 s.
 */
function exposedCollector(): Collect | null {
  try {
    setFlagsFromString("--expose-gc");
    setFlagsFromString("--no-concurrent-array-buffer-sweeping");
    const gc: unknown = runInNewContext("typeof gc === 'function' ? gc : null");
    return typeof gc === "function" ? (gc as Collect) : null;
  } catch {
    return null;
  }
}

/** Whether two arrays' bytes overlap (small results share a block without sharing bytes). */
export function sharesBytes(a: Storage, b: Storage): boolean {
  return a.buffer === b.buffer && a.byteOffset < b.byteOffset + b.byteLength && b.byteOffset < a.byteOffset + a.byteLength;
}

/**
 * Storage for values a function computes on the way and drops before it returns (argmax's
 * maxima, max's positions): views of one buffer that every call reuses, so allocating costs
 * nothing (a new 300-element array costs 1-2 µs, more than the scan that fills it).
 */
export function allocateScratch(dtype: DType, size: number): Storage {
  const Type = STORAGE[dtype];
  if (scratch.byteLength < size * Type.BYTES_PER_ELEMENT) scratch = new ArrayBuffer(size * Type.BYTES_PER_ELEMENT);
  return new Type(scratch, 0, size);
}

let scratch = new ArrayBuffer(0);
