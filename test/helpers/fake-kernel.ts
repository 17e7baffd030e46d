// Stands in for a running tslab kernel: its jupyter module's writer is what display() and
// DisplayHandle use, so setting it makes the library believe a notebook cell is running.
import type { MimeBundle } from "../../src/notebook/display";

export interface Sent {
  message: { data: MimeBundle; metadata: unknown; transient: { display_id?: string } };
  update: boolean;
}

/** Runs body "inside a notebook cell" and returns every display message it sent. */
export function withKernel(body: (sent: Sent[]) => void): Sent[] {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };
  const sent: Sent[] = [];
  jupyter.lastWriteDisplayData = (message: Sent["message"], update: boolean) => sent.push({ message, update });
  try {
    body(sent);
  } finally {
    jupyter.lastWriteDisplayData = null;
  }
  return sent;
}
