// show(chart) and the bundle it sends, in this process: the MIME types, the spec copy, the PNG, the text line, the
// errors, and the median time to draw one bundle (printed).
import { afterEach, describe, expect, it } from "vitest";
import { chartBundle, describeChart, VEGALITE_MIME } from "../../kernel/display/chartBundle";
import { show } from "../../kernel/display/show";
import { setDisplayWriter, type DisplayBundle } from "../../kernel/tslab/internals";
import { chartHuber, chartLossShares, chartMse, chartTriplet } from "../../src/charts/index";
import { LossInputError, type LossErrorCode } from "../../src/index";
import { expectChartBundle } from "./support/bundles";
import { pngStats } from "./support/png";

/** Awaits `run` and checks that it rejected with a LossInputError of this code, function and argument. */
async function expectRejected(run: () => Promise<unknown>, code: LossErrorCode, fn: string, arg: string): Promise<void> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LossInputError);
  expect([(error as LossInputError).code, (error as LossInputError).fn, (error as LossInputError).arg]).toEqual([code, fn, arg]);
}

const asOutput = (b: DisplayBundle) => ({ output_type: "display_data" as const, data: b.data, metadata: b.metadata ?? {} });

describe("chartBundle", () => {
  it("holds the Vega-Lite v5 spec as a JSON object, a 2× PNG, a text line, and no HTML", async () => {
    const chart = chartMse();
    const bundle = await chartBundle(chart);
    expect(Object.keys(bundle.data).sort()).toEqual([VEGALITE_MIME, "image/png", "text/plain"].sort());
    expect(bundle.data[VEGALITE_MIME]).toEqual(JSON.parse(JSON.stringify(chart)));
    expect(bundle.data["text/plain"]).toBe("MSE: loss and gradient vs residual (Vega-Lite chart)");
    expectChartBundle(asOutput(bundle), "chartMse");
  });

  it("leaves the chart object as it was (vega tags the rows it draws: it draws a copy)", async () => {
    const chart = chartMse();
    const before = structuredClone(chart);
    await chartBundle(chart);
    expect(chart).toEqual(before);
  });

  it("stores a copy of the spec: changing the chart afterwards does not change what was shown", async () => {
    const chart = chartLossShares();
    const bundle = await chartBundle(chart);
    (chart as { width?: number }).width = 1;
    expect((bundle.data[VEGALITE_MIME] as { width?: number }).width).not.toBe(1);
  });

  it("adds image/svg+xml on request and draws the PNG at the requested density", async () => {
    const bundle = await chartBundle(chartLossShares(), { svg: true, scale: 1 });
    expect(String(bundle.data["image/svg+xml"])).toMatch(/^<svg[^>]+width="\d+(\.\d+)?"/);
    const size = (bundle.metadata as Record<string, { width: number; height: number }>)["image/png"];
    const stats = pngStats(Buffer.from(String(bundle.data["image/png"]), "base64"));
    expect([stats.width, stats.height]).toEqual([size.width, size.height]);
  });

  it("names the chart's sliders in the text line, and takes a description instead", async () => {
    expect(describeChart(chartTriplet({ interactive: true }))).toBe("Triplet loss vs the negative's distance (Vega-Lite chart, slider margin m)");
    expect(describeChart({ mark: "point" })).toBe("Vega-Lite chart");
    expect(describeChart({ title: ["two", "lines"], params: [{ name: "a", bind: { input: "range" } }, { name: "b", bind: { input: "range", name: "β " } }] })).toBe(
      "two lines (Vega-Lite chart, sliders a, β)",
    );
    const bundle = await chartBundle(chartLossShares(), { description: "shares\nof the total" });
    expect(bundle.data["text/plain"]).toBe("shares of the total");
  });

  it("rejects what is not a Vega-Lite v5 spec, and a PNG density outside 1–4", async () => {
    await expectRejected(() => chartBundle(null as never), "INVALID_TYPE", "show", "chart");
    await expectRejected(() => chartBundle({ ...chartMse(), $schema: "https://vega.github.io/schema/vega-lite/v6.json" }), "OUT_OF_DOMAIN", "show", "chart.$schema");
    await expectRejected(() => chartBundle({ mark: "point" } as never), "OUT_OF_DOMAIN", "show", "chart.$schema");
    await expectRejected(() => chartBundle(chartMse(), { scale: 0 }), "OUT_OF_DOMAIN", "show", "options.scale");
  });
});

describe("show", () => {
  afterEach(() => setDisplayWriter(null));

  it("sends exactly one display bundle through the notebook's display writer", async () => {
    const sent: Array<{ bundle: DisplayBundle; update: boolean }> = [];
    setDisplayWriter((bundle, update) => sent.push({ bundle, update }));
    await show(chartHuber({ interactive: true }));
    expect(sent).toHaveLength(1);
    expect(sent[0].update).toBe(false);
    expectChartBundle(asOutput(sent[0].bundle), "chartHuber interactive");
    expect(sent[0].bundle.data["text/plain"]).toMatch(/slider δ\)$/);
  });

  it("says that no notebook is listening outside a kernel", async () => {
    setDisplayWriter(null);
    await expect(show(chartMse())).rejects.toThrow(/no notebook is listening/);
  });
});
