// Chart builders: pure functions from losslab's own values to plain Vega-Lite v5 specs (no rendering here).
export { chartTheme, chartPalette, chartReferenceGrey } from "./theme";
export { chartSchemaUrl } from "./spec";
export type { ChartLayer, ChartLayerSpec, ChartPanel, ChartPanelsSpec, ChartRow, ChartSlider, ChartSpec } from "./spec";

export { chartMse } from "./chartMse";
export type { ChartMseOptions } from "./chartMse";
export { chartHuber } from "./chartHuber";
export type { ChartHuberOptions } from "./chartHuber";
export { chartBce } from "./chartBce";
export type { ChartBceOptions } from "./chartBce";
export { chartCrossEntropy } from "./chartCrossEntropy";
export type { ChartCrossEntropyOptions } from "./chartCrossEntropy";
export { chartMaskedMean } from "./chartMaskedMean";
export type { ChartMaskedMeanOptions } from "./chartMaskedMean";
export { chartFocal } from "./chartFocal";
export type { ChartFocalOptions } from "./chartFocal";
export { chartInfoNCE } from "./chartInfoNCE";
export type { ChartInfoNCEOptions } from "./chartInfoNCE";
export { chartTriplet } from "./chartTriplet";
export type { ChartTripletOptions } from "./chartTriplet";
export { chartPreference } from "./chartPreference";
export type { ChartPreferenceOptions } from "./chartPreference";
export { chartLossShares } from "./chartLossShares";
export type { ChartLossSharesOptions } from "./chartLossShares";
