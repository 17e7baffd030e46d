"""Golden values for the network classes (writes network.json).

Re-runs the book's chapter 3, 4, 5, 9, 10, 15 and 16 programs in NumPy (book_numpy.py) and
stores the printed text (NumPy 1.x printing) and every array's bits as hex.
"""
import hashlib

import numpy as np
from book_numpy import (
    Adam, BinaryCrossentropy, Dense, Dropout, ReLU, SGD, Sigmoid, Softmax, SoftmaxCCE, cce, init,
    regularization_loss, spiral_data, step,
)
from helpers import write_golden

np.set_printoptions(legacy="1.25")


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
        step(optimizer, dense1, dense2)
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
        step(optimizer, dense1, dense2)
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
        step(optimizer, dense1, dense2)
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
