"""Golden values for the network classes (writes network.json).

Re-runs the book's chapter 3, 4, 5, 9, 10, 15 and 16 programs in NumPy, with the setup nnfs.init()
makes (seed 0, randn and zeros(shape) in float32, dot computed in float64 and cast to
float32), written here without the nnfs package (it is not installed on these machines).

exp and log of float32 arrays go through float64 and back: the book's printed digits come
from that (NumPy's AVX-512 float32 exp on this machine rounds a few values differently;
see numpy-fidelity.md), and so does nnfs-ts.

Stored: the printed text (NumPy 1.x printing) and every array's float32 bits as hex.
"""
import hashlib

import numpy as np
from helpers import write_golden

np.set_printoptions(legacy="1.25")
f32 = np.float32


# --- what nnfs.init() patches ---------------------------------------------------------
def init():
    np.random.seed(0)


def randn(*shape):
    return np.random.randn(*shape).astype(f32)


def zeros(shape):
    return np.zeros(shape, dtype=f32)


def dot(a, b):
    return np.dot(a.astype(np.float64), b.astype(np.float64)).astype(f32)


def exp(x):
    return np.exp(x.astype(np.float64)).astype(x.dtype)


def log(x):
    return np.log(x.astype(np.float64)).astype(x.dtype)


def spiral_data(samples, classes):
    X = zeros((samples * classes, 2))
    y = np.zeros(samples * classes, dtype="uint8")
    for c in range(classes):
        ix = range(samples * c, samples * (c + 1))
        r = np.linspace(0.0, 1, samples)
        t = np.linspace(c * 4, (c + 1) * 4, samples) + randn(samples) * 0.2
        X[ix] = np.c_[r * np.sin(t * 2.5), r * np.cos(t * 2.5)]
        y[ix] = c
    return X, y


# --- the book's classes, as far as these chapters use them ---------------------------
class Dense:
    def __init__(self, n_inputs, n_neurons, weight_l2=0, bias_l2=0):
        self.weights = 0.01 * randn(n_inputs, n_neurons)
        self.biases = zeros((1, n_neurons))
        self.weight_l2, self.bias_l2 = weight_l2, bias_l2

    def forward(self, inputs):
        self.inputs = inputs
        self.output = dot(inputs, self.weights) + self.biases

    def backward(self, dvalues):
        self.dweights = dot(self.inputs.T, dvalues)
        self.dbiases = np.sum(dvalues, axis=0, keepdims=True)
        if self.weight_l2 > 0:
            self.dweights += 2 * self.weight_l2 * self.weights
        if self.bias_l2 > 0:
            self.dbiases += 2 * self.bias_l2 * self.biases
        self.dinputs = dot(dvalues, self.weights.T)


def regularization_loss(layer):
    loss = 0
    if layer.weight_l2 > 0:
        loss += layer.weight_l2 * np.sum(layer.weights * layer.weights)
    if layer.bias_l2 > 0:
        loss += layer.bias_l2 * np.sum(layer.biases * layer.biases)
    return loss


class Dropout:
    def __init__(self, rate):
        self.rate = 1 - rate

    def forward(self, inputs):
        self.binary_mask = np.random.binomial(1, self.rate, size=inputs.shape) / self.rate
        self.output = inputs * self.binary_mask

    def backward(self, dvalues):
        self.dinputs = dvalues * self.binary_mask


class Sigmoid:
    def forward(self, inputs):
        self.output = 1 / (1 + exp(-inputs))

    def backward(self, dvalues):
        self.dinputs = dvalues * (1 - self.output) * self.output


class BinaryCrossentropy:
    def calculate(self, y_pred, y_true):
        clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
        sample_losses = -(y_true * log(clipped) + (1 - y_true) * log(1 - clipped))
        return np.mean(np.mean(sample_losses, axis=-1))

    def backward(self, dvalues, y_true):
        samples, outputs = len(dvalues), len(dvalues[0])
        clipped = np.clip(dvalues, 1e-7, 1 - 1e-7)
        self.dinputs = -(y_true / clipped - (1 - y_true) / (1 - clipped)) / outputs
        self.dinputs = self.dinputs / samples


class ReLU:
    def forward(self, inputs):
        self.inputs = inputs
        self.output = np.maximum(0, inputs)

    def backward(self, dvalues):
        self.dinputs = dvalues.copy()
        self.dinputs[self.inputs <= 0] = 0


class Softmax:
    def forward(self, inputs):
        e = exp(inputs - np.max(inputs, axis=1, keepdims=True))
        self.output = e / np.sum(e, axis=1, keepdims=True)


def cce(y_pred, y_true):
    clipped = np.clip(y_pred, 1e-7, 1 - 1e-7)
    return np.mean(-log(clipped[range(len(y_pred)), y_true]))


