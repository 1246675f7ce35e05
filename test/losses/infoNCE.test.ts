import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { infoNCE, infoNCEGrad, softmaxCrossEntropy } from "../../src";
import { expectClose, flat } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectGradient } from "../support/gradcheck";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
const FD = { rtol: 1e-6, atol: 1e-7 };
const SIM = [[2.0, 0.5, 0.1], [0.0, 1.5, 0.2], [0.1, 0.4, 1.0]]; // the seed's exercise 7
const SOFTPLUS_M1 = Math.log(1 + Math.exp(-1)); // log(1 + e⁻¹) = 0.31326168751822286

describe("infoNCE", () => {
  it("matches the seed's exercise 7: mean loss < 0.5 with τ = 0.5", () => {
    const loss = infoNCE(SIM, { temperature: 0.5 });
    expect(loss.reduce((a, b) => a + b, 0) / loss.length < 0.5).toBe(true);
    // The seed's own formula −logits[i, i] + logsumexp(logits, axis=1), evaluated with numpy 2.4.
    expectClose(loss, [0.06967329082496326, 0.11694770604990853, 0.3828739044354073], EXACT);
    expectClose(infoNCE(SIM, { temperature: 0.5, reduction: "mean" }), 0.18983163377009304, EXACT);
  });

  it("is log(1 + e⁻¹) per row for the identity (hand-worked), and sums / averages as PyTorch", () => {
    const I = [[1, 0], [0, 1]];
    expectClose(infoNCE(I), [SOFTPLUS_M1, SOFTPLUS_M1], EXACT);
    expectClose(infoNCE(I, { reduction: "sum" }), 2 * SOFTPLUS_M1, EXACT);
    expectClose(infoNCE(I, { reduction: "mean" }), SOFTPLUS_M1, EXACT);
    // τ = 0.5 doubles the logits: log(1 + e⁻²).
    expectClose(infoNCE(I, { temperature: 0.5 }), [Math.log(1 + Math.exp(-2)), Math.log(1 + Math.exp(-2))], EXACT);
  });

  it("accepts extra negative columns (m > n): row CE over all m entries (hand-worked)", () => {
    // Row 0 of [[1, 0, 0]]: −1 + log(e + 2).
    expectClose(infoNCE([[1, 0, 0]]), [Math.log(Math.E + 2) - 1], EXACT);
  });

  it("averages row and column cross-entropies per index when symmetric", () => {
    // numpy 2.4: ½·(−diag log_softmax(S/τ) − diag log_softmax(Sᵀ/τ)) for the seed's matrix, τ = 0.5.
    const sym = infoNCE(SIM, { temperature: 0.5, symmetric: true });
    expectClose(sym, [0.0547768982994246, 0.1684986145352232, 0.34781769862751744], EXACT);
    // By hand: column 0 of [[2, 0], [1, 1]] is [2, 1] → CE log(1 + e⁻¹); row 0 is [2, 0] → log(1 + e⁻²).
    const s = infoNCE([[2, 0], [1, 1]], { symmetric: true });
    expectClose(s[0], 0.5 * (Math.log(1 + Math.exp(-2)) + SOFTPLUS_M1), EXACT);
  });

  it("equals softmaxCrossEntropy of sim/τ with labels 0 … n − 1", () => {
    const logits = SIM.map((row) => row.map((v) => v / 0.5));
    expectClose(infoNCE(SIM, { temperature: 0.5 }), softmaxCrossEntropy(logits, [0, 1, 2]), { rtol: 1e-13, atol: 1e-15 });
  });

  it("writes into a caller's out buffer", () => {
    const out = new Float64Array(3);
    expect(infoNCE(SIM, { out })).toBe(out);
    const gOut = new Float64Array(9);
    expect(infoNCEGrad(SIM, { out: gOut, symmetric: true })[1].buffer).toBe(gOut.buffer);
  });

  it("has gradient (softmax − one-hot)/τ (hand-worked for zeros)", () => {
    expectClose(infoNCEGrad([[0, 0], [0, 0]], { temperature: 0.5 }), [[-1, 1], [1, -1]], EXACT);
    expectClose(infoNCEGrad([[0, 0], [0, 0]], { symmetric: true, reduction: "mean" }), [[-0.25, 0.25], [0.25, -0.25]], EXACT);
  });

  it("has a gradient equal to central finite differences for every option", () => {
    const rect = [[2.0, 0.5, 0.1, -0.3], [0.0, 1.5, 0.2, 0.8]];
    for (const reduction of ["none", "mean", "sum"] as const) {
      for (const symmetric of [false, true]) {
        const o = { temperature: 0.3, symmetric, reduction };
        expectGradient((x) => infoNCE(x as number[][], o), infoNCEGrad(SIM, o), SIM, FD);
      }
      const o = { temperature: 0.7, reduction };
      expectGradient((x) => infoNCE(x as number[][], o), infoNCEGrad(rect, o), rect, FD);
    }
  });

  it("treats an off-diagonal −∞ as a masked negative", () => {
    const masked = [[1, -Infinity, 0], [0, 1, 0], [0, 0, 1]];
    expectClose(infoNCE(masked)[0], Math.log(Math.E + 1) - 1, EXACT); // by hand: only column 2 competes
    const g = infoNCEGrad(masked, { symmetric: true });
    expect(g[0][1]).toBe(0);
    expect(flat(g).every(Number.isFinite)).toBe(true);
  });

  it("stays finite for extreme similarities and tiny temperatures", () => {
    const big = SIM.map((row) => row.map((v) => v * 1e3));
    for (const symmetric of [false, true]) {
      expect(flat(infoNCE(big, { temperature: 1e-3, symmetric })).every(Number.isFinite)).toBe(true);
      expect(flat(infoNCEGrad(big, { temperature: 1e-3, symmetric })).every(Number.isFinite)).toBe(true);
    }
    // By hand: [[1000, 0], [0, 1000]] → log(1 + e⁻¹⁰⁰⁰) = 0 in float64, exactly.
    expectClose(infoNCE([[1000, 0], [0, 1000]]), [0, 0], EXACT);
  });

  it("rejects bad input with typed errors", () => {
    const f = "infoNCE";
    expectLossError(() => infoNCE([]), "EMPTY", f, "sim");
    expectLossError(() => infoNCE([[1, 0], [0]]), "SHAPE_MISMATCH", f, "sim");
    expectLossError(() => infoNCE([[1], [0]]), "SHAPE_MISMATCH", f, "sim");
    expectLossError(() => infoNCE([[1, 0, 0], [0, 1, 0]], { symmetric: true }), "SHAPE_MISMATCH", f, "sim");
    expectLossError(() => infoNCE([[NaN, 0], [0, 1]]), "NOT_FINITE", f, "sim");
    expectLossError(() => infoNCE([[1, Infinity], [0, 1]]), "NOT_FINITE", f, "sim");
    expectLossError(() => infoNCE([[1, 0], [0, -Infinity]]), "NOT_FINITE", f, "sim");
    expectLossError(() => infoNCE([[1, 0], [0, 1]], { temperature: 0 }), "OUT_OF_DOMAIN", f, "temperature");
    expectLossError(() => infoNCE([[1, 0], [0, 1]], { temperature: -1 }), "OUT_OF_DOMAIN", f, "temperature");
    expectLossError(() => infoNCE([[1, 0], [0, 1]], { reduction: "avg" as "mean" }), "OUT_OF_DOMAIN", f, "reduction");
    expectLossError(() => infoNCE([[1, 0], [0, 1]], { symmetric: "yes" as unknown as boolean }), "INVALID_TYPE", f, "symmetric");
    expectLossError(() => infoNCE([[1, 0], [0, 1]], { out: new Float64Array(3) }), "SHAPE_MISMATCH", f, "out");
    expectLossError(() => infoNCEGrad([[1, 0], [0, 1]], { temperature: 0 }), "OUT_OF_DOMAIN", "infoNCEGrad", "temperature");
    expectLossError(() => infoNCEGrad([[1, Infinity], [0, 1]], { symmetric: true }), "NOT_FINITE", "infoNCEGrad", "sim");
  });
});

