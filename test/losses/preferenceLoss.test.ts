import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { preferenceLoss, preferenceLossGrad, type PreferenceLossOptions, type PreferenceLossType } from "../../src";
import { expectClose, flat } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectGradient } from "../support/gradcheck";
import { expectGradOutErrors, expectGradOutReuse } from "../support/gradOut";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
const TYPES: readonly PreferenceLossType[] = ["sigmoid", "hinge", "ipo", "robust"];

// The seed's exercise 9 batch.
const SEED_W = [-2.0, -1.5];
const SEED_L = [-3.0, -1.0];
const SEED_RW = [-2.2, -1.4];
const SEED_RL = [-2.8, -1.1];

// TRL DPOTrainer.dpo_loss formulas in PyTorch 1.13, float64, β = 0.5: test/losses/reference/pairLosses.py
const B = [[-2.0, -1.5, -0.3], [-3.0, -1.0, -4.0], [-2.2, -1.4, -0.5], [-2.8, -1.1, -3.0]] as const;
const TRL: ReadonlyArray<{ o: PreferenceLossOptions; loss: number[]; dW: number[] }> = [
  { o: { lossType: "sigmoid" }, loss: [0.5981388693815918, 0.744396660073571, 0.4374879504858856], dW: [-0.22508300134376102, -0.26248959373947, -0.17717184688710225] },
  { o: { lossType: "sigmoid", labelSmoothing: 0.1 }, loss: [0.6181388693815918, 0.734396660073571, 0.4974879504858857], dW: [-0.17508300134376104, -0.21248959373947002, -0.12717184688710226] },
  { o: { lossType: "robust", labelSmoothing: 0.1 }, loss: [0.5731388693815918, 0.756896660073571, 0.3624879504858856], dW: [-0.287583001343761, -0.32498959373947, -0.23967184688710225] },
  { o: { lossType: "hinge" }, loss: [0.7999999999999998, 1.1, 0.3999999999999999], dW: [-0.5, -0.5, -0.5] },
  { o: { lossType: "ipo" }, loss: [0.3599999999999996, 1.4400000000000004, 0.04000000000000007], dW: [-1.1999999999999993, -2.4000000000000004, 0.40000000000000036] },
];

const call = (o: PreferenceLossOptions & { reduction?: "none" }, w: number[], l: number[], rw: number[], rl: number[]) =>
  preferenceLoss(w, l, rw, rl, o);

