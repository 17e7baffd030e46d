// What a kernel process is doing, for the message of a cell that timed out: a cell stuck in a
// loop keeps a thread running, a lost message leaves every thread asleep, a deadlock leaves
// threads asleep on a lock (futex). Read from Linux's /proc; elsewhere there is nothing to say.
import { spawnSync } from "child_process";
import * as fs from "fs";

/** Linux's clock ticks per second in /proc's CPU times (USER_HZ; 100 on every Linux port). */
const TICKS_PER_SECOND = 100;

interface ThreadState {
  name: string;
  /** R running, S sleeping, D waiting on the disk, ... (proc(5)). */
  state: string;
  /** The kernel function a sleeping thread waits in ("ep_poll", "futex_wait_queue"), or "". */
  waitingIn: string;
  cpuSeconds: number;
}

function readThread(dir: string): ThreadState | null {
  try {
    const stat = fs.readFileSync(`${dir}/stat`, "utf8");
    // "tid (name) S ppid ..."; a name may hold spaces and parentheses, so split after the last ")".
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);  // utime + stime (fields 14 and 15)
    const wchan = fs.readFileSync(`${dir}/wchan`, "utf8").trim();
    return { name, state: fields[0], waitingIn: wchan === "0" ? "" : wchan, cpuSeconds: ticks / TICKS_PER_SECOND };
  } catch {
    return null;  // the thread ended while we looked
  }
}

/** Each thread of process `pid`, main thread first; null where /proc cannot tell. */
function threadStates(pid: number): ThreadState[] | null {
  const tasks = `/proc/${pid}/task`;
  let ids: string[];
  try {
    // The main thread's id is the process id; the others' ids may be smaller (ids wrap around).
    ids = fs.readdirSync(tasks).sort((a, b) => Number(b === String(pid)) - Number(a === String(pid)));
  } catch {
    return null;
  }
  return ids.map((id) => readThread(`${tasks}/${id}`)).filter((t): t is ThreadState => t !== null);
}

const totalCpu = (threads: ThreadState[]): number => threads.reduce((sum, t) => sum + t.cpuSeconds, 0);

/** The process's CPU seconds so far (all threads), or null where /proc cannot tell. */
export function cpuSeconds(pid: number): number | null {
  const threads = threadStates(pid);
  return threads === null ? null : totalCpu(threads);
}

/**
 * A few lines on process `pid`: CPU used since `cpuBefore` (a cpuSeconds reading) and each
 * thread's state, threads of one name and state counted together. Empty where /proc cannot tell.
 */
export function describeProcess(pid: number, cpuBefore: number | null): string {
  const threads = threadStates(pid);
  if (threads === null || threads.length === 0) return "";
  const total = totalCpu(threads);
  const lines = [
    `kernel process ${pid}: ${cpuBefore === null ? `${total.toFixed(2)} s of CPU in all` : `${(total - cpuBefore).toFixed(2)} s of CPU during the cell`}`,
  ];
  const [main, ...others] = threads;
  const describe = (t: ThreadState) => `${t.state}${t.waitingIn ? ` in ${t.waitingIn}` : ""}`;
  lines.push(`  main thread: ${describe(main)}, ${main.cpuSeconds.toFixed(2)} s of CPU`);
  const groups = new Map<string, number>();
  for (const t of others) {
    const key = `${t.name}: ${describe(t)}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  for (const [key, count] of groups) lines.push(`  ${count > 1 ? `${count} threads ` : "thread "}${key}`);
  return lines.join("\n");
}

/**
 * Each thread's native call stack, innermost function first, from gdb attached for a moment
 * (~1 s); "" where gdb is missing or may not attach. Opt-in (NNFS_TIMEOUT_STACKS=1, set by CI):
 * attaching a debugger to someone's kernel is not a runner's business by default.
 */
export function nativeStacks(pid: number): string {
  const gdb = spawnSync("gdb", ["-p", String(pid), "-batch", "-nx", "-ex", "thread apply all bt 10"], { encoding: "utf8", timeout: 60_000 });
  if (gdb.status !== 0 || !gdb.stdout) return "";
  const threads: string[] = [];
  for (const line of gdb.stdout.split("\n")) {
    const thread = /^Thread \d+ \(.*LWP (\d+)\) "([^"]*)"\):/.exec(line);
    if (thread) threads.push(`  ${thread[2]} ${thread[1]}:`);
    const frame = /^#\d+\s+(?:0x[0-9a-f]+ in )?(\S+) \(/.exec(line);
    if (frame && threads.length > 0) threads[threads.length - 1] += ` ${frame[1]}`;
  }
  return threads.length > 0 ? `native stacks (innermost first):\n${threads.join("\n")}` : "";
}
