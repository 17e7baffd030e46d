// Where results get their memory (src/np/memory.ts): large results are freed young, by a young
// collection after every 8 MB of them, at most one per 5 ms.
import assert from "assert";
import { PerformanceObserver, constants } from "perf_hooks";
import { allocateForResult } from "../../src/np/memory";

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

const RESULT = 300 * 64;  // float32 values: 76.8 KB, the size of chapter 10's arrays
const waitMs = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe("result memory", () => {
  it("a young collection runs after every 8 MB of new large results", async () => {
    // 11 rounds of 110 results (8.4 MB), each after a 6 ms pause: one collection per round.
    const count = await forcedYoungCollections(() => {
      for (let round = 0; round < 11; round++) {
        waitMs(6);
        for (let i = 0; i < 110; i++) allocateForResult("float32", RESULT);
      }
    });
    assert.ok(count >= 10 && count <= 11, `${count} forced young collections`);
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
});
