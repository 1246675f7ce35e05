// What a chart says about its slider: the expressions its spec carries, and the text of its static image (the SVG
// the display bridge draws, at the slider's starting value).
import { renderSvg } from "../../kernel/render/renderChart";
import type { ChartSpec } from "../../src/charts";

/** Every string in the spec that computes a slider readout: legend `labelExpr`s and `calculate`s ending in "(slider)". */
export function readoutExpressions(spec: ChartSpec): string[] {
  const found: string[] = [];
  JSON.stringify(spec, (key, value: unknown) => {
    if ((key === "labelExpr" || key === "calculate") && typeof value === "string" && value.includes("' (slider)'")) found.push(value);
    return value;
  });
  return [...new Set(found)];
}

/** The text drawn in the chart's static SVG, one entry per `<text>` element, entities decoded. */
export async function staticTexts(spec: ChartSpec): Promise<string[]> {
  const { svg, warnings } = await renderSvg(spec);
  if (warnings.length > 0) throw new Error(`render warnings: ${warnings.join("; ")}`);
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&"),
  );
}
