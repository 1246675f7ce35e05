import { describe, expect, it } from "vitest";
import { chartPalette, chartSchemaUrl, chartTheme } from "../../src/charts";

describe("chartTheme carries the seed's matplotlib set-up", () => {
  it("keeps the seed's font-size order, in px readable beside 16 px page text: 16 titles, 14 axis titles, 13 ticks and legends", () => {
    // Seed: axes.titlesize 15 > axes.labelsize 13 > xtick/ytick.labelsize 11 = legend.fontsize 11 (pt, at dpi 120).
    // The report shows charts 1:1 beside 16 px text, where 11 px labels read as footnotes: ticks and legends 13 px.
    expect(chartTheme.title).toMatchObject({ fontSize: 16, subtitleFontSize: 13 });
    expect(chartTheme.axis).toMatchObject({ titleFontSize: 14, labelFontSize: 13 });
    expect(chartTheme.legend).toMatchObject({ labelFontSize: 13, titleFontSize: 13 });
    expect(chartTheme.text).toMatchObject({ fontSize: 12 });
  });

  it("draws every text in DejaVu Sans, the font the static image is drawn and measured with", () => {
    // kernel/render/textMetrics.ts measures DejaVu Sans; resvg draws the PNG with it; report.css sets it for the page.
    expect(chartTheme.font).toBe("DejaVu Sans, Verdana, sans-serif");
  });

  it("draws no top or right axis line: no view frame, axis domains only where axes are (left, bottom)", () => {
    // Seed: axes.spines.top False, axes.spines.right False.
    expect(chartTheme.view).toMatchObject({ stroke: null });
    expect(chartTheme.axis).not.toHaveProperty("domain", false);
  });

  it("uses seaborn's colour-blind palette for categories and 2 px lines", () => {
    // seaborn.color_palette("colorblind").as_hex()
    expect(chartPalette).toEqual(["#0173b2", "#de8f05", "#029e73", "#d55e00", "#cc78bc", "#ca9161", "#fbafe4", "#949494", "#ece133", "#56b4e9"]);
    expect(chartTheme.range).toEqual({ category: chartPalette });
    expect(chartTheme.line).toEqual({ strokeWidth: 2 });
  });

  it("keeps the legend frame's alpha 0.85 and a light grid", () => {
    expect(chartTheme.legend).toMatchObject({ fillColor: "rgba(255, 255, 255, 0.85)" });
    expect(chartTheme.axis).toMatchObject({ gridColor: "#e6e6e6" });
  });

  it("names the Vega-Lite v5 schema", () => {
    expect(chartSchemaUrl).toBe("https://vega.github.io/schema/vega-lite/v5.json");
  });
});
