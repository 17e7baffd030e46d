// Python's keyword arguments are a trailing options object here. TypeScript refuses an unknown
// key in a cell at compile time; plain JavaScript gets the same refusal at run time, in Python's
// words, instead of a misspelled option being silently ignored.
//
// Python's call forms for the book's constructors and functions, which each one's overloads type:
// `Optimizer_SGD(0.85)`, `Optimizer_SGD(learning_rate=1, decay=1e-3)` and a mix of both are
// `new Optimizer_SGD(0.85)`, `new Optimizer_SGD({ learning_rate: 1, decay: 1e-3 })` and
// `new Optimizer_SGD(1, { decay: 1e-3 })` (keywordsOf). Here, below the network and the datasets,
// so that both can use them.

/**
 * Throws `sum() got an unexpected keyword argument 'axsi'` for a key of `options` not in
 * `allowed`. `callee` is the name as Python shows it (`sum`, `Optimizer_Adam`).
 */
export function checkKeywords(callee: string, options: object | undefined, allowed: readonly string[]): void {
  if (options === undefined || options === null) return;
  if (typeof options !== "object" || Array.isArray(options)) {
    throw new TypeError(`${callee}() takes its keyword arguments as one object, got ${Array.isArray(options) ? "an array" : typeof options}`);
  }
  // for-in rather than Object.keys: no array made per call (np.argmax on 300x64 spent ~0.5 µs here).
  for (const key in options) {
    if (Object.hasOwn(options, key) && !allowed.includes(key)) throw new TypeError(`${callee}() got an unexpected keyword argument '${key}'`);
  }
}

/**
 * The keyword arguments a call amounts to: `(0.05, { decay: 5e-7 })` with `names`
 * `["learning_rate", "decay", ...]` gives `{ learning_rate: 0.05, decay: 5e-7 }`. An unknown
 * keyword, too many positional values or a value given twice throws Python's TypeError.
 */
export function keywordsOf<K extends object>(callee: string, names: readonly (keyof K & string)[], args: readonly unknown[]): K {
  const last = args[args.length - 1];
  const given = typeof last === "object" && last !== null ? last : undefined;
  const positional = given === undefined ? args : args.slice(0, -1);
  checkKeywords(callee, given, names);
  if (positional.length > names.length) {
    throw new TypeError(`${callee}() takes ${names.length} positional arguments but ${positional.length} were given`);
  }
  const keywords: Record<string, unknown> = { ...given };
  positional.forEach((value, i) => {
    if (names[i] in keywords) throw new TypeError(`${callee}() got multiple values for argument '${names[i]}'`);
    if (value !== undefined && typeof value !== "number") throw new TypeError(`${callee}() argument '${names[i]}' must be a number`);
    keywords[names[i]] = value;
  });
  return keywords as K;
}

/**
 * A count: a whole number of at least `least`, `what` naming it (`batch_size`,
 * `Layer_Dense() argument 'n_inputs'`). batch_size 0 would loop forever, 2.5 neurons make no layer.
 */
export function wholeNumber(what: string, value: unknown, least: number): void {
  if (!Number.isInteger(value) || (value as number) < least) {
    throw new RangeError(`${what} must be a whole number of at least ${least}, got ${describe(value)}`);
  }
}

/** What was given, for a message: `2.5`, `'64'` (a string), `undefined`, or a class name. */
export function describe(value: unknown): string {
  if (typeof value === "string") return `'${value}'`;
  if (typeof value === "function") return `the class ${value.name} (not an instance of it)`;
  if (typeof value === "object" && value !== null) return Array.isArray(value) ? "an Array" : value.constructor?.name ?? "Object";
  return String(value);
}
