// Median seconds per call, measured like Python's timeit: grow the loop count until one
// batch takes a measurable time, then take the median of several batches. Each case first runs
// untimed for twice that time (as ops_numpy.py does too): V8 compiles a new call path only after
// some thousands of calls (a first 300x64 add row ran ~4x slower for its first ~0.2 s, ~4,000
// calls), and a training loop runs in the compiled state.
// Time is this process's CPU time (user + system), as ops_numpy.py measures with
// time.process_time: on a machine shared with other jobs, wall time mostly measures the others.
export function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

export function medianTime(run: () => unknown, minSeconds = 0.2, repeats = 7): number {
  const batch = (n: number): number => {
    const start = cpuSeconds();
    for (let i = 0; i < n; i++) run();
    return cpuSeconds() - start;
  };
  for (const start = cpuSeconds(); cpuSeconds() - start < 2 * minSeconds;) run();
  let number = 1;
  while (batch(number) < minSeconds / repeats) number *= 2;
  const times = Array.from({ length: repeats }, () => batch(number)).sort((a, b) => a - b);
  return times[Math.floor(repeats / 2)] / number;
}
