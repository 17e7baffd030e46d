"""NumPy's side of the chapter-10 epoch benchmark (bench/ch10.ts runs it).

The book's chapter-10 model with the book's own classes' arithmetic: spiral_data(100, 3),
Dense(2, 64) - ReLU - Dense(64, 3) - softmax + cross-entropy (combined backward),
Adam(learning_rate=0.05, decay=5e-7). float32 parameters and nnfs's dot (float64, cast to
float32) as under nnfs.init(). One epoch = forward, loss, accuracy, backward, update.
Prints {"epoch": median seconds per epoch, "parts": {part: median seconds}} as JSON.
"""
import json
import timeit

import numpy as np

f32 = np.float32


def dot(a, b):
    return np.dot(a.astype(np.float64), b.astype(np.float64)).astype(f32)


def spiral_data(samples, classes):
    X = np.zeros((samples * classes, 2), dtype=f32)
    y = np.zeros(samples * classes, dtype="uint8")
    for c in range(classes):
        ix = range(samples * c, samples * (c + 1))
        r = np.linspace(0.0, 1, samples)
        t = np.linspace(c * 4, (c + 1) * 4, samples) + np.random.randn(samples).astype(f32) * 0.2
        X[ix] = np.c_[r * np.sin(t * 2.5), r * np.cos(t * 2.5)]
        y[ix] = c
    return X, y


class Dense:
    def __init__(self, n_inputs, n_neurons):
        self.weights = 0.01 * np.random.randn(n_inputs, n_neurons).astype(f32)
        self.biases = np.zeros((1, n_neurons), dtype=f32)

    def forward(self, inputs):
        self.inputs = inputs
        self.output = dot(inputs, self.weights) + self.biases

    def backward(self, dvalues):
        self.dweights = dot(self.inputs.T, dvalues)
        self.dbiases = np.sum(dvalues, axis=0, keepdims=True)
        self.dinputs = dot(dvalues, self.weights.T)


class ReLU:
    def forward(self, inputs):
        self.inputs = inputs
        self.output = np.maximum(0, inputs)

    def backward(self, dvalues):
        self.dinputs = dvalues.copy()
        self.dinputs[self.inputs <= 0] = 0


class SoftmaxCCE:
    def forward(self, inputs, y_true):
        e = np.exp(inputs - np.max(inputs, axis=1, keepdims=True))
        self.output = e / np.sum(e, axis=1, keepdims=True)
        clipped = np.clip(self.output, 1e-7, 1 - 1e-7)
        return np.mean(-np.log(clipped[range(len(clipped)), y_true]))

    def backward(self, dvalues, y_true):
        samples = len(dvalues)
        self.dinputs = dvalues.copy()
        self.dinputs[range(samples), y_true] -= 1
        self.dinputs = self.dinputs / samples


class Adam:
    def __init__(self, learning_rate=0.001, decay=0.0, epsilon=1e-7, beta_1=0.9, beta_2=0.999):
        self.learning_rate = self.current_learning_rate = learning_rate
        self.decay, self.epsilon, self.beta_1, self.beta_2 = decay, epsilon, beta_1, beta_2
        self.iterations = 0

    def pre_update_params(self):
        if self.decay:
            self.current_learning_rate = self.learning_rate * (1.0 / (1.0 + self.decay * self.iterations))

    def update_params(self, layer):
        if not hasattr(layer, "weight_cache"):
            layer.weight_momentums = np.zeros_like(layer.weights)
            layer.weight_cache = np.zeros_like(layer.weights)
            layer.bias_momentums = np.zeros_like(layer.biases)
            layer.bias_cache = np.zeros_like(layer.biases)
        layer.weight_momentums = self.beta_1 * layer.weight_momentums + (1 - self.beta_1) * layer.dweights
        layer.bias_momentums = self.beta_1 * layer.bias_momentums + (1 - self.beta_1) * layer.dbiases
        weight_momentums_corrected = layer.weight_momentums / (1 - self.beta_1 ** (self.iterations + 1))
        bias_momentums_corrected = layer.bias_momentums / (1 - self.beta_1 ** (self.iterations + 1))
        layer.weight_cache = self.beta_2 * layer.weight_cache + (1 - self.beta_2) * layer.dweights**2
        layer.bias_cache = self.beta_2 * layer.bias_cache + (1 - self.beta_2) * layer.dbiases**2
        weight_cache_corrected = layer.weight_cache / (1 - self.beta_2 ** (self.iterations + 1))
        bias_cache_corrected = layer.bias_cache / (1 - self.beta_2 ** (self.iterations + 1))
        layer.weights += -self.current_learning_rate * weight_momentums_corrected / (
            np.sqrt(weight_cache_corrected) + self.epsilon)
        layer.biases += -self.current_learning_rate * bias_momentums_corrected / (
            np.sqrt(bias_cache_corrected) + self.epsilon)

    def post_update_params(self):
        self.iterations += 1


def median_time(fn, repeats=7, number=200):
    return sorted(timeit.repeat(fn, number=number, repeat=repeats))[repeats // 2] / number


np.random.seed(0)
X, y = spiral_data(100, 3)
dense1, activation1, dense2, loss_activation = Dense(2, 64), ReLU(), Dense(64, 3), SoftmaxCCE()
optimizer = Adam(learning_rate=0.05, decay=5e-7)


def forward():
    dense1.forward(X)
    activation1.forward(dense1.output)
    dense2.forward(activation1.output)
    return loss_activation.forward(dense2.output, y)


def accuracy():
    return np.mean(np.argmax(loss_activation.output, axis=1) == y)


def backward():
    loss_activation.backward(loss_activation.output, y)
    dense2.backward(loss_activation.dinputs)
    activation1.backward(dense2.dinputs)
    dense1.backward(activation1.dinputs)


def update():
    optimizer.pre_update_params()
    optimizer.update_params(dense1)
    optimizer.update_params(dense2)
    optimizer.post_update_params()


def epoch():
    forward()
    accuracy()
    backward()
    update()


for _ in range(100):  # warm up, as the TypeScript side does
    epoch()
print(json.dumps({
    "epoch": median_time(epoch),
    "parts": {"forward + loss": median_time(forward), "accuracy": median_time(accuracy),
              "backward": median_time(backward), "optimizer": median_time(update)},
}))
