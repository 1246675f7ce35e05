import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { softmaxCrossEntropy, softmaxCrossEntropyGrad, type SoftmaxCrossEntropyOptions } from "../../src";
import { expectClose, flat } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectGradient } from "../support/gradcheck";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
const SEED = { rtol: 1e-7, atol: 1e-7 }; // the seed's check_close(tol=1e-7)
const FD = { rtol: 1e-6, atol: 1e-7 };

/**
 * PyTorch's `F.cross_entropy` transcribed literally from aten/src/ATen/native/LossNLL.cpp
 * (cross_entropy_loss_label_smoothing and cross_entropy_loss_prob_target): log_softmax, then
 * (1 − ε)·nll + (ε/C)·smooth for class indices, −Σ log_softmax·target·weight for probabilities.
 */
function torchCrossEntropy(x: number[][], t: number[] | number[][], o: SoftmaxCrossEntropyOptions = {}): number | number[] {
  const C = x[0].length;
  const eps = o.labelSmoothing ?? 0;
  const w = o.classWeights ? Array.from(o.classWeights) : x[0].map(() => 1);
  const lp = x.map((row) => {
    const m = Math.max(...row);
    const lse = m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0));
    return row.map((v) => v - lse);
  });
  const red = o.reduction ?? "none";
  if (Array.isArray(t[0])) {
    const q = t as number[][];
    const l = lp.map((row, r) => -row.reduce((s, v, k) => s + v * (q[r][k] * (1 - eps) + eps / C) * w[k], 0));
    return red === "none" ? l : red === "sum" ? sumOf(l) : sumOf(l) / x.length;
  }
  const y = t as number[];
  const kept = y.map((c) => c !== o.ignoreIndex);
  const nll = lp.map((row, r) => (kept[r] ? -w[y[r]] * row[y[r]] : 0));
  const smooth = lp.map((row, r) => (kept[r] ? -row.reduce((s, v, k) => s + v * w[k], 0) : 0));
  const l = nll.map((v, r) => (1 - eps) * v + (eps / C) * smooth[r]);
  if (red === "none") return l;
  if (red === "sum") return sumOf(l);
  const den = sumOf(y.map((c, r) => (kept[r] ? w[c] : 0)));
  return (1 - eps) * (sumOf(nll) / den) + (eps / C) * (sumOf(smooth) / den);
}

function sumOf(a: number[]): number {
  return a.reduce((s, v) => s + v, 0);
}

const X = [[1.5, -0.3, 0.2], [0.1, 2.0, -1.0], [0.3, 0.3, 0.9]];
const Q = [[0.1, 0.2, 0.7], [1, 0, 0], [0.5, 0.5, 0]];

