// Chapter 13's exercises: pixel values scaled to [-1, 1] with fixed constants, and standardization
// whose statistics come from the training data only.
import * as np from "../np";
import { NDArray } from "../np/core";
import { compareArrays } from "./compare";
import { unlessBlank } from "./blanks";
import { Exercise, filled, Problem } from "./exercise";

export type ScalePixels = (X: NDArray) => NDArray;

/** Two small "images", uint8 as image files hold them; neither reaches 0 or 255, so an image's own min and max are not the pixel range. */
const PIXELS = [
  [[3, 60, 127, 128], [200, 250, 17, 90]],
  [[30, 64, 191, 240], [128, 127, 5, 77]],
];

/** Expected against what a typical slip gives, each with its message. */
function pixelSlips(X: NDArray): [NDArray, string][] {
  const x = X.astype("float32");
  const min = np.min(x), max = np.max(x);
  return [
    [np.divide(x, 255), "the values run from 0 to 1: dividing by 255 maps 0…255 to [0, 1]. For [-1, 1], subtract 127.5 first, then divide by 127.5."],
    [np.divide(x, 127.5), "the values run from 0 to 2: the −127.5 shift is missing. Subtract 127.5 first, then divide by 127.5."],
    [np.divide(np.subtract(x, 127.5), 255), "the values run from −0.5 to 0.5: after subtracting 127.5, divide by 127.5 (half of 255), not by 255."],
    [np.subtract(x, 127.5), "the values run from −127.5 to 127.5: the shift is there, but the division by 127.5 is missing."],
    [np.subtract(np.multiply(2, np.divide(np.subtract(x, min), np.subtract(max, min))), 1),
      "these images were scaled by their own smallest and largest pixel, so a pixel of 128 would come out differently in another image. Pixels have a fixed range, 0…255: use the fixed (x − 127.5) / 127.5 for every image, training and test alike."],
  ];
}

function pixelProblem(scale: ScalePixels): Problem {
  const X = np.array(PIXELS, "uint8");
  const got = filled(scale(X.copy()));
  const expected = np.divide(np.subtract(X.astype("float32"), 127.5), 127.5);
  if (!(got instanceof NDArray)) return `the function should return the scaled NDArray, got ${String(got)}.`;
  if (got.shape.join() !== X.shape.join()) return `the result has shape (${got.shape.join(", ")}); expected (${X.shape.join(", ")}), the shape of X: scaling changes the values only.`;
  if (compareArrays("", got, expected) !== null) {
    for (const [slip, message] of pixelSlips(X)) {
      if (compareArrays("", got, slip) === null) return message;
    }
  }
  const problem = compareArrays("the scaled pixels", got, expected);
  if (problem !== null) return `${problem} (pixel values ${PIXELS[0][0].join(", ")} should become ${PIXELS[0][0].map((v) => +((v - 127.5) / 127.5).toPrecision(6)).join(", ")}.)`;
  if (got.dtype !== "float32") return `the values are right but the dtype is ${got.dtype}: convert to float32 first (X.astype("float32")), as the book does; the network computes in float32.`;
  return null;
}

export const scale_pixels = new Exercise<ScalePixels>({
  title: "scaling pixels to [-1, 1]",
  check: unlessBlank(pixelProblem),
  hint: "0 should become −1, 127.5 become 0, 255 become 1: subtract the middle of the range, 127.5, then divide by half its width, also 127.5. Convert to float32 first: X.astype(\"float32\").",
  solution: `function scale_pixels(X: NDArray): NDArray {
  return np.divide(np.subtract(X.astype("float32"), 127.5), 127.5);
}`,
});

export type Standardize = (X_train: NDArray, X_test: NDArray) => [NDArray, NDArray];

/** Two features of very different scales; the test data sits a little off the training data's centre, as new data does. */
const TRAIN = [[120, 0.5], [80, -0.2], [100, 0.1], [140, 0.3], [60, -0.7]];
const TEST = [[150, 0.9], [90, 0.4], [130, -0.1]];

function standardizeProblem(standardize: Standardize): Problem {
  const X_train = np.array(TRAIN, "float32"), X_test = np.array(TEST, "float32");
  const result = filled(standardize(X_train.copy(), X_test.copy()));
  if (!Array.isArray(result) || result.length !== 2) {
    return `the function should return [X_train_scaled, X_test_scaled]; it returned ${Array.isArray(result) ? `${result.length} values` : String(result)}.`;
  }
  const [got_train, got_test] = result.map(filled) as unknown[];
  const scaled = (X: NDArray, mean: NDArray, scale: NDArray) => np.divide(np.subtract(X, mean), scale);
  const mean = np.mean(X_train, { axis: 0 }), std = np.std(X_train, { axis: 0 });
  const expected_train = scaled(X_train, mean, std), expected_test = scaled(X_test, mean, std);
  const right = (got: unknown, expected: NDArray) => compareArrays("", got, expected) === null;
  const wrongTrain = !right(got_train, expected_train);
  if (wrongTrain) {
    const slips: [NDArray, string][] = [
      [np.divide(np.subtract(X_train, np.mean(X_train)), np.std(X_train)), "X_train was standardized with one mean and one standard deviation over all its numbers: take them per feature, column by column (np.mean(X_train, { axis: 0 }) and np.std(X_train, { axis: 0 }))."],
      [scaled(X_train, mean, np.var(X_train, { axis: 0 })), "X_train was divided by the variance: divide by the standard deviation (np.std), the variance's square root."],
      [np.subtract(X_train, mean), "X_train has its mean subtracted but is not divided by the standard deviation: the features keep their very different spreads."],
      [np.divide(X_train, std), "X_train is divided by the standard deviation, but the mean was not subtracted first."],
    ];
    for (const [slip, message] of slips) if (right(got_train, slip)) return message;
    return compareArrays("X_train_scaled", got_train, expected_train);
  }
  if (right(got_test, scaled(X_test, np.mean(X_test, { axis: 0 }), np.std(X_test, { axis: 0 })))) {
    return "X_test was standardized with its own mean and standard deviation. The model learned on data scaled with the training data's numbers, so new data must be scaled with those same numbers: compute mean and std from X_train once and apply them to both.";
  }
  return compareArrays("X_test_scaled", got_test, expected_test);
}

export const standardize = new Exercise<Standardize>({
  title: "standardization with the training data's statistics",
  check: unlessBlank(standardizeProblem),
  hint: "mean = np.mean(X_train, { axis: 0 }) and std = np.std(X_train, { axis: 0 }), one number per feature, from the training data only; both sets become (X − mean) / std with those same two arrays.",
  solution: `function standardize(X_train: NDArray, X_test: NDArray): [NDArray, NDArray] {
  const mean = np.mean(X_train, { axis: 0 });
  const std = np.std(X_train, { axis: 0 });
  return [np.divide(np.subtract(X_train, mean), std), np.divide(np.subtract(X_test, mean), std)];
}`,
});
