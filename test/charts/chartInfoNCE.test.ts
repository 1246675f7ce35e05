import { describe, expect, it } from "vitest";
import { infoNCE } from "../../src";
import { chartInfoNCE } from "../../src/charts";
import { expectClose } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectSpecFile } from "./snapshot";
import { readoutExpressions, staticTexts } from "./readout";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
const SEED_SIM = [[2.0, 0.5, 0.1], [0.0, 1.5, 0.2], [0.1, 0.4, 1.0]];
type Row = { tau: number; curve: string; loss: number };

describe("chartInfoNCE", () => {
  it("matches its reviewed spec on a 2×2 identity and two temperatures", async () => {
    await expectSpecFile(chartInfoNCE({ sim: [[1, 0], [0, 1]], range: [1, 2], points: 2, temperature: 1 }), "infonce-small");
  });

  it("gives each row log(1 + e^(−1/τ)) for the 2×2 identity (hand-worked at τ = 1, 2)", () => {
    const curves = chartInfoNCE({ sim: [[1, 0], [0, 1]], range: [1, 2], points: 2 }).datasets?.curves as Row[];
    const row1 = curves.filter((c) => c.curve === "row 1: positive 1, top negative 0");
    expectClose(row1.map((c) => c.loss), [Math.log1p(Math.exp(-1)), Math.log1p(Math.exp(-0.5))], EXACT);
    expect(curves.filter((c) => c.curve === "log N (τ → ∞: uniform)")).toEqual([
      { tau: 1, curve: "log N (τ → ∞: uniform)", loss: Math.LN2 },
      { tau: 2, curve: "log N (τ → ∞: uniform)", loss: Math.LN2 },
    ]);
  });

  it("marks the seed's τ = 0.5 with its per-row losses, whose mean is below the seed's 0.5", () => {
    const marked = chartInfoNCE().datasets?.marked as Row[];
    const seed = infoNCE(SEED_SIM, { temperature: 0.5 });
    expect(marked.slice(0, 3).map((m) => m.loss)).toEqual(Array.from(seed));
    expect(marked.every((m) => m.tau === 0.5)).toBe(true);
    const mean = marked[3];
    expect(mean.curve).toBe("mean over rows");
    expect(mean.loss).toBeLessThan(0.5); // seed check "positive diagonal gives low mean loss"
  });

  it("samples the temperature evenly on a log scale, ends exact", () => {
    const taus = [...new Set((chartInfoNCE({ range: [0.1, 10], points: 3 }).datasets?.curves as Row[]).map((c) => c.tau))];
    expectClose(taus, [0.1, 1, 10], EXACT);
    expect([taus[0], taus[2]]).toEqual([0.1, 10]);
  });

  it("precomputes the marked rows at every slider τ with infoNCE", () => {
    const spec = chartInfoNCE({ interactive: true });
    expect(spec.params).toEqual([{ name: "tau", value: 0.5, bind: { input: "range", min: 0.05, max: 2, step: 0.05, name: "τ " } }]);
    const marked = spec.datasets?.marked as Row[];
    expect(marked).toHaveLength(40 * 4);
    const at = marked.filter((m) => m.tau === 0.35).slice(0, 3).map((m) => m.loss);
    expect(at).toEqual(Array.from(infoNCE(SEED_SIM, { temperature: 0.35 })));
  });

  it("labels the marked rule with the slider's τ, live and in the static image", async () => {
    const spec = chartInfoNCE({ interactive: true });
    expect(readoutExpressions(spec)).toEqual(["'τ = ' + format(datum.tau, '.2f') + ' (slider)'"]);
    expect(await staticTexts(spec)).toContain("τ = 0.50 (slider)");
    expect(await staticTexts(chartInfoNCE({ interactive: true, temperature: 1.25 }))).toContain("τ = 1.25 (slider)");
    expect(await staticTexts(chartInfoNCE())).toContain("τ = 0.5");
  });

  it("rejects a non-positive temperature range and a bad matrix (from infoNCE)", () => {
    expectLossError(() => chartInfoNCE({ range: [0, 1] }), "OUT_OF_DOMAIN", "chartInfoNCE", "range[0]");
    expectLossError(() => chartInfoNCE({ temperature: 0 }), "OUT_OF_DOMAIN", "chartInfoNCE", "temperature");
    expectLossError(() => chartInfoNCE({ sim: [[1, 0], [0]] }), "SHAPE_MISMATCH", "infoNCE", "sim");
  });
});
