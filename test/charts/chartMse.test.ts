import { describe, expect, it } from "vitest";
import { chartMse } from "../../src/charts";
import { expectLossError } from "../support/errors";
import { expectSpecFile } from "./snapshot";

describe("chartMse", () => {
  it("matches its reviewed spec on a three-residual input", async () => {
    await expectSpecFile(chartMse({ range: [-1, 1], points: 3, marked: [0.5] }), "mse-small");
  });

  it("plots the per-element loss r² and gradient 2r (hand-worked at r = −1, 0, 1)", () => {
    expect(chartMse({ range: [-1, 1], points: 3 }).datasets?.curve).toEqual([
      { residual: -1, loss: 1, gradient: -2 },
      { residual: 0, loss: 0, gradient: 0 },
      { residual: 1, loss: 1, gradient: 2 },
    ]);
  });

  it("marks the seed's exercise 1 residuals 0.5, −1, 2 (r² 0.25, 1, 4; 2r 1, −2, 4)", () => {
    expect(chartMse().datasets?.marked).toEqual([
      { residual: 0.5, loss: 0.25, gradient: 1, label: "r = 0.5" },
      { residual: -1, loss: 1, gradient: -2, label: "r = −1" },
      { residual: 2, loss: 4, gradient: 4, label: "r = 2" },
    ]);
  });

  it("samples 121 residuals from −3 to 3 by default, both ends exact", () => {
    const curve = chartMse().datasets?.curve as Array<{ residual: number }>;
    expect(curve).toHaveLength(121);
    expect([curve[0].residual, curve[60].residual, curve[120].residual]).toEqual([-3, 0, 3]);
  });

  it("rejects a reversed range, too few points and an empty mark list", () => {
    expectLossError(() => chartMse({ range: [1, -1] }), "OUT_OF_DOMAIN", "chartMse", "range");
    expectLossError(() => chartMse({ points: 1 }), "OUT_OF_DOMAIN", "chartMse", "points");
    expectLossError(() => chartMse({ range: [0, Number.NaN] }), "NOT_FINITE", "chartMse", "range[1]");
    expectLossError(() => chartMse({ marked: [] }), "EMPTY", "mse", "yPred");
  });
});
