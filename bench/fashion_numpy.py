"""NumPy's side of the Fashion-MNIST benchmark (bench/fashion.ts runs it with the dataset's folder).

Chapter 19's model with the book's classes as test/golden/book_numpy.py writes them (nnfs.init()'s
float32 setup and float64 dot): 784-128-128-10 with ReLU, softmax + cross-entropy (combined
backward), Adam(learning_rate=0.001, decay=1e-3), batch_size 128 over the 60000 training images
in the files' order, X float32 scaled to [-1, 1]. Exactly one epoch, its phases summed over the steps.
Prints {case: CPU seconds} as JSON, the cases named as fashion.ts names them.

With --plain: the same epoch as a NumPy user would run it without nnfs.init()'s setup, float32
arithmetic throughout (sgemm dots, float32 exp and log) on NumPy's default BLAS threads, timed by
the wall clock (its threads share the work), the whole epoch only.

With --memory: chapter 19's training cell from a fresh process, as fashion_memory.ts runs it on
nnfs-ts's side: load the training and test sets, shuffle the training set with the book's `keys`,
train one epoch, then the validation pass in batches. Prints the process's resident memory in MB
at rest (after the imports) and at its peak.
"""
import gzip
import json
import os
import pathlib
import sys
import time

PLAIN = "--plain" in sys.argv[2:]
MEMORY = "--memory" in sys.argv[2:]
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


def resident_mb(field):
    """VmRSS (now) or VmHWM (the peak so far) of this process, in MB."""
    for line in pathlib.Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def read_idx(folder, name):
    """An IDX file of unsigned bytes, plain or gzipped: big-endian header, then the values."""
    path = pathlib.Path(folder) / name
    data = path.read_bytes() if path.exists() else gzip.decompress(path.with_name(name + ".gz").read_bytes())
    ndim = data[3]
    shape = [int.from_bytes(data[4 + 4 * k:8 + 4 * k], "big") for k in range(ndim)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(shape)


def load(folder, prefix):
    """Images as float32 rows scaled to [-1, 1], as the book prepares them, and their labels."""
    X = read_idx(folder, f"{prefix}-images-idx3-ubyte")
    y = read_idx(folder, f"{prefix}-labels-idx1-ubyte")
    return (X.reshape(X.shape[0], -1).astype(np.float32) - 127.5) / 127.5, y


class Network:
    def __init__(self):
        self.dense1, self.activation1 = Dense(784, 128), ReLU()
        self.dense2, self.activation2 = Dense(128, 128), ReLU()
        self.dense3, self.loss_activation = Dense(128, 10), SoftmaxCCE()
        self.optimizer = Adam(0.001, 1e-3)

    def forward(self, batch_X, batch_y):
        self.dense1.forward(batch_X)
        self.activation1.forward(self.dense1.output)
        self.dense2.forward(self.activation1.output)
        self.activation2.forward(self.dense2.output)
        self.dense3.forward(self.activation2.output)
        return self.loss_activation.forward(self.dense3.output, batch_y)

    def backward(self, batch_y):
        self.loss_activation.backward(self.loss_activation.output, batch_y)
        self.dense3.backward(self.loss_activation.dinputs)
        self.activation2.backward(self.dense3.dinputs)
        self.dense2.backward(self.activation2.dinputs)
        self.activation1.backward(self.dense2.dinputs)
        self.dense1.backward(self.activation1.dinputs)

    def update(self):
        step(self.optimizer, self.dense1, self.dense2, self.dense3)

    def accuracy(self, batch_y):
        return np.mean(np.argmax(self.loss_activation.output, axis=1) == batch_y)


def batches(X, y):
    for s in range(-(-len(X) // BATCH_SIZE)):
        yield X[s * BATCH_SIZE:(s + 1) * BATCH_SIZE], y[s * BATCH_SIZE:(s + 1) * BATCH_SIZE]


def timed_epoch(network, X, y):
    """{case: seconds}: the epoch, and (without --plain) its phases summed over the steps."""
    phases = {"  forward + loss": 0.0, "  accuracy": 0.0, "  backward": 0.0, "  optimizer": 0.0}
    start = clock()
    for batch_X, batch_y in batches(X, y):
        t0 = clock()
        network.forward(batch_X, batch_y)
        t1 = clock()
        network.accuracy(batch_y)
        t2 = clock()
        network.backward(batch_y)
        t3 = clock()
        network.update()
        t4 = clock()
        for name, seconds in zip(phases, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            phases[name] += seconds
    epoch = {f"one epoch ({-(-len(X) // BATCH_SIZE)} steps)": clock() - start}
    return epoch if PLAIN else {**epoch, **phases}


def training_cell_memory(folder):
    at_rest = resident_mb("VmRSS")
    init()
    X, y = load(folder, "train")
    X_test, y_test = load(folder, "t10k")
    keys = np.array(range(X.shape[0]))
    np.random.shuffle(keys)
    X, y = X[keys], y[keys]
    network = Network()
    for batch_X, batch_y in batches(X, y):
        network.forward(batch_X, batch_y)
        network.accuracy(batch_y)
        network.backward(batch_y)
        network.update()
    for batch_X, batch_y in batches(X_test, y_test):
        network.forward(batch_X, batch_y)
        network.accuracy(batch_y)
    return {"at rest": at_rest, "peak": resident_mb("VmHWM")}


if __name__ == "__main__":
    if MEMORY:
        print(json.dumps(training_cell_memory(sys.argv[1])))
    else:
        init()
        print(json.dumps(timed_epoch(Network(), *load(sys.argv[1], "train"))))
