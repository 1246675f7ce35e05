import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { huber, huberGrad } from "../../src";
import { expectClose, flat } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectGradient } from "../support/gradcheck";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
const SEED = { rtol: 1e-7, atol: 1e-7 }; // the seed's check_close(tol=1e-7)
const FD = { rtol: 1e-5, atol: 1e-6 }; // central differences, h = 1e-6: Huber's f'' jumps at |r| = δ (error ≤ h/2)

// PyTorch 1.13.1 (Debian python3-torch), float64:
//   F.huber_loss(r, zeros, reduction="none", delta=d) and autograd of its sum, for this r.
const R = [-2.5, -1.0, -0.3, 0.0, 0.7, 1.0, 4.2];
const TORCH = {
  1: { value: [2.0, 0.5, 0.045, 0.0, 0.24499999999999997, 0.5, 3.7], grad: [-1, -1, -0.3, 0, 0.7, 1, 1] },
  0.8: {
    value: [1.6800000000000002, 0.48, 0.045, 0.0, 0.24499999999999997, 0.48, 3.0400000000000005],
    grad: [-0.8, -0.8, -0.3, 0, 0.7, 0.8, 0.8],
  },
};

const residual = fc.double({ min: -1e3, max: 1e3, noNaN: true });
// For finite differences keep Σ values small (≤ ~200): the rounding of the summed total divided by 2h stays < 1e-7.
const fdResidual = fc.double({ min: -20, max: 20, noNaN: true });
const delta = fc.double({ min: 1e-3, max: 10, noNaN: true });

