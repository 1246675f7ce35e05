import { describe, expect, it } from "vitest";
import { chartPalette, chartSchemaUrl, chartTheme } from "../../src/charts";

describe("chartTheme carries the seed's matplotlib set-up", () => {
  it("uses the seed's font sizes: 15 for titles, 13 for axis titles, 11 for ticks and legends", () => {
    // Seed: axes.titlesize 15, axes.labelsize 13, xtick/ytick.labelsize 11, legend.fontsize 11.
    expect(chartTheme.title).toMatchObject({ fontSize: 15 });
    expect(chartTheme.axis).toMatchObject({ titleFontSize: 13, labelFontSize: 11 });
    expect(chartTheme.legend).toMatchObject({ labelFontSize: 11, titleFontSize: 11 });
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
