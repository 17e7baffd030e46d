// The kernel's sockets (src/jupyter/kernel-sockets.ts): a failed receive does not end the loop
// that reads requests, and closing the socket does.
import assert from "assert";
import * as zmq from "zeromq";
import { adjustKernelSockets, receiveUntilClosed } from "../../src/jupyter/kernel-sockets";

/** A socket whose receives give `script` in turn: a value, or an error to reject with. */
function scriptedSocket(script: (string | Error)[]) {
  const socket = {
    closed: false,
    receive: async () => {
      const next = script.shift();
      if (next === undefined) {
        socket.closed = true;
        throw Object.assign(new Error("Socket temporarily unavailable"), { code: "EAGAIN" });
      }
      if (next instanceof Error) throw next;
      return next;
    },
  };
  return socket;
}

describe("kernel sockets", () => {
  it("a failed receive is logged and the next message still arrives", async () => {
    const logged: string[] = [];
    const socket = scriptedSocket(["first", Object.assign(new Error("Resource temporarily unavailable"), { code: "EAGAIN" }), "second"]);
    const received: unknown[] = [];
    for await (const message of receiveUntilClosed(socket, "Router socket", (t) => logged.push(t))) received.push(message);
    assert.deepStrictEqual(received, ["first", "second"]);
    assert.deepStrictEqual(logged, ["nnfs-ts kernel: a receive on the Router socket failed (Resource temporarily unavailable); listening on"]);
  });

  it("tslab's sockets get them: no send timeout, no publisher high-water mark, the loop above", async () => {
    const module: Record<string, unknown> = { Publisher: zmq.Publisher, Router: zmq.Router, Reply: zmq.Reply };
    adjustKernelSockets(module, () => {});
    const Router = module.Router as typeof zmq.Router, Publisher = module.Publisher as typeof zmq.Publisher;
    const router = new Router(), publisher = new Publisher();
    try {
      assert.strictEqual(router.sendTimeout, 0);
      assert.strictEqual(publisher.sendTimeout, 0);
      assert.strictEqual(publisher.sendHighWaterMark, 0);
      assert.ok(router instanceof zmq.Router);
      assert.notStrictEqual(router[Symbol.asyncIterator], zmq.Router.prototype[Symbol.asyncIterator], "tslab's for-await would use zeromq's own loop");
      // Closing ends the loop, as zeromq's own iterator does.
      const loop = (async () => {
        for await (const message of router) assert.fail(`nothing was sent, yet ${String(message)} came`);
        return "ended";
      })();
      router.close();
      assert.strictEqual(await loop, "ended");
    } finally {
      router.close();
      publisher.close();
    }
  });
});