describe("softmaxCrossEntropy", () => {
  it("matches the seed's exercise 4: first CE = −2 + log(e² + e + 1), the huge-logit row finite", () => {
    const ce = softmaxCrossEntropy([[2, 1, 0], [1000, 999, 998]], [0, 2]);
    expectClose(ce[0], -2.0 + Math.log(Math.exp(2.0) + Math.exp(1.0) + Math.exp(0.0)), SEED);
    expectClose(ce[0], 0.40760596444438013, SEED);
    expect(Number.isFinite(ce[1])).toBe(true);
  });

  it("is exact for logits [1000, 999, 998] (shifted by the row max)", () => {
    // By hand: target 2 → 2 + log(1 + e⁻¹ + e⁻²); target 0 → log(1 + e⁻¹ + e⁻²), as for [2, 1, 0].
    const l = Math.log(1 + Math.exp(-1) + Math.exp(-2));
    expectClose(softmaxCrossEntropy([[1000, 999, 998], [1000, 999, 998]], [2, 0]), [2 + l, l], EXACT);
    expectClose(softmaxCrossEntropy([[-1000, -1001, -1002]], [0]), [l], EXACT);
  });

  it("reduces as PyTorch: weighted mean over kept rows, ignored rows give 0 (hand-worked)", () => {
    // Uniform logits over 2 classes: −log ½ = log 2 per row, times the target's weight.
    const opts = { classWeights: [1, 3], ignoreIndex: -100 };
    expectClose(softmaxCrossEntropy([[0, 0], [0, 0], [0, 0]], [0, 1, -100], opts), [Math.LN2, 3 * Math.LN2, 0], EXACT);
    expectClose(softmaxCrossEntropy([[0, 0], [0, 0], [0, 0]], [0, 1, -100], { ...opts, reduction: "sum" }), 4 * Math.LN2, EXACT);
    // mean = (1·log 2 + 3·log 2) / (1 + 3) = log 2, not 4·log 2 / 2.
    expectClose(softmaxCrossEntropy([[0, 0], [0, 0], [0, 0]], [0, 1, -100], { ...opts, reduction: "mean" }), Math.LN2, EXACT);
  });

  it("applies label smoothing with class weights as PyTorch (hand-worked, p = [¼, ¾])", () => {
    const z = [[0, Math.log(3)]];
    // ε = 0.2, C = 2, target 1: t = [ε/2, 1 − ε + ε/2] = [0.1, 0.9] → 0.1·log 4 + 0.9·log(4/3).
    expectClose(softmaxCrossEntropy(z, [1], { labelSmoothing: 0.2 }), [0.1 * Math.log(4) + 0.9 * Math.log(4 / 3)], EXACT);
    // Weights [2, 1], target 0: t = [0.8·2 + 0.1·2, 0.1·1] = [1.8, 0.1]; mean divides by w₀ = 2.
    const opts = { labelSmoothing: 0.2, classWeights: [2, 1] };
    const l0 = 1.8 * Math.log(4) + 0.1 * Math.log(4 / 3);
    expectClose(softmaxCrossEntropy(z, [0], opts), [l0], EXACT);
    expectClose(softmaxCrossEntropy(z, [0], { ...opts, reduction: "mean" }), l0 / 2, EXACT);
  });

  it("matches PyTorch's formula with weights, smoothing and probability targets", () => {
    // PyTorch's cross_entropy formulas (LossNLL.cpp) evaluated in float64 with numpy 2.4.
    const opts = { classWeights: [0.2, 1.0, 3.0], labelSmoothing: 0.1 };
    expectClose(softmaxCrossEntropy(X, [2, 0, 1], opts), [4.731304838087261, 0.7128377020551829, 1.334437125785279], EXACT);
    expectClose(softmaxCrossEntropy(X, [2, 0, 1], { ...opts, reduction: "mean" }), 1.6139475395066003, EXACT);
    // Probability targets: "mean" divides by the number of rows, not by the weights.
    expectClose(softmaxCrossEntropy(X, Q, { ...opts, reduction: "mean" }), 1.7815503205732517, EXACT);
  });

  it("reads typed arrays: Float32Array logits, Int32Array indices, Float64Array weights", () => {
    const ce = softmaxCrossEntropy([new Float32Array([2, 1, 0])], new Int32Array([0]), { classWeights: new Float64Array([1, 1, 1]) });
    expectClose(ce, [0.40760596444438013], EXACT);
  });

  it("writes per-row losses into a caller's out buffer, gradients into a rows × classes buffer", () => {
    const out = new Float64Array(2);
    expect(softmaxCrossEntropy([[0, 0], [0, 0]], [0, 1], { out })).toBe(out);
    expectClose(out, [Math.LN2, Math.LN2], EXACT);
    const gOut = new Float64Array(4).fill(7);
    const g = softmaxCrossEntropyGrad([[0, 0], [0, 0]], [0, -1], { out: gOut, ignoreIndex: -1 });
    expect(g[0].buffer).toBe(gOut.buffer);
    expectClose(gOut, [-0.5, 0.5, 0, 0], EXACT); // the ignored row is overwritten with zeros
  });

  it("has gradient softmax − one-hot (hand-worked: p = [¼, ¾], target 1)", () => {
    expectClose(softmaxCrossEntropyGrad([[0, Math.log(3)]], [1]), [[0.25, -0.25]], EXACT);
  });

  it("has a gradient equal to central finite differences for every option and reduction", () => {
    const cases: Array<[number[] | number[][], SoftmaxCrossEntropyOptions]> = [
      [[2, 0, 1], {}],
      [[2, 0, -1], { ignoreIndex: -1, classWeights: [0.2, 1, 3], labelSmoothing: 0.3 }],
      [[2, 0, 1], { labelSmoothing: 0.1 }],
      [Q, { classWeights: [0.2, 1, 3], labelSmoothing: 0.25 }],
    ];
    for (const [t, o] of cases) {
      for (const reduction of ["none", "mean", "sum"] as const) {
        const opts = { ...o, reduction };
        expectGradient((x) => softmaxCrossEntropy(x as number[][], t, opts), softmaxCrossEntropyGrad(X, t, opts), X, FD);
      }
    }
  });

  it("treats −∞ as a masked class: probability 0, gradient 0", () => {
    expectClose(softmaxCrossEntropy([[0, -Infinity, 0]], [0]), [Math.LN2], EXACT);
    expectClose(softmaxCrossEntropyGrad([[0, -Infinity, 0]], [0]), [[-0.5, 0, 0.5]], EXACT);
    // A probability target of 0 (and a class weight of 0 under smoothing) also masks the class.
    expectClose(softmaxCrossEntropy([[0, -Infinity, 0]], [[0.5, 0, 0.5]]), [Math.LN2], EXACT);
    expectClose(softmaxCrossEntropy([[0, -Infinity]], [0], { labelSmoothing: 0.1, classWeights: [1, 0] }), [0], EXACT);
  });

  it("stays finite for extreme logits", () => {
    const z = [[1e300, -1e300, 0], [-1000, 1000, 0], [1e-300, 0, -1e-300]];
    const ce = softmaxCrossEntropy(z, [1, 0, 2], { labelSmoothing: 0.1 });
    expect(flat(ce).every(Number.isFinite)).toBe(true);
    expect(flat(softmaxCrossEntropyGrad(z, [1, 0, 2], { labelSmoothing: 0.1 })).every(Number.isFinite)).toBe(true);
    expectClose(softmaxCrossEntropy([[-1000, 1000]], [0]), [2000], EXACT); // by hand: 1000 − (−1000)
  });

  it("rejects bad input with typed errors", () => {
    const f = "softmaxCrossEntropy";
    expectLossError(() => softmaxCrossEntropy([], []), "EMPTY", f, "logits");
    expectLossError(() => softmaxCrossEntropy([[]], [0]), "EMPTY", f, "logits");
    expectLossError(() => softmaxCrossEntropy([1, 2] as unknown as number[][], [0]), "SHAPE_MISMATCH", f, "logits");
    expectLossError(() => softmaxCrossEntropy([[1, 2], [3]], [0, 0]), "SHAPE_MISMATCH", f, "logits");
    expectLossError(() => softmaxCrossEntropy([[1, 2]], [0, 1]), "SHAPE_MISMATCH", f, "targets");
    expectLossError(() => softmaxCrossEntropy([[1, 2]], [[1, 0, 0]]), "SHAPE_MISMATCH", f, "targets");
    expectLossError(() => softmaxCrossEntropy([[1, 2]], [0], { classWeights: [1] }), "SHAPE_MISMATCH", f, "classWeights");
    expectLossError(() => softmaxCrossEntropy([[NaN, 2]], [0]), "NOT_FINITE", f, "logits");
    expectLossError(() => softmaxCrossEntropy([[Infinity, 2]], [0]), "NOT_FINITE", f, "logits");
    expectLossError(() => softmaxCrossEntropy([[-Infinity, 2]], [0]), "NOT_FINITE", f, "logits");
    expectLossError(() => softmaxCrossEntropy([[-Infinity, 2]], [1], { labelSmoothing: 0.1 }), "NOT_FINITE", f, "logits");
    expectLossError(() => softmaxCrossEntropy([[-Infinity, -Infinity]], [0], { classWeights: [0, 1] }), "NOT_FINITE", f, "logits");
    expectLossError(() => softmaxCrossEntropy([[1, 2]], [NaN]), "NOT_FINITE", f, "targets");
    expectLossError(() => softmaxCrossEntropy([[1, 2]], [2]), "OUT_OF_DOMAIN", f, "targets");
    expectLossError(() => softmaxCrossEntropy([[1, 2]], [-1]), "OUT_OF_DOMAIN", f, "targets");
    expectLossError(() => softmaxCrossEntropy([[1, 2]], [0.5]), "OUT_OF_DOMAIN", f, "targets");
    expectLossError(() => softmaxCrossEntropy([[1, 2]], [[1.5, -0.5]]), "OUT_OF_DOMAIN", f, "targets");
    expectLossError(() => softmaxCrossEntropy([[1, 2]], [0], { classWeights: [1, -1] }), "OUT_OF_DOMAIN", f, "classWeights");
    expectLossError(() => softmaxCrossEntropy([[1, 2]], [0], { labelSmoothing: 1 }), "OUT_OF_DOMAIN", f, "labelSmoothing");
    expectLossError(() => softmaxCrossEntropy([[1, 2]], [0], { labelSmoothing: -0.1 }), "OUT_OF_DOMAIN", f, "labelSmoothing");
    expectLossError(() => softmaxCrossEntropy([[1, 2]], [0], { ignoreIndex: 0.5 }), "OUT_OF_DOMAIN", f, "ignoreIndex");
    expectLossError(() => softmaxCrossEntropy([[1, 2]], [[1, 0]], { ignoreIndex: 0 }), "OUT_OF_DOMAIN", f, "ignoreIndex");
    expectLossError(() => softmaxCrossEntropy([[1, 2]], [0], { reduction: "avg" as "mean" }), "OUT_OF_DOMAIN", f, "reduction");
    expectLossError(() => softmaxCrossEntropy([[1, 2]], [-1], { ignoreIndex: -1, reduction: "mean" }), "EMPTY_MASK", f, "targets");
    expectLossError(() => softmaxCrossEntropy([[1, 2]], [0], { classWeights: [0, 1], reduction: "mean" }), "EMPTY_MASK", f, "targets");
    expectLossError(() => softmaxCrossEntropy([[1, 2]], "0" as unknown as number[]), "INVALID_TYPE", f, "targets");
    expectLossError(() => softmaxCrossEntropy([[1, 2]], [0], { out: new Float64Array(2) }), "SHAPE_MISMATCH", f, "out");
    expectLossError(() => softmaxCrossEntropyGrad([[1, 2]], [0], { out: new Float64Array(1) }), "SHAPE_MISMATCH", "softmaxCrossEntropyGrad", "out");
    expectLossError(() => softmaxCrossEntropyGrad([[1, 2]], [-1], { ignoreIndex: -1, reduction: "mean" }), "EMPTY_MASK", "softmaxCrossEntropyGrad");
  });
});

