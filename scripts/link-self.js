// Notebook cells import the library by its package name ("nnfs-ts"). tslab resolves
// packages like TypeScript's Node10 mode, through node_modules only, so this checkout
// links itself in as node_modules/nnfs-ts. Runs on every `npm install`.
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const link = path.join(root, "node_modules", "nnfs-ts");
fs.mkdirSync(path.dirname(link), { recursive: true });
try {
  if (fs.realpathSync(link) === root) process.exit(0);
  fs.rmSync(link, { recursive: true, force: true });
} catch {
  // no link yet
}
fs.symlinkSync(path.relative(path.dirname(link), root), link, "dir");
