import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { focalLoss, focalLossGrad } from "../../src";
import { expectClose, flat } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectGradient } from "../support/gradcheck";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
const SEED = { rtol: 1e-7, atol: 1e-7 }; // the seed's check_close(tol=1e-7)

// PyTorch 1.13.1 (Debian python3-torch), float64: −((1 − pt)**γ)·torch.log(pt) and autograd of its sum.
const PT = [0.95, 0.55, 0.1, 0.999, 1e-3];
const TORCH = {
  2: {
    value: [0.00012823323596887666, 0.12106199265301311, 1.865093925325177, 1.0005003335835363e-9, 6.893946676179452],
    grad: [-0.007760908386123488, -0.9062351188618764, -12.24465316738928, -3.0020016681680733e-6, -1011.8026950474062],
  },
  0.5: {
    value: [0.011469529304047158, 0.4010412519462481, 2.18442402006354, 3.1638598538822235e-5, 6.904300537441231],
    grad: [-0.3500708696193968, -1.6652748333239993, -10.700401880540436, -0.04747373030212762, -1002.9554808120562],
  },
  0: {
    value: [0.05129329438755058, 0.5978370007556204, 2.3025850929940455, 0.0010005003335835344, 6.907755278982137],
    grad: [-1.0526315789473684, -1.8181818181818181, -10.0, -1.001001001001001, -1000.0],
  },
};

const prob = fc.double({ min: 0.01, max: 0.99, noNaN: true });
const gamma = fc.double({ min: 0, max: 4, noNaN: true });

