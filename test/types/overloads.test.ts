// The return types of the elementwise losses and helpers: a Vector gives a Float64Array, a Matrix a Float64Array[],
// deeper or Tensor-typed input NestedFloat64, a "mean"/"sum" reduction a number. The `expectTypeOf` and
// `@ts-expect-error` lines are checked by `tsc -p test/tsconfig.json` (npm run typecheck); the runtime lines show
// that each value really is the container its type names.
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  bceWithLogits, bceWithLogitsGrad, focalLoss, focalLossGrad, huber, huberGrad, logaddexp, logSigmoid, maskedMeanGrad,
  mse, mseGrad, sigmoid, sigmoidFocalLoss, sigmoidFocalLossGrad, smoothL1, smoothL1Grad,
} from "../../src";
import type { Matrix, NestedFloat64, Reduction, Tensor, Vector } from "../../src";
import { expectClose } from "../support/close";

const EXACT = { rtol: 1e-12, atol: 1e-15 };

/** A 1-D result: a Float64Array of n values. */
function expectVector(x: unknown, n: number): void {
  expect(x).toBeInstanceOf(Float64Array);
  expect((x as Float64Array).length).toBe(n);
}

/** A 2-D result: a plain array of `rows` Float64Array rows of `cols` values. */
function expectMatrix(x: unknown, rows: number, cols: number): void {
  expect(Array.isArray(x)).toBe(true);
  expect((x as unknown[]).length).toBe(rows);
  for (const row of x as unknown[]) expectVector(row, cols);
}

/** A 3-D result of shape [2][1][2]: plain arrays around Float64Array rows. */
function expectDeep(x: unknown): void {
  expect(Array.isArray(x)).toBe(true);
  expect((x as unknown[]).length).toBe(2);
  for (const m of x as unknown[]) expectMatrix(m, 1, 2);
}

// Residuals / logits (any real), probabilities / targets (in [0, 1]), of shapes [3], [2][2] and [2][1][2].
const r1 = [0.5, 2, -3];
const r2 = [[0.5, 2], [-3, 1]];
const r3 = [[[0.5, 2]], [[-3, 1]]];
const p1 = [0.25, 0.5, 1];
const p2 = [[0.25, 0.5], [1, 0]];
const p3 = [[[0.25, 0.5]], [[1, 0]]];
// Typed this way, the arguments can only match the general overloads.
const asTensor = (x: Tensor): Tensor => x;
const either = (x: Vector | Matrix): Vector | Matrix => x;
const anyReduction = (x: Reduction): Reduction => x;

