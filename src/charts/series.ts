import { chartPalette, chartReferenceGrey } from "./theme";

/** How one named series is drawn: its colour and dash pattern (`[1, 0]` solid). */
export interface SeriesStyle {
  readonly name: string;
  readonly color: string;
  readonly dash: number[];
}

/** The losses' own series: palette colours in order, solid. */
export function lossSeries(names: readonly string[], offset = 0): SeriesStyle[] {
  return names.map((name, i) => ({ name, color: chartPalette[(i + offset) % chartPalette.length], dash: [1, 0] }));
}

/** Reference series (½r², |r|, cross-entropy …): grey, dashed, dotted, dash-dot in turn. */
export function referenceSeries(names: readonly string[]): SeriesStyle[] {
  const dashes = [[7, 4], [2, 3], [8, 3, 2, 3]];
  const greys = [chartReferenceGrey, "#2b2b2b", "#9a9a9a"];
  return names.map((name, i) => ({ name, color: greys[i % 3], dash: dashes[i % 3] }));
}

/** Where a series legend goes: beside the chart, inside a corner of the plot, or nowhere (`null`). */
export type LegendPlace = "right" | "top-right" | "top-left" | "bottom-right" | "bottom-left" | null;

/**
 * The `color` and `strokeDash` channels for a `field` naming the series, with one fixed colour and dash per name
 * (so every panel and the static image agree) and a single merged legend titled `title` (`null`: no title) placed at
 * `legend`; `labelExpr`, if given, rewrites its labels (e.g. to state a slider's value, see `relabel`).
 */
export function seriesChannels(field: string, title: string | null, series: readonly SeriesStyle[], legend: LegendPlace = "right", labelExpr?: string) {
  const domain = series.map((s) => s.name);
  const common = { field, type: "nominal" as const, title };
  const leg = legend === null ? null : { symbolType: "stroke", orient: legend, ...(labelExpr === undefined ? {} : { labelExpr }) };
  return {
    color: { ...common, scale: { domain, range: series.map((s) => s.color) }, legend: leg },
    strokeDash: { ...common, scale: { domain, range: series.map((s) => s.dash) }, legend: leg },
  };
}
