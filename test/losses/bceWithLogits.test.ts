import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { bceWithLogits, bceWithLogitsGrad, logSoftmax } from "../../src";
import { expectClose, flat } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectGradient } from "../support/gradcheck";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
const SEED = { rtol: 1e-7, atol: 1e-7 }; // the seed's check_close(tol=1e-7)
const FD = { rtol: 1e-5, atol: 1e-7 };

// PyTorch 1.13.1 (Debian python3-torch), float64: F.binary_cross_entropy_with_logits(z, y, weight=…,
// pos_weight=…, reduction=…) and autograd of its sum (or of the reduced scalar).
const Z = [-3.5, -0.2, 0.0, 0.7, 12.0];
const Y = [0.0, 0.3, 1.0, 1.0, 0.9];
const W = [1.0, 2.0, 0.5, 0.0, 1.5];
const TORCH = {
  plain: [0.029750418272620652, 0.6581388693815918, 0.6931471805599453, 0.40318604888545784, 1.2000061441934775],
  plainGrad: [0.02931223075135632, 0.15016600268752217, -0.5, -0.33181222783183384, 0.09999385582539777],
  weighted: [0.029750418272620482, 2.0346027212066167, 0.8664339756999316, 0.0, 1.8000216582820088], // pos_weight 2.5
  weightedGrad: [0.02931223075135632, -0.19451859220618584, -0.625, 0, 0.14997834178452707],
  weightedMean: 0.9461617546922355,
  weightedMeanGrad: [0.005862446150271264, -0.03890371844123717, -0.125, 0, 0.029995668356905415],
};
const ZM = [[-1.0, 0.5, 2.0], [3.0, -4.0, 0.25]];
const YM = [[1.0, 0.0, 1.0], [0.2, 1.0, 0.0]];
const PW = [0.5, 1.0, 3.0];
const TORCH_PW = {
  value: [[0.6566308437591114, 0.9740769841801067, 0.38078403312891784], [2.4437286164163683, 4.0181499279178094, 0.8259394198788437]],
  grad: [[-0.36552928931500245, 0.6224593312018546, -0.35760876606635295], [0.7573167141401902, -0.9820137900379085, 0.5621765008857981]],
  sum: 9.299309825281156,
};

/** The seed's probability-space BCE, fine for moderate logits. */
function probabilityBce(z: number, y: number): number {
  const s = 1 / (1 + Math.exp(-z));
  return -(y * Math.log(s) + (1 - y) * Math.log(1 - s));
}

const logit = fc.double({ min: -30, max: 30, noNaN: true });
const target = fc.double({ min: 0, max: 1, noNaN: true });
const pairs = fc.array(fc.tuple(logit, target), { minLength: 1, maxLength: 8 });

