// Live training as a learner watches it in JupyterLab 4 and in Notebook 7 (the project venv's, as
// `npm start` serves them) and Chromium: during Run All of chapter 10, each training cell's
// display changes in place, at least once a second, while the kernel status says busy;
// afterwards each training display is the final plotly chart, and the browser console has no error.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { Browser, chromium, Page } from "playwright-core";
import { installKernelSpec, LOCAL_JUPYTER_DIR } from "../../src/jupyter/kernelspec";
import { createVenv, venvBin, venvDir, venvState } from "../../src/jupyter/lab-env";
import { DEFAULT_KERNEL } from "../../src/jupyter/start";
import { NotebookServer, startNotebookServer } from "../helpers/notebook-server";
import { collectConsoleErrors, FRONT_ENDS } from "../helpers/front-ends";

const ROOT = path.resolve(__dirname, "..", "..");
const OUTPUT_DIR = path.join(ROOT, "test-output", "live-training");
const CHROMIUM = "/usr/bin/chromium";
const CHAPTER = "ch10-optimizers.ipynb";
const SETTINGS = { "lab/user-settings/@jupyterlab/notebook-extension/tracker.jupyterlab-settings": JSON.stringify({ windowingMode: "none" }) };

/** What the page recorded while the notebook ran (see watch()). */
interface Watched {
  /** Per live display on the page: when each new frame showed, and the epoch it says. */
  displays: { cell: number; frames: { at: number; epoch: number; done: number }[]; maxOutputs: number }[];
  /** The kernel status the page shows, sampled while a frame short of 100% was on the page. */
  statusWhileTraining: string[];
  /** Times the page itself could not run (its 50 ms timer came 300 ms late or more), from-to in ms. */
  stalls: [number, number][];
}

