"""NumPy's side of the chapter-10 benchmark (bench/ch10.ts runs it).

The book's chapter-10 model, with the book's classes as test/golden/book_numpy.py writes them
(nnfs.init()'s float32 setup and float64 dot): spiral_data(100, 3), Dense(2, 64) - ReLU -
Dense(64, 3) - softmax + cross-entropy (combined backward), Adam(learning_rate=0.05, decay=5e-7).
One epoch = forward, loss, accuracy, backward, update.
Prints {case: CPU seconds} as JSON, the cases named as ch10.ts names them: the whole
training run (10001 epochs from a fresh model), the median epoch, and each phase's median.
"""
import json
import os
import pathlib
import sys
import time
import timeit

# One BLAS thread: CPU time is what we compare, and idle BLAS threads spin (they made NumPy's
# 128x784 dot cost 10x its wall time in CPU); nnfs-ts runs on one thread too.
os.environ["OPENBLAS_NUM_THREADS"] = "1"
import numpy as np  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "test" / "golden"))
from book_numpy import Adam, Dense, ReLU, SoftmaxCCE, init, spiral_data, step  # noqa: E402

EPOCHS = 10001


def median_time(fn, repeats=7, number=200):
    times = timeit.repeat(fn, number=number, repeat=repeats, timer=time.process_time)
    return sorted(times)[repeats // 2] / number


def model():
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

    return epoch, {"forward + loss": forward, "accuracy": accuracy, "backward": backward, "optimizer": update}


epoch, parts = model()
start = time.process_time()
for _ in range(EPOCHS):
    epoch()
times = {f"training run ({EPOCHS} epochs)": time.process_time() - start, "one epoch": median_time(epoch)}
times.update({f"  {name}": median_time(phase) for name, phase in parts.items()})
print(json.dumps(times))