class SoftmaxCCE:
    def forward(self, inputs, y_true):
        self.activation = Softmax()
        self.activation.forward(inputs)
        self.output = self.activation.output
        return cce(self.output, y_true)

    def backward(self, dvalues, y_true):
        samples = len(dvalues)
        self.dinputs = dvalues.copy()
        self.dinputs[range(samples), y_true] -= 1
        self.dinputs = self.dinputs / samples


class SGD:
    def __init__(self, learning_rate=1.0):
        self.current_learning_rate = learning_rate

    def update(self, layer):
        layer.weights += -self.current_learning_rate * layer.dweights
        layer.biases += -self.current_learning_rate * layer.dbiases

    def post(self):
        pass


class Adam:
    def __init__(self, learning_rate, decay, epsilon=1e-7, beta_1=0.9, beta_2=0.999):
        self.learning_rate = self.current_learning_rate = learning_rate
        self.decay, self.epsilon, self.beta_1, self.beta_2 = decay, epsilon, beta_1, beta_2
        self.iterations = 0

    def pre(self):
        self.current_learning_rate = self.learning_rate * (1.0 / (1.0 + self.decay * self.iterations))

    def update(self, layer):
        if not hasattr(layer, "weight_cache"):
            layer.weight_momentums = np.zeros_like(layer.weights)
            layer.weight_cache = np.zeros_like(layer.weights)
            layer.bias_momentums = np.zeros_like(layer.biases)
            layer.bias_cache = np.zeros_like(layer.biases)
        b1, b2, n = self.beta_1, self.beta_2, self.iterations + 1
        layer.weight_momentums = b1 * layer.weight_momentums + (1 - b1) * layer.dweights
        layer.bias_momentums = b1 * layer.bias_momentums + (1 - b1) * layer.dbiases
        layer.weight_cache = b2 * layer.weight_cache + (1 - b2) * layer.dweights**2
        layer.bias_cache = b2 * layer.bias_cache + (1 - b2) * layer.dbiases**2
        lr = self.current_learning_rate
        # In place, as the book's `+=`: the parameters keep their dtype.
        layer.weights += -lr * (layer.weight_momentums / (1 - b1**n)) / (
            np.sqrt(layer.weight_cache / (1 - b2**n)) + self.epsilon)
        layer.biases += -lr * (layer.bias_momentums / (1 - b1**n)) / (
            np.sqrt(layer.bias_cache / (1 - b2**n)) + self.epsilon)

    def post(self):
        self.iterations += 1


# --- encoding ------------------------------------------------------------------------
def encode(a):
    a = np.asarray(a)
    return {"dtype": str(a.dtype), "shape": list(a.shape), "hex": a.tobytes().hex(), "str": str(a)}


def scalar(v):
    """A NumPy scalar: its printed form and its bits."""
    return {"str": str(v), "dtype": str(v.dtype), "hex": np.asarray(v).tobytes().hex()}


golden = {}

# Chapters 3-5: one forward pass.
init()
X, y = spiral_data(100, 3)
dense1 = Dense(2, 3)
dense1.forward(X)
golden["ch3_dense1_output_5"] = encode(dense1.output[:5])
activation1 = ReLU()
activation1.forward(dense1.output)
dense2 = Dense(3, 3)
dense2.forward(activation1.output)
activation2 = Softmax()
activation2.forward(dense2.output)
golden["ch4_softmax_output_5"] = encode(activation2.output[:5])
loss = cce(activation2.output, y)
accuracy = np.mean(np.argmax(activation2.output, axis=1) == y)
golden["ch5"] = {"loss": scalar(loss), "acc": scalar(accuracy)}

# Chapter 9: one forward and one backward pass through the combined softmax + loss.
init()
X, y = spiral_data(100, 3)
dense1, activation1, dense2, loss_activation = Dense(2, 3), ReLU(), Dense(3, 3), SoftmaxCCE()
dense1.forward(X)
activation1.forward(dense1.output)
dense2.forward(activation1.output)
loss = loss_activation.forward(dense2.output, y)
loss_activation.backward(loss_activation.output, y)
dense2.backward(loss_activation.dinputs)
activation1.backward(dense2.dinputs)
dense1.backward(activation1.dinputs)
golden["ch9"] = {
    "loss": scalar(loss),
    "output_5": encode(loss_activation.output[:5]),
    "dense1.dweights": encode(dense1.dweights),
    "dense1.dbiases": encode(dense1.dbiases),
    "dense2.dweights": encode(dense2.dweights),
    "dense2.dbiases": encode(dense2.dbiases),
}


