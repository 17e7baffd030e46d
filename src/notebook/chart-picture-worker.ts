// The other side of chart-picture.ts: a worker thread that keeps one headless Chromium page
// with plotly.js loaded and turns each figure it is sent into a PNG (plotly's own toImage, as
// kaleido does for plotly's Python package). After every reply it wakes the waiting cell.
import { MessagePort, workerData } from "worker_threads";
import { chromium, Page } from "playwright-core";
import { shrink } from "./png";

interface Setup {
  port: MessagePort;
  signal: Int32Array;
  executablePath: string;
  plotlyPath: string;
}

export interface PictureRequest {
  figure: string;
  width: number;
  height: number;
}

export type PictureReply = { png: string } | { error: string };

const { port, signal, executablePath, plotlyPath } = workerData as Setup;

async function openPage(): Promise<Page> {
  const browser = await chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage();
  await page.setContent("<!DOCTYPE html><html><body></body></html>");
  await page.addScriptTag({ path: plotlyPath });
  return page;
}

const page = openPage();

async function draw({ figure, width, height }: PictureRequest): Promise<string> {
  const png = await (await page).evaluate(async ({ figure, width, height }) => {
    const { data, layout } = JSON.parse(figure);
    const plotly = (globalThis as unknown as { Plotly: { toImage(fig: object, options: object): Promise<string> } }).Plotly;
    const url = await plotly.toImage({ data, layout }, { format: "png", width, height });
    return url.slice(url.indexOf(",") + 1);
  }, { figure, width, height });
  return shrink(Buffer.from(png, "base64")).toString("base64");
}

port.on("message", (request: PictureRequest) => {
  draw(request).then(
    (png): PictureReply => ({ png }),
    (error: unknown): PictureReply => ({ error: error instanceof Error ? error.message.split("\n")[0] : String(error) }),
  ).then((reply) => {
    port.postMessage(reply);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
});
