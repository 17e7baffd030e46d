// Rich output: one Jupyter display_data message carrying several mime types, so each front end
// picks what it can render (plotly JSON, HTML, plain text). Inside the tslab kernel the message
// goes out through tslab's writer; anywhere else (node, mocha) the text/plain part is printed.
import { randomBytes } from "crypto";

/** Mime type -> content; text/plain is required because every front end can show it. */
export type MimeBundle = { "text/plain": string } & Record<string, unknown>;

interface DisplayMessage {
  data: MimeBundle;
  metadata: Record<string, unknown>;
  transient: { display_id?: string };
}
type WriteDisplayData = (message: DisplayMessage, update: boolean) => void;

const TSLAB_JUPYTER = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;

// tslab keeps the running cell's writer in `lastWriteDisplayData` of its jupyter module (null
// until a cell runs). We look the module up among the loaded ones instead of requiring it: outside
// the kernel it is not loaded, and requiring it would pull in tslab's TypeScript compiler.
function tslabWriter(): WriteDisplayData | null {
  for (const mod of Object.values(require.cache)) {
    if (mod && TSLAB_JUPYTER.test(mod.id)) {
      return (mod.exports as { lastWriteDisplayData?: WriteDisplayData | null }).lastWriteDisplayData ?? null;
    }
  }
  return null;
}

/** True when running inside a tslab kernel cell (rich output reaches Jupyter). */
export function inNotebook(): boolean {
  return tslabWriter() !== null;
}

/** Shows a bundle in the cell's output; prints its text/plain part outside Jupyter. */
export function display(bundle: MimeBundle): void {
  const write = tslabWriter();
  if (write) write({ data: bundle, metadata: {}, transient: {} }, false);
  else console.log(bundle["text/plain"]);
}

/** Text made safe to place inside HTML elements. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * One output that later calls overwrite in place (Jupyter's display_id), for live progress.
 * Outside Jupyter only `close()` prints, once, so logs get the final state and not every frame.
 */
export class DisplayHandle {
  // Random, not a counter: Jupyter updates every output with this id on the page, including
  // outputs left by an earlier kernel session, so ids must never repeat. They are transient
  // (never saved in the notebook), so randomness does not make saved outputs unstable.
  readonly id = randomBytes(8).toString("hex");
  private shown = false;
  private last: MimeBundle | null = null;

  update(bundle: MimeBundle): void {
    this.last = bundle;
    const write = tslabWriter();
    if (!write) return;
    write({ data: bundle, metadata: {}, transient: { display_id: this.id } }, this.shown);
    this.shown = true;
  }

  /** The final frame: in Jupyter it is already on screen; elsewhere it is printed now. */
  close(): void {
    if (!this.shown && this.last) console.log(this.last["text/plain"]);
  }
}
