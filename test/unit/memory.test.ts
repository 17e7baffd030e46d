// Where results get their memory (src/np/memory.ts): large results are freed young, by a young
// collection after every 8 MB of them (a sixth of the heap where that is more), at most one per
// 5 ms unless a result is 8 MB itself, and a collection frees the dead arrays' memory before it
// returns.
import assert from "assert";
import { PerformanceObserver, constants } from "perf_hooks";
import { getHeapStatistics, setFlagsFromString } from "v8";
import { runInNewContext } from "vm";
import { allocateForResult, collectionSpacing } from "../../src/np/memory";

/** Runs `work` and counts the young collections forced meanwhile (gc entries arrive later). */
async function forcedYoungCollections(work: () => void): Promise<number> {
  let count = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { kind, flags } = entry.detail as { kind: number; flags: number };
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR && flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) count++;
    }
  });
  observer.observe({ entryTypes: ["gc"] });
  work();
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return count;
}

function fullCollection(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

const RESULT = 300 * 64;  // float32 values: 76.8 KB, the size of chapter 10's arrays
const BIG = 2100 * 1000;  // float32 values: 8.4 MB
const waitMs = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe("result memory", () => {
  it("a young collection runs after every 8 MB of new large results, or a sixth of the heap", async () => {
    // 11 rounds of 5% more results than the spacing, each after a 6 ms pause: one collection per round.
    const count = await forcedYoungCollections(() => {
      for (let round = 0; round < 11; round++) {
        waitMs(6);
        const results = Math.ceil((collectionSpacing() * 1.05) / (RESULT * 4));
        for (let i = 0; i < results; i++) allocateForResult("float32", RESULT);
      }
    });
    assert.ok(count >= 10 && count <= 11, `${count} forced young collections`);
  });

  it("the spacing is 8 MB, or a sixth of the heap where that is more (a kernel's heap: ~100 MB)", () => {
    allocateForResult("float32", BIG);  // collects, and sets the spacing from the heap as it is
    const sixth = (): number => getHeapStatistics().used_heap_size / 6;
    assert.ok(Math.abs(collectionSpacing() - Math.max(8 << 20, sixth())) < 1 << 20, `${collectionSpacing()} bytes`);
    let held: { i: number }[] | null = Array.from({ length: 1 << 21 }, (_, i) => ({ i }));  // ~80 MB of objects
    allocateForResult("float32", BIG);
    assert.ok(held.length > 0 && sixth() > 8 << 20, "the objects did not grow the heap");
    assert.ok(collectionSpacing() > 8 << 20 && Math.abs(collectionSpacing() - sixth()) < 2 << 20, `${collectionSpacing()} bytes`);
    held = null;
  });

  it("but at most one per 5 ms, where collecting would cost more than the loop's work", async () => {
    let elapsed = 0;
    const count = await forcedYoungCollections(() => {
      waitMs(6);
      const start = performance.now();
      // 100 MB of results made as fast as they can be.
      for (let i = 0; i < 1300; i++) allocateForResult("float32", RESULT);
      elapsed = performance.now() - start;
    });
    assert.ok(count >= 1 && count <= Math.floor(elapsed / 5) + 1, `${count} forced young collections in ${elapsed.toFixed(1)} ms`);
  });

  it("a result of 8 MB or more collects at once, however soon after the last collection", async () => {
    let elapsed = 0;
    const count = await forcedYoungCollections(() => {
      const start = performance.now();
      for (let i = 0; i < 10; i++) allocateForResult("float32", BIG);
      elapsed = performance.now() - start;
    });
    assert.ok(count >= 9, `${count} forced young collections for 10 results of 8.4 MB in ${elapsed.toFixed(1)} ms`);
  });

  it("a collection frees the dead arrays' memory before it returns", () => {
    // Each result is dropped in a function that has returned, so that no frame still holds it.
    const make = (size: number): void => void allocateForResult("float32", size);
    // A young collection during a full collection's incremental marking frees no array (V8
    // treats young arrays as survivors then), so any marking under way is finished first.
    fullCollection();
    make(BIG);  // collects, so that the next result is the only one dead
    make(6 << 20);  // 25 MB (64 MB would itself start V8's marking: its limit for new outside memory)
    const before = process.memoryUsage().arrayBuffers;
    make(BIG);  // collects: the 25 MB are freed now, not by a helper thread later
    const freed = before + BIG * 4 - process.memoryUsage().arrayBuffers;
    assert.ok(freed > 20e6, `${(freed / 1e6).toFixed(1)} MB freed by the time the collection returned`);
  });
});
