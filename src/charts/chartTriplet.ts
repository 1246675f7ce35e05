import type { Vector } from "../core/types";
import { LossInputError, show } from "../core/errors";
import { checkNumber } from "../core/validate";
import { tripletLoss } from "../losses/tripletLoss";
import { chartPalette } from "./theme";
import { label, pickSlider, sliderFilter, sliderParam, sliderReadout, sliderValues, themed, tips } from "./spec";
import type { ChartLayerSpec, ChartRow, ChartSlider } from "./spec";
import { pointLabels } from "./labels";

/** Options of {@link chartTriplet}. */
export interface ChartTripletOptions {
  /** Default the seed's exercise 8 `[0, 0]`. */
  readonly anchor?: Vector;
  /** Default the seed's `[0.4, 0]`. */
  readonly positive?: Vector;
  /** The marked negative; the curve moves a negative along the ray from the anchor through it. Default `[0.6, 0]`. */
  readonly negative?: Vector;
  /** The margin m ≥ 0 (the slider's start in interactive form). Default the seed's 0.5. */
  readonly margin?: number;
  /** Number of negative distances sampled. Default 121 (61 in interactive form). */
  readonly points?: number;
  /** A margin slider (`true`: 0 to 1 by 0.05): curve, regions and dot follow it. */
  readonly interactive?: boolean | ChartSlider;
}

const REGIONS = ["hard", "semi-hard", "easy"] as const;
const REGION_TEXT: Record<(typeof REGIONS)[number], string> = {
  hard: "hard: d(a,n) < d(a,p)",
  "semi-hard": "semi-hard: within the margin",
  easy: "easy: loss 0",
};

function sqDist(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
  return s;
}

/** The slider's margin as text in the plot's top right corner (the easy region: loss 0, nothing drawn there). */
function readout(slider: ChartSlider) {
  return {
    data: { name: "marked" },
    transform: [sliderFilter("margin", "margin"), { calculate: sliderReadout("m", "datum.margin", slider), as: "readout" }],
    mark: { type: "text" as const, align: "right" as const, baseline: "top" as const, x: "width" as const, y: 0, dx: -6, dy: 6, fill: "#222222" },
    encoding: { text: { field: "readout", type: "nominal" as const } },
  };
}

/**
 * Triplet loss max(0, d(a, p) − d(a, n) + m) against the negative's squared distance d(a, n), from
 * {@link tripletLoss} (the seed's squared distance) with the negative moved along the ray from the anchor through the
 * given negative. Shaded: hard negatives (closer than the positive), semi-hard (farther, but within the margin: loss
 * in (0, m)) and easy ones (beyond d(a, p) + m: loss 0, no gradient). Dot: the given negative (the seed's: d = 0.36,
 * loss 0.3, semi-hard). With a margin slider, the plot's top right corner states the slider's margin ("m = 0.50
 * (slider)"). Datasets `curve` (`margin, dNeg, loss`), `regions` (`margin, region, from, to, text`), `marked`
 * (`margin, dNeg, loss, text`).
 *
 * @throws LossInputError `OUT_OF_DOMAIN` (margin < 0, bad points or slider), `SHAPE_MISMATCH`, `EMPTY`, `NOT_FINITE`
 * @example
 * chartTriplet().datasets.marked; // => [{ margin: 0.5, dNeg: 0.36, loss: 0.30000000000000004, text: "seed negative: loss 0.3 (semi-hard)" }]
 */