const logitRows = (c: number) => fc.array(fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: c, maxLength: c }), { minLength: 1, maxLength: 5 });
const caseArb = fc.integer({ min: 2, max: 5 }).chain((c) =>
  fc.record({
    logits: logitRows(c),
    y: fc.array(fc.integer({ min: 0, max: c - 1 }), { minLength: 5, maxLength: 5 }),
    weights: fc.option(fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: c, maxLength: c }), { nil: undefined }),
    smoothing: fc.constantFrom(0, 0.1, 0.45),
    shift: fc.double({ min: -100, max: 100, noNaN: true }),
    reduction: fc.constantFrom("none" as const, "mean" as const, "sum" as const),
  }),
);

describe("softmaxCrossEntropy properties", () => {
  it("equals PyTorch's formula on random inputs", () => {
    fc.assert(fc.property(caseArb, ({ logits, y, weights, smoothing, reduction }) => {
      const t = y.slice(0, logits.length);
      const o = { classWeights: weights, labelSmoothing: smoothing, reduction };
      expectClose(softmaxCrossEntropy(logits, t, o), torchCrossEntropy(logits, t, o), { rtol: 1e-10, atol: 1e-12 });
    }), { numRuns: 200 });
  });

  it("is unchanged by adding a constant to a row", () => {
    fc.assert(fc.property(caseArb, ({ logits, y, weights, smoothing, shift }) => {
      const t = y.slice(0, logits.length);
      const o = { classWeights: weights, labelSmoothing: smoothing };
      const moved = logits.map((row, r) => (r === 0 ? row.map((v) => v + shift) : row));
      expectClose(softmaxCrossEntropy(moved, t, o), softmaxCrossEntropy(logits, t, o), { rtol: 1e-9, atol: 1e-11 });
    }), { numRuns: 200 });
  });

  it("is ≥ 0 for indices and for probability targets", () => {
    fc.assert(fc.property(caseArb, ({ logits, y, weights, smoothing }) => {
      const t = y.slice(0, logits.length);
      const probs = logits.map((row) => row.map((v) => Math.abs(v) / 20));
      const o = { classWeights: weights, labelSmoothing: smoothing };
      return [...softmaxCrossEntropy(logits, t, o), ...softmaxCrossEntropy(logits, probs, o)].every((l) => l >= 0);
    }), { numRuns: 200 });
  });

  it("gives the same value and gradient for one-hot probabilities as for class indices", () => {
    fc.assert(fc.property(caseArb, ({ logits, y, weights, smoothing }) => {
      const t = y.slice(0, logits.length);
      const oneHot = t.map((c) => logits[0].map((_v, k) => (k === c ? 1 : 0)));
      const o = { classWeights: weights, labelSmoothing: smoothing, reduction: "sum" as const };
      expectClose(softmaxCrossEntropy(logits, oneHot, o), softmaxCrossEntropy(logits, t, o), { rtol: 1e-12, atol: 1e-12 });
      expectClose(softmaxCrossEntropyGrad(logits, oneHot, o), softmaxCrossEntropyGrad(logits, t, o), { rtol: 1e-12, atol: 1e-15 });
    }), { numRuns: 100 });
  });

  it("has gradients equal to finite differences on random inputs", () => {
    fc.assert(fc.property(caseArb, ({ logits, y, weights, smoothing, reduction }) => {
      const z = logits.map((row) => row.map((v) => v / 4)); // moderate logits keep the finite differences well-conditioned
      const t = y.slice(0, z.length);
      const o = { classWeights: weights, labelSmoothing: smoothing, reduction };
      expectGradient((x) => softmaxCrossEntropy(x as number[][], t, o), softmaxCrossEntropyGrad(z, t, o), z, { rtol: 1e-5, atol: 1e-6 }, 1e-5);
    }), { numRuns: 60 });
  });
});

