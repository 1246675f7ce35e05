import type { Matrix } from "../core/types";
import { checkNumber } from "../core/validate";
import { infoNCE } from "../losses/infoNCE";
import { chartReferenceGrey } from "./theme";
import { label, pickSlider, sliderFilter, sliderParam, sliderReadout, sliderValues, themed, tips } from "./spec";
import type { ChartLayerSpec, ChartRow, ChartSlider } from "./spec";
import { lossSeries, referenceSeries, seriesChannels } from "./series";
import { LossInputError, show } from "../core/errors";

/** Options of {@link chartInfoNCE}. */
export interface ChartInfoNCEOptions {
  /** Similarity matrix, positives on the diagonal. Default the seed's exercise 7 matrix. */
  readonly sim?: Matrix;
  /** Temperature range on the (log) x axis. Default `[0.02, 10]`. */
  readonly range?: readonly [number, number];
  /** Number of temperatures sampled, evenly on a log scale. Default 121. */
  readonly points?: number;
  /** The temperature marked with a rule and dots (the seed's τ = 0.5); the slider's start. Default 0.5. */
  readonly temperature?: number;
  /** A τ slider (`true`: 0.05 to 2 by 0.05) that moves the marked temperature along the curves. */
  readonly interactive?: boolean | ChartSlider;
}

const MEAN = "mean over rows";
const UNIFORM = "log N (τ → ∞: uniform)";

/**
 * InfoNCE per row against the temperature τ for a similarity matrix (positives on the diagonal), from
 * {@link infoNCE}: ℓᵢ = −sᵢᵢ/τ + log Σⱼ e^{sᵢⱼ/τ}. Small τ sharpens the softmax (loss → 0 when the positive is the
 * row's largest similarity), large τ flattens it towards log N. Rule and dots: the seed's τ = 0.5, or the slider's,
 * which the rule's label states ("τ = 0.50 (slider)").
 * Datasets `curves` (`tau, curve, loss`) and `marked` (`tau, curve, loss`).
 *
 * @throws LossInputError `OUT_OF_DOMAIN` (range not within τ > 0, bad points or slider), `SHAPE_MISMATCH`, `EMPTY`,
 *   `NOT_FINITE`
 * @example
 * chartInfoNCE({ sim: [[1, 0], [0, 1]], range: [1, 2], points: 2 }).datasets.curves[0]; // => { tau: 1, curve: "row 1: positive 1, top negative 0", loss: Math.log1p(Math.exp(-1)) }
 */
export function chartInfoNCE(opts: ChartInfoNCEOptions = {}): ChartLayerSpec {
  const fn = "chartInfoNCE";
  const sim = opts.sim ?? [[2.0, 0.5, 0.1], [0.0, 1.5, 0.2], [0.1, 0.4, 1.0]];
  const [lo, hi] = opts.range ?? [0.02, 10];
  checkNumber(fn, "range[0]", lo, { min: 0, minExclusive: true });
  checkNumber(fn, "range[1]", hi, { min: lo, minExclusive: true });
  const n = checkNumber(fn, "points", opts.points ?? 121, { integer: true, min: 2, max: 5000 });
  const tau0 = checkNumber(fn, "temperature", opts.temperature ?? 0.5, { min: 0, minExclusive: true });
  const slider = pickSlider(opts.interactive, { min: 0.05, max: 2, step: 0.05 });
  if (sim.length > 10) throw new LossInputError("OUT_OF_DOMAIN", fn, "sim", `must have at most 10 rows to draw (got ${show(sim.length)})`);
  const taus = Array.from({ length: n }, (_, i) => (i === n - 1 ? hi : lo * Math.pow(hi / lo, i / (n - 1))));
  const rowNames = sim.map((row, i) => {
    const negatives = Array.from(row).filter((_, j) => j !== i);
    return `row ${i + 1}: positive ${row[i]}, top negative ${negatives.length > 0 ? Math.max(...negatives) : "–"}`;
  });
  const rowsAt = (tau: number): ChartRow[] => {
    const loss = infoNCE(sim, { temperature: tau });
    let mean = 0;
    const out: ChartRow[] = Array.from(loss, (l, i) => {
      mean += l / loss.length;
      return { tau, curve: rowNames[i], loss: l };
    });
    out.push({ tau, curve: MEAN, loss: mean });
    return out;
  };
  const curves = taus.flatMap(rowsAt);
  const logN = Math.log(sim.length);
  curves.push({ tau: lo, curve: UNIFORM, loss: logN }, { tau: hi, curve: UNIFORM, loss: logN });
  const markedTaus = slider === null ? [tau0] : sliderValues(fn, "interactive", slider, tau0);
  const marked = markedTaus.flatMap(rowsAt);
  const series = [...lossSeries(rowNames), { name: MEAN, color: "#222222", dash: [1, 0] }, ...referenceSeries([UNIFORM])];
  const x = { field: "tau", type: "quantitative" as const, title: "temperature τ (log scale)", scale: { type: "log" as const, domain: [lo, hi] } };
  const y = { field: "loss", type: "quantitative" as const, title: "InfoNCE loss per row", scale: { domain: [0, Math.ceil(logN * 11) / 10] } };
  const { color, strokeDash } = seriesChannels("curve", null, series);
  const keep = slider === null ? {} : { transform: [sliderFilter("tau", "tau")] };
  return themed({
    title: {
      text: "InfoNCE vs temperature",
      subtitle: `${opts.sim === undefined ? "the seed's" : "the given"} ${sim.length}×${sim[0]?.length ?? 0} similarities, positives on the diagonal · marked: ${slider === null ? `τ = ${label(tau0)}` : "the slider's τ (dotted rule)"}`,
    },
    ...(slider === null ? {} : { params: [sliderParam("tau", "τ", tau0, slider)] }),
    datasets: { curves, marked },
    width: 440,
    height: 270,
    layer: [
      { data: { name: "marked" }, transform: [...(slider === null ? [] : [sliderFilter("tau", "tau")]), { filter: `datum.curve === '${MEAN}'` }], mark: { type: "rule", color: chartReferenceGrey, strokeDash: [2, 2] }, encoding: { x } },
      {
        data: { name: "marked" },
        transform: [
          ...(slider === null ? [] : [sliderFilter("tau", "tau")]),
          { filter: `datum.curve === '${MEAN}'` },
          { calculate: slider === null ? "'τ = ' + format(datum.tau, '.3~f')" : sliderReadout("τ", "datum.tau", slider), as: "text" },
        ],
        mark: { type: "text", align: "left", baseline: "top", dx: 4, dy: 4, color: "#333333" },
        encoding: { x, y: { value: 0 }, text: { field: "text", type: "nominal" } },
      },
      { data: { name: "curves" }, mark: { type: "line", clip: true }, encoding: { x, y, color, strokeDash } },
      { data: { name: "marked" }, ...keep, mark: { type: "point", size: 55, opacity: 1 }, encoding: { x, y, color, tooltip: tips({ field: "curve", type: "nominal" }, x, y) } },
    ],
  });
}