export function chartTriplet(opts: ChartTripletOptions = {}): ChartLayerSpec {
  const fn = "chartTriplet";
  const anchor = Array.from(opts.anchor ?? [0, 0]);
  const positive = Array.from(opts.positive ?? [0.4, 0]);
  const negative = Array.from(opts.negative ?? [0.6, 0]);
  const margin0 = checkNumber(fn, "margin", opts.margin ?? 0.5, { min: 0 });
  const slider = pickSlider(opts.interactive, { min: 0, max: 1, step: 0.05 });
  const n = checkNumber(fn, "points", opts.points ?? (slider === null ? 121 : 61), { integer: true, min: 2, max: 5000 });
  const margins = slider === null ? [margin0] : sliderValues(fn, "interactive", slider, margin0);
  tripletLoss(anchor, positive, negative); // validates shapes and values once, with the library's own errors
  const dPos = sqDist(anchor, positive);
  const dSeed = sqDist(anchor, negative);
  const len = Math.sqrt(dSeed);
  if (len === 0) throw new LossInputError("OUT_OF_DOMAIN", fn, "negative", `must differ from the anchor to define a direction (got ${show(negative)})`);
  const dir = negative.map((v, i) => (v - anchor[i]) / len);
  const xMax = Math.max(dPos + 2 * Math.max(...margins), dSeed * 1.25);
  const base = Array.from({ length: n }, (_, i) => (xMax * i) / (n - 1));

  const curve: ChartRow[] = [];
  const regions: ChartRow[] = [];
  const marked: ChartRow[] = [];
  for (const margin of margins) {
    // The sampled distances plus the kink at d(a, p) + m, so the corner is drawn where it is.
    const kink = dPos + margin;
    const ds = kink > 0 && kink < xMax && !base.includes(kink) ? [...base, kink].sort((a, b) => a - b) : base;
    const negs = ds.map((d) => anchor.map((a, k) => a + Math.sqrt(d) * dir[k]));
    const loss = tripletLoss(negs.map(() => anchor), negs.map(() => positive), negs, { margin });
    negs.forEach((neg, i) => curve.push({ margin, dNeg: sqDist(anchor, neg), loss: loss[i] }));
    const bounds = [0, dPos, dPos + margin, xMax];
    REGIONS.forEach((region, i) => regions.push({ margin, region, from: bounds[i], to: bounds[i + 1], text: REGION_TEXT[region] }));
    const seedLoss = tripletLoss(anchor, positive, negative, { margin });
    const kind = dSeed < dPos ? "hard" : dSeed < dPos + margin ? "semi-hard" : "easy";
    marked.push({ margin, dNeg: dSeed, loss: seedLoss, text: `${opts.negative ? "negative" : "seed negative"}: loss ${label(seedLoss)} (${kind})` });
  }
  const keep = slider === null ? {} : { transform: [sliderFilter("margin", "margin")] };
  const x = { field: "dNeg", type: "quantitative" as const, title: "squared distance to the negative d(a, n)", scale: { domain: [0, xMax], nice: false } };
  // A fixed y range (the largest margin's curve) so the curve visibly moves with the slider.
  const y = { field: "loss", type: "quantitative" as const, title: "triplet loss", scale: { domain: [0, dPos + Math.max(...margins)] } };
  const fills = ["#d55e00", "#de8f05", "#029e73"];
  return themed({
    title: {
      text: "Triplet loss vs the negative's distance",
      subtitle: `max(0, d(a,p) − d(a,n) + m) with d(a,p) = ${label(dPos)}, m ${slider === null ? `= ${label(margin0)}` : "from the slider"} · only hard and semi-hard negatives train`,
    },
    ...(slider === null ? {} : { params: [sliderParam("margin", "margin m", margin0, slider)] }),
    datasets: { curve, regions, marked },
    width: 440,
    height: 260,
    layer: [
      {
        data: { name: "regions" },
        ...keep,
        mark: { type: "rect", opacity: 0.12 },
        encoding: {
          x: { field: "from", type: "quantitative" },
          x2: { field: "to" },
          color: { field: "region", type: "nominal", title: "negative", sort: [...REGIONS], scale: { domain: [...REGIONS], range: fills }, legend: { symbolOpacity: 0.35 } },
        },
      },
      { data: { name: "curve" }, ...keep, mark: { type: "line", color: chartPalette[0] }, encoding: { x, y } },
      { data: { name: "marked" }, ...keep, mark: { type: "point", color: "#222222", size: 60 }, encoding: { x, y, tooltip: tips(x, y) } },
      ...pointLabels("marked", marked, x, y, "text", { flipAbove: xMax * 0.55, ...(slider === null ? {} : { filter: sliderFilter("margin", "margin").filter }) }),
      ...(slider === null ? [] : [readout(slider)]),
    ],
  });
}
