import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { bceWithLogits, focalLoss, sigmoidFocalLoss, sigmoidFocalLossGrad } from "../../src";
import { expectClose, flat } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectGradient } from "../support/gradcheck";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
const SEED = { rtol: 1e-7, atol: 1e-7 }; // the seed's check_close(tol=1e-7)
const FD = { rtol: 1e-5, atol: 1e-7 };

// PyTorch 1.13.1 (Debian python3-torch), float64, running torchvision.ops.sigmoid_focal_loss's own maths
// (p = sigmoid(z); ce = F.binary_cross_entropy_with_logits(z, y); p_t = p·y + (1 − p)(1 − y);
// loss = ce·(1 − p_t)**γ; if α ≥ 0: loss = (α·y + (1 − α)(1 − y))·loss), gradients by autograd of the sum.
const Z = [-3.0, -0.5, 0.0, 0.8, 6.0];
const Y = [1.0, 0.0, 1.0, 0.3, 0.0];
const TORCHVISION = [
  {
    opts: { alpha: 0.25, gamma: 2 },
    value: [0.6915701102563155, 0.05068011788812772, 0.04332169878499658, 0.18534354344401174, 4.479621497034726],
    grad: [-0.28168747015872214, 0.10345274801318578, -0.07457169878499659, 0.13269370228591537, 0.7666031744495294],
  },
  {
    opts: { alpha: null, gamma: 0.5 }, // torchvision: alpha = −1 ("ignore")
    value: [2.9754183296501915, 0.2912934651463975, 0.4901290717342736, 0.706649458964775, 5.995050161978569],
    grad: [-1.0002673398454893, 0.3226365328560928, -0.47608565852684215, 0.3484539525256461, 1.0037051088380808],
  },
  {
    opts: { alpha: 0.6, gamma: 0 },
    value: [1.8291524109442452, 0.1896307936720427, 0.4158883083359672, 0.42830630633597766, 2.400990274055092],
    grad: [-0.5715444760934599, 0.15101626751925817, -0.3, 0.17938826131870175, 0.39901095073734616],
  },
];
const TORCHVISION_MEAN = {
  value: 1.0901073934816357,
  grad: [-0.05633749403174443, 0.020690549602637165, -0.014914339756999316, 0.026538740457183078, 0.1533206348899059],
};

const logit = fc.double({ min: -30, max: 30, noNaN: true });
const target = fc.double({ min: 0, max: 1, noNaN: true });
const alpha = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
const gamma = fc.double({ min: 0, max: 4, noNaN: true });

