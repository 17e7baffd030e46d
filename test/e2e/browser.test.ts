// End to end, as a learner sees it: Debian's classic Jupyter Notebook serves a chapter notebook,
// headless Chromium runs every cell on the nnfs-ts kernel, and the page must show each chart's
// picture (Notebook 6 has no plotly renderer) and the arrays NumPy-style, with no error anywhere.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { Browser, chromium, Page } from "playwright-core";
import { installKernelSpec, KERNEL_NAME, LOCAL_JUPYTER_DIR } from "../../src/jupyter/kernelspec";
import { JUPYTER_NOTEBOOK, NotebookServer, startNotebookServer } from "../helpers/notebook-server";

const ROOT = path.resolve(__dirname, "..", "..");
const NOTEBOOK = "ch03-adding-layers.ipynb";
const REPO_NOTEBOOK = path.join(ROOT, "notebooks", NOTEBOOK);
const OUTPUT_DIR = path.join(ROOT, "test-output", "browser");
const CHROMIUM = "/usr/bin/chromium";

interface PageOutput {
  output_type: string;
  name?: string;
  text?: string;
  ename?: string;
  evalue?: string;
  data?: Record<string, unknown>;
}

/** What the test reads back from the page once every cell has run. */
interface PageResult {
  cells: { prompt: unknown; outputs: PageOutput[] }[];
  pictures: { width: number; height: number; src: string }[];
  outputText: string;
}