const simArb = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.record({
    sim: fc.array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
    temperature: fc.double({ min: 0.2, max: 2, noNaN: true }),
    symmetric: fc.boolean(),
    reduction: fc.constantFrom("none" as const, "mean" as const, "sum" as const),
    shift: fc.double({ min: -50, max: 50, noNaN: true }),
  }),
);

describe("infoNCE properties", () => {
  it("is ≥ 0", () => {
    fc.assert(fc.property(simArb, ({ sim, temperature, symmetric }) => infoNCE(sim, { temperature, symmetric }).every((l) => l >= 0)), { numRuns: 200 });
  });

  it("is unchanged by adding a constant to a row (non-symmetric)", () => {
    fc.assert(fc.property(simArb, ({ sim, temperature, shift }) => {
      const moved = sim.map((row, r) => (r === 0 ? row.map((v) => v + shift) : row));
      expectClose(infoNCE(moved, { temperature }), infoNCE(sim, { temperature }), { rtol: 1e-9, atol: 1e-10 });
    }), { numRuns: 200 });
  });

  it("has gradients equal to finite differences on random inputs", () => {
    fc.assert(fc.property(simArb, ({ sim, temperature, symmetric, reduction }) => {
      const o = { temperature, symmetric, reduction };
      expectGradient((x) => infoNCE(x as number[][], o), infoNCEGrad(sim, o), sim, { rtol: 1e-5, atol: 1e-6 }, 1e-5);
    }), { numRuns: 100 });
  });
});

describe("infoNCE on typed rows (values checked inside the row loops)", () => {
  it("matches plain arrays and reports NaN before the diagonal's −∞", () => {
    const typed = SIM.map((r) => Float64Array.from(r));
    expectClose(infoNCE(typed, { symmetric: true }), infoNCE(SIM, { symmetric: true }), EXACT);
    expectClose(infoNCEGrad(typed, { symmetric: true }), infoNCEGrad(SIM, { symmetric: true }), EXACT);
    expectLossError(() => infoNCE([new Float32Array([1, NaN]), new Float32Array([0, 1])]), "NOT_FINITE", "infoNCE", "sim");
    expectLossError(() => infoNCEGrad([new Float32Array([1, 0]), new Float32Array([0, NaN])]), "NOT_FINITE", "infoNCEGrad", "sim");
    const err = expectLossError(() => infoNCE([new Float64Array([-Infinity, 0]), new Float64Array([NaN, 1])]), "NOT_FINITE", "infoNCE", "sim");
    expect(err.message).toContain("NaN");
  });
});
