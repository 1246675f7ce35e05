import { describe, expect, it } from "vitest";
import { focalLoss } from "../../src";
import { chartFocal } from "../../src/charts";
import { expectClose } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectSpecFile } from "./snapshot";
import { readoutExpressions, staticTexts } from "./readout";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
type Row = { pt: number; curve?: string; gamma: number; loss: number; ratio: number | null; kept?: string };

describe("chartFocal", () => {
  it("matches its reviewed spec on two pₜ values and γ ∈ {0, 2}", async () => {
    await expectSpecFile(chartFocal({ gammas: [0, 2], range: [0.5, 1], points: 2, marked: [0.5] }), "focal-small");
  });

  it("matches its reviewed interactive spec: a γ slider over a precomputed grid", async () => {
    await expectSpecFile(chartFocal({ interactive: { min: 1, max: 2, step: 1 }, range: [0.5, 1], points: 2, marked: [0.5] }), "focal-interactive-small");
  });

  it("plots −(1 − p)^γ log p and the ratio (1 − p)^γ (hand-worked at p = 0.5, 1)", () => {
    const curves = chartFocal({ gammas: [0, 2], range: [0.5, 1], points: 2 }).datasets?.curves as Row[];
    // At p = 1 the loss is 0 for every γ and the ratio 0/0 is left out (null).
    expectClose(curves.map((c) => c.loss), [Math.LN2, 0, 0.25 * Math.LN2, 0], EXACT);
    expect(curves.map((c) => c.ratio)).toEqual([1, null, 0.25, null]);
    expect(curves.map((c) => c.curve)).toEqual(["γ = 0 (cross-entropy)", "γ = 0 (cross-entropy)", "γ = 2", "γ = 2"]);
  });

  it("marks the seed's exercise 6 examples: the easy one keeps the smallest share of its loss", () => {
    // Seed check "easy example downweighted most": focal/bce = (1 − p)² = 0.0025 < 0.2025 < 0.81.
    const marked = chartFocal().datasets?.marked as Row[];
    expect(marked.map((m) => m.pt)).toEqual([0.95, 0.55, 0.1]);
    expectClose(marked.map((m) => m.ratio), [0.0025, 0.2025, 0.81], EXACT);
    expect(marked.map((m) => m.kept)).toEqual(["keeps 0.25 %", "keeps 20.25 %", "keeps 81 %"]);
    expectClose(marked.map((m) => m.loss), Array.from(focalLoss([0.95, 0.55, 0.1], { gamma: 2 }) as Float64Array), EXACT);
  });

  it("draws the teaching set γ ∈ {0, 0.5, 1, 2, 5} by default, γ = 0 as the dashed cross-entropy reference", () => {
    const curves = chartFocal().datasets?.curves as Row[];
    expect([...new Set(curves.map((c) => c.curve))]).toEqual(["γ = 0 (cross-entropy)", "γ = 0.5", "γ = 1", "γ = 2", "γ = 5"]);
  });

  it("always draws the marked γ's curve, so the dots sit on a curve", () => {
    const curves = chartFocal({ gammas: [1, 3] }).datasets?.curves as Row[];
    expect([...new Set(curves.map((c) => c.curve))]).toEqual(["γ = 1", "γ = 2", "γ = 3"]);
  });

  it("precomputes the interactive grid with focalLoss at every slider γ (0 to 5 by 0.25)", () => {
    const spec = chartFocal({ interactive: true });
    expect(spec.params).toEqual([{ name: "gamma", value: 2, bind: { input: "range", min: 0, max: 5, step: 0.25, name: "γ " } }]);
    const grid = spec.datasets?.grid as Row[];
    expect([...new Set(grid.map((g) => g.gamma))]).toEqual(Array.from({ length: 21 }, (_, k) => k / 4));
    const rows = grid.filter((g) => g.gamma === 1.75);
    expect(rows.map((g) => g.loss)).toEqual(Array.from(focalLoss(rows.map((g) => g.pt), { gamma: 1.75 }) as Float64Array));
  });

  it("states the slider's γ in its legend, live and in the static image (two decimals: the slider steps by 0.25)", async () => {
    const spec = chartFocal({ interactive: true });
    expect(readoutExpressions(spec)).toEqual(["datum.label === 'focal (γ from the slider)' ? 'focal γ = ' + format(gamma, '.2f') + ' (slider)' : datum.label"]);
    expect(await staticTexts(spec)).toContain("focal γ = 2.00 (slider)");
    expect(await staticTexts(chartFocal({ interactive: true, markedGamma: 0.75 }))).toContain("focal γ = 0.75 (slider)");
    expect((await staticTexts(chartFocal())).filter((t) => t.includes("slider"))).toEqual([]);
  });

  it("rejects γ < 0 (from focalLoss) and pₜ outside [0, 1]", () => {
    expectLossError(() => chartFocal({ gammas: [-1] }), "OUT_OF_DOMAIN", "focalLoss", "gamma");
    expectLossError(() => chartFocal({ marked: [1.5] }), "OUT_OF_DOMAIN", "focalLoss", "pt");
    expectLossError(() => chartFocal({ markedGamma: -1 }), "OUT_OF_DOMAIN", "chartFocal", "markedGamma");
  });
});
