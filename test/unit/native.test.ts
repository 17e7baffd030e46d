import assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as np from "../../src/np";
import { native } from "../../src/np/native";
import { BINARY, UNARY } from "../../src/np/kernels";
import { nearHalfWay } from "../helpers/exp-half-way";

// The C++ kernels must give exactly what the TypeScript loops give: one run of the same
// operations with each, compared result by result, bit for bit.
describe("C++ kernels against the TypeScript loops", function () {
  this.timeout(120_000);
  const addon = path.join(__dirname, "..", "..", "build", "Release", "nnfs_kernels.node");

  it("the same bytes for every ufunc, sum, max/argmax, transpose, masked fill and dot case", function () {
    if (!fs.existsSync(addon)) this.skip(); // not built on this machine: only the TypeScript loops exist
    const run = (nativeOn: boolean): Record<string, string> => JSON.parse(execFileSync(
      process.execPath, ["--require", "tsx/cjs", path.join(__dirname, "..", "helpers", "kernel-cases.ts")],
      { encoding: "utf8", maxBuffer: 128 << 20, env: { ...process.env, NNFS_NATIVE: nativeOn ? "1" : "0" } },
    ));
    const withKernels = run(true), withLoops = run(false);
    assert.strictEqual(withKernels.native, "true", "the kernels did not load");
    assert.strictEqual(withLoops.native, "false", "NNFS_NATIVE=0 did not turn them off");
    const cases = Object.keys(withLoops).filter((name) => name !== "native");
    assert.ok(cases.length > 350, `only ${cases.length} cases`);
    const differing = cases.filter((name) => withKernels[name] !== withLoops[name]);
    assert.deepStrictEqual(differing, [], `results differ in: ${differing.slice(0, 10).join("; ")}`);
  });

  it("numbers its ops by their names in kernels.ts's table (kernels.h lists them)", function () {
    if (!native) this.skip();
    for (const [names, table] of [[native.binaryOps, BINARY], [native.unaryOps, UNARY]] as const) {
      assert.deepStrictEqual(names.filter((name) => !Object.hasOwn(table, name)), [], "ops the table lacks");
      const numbered = Object.values(table).filter((op) => op.kernel >= 0).sort((a, b) => a.kernel - b.kernel);
      assert.deepStrictEqual(numbered.map((op) => [op.name, op.kernel]), names.map((name, i) => [name, i]));
    }
  });

  it("the float32 exp kernel hands the elements whose rounding is close to Math.exp", function () {
    if (!native) this.skip();
    const x = np.array(nearHalfWay(), "float32");
    const unsure = new Int32Array(x.size);
    const count = native.expFloat32(new Float32Array(x.size), x.data as Float32Array, x.size, unsure);
    assert.ok(typeof count === "number" && count >= x.size - 2, `${count} of ${x.size} handed back`);
    const expected = Array.from(x.data, (v) => Math.fround(Math.exp(v)));
    assert.deepStrictEqual(Array.from(np.exp(x).data), expected);
    // More than the caller's list holds: -1, and the caller computes every element.
    assert.strictEqual(native.expFloat32(new Float32Array(x.size), x.data as Float32Array, x.size, new Int32Array(2)), -1);
  });
});