describe("browser: live training in JupyterLab 4 and Notebook 7 (Run All of chapter 10)", function () {
  let server: NotebookServer;
  let browser: Browser | undefined;
  let workDir: string | undefined;
  const consoleErrors: string[] = [];

  before(async function () {
    this.timeout(600_000);
    if (!fs.existsSync(CHROMIUM)) {
      if (process.env.CI === "true") throw new Error("browser test cannot run: chromium not installed (apt-get install chromium)");
      console.log("    skipping the live training test: chromium not installed (apt-get install chromium)");
      this.skip();
    }
    if (venvState(venvDir()) !== "ready") createVenv(venvDir());
    installKernelSpec();
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    workDir = fs.mkdtempSync(path.join(OUTPUT_DIR, "notebooks-"));
    // A copy per front end: one run's autosave must not reach the other's notebook.
    for (const app of FRONT_ENDS) {
      fs.mkdirSync(path.join(workDir, app.folder));
      fs.copyFileSync(path.join(ROOT, "notebooks", CHAPTER), path.join(workDir, app.folder, CHAPTER));
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });

  after(async function () {
    this.timeout(60_000);
    await browser?.close();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  for (const app of FRONT_ENDS) it(`${app.name}: each training display updates in place at least once a second, the kernel busy meanwhile, and ends as a chart`, async function () {
    this.timeout(600_000);
    consoleErrors.length = 0;
    server = await startNotebookServer({
      notebookDir: path.join(workDir!, app.folder), jupyterPath: LOCAL_JUPYTER_DIR, executable: venvBin(venvDir(), app.command),
      configFiles: SETTINGS, extraArgs: [DEFAULT_KERNEL], startTimeoutMs: 60_000,
    });
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    collectConsoleErrors(page, app, consoleErrors);
    const context = () => `\n--- console errors ---\n${consoleErrors.join("\n")}\n--- server log ---\n${server!.log().slice(-3000)}`;
    try {
      await page.goto(`${server!.url}${app.route("live")}/${CHAPTER}?token=${server!.token}`);
      await page.waitForSelector(".jp-Notebook .jp-Cell", { timeout: 60_000 });
      await waitForKernel(page, /idle/i, 60_000);
      await clearOutputs(page);
      await watch(page);
      await menu(page, "Run", /^Run All Cells/);
      // A picture of the first live frame, for a person to look at (test-output/live-training/).
      const live = page.locator(".jp-OutputArea-output[data-mime-type='image/svg+xml']").first();
      await live.waitFor({ timeout: 120_000 });
      await live.scrollIntoViewIfNeeded().catch(() => undefined);
      await live.screenshot({ path: path.join(OUTPUT_DIR, `${app.folder}-ch10-live-frame.png`), timeout: 5_000 }).catch(() => undefined);
      await page.waitForFunction(() => {
        const prompts = Array.from(document.querySelectorAll(".jp-CodeCell .jp-InputPrompt")).map((p) => p.textContent ?? "");
        return prompts.length > 0 && prompts.every((p) => /\[\d+\]/.test(p));
      }, null, { timeout: 540_000, polling: 500 });
      await waitForKernel(page, /idle/i, 60_000);
      const watched = await page.evaluate(() => (window as unknown as { liveWatch: { report(): Watched } }).liveWatch.report());
      fs.writeFileSync(path.join(OUTPUT_DIR, `${app.folder}-watched.json`), JSON.stringify(watched, null, 1));

      // The eight training runs of chapter 10 each showed a live display.
      assert.equal(watched.displays.length, 8, `live displays: ${JSON.stringify(watched.displays.map((d) => d.frames.length))}${context()}`);
      for (const display of watched.displays) {
        const { frames } = display;
        const summary = `cell ${display.cell}: frames at epochs ${frames.map((f) => `${f.epoch}@${f.at}ms`).join(", ")}`;
        // In place: one chart output in the cell at any time, whose epoch only grows.
        assert.equal(display.maxOutputs, 1, summary);
        assert.ok(frames.length >= 3, `a run of ~2 s shows several frames: ${summary}`);
        assert.ok(frames.every((f, i) => i === 0 || f.epoch > frames[i - 1].epoch), summary);
        // At least one frame a second while training (the last frame, 100%, ends the run), in the
        // time the page could draw: while the page itself stalls (drawing a plotly chart on a busy
        // machine, say), no frame can show, however many the kernel sends.
        const gaps = frames.slice(1).map((f, i) => activeTime(frames[i].at, f.at, watched.stalls));
        assert.ok(Math.max(...gaps) <= 1000, `gaps between frames ${gaps.join(", ")} ms (page stalls ${JSON.stringify(watched.stalls)}): ${summary}`);
      }
      assert.ok(watched.statusWhileTraining.length >= 20, `${watched.statusWhileTraining.length} status samples`);
      const notBusy = watched.statusWhileTraining.filter((s) => !/busy/i.test(s));
      assert.deepEqual(notBusy, [], `kernel status while training: ${JSON.stringify(watched.statusWhileTraining)}`);

      // Afterwards every training display is the final chart: plotly's output, no live SVG left.
      assert.equal(await page.locator(".jp-OutputArea-output[data-mime-type='image/svg+xml']").count(), 0);
      const errors = await page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'], .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']").allTextContents();
      assert.deepEqual(errors, [], `cells wrote errors${context()}`);
      await page.screenshot({ path: path.join(OUTPUT_DIR, `${app.folder}-ch10-after-run-all.png`), fullPage: true });
      assert.deepEqual(consoleErrors, [], `errors in the browser console${context()}`);
    } finally {
      await page.close();
      await server.stop();
    }
  });
});

/** The milliseconds from `from` to `to` in which the page was not stalled. */
function activeTime(from: number, to: number, stalls: [number, number][]): number {
  const stalled = stalls.reduce((sum, [start, end]) => sum + Math.max(0, Math.min(end, to) - Math.max(start, from)), 0);
  return to - from - stalled;
}

async function menu(page: Page, top: string, item: RegExp): Promise<void> {
  await page.locator(".jp-Notebook").first().click();
  await page.getByRole("menuitem", { name: top, exact: true }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

async function clearOutputs(page: Page): Promise<void> {
  await menu(page, "Edit", /^Clear Outputs of All Cells/);
  await page.waitForFunction(() => document.querySelectorAll(".jp-OutputArea-output").length === 0, null, { timeout: 10_000 });
}

async function waitForKernel(page: Page, status: RegExp, timeoutMs: number): Promise<void> {
  await page.waitForFunction((source) => {
    const indicator = document.querySelector(".jp-Notebook-ExecutionIndicator");
    return indicator !== null && new RegExp(source, "i").test(indicator.getAttribute("data-status") ?? indicator.getAttribute("title") ?? "");
  }, status.source, { timeout: timeoutMs, polling: 250 });
}

/**
 * Starts a watcher in the page: every 50 ms it reads each live training display (an SVG output
 * whose first line says "epoch N/M (P%)"), notes each new frame with the time it showed, how many
 * chart outputs its cell has, and, while a frame short of 100% is on the page, the kernel status
 * the page shows; and it notes the times its own timer came late, when the page could not run.
 */
async function watch(page: Page): Promise<void> {
  // Plain JavaScript in a string: the test's TypeScript loader would add helpers the page lacks.
  await page.evaluate(WATCHER);
}

const WATCHER = `(() => {
  const started = performance.now();
  const displays = new Map();
  const statusWhileTraining = [];
  const stalls = [];
  let lastStatusSample = 0;
  let lastTick = 0;
  function frameOf(output) {
    const img = output.querySelector("img");
    const src = img ? img.getAttribute("src") || "" : "";
    const svg = src.startsWith("data:") ? decodeURIComponent(src.slice(src.indexOf(",") + 1)) : output.innerHTML;
    const match = /epoch (\\d+)\\/\\d+ \\((\\d+)%\\)/.exec(svg);
    return match ? { epoch: Number(match[1]), done: Number(match[2]) } : null;
  }
  function kernelStatus() {
    // JupyterLab: the status bar's "TypeScript (nnfs-ts) | Busy" follows the kernel's status
    // messages (the toolbar's indicator also counts the cells JupyterLab has queued, so it says
    // busy anyway). Notebook 7 has no status bar; its tab icon turns busy on the same messages.
    const bar = document.querySelector("#jp-main-statusbar");
    if (bar) {
      const match = /nnfs-ts\\) \\| ([A-Z][a-z]+)/.exec(bar.textContent || "");
      return match ? match[1] : "none";
    }
    const icon = document.querySelector("link[rel*='icon']");
    return icon ? (/favicon-busy/.test(icon.getAttribute("href") || "") ? "Busy" : "Idle") : "none";
  }
  function tick() {
    const now = Math.round(performance.now() - started);
    if (now - lastTick >= 300) stalls.push([lastTick, now]);
    lastTick = now;
    let training = false;
    document.querySelectorAll(".jp-Notebook .jp-CodeCell").forEach((cell, index) => {
      const live = cell.querySelector(".jp-OutputArea-output[data-mime-type='image/svg+xml']");
      const frame = live ? frameOf(live) : null;
      if (!frame) return;
      if (!displays.has(index)) displays.set(index, { cell: index, frames: [], maxOutputs: 0 });
      const display = displays.get(index);
      const charts = cell.querySelectorAll(".jp-OutputArea-output[data-mime-type='image/svg+xml'], .jp-OutputArea-output.jp-RenderedPlotly").length;
      display.maxOutputs = Math.max(display.maxOutputs, charts);
      const last = display.frames[display.frames.length - 1];
      if (!last || last.epoch !== frame.epoch) display.frames.push({ at: now, epoch: frame.epoch, done: frame.done });
      if (frame.done < 100) training = true;
    });
    if (training && now - lastStatusSample >= 200) {
      lastStatusSample = now;
      statusWhileTraining.push(kernelStatus());
    }
  }
  const timer = setInterval(tick, 50);
  window.liveWatch = { report() { clearInterval(timer); return { displays: [...displays.values()], statusWhileTraining, stalls }; } };
})()`;
