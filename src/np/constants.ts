// NumPy's named constants.
export const inf = Infinity;
export const nan = NaN;
export const pi = Math.PI;
export const e = Math.E;
