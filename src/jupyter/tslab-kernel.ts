// What tslab 1.0.22's kernel lacks for Jupyter's protocol, fixed in its own process before it
// starts (loaded by kernel-preload.ts). tslab's `kernel` command builds its kernel from three
// module exports: createExecutor, JupyterHandlerImpl and ZmqServer; they are replaced here by
// versions that
// - send a failing cell as an `error` message (ename, evalue, a traceback with cell lines)
//   instead of text on stderr, and a last expression's value as `execute_result`;
// - abort the requests queued behind a failed cell only when it asked for it (stop_on_error);
// - answer kernel_info with a status, is_complete with "invalid", and history_request at all;
// - send execute_input, and comm_info_reply under its own name.
// Protocol: https://jupyter-client.readthedocs.io/en/stable/messaging.html
import type * as TslabExecutor from "tslab/dist/executor";
import type * as TslabJupyter from "tslab/dist/jupyter";
import * as util from "util";
import type * as zmq from "zeromq";
import { compileAs, compileError, Diagnostic, emitCellSourceMaps, ErrorContent, thrownError, tslabTypeScriptPath } from "./cell-errors";
import { HistoryRequest, KernelHistory } from "./kernel-history";
import { StreamBatcher } from "./stream-batcher";
import { DELIMITER, Message, Session } from "./wire";

// Before tslab's converter loads TypeScript.
emitCellSourceMaps();
/* eslint-disable @typescript-eslint/no-require-imports */
const executorModule = require("tslab/dist/executor") as typeof TslabExecutor;
const jupyter = require("tslab/dist/jupyter") as typeof TslabJupyter;
const converter = require("tslab/dist/converter") as { isCompleteCode(code: string): { completed: boolean; indent?: string } };
const ts = require(tslabTypeScriptPath()) as TypeScriptParser;
const TSLAB_VERSION = (require("tslab/package.json") as { version: string }).version;
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * After a cell fails (with stop_on_error), the requests queued behind it are aborted, and so
 * are those the client sent before it heard of the failure but that reach the kernel only
 * afterwards: a notebook's "Run All" sends every cell at once, and the ones still in ZeroMQ's
 * buffer while a cell blocks the event loop arrive a moment later. Whether a request was sent
 * before the failure is told by its header's date, within this window (tslab aborted all
 * requests for 200 ms; a client that sends as soon as it reads the error reply must not be).
 */
const ABORT_WINDOW_MS = 200;

interface TypeScriptParser {
  version: string;
  ScriptTarget: { Latest: number };
  ScriptKind: { TS: number };
  createSourceFile(name: string, text: string, target: number, setParents: boolean, kind: number): object;
}

type Executor = TslabExecutor.Executor;
type Content = Record<string, unknown>;

interface CellResult {
  error: ErrorContent | null;
  /** The last expression's value, when it has one (tslab skips null and undefined). */
  value?: { of: unknown };
}

interface CellExecutor extends Executor {
  run(code: string, label: string): Promise<CellResult>;
}

const DIAGNOSTIC_FORMAT = "%s%d:%d - %s";

/** tslab's executor, with what it prints through its console turned into a result. */
function createCellExecutor(...args: Parameters<typeof TslabExecutor.createExecutor>): CellExecutor {
  const [rootDir, convs] = args;
  let diagnostics: Diagnostic[] = [];
  let thrown: { of: unknown } | null = null;
  let value: { of: unknown } | undefined;
  const executor = createExecutor(rootDir, convs, {
    // The executor prints only the last expression's value with log.
    log: (v: unknown) => (value = { of: v }),
    error: (...a: unknown[]) => {
      if (a[0] === DIAGNOSTIC_FORMAT) {
        const [, file, line, column, message] = a as [string, string, number, number, string];
        diagnostics.push({ file: file.trimEnd(), line, column, message });
      } else {
        thrown = { of: a[0] };
      }
    },
  });
  return Object.assign(executor, {
    async run(code: string, label: string): Promise<CellResult> {
      diagnostics = [];
      thrown = null;
      value = undefined;
      const ok = await compileAs(label, code, () => executor.execute(code));
      if (ok) {
        // A `//%module` cell compiles with errors and still succeeds; tslab prints them.
        for (const d of diagnostics) process.stderr.write(util.format(DIAGNOSTIC_FORMAT, d.file && d.file + " ", d.line, d.column, d.message) + "\n");
        return { error: null, value };
      }
      if (diagnostics.length > 0) return { error: compileError(diagnostics, label, code) };
      // Set by the console callback during execute, which TypeScript's narrowing cannot see.
      const t = thrown as { of: unknown } | null;
      return { error: t ? thrownError(t.of) : { ename: "Error", evalue: "the cell failed", traceback: [] } };
    },
  });
}
const createExecutor = executorModule.createExecutor;

interface ExecuteRequest {
  code: string;
  silent?: boolean;
  store_history?: boolean;
  stop_on_error?: boolean;
}

