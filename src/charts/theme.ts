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
 * font sizes 13 (axis titles) / 15 (chart titles) / 11 (tick labels, legends), 2 px lines, light grid
 * (seaborn "whitegrid"), a legend frame with alpha 0.85, and no top/right axis lines (`view.stroke: null`;
 * Vega-Lite draws axis domain lines only at the left and bottom).
 * @example
 * chartTheme.view; // => { stroke: null, continuousWidth: 420, continuousHeight: 260 }
 */
export const chartTheme: Config = {
  background: "white",
  padding: 10,
  view: { stroke: null, continuousWidth: 420, continuousHeight: 260 },
  title: { fontSize: 15, fontWeight: "bold", subtitleFontSize: 11, subtitleColor: "#4d4d4d", anchor: "start", offset: 10 },
  axis: {
    titleFontSize: 13,
    titleFontWeight: "normal",
    titleColor: "#222222",
    labelFontSize: 11,
    labelColor: "#333333",
    domainColor: "#333333",
    tickColor: "#333333",
    gridColor: "#e6e6e6",
    titlePadding: 8,
    labelFlush: false,
  },
  legend: {
    titleFontSize: 11,
    labelFontSize: 11,
    labelLimit: 260,
    symbolStrokeWidth: 2,
    fillColor: "rgba(255, 255, 255, 0.85)",
    padding: 6,
  },
  header: { titleFontSize: 13, labelFontSize: 13 },
  range: { category: [...chartPalette] },
  line: { strokeWidth: 2 },
  point: { size: 70, filled: true },
  text: { fontSize: 11 },
  concat: { spacing: 36 },
};
