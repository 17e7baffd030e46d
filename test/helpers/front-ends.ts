// The two front ends the browser tests drive, each served by its own command from the project
// venv as a learner starts it (Notebook 7 under jupyter-lab's server misses its own fonts: 403).
import type { Page } from "playwright-core";

export interface FrontEnd {
  name: string;
  /** The venv's command that serves it. */
  command: "jupyter-lab" | "jupyter-notebook";
  /** The URL path before a notebook's path that opens it (JupyterLab: in a workspace of its own). */
  route(workspace: string): string;
  /** A short name for folders and screenshots. */
  folder: string;
}

export const FRONT_ENDS: FrontEnd[] = [
  { name: "JupyterLab 4", command: "jupyter-lab", route: (workspace) => `lab/workspaces/${workspace}/tree`, folder: "lab" },
  { name: "Notebook 7", command: "jupyter-notebook", route: () => "notebooks", folder: "notebook7" },
];

/**
 * Browser console errors that come from the front end itself, whatever the notebook and kernel:
 * JupyterLab's debugger panel asks every kernel for a debug session (tslab has none); Notebook
 * 7.6's keyboard-shortcuts plugin throws "reading 'schema'" as its settings load (its own stack:
 * SettingRegistry.load -> pluginChanged).
 */
function foreign(frontEnd: FrontEnd, text: string): boolean {
  return text.includes("No active debugger session") ||
    (frontEnd.command === "jupyter-notebook" && text.includes("Cannot read properties of undefined (reading 'schema')"));
}

/** Collects the page's console errors and uncaught exceptions into `errors`, less the front end's own. */
export function collectConsoleErrors(page: Page, frontEnd: FrontEnd, errors: string[], prefix = ""): void {
  page.on("console", (message) => {
    if (message.type() === "error" && !foreign(frontEnd, message.text())) errors.push(prefix + message.text());
  });
  page.on("pageerror", (error) => {
    if (!foreign(frontEnd, error.message)) errors.push(prefix + error.message);
  });
}
