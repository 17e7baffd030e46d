// The benchmark's tables: our figure, NumPy's, and the ratio (ours / NumPy, below 1 is faster or smaller).
function formatTime(seconds: number): string {
  if (seconds < 1e-3) return `${(seconds * 1e6).toFixed(1)} µs`;
  if (seconds < 1) return `${(seconds * 1e3).toFixed(2)} ms`;
  return `${seconds.toFixed(2)} s`;
}

export function printTable(title: string, ours: Map<string, number>, numpy: Map<string, number>, format = formatTime): void {
  const width = Math.max(...[...ours.keys()].map((k) => k.length));
  console.log(`\n${title}\n${"case".padEnd(width)}  ${"nnfs-ts".padStart(10)}  ${"NumPy".padStart(10)}  ratio`);
  for (const [name, t] of ours) {
    const n = numpy.get(name);
    const ratio = n === undefined ? "n/a" : `${(t / n).toFixed(2)}x`;
    console.log(`${name.padEnd(width)}  ${format(t).padStart(10)}  ${n === undefined ? "".padStart(10) : format(n).padStart(10)}  ${ratio}`);
  }
}
