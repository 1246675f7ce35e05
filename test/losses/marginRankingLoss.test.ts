import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { marginRankingLoss, marginRankingLossGrad, type MarginRankingLossOptions } from "../../src";
import { expectClose } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectGradient } from "../support/gradcheck";
import { expectGradOutErrors, expectGradOutReuse } from "../support/gradOut";

const EXACT = { rtol: 1e-12, atol: 1e-15 };

describe("marginRankingLoss", () => {
  it("matches PyTorch's MarginRankingLoss values and gradients", () => {
    // PyTorch 1.13 F.margin_ranking_loss(margin=0.1, reduction="none"), float64: test/losses/reference/pairLosses.py
    const x1 = [0.8, 0.2, 0.5];
    const x2 = [0.3, 0.6, 0.5];
    const y = [1, 1, -1];
    expectClose(marginRankingLoss(x1, x2, y, { margin: 0.1 }), [0, 0.5, 0.1], EXACT);
    expectClose(marginRankingLossGrad(x1, x2, y, { margin: 0.1 }), { x1: [0, -1, 1], x2: [0, 1, -1] }, EXACT);
  });

  it("is max(0, −y·(x1 − x2) + margin) with PyTorch's reductions (hand-worked)", () => {
    // Pairs: −1·(2 − 1) + 0 = −1 → 0; −1·(−1 − 1) + 0 = 2 → 2. Sum 2, mean 1. Default margin 0, reduction none.
    expectClose(marginRankingLoss([2, -1], [1, 1], [1, 1]), [0, 2], EXACT);
    expectClose(marginRankingLoss([2, -1], [1, 1], 1, { reduction: "sum" }), 2, EXACT);
    expectClose(marginRankingLoss([2, -1], [1, 1], 1, { reduction: "mean" }), 1, EXACT);
    // y = −1 flips the order: 1·(2 − 1) = 1 → 1; 1·(−1 − 1) = −2 → 0.
    expectClose(marginRankingLoss([2, -1], [1, 1], -1), [1, 0], EXACT);
  });

  it("accepts typed arrays and writes into a caller's out buffer", () => {
    const out = new Float64Array(2);
    expect(marginRankingLoss(new Float32Array([2, -1]), new Float64Array([1, 1]), new Int8Array([1, 1]), { out })).toBe(out);
    expectClose(out, [0, 2], EXACT);
  });

  it("has gradients equal to central finite differences for every reduction", () => {
    const x1 = [0.3, -1.2, 2.0, 0.7];
    const x2 = [0.1, 0.5, -0.7, 0.75];
    const y = [1, 1, -1, -1];
    for (const reduction of ["none", "mean", "sum"] as const) {
      const o = { margin: 0.25, reduction };
      const g = marginRankingLossGrad(x1, x2, y, o);
      expectGradient((x) => marginRankingLoss(x as number[], x2, y, o), g.x1, x1);
      expectGradient((x) => marginRankingLoss(x1, x as number[], y, o), g.x2, x2);
    }
  });

  it("takes the active side's gradient at the kink (loss exactly 0), as PyTorch's clamp_min", () => {
    // PyTorch: x1 = 1, x2 = 0.5, y = 1, margin 0.5 → −0.5 + 0.5 = 0; grads x1 = −1, x2 = 1 (pairLosses.py).
    expect(marginRankingLoss([1], [0.5], [1], { margin: 0.5 })[0]).toBe(0);
    expectClose(marginRankingLossGrad([1], [0.5], [1], { margin: 0.5 }), { x1: [-1], x2: [1] }, EXACT);
  });

  it("is ≥ 0 and its gradients equal finite differences on random inputs (property)", () => {
    const pair = fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), fc.constantFrom(1, -1));
    fc.assert(
      fc.property(fc.array(pair, { minLength: 1, maxLength: 6 }), fc.double({ min: -2, max: 2, noNaN: true }), (pairs, margin) => {
        const x1 = pairs.map((p) => p[0]);
        const x2 = pairs.map((p) => p[1]);
        const y = pairs.map((p) => p[2]);
        const loss = marginRankingLoss(x1, x2, y, { margin });
        expect(Array.from(loss).every((v) => v >= 0)).toBe(true);
        fc.pre(pairs.every(([a, b, s]) => Math.abs(-s * (a - b) + margin) > 1e-3)); // away from the kinks
        const g = marginRankingLossGrad(x1, x2, y, { margin, reduction: "mean" });
        const tol = { rtol: 1e-6, atol: 1e-7 };
        expectGradient((x) => marginRankingLoss(x as number[], x2, y, { margin, reduction: "mean" }), g.x1, x1, tol, 1e-5);
        expectGradient((x) => marginRankingLoss(x1, x as number[], y, { margin, reduction: "mean" }), g.x2, x2, tol, 1e-5);
      }),
      { numRuns: 100 },
    );
  });

  it("stays finite for extreme inputs, and gives Infinity (never NaN) past float64", () => {
    expectClose(marginRankingLoss([-1e300], [1e300], 1), [2e300], EXACT);
    expectClose(marginRankingLoss([1e300], [-1e300], 1), [0], EXACT);
    expect(marginRankingLoss([-1e308], [1e308], 1)[0]).toBe(Infinity);
    expectClose(marginRankingLossGrad([-1e308], [1e308], 1), { x1: [-1], x2: [1] }, EXACT);
  });

  it("rejects bad input with typed errors", () => {
    const fn = "marginRankingLoss";
    expectLossError(() => marginRankingLoss([], [], []), "EMPTY", fn, "x1");
    expectLossError(() => marginRankingLoss([1, 2], [1], [1, 1]), "SHAPE_MISMATCH", fn, "x2");
    expectLossError(() => marginRankingLoss([1, 2], [1, 2], [1]), "SHAPE_MISMATCH", fn, "y");
    expectLossError(() => marginRankingLoss([1, 2], [1, 2], [1, 0]), "OUT_OF_DOMAIN", fn, "y");
    expectLossError(() => marginRankingLoss([1], [1], 0.5), "OUT_OF_DOMAIN", fn, "y");
    expectLossError(() => marginRankingLoss([1], [1], NaN), "NOT_FINITE", fn, "y");
    expectLossError(() => marginRankingLoss([NaN], [1], [1]), "NOT_FINITE", fn, "x1");
    expectLossError(() => marginRankingLoss([1], [Infinity], [1]), "NOT_FINITE", fn, "x2");
    expectLossError(() => marginRankingLoss([1], [1], [1], { margin: Infinity }), "NOT_FINITE", fn, "margin");
    expectLossError(() => marginRankingLoss([1], [1], [1], { reduction: "max" as "sum" }), "OUT_OF_DOMAIN", fn, "reduction");
    expectLossError(() => marginRankingLoss([1], [1], [1], { out: new Float64Array(2) }), "SHAPE_MISMATCH", fn, "out");
    expectLossError(() => marginRankingLoss({} as unknown as number[], [1], [1]), "INVALID_TYPE", fn, "x1");
    expectLossError(() => marginRankingLossGrad([1], [1], [2]), "OUT_OF_DOMAIN", "marginRankingLossGrad", "y");
  });
  it("writes its gradients into the caller's gradOut buffers, reused across calls (issue 6)", () => {
    const x1 = [0.3, -1.2, 2.0, 0.7];
    const x2 = [0.1, 0.5, -0.7, 0.75];
    for (const reduction of ["none", "mean", "sum"] as const) {
      // Same buffers, same values (bit for bit) as fresh calls; the second call has other inputs, typed, one label.
      expectGradOutReuse(
        { x1: 4, x2: 4 },
        (gradOut) => marginRankingLossGrad(x1, x2, [1, 1, -1, -1], { margin: 0.25, reduction, gradOut }),
        (gradOut) => marginRankingLossGrad(new Float64Array(x2), new Float32Array(x1), 1, { reduction, gradOut }),
      );
    }
    // Hand-worked, "mean" over 2 pairs: only pair 2 is active (−1·(0.2 − 0.6) = 0.4 ≥ 0), so ∂/∂x1 = [0, −1/2].
    const gradOut = { x1: new Float64Array(2).fill(NaN) };
    const g = marginRankingLossGrad([0.8, 0.2], [0.3, 0.6], [1, 1], { reduction: "mean", gradOut });
    expect(g.x1).toBe(gradOut.x1);
    expectClose(gradOut.x1, [0, -0.5], EXACT);
    // The value function ignores gradOut (not even checked).
    const ignored = { gradOut: { x1: new Float64Array(99) } };
    expect(marginRankingLoss([0.8, 0.2], [0.3, 0.6], [1, 1], ignored)).toEqual(marginRankingLoss([0.8, 0.2], [0.3, 0.6], [1, 1]));
  });

  it("rejects a bad gradOut, and gradOut buffers sharing memory with an input (not computed in place)", () => {
    const fn = "marginRankingLossGrad";
    expectGradOutErrors(fn, { x1: 2, x2: 2 }, (gradOut) => marginRankingLossGrad([0.8, 0.2], [0.3, 0.6], [1, 1], { gradOut } as MarginRankingLossOptions));
    const x1 = new Float64Array([0.8, 0.2]);
    const y = new Float64Array([1, 1]);
    expectLossError(() => marginRankingLossGrad(x1, [0.3, 0.6], y, { gradOut: { x1 } }), "OUT_OF_DOMAIN", fn, "gradOut.x1");
    // In place over the labels would let bad labels through: y = [2, 2] with "mean" would be overwritten with −1s.
    expectLossError(() => marginRankingLossGrad(x1, [0.3, 0.6], y, { gradOut: { x2: y } }), "OUT_OF_DOMAIN", fn, "gradOut.x2");
    const buf = new Float64Array(3); // x2 is buf[0, 2), gradOut.x1 buf[1, 3): one element shared
    expectLossError(() => marginRankingLossGrad(x1, buf.subarray(0, 2), 1, { gradOut: { x1: buf.subarray(1) } }), "OUT_OF_DOMAIN", fn, "gradOut.x1");
    const f32 = new Float32Array(buf.buffer, 8, 2); // a Float32Array over bytes of gradOut.x2
    const e = expectLossError(() => marginRankingLossGrad(f32, [1, 2], 1, { gradOut: { x2: buf.subarray(1) } }), "OUT_OF_DOMAIN", fn, "gradOut.x2");
    expect(e.message).toContain("must not overlap the input x1");
    expect(Array.from(x1)).toEqual([0.8, 0.2]); // rejected before anything was written
    expect(Array.from(y)).toEqual([1, 1]);
  });
});
