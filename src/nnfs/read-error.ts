// Why a file could not be read, in words: Node's "EISDIR: illegal operation on a directory,
// read" names neither the file nor what to do. Shared by the dataset loader and model files.

/** The reason behind a failed open or read, for a message that already names the file. */
export function whyUnreadable(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a folder, not a file";
  if (code === "ENOTDIR") return "a part of its path is a file, not a folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied (make it readable)";
  return message;
}
