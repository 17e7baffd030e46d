// A picture of every chart, so that it shows where plotly.js cannot run: untrusted notebooks,
// GitHub, nbviewer, nbconvert's HTML. plotly's Python package draws its pictures with kaleido,
// which drives Chrome; here a headless Chromium does the same, started with the first chart and
// kept warm for the next. A cell's plot() returns once its output is out, so the drawing happens
// in a worker thread while the cell waits for it (Atomics.wait).
import * as fs from "fs";
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from "worker_threads";
import type { PictureReply, PictureRequest } from "./chart-picture-worker";

/** Where Debian, Ubuntu, Fedora and macOS put Chrome or Chromium; CHROME_PATH comes first. */
const BROWSERS = [
  "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

// The first picture waits for Chromium to start; the next ones take a few hundred ms.
const FIRST_TIMEOUT_MS = 60_000, TIMEOUT_MS = 20_000;

interface Renderer {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
  drawn: number;
}

let renderer: Renderer | null | undefined;

/** The browser pictures are drawn with, or null when none is installed. */
export function findChromium(): string | null {
  const candidates = process.env.CHROME_PATH ? [process.env.CHROME_PATH, ...BROWSERS] : BROWSERS;
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

function startRenderer(): Renderer | null {
  const executablePath = findChromium();
  if (executablePath === null) {
    console.warn("Charts show interactively but without a stored picture (for GitHub, nbviewer, untrusted notebooks): " +
      "no Chrome or Chromium was found. Install one (Debian/Ubuntu: apt-get install chromium) or set CHROME_PATH.");
    return null;
  }
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const file = require.resolve("./chart-picture-worker");
  // Run from the TypeScript sources (the tests do), the worker needs tsx's loader as well.
  const execArgv = file.endsWith(".ts") ? ["--require", "tsx/cjs"] : [];
  const worker = new Worker(file, {
    workerData: { port: port2, signal, executablePath, plotlyPath: require.resolve("plotly.js-dist-min/plotly.min.js") },
    transferList: [port2],
    execArgv,
  });
  // The kernel may exit while the browser idles; closing the process closes Chromium's pipe.
  worker.unref();
  port1.unref();
  return { worker, port: port1, signal, drawn: 0 };
}

function stopRenderer(reason: string): void {
  console.warn(`Charts show interactively but without a stored picture: ${reason}`);
  void renderer?.worker.terminate();
  renderer = null;
}

/**
 * A base64 PNG of a plotly figure (its JSON, as the notebook stores it), width × height pixels;
 * null when no browser can draw it (said once, then charts go on without pictures).
 */
export function chartPicture(figure: string, width: number, height: number): string | null {
  if (renderer === undefined) renderer = startRenderer();
  if (renderer === null) return null;
  const request: PictureRequest = { figure, width, height };
  Atomics.store(renderer.signal, 0, 0);
  renderer.port.postMessage(request);
  const waited = Atomics.wait(renderer.signal, 0, 0, renderer.drawn === 0 ? FIRST_TIMEOUT_MS : TIMEOUT_MS);
  if (waited === "timed-out") {
    stopRenderer(`Chromium did not draw the chart within ${renderer.drawn === 0 ? FIRST_TIMEOUT_MS / 1000 : TIMEOUT_MS / 1000} s.`);
    return null;
  }
  const reply = receiveMessageOnPort(renderer.port)?.message as PictureReply | undefined;
  if (reply === undefined || "error" in reply) {
    stopRenderer(`Chromium could not draw it (${reply === undefined ? "no reply" : reply.error}).`);
    return null;
  }
  renderer.drawn++;
  return reply.png;
}
