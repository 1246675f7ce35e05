import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { huber, smoothL1, smoothL1Grad } from "../../src";
import { expectClose, flat } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectGradient } from "../support/gradcheck";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
const SEED = { rtol: 1e-7, atol: 1e-7 }; // the seed's check_close(tol=1e-7)
const FD = { rtol: 1e-5, atol: 1e-6 }; // central differences, h = 1e-6, across the |r| = β seam

// PyTorch 1.13.1 (Debian python3-torch), float64: F.smooth_l1_loss(r, zeros, reduction=…, beta=b) and autograd.
const R = [-2.5, -1.0, -0.3, 0.0, 0.7, 1.0, 4.2];
const TORCH_08 = {
  value: [2.1, 0.6, 0.056249999999999994, 0.0, 0.30624999999999997, 0.6, 3.8000000000000003],
  grad: [-1, -1, -0.37499999999999994, 0, 0.8749999999999999, 1, 1],
  mean: 1.0660714285714286,
  meanGrad: [-0.14285714285714285, -0.14285714285714285, -0.05357142857142856, 0, 0.12499999999999999, 0.14285714285714285, 0.14285714285714285],
};
const TORCH_L1 = { value: [2.5, 1.0, 0.3, 0.0, 0.7, 1.0, 4.2], mean: 1.385714285714286 }; // beta = 0

const residual = fc.double({ min: -1e3, max: 1e3, noNaN: true });
// For finite differences keep Σ values small (≤ ~200): the rounding of the summed total divided by 2h stays < 1e-7.
const fdResidual = fc.double({ min: -20, max: 20, noNaN: true });
const beta = fc.double({ min: 1e-3, max: 10, noNaN: true });