describe("preferenceLoss", () => {
  it("matches the seed's exercise 9: logaddexp(0, −βh), finite, and the better pair below log 2", () => {
    const loss = preferenceLoss(SEED_W, SEED_L, SEED_RW, SEED_RL, { beta: 0.2 });
    // numpy: np.logaddexp(0.0, -0.2 * ((logp_w - ref_w) - (logp_l - ref_l))) (pairLosses.py prints it)
    expectClose(loss, [0.6539469673175899, 0.713347167228034], { rtol: 1e-7, atol: 1e-7 });
    expect(Array.from(loss).every(Number.isFinite)).toBe(true);
    expect(loss[0]).toBeLessThan(Math.log(2));
  });

  it("matches TRL's dpo_loss for every lossType, values and gradients", () => {
    for (const { o, loss, dW } of TRL) {
      const opts = { ...o, beta: 0.5 };
      expectClose(preferenceLoss(...B.map((v) => [...v]) as [number[], number[], number[], number[]], opts), loss, EXACT);
      const g = preferenceLossGrad(...B.map((v) => [...v]) as [number[], number[], number[], number[]], opts);
      expectClose(g, { logpW: dW, logpL: dW.map((v) => -v), refW: dW.map((v) => -v), refL: dW }, EXACT);
    }
  });

  it("follows the formulas on a hand-worked pair (h = 2, β = 0.5, s = 1)", () => {
    // h = (0 − (−1)) − (−1 − 0) = 2. sigmoid: log(1 + e^−1); hinge: max(0, 1 − 1) = 0; ipo: (2 − 1)² = 1;
    // robust with ε = 0.25: (0.75·softplus(−1) − 0.25·softplus(1)) / 0.5.
    const sp = (x: number) => Math.log1p(Math.exp(x));
    const args = [[0], [-1], [-1], [0]] as const;
    const at = (o: PreferenceLossOptions) => preferenceLoss([...args[0]], [...args[1]], [...args[2]], [...args[3]], { beta: 0.5, ...o });
    expectClose(at({}), [sp(-1)], EXACT);
    expectClose(at({ lossType: "hinge" }), [0], EXACT);
    expectClose(at({ lossType: "ipo" }), [1], EXACT);
    expectClose(at({ lossType: "robust", labelSmoothing: 0.25 }), [(0.75 * sp(-1) - 0.25 * sp(1)) / 0.5], EXACT);
    expectClose(at({ reduction: "sum" }), sp(-1), EXACT);
    // Defaults: β = 0.1, sigmoid → log(1 + e^−0.2).
    expectClose(preferenceLoss([0], [-1], [-1], [0]), [sp(-0.2)], EXACT);
  });

  it("writes into a caller's out buffer and reads typed arrays", () => {
    const out = new Float64Array(2);
    const r = preferenceLoss(new Float32Array([-2, -1.5]), SEED_L, new Float64Array(SEED_RW), SEED_RL, { beta: 0.2, out });
    expect(r).toBe(out);
    expectClose(out, preferenceLoss([-2, -1.5], SEED_L, SEED_RW, SEED_RL, { beta: 0.2 }), EXACT);
  });

  it("has gradients equal to central finite differences for every lossType and reduction", () => {
    const x = [[-2.0, -1.5, -0.3], [-3.0, -1.0, -4.0], [-2.2, -1.4, -0.5], [-2.8, -1.1, -3.0]];
    for (const lossType of TYPES) {
      for (const reduction of ["none", "mean", "sum"] as const) {
        const o = { lossType, reduction, beta: 0.7, labelSmoothing: lossType === "sigmoid" || lossType === "robust" ? 0.2 : 0 };
        const g = preferenceLossGrad(x[0], x[1], x[2], x[3], o);
        const keys = ["logpW", "logpL", "refW", "refL"] as const;
        keys.forEach((k, i) => {
          const f = (v: unknown) => preferenceLoss(...(x.map((xi, j) => (j === i ? (v as number[]) : xi)) as [number[], number[], number[], number[]]), o);
          expectGradient(f, g[k], x[i]);
        });
      }
    }
  });

  it("takes the flat side at the hinge's kink (s = 1), as torch.relu's backward", () => {
    // h = 2, β = 0.5: 1 − βh = 0 exactly.
    expectClose(preferenceLossGrad([0], [-1], [-1], [0], { lossType: "hinge", beta: 0.5 }).logpW, [0], EXACT);
  });

  it("is ≥ 0 for sigmoid, hinge and ipo, and robust is unbiased (can be < 0) (property)", () => {
    const v = fc.double({ min: -50, max: 0, noNaN: true });
    fc.assert(
      fc.property(v, v, v, v, fc.double({ min: 0.01, max: 5, noNaN: true }), fc.double({ min: 0, max: 0.49, noNaN: true }), (w, l, rw, rl, beta, eps) => {
        for (const lossType of ["sigmoid", "hinge", "ipo"] as const) {
          const o = { beta, lossType, labelSmoothing: lossType === "sigmoid" ? eps : 0 };
          expect(preferenceLoss([w], [l], [rw], [rl], o)[0]).toBeGreaterThanOrEqual(0);
        }
        // robust with ε = 0 is DPO, exactly.
        expect(preferenceLoss([w], [l], [rw], [rl], { beta, lossType: "robust" })[0]).toBe(preferenceLoss([w], [l], [rw], [rl], { beta })[0]);
      }),
    );
    // A confidently right pair under robust smoothing: ((0.8)·softplus(−10) − 0.2·softplus(10)) / 0.6 < 0.
    expect(preferenceLoss([0], [-100], [0], [0], { lossType: "robust", labelSmoothing: 0.2 })[0]).toBeLessThan(0);
  });

  it("gradients equal finite differences on random inputs (property)", () => {
    const v = fc.double({ min: -20, max: 0, noNaN: true });
    fc.assert(
      fc.property(fc.tuple(v, v, v, v), fc.double({ min: 0.05, max: 2, noNaN: true }), fc.constantFrom(...TYPES), fc.double({ min: 0, max: 0.45, noNaN: true }), (x, beta, lossType, eps) => {
        const h = x[0] - x[2] - (x[1] - x[3]);
        fc.pre(lossType !== "hinge" || Math.abs(1 - beta * h) > 1e-3);
        const o = { beta, lossType, labelSmoothing: lossType === "sigmoid" || lossType === "robust" ? eps : 0 };
        const g = preferenceLossGrad([x[0]], [x[1]], [x[2]], [x[3]], o);
        const f = (w: unknown) => preferenceLoss(w as number[], [x[1]], [x[2]], [x[3]], o);
        expectGradient(f, g.logpW, [x[0]], { rtol: 1e-5, atol: 1e-6 }, 1e-5);
      }),
      { numRuns: 200 },
    );
  });

  it("writes its gradients into the caller's gradOut buffers, reused across calls (issue 6)", () => {
    const [w, l, rw, rl] = B.map((v) => [...v]);
    const half = B.map((v) => Float64Array.from(v, (x) => x / 2)); // typed, other values
    const sizes = { logpW: 3, logpL: 3, refW: 3, refL: 3 };
    // Plain DPO has its own loops; ipo and smoothed sigmoid take the general ones.
    for (const o of [{}, { lossType: "ipo" as const }, { labelSmoothing: 0.1 }]) {
      for (const reduction of ["none", "mean"] as const) {
        expectGradOutReuse(
          sizes,
          (gradOut) => preferenceLossGrad(w, l, rw, rl, { ...o, beta: 0.5, reduction, gradOut }),
          (gradOut) => preferenceLossGrad(half[0], half[1], half[2], half[3], { ...o, reduction, gradOut }),
        );
      }
    }
    // Hand-worked: h = 0, "mean" over 1 pair, β = 0.1: ∂/∂refL = −β·σ(0) = −0.05.
    const refL = new Float64Array(1).fill(NaN);
    expect(preferenceLossGrad([0], [0], [0], [0], { reduction: "mean", gradOut: { refL } }).refL).toBe(refL);
    expectClose(refL, [-0.05], EXACT);
    expectClose(preferenceLoss(w, l, rw, rl, { gradOut: { refL } }), preferenceLoss(w, l, rw, rl), EXACT); // ignored
  });

  it("rejects a bad gradOut, and gradOut buffers sharing memory with an input (not computed in place)", () => {
    const fn = "preferenceLossGrad";
    const sizes = { logpW: 1, logpL: 1, refW: 1, refL: 1 };
    expectGradOutErrors(fn, sizes, (gradOut) => preferenceLossGrad([-1], [-2], [-1], [-1], { gradOut } as PreferenceLossOptions));
    const ref = new Float64Array([-1, -1]);
    expectLossError(() => preferenceLossGrad([-1, 0], [-2, 0], ref, [0, 0], { gradOut: { refW: ref } }), "OUT_OF_DOMAIN", fn, "gradOut.refW");
    const e = expectLossError(() => preferenceLossGrad([-1, 0], [-2, 0], ref, [0, 0], { gradOut: { logpL: ref } }), "OUT_OF_DOMAIN", fn, "gradOut.logpL");
    expect(e.message).toContain("must not overlap the input refW");
    const both = new Float64Array(3); // refL is both[0, 2), gradOut.logpW both[1, 3)
    expectLossError(() => preferenceLossGrad([-1, 0], [-2, 0], [0, 0], both.subarray(0, 2), { gradOut: { logpW: both.subarray(1) } }), "OUT_OF_DOMAIN", fn, "gradOut.logpW");
    expect(Array.from(ref)).toEqual([-1, -1]);
  });

  it("stays finite at |βh| = 1000 and for extreme log-probabilities", () => {
    // β = 0.1, h = ±10000 → s = ±1000: softplus(−1000) = 0 (e^−1000 underflows), softplus(1000) = 1000.
    for (const lossType of TYPES) {
      const o = { beta: 0.1, lossType, labelSmoothing: lossType === "ipo" || lossType === "hinge" ? 0 : 0.1 };
      const loss = call(o, [0, -10000], [-10000, 0], [0, 0], [0, 0]);
      const g = preferenceLossGrad([0, -10000], [-10000, 0], [0, 0], [0, 0], o);
      expect(Array.from(loss).every(Number.isFinite)).toBe(true);
      expect(flat(Object.values(g)).every(Number.isFinite)).toBe(true);
    }
    expectClose(call({ beta: 0.1 }, [0, -10000], [-10000, 0], [0, 0], [0, 0]), [0, 1000], EXACT);
    // Differences past float64 give ±Infinity, never ∞ − ∞ = NaN.
    const huge = call({ beta: 1 }, [1e308, -1e308], [-1e308, 1e308], [-1e308, 1e308], [1e308, -1e308]);
    expect(Array.from(huge)).toEqual([0, Infinity]);
    // Both log-ratios overflow but cancel: h = ∞ − ∞ naively, 0 at half scale → log 2.
    expectClose(call({}, [1e308], [1e308], [-1e308], [-1e308]), [Math.LN2], EXACT);
    expect(flat(Object.values(preferenceLossGrad([1e308], [-1e308], [-1e308], [1e308]))).some(Number.isNaN)).toBe(false);
  });

  it("rejects bad input with typed errors", () => {
    const fn = "preferenceLoss";
    const ok = [[-1], [-2], [-1], [-1]] as const;
    const with_ = (o: PreferenceLossOptions) => () => preferenceLoss([...ok[0]], [...ok[1]], [...ok[2]], [...ok[3]], o);
    expectLossError(with_({ beta: 0 }), "OUT_OF_DOMAIN", fn, "beta");
    expectLossError(with_({ beta: -0.1 }), "OUT_OF_DOMAIN", fn, "beta");
    expectLossError(with_({ beta: NaN }), "NOT_FINITE", fn, "beta");
    expectLossError(with_({ lossType: "kto" as PreferenceLossType }), "OUT_OF_DOMAIN", fn, "lossType");
    expectLossError(with_({ labelSmoothing: 1 }), "OUT_OF_DOMAIN", fn, "labelSmoothing");
    expectLossError(with_({ labelSmoothing: -0.1 }), "OUT_OF_DOMAIN", fn, "labelSmoothing");
    expectLossError(with_({ lossType: "robust", labelSmoothing: 0.5 }), "OUT_OF_DOMAIN", fn, "labelSmoothing");
    expectLossError(with_({ lossType: "hinge", labelSmoothing: 0.1 }), "OUT_OF_DOMAIN", fn, "labelSmoothing");
    expectLossError(with_({ lossType: "ipo", labelSmoothing: 0.1 }), "OUT_OF_DOMAIN", fn, "labelSmoothing");
    expectLossError(with_({ reduction: "avg" as "mean" }), "OUT_OF_DOMAIN", fn, "reduction");
    expectLossError(with_({ out: new Float64Array(2) }), "SHAPE_MISMATCH", fn, "out");
    expectLossError(() => preferenceLoss([], [], [], []), "EMPTY", fn, "logpW");
    expectLossError(() => preferenceLoss([-1, -2], [-1], [-1, -2], [-1, -2]), "SHAPE_MISMATCH", fn, "logpL");
    expectLossError(() => preferenceLoss([-1], [-1], [-1], [-1, -2]), "SHAPE_MISMATCH", fn, "refL");
    expectLossError(() => preferenceLoss([-1], [-Infinity], [-1], [-1]), "NOT_FINITE", fn, "logpL");
    expectLossError(() => preferenceLoss([-1], [-1], [NaN], [-1]), "NOT_FINITE", fn, "refW");
    expectLossError(() => preferenceLoss([-1], [-1], [-1], [-1], "fast" as unknown as PreferenceLossOptions), "INVALID_TYPE", fn, "opts");
    expectLossError(() => preferenceLossGrad([-1], [-1], [-1], [-1], { beta: 0 }), "OUT_OF_DOMAIN", "preferenceLossGrad", "beta");
  });
});
