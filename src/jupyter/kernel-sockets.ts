// The kernel's ZeroMQ sockets, as tslab creates them, with two changes made before it does
// (kernel-preload.ts calls adjustKernelSockets on the zeromq module).
//
// Sending without waiting. tslab sends its messages without awaiting them. zeromq 6 writes the
// first 512 sends in a row at once, then defers one to let the event loop breathe, and rejects
// every send made before that one is written ("Socket is busy writing"). tslab never sees the
// rejection: the message is lost, and when it is a cell's closing "idle" status, Jupyter waits
// forever. A long training cell that prints or redraws its progress line reaches 512 easily.
// With a send timeout of 0, zeromq always writes at once. The kernel's sockets never block on a
// send (ROUTER drops for unknown peers), so nothing waits. The publisher gets no high-water
// mark: at zeromq's default of 1000 queued messages it would drop what a cell prints faster
// than the client reads (measured: 107,000 of 300,000 lines arrived).
//
// Listening on after a failed receive. tslab reads each socket with `for await`, and zeromq's
// iterator throws whatever receive() rejects with (EAGAIN included) while the socket is open:
// the loop would end, and every later request on that socket would wait forever, the error
// shown nowhere but the kernel's console. Here the error is logged and the next receive begins.

type SocketClass = new (options?: Record<string, unknown>) => ReceivingSocket;

interface ReceivingSocket {
  readonly closed: boolean;
  receive(): Promise<unknown>;
}

/** A pause after a failed receive, so that an error that repeats cannot spin. */
const RETRY_MS = 10;

/** Replaces zmq.Publisher, zmq.Router and zmq.Reply by the kernel's versions of them. */
export function adjustKernelSockets(zmq: Record<string, unknown>, log: (text: string) => void): void {
  for (const name of ["Publisher", "Router", "Reply"]) {
    const Socket = zmq[name] as SocketClass;
    zmq[name] = class extends Socket {
      constructor(options: Record<string, unknown> = {}) {
        super({ sendTimeout: 0, ...(name === "Publisher" ? { sendHighWaterMark: 0 } : {}), ...options });
      }

      [Symbol.asyncIterator](): AsyncIterator<unknown> {
        return receiveUntilClosed(this, `${name} socket`, log);
      }
    };
  }
}

/** Each message `socket` receives, until it is closed; a failed receive is logged, not thrown. */
export async function* receiveUntilClosed(socket: ReceivingSocket, what: string, log: (text: string) => void): AsyncGenerator<unknown> {
  while (!socket.closed) {
    let message: unknown;
    try {
      message = await socket.receive();
    } catch (e) {
      if (socket.closed) return;
      log(`nnfs-ts kernel: a receive on the ${what} failed (${(e as Error).message}); listening on`);
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      continue;
    }
    yield message;
  }
}
