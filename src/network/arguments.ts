// Python's call forms for the book's constructors: `Optimizer_SGD(0.85)`,
// `Optimizer_SGD(learning_rate=1, decay=1e-3)` and a mix of both become
// `new Optimizer_SGD(0.85)`, `new Optimizer_SGD({ learning_rate: 1, decay: 1e-3 })`,
// `new Optimizer_SGD(1, { decay: 1e-3 })`: positional values in the book's order,
// then at most one object of keyword arguments with the book's names.

/** A constructor's arguments: positional numbers, optionally ending with keywords. */
export type PythonArgs<K> = (number | Partial<K>)[];

/**
 * Binds `args` to the parameters listed in `defaults` (their order is the positional
 * order). A parameter whose default is `undefined` is required, like Python's.
 */
export function bindArguments<K extends { [P in keyof K]: number | undefined }>(
  callee: string,
  defaults: K,
  args: readonly unknown[],
): { [P in keyof K]-?: number } {
  const names = Object.keys(defaults);
  const last = args[args.length - 1];
  const keywords = typeof last === "object" && last !== null ? (last as Record<string, unknown>) : {};
  const positional = keywords === last ? args.slice(0, -1) : args;
  if (positional.length > names.length) {
    throw new TypeError(`${callee}() takes ${names.length} positional arguments but ${positional.length} were given`);
  }
  const bound: Record<string, unknown> = { ...defaults };
  positional.forEach((value, i) => { bound[names[i]] = value; });
  for (const [name, value] of Object.entries(keywords)) {
    if (!names.includes(name)) throw new TypeError(`${callee}() got an unexpected keyword argument '${name}'`);
    if (names.indexOf(name) < positional.length) {
      throw new TypeError(`${callee}() got multiple values for argument '${name}'`);
    }
    bound[name] = value;
  }
  for (const name of names) {
    if (bound[name] === undefined) throw new TypeError(`${callee}() missing required argument: '${name}'`);
    if (typeof bound[name] !== "number") throw new TypeError(`${callee}() argument '${name}' must be a number`);
  }
  return bound as { [P in keyof K]-?: number };
}