describe("bceWithLogits", () => {
  it("matches the seed's exercise 3: stable BCE equals probability BCE", () => {
    const z = [-2.0, 0.0, 2.0];
    const y = [0.0, 1.0, 1.0];
    expectClose(bceWithLogits(z, y), z.map((zi, i) => probabilityBce(zi, y[i])), SEED);
    expectClose(bceWithLogits(z, y), [0.12692801, 0.69314718, 0.12692801], SEED); // printed by the seed
  });

  it("gives hand-worked values", () => {
    // By hand: z = 0 gives σ = ½ and ℓ = ln 2 for every target; with posWeight 3 the positive term triples.
    expectClose(bceWithLogits([0, 0, 0], [0, 0.3, 1]), [Math.LN2, Math.LN2, Math.LN2], EXACT);
    expectClose(bceWithLogits([0], [1], { posWeight: 3 }), [3 * Math.LN2], EXACT);
    // By hand: ½·ln2·w with w = [2, 0]: weight scales each term, "mean" divides by the element count (2).
    expectClose(bceWithLogits([0, 0], [1, 1], { weight: [2, 0], reduction: "mean" }), Math.LN2, EXACT);
    // By hand: gradient σ(z) − y: ½ − 1 and ½ − 0.
    expectClose(bceWithLogitsGrad([0, 0], [1, 0]), [-0.5, 0.5], EXACT);
  });

  it("matches torch binary_cross_entropy_with_logits: plain, weight and scalar pos_weight, all reductions", () => {
    expectClose(bceWithLogits(Z, Y), TORCH.plain, EXACT);
    expectClose(bceWithLogitsGrad(Z, Y), TORCH.plainGrad, EXACT);
    const opts = { weight: W, posWeight: 2.5 };
    expectClose(bceWithLogits(Z, Y, opts), TORCH.weighted, EXACT);
    expectClose(bceWithLogitsGrad(Z, Y, opts), TORCH.weightedGrad, EXACT);
    expectClose(bceWithLogits(Z, Y, { ...opts, reduction: "mean" }), TORCH.weightedMean, EXACT);
    expectClose(bceWithLogitsGrad(Z, Y, { ...opts, reduction: "mean" }), TORCH.weightedMeanGrad, EXACT);
    expectClose(bceWithLogits(Z, Y, { ...opts, reduction: "sum" }), TORCH.weightedMean * 5, EXACT);
  });

  it("broadcasts a posWeight vector along the last axis of a matrix, as torch", () => {
    expectClose(bceWithLogits(ZM, YM, { posWeight: PW }), TORCH_PW.value, EXACT);
    expectClose(bceWithLogitsGrad(ZM, YM, { posWeight: new Float64Array(PW) }), TORCH_PW.grad, EXACT);
    expectClose(bceWithLogits(ZM, YM, { posWeight: PW, reduction: "sum" }), TORCH_PW.sum, EXACT);
    // 3-D input: the same two rows stacked twice give the same per-row values.
    expectClose(bceWithLogits([ZM, ZM], [YM, YM], { posWeight: PW }), [TORCH_PW.value, TORCH_PW.value], EXACT);
  });

  it("writes into a caller's out buffer and reads typed arrays", () => {
    const out = new Float64Array(3);
    expect(bceWithLogits(new Float32Array([-2, 0, 2]), [0, 1, 1], { out })).toBe(out);
    expectClose(out, [0.12692801, 0.69314718, 0.12692801], SEED);
    expect(bceWithLogitsGrad([-2, 0, 2], new Float64Array([0, 1, 1]), { out })).toBe(out);
  });

  it("has a gradient equal to central finite differences (weights, posWeight vector, reductions, z = 0)", () => {
    for (const reduction of ["none", "mean", "sum"] as const) {
      const o = { weight: [[0.5, 2, 1], [1, 0, 3]], posWeight: PW, reduction };
      expectGradient((x) => bceWithLogits(x as number[][], YM, o), bceWithLogitsGrad(ZM, YM, o), ZM);
    }
    // At z = 0 the stable form's max(z, 0) has a kink, the loss does not: the gradient is σ(0) − y.
    expectGradient((x) => bceWithLogits(x as number[], [0.25, 1]), bceWithLogitsGrad([0, 0], [0.25, 1]), [0, 0]);
  });

  it("gradients equal finite differences on random inputs (property)", () => {
    fc.assert(
      fc.property(pairs, fc.double({ min: 0, max: 5, noNaN: true }), (zy, p) => {
        const z = zy.map((q) => q[0]);
        const y = zy.map((q) => q[1]);
        expectGradient((x) => bceWithLogits(x as number[], y, { posWeight: p }), bceWithLogitsGrad(z, y, { posWeight: p }), z, FD);
      }),
      { numRuns: 60 },
    );
  });

  it("equals two-class softmax cross-entropy on [0, z] (property, via logSoftmax)", () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), target, (z, y) => {
        const [l0, l1] = logSoftmax([0, z]);
        const ce = -(y * l1 + (1 - y) * l0);
        expectClose(flat(bceWithLogits([z], [y]))[0], ce, { rtol: 1e-12, atol: 1e-13 });
      }),
      { numRuns: 300 },
    );
  });

  it("is ≥ 0 for any logits, targets in [0, 1] and weights ≥ 0 (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), target, fc.double({ min: 0, max: 10, noNaN: true })), { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (rows, p) => {
          const v = flat(bceWithLogits(rows.map((r) => r[0]), rows.map((r) => r[1]), { weight: rows.map((r) => r[2]), posWeight: p }));
          return v.every((x) => x >= 0);
        },
      ),
    );
  });

  it("stays finite and exact for logits ±1000 and beyond", () => {
    // By hand: BCE(1000, 0) = 1000 + log1p(e^−1000) = 1000 exactly in float64; BCE(1000, 1) = log1p(e^−1000) = 0.
    const v = flat(bceWithLogits([1000, -1000, 1000, -1000], [0, 1, 1, 0]));
    expect(v).toEqual([1000, 1000, 0, 0]);
    expectClose(bceWithLogitsGrad([1000, -1000, 1000, -1000], [0, 1, 1, 0]), [1, -1, 0, 0], EXACT);
    expect(flat(bceWithLogits([1e308, -1e308], [0.5, 0.5], { posWeight: 2 })).every(Number.isFinite)).toBe(true);
    // A tiny loss keeps its relative accuracy: BCE(40, 1) = log1p(e^−40) ≈ 4.248354255291589e-18 (mpmath).
    expectClose(bceWithLogits([40], [1]), [4.248354255291589e-18], EXACT);
    expectClose(bceWithLogitsGrad([40], [1]), [-4.248354255291589e-18], EXACT); // −σ(−40), not σ(40) − 1 = 0
  });

  it("keeps full relative accuracy for soft labels near 1, where z − z·y would cancel", () => {
    // mpmath (50 digits): (1 − y)·log(1 + e^z) + y·log(1 + e^−z) at z = 5.577301018663397, y = 0.9999542311197716
    // is 0.0040308915281337840426; the seed's arrangement max(z, 0) − z·y + log1p(e^−|z|) gives …133381 here.
    expectClose(bceWithLogits([5.577301018663397], [0.9999542311197716]), [0.004030891528133784], { rtol: 1e-15, atol: 0 });
  });

  it("gives the documented limits for infinite logits", () => {
    // z = +∞: 0 if y = 1, +∞ otherwise; z = −∞: 0 if y = 0, +∞ otherwise; zero weight → 0; gradient finite.
    expect(flat(bceWithLogits([Infinity, Infinity, -Infinity, -Infinity], [1, 0.5, 0, 0.5]))).toEqual([0, Infinity, 0, Infinity]);
    expect(flat(bceWithLogits([Infinity], [0], { weight: [0] }))).toEqual([0]);
    expectClose(bceWithLogitsGrad([Infinity, -Infinity], [0.25, 0.25], { posWeight: 2 }), [0.75, -0.5], EXACT);
  });

  it("rejects bad input with typed errors", () => {
    const fn = "bceWithLogits";
    expectLossError(() => bceWithLogits([], []), "EMPTY", fn, "logits");
    expectLossError(() => bceWithLogits([0, 1], [0]), "SHAPE_MISMATCH", fn, "targets");
    expectLossError(() => bceWithLogits([[0, 1], [2]], [[0, 1], [1]]), "SHAPE_MISMATCH", fn, "logits");
    expectLossError(() => bceWithLogits([NaN], [0]), "NOT_FINITE", fn, "logits");
    expectLossError(() => bceWithLogits([0], [NaN]), "NOT_FINITE", fn, "targets");
    expectLossError(() => bceWithLogits([0], [1.5]), "OUT_OF_DOMAIN", fn, "targets");
    expectLossError(() => bceWithLogits([0], [-0.1]), "OUT_OF_DOMAIN", fn, "targets");
    expectLossError(() => bceWithLogits([0], [Infinity]), "OUT_OF_DOMAIN", fn, "targets");
    expectLossError(() => bceWithLogits([0, 0], [0, 1], { weight: [1] }), "SHAPE_MISMATCH", fn, "weight");
    expectLossError(() => bceWithLogits([0], [1], { weight: [-1] }), "OUT_OF_DOMAIN", fn, "weight");
    expectLossError(() => bceWithLogits([0], [1], { weight: [Infinity] }), "NOT_FINITE", fn, "weight");
    expectLossError(() => bceWithLogits([0], [1], { posWeight: -2 }), "OUT_OF_DOMAIN", fn, "posWeight");
    expectLossError(() => bceWithLogits([0], [1], { posWeight: NaN }), "NOT_FINITE", fn, "posWeight");
    expectLossError(() => bceWithLogits(ZM, YM, { posWeight: [1, 2] }), "SHAPE_MISMATCH", fn, "posWeight");
    expectLossError(() => bceWithLogits(ZM, YM, { posWeight: [PW, PW] as unknown as number[] }), "SHAPE_MISMATCH", fn, "posWeight");
    expectLossError(() => bceWithLogits(ZM, YM, { posWeight: [1, -1, 1] }), "OUT_OF_DOMAIN", fn, "posWeight");
    expectLossError(() => bceWithLogits([0], [1], { reduction: "batchmean" as "mean" }), "OUT_OF_DOMAIN", fn, "reduction");
    expectLossError(() => bceWithLogits([0], [1], { out: new Float64Array(2) }), "SHAPE_MISMATCH", fn, "out");
    expectLossError(() => bceWithLogitsGrad([0], [2]), "OUT_OF_DOMAIN", "bceWithLogitsGrad", "targets");
    expectLossError(() => bceWithLogitsGrad([0, 1], [1]), "SHAPE_MISMATCH", "bceWithLogitsGrad", "targets");
  });
});
