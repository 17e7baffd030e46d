// Careless input to np: NumPy's words for the problem, at once, instead of a wrong array or a
// message from JavaScript's internals, and nothing changed: the arrays given (and the random
// stream) are as they were before the call.
import { strict as assert } from "assert";
import * as np from "../../src/np";

/** Wrong input a TypeScript cell would refuse to compile, as plain JavaScript passes it. */
const loose = <T>(value: unknown): T => value as T;
const any = loose<never>;

/** Asserts that `call` throws `message` and leaves every array in `untouched` as it was. */
function refuses(call: () => unknown, message: RegExp, ...untouched: np.NDArray[]): void {
  const before = untouched.map((a) => ({ shape: [...a.shape], dtype: a.dtype, data: a.data.slice() }));
  assert.throws(call, message);
  untouched.forEach((a, i) => assert.deepEqual({ shape: a.shape, dtype: a.dtype, data: a.data }, before[i]));
}

/** Asserts that a refused draw does not move the random stream. */
function refusesDraw(call: () => unknown, message: RegExp): void {
  const [, key, pos, hasGauss, gauss] = np.random.get_state();
  refuses(call, message);
  assert.deepEqual(np.random.get_state(), ["MT19937", key, pos, hasGauss, gauss]);
}

const NOT_INTEGER = /^TypeError: 'float' object cannot be interpreted as an integer$/;
const STR_NOT_INTEGER = /^TypeError: 'str' object cannot be interpreted as an integer$/;
const INVALID_INDEX = /^TypeError: only integers, slices \(`:`\), ellipsis \(`\.\.\.`\), numpy\.newaxis \(`None`\) and integer or boolean arrays are valid indices$/;

