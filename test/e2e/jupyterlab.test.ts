// End to end in JupyterLab 4 and Notebook 7, each served by the project venv's own command
// (requirements-jupyter.txt, the venv made here when missing; `npm start` serves JupyterLab),
// headless Chromium, the stored chapter notebooks. Opened as they come from a clone (untrusted),
// every chart must show as its picture or as plotly's chart; after Run All, every chart is an
// interactive plotly chart, no cell has an error, the kernel was chosen without a dialog, and the
// browser console has no error.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { Browser, chromium, Page } from "playwright-core";
import { installKernelSpec, KERNEL_DISPLAY_NAME, KERNEL_NAME, LOCAL_JUPYTER_DIR } from "../../src/jupyter/kernelspec";
import { createVenv, venvBin, venvDir, venvState } from "../../src/jupyter/lab-env";
import { DEFAULT_KERNEL } from "../../src/jupyter/start";
import { NotebookServer, startNotebookServer } from "../helpers/notebook-server";
import { collectConsoleErrors, FRONT_ENDS } from "../helpers/front-ends";

const ROOT = path.resolve(__dirname, "..", "..");
const OUTPUT_DIR = path.join(ROOT, "test-output", "jupyterlab");
const CHROMIUM = "/usr/bin/chromium";
const CHAPTERS = ["ch03-adding-layers.ipynb", "ch04-activation-functions.ipynb", "ch10-optimizers.ipynb", "ch19-a-real-dataset.ipynb"];

// Every cell rendered, so the page can be counted: JupyterLab 4 otherwise draws only the cells
// near the viewport (its windowing mode).
const SETTINGS = { "lab/user-settings/@jupyterlab/notebook-extension/tracker.jupyterlab-settings": JSON.stringify({ windowingMode: "none" }) };

/** How many outputs of a stored notebook are charts (plotly figures). */
function chartCount(file: string): number {
  const notebook = JSON.parse(fs.readFileSync(file, "utf8")) as { cells: { outputs?: { data?: Record<string, unknown> }[] }[] };
  return notebook.cells.flatMap((cell) => cell.outputs ?? []).filter((output) => output.data?.["application/vnd.plotly.v1+json"] !== undefined).length;
}

interface Charts {
  plots: number;
  pictures: number;
  blankPictures: number;
}

