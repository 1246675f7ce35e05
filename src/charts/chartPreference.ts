import type { Vector } from "../core/types";
import { checkNumber } from "../core/validate";
import { preferenceLoss } from "../losses/preferenceLoss";
import type { PreferenceLossType } from "../losses/preferenceLoss";
import { label, linspace, pickSlider, relabel, sliderFilter, sliderParam, sliderReadout, sliderValues, themed, tips, withMarked } from "./spec";
import type { ChartPanel, ChartPanelsSpec, ChartRow, ChartSlider } from "./spec";
import { lossSeries, seriesChannels } from "./series";
import type { LegendPlace, SeriesStyle } from "./series";
import { chartPalette } from "./theme";

/** Options of {@link chartPreference}. */
export interface ChartPreferenceOptions {
  /** One sigmoid (DPO) curve per β in the left panel, plus `beta`'s. Default `[0.1, 0.2, 0.5, 1]`. */
  readonly betas?: readonly number[];
  /** The β of the right panel (loss types) and of the marked pairs. Default the seed's 0.2. */
  readonly beta?: number;
  /** ε of the `"robust"` curve (at ε = 0 it equals `"sigmoid"`). Default 0.1. */
  readonly robustSmoothing?: number;
  /** Range of the log-ratio margin h on the x axis. Default `[-10, 10]`. */
  readonly range?: readonly [number, number];
  /** Number of margins sampled. Default 161 (81 in interactive form). */
  readonly points?: number;
  /** Preference pairs marked with dots (log-probabilities). Default the seed's exercise 9 batch. */
  readonly marked?: { readonly logpW: Vector; readonly logpL: Vector; readonly refW: Vector; readonly refL: Vector };
  /** A β slider (`true`: 0.05 to 1 by 0.05) for both panels; starts at `beta`. */
  readonly interactive?: boolean | ChartSlider;
}

const TYPES: readonly PreferenceLossType[] = ["sigmoid", "hinge", "ipo", "robust"];

function typeName(t: PreferenceLossType, eps: number): string {
  return t === "sigmoid" ? "sigmoid (DPO)" : t === "hinge" ? "hinge (SLiC)" : t === "ipo" ? "ipo (squared)" : `robust (ε = ${label(eps)})`;
}

type Step = { filter: string } | { calculate: string; as: string } | { fold: string[]; as: [string, string] };

function panel(data: string, steps: Step[], title: string, series: readonly SeriesStyle[], slider: boolean, domain: number[] | null, legend: LegendPlace, labelExpr?: string): ChartPanel {
  const x = { field: "h", type: "quantitative" as const, title: "log-ratio margin h" };
  const y = { field: "loss", type: "quantitative" as const, title, ...(domain === null ? {} : { scale: { domain } }) };
  const keep = slider ? [sliderFilter("beta", "beta")] : [];
  return {
    width: 300,
    height: 250,
    layer: [
      { data: { name: data }, ...(keep.length + steps.length > 0 ? { transform: [...keep, ...steps] } : {}), mark: { type: "line", clip: true }, encoding: { x, y, ...seriesChannels("curve", null, series, legend, labelExpr) } },
      { data: { name: "marked" }, ...(slider ? { transform: keep } : {}), mark: { type: "point", color: "#222222", size: 55 }, encoding: { x, y, tooltip: tips(x, y, { field: "pair", type: "nominal" }) } },
    ],
  };
}

/**
 * DPO loss against the log-ratio margin h = (log π(y_w) − log π_ref(y_w)) − (log π(y_l) − log π_ref(y_l)), from
 * {@link preferenceLoss}. Left: the sigmoid (DPO) loss −log σ(βh) for several β (the implicit reward margin is β·h:
 * a larger β reacts more sharply to h). Right: the loss types at one β — sigmoid, hinge max(0, 1 − βh), ipo
 * (h − 1/(2β))² (clipped: it keeps growing) and robust. Dots: the seed's two pairs (h = 0.4 and −0.2 at β = 0.2).
 * Datasets `byBeta` (`h, curve, beta, loss`; static form only), `byType` (`h, beta` and one column per loss type),
 * `marked` (`h, beta, loss, pair`). In interactive form (β slider) both panels read `byType` at the slider's β, which
 * the left panel's legend states ("β = 0.20 (slider)").
 *
 * @throws LossInputError `OUT_OF_DOMAIN` (β ≤ 0, ε ∉ [0, ½), bad range, points or slider), `SHAPE_MISMATCH`, `EMPTY`,
 *   `NOT_FINITE`
 * @example
 * chartPreference().datasets.marked; // => [{ h: 0.4, beta: 0.2, loss: Math.log1p(Math.exp(-0.08)), pair: "pair 1" }, { h: -0.2, beta: 0.2, loss: Math.log1p(Math.exp(0.04)), pair: "pair 2" }]
 */
