import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { logSoftmax, softmax } from "../../src";
import { expectClose } from "../support/close";
import { expectLossError } from "../support/errors";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
const P210 = [0.6652409557748218, 0.24472847105479764, 0.09003057317038046]; // numpy 2.4: softmax([2, 1, 0])

describe("softmax", () => {
  it("matches numpy's shifted softmax and gives the same result at ±1000 (shift by the row max)", () => {
    expectClose(softmax([2, 1, 0]), P210, EXACT);
    expect(Array.from(softmax([1000, 999, 998]))).toEqual(Array.from(softmax([2, 1, 0])));
    expect(Array.from(softmax([-998, -999, -1000]))).toEqual(Array.from(softmax([2, 1, 0])));
    expectClose(softmax([0, 0]), [0.5, 0.5], EXACT);
  });

  it("works row by row on a Matrix (Float64Array[]), on typed rows too", () => {
    const s = softmax([[1000, 1000], new Float32Array([0, 2])]);
    expect(s[0]).toBeInstanceOf(Float64Array);
    const e2 = Math.exp(2);
    expectClose(s, [[0.5, 0.5], [1 / (1 + e2), e2 / (1 + e2)]], EXACT);
  });

  it("gives probability 0 to −∞ entries", () => {
    expectClose(softmax([[0, -Infinity], [-Infinity, 5]]), [[1, 0], [0, 1]], EXACT);
  });

  it("sums to 1 and is unchanged by adding a constant (property)", () => {
    const xs = fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 1, maxLength: 8 });
    fc.assert(fc.property(xs, fc.double({ min: -500, max: 500, noNaN: true }), (x, c) => {
      const p = softmax(x);
      expectClose(p.reduce((a, b) => a + b, 0), 1, { rtol: 0, atol: 1e-14 });
      expectClose(softmax(x.map((v) => v + c)), p, { rtol: 1e-9, atol: 1e-15 });
    }));
  });

  it("rejects +∞, rows of only −∞, NaN, empty and ragged input", () => {
    expectLossError(() => softmax([0, Infinity]), "NOT_FINITE", "softmax", "x");
    expectLossError(() => softmax([[0, 1], [-Infinity, -Infinity]]), "NOT_FINITE", "softmax", "x");
    expectLossError(() => softmax([NaN]), "NOT_FINITE", "softmax", "x");
    expectLossError(() => softmax([]), "EMPTY", "softmax", "x");
    expectLossError(() => softmax([[1, 2], [3]]), "SHAPE_MISMATCH", "softmax", "x");
  });
});

describe("logSoftmax", () => {
  it("is exact for huge logits: [1000, 999, 998] gives the digits of [2, 1, 0]", () => {
    // numpy 2.4: x − max − log Σ e^(x − max) for [2, 1, 0].
    const want = [-0.4076059644443804, -1.4076059644443804, -2.4076059644443806];
    expectClose(logSoftmax([2, 1, 0]), want, EXACT);
    expect(Array.from(logSoftmax([1000, 999, 998]))).toEqual(Array.from(logSoftmax([2, 1, 0])));
    expect(Array.from(logSoftmax([-998, -999, -1000]))).toEqual(Array.from(logSoftmax([2, 1, 0])));
  });

  it("keeps −∞ entries at −∞ and works on matrices", () => {
    expectClose(logSoftmax([[0, -Infinity], [0, 0]]), [[0, -Infinity], [-Math.LN2, -Math.LN2]], EXACT);
  });

  it("equals log(softmax(x)) and its exponentials sum to 1 (property)", () => {
    const xs = fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: 1, maxLength: 8 });
    fc.assert(fc.property(xs, (x) => {
      const l = logSoftmax(x);
      expectClose(l, Array.from(softmax(x), Math.log), { rtol: 1e-11, atol: 1e-13 });
      expectClose(l.reduce((a, v) => a + Math.exp(v), 0), 1, { rtol: 0, atol: 1e-14 });
    }));
  });

  it("rejects the inputs softmax rejects", () => {
    expectLossError(() => logSoftmax([Infinity, 0]), "NOT_FINITE", "logSoftmax", "x");
    expectLossError(() => logSoftmax([-Infinity]), "NOT_FINITE", "logSoftmax", "x");
    expectLossError(() => logSoftmax([[0], [NaN]]), "NOT_FINITE", "logSoftmax", "x");
    expectLossError(() => logSoftmax([]), "EMPTY", "logSoftmax", "x");
  });
});
