// Where a chart's HTML finds plotly.js. Jupyter serves every file of a kernel spec's folder at
// <base_url>kernelspecs/<kernel name>/<file> (a route of classic Notebook 6 and of Jupyter
// Server alike), so a link there to the installed plotly.js-dist-min gives every notebook one
// browser-cached copy, whatever folder the notebook is in, and no notebook carries the 4.8 MB.
import * as fs from "fs";
import * as path from "path";

/** The kernel spec the project registers; its folder holds the bundle. */
export const KERNEL_NAME = "nnfs-ts";

export const PLOTLY_BUNDLE = "plotly.min.js";

/** The installed browser bundle (node_modules/plotly.js-dist-min/plotly.min.js). */
export function plotlyBundleSource(): string {
  return require.resolve(`plotly.js-dist-min/${PLOTLY_BUNDLE}`);
}

/** The URL path, below Jupyter's base URL, of the bundle placed in a kernel spec's folder. */
export function plotlyBundleRoute(kernelName: string): string {
  return `kernelspecs/${encodeURIComponent(kernelName)}/${PLOTLY_BUNDLE}`;
}

/** Puts the bundle in a kernel spec's folder: a symlink, or a copy where links are not allowed. */
export function installPlotlyBundle(kernelSpecDir: string): string {
  const source = plotlyBundleSource();
  const target = path.join(kernelSpecDir, PLOTLY_BUNDLE);
  if (fs.existsSync(target) && fs.realpathSync(target) === fs.realpathSync(source)) return target;
  fs.rmSync(target, { force: true });
  try {
    fs.symlinkSync(source, target);
  } catch {
    fs.copyFileSync(source, target);
  }
  return target;
}