describe("smoothL1", () => {
  it("matches the seed's exercise 2 values (beta = 1, where smooth L1 = Huber)", () => {
    expectClose(smoothL1([-2.0, -0.5, 0.0, 0.5, 3.0]), [1.5, 0.125, 0.0, 0.125, 2.5], SEED);
  });

  it("gives hand-worked values for beta = 2", () => {
    // By hand: |−2| is not < 2 → 2 − 1 = 1; ½·0.25/2 = 0.0625; 3 − 1 = 2. Gradient clamp(r, −2, 2)/2.
    expectClose(smoothL1([-2, -0.5, 3], { beta: 2 }), [1, 0.0625, 2], EXACT);
    expectClose(smoothL1Grad([-2, -0.5, 3], { beta: 2 }), [-1, -0.25, 1], EXACT);
    expectClose(smoothL1([-2, -0.5, 3], { beta: 2, reduction: "sum" }), 3.0625, EXACT);
  });

  it("matches torch.nn.functional.smooth_l1_loss values and autograd gradients", () => {
    expectClose(smoothL1(R, { beta: 0.8 }), TORCH_08.value, EXACT);
    expectClose(smoothL1Grad(R, { beta: 0.8 }), TORCH_08.grad, EXACT);
    expectClose(smoothL1(R, { beta: 0.8, reduction: "mean" }), TORCH_08.mean, EXACT);
    expectClose(smoothL1Grad(R, { beta: 0.8, reduction: "mean" }), TORCH_08.meanGrad, EXACT);
  });

  it("is the L1 loss for beta = 0, with gradient sign(r) and 0 at r = 0", () => {
    // PyTorch: "When beta is set to 0, this is equivalent to L1Loss"; values from torch 1.13.1 as above.
    expectClose(smoothL1(R, { beta: 0 }), TORCH_L1.value, EXACT);
    expectClose(smoothL1(R, { beta: 0, reduction: "mean" }), TORCH_L1.mean, EXACT);
    // L1Loss's gradient is sign(r) (torch.nn.functional.l1_loss autograd gives 0 at r = 0; torch 1.13's
    // smooth_l1_loss(beta=0) gives −1 there, a quirk we do not copy).
    expectClose(smoothL1Grad(R, { beta: 0 }), [-1, -1, -1, 0, 1, 1, 1], EXACT);
  });

  it("keeps nesting, reads typed arrays and writes into out buffers", () => {
    expectClose(smoothL1([[[-2, 0.5]], [[3, 0]]]), [[[1.5, 0.125]], [[2.5, 0]]], EXACT);
    expectClose(smoothL1(new Float32Array([-2, 0.5])), [1.5, 0.125], EXACT);
    const out = new Float64Array(2);
    const g = smoothL1Grad([[-2, 0.5]], { out }) as Float64Array[];
    expect(g[0].buffer).toBe(out.buffer); // rows are views of the caller's buffer
    expectClose(out, [-1, 0.5], EXACT);
  });

  it("has a gradient equal to central finite differences for every reduction", () => {
    const r = [[1.7, -0.4, 0.05], [-3.2, 0.9, 2.5]];
    for (const reduction of ["none", "mean", "sum"] as const) {
      expectGradient((x) => smoothL1(x as number[][], { beta: 0.7, reduction }), smoothL1Grad(r, { beta: 0.7, reduction }), r);
    }
    // beta = 0 (L1) away from r = 0, where |r| is differentiable.
    expectGradient((x) => smoothL1(x as number[][], { beta: 0 }), smoothL1Grad(r, { beta: 0 }), r);
  });

  it("gradients equal finite differences on random inputs (property)", () => {
    fc.assert(
      fc.property(fc.array(fdResidual, { minLength: 1, maxLength: 8 }), beta, (r, b) => {
        expectGradient((x) => smoothL1(x as number[], { beta: b }), smoothL1Grad(r, { beta: b }), r, FD);
      }),
      { numRuns: 60 },
    );
  });

  it("equals huber(r; δ = β)/β and is ≥ 0 (property, the PyTorch documentation's identity)", () => {
    fc.assert(
      fc.property(fc.array(residual, { minLength: 1, maxLength: 8 }), beta, (r, b) => {
        const s = flat(smoothL1(r, { beta: b }));
        const h = flat(huber(r, { delta: b })).map((v) => v / b);
        expectClose(s, h, { rtol: 1e-14, atol: 0 }); // both within ~1 ulp of exact: a few ulps apart at most
        s.forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
      }),
      { numRuns: 200 },
    );
  });

  it("is exactly ½r²/β inside the quadratic zone (property, bit-identical to PyTorch's formula)", () => {
    fc.assert(
      fc.property(beta, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (b, frac) => {
        const r = frac * b;
        return Object.is(flat(smoothL1([r], { beta: b }))[0], (0.5 * r * r) / b);
      }),
      { numRuns: 500 },
    );
  });

  it("stays finite for extreme inputs", () => {
    // By hand: |r| − ½β with r = 1e300 rounds to 1e300; gradients are ±1 in the tails.
    expectClose(smoothL1([1e300, -1e300], { beta: 1e-300 }), [1e300, 1e300], EXACT);
    expectClose(smoothL1Grad([1e300, -1e300, 1e-300], { beta: 1e300 }), [1, -1, 0], EXACT); // 1e-300/1e300 underflows to 0
    expect(Number.isFinite(smoothL1([1.7e308], { reduction: "sum" }))).toBe(true);
  });

  it("rejects bad input with typed errors", () => {
    expectLossError(() => smoothL1([]), "EMPTY", "smoothL1", "residual");
    expectLossError(() => smoothL1([[1], [2, 3]]), "SHAPE_MISMATCH", "smoothL1", "residual");
    expectLossError(() => smoothL1([NaN]), "NOT_FINITE", "smoothL1", "residual");
    expectLossError(() => smoothL1([-Infinity]), "NOT_FINITE", "smoothL1", "residual");
    expectLossError(() => smoothL1([1], { beta: -0.5 }), "OUT_OF_DOMAIN", "smoothL1", "beta");
    expectLossError(() => smoothL1([1], { beta: Infinity }), "NOT_FINITE", "smoothL1", "beta");
    expectLossError(() => smoothL1([1], { reduction: "max" as "sum" }), "OUT_OF_DOMAIN", "smoothL1", "reduction");
    expectLossError(() => smoothL1Grad([1, 2], { out: new Float64Array(1) }), "SHAPE_MISMATCH", "smoothL1Grad", "out");
    expectLossError(() => smoothL1Grad([1], { beta: -1 }), "OUT_OF_DOMAIN", "smoothL1Grad", "beta");
  });
});
