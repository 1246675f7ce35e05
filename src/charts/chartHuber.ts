import type { Vector } from "../core/types";
import { checkNumber } from "../core/validate";
import { huber, huberGrad } from "../losses/huber";
import { mse, mseGrad } from "../losses/mse";
import { label, linspace, pickSlider, relabel, sliderCurve, sliderFilter, sliderParam, sliderReadout, sliderValues, themed, tips, withMarked } from "./spec";
import type { ChartPanel, ChartPanelsSpec, ChartRow, ChartSlider } from "./spec";
import { lossSeries, referenceSeries, seriesChannels } from "./series";
import type { SeriesStyle } from "./series";

/** Options of {@link chartHuber}. */
export interface ChartHuberOptions {
  /** The δ of each Huber curve, plus `markedDelta`'s. Default `[0.5, 1, 2]`. */
  readonly deltas?: readonly number[];
  /** Residual range on the x axis. Default `[-3, 3]`. */
  readonly range?: readonly [number, number];
  /** Number of residuals sampled across the range. Default 121 (61 in interactive form). */
  readonly points?: number;
  /** Residuals marked with a dot on the δ = `markedDelta` curve (those inside `range`). Default the seed's `[-2, -0.5, 0, 0.5, 3]`. */
  readonly marked?: Vector;
  /** The δ of the marked dots (the seed's δ = 1); in interactive form the dots follow the slider. Default 1. */
  readonly markedDelta?: number;
  /**
   * A δ slider (`true`: 0.1 to 3 by 0.1) instead of fixed curves: one Huber curve per slider value is precomputed
   * with {@link huber}, and the chart shows the slider's; it starts at `markedDelta`.
   */
  readonly interactive?: boolean | ChartSlider;
}

const SQUARED = "½r² (squared)";
const ABSOLUTE = "|r| (absolute)";

// The slider's curve; its legend label states the slider's δ ("Huber δ = 1.0 (slider)"), live and in the static image.
const SLIDER_CURVE = "Huber (δ from the slider)";

function panel(y: "loss" | "gradient", title: string, series: readonly SeriesStyle[], slider: ChartSlider | null): ChartPanel {
  const interactive = slider !== null;
  const x = { field: "residual", type: "quantitative" as const, title: "residual r" };
  const yEnc = { field: y, type: "quantitative" as const, title };
  const tooltip = tips(x, { field: "delta", type: "quantitative", title: "δ" }, yEnc);
  const channels = seriesChannels("curve", null, series, "right", slider === null ? undefined : relabel(SLIDER_CURVE, sliderReadout("Huber δ", "delta", slider)));
  const line = { type: "line" as const, clip: true };
  return {
    width: 320,
    height: 250,
    layer: [
      { data: { name: "curves" }, mark: line, encoding: { x, y: yEnc, ...channels } },
      ...(interactive ? [{ data: { name: "grid" }, transform: sliderCurve("delta", "delta", SLIDER_CURVE), mark: line, encoding: { x, y: yEnc, ...channels } }] : []),
      {
        data: { name: "marked" },
        ...(interactive ? { transform: [sliderFilter("delta", "delta")] } : {}),
        mark: { type: "point", color: "#222222", size: 55 },
        encoding: { x, y: yEnc, tooltip },
      },
    ],
  };
}

/**
 * Huber loss for several δ against ½r² and |r|, with a second panel of the gradients: ∂huber/∂r = r for |r| ≤ δ
 * and δ·sign(r) beyond, i.e. r clipped at ±δ (where ½r² keeps growing and |r| is ±1 everywhere). Values from
 * {@link huber} and {@link huberGrad}; ½r² and r from {@link mse} and {@link mseGrad} halved. Dots: the seed's
 * residuals on the δ = 1 curve. Panels `spec.hconcat[0]` (loss) and `[1]` (gradient); datasets `curves`
 * (`residual, curve, delta, loss, gradient`) and `marked`; in interactive form also `grid` (the Huber rows for every
 * slider δ, without `curve`; 61 residuals by default).
 *
 * @throws LossInputError `OUT_OF_DOMAIN` (δ ≤ 0, bad range, points or slider), `NOT_FINITE`, `EMPTY`
 * @example
 * chartHuber({ deltas: [1], range: [-2, 2], points: 3 }).datasets.curves[0]; // => { residual: -2, curve: "Huber δ = 1", delta: 1, loss: 1.5, gradient: -1 }
 */
export function chartHuber(opts: ChartHuberOptions = {}): ChartPanelsSpec {
  const fn = "chartHuber";
  const slider = pickSlider(opts.interactive, { min: 0.1, max: 3, step: 0.1 });
  const r = linspace(fn, "range", opts.range ?? [-3, 3], opts.points ?? (slider === null ? 121 : 61));
  const markedDelta = checkNumber(fn, "markedDelta", opts.markedDelta ?? 1, { min: 0, minExclusive: true });
  const deltas = slider === null ? withMarked(opts.deltas ?? [0.5, 1, 2], markedDelta) : sliderValues(fn, "interactive", slider, markedDelta);
  const name = (d: number) => `Huber δ = ${label(d)}`;
  const curves: ChartRow[] = [];
  const grid: ChartRow[] = [];
  for (const delta of deltas) {
    const loss = huber(r, { delta, reduction: "none" });
    const grad = huberGrad(r, { delta });
    if (slider === null) r.forEach((residual, i) => curves.push({ residual, curve: name(delta), delta, loss: loss[i], gradient: grad[i] }));
    else r.forEach((residual, i) => grid.push({ residual, delta, loss: loss[i], gradient: grad[i] }));
  }
  const zeros = new Float64Array(r.length);
  const sq = mse(r, zeros, { reduction: "none" });
  const sqGrad = mseGrad(r, zeros, { reduction: "none" });
  r.forEach((residual, i) => curves.push({ residual, curve: SQUARED, delta: null, loss: sq[i] / 2, gradient: sqGrad[i] / 2 }));
  r.forEach((residual) => curves.push({ residual, curve: ABSOLUTE, delta: null, loss: Math.abs(residual), gradient: Math.sign(residual) }));

  const m = Array.from(opts.marked ?? [-2, -0.5, 0, 0.5, 3]).filter((v) => v >= r[0] && v <= r[r.length - 1]);
  const marked: ChartRow[] = [];
  for (const delta of m.length === 0 ? [] : slider === null ? [markedDelta] : deltas) {
    const loss = huber(m, { delta, reduction: "none" });
    const grad = huberGrad(m, { delta });
    m.forEach((residual, i) => marked.push({ residual, delta, loss: loss[i], gradient: grad[i] }));
  }
  const series = [...lossSeries(slider === null ? deltas.map(name) : [SLIDER_CURVE]), ...referenceSeries([SQUARED, ABSOLUTE])];
  const interactive = slider !== null;
  const datasets: Record<string, ChartRow[]> = interactive ? { curves, grid, marked } : { curves, marked };
  return themed({
    title: {
      text: "Huber loss: quadratic near zero, linear in the tails",
      subtitle: `the gradient is the residual clipped at ±δ · dots: ${opts.marked === undefined ? "the seed's residuals" : "the marked residuals"}${interactive ? "" : ` at δ = ${label(markedDelta)}`}`,
    },
    ...(slider === null ? {} : { params: [sliderParam("delta", "δ", markedDelta, slider)] }),
    datasets,
    hconcat: [panel("loss", "loss ℓ(r)", series, slider), panel("gradient", "gradient ∂ℓ/∂r", series, slider)],
  });
}
