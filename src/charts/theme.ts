import type { Config } from "vega-lite/build/src/config";

/**
 * The chart palette: seaborn's colour-blind-safe "colorblind" palette, the one the original notebook set up
 * (`sns.set_theme(palette="colorblind")`). Series take these colours in order.
 */
export const chartPalette: readonly string[] = [
  "#0173b2", "#de8f05", "#029e73", "#d55e00", "#cc78bc", "#ca9161", "#fbafe4", "#949494", "#ece133", "#56b4e9",
];

/** Grey for reference curves (½r², |r|, cross-entropy …) and annotations, so the losses keep the colours. */
export const chartReferenceGrey = "#6b6b6b";

/**
 * The Vega-Lite `config` every chart builder applies: the intent of the original notebook's matplotlib set-up —
 * its font-size order (chart title > axis titles > tick labels = legends), 2 px lines, light grid (seaborn
 * "whitegrid"), a legend frame with alpha 0.85, and no top/right axis lines (`view.stroke: null`; Vega-Lite draws
 * axis domain lines only at the left and bottom). Sizes are CSS pixels, shown 1:1 beside 16 px page text (the HTML
 * report, a notebook's output): 16 bold (title), 14 (axis titles), 13 (tick labels, legends, subtitle), 12
 * (annotations) — relative to the chart no larger than the seed's 11 pt ticks, 18 px in its 1200 px-wide figure
 * (dpi 120). One font everywhere, DejaVu Sans: the PNG is drawn and measured with it, and the report's page text
 * uses it, so live charts lay out as their images (Verdana, its near twin in width, where it is missing). Tick
 * labels closer than 4 px to the previous one are hidden (`labelSeparation`); legend labels run to 300 px.
 * @example
 * chartTheme.view; // => { stroke: null, continuousWidth: 420, continuousHeight: 260 }
 */
export const chartTheme: Config = {
  background: "white",
  font: "DejaVu Sans, Verdana, sans-serif",
  padding: 10,
  view: { stroke: null, continuousWidth: 420, continuousHeight: 260 },
  title: { fontSize: 16, fontWeight: "bold", subtitleFontSize: 13, subtitleColor: "#4d4d4d", anchor: "start", offset: 10 },
  axis: {
    titleFontSize: 14,
    titleFontWeight: "normal",
    titleColor: "#222222",
    labelFontSize: 13,
    labelColor: "#333333",
    domainColor: "#333333",
    tickColor: "#333333",
    gridColor: "#e6e6e6",
    titlePadding: 8,
    labelFlush: false,
    labelSeparation: 4,
  },
  legend: {
    titleFontSize: 13,
    labelFontSize: 13,
    labelLimit: 300,
    symbolStrokeWidth: 2,
    fillColor: "rgba(255, 255, 255, 0.85)",
    padding: 6,
  },
  header: { titleFontSize: 14, labelFontSize: 14 },
  range: { category: [...chartPalette] },
  line: { strokeWidth: 2 },
  point: { size: 70, filled: true },
  text: { fontSize: 12 },
  concat: { spacing: 36 },
};