describe("single-tensor losses: huber, smoothL1, focalLoss (reduction none by default)", () => {
  it("huber: Vector → Float64Array, Matrix → Float64Array[], deeper → NestedFloat64, mean → number", () => {
    expectTypeOf(huber(r1)).toEqualTypeOf<Float64Array>();
    expectTypeOf(huber(r1, { reduction: "none", delta: 2 })).toEqualTypeOf<Float64Array>();
    expectTypeOf(huber(new Float32Array(r1))).toEqualTypeOf<Float64Array>();
    expectTypeOf(huber(r2)).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(huber([new Float64Array(2)])).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(huber(r3)).toEqualTypeOf<NestedFloat64>();
    expectTypeOf(huber(asTensor(r1))).toEqualTypeOf<NestedFloat64>();
    expectTypeOf(huber(either(r1))).toEqualTypeOf<NestedFloat64>();
    expectTypeOf(huber(r1, { reduction: "mean" })).toEqualTypeOf<number>();
    expectTypeOf(huber(r2, { reduction: "sum" })).toEqualTypeOf<number>();
    expectTypeOf(huber(r1, { reduction: anyReduction("none") })).toEqualTypeOf<number | Float64Array>();
    expectTypeOf(huber(r2, { reduction: anyReduction("none") })).toEqualTypeOf<number | Float64Array[]>();
    expectTypeOf(huber(r3, { reduction: anyReduction("none") })).toEqualTypeOf<number | NestedFloat64>();
    expectVector(huber(r1), 3);
    expectMatrix(huber(r2), 2, 2);
    expectDeep(huber(r3));
    expect(typeof huber(r1, { reduction: "mean" })).toBe("number");
  });

  it("huberGrad: Vector → Float64Array, Matrix → Float64Array[], deeper → NestedFloat64 (also for mean)", () => {
    expectTypeOf(huberGrad(r1)).toEqualTypeOf<Float64Array>();
    expectTypeOf(huberGrad(r1, { reduction: "mean" })).toEqualTypeOf<Float64Array>();
    expectTypeOf(huberGrad(r2)).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(huberGrad(r3)).toEqualTypeOf<NestedFloat64>();
    expectTypeOf(huberGrad(asTensor(r2))).toEqualTypeOf<NestedFloat64>();
    expectVector(huberGrad(r1, { reduction: "mean" }), 3);
    expectMatrix(huberGrad(r2), 2, 2);
    expectDeep(huberGrad(r3));
  });

  it("smoothL1 and smoothL1Grad follow the same rule", () => {
    expectTypeOf(smoothL1(r1, { beta: 0.5 })).toEqualTypeOf<Float64Array>();
    expectTypeOf(smoothL1(r2)).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(smoothL1(r3)).toEqualTypeOf<NestedFloat64>();
    expectTypeOf(smoothL1(r1, { reduction: "mean" })).toEqualTypeOf<number>();
    expectTypeOf(smoothL1Grad(r1)).toEqualTypeOf<Float64Array>();
    expectTypeOf(smoothL1Grad(r2)).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(smoothL1Grad(r3)).toEqualTypeOf<NestedFloat64>();
    expectVector(smoothL1(r1, { beta: 0.5 }), 3);
    expectMatrix(smoothL1(r2), 2, 2);
    expectDeep(smoothL1(r3));
    expect(typeof smoothL1(r1, { reduction: "mean" })).toBe("number");
    expectVector(smoothL1Grad(r1), 3);
    expectMatrix(smoothL1Grad(r2), 2, 2);
    expectDeep(smoothL1Grad(r3));
  });

  it("focalLoss and focalLossGrad follow the same rule", () => {
    expectTypeOf(focalLoss(p1, { gamma: 1 })).toEqualTypeOf<Float64Array>();
    expectTypeOf(focalLoss(p2)).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(focalLoss(p3)).toEqualTypeOf<NestedFloat64>();
    expectTypeOf(focalLoss(p1, { reduction: "mean" })).toEqualTypeOf<number>();
    expectTypeOf(focalLossGrad(p1)).toEqualTypeOf<Float64Array>();
    expectTypeOf(focalLossGrad(p2)).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(focalLossGrad(p3)).toEqualTypeOf<NestedFloat64>();
    expectVector(focalLoss(p1, { gamma: 1 }), 3);
    expectMatrix(focalLoss(p2), 2, 2);
    expectDeep(focalLoss(p3));
    expect(typeof focalLoss(p1, { reduction: "mean" })).toBe("number");
    expectVector(focalLossGrad(p1), 3);
    expectMatrix(focalLossGrad(p2), 2, 2);
    expectDeep(focalLossGrad(p3));
  });
});

