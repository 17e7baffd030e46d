// Loaded into the kernel process before tslab (the kernel spec's `node --require`).
//
// Node preloads a --require module into every worker thread too (the parent watch below, the
// chart pictures' browser driver). The fixes belong to the kernel's main thread only; a worker
// that made them would load zeromq, tslab and TypeScript for nothing: ~500 MB of memory each
// (measured: a kernel that had drawn one chart held 1.2 GB instead of 0.5 GB).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const threads = require("worker_threads") as typeof import("worker_threads");

if (threads.isMainThread) {
  sendWithoutWaiting();
  // tslab's Jupyter protocol gaps (errors, results, history, ...): see tslab-kernel.ts.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("./tslab-kernel") as typeof import("./tslab-kernel")).installTslabFixes();
  // A kernel must not outlive the process that started it: see parent-watch.ts. Jupyter's
  // launcher names the parent in JPY_PARENT_PID (so does ours): a parent that died before this
  // line ran is noticed too.
  const startedBy = Number(process.env.JPY_PARENT_PID) || process.ppid;
  new threads.Worker(`${__dirname}/parent-watch.js`, { workerData: { startedBy } }).unref();
}

/**
 * tslab sends its messages without awaiting them. zeromq 6 writes the first 512 sends in a row
 * at once, then defers one to let the event loop breathe, and rejects every send made before
 * that one is written ("Socket is busy writing"). tslab never sees the rejection: the message
 * is lost, and when it is a cell's closing "idle" status, Jupyter waits forever. A long
 * training cell that prints or redraws its progress line reaches 512 easily.
 *
 * With a send timeout of 0, zeromq always writes at once. The kernel's sockets never block
 * on a send (ROUTER drops for unknown peers), so nothing waits. The publisher gets no
 * high-water mark: at zeromq's default of 1000 queued messages it would drop what a cell prints
 * faster than the client reads (measured: 107,000 of 300,000 lines arrived).
 */
function sendWithoutWaiting(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zmq = require("zeromq") as Record<string, new (options?: Record<string, unknown>) => object>;
  for (const name of ["Publisher", "Router", "Reply"]) {
    const Socket = zmq[name];
    zmq[name] = class extends Socket {
      constructor(options: Record<string, unknown> = {}) {
        super({ sendTimeout: 0, ...(name === "Publisher" ? { sendHighWaterMark: 0 } : {}), ...options });
      }
    };
  }
}