describe("softmaxCrossEntropy on typed rows (values checked inside the row loops)", () => {
  const f32 = (rows: number[][]) => rows.map((r) => Float32Array.from(r));

  it("gives the same values and gradients as plain arrays, every gradient entry written (large, with ignored rows)", () => {
    // 300 × 50 Float32 logits span several output blocks; every 7th row is ignored (its gradient row must be 0).
    const rows = Array.from({ length: 300 }, (_, r) => Array.from({ length: 50 }, (_, k) => Math.fround(Math.sin(r * 50 + k) * 6)));
    const y = rows.map((_, r) => (r % 7 === 0 ? -100 : (r * 13) % 50));
    const opts = { ignoreIndex: -100, reduction: "mean" as const };
    expectClose(softmaxCrossEntropy(f32(rows), y, opts), torchCrossEntropy(rows, y, opts), EXACT);
    const g = softmaxCrossEntropyGrad(f32(rows), y, opts);
    const kept = y.filter((c) => c !== -100).length;
    rows.forEach((row, r) => {
      const m = Math.max(...row);
      const s = row.reduce((acc, v) => acc + Math.exp(v - m), 0);
      // softmax − one-hot, divided by the kept rows ("mean"): the PyTorch formula, hand-derived.
      const want = y[r] === -100 ? row.map(() => 0) : row.map((v, k) => (Math.exp(v - m) / s - (k === y[r] ? 1 : 0)) / kept);
      expectClose(g[r], want, EXACT);
    });
  });

  it("reports a NaN in a typed row, also in an ignored row, before other problems (the eager read's order)", () => {
    const f = "softmaxCrossEntropy";
    expectLossError(() => softmaxCrossEntropy(f32([[0, 1], [NaN, 2]]), [0, 1]), "NOT_FINITE", f, "logits");
    expectLossError(() => softmaxCrossEntropyGrad(f32([[0, 1], [2, NaN]]), [0, 1]), "NOT_FINITE", "softmaxCrossEntropyGrad", "logits");
    expectLossError(() => softmaxCrossEntropy(f32([[NaN, NaN]]), [0]), "NOT_FINITE", f, "logits");
    expectLossError(() => softmaxCrossEntropy(f32([[0, 1], [NaN, 2]]), [0, -1], { ignoreIndex: -1 }), "NOT_FINITE", f, "logits");
    expectLossError(() => softmaxCrossEntropyGrad(f32([[0, 1], [NaN, 2]]), [0, -1], { ignoreIndex: -1 }), "NOT_FINITE", "softmaxCrossEntropyGrad", "logits");
    // An out-of-range target and a NaN logit: the logits are read first.
    expectLossError(() => softmaxCrossEntropy(f32([[0, NaN]]), [5]), "NOT_FINITE", f, "logits");
    // +∞ in row 0 and NaN in row 1: the NaN is what the eager scan meets first.
    const err = expectLossError(() => softmaxCrossEntropy([new Float64Array([Infinity, 0]), new Float64Array([NaN, 0])], [0, 0]), "NOT_FINITE", f, "logits");
    expect(err.message).toContain("NaN");
    expect(softmaxCrossEntropy(f32([[0, -Infinity]]), [0])[0]).toBe(0); // a masked class stays allowed
  });
});
