// `npm install` compiles the array module's C++ kernels (src/array/native/*.cc) with
// node-gyp against the running Node's own headers, so nothing is downloaded. If they cannot be
// built, the install still succeeds and the TypeScript loops run instead (same results, slower).
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const args = ["rebuild"];
// Node's headers beside the node binary (a system or nvm install) unless npm names a folder.
const prefix = path.dirname(path.dirname(process.execPath));
if (!process.env.npm_config_nodedir && fs.existsSync(path.join(prefix, "include", "node", "node_api.h"))) {
  args.push(`--nodedir=${prefix}`);
}
const build = spawnSync("node-gyp", args, { stdio: "inherit", cwd: path.join(__dirname, "..") });
if (build.status !== 0) {
  console.warn(
    "nnfs-ts: the C++ kernels could not be built (they need python3, make and g++);\n" +
    "the TypeScript loops run instead: the same results, slower.",
  );
}
