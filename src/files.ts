// Files the project writes (models, parameters, downloaded data) appear whole or not at all.
import { randomBytes } from "crypto";
import { closeSync, existsSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "fs";
import { basename, dirname, join } from "path";

/**
 * Writes a temporary file next to the target, flushes it to disk, then renames it into place.
 * A symbolic link is written through (its target is replaced, the link stays), and a file the
 * user made read-only is refused rather than replaced.
 */
export function writeAtomically(target: string, bytes: Buffer | string): void {
  const path = existsSync(target) ? realpathSync(target) : target;
  // By its mode bits, not by trying: root may write anything, but a read-only file says "keep me".
  if (existsSync(path) && (statSync(path).mode & 0o222) === 0) {
    throw new Error(`cannot write ${target}: the file is read-only (make it writable or choose another path)`);
  }
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
