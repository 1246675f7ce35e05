import { describe, expect, it } from "vitest";
import { chartCrossEntropy } from "../../src/charts";
import { expectClose } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectSpecFile } from "./snapshot";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
type Row = { gap: number; curve: string; loss: number };

describe("chartCrossEntropy", () => {
  it("matches its reviewed spec on a two-class, three-gap input", async () => {
    const spec = chartCrossEntropy({ range: [-1, 1], points: 3, others: [0], labelSmoothing: [0], marked: { logits: [[1, 0]], targets: [0] } });
    await expectSpecFile(spec, "cross-entropy-small");
  });

  it("is softplus(−gap) for two classes (hand-worked: log(1 + e^−g) at g = −1, 0, 1)", () => {
    const curves = chartCrossEntropy({ range: [-1, 1], points: 3, others: [0], labelSmoothing: [0] }).datasets?.curves as Row[];
    const ce = curves.filter((c) => c.curve === "cross-entropy");
    expectClose(ce.map((c) => c.loss), [Math.log1p(Math.E), Math.LN2, Math.log1p(Math.exp(-1))], EXACT);
    expect(curves.filter((c) => c.curve === "max(0, −gap)").map((c) => c.loss)).toEqual([1, 0, 0]);
  });

  it("puts both seed rows of exercise 4 on the ε = 0 curve: CE sees only logit differences", () => {
    // Seed: CE([2, 1, 0] → 0) = −2 + log(e² + e + 1); [1000, 999, 998] → 2 is the same row shifted: gap −2.
    const spec = chartCrossEntropy();
    const seed = -2 + Math.log(Math.exp(2) + Math.exp(1) + 1);
    const marked = spec.datasets?.marked as Array<{ gap: number; loss: number; label: string }>;
    expect(marked.map((m) => [m.gap, m.label])).toEqual([[1, "[2, 1, 0] → class 0"], [-2, "[1000, 999, 998] → class 2"]]);
    expectClose(marked[0].loss, seed, EXACT);
    expectClose(marked[1].loss, seed + 2, EXACT); // −998 + 1000 + log(1 + e^−1 + e^−2): the seed value + 2
    const ce = (spec.datasets?.curves as Row[]).filter((c) => c.curve === "cross-entropy");
    for (const m of marked) expectClose(ce.find((c) => c.gap === m.gap)?.loss, m.loss, EXACT);
  });

  it("keeps a floor with label smoothing (hand-worked at gap 0 for logits [1, 1, 0], ε = 0.1)", () => {
    const curves = chartCrossEntropy().datasets?.curves as Row[];
    const at0 = curves.find((c) => c.curve === "label smoothing ε = 0.1" && c.gap === 0)?.loss;
    const lse = Math.log(2 * Math.E + 1);
    const logp = [1 - lse, 1 - lse, -lse];
    // (1 − ε)·(−log p₀) + (ε/3)·Σₖ −log pₖ
    expectClose(at0, 0.9 * -logp[0] + (0.1 / 3) * -(logp[0] + logp[1] + logp[2]), EXACT);
    const smooth = curves.filter((c) => c.curve === "label smoothing ε = 0.1").map((c) => c.loss);
    expect(Math.min(...smooth)).toBeGreaterThan(0.25); // never reaches 0, unlike plain CE
  });

  it("rejects no other logits, a class-less marked row and a bad ε (from softmaxCrossEntropy)", () => {
    expectLossError(() => chartCrossEntropy({ others: [] }), "EMPTY", "chartCrossEntropy", "others");
    expectLossError(() => chartCrossEntropy({ labelSmoothing: [1] }), "OUT_OF_DOMAIN", "softmaxCrossEntropy", "labelSmoothing");
    expectLossError(() => chartCrossEntropy({ others: [Number.NaN] }), "NOT_FINITE", "chartCrossEntropy", "others[0]");
    expectLossError(() => chartCrossEntropy({ marked: { logits: [[1]], targets: [0] } }), "SHAPE_MISMATCH", "chartCrossEntropy", "marked");
  });
});