export function chartPreference(opts: ChartPreferenceOptions = {}): ChartPanelsSpec {
  const fn = "chartPreference";
  const beta0 = checkNumber(fn, "beta", opts.beta ?? 0.2, { min: 0, minExclusive: true });
  const eps = checkNumber(fn, "robustSmoothing", opts.robustSmoothing ?? 0.1, { min: 0, max: 0.5, maxExclusive: true });
  const slider = pickSlider(opts.interactive, { min: 0.05, max: 1, step: 0.05 });
  const h = linspace(fn, "range", opts.range ?? [-10, 10], opts.points ?? (slider === null ? 161 : 81));
  const grid = slider === null ? null : sliderValues(fn, "interactive", slider, beta0);
  const betas = grid ?? withMarked(opts.betas ?? [0.1, 0.2, 0.5, 1], beta0);
  const zeros = new Float64Array(h.length);
  const lossAt = (beta: number, lossType: PreferenceLossType) =>
    preferenceLoss(h, zeros, zeros, zeros, { beta, lossType, labelSmoothing: lossType === "robust" ? eps : 0 });
  const sigmoidName = (b: number) => (grid === null ? `β = ${label(b)}` : "sigmoid (DPO)");
  const byBeta: ChartRow[] = [];
  if (grid === null) {
    for (const beta of betas) {
      const loss = lossAt(beta, "sigmoid");
      h.forEach((hi, i) => byBeta.push({ h: hi, curve: sigmoidName(beta), beta, loss: loss[i] }));
    }
  }
  // One wide row per (β, h) with a column per loss type; the right panel folds them into curves.
  const byType: ChartRow[] = [];
  for (const beta of grid ?? [beta0]) {
    const losses = TYPES.map((t) => lossAt(beta, t));
    h.forEach((hi, i) => {
      const row: ChartRow = { h: hi, beta };
      TYPES.forEach((t, k) => (row[t] = losses[k][i]));
      byType.push(row);
    });
  }
  const m = opts.marked ?? { logpW: [-2.0, -1.5], logpL: [-3.0, -1.0], refW: [-2.2, -1.4], refL: [-2.8, -1.1] };
  const marked: ChartRow[] = [];
  for (const beta of grid ?? [beta0]) {
    const loss = preferenceLoss(m.logpW, m.logpL, m.refW, m.refL, { beta });
    loss.forEach((l, i) => marked.push({ h: (m.logpW[i] - m.refW[i]) - (m.logpL[i] - m.refL[i]), beta, loss: l, pair: `pair ${i + 1}` }));
  }
  const left = lossSeries(grid === null ? betas.map(sigmoidName) : [sigmoidName(beta0)]);
  // sigmoid keeps the colour of its β on the left; the other types take colours the left panel does not use.
  const at = grid === null ? betas.indexOf(beta0) : 0;
  const rightColors = [chartPalette[at >= 0 ? at % chartPalette.length : 0], chartPalette[4], chartPalette[5], chartPalette[9]];
  const right: SeriesStyle[] = TYPES.map((t, i) => ({ name: typeName(t, eps), color: rightColors[i], dash: [1, 0] }));
  // Fixed y ranges, so the curves visibly move with the slider: the right panel fits the non-ipo types at the
  // starting β (ipo, a parabola, is clipped), the left panel the steepest sigmoid curve of all.
  const atStart = byType.filter((r) => r.beta === beta0);
  const typeMax = Math.max(...atStart.flatMap((r) => TYPES.filter((t) => t !== "ipo").map((t) => r[t] as number)));
  const interactive = grid !== null;
  const sigmoidMax = Math.max(...byType.map((r) => r.sigmoid as number));
  const curveOf = TYPES.reduceRight((acc, t) => `datum.type === '${t}' ? ${JSON.stringify(typeName(t, eps))} : ${acc}`, "''");
  const folded: Step[] = [{ fold: [...TYPES], as: ["type", "loss"] }, { calculate: curveOf, as: "curve" }];
  const readout = slider === null ? "" : sliderReadout("β", "beta", slider);
  const leftPanel = interactive
    ? panel("byType", [{ calculate: "datum.sigmoid", as: "loss" }, { calculate: JSON.stringify(sigmoidName(beta0)), as: "curve" }], "sigmoid loss −log σ(β·h)", left, true, [0, Math.ceil(sigmoidMax)], "top-right", relabel(sigmoidName(beta0), readout))
    : panel("byBeta", [], "sigmoid loss −log σ(β·h)", left, false, null, "top-right");
  const datasets: Record<string, ChartRow[]> = interactive ? { byType, marked } : { byBeta, byType, marked };
  return themed({
    title: {
      text: "Preference (DPO) loss vs the log-ratio margin",
      subtitle: `implicit reward margin = β·h · dots: ${opts.marked === undefined ? "the seed's" : "the marked"} pairs at ${grid === null ? `β = ${label(beta0)}` : "the slider's β (left legend)"} · right: loss types at that β`,
    },
    ...(grid === null ? {} : { params: [sliderParam("beta", "β", beta0, slider ?? { min: 0, max: 1, step: 1 })] }),
    datasets,
    hconcat: [leftPanel, panel("byType", folded, interactive ? "loss at the same β" : `loss at β = ${label(beta0)}`, right, interactive, [-0.5, Math.ceil(typeMax * 1.3)], "right")],
    resolve: { scale: { color: "independent", strokeDash: "independent" } },
  });
}
