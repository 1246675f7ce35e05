// Every chart the builders make in the notebooks: defaults (the seed's data), interactive forms and a few options.
// Validity tests run each through the schema, the compiler and the renderer; the PNGs land in build/charts/.
import type { ChartSpec } from "../../src/charts";
import {
  chartBce, chartCrossEntropy, chartFocal, chartHuber, chartInfoNCE, chartLossShares, chartMaskedMean, chartMse,
  chartPreference, chartTriplet,
} from "../../src/charts";

export interface CatalogEntry {
  readonly name: string;
  readonly make: () => ChartSpec;
}

export const catalog: readonly CatalogEntry[] = [
  { name: "mse", make: () => chartMse() },
  { name: "huber", make: () => chartHuber() },
  { name: "huber-interactive", make: () => chartHuber({ interactive: true }) },
  { name: "bce", make: () => chartBce() },
  { name: "cross-entropy", make: () => chartCrossEntropy() },
  { name: "masked-mean", make: () => chartMaskedMean() },
  { name: "focal", make: () => chartFocal() },
  { name: "focal-interactive", make: () => chartFocal({ interactive: true }) },
  { name: "infonce", make: () => chartInfoNCE() },
  { name: "infonce-interactive", make: () => chartInfoNCE({ interactive: true }) },
  { name: "triplet", make: () => chartTriplet() },
  { name: "triplet-interactive", make: () => chartTriplet({ interactive: true }) },
  { name: "preference", make: () => chartPreference() },
  { name: "preference-interactive", make: () => chartPreference({ interactive: true }) },
  { name: "loss-shares", make: () => chartLossShares() },
  { name: "huber-one-delta", make: () => chartHuber({ deltas: [1], range: [-2, 2], points: 5 }) },
  { name: "focal-no-ce", make: () => chartFocal({ gammas: [1, 3] }) },
  { name: "bce-all-finite", make: () => chartBce({ range: [-10, 10], points: 21 }) },
  { name: "masked-mean-fractional", make: () => chartMaskedMean({ values: [[1, 2], [3, 4], [5, 6]], mask: [[1, 0.5], [0, 0], [1, 1]] }) },
];