describe("two-tensor losses: the overload keys on both arguments together", () => {
  it("mse (reduction mean by default): none gives Float64Array / Float64Array[] / NestedFloat64", () => {
    expectTypeOf(mse(r1, p1)).toEqualTypeOf<number>();
    expectTypeOf(mse(r1, p1, { reduction: "mean" })).toEqualTypeOf<number>();
    expectTypeOf(mse(r1, new Float64Array(3), { reduction: "none" })).toEqualTypeOf<Float64Array>();
    expectTypeOf(mse(r2, p2, { reduction: "none" })).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(mse(r3, p3, { reduction: "none" })).toEqualTypeOf<NestedFloat64>();
    expectTypeOf(mse(r1, asTensor(p1), { reduction: "none" })).toEqualTypeOf<NestedFloat64>();
    expectTypeOf(mse(r1, p1, { reduction: anyReduction("none") })).toEqualTypeOf<number | Float64Array>();
    expectTypeOf(mseGrad(r1, p1)).toEqualTypeOf<Float64Array>();
    expectTypeOf(mseGrad(r2, p2)).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(mseGrad(r3, p3)).toEqualTypeOf<NestedFloat64>();
    expect(typeof mse(r1, p1)).toBe("number");
    expectVector(mse(r1, new Float64Array(3), { reduction: "none" }), 3);
    expectMatrix(mse(r2, p2, { reduction: "none" }), 2, 2);
    expectDeep(mse(r3, p3, { reduction: "none" }));
    expectVector(mseGrad(r1, p1), 3);
    expectMatrix(mseGrad(r2, p2), 2, 2);
    expectDeep(mseGrad(r3, p3));
  });

  it("bceWithLogits and bceWithLogitsGrad", () => {
    expectTypeOf(bceWithLogits(r1, p1, { posWeight: 2 })).toEqualTypeOf<Float64Array>();
    expectTypeOf(bceWithLogits(r2, p2)).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(bceWithLogits(r3, p3)).toEqualTypeOf<NestedFloat64>();
    expectTypeOf(bceWithLogits(r1, p1, { reduction: "mean" })).toEqualTypeOf<number>();
    expectTypeOf(bceWithLogits(r1, either(p1))).toEqualTypeOf<NestedFloat64>();
    expectTypeOf(bceWithLogitsGrad(r1, p1)).toEqualTypeOf<Float64Array>();
    expectTypeOf(bceWithLogitsGrad(r2, p2)).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(bceWithLogitsGrad(r3, p3)).toEqualTypeOf<NestedFloat64>();
    expectVector(bceWithLogits(r1, p1, { posWeight: 2 }), 3);
    expectMatrix(bceWithLogits(r2, p2), 2, 2);
    expectDeep(bceWithLogits(r3, p3));
    expect(typeof bceWithLogits(r1, p1, { reduction: "mean" })).toBe("number");
    expectVector(bceWithLogitsGrad(r1, p1), 3);
    expectMatrix(bceWithLogitsGrad(r2, p2), 2, 2);
    expectDeep(bceWithLogitsGrad(r3, p3));
  });

  it("sigmoidFocalLoss and sigmoidFocalLossGrad", () => {
    expectTypeOf(sigmoidFocalLoss(r1, p1, { alpha: null })).toEqualTypeOf<Float64Array>();
    expectTypeOf(sigmoidFocalLoss(r2, p2)).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(sigmoidFocalLoss(r3, p3)).toEqualTypeOf<NestedFloat64>();
    expectTypeOf(sigmoidFocalLoss(r1, p1, { reduction: "mean" })).toEqualTypeOf<number>();
    expectTypeOf(sigmoidFocalLossGrad(r1, p1)).toEqualTypeOf<Float64Array>();
    expectTypeOf(sigmoidFocalLossGrad(r2, p2)).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(sigmoidFocalLossGrad(r3, p3)).toEqualTypeOf<NestedFloat64>();
    expectVector(sigmoidFocalLoss(r1, p1, { alpha: null }), 3);
    expectMatrix(sigmoidFocalLoss(r2, p2), 2, 2);
    expectDeep(sigmoidFocalLoss(r3, p3));
    expect(typeof sigmoidFocalLoss(r1, p1, { reduction: "mean" })).toBe("number");
    expectVector(sigmoidFocalLossGrad(r1, p1), 3);
    expectMatrix(sigmoidFocalLossGrad(r2, p2), 2, 2);
    expectDeep(sigmoidFocalLossGrad(r3, p3));
  });

  it("maskedMeanGrad (maskedMean itself always returns a number)", () => {
    const m1 = [1, 1, 0];
    const m2 = [[1, 0], [1, 1]];
    const m3 = [[[1, 0]], [[1, 1]]];
    expectTypeOf(maskedMeanGrad(r1, m1)).toEqualTypeOf<Float64Array>();
    expectTypeOf(maskedMeanGrad(r2, m2, { normalize: "perSequence" })).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(maskedMeanGrad(r3, m3)).toEqualTypeOf<NestedFloat64>();
    expectVector(maskedMeanGrad(r1, m1), 3);
    expectMatrix(maskedMeanGrad(r2, m2, { normalize: "perSequence" }), 2, 2);
    expectDeep(maskedMeanGrad(r3, m3));
  });
});

