// Median seconds per call, measured like Python's timeit: grow the loop count until one
// batch takes a measurable time, then take the median of several batches.
export function medianTime(run: () => unknown, minSeconds = 0.2, repeats = 7): number {
  const batch = (n: number): number => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) run();
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  let number = 1;
  while (batch(number) < minSeconds / repeats) number *= 2;
  const times = Array.from({ length: repeats }, () => batch(number)).sort((a, b) => a - b);
  return times[Math.floor(repeats / 2)] / number;
}
