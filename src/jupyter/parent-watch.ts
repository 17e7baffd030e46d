// A thread of the kernel process that ends the kernel once the process that started it is gone
// (a runner killed with SIGKILL, a Jupyter server that crashed), as ipykernel's parent poller
// does. A thread, because a cell stuck in a synchronous loop blocks the kernel's event loop.
import { workerData } from "worker_threads";

const { startedBy } = workerData as { startedBy: number };

setInterval(() => {
  // The operating system hands an orphan to another parent.
  if (process.ppid !== startedBy) process.kill(process.pid, "SIGKILL");
}, 1000);