describe("helpers: sigmoid, logSigmoid, logaddexp keep number → number", () => {
  it("sigmoid and logSigmoid", () => {
    expectTypeOf(sigmoid(2)).toEqualTypeOf<number>();
    expectTypeOf(sigmoid(r1)).toEqualTypeOf<Float64Array>();
    expectTypeOf(sigmoid(r2)).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(sigmoid(r3)).toEqualTypeOf<NestedFloat64>();
    expectTypeOf(sigmoid(asTensor(r1))).toEqualTypeOf<NestedFloat64>();
    expectTypeOf(sigmoid(r1[0] > 0 ? 2 : asTensor(r1))).toEqualTypeOf<number | NestedFloat64>();
    expectTypeOf(logSigmoid(-1000)).toEqualTypeOf<number>();
    expectTypeOf(logSigmoid(r1)).toEqualTypeOf<Float64Array>();
    expectTypeOf(logSigmoid(r2)).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(logSigmoid(r3)).toEqualTypeOf<NestedFloat64>();
    expect(typeof sigmoid(2)).toBe("number");
    expectVector(sigmoid(r1), 3);
    expectMatrix(sigmoid(r2), 2, 2);
    expectDeep(sigmoid(r3));
    expect(typeof logSigmoid(-1000)).toBe("number");
    expectVector(logSigmoid(r1), 3);
    expectMatrix(logSigmoid(r2), 2, 2);
    expectDeep(logSigmoid(r3));
  });

  it("logaddexp: a number broadcasts, so (number, Vector) and (Vector, number) give a Float64Array too", () => {
    expectTypeOf(logaddexp(0, 0)).toEqualTypeOf<number>();
    expectTypeOf(logaddexp(0, r1)).toEqualTypeOf<Float64Array>();
    expectTypeOf(logaddexp(r1, 0)).toEqualTypeOf<Float64Array>();
    expectTypeOf(logaddexp(r1, p1)).toEqualTypeOf<Float64Array>();
    expectTypeOf(logaddexp(0, r2)).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(logaddexp(r2, 0)).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(logaddexp(r2, p2)).toEqualTypeOf<Float64Array[]>();
    expectTypeOf(logaddexp(r3, p3)).toEqualTypeOf<NestedFloat64>();
    expectTypeOf(logaddexp(0, r3)).toEqualTypeOf<NestedFloat64>();
    expectTypeOf(logaddexp(asTensor(r1), asTensor(p1))).toEqualTypeOf<NestedFloat64>();
    const numberOrTensor = r1[0] > 0 ? 1 : asTensor(r1);
    expectTypeOf(logaddexp(numberOrTensor, numberOrTensor)).toEqualTypeOf<number | NestedFloat64>();
    expect(typeof logaddexp(0, 0)).toBe("number");
    expectVector(logaddexp(0, r1), 3);
    expectVector(logaddexp(r1, 0), 3);
    expectVector(logaddexp(r1, p1), 3);
    expectMatrix(logaddexp(0, r2), 2, 2);
    expectMatrix(logaddexp(r2, 0), 2, 2);
    expectMatrix(logaddexp(r2, p2), 2, 2);
    expectDeep(logaddexp(r3, p3));
    expectDeep(logaddexp(0, r3));
  });
});

describe("what a notebook cell can now write without a cast", () => {
  it("indexes, assigns and maps a 1-D result, and reads matrix rows", () => {
    const l = huber([0.5, 2, -3], { reduction: "none" });
    expect(l[0].toFixed(3)).toBe("0.125"); // ½·0.5² (hand-worked)
    const asArrayLike: ArrayLike<number> = bceWithLogits([0], [1]);
    const asTyped: Float64Array = mseGrad([1.5, 1.0, 5.0], [1.0, 2.0, 3.0]);
    const rows: Float64Array[] = sigmoid([[0], [0]]);
    const sum = Array.from(logaddexp(0, [0, 0])).reduce((a, b) => a + b, 0);
    expectClose(asArrayLike[0], Math.LN2, EXACT); // softplus(−0) = log 2 (hand-worked)
    expectClose(asTyped[0], 1 / 3, EXACT); // 2·0.5/3 (the seed's gradient [1, −2, 4]/3)
    expectClose(rows[1][0], 0.5, EXACT); // σ(0) (hand-worked)
    expectClose(sum, 2 * Math.LN2, EXACT); // log(1 + 1) twice (hand-worked)
  });

  it("still rejects what the types rule out", () => {
    // @ts-expect-error a Matrix gives rows, not one Float64Array
    const notRows: Float64Array = huber(r2);
    // @ts-expect-error a reduced loss is a number, not an array
    const notArray: Float64Array = mse(r1, p1);
    // @ts-expect-error deeper input stays NestedFloat64, which may be nested arrays
    const notFlat: Float64Array = sigmoid(r3);
    expect(Array.isArray(notRows)).toBe(true);
    expect(typeof notArray).toBe("number");
    expect(Array.isArray(notFlat)).toBe(true);
  });
});
