// One Jupyter kernel process and a client for it: launch from a kernel spec, talk over
// ZeroMQ, and always shut it down (its whole process group) however the run ends.
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import * as zmq from "zeromq";
import { findKernelSpec, KernelSpec } from "./kernelspec";
import { cpuSeconds, describeProcess, nativeStacks } from "./process-state";
import { Message, newKey, Session } from "./wire";

const IP = "127.0.0.1";
const SHUTDOWN_GRACE_MS = 3000;
const TERM_GRACE_MS = 2000;
const INTERRUPT_GRACE_MS = 3000;
/** iopub messages that are a cell's output (not status or input echoes). */
const OUTPUT_TYPES = new Set(["stream", "error", "display_data", "update_display_data", "execute_result", "clear_output"]);
/** After the reply: how long outputs may stop arriving before the cell counts as stuck. */
const DELIVERY_STALL_MS = 30_000;

export interface KernelExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class KernelDiedError extends Error {
  constructor(readonly exit: KernelExit, readonly processOutput: string) {
    super(
      `the kernel process exited (${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`})` +
        (processOutput.trim() ? `; its own output:\n${processOutput.trimEnd()}` : ""),
    );
  }
}

export interface KernelOptions {
  /** Working directory of the kernel: Jupyter uses the notebook's folder. */
  cwd: string;
  spec?: KernelSpec;
  env?: NodeJS.ProcessEnv;
  startTimeoutMs?: number;
}

export interface ExecuteOutcome {
  /** execute_reply content; null if none came (timeout that even an interrupt did not end). */
  reply: { status: string; execution_count?: number | null; [k: string]: unknown } | null;
  timedOut: boolean;
  /**
   * For a timeout: what the kernel process was doing when its time ran out (threads' states and
   * CPU, see process-state.ts) and the last lines it wrote to its own console.
   */
  diagnosis?: string;
}

interface Waiter {
  resolve(msg: Message): void;
}

// Kernels still running in this process, so an exit or signal of the runner can kill them.
const live = new Set<Kernel>();

function onRunnerSignal(signal: NodeJS.Signals): void {
  const kernels = [...live];
  // Only act as the default handler would if nobody else (e.g. mocha) handles the signal.
  const exitAfter = process.listenerCount(signal) <= 1;
  for (const k of kernels) k.killNow();
  if (!exitAfter) return;
  process.stderr.write(`interrupted (${signal}): stopping the kernel\n`);
  // SIGKILL takes effect asynchronously (a big heap takes a moment to tear down): leave only
  // once the kernels are really gone, with a cap in case the system is stuck.
  const cap = new Promise<void>((r) => setTimeout(r, 2000));
  void Promise.race([Promise.all(kernels.map((k) => k.waitGone())), cap]).then(() =>
    process.exit(128 + os.constants.signals[signal]),
  );
}

function track(k: Kernel): void {
  if (live.size === 0) {
    process.on("SIGINT", onRunnerSignal);
    process.on("SIGTERM", onRunnerSignal);
    process.on("SIGHUP", onRunnerSignal);
    process.on("exit", killAllNow);
  }
  live.add(k);
}

function untrack(k: Kernel): void {
  live.delete(k);
  if (live.size === 0) {
    process.off("SIGINT", onRunnerSignal);
    process.off("SIGTERM", onRunnerSignal);
    process.off("SIGHUP", onRunnerSignal);
    process.off("exit", killAllNow);
  }
}

function killAllNow(): void {
  for (const k of live) k.killNow();
}

async function freePorts(n: number): Promise<number[]> {
  // Hold every listener until all are allocated so the n ports are distinct.
  const servers = await Promise.all(
    Array.from({ length: n }, () =>
      new Promise<net.Server>((resolve, reject) => {
        const s = net.createServer();
        s.once("error", reject);
        s.listen(0, IP, () => resolve(s));
      }),
    ),
  );
  const ports = servers.map((s) => (s.address() as net.AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  return ports;
}

// unref: a pending race timer must not keep the runner alive after the work is done.
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

export class Kernel {
  private readonly shell = new zmq.Dealer({ linger: 0 });
  private readonly control = new zmq.Dealer({ linger: 0 });
  private readonly stdin = new zmq.Dealer({ linger: 0 });
  // No high-water mark: past the default 1000 queued messages a subscriber drops what a cell
  // prints, and the cell's closing "idle" status may be among the dropped.
  private readonly iopub = new zmq.Subscriber({ linger: 0, receiveHighWaterMark: 0 });
  private readonly hb = new zmq.Request({ linger: 0 });
  private readonly replies = new Map<string, Waiter>();
  private readonly iopubListeners = new Map<string, (msg: Message) => void>();
  /** Where outputs of finished requests go: the running cell's handler, else `unclaimed`. */
  private late: (msg: Message) => void = (msg) => this.unclaimed.push(msg);
  private unclaimed: Message[] = [];
  private readonly deathListeners = new Set<(err: KernelDiedError) => void>();
  private output = "";
  private exitInfo: KernelExit | null = null;
  private readonly exited: Promise<KernelExit>;
  private closed = false;
  kernelInfo: Record<string, unknown> = {};

  private constructor(
    private readonly child: ChildProcess,
    private readonly session: Session,
    private readonly connectionFile: string,
    ports: Record<"shell" | "control" | "stdin" | "iopub" | "hb", number>,
  ) {
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        this.exitInfo = { code, signal };
        // Children of the kernel may outlive it; they share its process group.
        this.signalGroup("SIGKILL");
        const err = new KernelDiedError(this.exitInfo, this.output);
        for (const l of this.deathListeners) l(err);
        resolve(this.exitInfo);
      });
    });
    const keep = (chunk: Buffer) => {
      // Only the tail matters for a diagnosis; don't grow without bound.
      this.output = (this.output + chunk.toString("utf8")).slice(-8000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);

    this.iopub.subscribe();
    for (const [sock, port] of [
      [this.shell, ports.shell],
      [this.control, ports.control],
      [this.stdin, ports.stdin],
      [this.iopub, ports.iopub],
      [this.hb, ports.hb],
    ] as const) {
      sock.connect(`tcp://${IP}:${port}`);
    }
    void this.pump(this.shell, (m) => this.onReply(m));
    void this.pump(this.control, (m) => this.onReply(m));
    void this.pump(this.iopub, (m) => {
      const listener = this.iopubListeners.get(m.parent_header.msg_id ?? "");
      if (listener) listener(m);
      else if (OUTPUT_TYPES.has(m.header.msg_type)) this.late(m);
    });
  }

  /** Starts a kernel and resolves once it answers kernel_info and its iopub reaches us. */
  static async start(opts: KernelOptions): Promise<Kernel> {
    const spec = opts.spec ?? findKernelSpec().spec;
    const [shell, control, stdin, iopub, hb] = await freePorts(5);
    const key = newKey();
    const connectionFile = path.join(os.tmpdir(), `nnfs-ts-kernel-${process.pid}-${key.slice(0, 12)}.json`);
    fs.writeFileSync(
      connectionFile,
      JSON.stringify({
        transport: "tcp", ip: IP, key, signature_scheme: "hmac-sha256", kernel_name: "nnfs-ts",
        shell_port: shell, control_port: control, stdin_port: stdin, iopub_port: iopub, hb_port: hb,
      }),
      { mode: 0o600 },
    );
    const argv = spec.argv.map((a) => a.replace("{connection_file}", connectionFile));
    // detached: own process group, so the kernel and anything it starts can be killed as one,
    // and a Ctrl-C in the terminal reaches the runner (which decides) rather than the kernel.
    const child = spawn(argv[0], argv.slice(1), {
      cwd: opts.cwd,
      // JPY_PARENT_PID, as jupyter_client sets it: the kernel exits once this process is gone.
      env: { ...(opts.env ?? process.env), ...(spec.env ?? {}), JPY_PARENT_PID: String(process.pid) },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    const kernel = new Kernel(child, new Session(key), connectionFile, { shell, control, stdin, iopub, hb });
    track(kernel);
    const spawned = await new Promise<Error | null>((resolve) => {
      child.once("spawn", () => resolve(null));
      child.once("error", resolve);
    });
    try {
      if (spawned) throw new Error(`cannot start the kernel (${argv[0]}): ${spawned.message}`);
      await kernel.handshake(opts.startTimeoutMs ?? 60_000);
    } catch (e) {
      await kernel.shutdown();
      throw e;
    }
    return kernel;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * Runs code and resolves when both execute_reply and the matching `idle` status arrived,
   * i.e. when every output of the request has been delivered to onOutput.
   * Rejects with KernelDiedError when the process exits first.
   */
  async execute(code: string, timeoutMs: number, onOutput: (msg: Message) => void): Promise<ExecuteOutcome> {
    const msg = this.session.message("execute_request", {
      code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true,
    });
    let idle = false;
    let reply: ExecuteOutcome["reply"] = null;
    let wake = () => {};
    let lastMessageAt = Date.now();
    let sendError: Error | null = null;
    const settled = () => (idle && reply !== null) || sendError !== null;
    this.iopubListeners.set(msg.header.msg_id, (m) => {
      lastMessageAt = Date.now();
      if (m.header.msg_type === "status") {
        if ((m.content as { execution_state?: string }).execution_state === "idle") idle = true;
      } else if (m.header.msg_type !== "execute_input") {
        onOutput(m);
      }
      wake();
    });
    // A timer or promise of an earlier cell that prints (or throws) after that cell ended sends
    // its output under the earlier request; it belongs to the cell running now, as in ipykernel.
    for (const m of this.takeUnclaimed()) onOutput(m);
    this.late = onOutput;
    const cpuBefore = this.child.pid === undefined ? null : cpuSeconds(this.child.pid);
    this.request(this.shell, msg).then(
      (r) => {
        reply = r.content as NonNullable<ExecuteOutcome["reply"]>;
        wake();
      },
      (e: Error) => {
        sendError = e;
        wake();
      },
    );
    const waitSettled = (ms: number) =>
      new Promise<boolean>((resolve, reject) => {
        if (settled()) return resolve(true);
        const onDeath = (err: KernelDiedError) => finish(() => reject(err));
        const timer = setTimeout(() => finish(() => resolve(false)), ms);
        const finish = (f: () => void) => {
          clearTimeout(timer);
          this.deathListeners.delete(onDeath);
          wake = () => {};
          f();
        };
        wake = () => {
          if (settled()) finish(() => resolve(true));
        };
        this.deathListeners.add(onDeath);
        if (this.exitInfo) onDeath(new KernelDiedError(this.exitInfo, this.output));
      });
    try {
      const inTime = await waitSettled(timeoutMs);
      // Otherwise the cell would wait for a reply to a request that never left.
      if (sendError !== null) throw new Error(`could not send the cell to the kernel: ${(sendError as Error).message}`);
      if (inTime) return { reply, timedOut: false };
      // A reply means the cell finished in time; what is missing is the delivery of what it
      // printed, which for a flood of lines can take longer than the cell ran. Not a timeout
      // while outputs keep arriving.
      while (reply !== null) {
        if (await waitSettled(DELIVERY_STALL_MS)) return { reply, timedOut: false };
        if (Date.now() - lastMessageAt >= DELIVERY_STALL_MS) break;
      }
      const diagnosis = this.diagnose(cpuBefore);
      // Interrupt as Jupyter does for interrupt_mode "signal"; tslab then ends a busy loop.
      this.signalGroup("SIGINT");
      await waitSettled(INTERRUPT_GRACE_MS);
      return { reply, timedOut: true, diagnosis };
    } finally {
      this.late = (m) => this.unclaimed.push(m);
      this.iopubListeners.delete(msg.header.msg_id);
      this.replies.delete(msg.header.msg_id);
    }
  }

  /** What the process is doing now, and what it last wrote to its console (see ExecuteOutcome). */
  private diagnose(cpuBefore: number | null): string {
    const pid = this.child.pid;
    if (pid === undefined) return "";
    const state = describeProcess(pid, cpuBefore);
    const stacks = process.env.NNFS_TIMEOUT_STACKS === "1" ? nativeStacks(pid) : "";
    const lastLines = this.output.trim() ? `its own output (last lines):\n${this.output.trimEnd().split("\n").slice(-20).join("\n")}` : "";
    return [state, stacks, lastLines].filter((s) => s).join("\n");
  }

  /** Outputs that came after their cell ended, while no cell was running; emptied. */
  takeUnclaimed(): Message[] {
    return this.unclaimed.splice(0);
  }

  /**
   * What an editor asks while a learner types: `inspect_request` (the signature and doc shown on
   * Shift+Tab) or `complete_request` (the names offered on Tab), for `code` with the cursor at
   * `cursor_pos`. Resolves with the reply's content.
   */
  async ask(kind: "inspect" | "complete", code: string, cursor_pos: number = code.length): Promise<Record<string, unknown>> {
    const msg = this.session.message(`${kind}_request`, kind === "inspect" ? { code, cursor_pos, detail_level: 0 } : { code, cursor_pos });
    return (await this.request(this.shell, msg)).content as Record<string, unknown>;
  }

  /** shutdown_request, then SIGTERM, then SIGKILL of the process group. Safe to call twice. */
  async shutdown(): Promise<void> {
    // No pid: the spawn itself failed, there is nothing to wait for.
    if (this.child.pid !== undefined && !this.exitInfo) {
      const msg = this.session.message("shutdown_request", { restart: false });
      this.control.send(this.session.serialize(msg)).catch(() => {});
      if (!(await this.waitExit(SHUTDOWN_GRACE_MS))) {
        this.signalGroup("SIGTERM");
        if (!(await this.waitExit(TERM_GRACE_MS))) {
          this.signalGroup("SIGKILL");
          await this.waitExit(TERM_GRACE_MS);
        }
      }
    }
    this.signalGroup("SIGKILL");
    this.close();
  }

  /** Resolves when the kernel process has exited (and was reaped). */
  waitGone(): Promise<void> {
    return this.exited.then(() => {});
  }

  /** Synchronous last resort for process exit and signals of the runner. */
  killNow(): void {
    this.signalGroup("SIGKILL");
    this.close();
  }

  private async handshake(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let died: KernelDiedError | null = null;
    const onDeath = (err: KernelDiedError) => (died = err);
    this.deathListeners.add(onDeath);
    try {
      // The iopub subscription may still be propagating when the shell already answers, and
      // outputs published before it lands are lost. So repeat kernel_info_request until the
      // status message of one of them comes back over iopub, as jupyter_client does.
      while (Date.now() < deadline) {
        const msg = this.session.message("kernel_info_request", {});
        let seen = false;
        this.iopubListeners.set(msg.header.msg_id, () => (seen = true));
        const replyP = this.request(this.shell, msg);
        replyP.catch(() => {});
        const reply = await Promise.race([replyP, this.exited.then(() => null), sleep(Math.max(0, deadline - Date.now())).then(() => null)]);
        if (reply) this.kernelInfo = reply.content;
        for (let i = 0; i < 20 && reply && !seen && !died; i++) await sleep(25);
        this.iopubListeners.delete(msg.header.msg_id);
        this.replies.delete(msg.header.msg_id);
        if (died) throw died;
        if (seen) return;
      }
      throw new Error(`the kernel did not answer within ${Math.round(timeoutMs / 1000)} s` +
        (this.output.trim() ? `; its own output:\n${this.output.trimEnd()}` : ""));
    } finally {
      this.deathListeners.delete(onDeath);
    }
  }

  private request(sock: zmq.Dealer, msg: Message<unknown>): Promise<Message> {
    return new Promise<Message>((resolve, reject) => {
      this.replies.set(msg.header.msg_id, { resolve });
      sock.send(this.session.serialize(msg)).catch(reject);
    });
  }

  private onReply(msg: Message): void {
    const id = msg.parent_header.msg_id ?? "";
    const waiter = this.replies.get(id);
    if (waiter) {
      this.replies.delete(id);
      waiter.resolve(msg);
    }
  }

  private async pump(sock: zmq.Dealer | zmq.Subscriber, handle: (msg: Message) => void): Promise<void> {
    try {
      for await (const frames of sock) {
        let msg: Message;
        try {
          msg = this.session.parse(frames);
        } catch (e) {
          process.emitWarning(`nnfs-ts runner: dropped a kernel message: ${(e as Error).message}`);
          continue;
        }
        handle(msg);
      }
    } catch (e) {
      // Closing a socket ends the iterator; anything else while open is worth knowing.
      if (!this.closed) process.emitWarning(`nnfs-ts runner: socket error: ${(e as Error).message}`);
    }
  }

  private waitExit(ms: number): Promise<boolean> {
    return Promise.race([this.exited.then(() => true), sleep(ms).then(() => false)]);
  }

  private signalGroup(signal: NodeJS.Signals): void {
    if (this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // ESRCH: the group is already gone.
    }
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    untrack(this);
    for (const s of [this.shell, this.control, this.stdin, this.iopub, this.hb]) s.close();
    fs.rmSync(this.connectionFile, { force: true });
    this.child.stdout?.destroy();
    this.child.stderr?.destroy();
  }
}
