import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { preferenceLoss, preferenceRewards } from "../../src";
import { expectClose } from "../support/close";
import { expectLossError } from "../support/errors";

const EXACT = { rtol: 1e-12, atol: 1e-15 };

describe("preferenceRewards", () => {
  it("matches TRL's rewards/chosen, rejected, margins and accuracies", () => {
    // TRL DPOTrainer's reward formulas in PyTorch 1.13, float64, β = 0.5: test/losses/reference/pairLosses.py
    const r = preferenceRewards([-2.0, -1.5, -0.3], [-3.0, -1.0, -4.0], [-2.2, -1.4, -0.5], [-2.8, -1.1, -3.0], { beta: 0.5 });
    expectClose(r, {
      chosen: [0.10000000000000009, -0.050000000000000044, 0.1],
      rejected: [-0.10000000000000009, 0.050000000000000044, -0.5],
      margins: [0.20000000000000018, -0.10000000000000009, 0.6],
      accuracy: 2 / 3,
    }, EXACT);
    expect(r.chosen).toBeInstanceOf(Float64Array);
  });

  it("computes β·log-ratios on the seed's batch (hand-worked, default β = 0.1)", () => {
    // Seed exercise 9: logp_w − ref_w = [0.2, −0.1], logp_l − ref_l = [−0.2, 0.1] (up to rounding).
    const r = preferenceRewards([-2.0, -1.5], [-3.0, -1.0], [-2.2, -1.4], [-2.8, -1.1]);
    expectClose(r.chosen, [0.1 * (-2.0 - -2.2), 0.1 * (-1.5 - -1.4)], EXACT);
    expectClose(r.rejected, [0.1 * (-3.0 - -2.8), 0.1 * (-1.0 - -1.1)], EXACT);
    expectClose(r.margins, [0.04, -0.02], { rtol: 1e-12, atol: 1e-15 });
    expect(r.accuracy).toBe(0.5);
  });

  it("counts ties as wrong, as TRL's chosen > rejected", () => {
    expect(preferenceRewards([-1, -1], [-1, -2], [-1, -1], [-1, -1]).accuracy).toBe(0.5);
  });

  it("has margins = βh, the quantity the sigmoid loss scores: loss = softplus(−margin) (property)", () => {
    const v = fc.double({ min: -30, max: 0, noNaN: true });
    fc.assert(
      fc.property(v, v, v, v, fc.double({ min: 0.01, max: 3, noNaN: true }), (w, l, rw, rl, beta) => {
        const m = preferenceRewards([w], [l], [rw], [rl], { beta }).margins[0];
        const softplus = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
        expectClose(preferenceLoss([w], [l], [rw], [rl], { beta }), [softplus(-m)], { rtol: 1e-9, atol: 1e-12 });
        const acc = preferenceRewards([w], [l], [rw], [rl], { beta }).accuracy;
        expect(acc === 1).toBe(m > 0);
      }),
    );
  });

  it("stays finite for extreme inputs and never gives a NaN margin", () => {
    const r = preferenceRewards([-1000], [0], [0], [-1000], { beta: 10 });
    expectClose(r, { chosen: [-10000], rejected: [10000], margins: [-20000], accuracy: 0 }, EXACT);
    // Both rewards overflow to +Infinity; the margin is the rescaled gap (0 here), not ∞ − ∞.
    const big = preferenceRewards([1e308], [1e308], [-1e308], [-1e308], { beta: 1 });
    expect(Array.from(big.chosen)).toEqual([Infinity]);
    expect(Array.from(big.margins)).toEqual([0]);
    expect(big.accuracy).toBe(0);
  });

  it("rejects bad input with typed errors", () => {
    const fn = "preferenceRewards";
    expectLossError(() => preferenceRewards([-1], [-1], [-1], [-1], { beta: 0 }), "OUT_OF_DOMAIN", fn, "beta");
    expectLossError(() => preferenceRewards([-1], [-1], [-1], [-1], { beta: Infinity }), "NOT_FINITE", fn, "beta");
    expectLossError(() => preferenceRewards([], [], [], []), "EMPTY", fn, "logpW");
    expectLossError(() => preferenceRewards([-1], [-1], [-1, -2], [-1]), "SHAPE_MISMATCH", fn, "refW");
    expectLossError(() => preferenceRewards([-1], [NaN], [-1], [-1]), "NOT_FINITE", fn, "logpL");
    expectLossError(() => preferenceRewards([-1], [-1], [-1], ["a"] as unknown as number[]), "INVALID_TYPE", fn, "refL");
  });
});
