import type { Vector } from "../core/types";
import { checkNumber } from "../core/validate";
import { focalLoss } from "../losses/focalLoss";
import { label, linspace, pickSlider, relabel, sliderCurve, sliderFilter, sliderParam, sliderReadout, sliderValues, themed, tips, withMarked } from "./spec";
import type { ChartPanel, ChartPanelsSpec, ChartRow, ChartSlider } from "./spec";
import { lossSeries, referenceSeries, seriesChannels } from "./series";
import type { SeriesStyle } from "./series";
import { pointLabels } from "./labels";

/** Options of {@link chartFocal}. */
export interface ChartFocalOptions {
  /** One curve per focusing exponent γ (γ = 0 is cross-entropy, drawn dashed), plus `markedGamma`'s. Default `[0, 0.5, 1, 2, 5]`. */
  readonly gammas?: readonly number[];
  /** Range of pₜ, the probability of the true class, on the x axis. Default `[0.01, 1]`. */
  readonly range?: readonly [number, number];
  /** Number of pₜ values sampled. Default 100 (60 in interactive form). */
  readonly points?: number;
  /** pₜ values marked with a dot. Default the seed's exercise 6 examples `[0.95, 0.55, 0.1]`. */
  readonly marked?: Vector;
  /** The γ of the marked dots (the seed's γ = 2); in interactive form they follow the slider. Default 2. */
  readonly markedGamma?: number;
  /** A γ slider (`true`: 0 to 5 by 0.25) instead of fixed curves, one precomputed curve per value (60 pₜ each by default); starts at `markedGamma`. */
  readonly interactive?: boolean | ChartSlider;
}

const CE = "γ = 0 (cross-entropy)";

// The slider's curve; its legend label states the slider's γ ("focal γ = 2.00 (slider)"), live and in the static image.
const SLIDER_CURVE = "focal (γ from the slider)";

function panel(y: "loss" | "ratio", title: string, series: readonly SeriesStyle[], slider: ChartSlider | null, text: string | null, marked: readonly ChartRow[]): ChartPanel {
  const interactive = slider !== null;
  const x = { field: "pt", type: "quantitative" as const, title: "pₜ, probability of the true class", scale: { domain: [0, 1] } };
  const yEnc = { field: y, type: "quantitative" as const, title };
  const defined = y === "ratio" ? [{ filter: "isValid(datum.ratio)" }] : [];
  const channels = seriesChannels("curve", null, series, "right", slider === null ? undefined : relabel(SLIDER_CURVE, sliderReadout("focal γ", "gamma", slider)));
  const line = { type: "line" as const, clip: true };
  const filter = sliderFilter("gamma", "gamma");
  const keepMarked = interactive ? { transform: [filter] } : {};
  return {
    width: 300,
    height: 250,
    layer: [
      { data: { name: "curves" }, ...(defined.length > 0 ? { transform: defined } : {}), mark: line, encoding: { x, y: yEnc, ...channels } },
      ...(interactive ? [{ data: { name: "grid" }, transform: [...defined, ...sliderCurve("gamma", "gamma", SLIDER_CURVE)], mark: line, encoding: { x, y: yEnc, ...channels } }] : []),
      { data: { name: "marked" }, ...keepMarked, mark: { type: "point", color: "#222222" }, encoding: { x, y: yEnc, tooltip: tips(x, yEnc) } },
      ...(text === null ? [] : pointLabels("marked", marked, x, yEnc, text, { flipAbove: 0.5, ...(interactive ? { filter: filter.filter } : {}) })),
    ],
  };
}

