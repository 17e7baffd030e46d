"""NumPy's side of the chapter-10 epoch benchmark (bench/ch10.ts runs it).

The book's chapter-10 model, with the book's classes as test/golden/book_numpy.py writes them
(nnfs.init()'s float32 setup and float64 dot): spiral_data(100, 3), Dense(2, 64) - ReLU -
Dense(64, 3) - softmax + cross-entropy (combined backward), Adam(learning_rate=0.05, decay=5e-7).
One epoch = forward, loss, accuracy, backward, update.
Prints {"epoch": median seconds per epoch, "parts": {part: median seconds}} as JSON.
"""
import json
import pathlib
import sys
import timeit

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "test" / "golden"))
from book_numpy import Adam, Dense, ReLU, SoftmaxCCE, init, spiral_data, step  # noqa: E402


def median_time(fn, repeats=7, number=200):
    return sorted(timeit.repeat(fn, number=number, repeat=repeats))[repeats // 2] / number


init()
X, y = spiral_data(100, 3)
dense1, activation1, dense2, loss_activation = Dense(2, 64), ReLU(), Dense(64, 3), SoftmaxCCE()
optimizer = Adam(0.05, 5e-7)


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
    step(optimizer, dense1, dense2)


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
