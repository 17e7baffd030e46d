// Files the project writes (models, parameters, downloaded data) appear whole or not at all.
import { randomBytes } from "crypto";
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from "fs";
import { basename, dirname, join } from "path";

/** Writes a temporary file next to the target, flushes it to disk, then renames it into place. */
export function writeAtomically(path: string, bytes: Buffer | string): void {
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
