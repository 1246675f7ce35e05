import { describe, expect, it } from "vitest";
import { preferenceLoss } from "../../src";
import { chartPreference } from "../../src/charts";
import { expectClose } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectSpecFile } from "./snapshot";
import { readoutExpressions, staticTexts } from "./readout";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
type Wide = { h: number; beta: number; sigmoid: number; hinge: number; ipo: number; robust: number };
const softplus = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
const ZERO_PAIR = { logpW: [0], logpL: [0], refW: [0], refL: [0] };

describe("chartPreference", () => {
  it("matches its reviewed spec on three margins at β = 1", async () => {
    await expectSpecFile(chartPreference({ betas: [1], beta: 1, range: [-1, 1], points: 3, marked: ZERO_PAIR }), "preference-small");
  });

  it("matches its reviewed interactive spec: one β slider for both panels", async () => {
    const spec = chartPreference({ interactive: { min: 0.5, max: 1, step: 0.5 }, beta: 1, range: [-1, 1], points: 3, marked: ZERO_PAIR });
    await expectSpecFile(spec, "preference-interactive-small");
  });

  it("computes the four loss types at β = 1 (hand-worked at h = −1, 0, 1, robust ε = 0.1)", () => {
    const rows = chartPreference({ betas: [1], beta: 1, range: [-1, 1], points: 3 }).datasets?.byType as Wide[];
    const h = [-1, 0, 1];
    expectClose(rows.map((r) => r.sigmoid), h.map((x) => softplus(-x)), EXACT); // −log σ(βh)
    expectClose(rows.map((r) => r.hinge), [2, 1, 0], EXACT); // max(0, 1 − βh)
    expectClose(rows.map((r) => r.ipo), [2.25, 0.25, 0.25], EXACT); // (h − 1/(2β))²
    expectClose(rows.map((r) => r.robust), h.map((x) => (0.9 * softplus(-x) - 0.1 * softplus(x)) / 0.8), EXACT);
  });

  it("draws one sigmoid curve per β: a larger β is steeper (hand-worked at h = −10: softplus(10β))", () => {
    const byBeta = chartPreference().datasets?.byBeta as Array<{ h: number; curve: string; beta: number; loss: number }>;
    expect([...new Set(byBeta.map((r) => r.curve))]).toEqual(["β = 0.1", "β = 0.2", "β = 0.5", "β = 1"]);
    const atLeft = byBeta.filter((r) => r.h === -10).map((r) => r.loss);
    expectClose(atLeft, [softplus(1), softplus(2), softplus(5), softplus(10)], EXACT);
  });

  it("marks the seed's exercise 9 pairs at β = 0.2: the first has the better relative advantage, loss < log 2", () => {
    const marked = chartPreference().datasets?.marked as Array<{ h: number; beta: number; loss: number; pair: string }>;
    // Seed: h = (−2 + 2.2) − (−3 + 2.8) = 0.4 and (−1.5 + 1.4) − (−1 + 1.1) = −0.2.
    expectClose(marked.map((m) => m.h), [0.4, -0.2], EXACT);
    const seed = preferenceLoss([-2.0, -1.5], [-3.0, -1.0], [-2.2, -1.4], [-2.8, -1.1], { beta: 0.2 });
    expect(marked.map((m) => m.loss)).toEqual(Array.from(seed));
    expect(marked[0].loss).toBeLessThan(Math.LN2);
  });

  it("reads both panels from the β grid in interactive form, with fixed y ranges", () => {
    const spec = chartPreference({ interactive: true });
    expect(spec.params).toEqual([{ name: "beta", value: 0.2, bind: { input: "range", min: 0.05, max: 1, step: 0.05, name: "β " } }]);
    expect(Object.keys(spec.datasets ?? {})).toEqual(["byType", "marked"]);
    const rows = (spec.datasets?.byType as Wide[]).filter((r) => r.beta === 0.65);
    const h = rows.map((r) => r.h);
    const zeros = h.map(() => 0);
    expect(rows.map((r) => r.ipo)).toEqual(Array.from(preferenceLoss(h, zeros, zeros, zeros, { beta: 0.65, lossType: "ipo" })));
    expect(spec.hconcat.map((p) => (p.layer[0] as { encoding: { y: { scale?: unknown } } }).encoding.y.scale)).toEqual([{ domain: [0, 11] }, { domain: [-0.5, 4] }]);
  });

  it("states the slider's β in the left legend, live and in the static image", async () => {
    const spec = chartPreference({ interactive: true });
    expect(readoutExpressions(spec)).toEqual(["datum.label === 'sigmoid (DPO)' ? 'β = ' + format(beta, '.2f') + ' (slider)' : datum.label"]);
    expect(await staticTexts(spec)).toContain("β = 0.20 (slider)");
    expect(await staticTexts(chartPreference({ interactive: true, beta: 0.65 }))).toContain("β = 0.65 (slider)");
    expect((await staticTexts(chartPreference())).filter((t) => t.includes("slider"))).toEqual([]);
  });

  it("rejects β ≤ 0 (from preferenceLoss) and a robust ε ≥ ½", () => {
    expectLossError(() => chartPreference({ betas: [0] }), "OUT_OF_DOMAIN", "preferenceLoss", "beta");
    expectLossError(() => chartPreference({ robustSmoothing: 0.5 }), "OUT_OF_DOMAIN", "chartPreference", "robustSmoothing");
  });
});
