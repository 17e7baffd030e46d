// What the project writes (notebooks, models, parameters, downloads) appears whole or not at all,
// writes through a symbolic link instead of replacing it, and leaves a read-only file alone.
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeAtomically } from "../../src/files";

describe("writeAtomically", () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "nnfs-files-")); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("replaces a file's content and leaves no temporary file", () => {
    const file = path.join(dir, "model.nnfs");
    fs.writeFileSync(file, "old");
    writeAtomically(file, "new");
    assert.equal(fs.readFileSync(file, "utf8"), "new");
    assert.deepEqual(fs.readdirSync(dir), ["model.nnfs"]);
  });

  it("writes through a symbolic link: the link stays, its target changes", () => {
    const target = path.join(dir, "real.ipynb");
    const link = path.join(dir, "link.ipynb");
    fs.writeFileSync(target, "old");
    fs.symlinkSync(target, link);
    writeAtomically(link, "new");
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.equal(fs.readFileSync(target, "utf8"), "new");
    assert.deepEqual(fs.readdirSync(dir).sort(), ["link.ipynb", "real.ipynb"]);
  });

  it("refuses a read-only file, naming it, and changes nothing (even as root)", () => {
    const file = path.join(dir, "keep.nnfs");
    fs.writeFileSync(file, "precious");
    fs.chmodSync(file, 0o444);
    assert.throws(() => writeAtomically(file, "overwritten"), new RegExp(`cannot write ${file}: the file is read-only`));
    assert.equal(fs.readFileSync(file, "utf8"), "precious");
    assert.deepEqual(fs.readdirSync(dir), ["keep.nnfs"]);
  });

  it("removes what a killed earlier write of the same file left, not a live writer's or another file's", () => {
    // A process that has exited stands for a save killed with SIGKILL: its pid is no one's now.
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    const file = path.join(dir, "model.nnfs");
    const abandoned = `.model.nnfs.${dead}.0123456789ab.tmp`;
    const inProgress = `.model.nnfs.${process.pid}.0123456789ab.tmp`;
    const otherFile = `.other.nnfs.${dead}.0123456789ab.tmp`;
    for (const name of [abandoned, inProgress, otherFile]) fs.writeFileSync(path.join(dir, name), Buffer.alloc(1 << 20));
    writeAtomically(file, "new");
    assert.deepEqual(fs.readdirSync(dir).sort(), [inProgress, otherFile, "model.nnfs"].sort());
  });

  it("a rename that fails after the temporary file is complete removes it", () => {
    // Renaming a file over a folder that holds something fails only at the end.
    const target = path.join(dir, "taken");
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, "keep"), "x");
    assert.throws(() => writeAtomically(target, "data"), /EISDIR|ENOTEMPTY|EEXIST|EPERM/);
    assert.deepEqual(fs.readdirSync(dir), ["taken"]);
    assert.deepEqual(fs.readdirSync(target), ["keep"]);
  });

  it("leaves nothing behind when the write fails", () => {
    assert.throws(() => writeAtomically(path.join(dir, "no-such-folder", "x.nnfs"), "data"), /ENOENT/);
    assert.deepEqual(fs.readdirSync(dir), []);
  });
});