describe("sigmoidFocalLoss", () => {
  it("reproduces the seed's exercise 6 through logits: y = 1, z = logit(pt), no α", () => {
    // σ(logit(pt)) = pt, so with a positive target p_t = pt and the loss is the seed's ((1 − pt)**2)·(−log pt).
    const pt = [0.95, 0.55, 0.1];
    const z = pt.map((p) => Math.log(p / (1 - p)));
    const v = flat(sigmoidFocalLoss(z, [1, 1, 1], { alpha: null }));
    expectClose(v, pt.map((p) => (1 - p) ** 2 * -Math.log(p)), SEED);
    expectClose(v, focalLoss(pt), { rtol: 1e-12, atol: 0 });
  });

  it("gives hand-worked values at z = 0", () => {
    // By hand: σ(0) = ½, ce = ln 2, (1 − p_t)² = ¼; α_t = 0.25 for y = 1, 0.75 for y = 0.
    expectClose(sigmoidFocalLoss([0, 0], [1, 0]), [0.0625 * Math.LN2, 0.1875 * Math.LN2], EXACT);
    // By hand: γ = 0, no α → BCE gradient σ(0) − y = −½.
    expectClose(sigmoidFocalLossGrad([0], [1], { gamma: 0, alpha: null }), [-0.5], EXACT);
    expectClose(sigmoidFocalLoss([0, 0], [1, 0], { reduction: "sum" }), 0.25 * Math.LN2, EXACT);
  });

  it("matches torchvision.ops.sigmoid_focal_loss values and autograd gradients", () => {
    for (const c of TORCHVISION) {
      expectClose(sigmoidFocalLoss(Z, Y, c.opts), c.value, EXACT);
      expectClose(sigmoidFocalLossGrad(Z, Y, c.opts), c.grad, EXACT);
    }
    expectClose(sigmoidFocalLoss(Z, Y, { reduction: "mean" }), TORCHVISION_MEAN.value, EXACT);
    expectClose(sigmoidFocalLossGrad(Z, Y, { reduction: "mean" }), TORCHVISION_MEAN.grad, EXACT);
  });

  it("keeps nesting, reads typed arrays and writes into out buffers", () => {
    expectClose(sigmoidFocalLoss([[[0]], [[0]]], [[[1]], [[0]]]), [[[0.0625 * Math.LN2]], [[0.1875 * Math.LN2]]], EXACT);
    const out = new Float64Array(5);
    const z32 = new Float32Array(Z); // 0.8 becomes 0.800000011920929: compare with the same values as plain numbers
    expect(sigmoidFocalLossGrad(z32, new Float64Array(Y), { out })).toBe(out);
    expectClose(out, sigmoidFocalLossGrad(Array.from(z32), Y), EXACT);
    expectClose(out, TORCHVISION[0].grad, { rtol: 1e-6, atol: 0 });
  });

  it("has a gradient equal to central finite differences (γ < 1, soft labels, reductions)", () => {
    const z = [[-2.2, 0.4, 1.3], [3.1, -0.7, 0.0]];
    const y = [[1, 0, 0.6], [0, 0.25, 1]];
    for (const reduction of ["none", "mean", "sum"] as const) {
      for (const o of [{ gamma: 2 }, { gamma: 0.3, alpha: null }, { gamma: 0, alpha: 0.9 }]) {
        const opts = { ...o, reduction };
        expectGradient((x) => sigmoidFocalLoss(x as number[][], y, opts), sigmoidFocalLossGrad(z, y, opts), z);
      }
    }
  });

  it("gradients equal finite differences on random inputs (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(logit, target), { minLength: 1, maxLength: 8 }), alpha, gamma, (zy, a, g) => {
        const z = zy.map((q) => q[0]);
        const y = zy.map((q) => q[1]);
        const o = { alpha: a, gamma: g };
        expectGradient((x) => sigmoidFocalLoss(x as number[], y, o), sigmoidFocalLossGrad(z, y, o), z, FD);
      }),
      { numRuns: 60 },
    );
  });

  it("is ≥ 0, and with γ = 0 is α_t·BCE-with-logits (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -1e4, max: 1e4, noNaN: true }), target), { minLength: 1, maxLength: 8 }), alpha, gamma, (zy, a, g) => {
        const z = zy.map((q) => q[0]);
        const y = zy.map((q) => q[1]);
        flat(sigmoidFocalLoss(z, y, { alpha: a, gamma: g })).forEach((v) => expect(v).toBeGreaterThanOrEqual(0));
        const alphaT = y.map((t) => (a === null ? 1 : a * t + (1 - a) * (1 - t)));
        const bce = flat(bceWithLogits(z, y)).map((v, i) => alphaT[i] * v);
        expectClose(sigmoidFocalLoss(z, y, { alpha: a, gamma: 0 }), bce, { rtol: 1e-13, atol: 1e-300 });
      }),
    );
  });

  it("stays finite and exact for logits ±1000 and beyond, including γ < 1", () => {
    // By hand: z = ±1000 saturates σ: a confident right answer costs 0, a confident wrong one α_t·1000.
    expect(flat(sigmoidFocalLoss([1000, -1000, 1000, -1000], [0, 0, 1, 1]))).toEqual([750, 0, 0, 250]);
    // Gradient limits: wrong side ±α_t (the BCE slope, (1 − p_t)^γ = 1), right side 0.
    expectClose(sigmoidFocalLossGrad([1000, -1000, 1000, -1000], [0, 0, 1, 1], { gamma: 0.5 }), [0.75, 0, 0, -0.25], EXACT);
    const big = flat(sigmoidFocalLossGrad([1e308, -1e308, 745, -745], [0.5, 0.5, 1, 0], { gamma: 0.2, alpha: null }));
    expect(big.every(Number.isFinite)).toBe(true);
    expect(flat(sigmoidFocalLoss([1e308, -1e308], [0.5, 0.5])).every(Number.isFinite)).toBe(true);
  });

  it("gives the documented limits for infinite logits", () => {
    // z = +∞: 0 if y = 1, else +∞ (or 0 when α_t = 0); gradient α_t·(1 − y)^(γ)·(1 − y) for z = +∞.
    expect(flat(sigmoidFocalLoss([Infinity, Infinity, -Infinity, Infinity], [1, 0.5, 0, 0], { alpha: 1 }))).toEqual([0, Infinity, 0, 0]);
    expectClose(sigmoidFocalLossGrad([Infinity, -Infinity], [0.5, 0.5], { gamma: 2, alpha: null }), [0.125, -0.125], EXACT);
  });

  it("rejects bad input with typed errors", () => {
    const fn = "sigmoidFocalLoss";
    expectLossError(() => sigmoidFocalLoss([], []), "EMPTY", fn, "logits");
    expectLossError(() => sigmoidFocalLoss([0, 1], [1]), "SHAPE_MISMATCH", fn, "targets");
    expectLossError(() => sigmoidFocalLoss([[0], [1, 2]], [[0], [1, 1]]), "SHAPE_MISMATCH", fn, "logits");
    expectLossError(() => sigmoidFocalLoss([NaN], [1]), "NOT_FINITE", fn, "logits");
    expectLossError(() => sigmoidFocalLoss([0], [2]), "OUT_OF_DOMAIN", fn, "targets");
    expectLossError(() => sigmoidFocalLoss([0], [1], { alpha: 1.5 }), "OUT_OF_DOMAIN", fn, "alpha");
    expectLossError(() => sigmoidFocalLoss([0], [1], { alpha: -1 }), "OUT_OF_DOMAIN", fn, "alpha"); // use null, not −1
    expectLossError(() => sigmoidFocalLoss([0], [1], { gamma: -0.5 }), "OUT_OF_DOMAIN", fn, "gamma");
    expectLossError(() => sigmoidFocalLoss([0], [1], { gamma: Infinity }), "NOT_FINITE", fn, "gamma");
    expectLossError(() => sigmoidFocalLoss([0], [1], { reduction: "none " as "none" }), "OUT_OF_DOMAIN", fn, "reduction");
    expectLossError(() => sigmoidFocalLoss([0], [1], { out: new Float64Array(0) }), "SHAPE_MISMATCH", fn, "out");
    expectLossError(() => sigmoidFocalLossGrad([0], [-1]), "OUT_OF_DOMAIN", "sigmoidFocalLossGrad", "targets");
    expectLossError(() => sigmoidFocalLossGrad([0], [1], { alpha: NaN }), "NOT_FINITE", "sigmoidFocalLossGrad", "alpha");
  });
});