/** The busy and idle of one execute request, said when its cell starts and ends. */
interface CellTurn {
  start(): void;
  /** Sends the reply, then idle. */
  finish(reply: Content): void;
}

/** Where a cell's outputs go: iopub messages whose parent is its execute_request. */
interface CellOutputs {
  publish(msgType: string, content: Content): void;
  stream(name: string, text: string): void;
  display(data: object, update: boolean): void;
  /** Sends printed text still held back (see stream-batcher.ts). */
  flush(): void;
}

class Handler extends jupyter.JupyterHandlerImpl {
  readonly history = new KernelHistory();
  private readonly cells: CellExecutor;
  private count = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private failedAt = -Infinity;

  constructor(executor: Executor, isJs: boolean) {
    super(executor, isJs);
    this.cells = executor as CellExecutor;
  }

  handleKernel(): ReturnType<TslabJupyter.JupyterHandlerImpl["handleKernel"]> & { status: "ok" } {
    const info = super.handleKernel();
    // tslab reports TypeScript 3.7.2; cells are compiled by the TypeScript it bundles.
    return {
      ...info,
      status: "ok",
      implementation_version: TSLAB_VERSION,
      language_info: { ...info.language_info, version: ts.version },
    };
  }

  handleIsComplete(req: { code: string }): ReturnType<TslabJupyter.JupyterHandlerImpl["handleIsComplete"]> {
    const tslab = converter.isCompleteCode(req.code);
    if (!tslab.completed) return { status: "incomplete", indent: tslab.indent ?? "" };
    // tslab calls everything else complete. Parsed as a module, like tslab does, so that a
    // top-level await parses.
    const file = ts.createSourceFile("cell.ts", "export {};\n" + req.code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const errors = (file as { parseDiagnostics?: { messageText: unknown }[] }).parseDiagnostics ?? [];
    if (errors.length === 0) return { status: "complete" };
    // A template literal may span lines, like Python's triple-quoted strings.
    if (errors.every((e) => e.messageText === "Unterminated template literal.")) return { status: "incomplete", indent: "" };
    return { status: "invalid" };
  }

  /**
   * `sentAt` is the request header's date (ms; NaN when it has none). Cells run one at a time in
   * the order they came; `turn` says busy when this one starts and sends its reply and idle
   * before the next one starts.
   */
  execute(req: ExecuteRequest, sentAt: number, out: CellOutputs, turn: CellTurn): Promise<void> {
    const arrived = Date.now();
    const aborted = () =>
      arrived <= this.failedAt || (arrived <= this.failedAt + ABORT_WINDOW_MS && !(sentAt > this.failedAt));
    const done = this.queue.then(async () => {
      turn.start();
      turn.finish(aborted() ? { status: "abort" } : await this.run(req, out).catch((e: unknown) => this.failed(req, out, thrownError(e))));
    });
    this.queue = done.catch(() => undefined);
    return done;
  }

  private async run(req: ExecuteRequest, out: CellOutputs): Promise<Content> {
    const silent = req.silent === true;
    const store = req.store_history !== false && !silent;
    if (store) this.count++;
    const count = this.count;
    if (!silent) out.publish("execute_input", { code: req.code, execution_count: count });
    if (store) this.history.add(count, req.code);
    // Like ipykernel, output written after the cell ends still goes to it (timers, promises).
    process.stdout.write = this.createWriteToIopub("stdout", out.stream) as typeof process.stdout.write;
    process.stderr.write = this.createWriteToIopub("stderr", out.stream) as typeof process.stderr.write;
    (jupyter as { lastWriteDisplayData: (data: object, update: boolean) => void }).lastWriteDisplayData = out.display;

    const { error, value } = await this.cells.run(req.code, `Cell In[${count}]`);
    if (error) return this.failed(req, out, error);
    if (value && !silent) {
      const text = util.inspect(value.of);
      out.publish("execute_result", { execution_count: count, data: { "text/plain": text }, metadata: {} });
      if (store) this.history.setOutput(count, text);
    }
    return { status: "ok", execution_count: count, payload: [], user_expressions: {} };
  }

  /**
   * The reply to a cell that failed, its error sent as output. Also for an exception the kernel's
   * own code let through (a value whose inspect throws, a compiler crash): without a reply,
   * Jupyter would wait for the cell forever.
   */
  private failed(req: ExecuteRequest, out: CellOutputs, error: ErrorContent): Content {
    if (req.silent !== true) out.publish("error", { ...error });
    if (req.stop_on_error !== false) this.failedAt = Date.now();
    return { status: "error", execution_count: this.count, ...error };
  }
}

/** A request as received: routing identities, then the message. */
interface Request {
  identities: Buffer[];
  msg: Message;
}

class Server extends jupyter.ZmqServer {
  private session?: Session;
  /** The execute request whose cell is running, if one is. */
  private running: Request | null = null;
  /** tslab's init: it binds the five sockets at once and reads shell while they bind. */
  private ready: Promise<void> = Promise.resolve();

  init(): Promise<void> {
    this.ready = super.init();
    return this.ready;
  }

