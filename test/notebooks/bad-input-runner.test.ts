// Careless input to `npm run notebooks`: bad arguments, files that are not notebooks (or not
// ours), cells that fail in every way a cell can, and signals to the runner. Each case ends
// with a non-zero exit, a message naming the problem (and the notebook and cell), the file
// byte for byte as it was, and no kernel left running. (runner.test.ts holds the first cases.)
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { kernelsOf, leftoverKernels, Ran, runCli, sleep } from "../helpers/runner-cli";

const HELLO = path.join(__dirname, "..", "fixtures", "hello.ipynb");

/** A notebook for the project's kernel whose code cells are `sources`. */
function notebook(sources: string[], kernelspec?: object): string {
  const nb = JSON.parse(fs.readFileSync(HELLO, "utf8"));
  nb.cells = sources.map((source, i) => ({ cell_type: "code", id: `c${i}`, metadata: {}, execution_count: null, outputs: [], source }));
  if (kernelspec) nb.metadata.kernelspec = kernelspec;
  return JSON.stringify(nb);
}
const v4 = (rest: object) => JSON.stringify({ metadata: {}, nbformat: 4, nbformat_minor: 5, ...rest });

interface Case {
  name: string;
  /** The file's bytes; undefined: no file (args name it anyway). */
  content?: string | Buffer;
  args?: string[];
  /** What the line of stderr that names the notebook (or the last line) says. */
  says: RegExp;
  exitCode?: number;
}

const cliCases: Case[] = [
  { name: "--timeout 0", args: ["--timeout", "0"], says: /--timeout needs a positive number of seconds, got 0$/, exitCode: 2 },
  { name: "--timeout -5", args: ["--timeout", "-5"], says: /--timeout needs a positive number of seconds, got -5$/, exitCode: 2 },
  { name: "--timeout abc", args: ["--timeout", "abc"], says: /--timeout needs a positive number of seconds, got abc$/, exitCode: 2 },
  { name: "--timeout Infinity", args: ["--timeout", "Infinity"], says: /got Infinity$/, exitCode: 2 },
  { name: "--timeout= (empty)", args: ["--timeout="], says: /^--timeout needs a number of seconds after it$/, exitCode: 2 },
  { name: "--timeout as the last argument", args: ["{file}", "--timeout"], says: /^--timeout needs a number of seconds after it$/, exitCode: 2 },
  { name: "a misspelled option", args: ["--tiemout", "3"], says: /^unknown option --tiemout$/, exitCode: 2 },
  { name: "a short option that does not exist", args: ["-x"], says: /^unknown option -x$/, exitCode: 2 },
];

