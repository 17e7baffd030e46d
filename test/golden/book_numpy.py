"""The book's programs in NumPy, for the network goldens (gen_network.py) and the
chapter-10 benchmark (bench/ch10_numpy.py). Our own compact code after the book's classes.

nnfs.init()'s setup is written out here (the nnfs package is not installed on these
machines): seed 0, randn and zeros(shape) in float32, dot computed in float64 and cast to
float32. exp and log of float32 arrays go through float64 and back: the book's printed
digits come from that (NumPy's AVX-512 float32 exp on this machine rounds a few values
differently; see numpy-fidelity.md), and so does nnfs-ts.
"""
import numpy as np

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

    def pre(self):
        pass

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


def step(optimizer, *layers):
    """One optimizer step over the trainable layers, as the book's training loops do."""
    optimizer.pre()
    for layer in layers:
        optimizer.update(layer)
    optimizer.post()
