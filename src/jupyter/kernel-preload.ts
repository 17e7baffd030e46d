// Loaded into the kernel process before tslab (the kernel spec's `node --require`).
//
// Node preloads a --require module into every worker thread too (the parent watch below, the
// chart pictures' browser driver). The fixes belong to the kernel's main thread only; a worker
// that made them would load zeromq, tslab and TypeScript for nothing: ~500 MB of memory each
// (measured: a kernel that had drawn one chart held 1.2 GB instead of 0.5 GB).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const threads = require("worker_threads") as typeof import("worker_threads");

if (threads.isMainThread) {
  // Room for the heap to grow by half before V8 marks all of it again. A kernel's heap is mostly
  // tslab's TypeScript compiler (~90 MB before any cell), and V8 set the next full collection 10%
  // above it: a training cell that kept a few arrays alive past two young collections started a
  // marking of the whole heap at once, one after another, and a young collection during a marking
  // frees no array, so they waited for the next one. Chapter 18's dropout cell: 98-106 s -> 84-90 s.
  // Set here rather than on the kernel spec's command line, where a Node.js whose V8 dropped the
  // flag would refuse to start; here such a V8 only says so on the kernel's console.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("v8") as typeof import("v8")).setFlagsFromString("--heap-growing-percent=50");
  // tslab's Jupyter protocol gaps (errors, results, history, ...): see tslab-kernel.ts.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fixes = require("./tslab-kernel") as typeof import("./tslab-kernel");
  fixes.installTslabFixes();
  // Before tslab creates its sockets: see kernel-sockets.ts. A failed receive is logged where the
  // tslab fixes log theirs, on the kernel's own console.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("./kernel-sockets") as typeof import("./kernel-sockets")).adjustKernelSockets(require("zeromq"), fixes.logToKernelConsole);
  // A kernel must not outlive the process that started it: see parent-watch.ts. Jupyter's
  // launcher names the parent in JPY_PARENT_PID (so does ours): a parent that died before this
  // line ran is noticed too.
  const startedBy = Number(process.env.JPY_PARENT_PID) || process.ppid;
  new threads.Worker(`${__dirname}/parent-watch.js`, { workerData: { startedBy } }).unref();
}
