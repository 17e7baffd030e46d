"""NumPy's side of the Fashion-MNIST benchmark (bench/fashion.ts runs it with the dataset's folder).

Chapter 19's model with the book's classes as test/golden/book_numpy.py writes them (nnfs.init()'s
float32 setup and float64 dot): 784-128-128-10 with ReLU, softmax + cross-entropy (combined
backward), Adam(learning_rate=0.001, decay=1e-3), batch_size 128 over the 60000 training images
in the files' order, X float32 scaled to [-1, 1]. Exactly one epoch, its phases summed over the steps.
Prints {case: CPU seconds} as JSON, the cases named as fashion.ts names them.

With --plain: the same epoch as a NumPy user would run it without nnfs.init()'s setup, float32
arithmetic throughout (sgemm dots, float32 exp and log) on NumPy's default BLAS threads, timed by
the wall clock (its threads share the work), the whole epoch only.
"""
import gzip
import json
import os
import pathlib
import sys
import time

PLAIN = "--plain" in sys.argv[2:]
if not PLAIN:
    # One BLAS thread, as in ch10_numpy.py: CPU time is what we compare, and nnfs-ts runs on one thread.
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
import numpy as np  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "test" / "golden"))
import book_numpy  # noqa: E402
from book_numpy import Adam, Dense, ReLU, SoftmaxCCE, init, step  # noqa: E402

if PLAIN:
    book_numpy.dot, book_numpy.exp, book_numpy.log = np.dot, np.exp, np.log
clock = time.perf_counter if PLAIN else time.process_time

BATCH_SIZE = 128


def read_idx(folder, name):
    """An IDX file of unsigned bytes, plain or gzipped: big-endian header, then the values."""
    path = pathlib.Path(folder) / name
    data = path.read_bytes() if path.exists() else gzip.decompress(path.with_name(name + ".gz").read_bytes())
    ndim = data[3]
    shape = [int.from_bytes(data[4 + 4 * k:8 + 4 * k], "big") for k in range(ndim)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(shape)


folder = sys.argv[1]
X = read_idx(folder, "train-images-idx3-ubyte")
y = read_idx(folder, "train-labels-idx1-ubyte")
X = ((X.reshape(X.shape[0], -1).astype(np.float32) - 127.5) / 127.5)

init()
dense1, activation1 = Dense(784, 128), ReLU()
dense2, activation2 = Dense(128, 128), ReLU()
dense3, loss_activation = Dense(128, 10), SoftmaxCCE()
optimizer = Adam(0.001, 1e-3)

phases = {"  forward + loss": 0.0, "  accuracy": 0.0, "  backward": 0.0, "  optimizer": 0.0}
steps = -(-len(X) // BATCH_SIZE)
start = clock()
for s in range(steps):
    batch_X = X[s * BATCH_SIZE:(s + 1) * BATCH_SIZE]
    batch_y = y[s * BATCH_SIZE:(s + 1) * BATCH_SIZE]
    t0 = clock()
    dense1.forward(batch_X)
    activation1.forward(dense1.output)
    dense2.forward(activation1.output)
    activation2.forward(dense2.output)
    dense3.forward(activation2.output)
    loss_activation.forward(dense3.output, batch_y)
    t1 = clock()
    np.mean(np.argmax(loss_activation.output, axis=1) == batch_y)
    t2 = clock()
    loss_activation.backward(loss_activation.output, batch_y)
    dense3.backward(loss_activation.dinputs)
    activation2.backward(dense3.dinputs)
    dense2.backward(activation2.dinputs)
    activation1.backward(dense2.dinputs)
    dense1.backward(activation1.dinputs)
    t3 = clock()
    step(optimizer, dense1, dense2, dense3)
    t4 = clock()
    for name, seconds in zip(phases, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
        phases[name] += seconds
epoch = clock() - start
print(json.dumps({f"one epoch ({steps} steps)": epoch} if PLAIN else {f"one epoch ({steps} steps)": epoch, **phases}))
