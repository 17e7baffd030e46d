// `npm install` compiles the array module's C++ kernels (src/np/native/*.cc) with node-gyp,
// against the running Node's own headers where they are installed beside it (nothing to
// download). If they cannot be built, the install still succeeds and the TypeScript loops run
// instead (same results, slower).
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
  const why = build.error ? `node-gyp did not start: ${build.error.message}` : "see node-gyp's output above";
  console.warn(
    `nnfs-ts: the C++ kernels could not be built (${why}; they need node-gyp, python3, make and g++).\n` +
    "The TypeScript loops run instead: the same results, slower.",
  );
}
