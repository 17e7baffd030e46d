// nnfs.datasets against NumPy re-implementations of nnfs 0.5.1 (test/golden/gen_datasets.py).
import { strict as assert } from "assert";
import { resetConfig } from "../../src/np/config";
import { NDArray } from "../../src/np/core";
import { seed } from "../../src/np/random";
import { nnfs, spiral_data, vertical_data, sine_data } from "../../src";
import { assertGolden, loadGolden } from "../helpers/golden";

const golden = loadGolden("datasets");
type Pair = [NDArray, NDArray];

// Each run as gen_datasets.py's RUNS: seed 0, then the calls in order on one stream.
const RUNS: Record<string, [string, () => Pair][]> = {
  nnfs: [
    ["spiral_data(100,3)", () => spiral_data(100, 3)],
    ["vertical_data(100,3)", () => vertical_data({ samples: 100, classes: 3 })],
  ],
  "nnfs spiral 1000": [["spiral_data(1000,3)", () => spiral_data({ samples: 1000, classes: 3 })]],
  "nnfs spiral binary": [["spiral_data(100,2)", () => nnfs.datasets.spiral_data(100, 2)]],
  "nnfs vertical": [["vertical_data(100,3)", () => nnfs.datasets.vertical_data(100, 3)]],
  "nnfs small": [
    ["spiral_data(1,2)", () => spiral_data(1, 2)],
    ["vertical_data(3,4)", () => vertical_data(3, 4)],
  ],
  "plain numpy": [
    ["spiral_data(100,3)", () => spiral_data(100, 3)],
    ["vertical_data(100,3)", () => vertical_data(100, 3)],
  ],
  sine: [["sine_data()", () => sine_data()], ["sine_data(7)", () => sine_data({ samples: 7 })]],
};

// Float64 results pass through V8's Math.log (in randn) and Math.sin/cos, whose last bit
// differs from glibc's for a few percent of inputs: they may be off by a few ulps
// (counted, reported). Float32 results (after nnfs.init) must match exactly.
const FLOAT64_LIBM = new Set([
  "plain numpy | spiral_data(100,3) X",
  "plain numpy | vertical_data(100,3) X",
  "sine | sine_data() y",
  "sine | sine_data(7) y",
]);

describe("nnfs datasets against NumPy goldens", () => {
  afterEach(resetConfig);
  let libm = 0, inexact = 0;
  for (const [run, steps] of Object.entries(RUNS)) {
    it(run, () => {
      if (run === "plain numpy") resetConfig();
      else nnfs.init();
      seed(0);
      for (const [label, call] of steps) {
        const [X, y] = call();
        for (const [part, value] of [["X", X], ["y", y]] as const) {
          const name = `${run} | ${label} ${part}`;
          const tolerant = FLOAT64_LIBM.has(name);
          if (tolerant) libm += value.size;
          inexact += assertGolden(value, golden[name], name, tolerant ? 4 : 0);
        }
      }
    });
  }
  after(() => console.log(`      float64 dataset values: ${inexact} of ${libm} values differ by an ulp or more`));

  it("the book's Chapter 3 rows: nnfs.init() then spiral_data(100, 3), X[:5]", () => {
    nnfs.init();
    const [X] = spiral_data(100, 3);
    const firstRows = new NDArray(X.data.slice(0, 10), [5, 2], X.dtype);
    assertGolden(firstRows, golden["book ch3 | spiral_data(100,3) X[:5]"], "X[:5]");
  });

  it("covers every golden case", () => {
    const names = Object.entries(RUNS).flatMap(([run, steps]) => steps.flatMap(([label]) => [`${run} | ${label} X`, `${run} | ${label} y`]));
    assert.deepEqual(Object.keys(golden).filter((k) => !names.includes(k) && !k.startsWith("book ")), []);
  });
});

describe("nnfs.init", () => {
  afterEach(resetConfig);
  it("accepts init() and init({ random_seed }) and seeds the global stream", () => {
    nnfs.init({ random_seed: 42 });
    const [a] = vertical_data(2, 1);
    nnfs.init({ random_seed: 42 });
    const [b] = vertical_data(2, 1);
    assert.deepEqual(Array.from(a.data), Array.from(b.data));
    nnfs.init();
    assert.equal(spiral_data(5, 1)[0].dtype, "float32");
  });
  it("default_dtype: null leaves NumPy's float64", () => {
    nnfs.init({ default_dtype: null });
    assert.equal(spiral_data(5, 1)[0].dtype, "float64");
  });
});

describe("nnfs keywords", () => {
  afterEach(resetConfig);
  it("refuse unknown keywords in Python's words", () => {
    const calls: [string, () => unknown][] = [
      // @ts-expect-error: seed is no keyword of init (random_seed is)
      ["init() got an unexpected keyword argument 'seed'", () => nnfs.init({ seed: 0 })],
      // @ts-expect-error: sample is no keyword of spiral_data
      ["spiral_data() got an unexpected keyword argument 'sample'", () => spiral_data({ sample: 10, classes: 2 })],
      // @ts-expect-error: n is no keyword of sine_data
      ["sine_data() got an unexpected keyword argument 'n'", () => sine_data({ n: 10 })],
    ];
    for (const [message, call] of calls) assert.throws(call, { name: "TypeError", message });
  });
});
