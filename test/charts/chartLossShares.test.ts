import { describe, expect, it } from "vitest";
import { chartLossShares } from "../../src/charts";
import { expectClose } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectSpecFile } from "./snapshot";

const SEED = { rtol: 1e-7, atol: 1e-7 };
type Row = { term: string; raw: number; weight: number; weighted: number; share: number; rawText: string; weightedText: string; shareText: string };

describe("chartLossShares", () => {
  it("matches its reviewed spec on the seed's exercise 10 terms", async () => {
    await expectSpecFile(chartLossShares(), "loss-shares-seed");
  });

  it("shows raw values, weighted contributions and shares of the seed's ce / kl / aux", () => {
    // Seed: weighted 0.8, 0.5, 0.2 of a total 1.5 → shares 0.533…, 0.333…, 0.133… ("CE dominates after weighting").
    const rows = chartLossShares().datasets?.terms as Row[];
    expect(rows.map((r) => [r.term, r.raw, r.weight, r.weighted])).toEqual([["ce", 0.8, 1, 0.8], ["kl", 0.05, 10, 0.5], ["aux", 2, 0.1, 0.2]]);
    expectClose(rows.map((r) => r.share), [0.8 / 1.5, 0.5 / 1.5, 0.2 / 1.5], SEED);
    expectClose(rows.reduce((s, r) => s + r.share, 0), 1, SEED); // seed check "shares sum to one"
    expect(rows.map((r) => [r.rawText, r.weightedText, r.shareText])).toEqual([
      ["0.8", "1 × 0.8 = 0.8", "53.33 %"], ["0.05", "10 × 0.05 = 0.5", "33.33 %"], ["2", "0.1 × 2 = 0.2", "13.33 %"],
    ]);
  });

  it("names the largest raw term and the largest weighted share in the subtitle", () => {
    expect(chartLossShares().title).toMatchObject({ subtitle: "largest raw term: aux (2) · largest share after weighting: ce (53.33 %)" });
  });

  it("rejects mismatched keys and negative weights (from lossShares)", () => {
    expectLossError(() => chartLossShares({ terms: { a: 1 }, weights: { b: 1 } }), "SHAPE_MISMATCH", "lossShares", "weights");
    expectLossError(() => chartLossShares({ terms: { a: 1 }, weights: { a: -1 } }), "OUT_OF_DOMAIN", "lossShares", "weights");
  });
});