  async handleShellMessage(sock: zmq.Router, ...frames: Buffer[]): Promise<void> {
    // A request can come as soon as shell is bound, and a send on a socket still binding throws
    // EBUSY ("Socket is blocked by a bind or unbind operation"): the first kernel_info_request
    // then got no reply at all (seen twice in one CI run: the runner waited its 60 s).
    await this.ready;
    this.session ??= new Session(this.connInfo.key);
    let request: Request;
    try {
      const at = frames.findIndex((f) => f.toString("latin1") === DELIMITER);
      request = { identities: frames.slice(0, Math.max(at, 0)), msg: this.session.parse(frames) };
    } catch (e) {
      logToKernelConsole(`nnfs-ts kernel: dropped a message: ${(e as Error).message}`);
      return;
    }
    const handler = this.handler as Handler;
    const content = request.msg.content;
    // A cell's busy and idle frame its run, not its wait in the queue: "Run All" sends every
    // cell at once, and a busy for each on arrival followed by the first one's idle would show
    // the kernel idle while the other cells run (as ipykernel, which runs requests in turn, never does).
    const isExecute = request.msg.header.msg_type === "execute_request";
    let idle = false;
    const publishIdle = () => {
      out.flush();
      this.publish(request, "status", { execution_state: "idle" });
      idle = true;
    };
    if (!isExecute) this.publish(request, "status", { execution_state: "busy" });
    const out = this.outputsFor(request);
    const reply = (msgType: string, replyContent: object) => {
      out.flush();
      this.send(sock, request, msgType, replyContent);
    };
    let shutdown = false;
    try {
      switch (request.msg.header.msg_type) {
        case "kernel_info_request":
          reply("kernel_info_reply", handler.handleKernel());
          break;
        case "execute_request":
          await handler.execute(content as unknown as ExecuteRequest, Date.parse(request.msg.header.date), out, {
            start: () => {
              this.running = request;
              this.publish(request, "status", { execution_state: "busy" });
            },
            finish: (replyContent) => {
              reply("execute_reply", replyContent);
              this.running = null;
              publishIdle();
            },
          });
          break;
        case "is_complete_request":
          reply("is_complete_reply", handler.handleIsComplete(content as { code: string }));
          break;
        case "inspect_request":
          reply("inspect_reply", handler.handleInspect(content as never));
          break;
        case "complete_request":
          reply("complete_reply", handler.handleComplete(content as never));
          break;
        case "history_request":
          reply("history_reply", { status: "ok", history: handler.history.answer(content as unknown as HistoryRequest) });
          break;
        case "comm_info_request":
          reply("comm_info_reply", { status: "ok", comms: {} });
          break;
        case "shutdown_request":
          reply("shutdown_reply", { status: "ok", restart: content.restart === true });
          shutdown = true;
          break;
        default:
          // The protocol lets a kernel ignore what it does not know.
          break;
      }
    } finally {
      if (this.running === request) this.running = null;
      if (!idle) publishIdle();
      // A request answered while a cell awaits something: the kernel is still busy with the cell.
      if (this.running !== null && !isExecute) this.publish(this.running, "status", { execution_state: "busy" });
    }
    if (shutdown) this.close();
  }

  private outputsFor(request: Request): CellOutputs {
    const streams = new StreamBatcher((name, text) => this.publish(request, "stream", { name, text }));
    const publish = (msgType: string, content: Content) => {
      streams.flush();
      this.publish(request, msgType, content);
    };
    return {
      publish,
      stream: (name, text) => streams.write(name, text),
      display: (data, update) => publish(update ? "update_display_data" : "display_data", data as Content),
      flush: () => streams.flush(),
    };
  }

  private publish(request: Request, msgType: string, content: object): void {
    this.send(this.iopub, { identities: [Buffer.from(msgType)], msg: request.msg }, msgType, content);
  }

  /** `to.identities` route the message (a ROUTER's peer, or a PUB topic); `to.msg` is its parent. */
  private send(sock: zmq.Router | zmq.Publisher, to: Request, msgType: string, content: object): void {
    const session = this.session!;
    const msg = { ...session.message(msgType, content), parent_header: to.msg.header };
    const failed = (e: Error) => logToKernelConsole(`nnfs-ts kernel: could not send ${msgType}: ${e.message}`);
    // zeromq throws some errors (EBUSY, a closed socket) at once rather than rejecting: either way
    // the rest of the request (its reply, its idle) must still go out.
    try {
      sock.send([...to.identities, ...session.serialize(msg)]).catch(failed);
    } catch (e) {
      failed(e as Error);
    }
  }
}

// process.stderr.write is the current cell's output once a cell ran; the kernel's own messages
// belong in its log (the terminal of the Jupyter server).
const kernelStderr = process.stderr.write.bind(process.stderr);
export function logToKernelConsole(text: string): void {
  kernelStderr(text + "\n");
}

export function installTslabFixes(): void {
  Object.assign(executorModule, { createExecutor: createCellExecutor });
  Object.assign(jupyter, { JupyterHandlerImpl: Handler, ZmqServer: Server });
}
