// Files the project writes (models, parameters, downloaded data) appear whole or not at all.
import { randomBytes } from "crypto";
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "fs";
import { basename, dirname, join } from "path";

/**
 * Writes a temporary file next to the target, flushes it to disk, then renames it into place.
 * A symbolic link is written through (its target is replaced, the link stays), and a file the
 * user made read-only is refused rather than replaced.
 */
export function writeAtomically(target: string, bytes: Buffer | string): void {
  const path = existsSync(target) ? realpathSync(target) : target;
  refuseReadOnly(target);
  removeAbandonedTemporaries(path);
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    const fd = openSync(temporary, "wx");
    try {
      writeFileSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Throws when `target` is a file the user made read-only; callers with long work check first. */
export function refuseReadOnly(target: string): void {
  // By its mode bits, not by trying: root may write anything, but a read-only file says "keep me".
  if (existsSync(target) && (statSync(target).mode & 0o222) === 0) {
    throw new Error(`cannot write ${target}: the file is read-only (make it writable or choose another path)`);
  }
}

/**
 * A write killed outright (SIGKILL, a crash, power loss) cannot remove its temporary file; the
 * next write of the same target does, for each writer process that no longer exists. Temporaries
 * of a live process (another save in progress) are left alone.
 */
function removeAbandonedTemporaries(path: string): void {
  const name = basename(path);
  for (const entry of readdirSync(dirname(path))) {
    if (!entry.startsWith(`.${name}.`) || !entry.endsWith(".tmp")) continue;
    const writer = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/.exec(entry);
    if (writer === null || writer[1] !== name || isAlive(Number(writer[2]))) continue;
    rmSync(join(dirname(path), entry), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, under another user.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
