// Where results get their memory (src/np/memory.ts): large results are freed young.
import assert from "assert";
import { PerformanceObserver, constants } from "perf_hooks";
import { allocateForResult } from "../../src/np/memory";

describe("result memory", () => {
  it("a young collection runs after every 8 MB of new large results", async () => {
    const forcedMinor: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const { kind, flags } = entry.detail as { kind: number; flags: number };
        if (kind === constants.NODE_PERFORMANCE_GC_MINOR && flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) forcedMinor.push(entry.duration);
      }
    });
    observer.observe({ entryTypes: ["gc"] });
    // 1300 results of 300x64 float32 values: 100 MB, so at least 11 collections.
    for (let i = 0; i < 1300; i++) allocateForResult("float32", 300 * 64);
    await new Promise((resolve) => setTimeout(resolve, 50));  // gc entries arrive asynchronously
    observer.disconnect();
    assert.ok(forcedMinor.length >= 11 && forcedMinor.length <= 13, `${forcedMinor.length} forced young collections`);
  });
});
