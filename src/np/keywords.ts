// Python's keyword arguments are a trailing options object here. TypeScript refuses an unknown
// key in a cell at compile time; plain JavaScript gets the same refusal at run time, in Python's
// words, instead of a misspelled option being silently ignored.

/**
 * Throws `sum() got an unexpected keyword argument 'axsi'` for a key of `options` not in
 * `allowed`. `callee` is the name as Python shows it (`sum`, `Optimizer_Adam`).
 */
export function checkKeywords(callee: string, options: object | undefined, allowed: readonly string[]): void {
  if (options === undefined || options === null) return;
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${callee}() takes its keyword arguments as one object, got ${Array.isArray(options) ? "an array" : typeof options}`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) throw new TypeError(`${callee}() got an unexpected keyword argument '${key}'`);
  }
}
