import { library } from "./library";
import { chapter19Model, quietly } from "./fashion";
const { nnfs, fashion_mnist } = library;
nnfs.init();
const [X, y] = fashion_mnist("train");
const model = chapter19Model();
const t = performance.now();
quietly(() => model.train(X, y, { epochs: 1, batch_size: 128, print_every: 100, progress: false }));
console.log("epoch wall", ((performance.now() - t) / 1000).toFixed(2));
