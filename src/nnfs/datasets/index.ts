// nnfs.datasets: the book's toy datasets, drawn from np.random's global stream.
export { spiral_data } from "./spiral";
export { vertical_data } from "./vertical";
export { sine_data } from "./sine";