describe("bad input to np", () => {
  it("a shape that is not whole numbers: Python's TypeError", () => {
    assert.throws(() => np.zeros([2.5, 3]), NOT_INTEGER);
    assert.throws(() => np.ones(["3" as unknown as number]), /'str' object cannot be interpreted as an integer/);
    assert.throws(() => np.zeros([NaN]), /'float' object cannot be interpreted as an integer/);
    assert.throws(() => np.zeros([2, -1]), /negative dimensions are not allowed/);
    assert.throws(() => np.ones(2.5), /^TypeError: expected a sequence of integers or a single integer, got '2\.5'$/);
    assert.throws(() => np.full(2.5, 1), /expected a sequence of integers or a single integer, got '2\.5'/);
    assert.throws(() => np.zeros(any(undefined)), /^TypeError: Use \(\) not None as shape arguments$/);
    assert.throws(() => np.zeros(any("3")), STR_NOT_INTEGER);
  });

  it("an array too large for memory: NumPy's MemoryError words, not JavaScript's typed-array errors", () => {
    assert.throws(() => np.zeros([1e6, 1e6]), /^Error: Unable to allocate 7\.28 TiB for an array with shape \(1000000, 1000000\) and data type float64$/);
    assert.throws(() => np.ones(2 ** 40), /Unable to allocate 8\.00 TiB for an array with shape \(1099511627776,\) and data type float64/);
    assert.throws(() => np.eye(1e7), /Unable to allocate 728\. TiB for an array with shape \(10000000, 10000000\) and data type float64/);
    assert.throws(() => np.arange(1e12), /Unable to allocate 7\.28 TiB for an array with shape \(1000000000000,\) and data type int64/);
    assert.throws(() => np.linspace(0, 1, 1e12), /Unable to allocate 7\.28 TiB for an array with shape \(1000000000000,\) and data type float64/);
    refusesDraw(() => np.random.randn(1e6, 1e6), /Unable to allocate 7\.28 TiB for an array with shape \(1000000, 1000000\) and data type float64/);
  });

  it("NaN or infinity into an integer array is refused, as NumPy refuses it", () => {
    assert.throws(() => np.array([1, NaN], "int32"), /cannot convert float NaN to integer \(dtype int32\)/);
    assert.throws(() => np.array([[1], [-Infinity]], { dtype: "int64" }), /cannot convert float infinity to integer/);
    assert.throws(() => np.array(["x" as unknown as number], "int32"), /cannot make an array element from x/);
    assert.equal(np.array([1, NaN], "float32").dtype, "float32");
    assert.throws(() => np.full([2], NaN, "int64"), /^RangeError: cannot convert float NaN to integer \(dtype int64\)$/);
  });

  it("np.array of ragged lists, strings, objects or holes", () => {
    assert.throws(
      () => np.array(any([[1, 2], [3]])),
      /^Error: setting an array element with a sequence\. The requested array has an inhomogeneous shape after 1 dimensions\. The detected shape was \(2,\) \+ inhomogeneous part\.$/,
    );
    assert.throws(() => np.array(any(["a", "b"])), /^TypeError: cannot make an array element from a$/);
    assert.throws(() => np.array(any([{}, {}])), /cannot make an array element from \[object Object\]/);
    assert.throws(() => np.array(any([1, null])), /cannot make an array element from null/);
    assert.throws(() => np.array(any(undefined)), /cannot make an array element from undefined/);
  });

  it("a dtype NumPy has but np does not, or a misspelled dtype keyword", () => {
    const x = np.ones([2]);
    refuses(() => np.array([1, 2], any("float16")), /^TypeError: data type 'float16' not understood$/);
    refuses(() => np.zeros([2], any("int8")), /^TypeError: data type 'int8' not understood$/);
    refuses(() => np.array([1], any("float")), /data type 'float' not understood/);
    refuses(() => np.array([1, 2], any({ dtyp: "float32" })), /^TypeError: array\(\) got an unexpected keyword argument 'dtyp'$/);
    refuses(() => x.astype(any("float16")), /data type 'float16' not understood/, x);
    refuses(() => x.astype(any(undefined)), /^TypeError: Cannot interpret 'undefined' as a data type$/, x);
    // Python's np.zeros(2, 3) meant np.zeros((2, 3)): 3 lands where the dtype goes.
    refuses(() => np.zeros(2, any(3)), /^TypeError: Cannot interpret '3' as a data type$/);
    refuses(() => np.array(any(1), any(2)), /Cannot interpret '2' as a data type/);
  });

  it("full with a fill value that is not a number", () => {
    assert.throws(() => np.full([2], any("x")), /^TypeError: cannot make an array element from x$/);
    assert.throws(() => np.full([2], any(undefined)), /cannot make an array element from undefined/);
  });

  it("arange with a step of 0 names it", () => {
    assert.throws(() => np.arange(0, 5, 0), /division by zero: arange's step must not be 0/);
  });

  it("arange whose length cannot be computed or is too large, or given strings", () => {
    assert.throws(() => np.arange(NaN), /^Error: arange: cannot compute length$/);
    assert.throws(() => np.arange(Infinity), /^Error: Maximum allowed size exceeded$/);
    assert.throws(() => np.arange(0, 1e300), /Maximum allowed size exceeded/);
    assert.throws(() => np.arange(any(null)), /^TypeError: unsupported operand type\(s\) for -: 'NoneType' and 'int'$/);
    assert.throws(() => np.arange(any("5")), /^TypeError: arange\(\) not supported for inputs with DType <class 'numpy\.dtypes\.StrDType'>\.$/);
  });

  it("linspace, eye and diagflat with counts or offsets that are not whole", () => {
    assert.throws(() => np.linspace(0, 1, -1), /^Error: Number of samples, -1, must be non-negative\.$/);
    assert.throws(() => np.linspace(0, 1, 2.5), NOT_INTEGER);
    assert.throws(() => np.linspace(0, 1, NaN), NOT_INTEGER);
    assert.throws(() => np.linspace(0, 1, any({ nu: 3 })), /linspace\(\) got an unexpected keyword argument 'nu'/);
    assert.throws(() => np.eye(-1), /negative dimensions are not allowed/);
    assert.throws(() => np.eye(2.5), NOT_INTEGER);
    assert.throws(() => np.eye(3, 3, 1.5), NOT_INTEGER);
    assert.throws(() => np.eye(3, any({ kk: 1 })), /eye\(\) got an unexpected keyword argument 'kk'/);
    assert.throws(() => np.diagflat([1, 2], 0.5), NOT_INTEGER);
  });

  it("transpose with repeated or missing axes", () => {
    const x = np.ones([2, 3]);
    assert.throws(() => x.transpose(0, 0), /repeated axis in transpose/);
    assert.throws(() => x.transpose(0), /axes don't match array/);
    assert.deepEqual(x.transpose(1, 0).shape, [3, 2]);
    refuses(() => x.transpose(0, 2), /^RangeError: axis 2 is out of bounds for array of dimension 2$/, x);
    refuses(() => x.transpose(0.5, 1), NOT_INTEGER, x);
    refuses(() => x.transpose(0, 1, 2), /^Error: axes don't match array$/, x);
    refuses(() => np.ones([2]).transpose(0, 1), /axes don't match array/);
  });

  it("reshape to the wrong size, with two unknowns, or to dimensions that are not whole", () => {
    const x = np.arange(6);
    refuses(() => x.reshape(4, 4), /^Error: cannot reshape array of size 6 into shape \(4,4\)$/, x);
    refuses(() => x.reshape(-1, -1), /^Error: can only specify one unknown dimension$/, x);
    refuses(() => x.reshape(-2, -3), /can only specify one unknown dimension/, x);
    refuses(() => x.reshape(1.5, 4), NOT_INTEGER, x);
    refuses(() => x.reshape(any("6")), STR_NOT_INTEGER, x);
    refuses(() => x.reshape([]), /^Error: cannot reshape array of size 6 into shape \(\)$/, x);
    // NumPy takes any negative dimension as the unknown one.
    assert.deepEqual(x.reshape(-2, 3).shape, [2, 3]);
  });

  it("item out of bounds, with the wrong number of indices, or not whole", () => {
    const x = np.ones([2, 3]);
    assert.throws(() => x.item(), /^Error: can only convert an array of size 1 to a Python scalar$/);
    assert.throws(() => x.item(6), /^RangeError: index 6 is out of bounds for size 6$/);
    assert.throws(() => x.item(0, 0, 0), /^Error: incorrect number of indices for array$/);
    assert.throws(() => x.item(0.5, 1), NOT_INTEGER);
  });

  it("get out of bounds, with too many indices, or with an index NumPy does not take", () => {
    const x = np.arange(6).reshape(2, 3);
    refuses(() => x.get(5), /^RangeError: index 5 is out of bounds for axis 0 with size 2$/, x);
    refuses(() => x.get(-3), /index -3 is out of bounds for axis 0 with size 2/, x);
    refuses(() => x.get(0, 0, 0), /^RangeError: too many indices for array: array is 2-dimensional, but 3 were indexed$/, x);
    refuses(() => x.get(1.5), INVALID_INDEX, x);
    refuses(() => x.get(NaN), INVALID_INDEX, x);
    refuses(() => x.get(any(undefined)), INVALID_INDEX, x);
    refuses(() => x.get(any({})), INVALID_INDEX, x);
    refuses(() => x.get("1:2:0"), /^RangeError: slice step cannot be zero$/, x);
    refuses(() => x.get("a:b"), INVALID_INDEX, x);
    refuses(() => x.get("1.5:"), INVALID_INDEX, x);
    refuses(() => x.get([0, 5]), /index 5 is out of bounds for axis 0 with size 2/, x);
    refuses(() => x.get(np.array([0.5])), /^TypeError: arrays used as indices must be of integer \(or boolean\) type$/, x);
    refuses(
      () => x.get(np.array([true, false, true])),
      /^RangeError: boolean index did not match indexed array along axis 0; size of axis is 2 but size of corresponding boolean axis is 3$/,
      x,
    );
    refuses(() => x.get([0, 1], [0, 1, 2]), /^RangeError: shape mismatch: indexing arrays could not be broadcast together with shapes \(2,\) \(3,\) $/, x);
  });

  it("set with a bad index leaves the array as it was, even when part of the index was good", () => {
    const x = np.arange(6).reshape(2, 3);
    refuses(() => x.set([5], 1), /index 5 is out of bounds for axis 0 with size 2/, x);
    refuses(() => x.set([0.5], 1), INVALID_INDEX, x);
    refuses(() => x.set([0, 0, 0], 1), /too many indices for array/, x);
    refuses(() => x.set(["::0"], 1), /slice step cannot be zero/, x);
    refuses(() => x.set([np.array([true, false, true])], 1), /boolean index did not match indexed array along axis 0/, x);
    refuses(() => x.set([[0, 1, 9]], 7), /index 9 is out of bounds for axis 0 with size 2/, x);
    refuses(() => x.set([[0, 1, 9]], np.array([7, 8, 9])), /index 9 is out of bounds for axis 0 with size 2/, x);
    refuses(() => x.set(any(0), 5), /^TypeError: set takes the index as a list: write x\.set\(\[0\], v\) for Python's x\[\.\.\.\] = v$/, x);
    refuses(() => x.set(any(":"), 5), /write x\.set\(\[":"\], v\)/, x);
  });

  it("set with a value that does not broadcast or is not a number", () => {
    const x = np.zeros([2, 3]);
    const ints = np.zeros([2, 3], "int32");
    refuses(() => x.set([0], np.ones([2])), /^Error: could not broadcast input array from shape \(2,\) into shape \(3,\)$/, x);
    refuses(() => x.set([0], [1, 2]), /could not broadcast input array from shape \(2,\) into shape \(3,\)/, x);
    refuses(
      () => x.set([np.array([[true, false, true], [true, true, true]])], np.ones([2])),
      /^Error: shape mismatch: value array of shape \(2,\) could not be broadcast to indexing result of shape \(5,\)$/,
      x,
    );
    refuses(() => x.set([0], any("x")), /^TypeError: cannot make an array element from x$/, x);
    refuses(() => x.set([0], any(undefined)), /cannot make an array element from undefined/, x);
    refuses(() => ints.set([0], NaN), /^RangeError: cannot convert float NaN to integer \(dtype int32\)$/, ints);
    refuses(() => ints.set([0], 2 ** 40), /^RangeError: Python integer 1099511627776 out of bounds for int32$/, ints);
    // A nested list is a value as in NumPy, not NaNs.
    assert.deepEqual(x.copy().set([0], [1, 2, 3]).tolist(), [[1, 2, 3], [0, 0, 0]]);
  });

  it("elementwise ufuncs with shapes that do not broadcast, strings or holes", () => {
    const a = np.ones([2, 3]), b = np.ones([4]), c = np.ones([3]);
    refuses(() => np.add(a, b), /^Error: operands could not be broadcast together with shapes \(2,3\) \(4,\) $/, a, b);
    refuses(() => np.multiply(c, b), /operands could not be broadcast together with shapes \(3,\) \(4,\) /, c, b);
    refuses(() => np.maximum(c, b), /operands could not be broadcast together with shapes \(3,\) \(4,\) /, c, b);
    refuses(() => np.add(c, any("x")), /^TypeError: cannot make an array element from x$/, c);
    refuses(() => np.add(c, any(undefined)), /cannot make an array element from undefined/, c);
    refuses(() => np.exp(any("x")), /cannot make an array element from x/);
    refuses(() => np.add(c, any([[1], [1, 2]])), /inhomogeneous shape after 1 dimensions/, c);
  });

  it("ufuncs with an out= of the wrong shape or dtype, or a misspelled keyword", () => {
    const a = np.ones([2, 3]), out = np.zeros([3]), ints = np.zeros([2], "int32");
    refuses(() => np.add(a, 1, { out }), /^Error: non-broadcastable output operand with shape \(3,\) doesn't match the broadcast shape \(2,3\)$/, a, out);
    refuses(
      () => np.exp(np.ones([2]), { out: ints }),
      /^TypeError: Cannot cast ufunc 'exp' output from dtype\('float64'\) to dtype\('int32'\) with casting rule 'same_kind'$/,
      ints,
    );
    refuses(() => np.add(a, 1, any({ ot: out })), /^TypeError: add\(\) got an unexpected keyword argument 'ot'$/, a, out);
    const list = [0, 0];
    refuses(() => np.add(np.ones([2]), 1, any({ out: list })), /^TypeError: return arrays must be of ArrayType$/);
    assert.deepEqual(list, [0, 0]);
    // An array where the keywords go is Python's positional out, np.add(a, b, out).
    const into = np.zeros([2]);
    np.add(np.ones([2]), 1, any(into));
    assert.deepEqual(into.tolist(), [2, 2]);
  });

  it("reductions with an axis out of range, not whole, repeated, or a misspelled keyword", () => {
    const x = np.ones([2, 3]);
    refuses(() => np.sum(x, 2), /^RangeError: axis 2 is out of bounds for array of dimension 2$/, x);
    refuses(() => np.mean(x, -3), /axis -3 is out of bounds for array of dimension 2/, x);
    refuses(() => np.sum(x, 0.5), NOT_INTEGER, x);
    refuses(() => np.sum(x, any("1")), STR_NOT_INTEGER, x);
    refuses(() => np.sum(x, [0, 0]), /^Error: duplicate value in 'axis'$/, x);
    refuses(() => np.sum(x, any({ axsi: 1 })), /^TypeError: sum\(\) got an unexpected keyword argument 'axsi'$/, x);
    refuses(() => np.mean(x, 0, any({ keepdim: true })), /mean\(\) got an unexpected keyword argument 'keepdim'/, x);
    refuses(() => np.std(x, any({ dof: 1 })), /std\(\) got an unexpected keyword argument 'dof'/, x);
    refuses(() => np.argmax(x, any([0, 1])), /^TypeError: 'list' object cannot be interpreted as an integer$/, x);
    refuses(() => np.argmax(x, 2), /axis 2 is out of bounds for array of dimension 2/, x);
  });

  it("max and argmax of an empty array", () => {
    assert.throws(() => np.max(np.zeros([0])), /^Error: zero-size array to reduction operation maximum which has no identity$/);
    assert.throws(() => np.argmax(np.zeros([0])), /^Error: attempt to get argmax of an empty sequence$/);
  });

  it("dot and matmul with shapes that are not aligned", () => {
    const a = np.ones([3, 4]);
    refuses(() => np.dot(a, a), /^Error: shapes \(3,4\) and \(3,4\) not aligned: 4 \(dim 1\) != 3 \(dim 0\)$/, a);
    refuses(() => np.dot(np.ones([3]), np.ones([4])), /shapes \(3,\) and \(4,\) not aligned: 3 \(dim 0\) != 4 \(dim 0\)/);
    refuses(() => np.dot(np.ones([2, 3, 4]), np.ones([3, 2])), /shapes \(2,3,4\) and \(3,2\) not aligned: 4 \(dim 2\) != 3 \(dim 0\)/);
    refuses(() => np.dot(np.ones([2]), any("x")), /cannot make an array element from x/);
    refuses(() => np.matmul(a, a), /shapes \(3,4\) and \(3,4\) not aligned/, a);
    refuses(() => np.matmul(np.ones([3]), 2), /^Error: matmul: Input operand does not have enough dimensions$/);
  });

  it("joining arrays whose shapes do not fit, or something that is not a list of arrays", () => {
    const a = np.ones([2, 3]), b = np.ones([2, 4]), c = np.ones([3]);
    refuses(
      () => np.concatenate([a, b]),
      /^Error: all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 4$/,
      a, b,
    );
    refuses(
      () => np.concatenate([a, c]),
      /all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension\(s\) and the array at index 1 has 1 dimension\(s\)/,
      a, c,
    );
    refuses(() => np.concatenate([a, a], 2), /axis 2 is out of bounds for array of dimension 2/, a);
    refuses(() => np.concatenate([a, a], 0.5), NOT_INTEGER, a);
    refuses(() => np.concatenate([]), /^Error: need at least one array to concatenate$/);
    refuses(() => np.concatenate([a], any({ axsi: 0 })), /concatenate\(\) got an unexpected keyword argument 'axsi'/, a);
    refuses(() => np.concatenate(any(5)), /^TypeError: arrays to stack must be passed as a "sequence" type such as list or tuple\.$/);
    refuses(() => np.concatenate(c), /^Error: zero-dimensional arrays cannot be concatenated$/, c);
    refuses(() => np.vstack([c, np.ones([4])]), /along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 4/, c);
    refuses(() => np.hstack([a, np.ones([3, 3])]), /along dimension 0, the array at index 0 has size 2 and the array at index 1 has size 3/, a);
    refuses(() => np.vstack(any(5)), /arrays to stack must be passed as a "sequence" type/);
    // An array is a sequence of its rows, as NumPy iterates it.
    assert.deepEqual(np.concatenate(a).shape, [6]);
  });

  it("where, nonzero, clip, isclose with shapes that do not broadcast or a 0-d condition", () => {
    const x = np.ones([2]);
    refuses(() => np.where(np.ones([3]), np.ones([4]), 0), /^Error: operands could not be broadcast together with shapes \(3,\) \(4,\) \(\) $/);
    refuses(
      () => np.nonzero(np.array(any(1))),
      /^Error: Calling nonzero on 0d arrays is not allowed\. Use np\.atleast_1d\(scalar\)\.nonzero\(\) instead\.$/,
    );
    refuses(() => np.where(np.array(any(0))), /Calling nonzero on 0d arrays is not allowed/);
    refuses(() => np.where(x, any(x), any(undefined)), /^Error: either both or neither of x and y should be given$/, x);
    refuses(() => np.clip(x, null, null), /^Error: One of max or min must be given$/, x);
    refuses(() => np.clip(x, np.zeros([3]), 1), /operands could not be broadcast together with shapes \(2,\) \(3,\) /, x);
    refuses(() => np.clip(x, any("a"), 1), /cannot make an array element from a/, x);
    refuses(() => np.isclose(x, np.ones([3])), /operands could not be broadcast together with shapes/, x);
    refuses(() => np.allclose(x, x, any({ rtl: 1 })), /allclose\(\) got an unexpected keyword argument 'rtl'/, x);
  });

  it("random: seeds outside [0, 2**32) or not whole, and the stream does not move", () => {
    np.random.seed(0);
    refusesDraw(() => np.random.seed(-1), /^RangeError: Seed must be between 0 and 2\*\*32 - 1$/);
    refusesDraw(() => np.random.seed(2 ** 32), /Seed must be between 0 and 2\*\*32 - 1/);
    refusesDraw(() => np.random.seed(1.5), /^TypeError: Cannot cast scalar from dtype\('float64'\) to dtype\('int64'\) according to the rule 'safe'$/);
    refusesDraw(() => np.random.seed(any("12")), /Cannot cast scalar from dtype\('<U2'\) to dtype\('int64'\) according to the rule 'safe'/);
  });

  it("random: sizes and dimensions that are negative or not whole, bounds that are empty or NaN", () => {
    np.random.seed(0);
    refusesDraw(() => np.random.randn(-1), /^Error: negative dimensions are not allowed$/);
    refusesDraw(() => np.random.rand(2, -1), /negative dimensions are not allowed/);
    refusesDraw(() => np.random.randn(2.5), NOT_INTEGER);
    refusesDraw(() => np.random.randn(any("2")), STR_NOT_INTEGER);
    refusesDraw(() => np.random.randint(5, 5), /^RangeError: low >= high$/);
    refusesDraw(() => np.random.randint(0), /low >= high/);
    refusesDraw(() => np.random.randint(NaN), /^RangeError: cannot convert float NaN to integer$/);
    refusesDraw(() => np.random.randint(0, Infinity), /cannot convert float infinity to integer/);
    refusesDraw(() => np.random.randint(any("x")), /^Error: invalid literal for int\(\) with base 10: 'x'$/);
    refusesDraw(() => np.random.randint(0, 2 ** 64), /^RangeError: high is out of bounds for int64$/);
    refusesDraw(() => np.random.randint(-(2 ** 63) - 5000, 0), /^RangeError: low is out of bounds for int64$/);
    refusesDraw(() => np.random.binomial(NaN, 0.5), /^RangeError: cannot convert float NaN to integer$/);
    refusesDraw(() => np.random.binomial(Infinity, 0.5), /cannot convert float infinity to integer/);
    refusesDraw(() => np.random.binomial(-1, 0.5), /^RangeError: n < 0$/);
    refusesDraw(() => np.random.binomial(1e300, 0.5), /^RangeError: Python int too large to convert to C long$/);
    refusesDraw(() => np.random.randint(0, 5, 2.5), /^TypeError: expected a sequence of integers or a single integer, got '2\.5'$/);
    refusesDraw(() => np.random.uniform(0, 1, -1), /negative dimensions are not allowed/);
    refusesDraw(() => np.random.uniform(0, 1, [1.5]), NOT_INTEGER);
    refusesDraw(() => np.random.uniform(0, 1, any("3")), STR_NOT_INTEGER);
    refusesDraw(() => np.random.uniform(any({ lo: 0 })), /uniform\(\) got an unexpected keyword argument 'lo'/);
    refusesDraw(() => np.random.binomial(1, 2), /^RangeError: p < 0, p > 1 or p is NaN$/);
    refusesDraw(() => np.random.permutation(2.5), /^RangeError: x must be an integer or at least 1-dimensional$/);
    refusesDraw(() => np.random.shuffle(np.array(any(1))), /^TypeError: len\(\) of unsized object$/);
    refusesDraw(() => np.random.shuffle(any(5)), /^TypeError: object of type 'int' has no len\(\)$/);
    refusesDraw(() => np.random.uniform(any("a"), 1), /^Error: could not convert string to float: 'a'$/);
  });
});
