import { describe, expect, it } from "vitest";
import { chartBce } from "../../src/charts";
import { expectClose } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectSpecFile } from "./snapshot";

const EXACT = { rtol: 1e-12, atol: 0 };
type Row = { z: number; target: string; form: string; loss: number | null; error: number | null; status: string; top: number | null; errorTop: number | null };
const STABLE = "stable: max(z, 0) − z·y + log1p(e^−|z|)";
const NAIVE = "naive: −[y·log σ(z) + (1 − y)·log(1 − σ(z))]";

describe("chartBce", () => {
  it("matches its reviewed spec on the logits −40, 0, 40", async () => {
    await expectSpecFile(chartBce({ range: [-40, 40], points: 3 }), "bce-small");
  });

  it("computes the stable form with bceWithLogits (hand-worked: softplus(−z) for y = 1, softplus(z) for y = 0)", () => {
    const rows = chartBce({ range: [-40, 40], points: 3 }).datasets?.curves as Row[];
    const stable = rows.filter((r) => r.form === STABLE);
    const softplus = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    expectClose(stable.map((r) => r.loss), [40, Math.LN2, softplus(-40), softplus(-40), Math.LN2, 40], EXACT);
    expect(stable.map((r) => `${r.target} ${r.z}`)).toEqual(["y = 1 -40", "y = 1 0", "y = 1 40", "y = 0 -40", "y = 0 0", "y = 0 40"]);
  });

  it("shows where the naive form breaks: NaN for y = 1 and ∞ for y = 0 at z = 40 (σ(40) rounds to 1)", () => {
    const naive = (chartBce({ range: [-40, 40], points: 3 }).datasets?.curves as Row[]).filter((r) => r.form === NAIVE);
    expect(naive.map((r) => r.status)).toEqual(["finite", "finite", "NaN", "finite", "finite", "∞"]);
    // Non-finite values are null (JSON has no NaN/∞) and drawn as markers above the curves: top = 40 × 1.03 / 1.08.
    expect(naive.map((r) => r.loss)).toEqual([40, Math.LN2, null, 0, Math.LN2, null]);
    expectClose(naive.map((r) => r.top), [null, null, 41.2, null, null, 43.2], EXACT);
    // Relative error floored at 1e-17; y = 0 at z = −40: naive 0 against 4.2e-18, all digits lost.
    expect(naive.map((r) => r.error)).toEqual([1e-17, 1e-17, null, 1, 1e-17, null]);
  });

  it("shades the region from the first non-finite naive value on the seed-style range", () => {
    // σ(z) = 1/(1 + e^−z) is exactly 1 in float64 from z ≈ 36.74: the first integer logit there is 37.
    const spec = chartBce();
    expect(spec.datasets?.broken).toEqual([{ from: 37, to: 50, text: "naive form: ∞ / NaN →" }]);
    const naive = (spec.datasets?.curves as Row[]).filter((r) => r.form === NAIVE);
    const from37 = Array.from({ length: 14 }, (_, i) => 37 + i); // 37 … 50, for y = 1 (NaN) then y = 0 (∞)
    expect(naive.filter((r) => r.status !== "finite").map((r) => r.z)).toEqual([...from37, ...from37]);
  });

  it("leaves out the shading and markers when the naive form stays finite", () => {
    const spec = chartBce({ range: [-10, 10], points: 21 });
    expect(spec.datasets?.broken).toEqual([]);
    expect(spec.hconcat.every((p) => p.layer.length === 1)).toBe(true);
  });

  it("rejects a bad range", () => {
    expectLossError(() => chartBce({ range: [0, 0] }), "OUT_OF_DOMAIN", "chartBce", "range");
  });
});