describe("focalLoss", () => {
  it("matches the seed's exercise 6: the easy example is down-weighted most", () => {
    const pt = [0.95, 0.55, 0.1];
    const bce = pt.map((p) => -Math.log(p));
    const focal = flat(focalLoss(pt, { gamma: 2 }));
    // Seed: focal = ((1 − pt)**γ)·bce, and check_true(focal[0]/bce[0] < focal[1]/bce[1] < focal[2]/bce[2]).
    expectClose(focal, pt.map((p, i) => (1 - p) ** 2 * bce[i]), SEED);
    expect(focal[0] / bce[0]).toBeLessThan(focal[1] / bce[1]);
    expect(focal[1] / bce[1]).toBeLessThan(focal[2] / bce[2]);
  });

  it("gives hand-worked values", () => {
    // By hand: pt = ½, γ = 2 → ¼·ln 2; γ = 0 is cross-entropy −log pt; pt = 1 costs 0 for every γ.
    expectClose(focalLoss([0.5]), [0.25 * Math.LN2], EXACT);
    expectClose(focalLoss([0.25], { gamma: 0 }), [Math.log(4)], EXACT);
    expect(flat(focalLoss([1, 1, 1], { gamma: 0.5 }))).toEqual([0, 0, 0]);
    // By hand: d/dpt of −log pt is −1/pt; at pt = ½, γ = 2: 2·½·ln ½ − ¼/½ = ln ½ − ½.
    expectClose(focalLossGrad([0.5, 0.25], { gamma: 0 }), [-2, -4], EXACT);
    expectClose(focalLossGrad([0.5]), [Math.log(0.5) - 0.5], EXACT);
    expectClose(focalLoss([0.5, 0.5], { reduction: "mean" }), 0.25 * Math.LN2, EXACT);
  });

  it("matches PyTorch values and autograd gradients for γ = 2, 0.5, 0", () => {
    for (const g of [2, 0.5, 0] as const) {
      expectClose(focalLoss(PT, { gamma: g }), TORCH[g].value, EXACT);
      expectClose(focalLossGrad(PT, { gamma: g }), TORCH[g].grad, EXACT);
    }
    expectClose(focalLoss(PT, { reduction: "sum" }), TORCH[2].value.reduce((a, b) => a + b), EXACT);
    expectClose(focalLossGrad(PT, { reduction: "mean" }), TORCH[2].grad.map((v) => v / 5), EXACT);
  });

  it("keeps nesting, reads typed arrays and writes into out buffers", () => {
    expectClose(focalLoss([[[0.5]], [[1]]]), [[[0.25 * Math.LN2]], [[0]]], EXACT);
    const out = new Float64Array(2);
    expect(focalLossGrad(new Float32Array([0.5, 0.25]), { gamma: 0, out })).toBe(out);
    expectClose(out, [-2, -4], EXACT);
  });

  it("has a gradient equal to central finite differences for every reduction", () => {
    const pt = [[0.3, 0.9], [0.05, 0.6]];
    for (const reduction of ["none", "mean", "sum"] as const) {
      for (const g of [0, 0.5, 2, 3.5]) {
        expectGradient((x) => focalLoss(x as number[][], { gamma: g, reduction }), focalLossGrad(pt, { gamma: g, reduction }), pt);
      }
    }
  });

  it("gradients equal finite differences on random inputs (property)", () => {
    fc.assert(
      fc.property(fc.array(prob, { minLength: 1, maxLength: 8 }), gamma, (pt, g) => {
        expectGradient((x) => focalLoss(x as number[], { gamma: g }), focalLossGrad(pt, { gamma: g }), pt, { rtol: 1e-5, atol: 1e-6 });
      }),
      { numRuns: 60 },
    );
  });

  it("is ≥ 0 and at most the cross-entropy −log pt (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }), gamma, (pt, g) => {
        const v = flat(focalLoss(pt, { gamma: g }));
        pt.forEach((p, i) => {
          expect(v[i]).toBeGreaterThanOrEqual(0);
          expect(v[i]).toBeLessThanOrEqual(-Math.log(p));
        });
      }),
    );
  });

  it("has the true, finite gradient at pt = 1 for γ < 1, where (1 − pt)^(γ−1) is infinite", () => {
    // Limit by hand: with q = 1 − pt, dℓ/dpt = −γ q^γ (1 + O(q)) − q^γ (1 + O(q)) → 0 for γ > 0, and −1/pt = −1 for γ = 0.
    expect(flat(focalLossGrad([1, 1], { gamma: 0.5 }))).toEqual([0, 0]);
    expect(flat(focalLossGrad([1], { gamma: 0.1 }))).toEqual([0]);
    expectClose(focalLossGrad([1], { gamma: 0 }), [-1], EXACT);
    // Next to 1 it approaches that limit: q = 2^-40, γ = 0.5 → −(γ + 1)·q^γ = −1.5·2^-20 to first order in q.
    expectClose(focalLossGrad([1 - 2 ** -40], { gamma: 0.5 }), [-1.5 * 2 ** -20], { rtol: 1e-10, atol: 0 });
  });

  it("stays finite as pt → 0 and gives the documented infinities at pt = 0", () => {
    // By hand: −log(1e-300) = 300·ln 10 = 690.7755278982137; the smallest subnormal gives 1074·ln 2.
    expectClose(focalLoss([1e-300, 5e-324]), [300 * Math.LN10, 1074 * Math.LN2], EXACT);
    expectClose(focalLossGrad([1e-300], { gamma: 0 }), [-1e300], EXACT);
    expect(flat(focalLoss([0]))).toEqual([Infinity]);
    expect(flat(focalLossGrad([0], { gamma: 0 }))).toEqual([-Infinity]);
    expect(flat(focalLossGrad([0], { gamma: 2 }))).toEqual([-Infinity]);
  });

  it("rejects bad input with typed errors", () => {
    expectLossError(() => focalLoss([]), "EMPTY", "focalLoss", "pt");
    expectLossError(() => focalLoss([[0.5], [0.5, 0.5]]), "SHAPE_MISMATCH", "focalLoss", "pt");
    expectLossError(() => focalLoss([NaN]), "NOT_FINITE", "focalLoss", "pt");
    expectLossError(() => focalLoss([1.01]), "OUT_OF_DOMAIN", "focalLoss", "pt");
    expectLossError(() => focalLoss([-1e-9]), "OUT_OF_DOMAIN", "focalLoss", "pt");
    expectLossError(() => focalLoss([Infinity]), "OUT_OF_DOMAIN", "focalLoss", "pt");
    expectLossError(() => focalLoss([0.5], { gamma: -1 }), "OUT_OF_DOMAIN", "focalLoss", "gamma");
    expectLossError(() => focalLoss([0.5], { gamma: NaN }), "NOT_FINITE", "focalLoss", "gamma");
    expectLossError(() => focalLoss([0.5], { gamma: "2" as unknown as number }), "INVALID_TYPE", "focalLoss", "gamma");
    expectLossError(() => focalLoss([0.5], { reduction: "avg" as "mean" }), "OUT_OF_DOMAIN", "focalLoss", "reduction");
    expectLossError(() => focalLossGrad([0.5], { out: new Float64Array(2) }), "SHAPE_MISMATCH", "focalLossGrad", "out");
    expectLossError(() => focalLossGrad([2]), "OUT_OF_DOMAIN", "focalLossGrad", "pt");
  });
});