for (const frontEnd of FRONT_ENDS) describe(`browser: ${frontEnd.name} from the project venv + Chromium`, function () {
  let server: NotebookServer | undefined;
  let browser: Browser | undefined;
  let workDir: string | undefined;
  const consoleErrors: string[] = [];

  before(async function () {
    this.timeout(600_000);
    if (!fs.existsSync(CHROMIUM)) {
      if (process.env.CI === "true") throw new Error("browser test cannot run: chromium not installed (apt-get install chromium)");
      console.log("    skipping the JupyterLab test: chromium not installed (apt-get install chromium)");
      this.skip();
    }
    // The venv npm start makes (and uses): made now if this checkout has none yet.
    if (venvState(venvDir()) !== "ready") createVenv(venvDir());
    installKernelSpec();
    // The server gets copies of the stored notebooks (inside the repository, git-ignored, so
    // kernels find nnfs-ts in node_modules); the browser cannot save over the repository's.
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    workDir = fs.mkdtempSync(path.join(OUTPUT_DIR, "notebooks-"));
    for (const chapter of CHAPTERS) fs.copyFileSync(path.join(ROOT, "notebooks", chapter), path.join(workDir, chapter));
    server = await startNotebookServer({
      notebookDir: workDir, jupyterPath: LOCAL_JUPYTER_DIR, executable: venvBin(venvDir(), frontEnd.command), configFiles: SETTINGS,
      extraArgs: [DEFAULT_KERNEL], startTimeoutMs: 60_000,
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });

  after(async function () {
    this.timeout(60_000);
    await browser?.close();
    await server?.stop();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  async function open(route: string, chapter: string): Promise<Page> {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    collectConsoleErrors(page, frontEnd, consoleErrors, `${chapter}: `);
    await page.goto(`${server!.url}${route}/${chapter}?token=${server!.token}`);
    // The notebook is open once it shows its kernel (the one its metadata names), idle.
    await page.waitForSelector(".jp-Notebook .jp-Cell", { timeout: 60_000 });
    await page.waitForFunction((name) => document.querySelector(".jp-KernelName")?.textContent?.trim() === name || document.querySelector(".jp-Dialog") !== null,
      KERNEL_DISPLAY_NAME, { timeout: 60_000 }).catch(() => undefined);
    await waitForIdleKernel(page, 60_000);
    return page;
  }

  for (const chapter of CHAPTERS) {
    it(`${chapter}: stored charts show as opened (untrusted), and as plotly charts after Run All`, async function () {
      this.timeout(600_000);
      const expected = chartCount(path.join(ROOT, "notebooks", chapter));
      // A workspace of its own, so that JupyterLab does not bring back the tabs of earlier tests.
      const page = await open(frontEnd.route(chapter.slice(0, 4)), chapter);
      const context = () => `\n--- console errors ---\n${consoleErrors.join("\n")}\n--- server log ---\n${server!.log().slice(-3000)}`;
      try {
        assert.equal(await page.locator(".jp-Dialog").count(), 0, `a dialog asked for something on opening${context()}`);
        assert.equal((await page.locator(".jp-KernelName").first().textContent())?.trim(), KERNEL_DISPLAY_NAME);

        const stored = await countCharts(page);
        assert.equal(stored.plots + stored.pictures, expected,
          `every stored chart shows: ${JSON.stringify(stored)} of ${expected}; outputs shown as ${(await shownMimeTypes(page)).join(", ")}${context()}`);
        assert.equal(stored.blankPictures, 0, `pictures that did not load: ${JSON.stringify(stored)}${context()}`);

        await runAll(page);
        const errors = await page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'], .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.error']").allTextContents();
        assert.deepEqual(errors, [], `cells wrote errors${context()}`);
        await pointAtCharts(page);
        const fresh = await countCharts(page);
        assert.equal(fresh.plots, expected,
          `after Run All every chart is a plotly chart once the mouse is on it: ${JSON.stringify(fresh)} of ${expected}${context()}`);
        await page.screenshot({ path: path.join(OUTPUT_DIR, `${frontEnd.folder}-${chapter.replace(/\.ipynb$/, ".png")}`), fullPage: true });
        assert.deepEqual(consoleErrors, [], `errors in the browser console${context()}`);
      } finally {
        await page.close();
        await shutDownKernels(server!);
      }
    });
  }

  it("the kernel the server offers by default is the project's", async () => {
    const specs = await (await fetch(`${server!.url}api/kernelspecs?token=${server!.token}`)).json() as { default: string };
    assert.equal(specs.default, KERNEL_NAME);
  });
});

/** Shuts down the server's kernels (a closed tab leaves its kernel running). */
async function shutDownKernels(server: NotebookServer): Promise<void> {
  const api = `${server.url}api/kernels`;
  const headers = { Authorization: `token ${server.token}` };
  const kernels = await (await fetch(api, { headers })).json() as { id: string }[];
  await Promise.all(kernels.map((kernel) => fetch(`${api}/${kernel.id}`, { method: "DELETE", headers })));
}

/**
 * The chart outputs on the page: plotly's renderer (which shows the stored picture until it may
 * draw the figure) or a plain image/png output; each either an interactive plotly chart or a
 * picture, loaded or blank.
 */
async function countCharts(page: Page): Promise<Charts> {
  // Pictures decode and plotly draws a moment after the output reaches the page.
  await page.waitForTimeout(1000);
  return page.evaluate(() => {
    const charts = Array.from(document.querySelectorAll(".jp-OutputArea-output.jp-RenderedPlotly, .jp-OutputArea-output[data-mime-type='image/png']"));
    // plotly.js draws into the output element itself: a .plot-container inside, the picture hidden.
    const plots = charts.filter((chart) => (chart.querySelector(".plot-container") as HTMLElement | null)?.style.display === "block");
    const pictures = charts.filter((chart) => !plots.includes(chart)).map((chart) => chart.querySelector("img"));
    return {
      plots: plots.length,
      pictures: pictures.length,
      blankPictures: pictures.filter((img) => img === null || !img.complete || img.naturalWidth === 0).length,
    };
  });
}

/**
 * plotly's JupyterLab renderer shows a chart's picture, when the output has one, and draws the
 * interactive chart over it when the mouse first enters it; so does a learner's mouse.
 */
async function pointAtCharts(page: Page): Promise<void> {
  const charts = page.locator(".jp-OutputArea-output.jp-RenderedPlotly");
  for (let i = 0; i < await charts.count(); i++) {
    await charts.nth(i).scrollIntoViewIfNeeded();
    await charts.nth(i).hover();
    // plotly.js loads with the first chart, then each chart draws in turn.
    await charts.nth(i).locator(".plot-container").waitFor({ timeout: 30_000 }).catch(() => undefined);
  }
}

/** The mime type each output on the page is rendered from. */
function shownMimeTypes(page: Page): Promise<string[]> {
  return page.evaluate(() => Array.from(document.querySelectorAll(".jp-OutputArea-output"))
    .map((o) => o.getAttribute("data-mime-type") ?? o.className));
}

/**
 * Clears the stored outputs (so that what shows next comes from this run), runs every cell from
 * the Run menu, and waits until each has its execution count.
 */
async function runAll(page: Page): Promise<void> {
  await page.locator(".jp-Notebook").first().click();
  await page.getByRole("menuitem", { name: "Edit", exact: true }).click();
  await page.getByRole("menuitem", { name: /^Clear Outputs of All Cells/ }).click();
  await page.waitForFunction(() => document.querySelectorAll(".jp-OutputArea-output").length === 0, null, { timeout: 10_000 });
  await page.getByRole("menuitem", { name: "Run", exact: true }).click();
  await page.getByRole("menuitem", { name: /^Run All Cells/ }).click();
  await page.waitForFunction(() => {
    const prompts = Array.from(document.querySelectorAll(".jp-CodeCell .jp-InputPrompt")).map((p) => p.textContent ?? "");
    return prompts.length > 0 && prompts.every((p) => /\[\d+\]/.test(p));
  }, null, { timeout: 540_000, polling: 500 });
  await waitForIdleKernel(page, 60_000);
}

/** The kernel status in the toolbar says idle. */
async function waitForIdleKernel(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(() => {
    const status = document.querySelector(".jp-Notebook-ExecutionIndicator");
    return status !== null && /idle/i.test(status.getAttribute("data-status") ?? status.getAttribute("title") ?? "");
  }, null, { timeout: timeoutMs, polling: 250 });
}
