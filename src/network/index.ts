// The book's network classes: layers, activations, losses and optimizers.
export * from "./layers";
export * from "./activations";
export * from "./losses";
export * from "./optimizers";
export * from "./accuracy";
export * from "./model";
