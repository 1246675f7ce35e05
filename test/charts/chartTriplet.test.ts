import { describe, expect, it } from "vitest";
import { tripletLoss } from "../../src";
import { chartTriplet } from "../../src/charts";
import { expectClose } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectSpecFile } from "./snapshot";
import { readoutExpressions, staticTexts } from "./readout";

const EXACT = { rtol: 1e-12, atol: 1e-15 };
type Curve = { margin: number; dNeg: number; loss: number };
type Region = { margin: number; region: string; from: number; to: number; text: string };

describe("chartTriplet", () => {
  it("matches its reviewed spec on a 1-D triplet", async () => {
    await expectSpecFile(chartTriplet({ anchor: [0], positive: [1], negative: [2], margin: 1, points: 3 }), "triplet-small");
  });

  it("is max(0, d(a,p) − d(a,n) + m), with the kink at d(a,p) + m sampled (hand-worked: d(a,p) = 1, m = 1)", () => {
    const spec = chartTriplet({ anchor: [0], positive: [1], negative: [2], margin: 1, points: 3 });
    const curve = spec.datasets?.curve as Curve[];
    // Distances 0, 2.5, 5 (x up to max(d(a,p) + 2m, 1.25·d(a,n)) = 5) plus the kink 2; loss 2 − d clipped at 0.
    expectClose(curve.map((c) => c.dNeg), [0, 2, 2.5, 5], EXACT);
    expectClose(curve.map((c) => c.loss), [2, 0, 0, 0], EXACT);
    expect(spec.datasets?.regions).toEqual([
      { margin: 1, region: "hard", from: 0, to: 1, text: "hard: d(a,n) < d(a,p)" },
      { margin: 1, region: "semi-hard", from: 1, to: 2, text: "semi-hard: within the margin" },
      { margin: 1, region: "easy", from: 2, to: 5, text: "easy: loss 0" },
    ]);
  });

  it("marks the seed's exercise 8 negative: d(a,n) = 0.36, loss 0.3, semi-hard", () => {
    // Seed: 0.16 − 0.36 + 0.5 = 0.3 > 0 ("triplet violates margin").
    const spec = chartTriplet();
    const [marked] = spec.datasets?.marked as Array<{ dNeg: number; loss: number; text: string }>;
    expectClose(marked.dNeg, 0.36, EXACT);
    expectClose(marked.loss, 0.16 - 0.36 + 0.5, { rtol: 1e-7, atol: 1e-7 });
    expect(marked.text).toBe("seed negative: loss 0.3 (semi-hard)");
    const regions = spec.datasets?.regions as Region[];
    expectClose(regions.map((r) => [r.from, r.to]), [[0, 0.16], [0.16, 0.66], [0.66, 1.16]], EXACT);
  });

  it("computes every curve point with tripletLoss on a negative moved along the anchor→negative ray", () => {
    const curve = chartTriplet({ anchor: [1, 1], positive: [1, 2], negative: [4, 5] }).datasets?.curve as Curve[];
    for (const c of [curve[10], curve[60], curve[100]]) {
      const s = Math.sqrt(c.dNeg) / 5; // unit direction (3, 4) / 5
      const neg = [1 + 3 * s, 1 + 4 * s];
      expectClose(c.loss, tripletLoss([1, 1], [1, 2], neg, { margin: 0.5 }), { rtol: 1e-9, atol: 1e-12 });
    }
  });

  it("moves the curve, the regions and the dot with a margin slider", () => {
    const spec = chartTriplet({ interactive: true });
    expect(spec.params).toEqual([{ name: "margin", value: 0.5, bind: { input: "range", min: 0, max: 1, step: 0.05, name: "margin m " } }]);
    const regions = spec.datasets?.regions as Region[];
    expect(regions.filter((r) => r.margin === 0.25).map((r) => r.to)).toEqual([0.16000000000000003, 0.41000000000000003, 2.16]);
    expect(spec.layer.every((l) => "transform" in l && JSON.stringify(l.transform).includes("abs(datum.margin - margin) < 1e-9"))).toBe(true);
  });

  it("states the slider's margin in the plot's corner, live and in the static image", async () => {
    const spec = chartTriplet({ interactive: true });
    expect(readoutExpressions(spec)).toEqual(["'m = ' + format(datum.margin, '.2f') + ' (slider)'"]);
    expect(await staticTexts(spec)).toContain("m = 0.50 (slider)");
    expect(await staticTexts(chartTriplet({ interactive: true, margin: 0.35 }))).toContain("m = 0.35 (slider)");
    expect((await staticTexts(chartTriplet())).filter((t) => t.includes("slider"))).toEqual([]);
  });

  it("rejects a negative margin, a negative at the anchor and mismatched lengths (from tripletLoss)", () => {
    expectLossError(() => chartTriplet({ margin: -0.1 }), "OUT_OF_DOMAIN", "chartTriplet", "margin");
    expectLossError(() => chartTriplet({ negative: [0, 0] }), "OUT_OF_DOMAIN", "chartTriplet", "negative");
    expectLossError(() => chartTriplet({ positive: [1, 2, 3] }), "SHAPE_MISMATCH", "tripletLoss");
  });
});