describe("huber", () => {
  it("matches the seed's exercise 2 values (delta = 1)", () => {
    // Seed: np.where(|r| <= 1, 0.5 r², |r| − 0.5) on [-2, -0.5, 0, 0.5, 3] → [1.5, 0.125, 0, 0.125, 2.5].
    expectClose(huber([-2.0, -0.5, 0.0, 0.5, 3.0]), [1.5, 0.125, 0.0, 0.125, 2.5], SEED);
  });

  it("gives hand-worked values on both sides of delta = 2", () => {
    // By hand: |−2| ≤ 2 → ½·4 = 2; |3| > 2 → 2·(3 − 1) = 4; sum 6, mean 3.
    expectClose(huber([-2, 3], { delta: 2 }), [2, 4], EXACT);
    expectClose(huber([-2, 3], { delta: 2, reduction: "sum" }), 6, EXACT);
    expectClose(huber([-2, 3], { delta: 2, reduction: "mean" }), 3, EXACT);
  });

  it("matches torch.nn.functional.huber_loss values and autograd gradients", () => {
    for (const d of [1, 0.8] as const) {
      expectClose(huber(R, { delta: d }), TORCH[d].value, EXACT);
      expectClose(huberGrad(R, { delta: d }), TORCH[d].grad, EXACT);
    }
  });

  it("keeps the nesting of 2-D and 3-D input and reads typed arrays", () => {
    const out = huber([[[-2, 0.5]], [[3, 0]]]);
    expectClose(out, [[[1.5, 0.125]], [[2.5, 0]]], EXACT);
    expect(Array.isArray(out)).toBe(true);
    expectClose(huber(new Float32Array([-2, 0.5])), [1.5, 0.125], EXACT);
    expectClose(huberGrad([[-2, 0.5]]), [[-1, 0.5]], EXACT);
  });

  it("writes value and gradient into caller's out buffers", () => {
    const out = new Float64Array(2);
    expect(huber([-2, 0.5], { out })).toBe(out);
    expectClose(out, [1.5, 0.125], EXACT);
    expect(huberGrad([-2, 0.5], { out })).toBe(out);
    expectClose(out, [-1, 0.5], EXACT);
  });

  it("has a gradient equal to central finite differences for every reduction", () => {
    const r = [[1.7, -0.4, 0.05], [-3.2, 0.9, 2.5]];
    for (const reduction of ["none", "mean", "sum"] as const) {
      expectGradient((x) => huber(x as number[][], { delta: 1.3, reduction }), huberGrad(r, { delta: 1.3, reduction }), r);
    }
  });

  it("gradients equal finite differences on random inputs (property)", () => {
    fc.assert(
      fc.property(fc.array(fdResidual, { minLength: 1, maxLength: 8 }), delta, (r, d) => {
        expectGradient((x) => huber(x as number[], { delta: d }), huberGrad(r, { delta: d }), r, FD);
      }),
      { numRuns: 60 },
    );
  });

  it("is exactly ½r² for |r| ≤ delta (property, bit-identical to the textbook formula)", () => {
    fc.assert(
      fc.property(delta, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (d, frac, neg) => {
        const r = (neg ? -1 : 1) * frac * d;
        const v = flat(huber([r], { delta: d }))[0];
        return Object.is(v, 0.5 * r * r) || (v === 0 && r * r === 0);
      }),
      { numRuns: 500 },
    );
  });

  it("is δ(|r| − ½δ) for |r| > delta to ~1 ulp, and ≥ 0 (property)", () => {
    // The branch-free form is within 1.2 ulp of the exact value, the textbook one within 1.4 ulp: rtol 1e-15.
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), delta, (r, d) => {
        const v = flat(huber([r], { delta: d }))[0];
        expect(v).toBeGreaterThanOrEqual(0);
        if (Math.abs(r) > d) expectClose(v, d * (Math.abs(r) - 0.5 * d), { rtol: 1e-15, atol: 0 });
      }),
      { numRuns: 500 },
    );
  });

  it("has the gradient clamp(r, −δ, δ) exactly (property)", () => {
    fc.assert(
      fc.property(fc.array(residual, { minLength: 1, maxLength: 8 }), delta, (r, d) => {
        const g = flat(huberGrad(r, { delta: d }));
        r.forEach((ri, i) => expect(g[i]).toBe(Math.max(-d, Math.min(ri, d))));
      }),
    );
  });

  it("stays finite for extreme inputs", () => {
    // By hand: δ(|r| − ½δ) with r = ±1e300, δ = 1 rounds to 1e300; r near the float64 maximum stays finite.
    expectClose(huber([1e300, -1e300]), [1e300, 1e300], EXACT);
    expect(Number.isFinite(huber([1.7e308], { reduction: "sum" }))).toBe(true);
    expectClose(huberGrad([1e300, -1e300, 1e-300], { delta: 1e-300 }), [1e-300, -1e-300, 1e-300], EXACT);
    expectClose(huber([1e-200]), [0], EXACT); // ½·1e-400 underflows to 0, the correctly rounded value
  });

  it("rejects bad input with typed errors", () => {
    expectLossError(() => huber([]), "EMPTY", "huber", "residual");
    expectLossError(() => huber([[1, 2], [3]]), "SHAPE_MISMATCH", "huber", "residual");
    expectLossError(() => huber([NaN]), "NOT_FINITE", "huber", "residual");
    expectLossError(() => huber([Infinity]), "NOT_FINITE", "huber", "residual");
    expectLossError(() => huber([1], { delta: 0 }), "OUT_OF_DOMAIN", "huber", "delta");
    expectLossError(() => huber([1], { delta: -1 }), "OUT_OF_DOMAIN", "huber", "delta");
    expectLossError(() => huber([1], { delta: NaN }), "NOT_FINITE", "huber", "delta");
    expectLossError(() => huber([1], { reduction: "avg" as "mean" }), "OUT_OF_DOMAIN", "huber", "reduction");
    expectLossError(() => huber([1, 2], { out: new Float64Array(3) }), "SHAPE_MISMATCH", "huber", "out");
    expectLossError(() => huber("12" as unknown as number[]), "INVALID_TYPE", "huber", "residual");
    expectLossError(() => huberGrad([1], { delta: 0 }), "OUT_OF_DOMAIN", "huberGrad", "delta");
    expectLossError(() => huberGrad([NaN]), "NOT_FINITE", "huberGrad", "residual");
  });
});
