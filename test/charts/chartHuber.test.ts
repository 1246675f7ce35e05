import { describe, expect, it } from "vitest";
import { huber, huberGrad } from "../../src";
import { chartHuber } from "../../src/charts";
import { expectLossError } from "../support/errors";
import { expectSpecFile } from "./snapshot";
import { readoutExpressions, staticTexts } from "./readout";

type Row = { residual: number; curve?: string; delta: number | null; loss: number; gradient: number };

describe("chartHuber", () => {
  it("matches its reviewed spec on a three-residual input", async () => {
    await expectSpecFile(chartHuber({ deltas: [1], range: [-2, 2], points: 3, marked: [0.5] }), "huber-small");
  });

  it("matches its reviewed interactive spec: a δ slider over a precomputed grid", async () => {
    const spec = chartHuber({ interactive: { min: 0.5, max: 1, step: 0.5 }, range: [-2, 2], points: 3, marked: [0.5] });
    await expectSpecFile(spec, "huber-interactive-small");
  });

  it("draws Huber, ½r² and |r| with their gradients (hand-worked at r = −2, 0, 2, δ = 1)", () => {
    // Huber δ=1: |r| > δ → δ(|r| − δ/2) = 1.5, gradient δ·sign(r); ½r² = 2 with gradient r; |r| with sign(r).
    expect(chartHuber({ deltas: [1], range: [-2, 2], points: 3 }).datasets?.curves).toEqual([
      { residual: -2, curve: "Huber δ = 1", delta: 1, loss: 1.5, gradient: -1 },
      { residual: 0, curve: "Huber δ = 1", delta: 1, loss: 0, gradient: 0 },
      { residual: 2, curve: "Huber δ = 1", delta: 1, loss: 1.5, gradient: 1 },
      { residual: -2, curve: "½r² (squared)", delta: null, loss: 2, gradient: -2 },
      { residual: 0, curve: "½r² (squared)", delta: null, loss: 0, gradient: 0 },
      { residual: 2, curve: "½r² (squared)", delta: null, loss: 2, gradient: 2 },
      { residual: -2, curve: "|r| (absolute)", delta: null, loss: 2, gradient: -1 },
      { residual: 0, curve: "|r| (absolute)", delta: null, loss: 0, gradient: 0 },
      { residual: 2, curve: "|r| (absolute)", delta: null, loss: 2, gradient: 1 },
    ]);
  });

  it("marks the seed's exercise 2 residuals at δ = 1 with the seed's values", () => {
    // Seed: huber([-2, -0.5, 0, 0.5, 3], δ=1) = [1.5, 0.125, 0, 0.125, 2.5]; gradient = r clipped at ±1.
    const marked = chartHuber().datasets?.marked as Row[];
    expect(marked.map((m) => m.residual)).toEqual([-2, -0.5, 0, 0.5, 3]);
    expect(marked.map((m) => m.loss)).toEqual([1.5, 0.125, 0, 0.125, 2.5]);
    expect(marked.map((m) => m.gradient)).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it("clips every gradient curve at ±δ", () => {
    const curves = chartHuber().datasets?.curves as Row[];
    for (const delta of [0.5, 1, 2]) {
      const grads = curves.filter((c) => c.delta === delta).map((c) => c.gradient);
      expect(Math.max(...grads)).toBe(delta);
      expect(Math.min(...grads)).toBe(-delta);
    }
  });

  it("precomputes the interactive grid with the library's own values at every slider δ", () => {
    const spec = chartHuber({ interactive: true });
    expect(spec.params).toEqual([{ name: "delta", value: 1, bind: { input: "range", min: 0.1, max: 3, step: 0.1, name: "δ " } }]);
    const grid = spec.datasets?.grid as Row[];
    const deltas = [...new Set(grid.map((g) => g.delta))];
    expect(deltas).toHaveLength(30);
    expect(deltas.slice(0, 3)).toEqual([0.1, 0.2, 0.3]); // as the slider reports them, not 0.30000000000000004
    for (const delta of [0.3, 1, 2.7]) {
      const rows = grid.filter((g) => g.delta === delta);
      const r = rows.map((g) => g.residual);
      expect(rows.map((g) => g.loss)).toEqual(Array.from(huber(r, { delta, reduction: "none" }) as Float64Array));
      expect(rows.map((g) => g.gradient)).toEqual(Array.from(huberGrad(r, { delta }) as Float64Array));
    }
  });

  it("states the slider's δ in its legend, live and in the static image (the starting δ with one decimal)", async () => {
    const spec = chartHuber({ interactive: true });
    expect(readoutExpressions(spec)).toEqual(["datum.label === 'Huber (δ from the slider)' ? 'Huber δ = ' + format(delta, '.1f') + ' (slider)' : datum.label"]);
    expect(await staticTexts(spec)).toContain("Huber δ = 1.0 (slider)");
    expect(await staticTexts(chartHuber({ interactive: true, markedDelta: 2.5 }))).toContain("Huber δ = 2.5 (slider)");
    expect((await staticTexts(chartHuber())).filter((t) => t.includes("slider"))).toEqual([]);
  });

  it("drops marked residuals outside the range", () => {
    expect((chartHuber({ range: [-1, 1] }).datasets?.marked as Row[]).map((m) => m.residual)).toEqual([-0.5, 0, 0.5]);
  });

  it("rejects δ ≤ 0 (from huber), a slider grid without the start δ, and a bad slider", () => {
    expectLossError(() => chartHuber({ deltas: [0] }), "OUT_OF_DOMAIN", "huber", "delta");
    expectLossError(() => chartHuber({ markedDelta: -1 }), "OUT_OF_DOMAIN", "chartHuber", "markedDelta");
    expectLossError(() => chartHuber({ interactive: { min: 0.5, max: 2, step: 0.3 } }), "OUT_OF_DOMAIN", "chartHuber", "interactive");
    expectLossError(() => chartHuber({ interactive: { min: 2, max: 1, step: 0.1 } }), "OUT_OF_DOMAIN", "chartHuber", "interactive.max");
    expectLossError(() => chartHuber({ interactive: { min: 0.1, max: 1, step: 0.4 } }), "OUT_OF_DOMAIN", "chartHuber", "interactive"); // 0.1 + k·0.4 misses 1
  });
});
