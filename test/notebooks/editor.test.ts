// What a learner sees while typing in a cell, asked of the real kernel the way JupyterLab asks:
// Shift+Tab (inspect) on `np.sum` shows its parameters and doc, Tab offers the options' names,
// and a misspelled option is a type error in the cell.
import { strict as assert } from "assert";
import * as path from "path";
import { Kernel } from "../../src/jupyter/kernel";
import { findKernelSpec, withProjectJupyterPath } from "../../src/jupyter/kernelspec";

const NOTEBOOKS = path.resolve(__dirname, "..", "..", "notebooks");
const IMPORT = `import { np, Optimizer_Adam, Layer_Dense } from "nnfs-ts";`;

describe("the kernel answers an editor with the library's real signatures", function () {
  this.timeout(120_000);
  let kernel: Kernel;

  before(async () => {
    kernel = await Kernel.start({ cwd: NOTEBOOKS, spec: findKernelSpec().spec, env: withProjectJupyterPath() });
    const { reply } = await kernel.execute(IMPORT, 60_000, () => {});
    assert.equal(reply?.status, "ok");
  });
  after(async () => kernel?.shutdown());

  /** Shift+Tab with the cursor inside `name` (tslab describes the identifier at the cursor). */
  const inspected = async (code: string, name: string): Promise<string> => {
    const reply = await kernel.ask("inspect", code, code.indexOf(name) + 1);
    assert.equal(reply.status, "ok");
    return String((reply.data as Record<string, string> | undefined)?.["text/plain"] ?? "");
  };

  it("inspect on np.sum shows axis and keepdims and a doc line", async () => {
    const text = await inspected("np.sum(", "sum");
    assert.match(text, /axis/);
    assert.match(text, /keepdims/);
    assert.match(text, /[Ss]um/);
    assert.doesNotMatch(text, /\.\.\.args/);
  });

  it("inspect on Optimizer_Adam shows the book's parameters", async () => {
    const text = await inspected("new Optimizer_Adam(", "Optimizer_Adam");
    for (const name of ["learning_rate", "decay", "epsilon", "beta_1", "beta_2"]) assert.match(text, new RegExp(name));
    assert.doesNotMatch(text, /\.\.\.args/);
  });

  it("completion inside np.sum's options offers axis and keepdims", async () => {
    const code = "np.sum(np.ones([2, 3]), { ";
    const reply = await kernel.ask("complete", code);
    const matches = (reply.matches as string[] | undefined) ?? [];
    assert.ok(matches.includes("axis") && matches.includes("keepdims"), `offered: ${matches.join(", ")}`);
  });

  it("a misspelled option is a type error in the cell, naming it", async () => {
    const errors: { ename?: string; evalue?: string; traceback?: string[] }[] = [];
    const { reply } = await kernel.execute("np.sum(np.ones([2, 3]), { axsi: 1 });", 60_000, (m) => {
      if (m.header.msg_type === "error") errors.push(m.content as { ename?: string; evalue?: string; traceback?: string[] });
    });
    assert.equal(reply?.status, "error");
    assert.equal(errors.length, 1);
    assert.equal(errors[0].ename, "TSError");
    // What the learner reads: the message and the traceback under it.
    assert.match(`${errors[0].evalue}\n${(errors[0].traceback ?? []).join("\n")}`, /'axsi' does not exist/);
  });

  it("an error inside the library shows its TypeScript line and the cell's line", async () => {
    const tracebacks: string[][] = [];
    await kernel.execute("const a = np.ones([3, 4]);\nnp.dot(a, a);", 60_000, (m) => {
      if (m.header.msg_type === "error") tracebacks.push((m.content as { traceback: string[] }).traceback);
    });
    assert.deepEqual(tracebacks.map((t) => t.map((line) => line.replace(/\(.*[\\/]src[\\/](.*):\d+:\d+\)/, "(src/$1:L:C)"))), [[
      "Error: shapes (3,4) and (3,4) not aligned: 4 (dim 1) != 3 (dim 0)",
      "    at Object.dot (src/np/linalg.ts:L:C)",
      "    at Cell In[3], line 2",
      "        np.dot(a, a);",
    ]]);
  });
});
