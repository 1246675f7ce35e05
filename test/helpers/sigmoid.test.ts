import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { logSigmoid, sigmoid } from "../../src";
import { expectClose } from "../support/close";
import { expectLossError } from "../support/errors";

const EXACT = { rtol: 1e-12, atol: 1e-15 };

describe("sigmoid", () => {
  it("matches the closed form 1/(1 + e^−z) (hand-worked: σ(0) = ½)", () => {
    expect(sigmoid(0)).toBe(0.5);
    expectClose(sigmoid(1), 1 / (1 + Math.exp(-1)), EXACT);
    expectClose(sigmoid(-1), Math.exp(-1) / (1 + Math.exp(-1)), EXACT);
    expectClose(sigmoid(-50), Math.exp(-50), { rtol: 1e-12, atol: 0 }); // 1/(1 + e⁵⁰) ≈ e⁻⁵⁰, relative accuracy kept
  });

  it("never overflows: ±1000 give exactly 0 and 1, ±∞ their limits", () => {
    expect(Array.from(sigmoid([-1000, 0, 1000]) as Float64Array)).toEqual([0, 0.5, 1]);
    expect(sigmoid(-Infinity)).toBe(0);
    expect(sigmoid(Infinity)).toBe(1);
  });

  it("keeps the nesting of its input, last axis a Float64Array", () => {
    const out = sigmoid([[0, 0], [0, 0]]) as Float64Array[];
    expect(Array.isArray(out)).toBe(true);
    expect(out[1]).toBeInstanceOf(Float64Array);
    expectClose(sigmoid(new Float32Array([0])), [0.5], EXACT);
  });

  it("is symmetric, σ(z) + σ(−z) = 1, and stays in [0, 1] (property)", () => {
    fc.assert(fc.property(fc.double({ min: -800, max: 800, noNaN: true }), (z) => {
      const s = sigmoid(z);
      expectClose(s + sigmoid(-z), 1, { rtol: 0, atol: 2e-16 });
      return s >= 0 && s <= 1;
    }));
  });

  it("rejects NaN, empty, ragged and non-numeric input", () => {
    expectLossError(() => sigmoid(NaN), "NOT_FINITE", "sigmoid", "z");
    expectLossError(() => sigmoid([0, NaN]), "NOT_FINITE", "sigmoid", "z");
    expectLossError(() => sigmoid([]), "EMPTY", "sigmoid", "z");
    expectLossError(() => sigmoid([[1, 2], [3]]), "SHAPE_MISMATCH", "sigmoid", "z");
    expectLossError(() => sigmoid("1" as unknown as number), "INVALID_TYPE", "sigmoid", "z");
  });
});

describe("logSigmoid", () => {
  it("is −log 2 at 0 and z at very negative z (hand-worked)", () => {
    expectClose(logSigmoid(0), -Math.LN2, EXACT);
    expect(logSigmoid(-1000)).toBe(-1000);
    expect(logSigmoid(1000)).toBe(0); // min(z, 0) − log1p(e⁻¹⁰⁰⁰) = 0: the true value −e⁻¹⁰⁰⁰ is below float64
  });

  it("keeps relative accuracy where log(sigmoid(z)) rounds: log σ(30) ≈ −e⁻³⁰", () => {
    // log σ(z) = −log1p(e^−z) = −e^−z + O(e^−2z) (Taylor series).
    expectClose(logSigmoid(30), -Math.exp(-30), { rtol: 1e-12, atol: 0 });
  });

  it("gives −∞ at −∞ and 0 at +∞", () => {
    expectClose(logSigmoid([-Infinity, Infinity]), [-Infinity, 0], EXACT);
  });

  it("equals log(σ(z)) where that is representable (property)", () => {
    fc.assert(fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (z) => {
      expectClose(logSigmoid(z), Math.log(sigmoid(z)), { rtol: 1e-12, atol: 1e-15 });
    }));
  });

  it("rejects NaN and wrong types", () => {
    expectLossError(() => logSigmoid([NaN]), "NOT_FINITE", "logSigmoid", "z");
    expectLossError(() => logSigmoid({} as unknown as number), "INVALID_TYPE", "logSigmoid", "z");
  });
});