def train(optimizer, epochs):
    """Chapter 10's loop: the printed line of every epoch, and the exact loss."""
    init()
    X, y = spiral_data(100, 3)
    dense1, activation1, dense2, loss_activation = Dense(2, 64), ReLU(), Dense(64, 3), SoftmaxCCE()
    rows = []
    for epoch in range(epochs):
        dense1.forward(X)
        activation1.forward(dense1.output)
        dense2.forward(activation1.output)
        loss = loss_activation.forward(dense2.output, y)
        accuracy = np.mean(np.argmax(loss_activation.output, axis=1) == y)
        line = f"epoch: {epoch}, acc: {accuracy:.3f}, loss: {loss:.3f}, lr: {optimizer.current_learning_rate}"
        rows.append({"line": line, "loss": scalar(loss), "acc": repr(float(accuracy))})
        loss_activation.backward(loss_activation.output, y)
        dense2.backward(loss_activation.dinputs)
        activation1.backward(dense2.dinputs)
        dense1.backward(activation1.dinputs)
        if hasattr(optimizer, "pre"):
            optimizer.pre()
        optimizer.update(dense1)
        optimizer.update(dense2)
        optimizer.post()
    return {"epochs": rows, "dense1.weights": encode(dense1.weights), "dense2.biases": encode(dense2.biases)}


def regularized_line(epoch, accuracy, data_loss, reg_loss, optimizer):
    loss = data_loss + reg_loss
    return {
        "line": f"epoch: {epoch}, acc: {accuracy:.3f}, loss: {loss:.3f} (data_loss: {data_loss:.3f}, "
                f"reg_loss: {reg_loss:.3f}), lr: {optimizer.current_learning_rate}",
        "data_loss": scalar(data_loss), "reg_loss": scalar(reg_loss), "acc": repr(float(accuracy)),
    }


def train_dropout(epochs):
    """Chapter 15: L2 on the first layer, dropout 0.1, Adam(0.05, decay=5e-5), spiral 1000x3."""
    init()
    X, y = spiral_data(1000, 3)
    dense1 = Dense(2, 64, weight_l2=5e-4, bias_l2=5e-4)
    activation1, dropout1, dense2, loss_activation = ReLU(), Dropout(0.1), Dense(64, 3), SoftmaxCCE()
    optimizer = Adam(0.05, 5e-5)
    rows = []
    for epoch in range(epochs):
        dense1.forward(X)
        activation1.forward(dense1.output)
        dropout1.forward(activation1.output)
        dense2.forward(dropout1.output)
        data_loss = loss_activation.forward(dense2.output, y)
        reg_loss = regularization_loss(dense1) + regularization_loss(dense2)
        accuracy = np.mean(np.argmax(loss_activation.output, axis=1) == y)
        rows.append(regularized_line(epoch, accuracy, data_loss, reg_loss, optimizer))
        loss_activation.backward(loss_activation.output, y)
        dense2.backward(loss_activation.dinputs)
        dropout1.backward(dense2.dinputs)
        activation1.backward(dropout1.dinputs)
        dense1.backward(activation1.dinputs)
        optimizer.pre()
        optimizer.update(dense1)
        optimizer.update(dense2)
        optimizer.post()
    return {"epochs": rows, "dense1.weights": encode(dense1.weights), "dense2.biases": encode(dense2.biases)}


def train_binary(epochs):
    """Chapter 16: spiral 100x2 with y as a column, sigmoid output, binary cross-entropy."""
    init()
    X, y = spiral_data(100, 2)
    y = y.reshape(-1, 1)
    dense1 = Dense(2, 64, weight_l2=5e-4, bias_l2=5e-4)
    activation1, dense2, activation2, loss_function = ReLU(), Dense(64, 1), Sigmoid(), BinaryCrossentropy()
    optimizer = Adam(0.001, 5e-7)
    rows = []
    for epoch in range(epochs):
        dense1.forward(X)
        activation1.forward(dense1.output)
        dense2.forward(activation1.output)
        activation2.forward(dense2.output)
        data_loss = loss_function.calculate(activation2.output, y)
        reg_loss = regularization_loss(dense1) + regularization_loss(dense2)
        accuracy = np.mean(((activation2.output > 0.5) * 1) == y)
        rows.append(regularized_line(epoch, accuracy, data_loss, reg_loss, optimizer))
        loss_function.backward(activation2.output, y)
        activation2.backward(loss_function.dinputs)
        dense2.backward(activation2.dinputs)
        activation1.backward(dense2.dinputs)
        dense1.backward(activation1.dinputs)
        optimizer.pre()
        optimizer.update(dense1)
        optimizer.update(dense2)
        optimizer.post()
    return {"epochs": rows, "dense1.weights": encode(dense1.weights), "dense2.biases": encode(dense2.biases)}


golden["ch10_sgd"] = train(SGD(), 10)
golden["ch10_adam"] = train(Adam(0.05, 5e-7), 10)
golden["ch15_dropout"] = train_dropout(5)
golden["ch16_binary"] = train_binary(10)

# Adam's bias corrections 1 - beta**n use Python's float power (glibc pow); V8's differs in the
# last bit for a few n. The corrections divide float32 arrays, so what must agree is their
# float32 rounding, for every step of a 10001-epoch run: stored as a digest of those values.
golden["adam_corrections_float32_sha256"] = {
    str(beta): hashlib.sha256(np.array([1 - beta**n for n in range(1, 10002)], dtype="<f4").tobytes()).hexdigest()
    for beta in (0.9, 0.999)
}

write_golden("network", golden)
