// What a cell prints, gathered into few `stream` messages, as ipykernel does.
//
// tslab sends one message per write: a loop of console.log calls sends one per line, and
// 300,000 lines took the runner 28 s to receive, most of it after the cell had finished. Here a
// write goes out at once when nothing was sent for FLUSH_INTERVAL_MS (a lone print, or the
// progress line of a training loop that blocks the event loop, is never held back); writes that
// follow it closely wait, joined, for the interval's end or for the next write after it.

const FLUSH_INTERVAL_MS = 100;
/** A flood is still sent in pieces, so that no single message holds all of it. */
const MAX_BATCH_CHARS = 1 << 20;

export class StreamBatcher {
  private name = "";
  private text = "";
  private sentAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly send: (name: string, text: string) => void) {}

  write(name: string, text: string): void {
    // stdout and stderr keep their order: the other stream's text goes out first.
    if (name !== this.name) this.flush();
    this.name = name;
    this.text += text;
    if (Date.now() - this.sentAt >= FLUSH_INTERVAL_MS || this.text.length >= MAX_BATCH_CHARS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_INTERVAL_MS);
  }

  /** Sends what is held; called before any other output of the cell and before its reply. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.text === "") return;
    this.send(this.name, this.text);
    this.text = "";
    this.sentAt = Date.now();
  }
}