const fileCases: Case[] = [
  { name: "an empty file", content: "", says: /not a Jupyter notebook \(invalid JSON: Unexpected end of JSON input\)$/ },
  { name: "a binary file (a PNG)", content: Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), says: /not a Jupyter notebook \(invalid JSON/ },
  { name: "a JSON list", content: "[]", says: /not a Jupyter notebook \(no "cells" list\)$/ },
  { name: "JSON null", content: "null", says: /not a Jupyter notebook \(no "cells" list\)$/ },
  { name: "a JSON number", content: "42", says: /not a Jupyter notebook \(no "cells" list\)$/ },
  { name: "cells that are an object", content: v4({ cells: {} }), says: /not a Jupyter notebook \(no "cells" list\)$/ },
  { name: "a cell that is null", content: v4({ cells: [null] }), says: /cell 1 is not a notebook cell \(no "cell_type"\)$/ },
  { name: "a cell without cell_type", content: v4({ cells: [{ source: "1" }] }), says: /cell 1 is not a notebook cell \(no "cell_type"\)$/ },
  // Used to hang: the kernel was sent a number as code.
  { name: "a cell whose source is a number", content: v4({ cells: [{ cell_type: "code", source: 5, metadata: {}, outputs: [] }] }),
    says: /cell 1's "source" is not text \(a string or a list of strings\)$/ },
  { name: "a cell whose source list holds a number", content: v4({ cells: [{ cell_type: "markdown", source: ["# a", 2], metadata: {} }] }),
    says: /cell 1's "source" is not text/ },
  { name: "an nbformat 3 notebook", content: JSON.stringify({ worksheets: [{ cells: [] }], metadata: {}, nbformat: 3, nbformat_minor: 0 }),
    says: /nbformat 3 is too old \(expected 4\): open it in Jupyter and save it to convert it$/ },
  { name: "an nbformat 5 notebook", content: JSON.stringify({ cells: [], metadata: {}, nbformat: 5, nbformat_minor: 0 }), says: /unsupported nbformat 5 \(expected 4\)$/ },
  { name: "a notebook without nbformat", content: JSON.stringify({ cells: [], metadata: {} }), says: /unsupported nbformat undefined \(expected 4\)$/ },
  { name: "a notebook for the R kernel", content: notebook(['print("hello")'], { name: "ir", display_name: "R", language: "R" }),
    says: /is a notebook for the "ir" kernel \(R\); this runner runs notebooks written for the project's kernel, "nnfs-ts"$/ },
];

const cellCases: Case[] = [
  { name: "a syntax error", content: notebook(["let x = ;"]), says: /code cell 1 of 1 failed \(cell starts: "let x = ;"\): TSError: Expression expected\.$/ },
  { name: "an unknown name", content: notebook(["console.log(notDefinedAnywhere);"]), says: /code cell 1 of 1 failed .*: TSError: Cannot find name 'notDefinedAnywhere'\.$/ },
  { name: "a module that does not exist", content: notebook(['import { x } from "no-such-module";']),
    says: /code cell 1 of 1 failed .*: TSError: Cannot find module 'no-such-module'/ },
  { name: "an awaited rejection", content: notebook(['await Promise.reject(new Error("rejected in a cell"));']), says: /code cell 1 of 1 failed .*: Error: rejected in a cell$/ },
  { name: "a thrown string", content: notebook(['throw "a plain string";']), says: /code cell 1 of 1 failed .*: Uncaught 'a plain string'$/ },
  { name: "a thrown undefined", content: notebook(["throw undefined;"]), says: /code cell 1 of 1 failed .*: Uncaught undefined$/ },
  { name: "endless recursion", content: notebook(["function f(n: number): number { return f(n + 1) + 1; }\nf(0);"]),
    says: /code cell 1 of 1 failed .*: RangeError: Maximum call stack size exceeded$/ },
  // The error comes from the kernel's own code, after the cell ran: it must still end the cell.
  { name: "a value whose printing throws", content: notebook(['({ [Symbol.for("nodejs.util.inspect.custom")]() { throw new Error("cannot print this"); } });']),
    args: ["--timeout", "60"], says: /code cell 1 of 1 failed .*: Error: cannot print this$/ },
  { name: "an array too long for JavaScript", content: notebook(["new Array(2 ** 32);"]), says: /code cell 1 of 1 failed .*: RangeError: Invalid array length$/ },
  { name: "a timer that throws after its cell", content: notebook(['setTimeout(() => { throw new Error("thrown by a timer"); }, 10);', "await new Promise((r) => setTimeout(r, 500));"]),
    // Printed by cell 1's timer while cell 1 ends or cell 2 runs: it is not lost either way.
    says: /code cell [12] of 2 wrote to stderr .*: UncaughtException: Error: thrown by a timer$/ },
  { name: "a rejection nobody handles", content: notebook(['Promise.reject(new Error("nobody handles this"));', "await new Promise((r) => setTimeout(r, 500));"]),
    says: /code cell [12] of 2 wrote to stderr .*: UnhandledPromiseRejection: Error: nobody handles this$/ },

  { name: "a cell that kills its kernel (SIGKILL)", content: notebook(['process.kill(process.pid, "SIGKILL");']),
    says: /code cell 1 of 1 killed the kernel .*: the kernel process exited \(signal SIGKILL\)/ },
  { name: "a cell that aborts its kernel", content: notebook(["process.abort();"]), says: /code cell 1 of 1 killed the kernel .*: the kernel process exited \(signal SIGABRT\)/ },
];

describe("npm run notebooks: more bad input", function () {
  this.timeout(120_000);
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnfs-bad-runner-")); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The stderr line that names `file`, else the last line: what the user reads first. */
  function verdict(r: Ran, file: string): string {
    const lines = r.stderr.trimEnd().split("\n");
    return [...lines].reverse().find((l) => l.includes(file)) ?? lines[lines.length - 1];
  }

  async function expectRefused(c: Case, file: string): Promise<Ran> {
    const before = fs.existsSync(file) ? fs.readFileSync(file) : null;
    const args = c.args ?? [];
    const r = await runCli(args.includes("{file}") ? args.map((a) => (a === "{file}" ? file : a)) : [...args, file]);
    assert.strictEqual(r.code, c.exitCode ?? 1, `exit code\n${r.stdout}${r.stderr}`);
    const said = c.exitCode === 2 ? r.stderr.split("\n")[0] : verdict(r, file);
    assert.match(said, c.says, r.stderr);
    if (c.exitCode !== 2) assert.ok(said.startsWith(file), `the message starts with the notebook's path: ${said}`);
    if (before) assert.ok(fs.readFileSync(file).equals(before), "the notebook was changed");
    assert.deepStrictEqual(await leftoverKernels(r.pid), [], "kernel processes left behind");
    return r;
  }

  describe("arguments", () => {
    for (const c of cliCases) it(c.name, () => expectRefused(c, HELLO));
  });

  describe("files that are not notebooks of this project", () => {
    for (const c of fileCases) {
      it(c.name, async () => {
        const file = path.join(dir, `${c.name.replace(/\W+/g, "-")}.ipynb`);
        fs.writeFileSync(file, c.content ?? "");
        await expectRefused(c, file);
      });
    }

    it("a symbolic link to nowhere", async () => {
      const file = path.join(dir, "dangling.ipynb");
      fs.symlinkSync(path.join(dir, "nowhere.ipynb"), file);
      await expectRefused({ name: "", says: /dangling\.ipynb: no such file or directory$/ }, file);
    });

    it("a read-only notebook is refused before its kernel starts", async () => {
      const file = path.join(dir, "read-only.ipynb");
      const ran = path.join(dir, "read-only-ran");
      fs.writeFileSync(file, notebook([`require("fs").writeFileSync(${JSON.stringify(ran)}, "ran");`]));
      fs.chmodSync(file, 0o444);
      await expectRefused({ name: "", says: /cannot write .*read-only\.ipynb: the file is read-only \(make it writable or choose another path\)$/ }, file);
      assert.ok(!fs.existsSync(ran), "the notebook was run before it was refused");
    });

    it("a folder without notebooks says so and succeeds (nothing to do is not an error)", async () => {
      const empty = fs.mkdtempSync(path.join(dir, "empty-"));
      const r = await runCli([empty]);
      assert.strictEqual(r.code, 0);
      assert.match(r.stdout, new RegExp(`^no notebooks found in ${empty}$`, "m"));
    });

    it("of two notebooks, the good one is written, the failing one is not, and the run fails", async () => {
      const good = path.join(dir, "a-good.ipynb"), bad = path.join(dir, "b-bad.ipynb");
      fs.writeFileSync(good, notebook(['console.log("fine")']));
      fs.writeFileSync(bad, notebook(['throw new Error("the second one fails")']));
      const badBefore = fs.readFileSync(bad);
      const r = await runCli([good, bad]);
      assert.strictEqual(r.code, 1);
      assert.match(r.stdout, /^ok .*a-good\.ipynb: 1 code cells/m);
      assert.match(verdict(r, bad), /code cell 1 of 1 failed .*: Error: the second one fails$/);
      assert.match(fs.readFileSync(good, "utf8"), /"text": \[\n\s+"fine\\n"\n\s+\]/);
      assert.ok(fs.readFileSync(bad).equals(badBefore));
    });
  });

  describe("cells that fail", () => {
    for (const c of cellCases) {
      it(c.name, async () => {
        const file = path.join(dir, `${c.name.replace(/\W+/g, "-")}.ipynb`);
        fs.writeFileSync(file, c.content ?? "");
        await expectRefused(c, file);
      });
    }
  });

  it("an await that never settles, with --timeout 3: interrupted, without tslab's own stack", async () => {
    const file = path.join(dir, "await-forever.ipynb");
    fs.writeFileSync(file, notebook(["await new Promise(() => {});", 'console.log("never")']));
    const r = await expectRefused({ name: "", args: ["--timeout", "3"], says: /code cell 1 of 2 timed out .*: no result after 3 s \(the cell was interrupted\)$/ }, file);
    assert.match(r.stderr, /^\s*Interrupted: the kernel was interrupted while the cell was waiting \(await\)$/m);
    // What the kernel was doing when time ran out: its main thread asleep, waiting for events.
    assert.match(r.stderr, /^\s*main thread: S in \w+, [\d.]+ s of CPU$/m, r.stderr);
    assert.doesNotMatch(r.stderr, /node_modules/);
  });

  describe("signals to the runner end it and its kernel", () => {
    for (const [signal, code] of [["SIGTERM", 143], ["SIGHUP", 129]] as const) {
      it(`${signal} while a cell is busy`, async () => {
        const busy = path.join(dir, `busy-${signal}`);
        const file = path.join(dir, `busy-${signal}.ipynb`);
        fs.writeFileSync(file, notebook([`require("fs").writeFileSync(${JSON.stringify(busy)}, "busy");\nwhile (true) {}`]));
        const before = fs.readFileSync(file);
        let pid = 0;
        const done = runCli([file], { onSpawn: (p) => (pid = p) });
        const ended = done.then(() => "runner ended first");
        while (!fs.existsSync(busy)) assert.strictEqual(await Promise.race([ended, sleep(100)]), undefined, "the busy cell never started");
        assert.notStrictEqual((await kernelsOf(pid)).length, 0);
        process.kill(pid, signal);
        const r = await done;
        assert.strictEqual(r.code, code, r.stderr);
        assert.match(r.stderr, new RegExp(`interrupted \\(${signal}\\): stopping the kernel`));
        assert.ok(fs.readFileSync(file).equals(before));
        assert.deepStrictEqual(await leftoverKernels(pid), []);
      });
    }
  });
});