/**
 * Focal loss against pₜ for several γ (γ = 0 is cross-entropy −log pₜ), and the ratio focal / CE = (1 − pₜ)^γ, the
 * factor by which focal loss down-weights each example; values from {@link focalLoss}. Dots: the seed's examples
 * pₜ = 0.95 (easy), 0.55, 0.10 (hard) at γ = 2 — the easy one keeps 0.25 % of its loss, the hard one 81 %.
 * Panels `spec.hconcat[0]` (loss) and `[1]` (ratio); datasets `curves` (`pt, curve, gamma, loss, ratio`; ratio null
 * where CE = 0) and `marked`; in interactive form also `grid` (every slider γ's rows, without `curve`).
 *
 * @throws LossInputError `OUT_OF_DOMAIN` (γ < 0, pₜ ∉ [0, 1], bad range, points or slider), `NOT_FINITE`, `EMPTY`
 * @example
 * chartFocal({ gammas: [2], range: [0.5, 1], points: 2 }).datasets.curves; // => [{ pt: 0.5, curve: "γ = 2", gamma: 2, loss: 0.25 * Math.LN2, ratio: 0.25 }, { pt: 1, curve: "γ = 2", gamma: 2, loss: 0, ratio: null }]
 */
export function chartFocal(opts: ChartFocalOptions = {}): ChartPanelsSpec {
  const fn = "chartFocal";
  const slider = pickSlider(opts.interactive, { min: 0, max: 5, step: 0.25 });
  const pt = linspace(fn, "range", opts.range ?? [0.01, 1], opts.points ?? (slider === null ? 100 : 60));
  const markedGamma = checkNumber(fn, "markedGamma", opts.markedGamma ?? 2, { min: 0 });
  const gammas = slider === null ? withMarked(opts.gammas ?? [0, 0.5, 1, 2, 5], markedGamma) : sliderValues(fn, "interactive", slider, markedGamma);
  const name = (g: number) => (g === 0 ? CE : `γ = ${label(g)}`);
  const ce = focalLoss(pt, { gamma: 0 });
  const curves: ChartRow[] = [];
  const grid: ChartRow[] = [];
  const rows = (gamma: number, push: (p: number, loss: number, ratio: number | null) => void) => {
    const loss = focalLoss(pt, { gamma });
    pt.forEach((p, i) => push(p, loss[i], ce[i] > 0 ? loss[i] / ce[i] : null));
  };
  if (slider === null) for (const g of gammas) rows(g, (p, loss, ratio) => curves.push({ pt: p, curve: name(g), gamma: g, loss, ratio }));
  else {
    rows(0, (p, loss, ratio) => curves.push({ pt: p, curve: CE, gamma: 0, loss, ratio }));
    for (const g of gammas) rows(g, (p, loss, ratio) => grid.push({ pt: p, gamma: g, loss, ratio }));
  }

  const m = Array.from(opts.marked ?? [0.95, 0.55, 0.1]);
  const mCe = focalLoss(m, { gamma: 0 });
  const marked: ChartRow[] = [];
  for (const gamma of slider === null ? [markedGamma] : gammas) {
    const loss = focalLoss(m, { gamma });
    m.forEach((p, i) => {
      const ratio = mCe[i] > 0 ? loss[i] / mCe[i] : null;
      const kept = ratio === null ? "" : `keeps ${label(Math.round(ratio * 10000) / 100)} %`;
      marked.push({ pt: p, gamma, loss: loss[i], ratio, kept });
    });
  }
  const interactive = slider !== null;
  const losses = interactive ? [SLIDER_CURVE] : gammas.filter((g) => g !== 0).map(name);
  const hasCe = interactive || gammas.includes(0);
  const series = [...(hasCe ? referenceSeries([CE]) : []), ...lossSeries(losses)];
  const datasets: Record<string, ChartRow[]> = interactive ? { curves, grid, marked } : { curves, marked };
  return themed({
    title: {
      text: "Focal loss silences easy examples",
      subtitle: `focal = (1 − pₜ)^γ · CE · dots: ${opts.marked === undefined ? "the seed's examples" : "the marked pₜ"}${interactive ? "" : ` at γ = ${label(markedGamma)}`}`,
    },
    ...(slider === null ? {} : { params: [sliderParam("gamma", "γ", markedGamma, slider)] }),
    datasets,
    hconcat: [
      panel("loss", "loss −(1 − pₜ)^γ · log pₜ", series, slider, null, marked),
      panel("ratio", "focal / cross-entropy = (1 − pₜ)^γ", series, slider, "kept", marked),
    ],
  });
}
