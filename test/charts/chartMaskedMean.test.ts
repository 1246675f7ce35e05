import { describe, expect, it } from "vitest";
import { chartMaskedMean } from "../../src/charts";
import { expectClose } from "../support/close";
import { expectLossError } from "../support/errors";
import { expectSpecFile } from "./snapshot";

const SEED = { rtol: 1e-7, atol: 1e-7 };

describe("chartMaskedMean", () => {
  it("matches its reviewed spec on the seed's exercise 5 batch", async () => {
    await expectSpecFile(chartMaskedMean(), "masked-mean-seed");
  });

  it("draws the seed's valid-token mean 1/3 against the per-sequence mean and the padded mean", () => {
    // Seed: (0.2 + 0.5 + 0.3) / 3; per sequence: (0.35 + 0.3) / 2 = 0.325; padded: 1.0 / 6 slots.
    const means = chartMaskedMean().datasets?.means as Array<{ mean: string; value: number }>;
    expect(means.map((m) => m.mean)).toEqual(["valid-token mean 0.333 (÷ 3 tokens)", "per-sequence mean 0.325", "padded mean 0.167 (÷ 6 slots)"]);
    expectClose(means.map((m) => m.value), [(0.2 + 0.5 + 0.3) / 3, 0.325, 1 / 6], SEED);
  });

  it("lists every slot with its mask weight, padding labelled", () => {
    const tokens = chartMaskedMean({ values: [[1, 2]], mask: [[0.5, 0]] }).datasets?.tokens;
    expect(tokens).toEqual([
      { token: "s1·t1", sequence: "sequence 1", loss: 1, weight: 0.5, kind: "valid token", text: "1 × 0.5" },
      { token: "s1·t2", sequence: "sequence 1", loss: 2, weight: 0, kind: "padding", text: "padding" },
    ]);
  });

  it("says whether padding drags the plain mean down or leaks into it", () => {
    expect(chartMaskedMean().title).toMatchObject({ subtitle: "divide by the valid tokens, not the padded length: padding drags the plain mean down" });
    const leak = chartMaskedMean({ values: [[1, 9]], mask: [[1, 0]] });
    expect(leak.title).toMatchObject({ subtitle: "divide by the valid tokens, not the padded length: padding leaks into the plain mean" });
  });

  it("rejects an all-padding mask (from maskedMean) and mismatched shapes", () => {
    expectLossError(() => chartMaskedMean({ values: [[1, 2]], mask: [[0, 0]] }), "EMPTY_MASK", "maskedMean", "mask");
    expectLossError(() => chartMaskedMean({ values: [[1, 2]], mask: [[1, 0], [1, 1]] }), "SHAPE_MISMATCH", "maskedMean", "mask");
  });
});