describe(`browser: ${NOTEBOOK} in classic Jupyter Notebook + Chromium`, function () {
  let server: NotebookServer | undefined;
  let browser: Browser | undefined;
  let workDir: string | undefined;
  let repoNotebookBefore: Buffer;
  const pageErrors: string[] = [];

  before(async function () {
    this.timeout(60_000);
    const missing = [CHROMIUM, JUPYTER_NOTEBOOK].filter((file) => !fs.existsSync(file));
    if (missing.length > 0) {
      const message = `${missing.join(" and ")} not installed (apt-get install chromium jupyter-notebook)`;
      if (process.env.CI === "true") throw new Error(`browser test cannot run: ${message}`);
      console.log(`    skipping the browser test: ${message}`);
      this.skip();
    }
    const specDir = path.join(LOCAL_JUPYTER_DIR, "kernels", KERNEL_NAME);
    if (!fs.existsSync(path.join(specDir, "kernel.json"))) installKernelSpec();

    repoNotebookBefore = fs.readFileSync(REPO_NOTEBOOK);
    // The server gets a copy without outputs: whatever the page shows comes from this run, and
    // nothing the browser does can save over the repository's notebook. The copy lives inside
    // the repository (git-ignored) so the kernel, started in its folder, finds nnfs-ts in
    // node_modules.
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    workDir = fs.mkdtempSync(path.join(OUTPUT_DIR, "notebooks-"));
    fs.writeFileSync(path.join(workDir, NOTEBOOK), withoutOutputs(repoNotebookBefore.toString("utf8")));

    server = await startNotebookServer({ notebookDir: workDir, jupyterPath: LOCAL_JUPYTER_DIR });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });

  after(async function () {
    this.timeout(30_000);
    await browser?.close();
    await server?.stop();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("runs every cell without errors, shows the spiral charts as pictures and prints the arrays", async function () {
    this.timeout(150_000);
    // Notebook 6 scrolls inside its own container, so the screenshot shows only the viewport.
    const page = await browser!.newPage({ viewport: { width: 1100, height: 5200 } });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${server!.url}notebooks/${NOTEBOOK}?token=${server!.token}`);
    await page.waitForFunction(() => window.Jupyter?.notebook?.kernel?.is_connected(), null, { timeout: 60_000 });
    await waitForIdleKernel(page, 30_000);
    assert.equal(await page.evaluate(() => window.Jupyter.notebook.kernel.name), KERNEL_NAME);

    await page.evaluate(() => window.Jupyter.notebook.execute_all_cells());
    await waitForIdleKernel(page, 120_000);
    // The browser decodes a picture a moment after it reaches the page.
    await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>(".output_area img")).every((img) => img.complete),
      null, { timeout: 30_000 }).catch(() => undefined);
    const result = await readPage(page);
    await page.screenshot({ path: path.join(OUTPUT_DIR, NOTEBOOK.replace(/\.ipynb$/, ".png")) });

    const context = `\n--- page ---\n${describePage(result)}\n--- page errors ---\n${pageErrors.join("\n")}` +
      `\n--- jupyter-notebook log ---\n${server!.log().slice(-3000)}`;
    result.cells.forEach((cell, i) => {
      assert.equal(typeof cell.prompt, "number", `code cell ${i + 1} has no execution count${context}`);
      for (const output of cell.outputs) {
        assert.notEqual(output.output_type, "error", `code cell ${i + 1}: ${output.ename}: ${output.evalue}${context}`);
        assert.ok(!(output.output_type === "stream" && output.name === "stderr"),
          `code cell ${i + 1} wrote to stderr:\n${output.text}${context}`);
      }
    });
    // The points alone, then coloured by class: each chart's plotly figure and its picture.
    const figures = result.cells.flatMap((cell) => cell.outputs)
      .map((output) => output.data?.["application/vnd.plotly.v1+json"] as { data: unknown[] } | undefined)
      .filter((figure): figure is { data: unknown[] } => figure !== undefined);
    assert.deepEqual(figures.map((figure) => figure.data.length), [1, 3], `two spiral charts expected, the second with one trace per class${context}`);
    assert.deepEqual(result.pictures.map((p) => [p.width, p.height, p.src]), [[720, 420, "data:image/png"], [720, 420, "data:image/png"]],
      `each chart shown as a 720×420 PNG picture${context}`);
    // dense1.output[:5], second row, as NumPy prints float32.
    assert.ok(result.outputText.includes("[-1.0475188e-04  1.1395361e-04 -4.7983500e-05]"),
      `dense1.output[:5] not shown as NumPy prints it${context}`);
    assert.deepEqual(pageErrors, [], `errors in the page${context}`);
  });

  it("leaves the repository's notebook untouched", () => {
    assert.ok(fs.readFileSync(REPO_NOTEBOOK).equals(repoNotebookBefore), `${REPO_NOTEBOOK} changed during the test`);
  });
});

function withoutOutputs(notebookJson: string): string {
  const notebook = JSON.parse(notebookJson) as { cells: { cell_type: string; outputs?: unknown[]; execution_count?: unknown }[] };
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "code") continue;
    cell.outputs = [];
    cell.execution_count = null;
  }
  return JSON.stringify(notebook, null, 1) + "\n";
}

/** One line per code cell output and per chart, for failure messages. */
function describePage(result: PageResult): string {
  const lines = result.cells.flatMap((cell, i) => [
    `code cell ${i + 1} [${String(cell.prompt)}]`,
    ...cell.outputs.map((o) => `  ${[o.output_type, o.name, o.ename].filter(Boolean).join(" ")}: ` +
      `${(o.text ?? o.evalue ?? "").split("\n")[0].slice(0, 120)}`),
  ]);
  for (const picture of result.pictures) lines.push(`picture: ${picture.width}×${picture.height} ${picture.src}`);
  return lines.join("\n");
}

/** The kernel indicator shows idle and no cell is queued or running. */
async function waitForIdleKernel(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(() => document.querySelector("#kernel_indicator_icon.kernel_idle_icon") !== null &&
    document.querySelector(".code_cell.running") === null, null, { timeout: timeoutMs, polling: 250 });
}

function readPage(page: Page): Promise<PageResult> {
  return page.evaluate(() => ({
    cells: window.Jupyter.notebook.get_cells()
      .filter((cell) => cell.cell_type === "code")
      .map((cell) => ({ prompt: cell.input_prompt_number, outputs: cell.output_area.outputs })),
    pictures: Array.from(document.querySelectorAll<HTMLImageElement>(".output_area img")).map((img) => ({
      width: img.naturalWidth, height: img.naturalHeight, src: img.src.slice(0, img.src.indexOf(";")),
    })),
    outputText: Array.from(document.querySelectorAll(".output_area .output_text")).map((e) => e.textContent).join("\n"),
  }));
}

// The slice of Notebook 6's page API the test uses.
declare global {
  interface Window {
    Jupyter: {
      notebook: {
        kernel: { name: string; is_connected(): boolean };
        execute_all_cells(): void;
        get_cells(): {
          cell_type: string;
          input_prompt_number: unknown;
          output_area: { outputs: PageResult["cells"][number]["outputs"] };
        }[];
      };
    };
  }
}
