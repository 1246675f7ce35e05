import { LossInputError, show } from "../core/errors";
import type { Matrix, Vector } from "../core/types";
import { checkNumber } from "../core/validate";
import { softmaxCrossEntropy } from "../losses/softmaxCrossEntropy";
import { label, linspace, themed, tips } from "./spec";
import type { ChartLayerSpec, ChartRow } from "./spec";
import { lossSeries, referenceSeries, seriesChannels } from "./series";
import { pointLabels } from "./labels";

/** Options of {@link chartCrossEntropy}. */
export interface ChartCrossEntropyOptions {
  /** Range of the gap (target logit − largest other logit) on the x axis. Default `[-6, 6]`. */
  readonly range?: readonly [number, number];
  /** Number of gaps sampled. Default 121. */
  readonly points?: number;
  /** The non-target logits, held fixed while the target logit moves. Default the seed's `[1, 0]`. */
  readonly others?: Vector;
  /** One curve per label-smoothing ε. Default `[0, 0.1]`. */
  readonly labelSmoothing?: readonly number[];
  /** Rows to mark with a dot: logits and class indices. Default the seed's exercise 4 batch. */
  readonly marked?: { readonly logits: Matrix; readonly targets: Vector };
}

const HINGE = "max(0, −gap)";

function curveName(eps: number): string {
  return eps === 0 ? "cross-entropy" : `label smoothing ε = ${label(eps)}`;
}

/**
 * Softmax cross-entropy of the target class against the logit gap g = z_target − max_{k ≠ target} z_k, with the
 * other logits held at `others` (rows [max(others) + g, …others], from {@link softmaxCrossEntropy}). CE only sees
 * logit differences, so the seed's rows [2, 1, 0] → class 0 (g = 1) and [1000, 999, 998] → class 2 (g = −2) both sit
 * on the ε = 0 curve. CE is a smooth max(0, −g) (dashed); label smoothing keeps a floor as g grows.
 * Dataset `curves` (`gap, curve, loss`), `marked` (`gap, loss, label`).
 *
 * @throws LossInputError `OUT_OF_DOMAIN` (bad range, points, labelSmoothing ∉ [0, 1)), `NOT_FINITE`, `EMPTY`,
 *   `SHAPE_MISMATCH`
 * @example
 * chartCrossEntropy({ labelSmoothing: [0] }).datasets.marked; // => [{ gap: 1, loss: 0.4076059644443804, label: "[2, 1, 0] → class 0" }, { gap: -2, loss: 2.4076059644443806, label: "[1000, 999, 998] → class 2" }]
 */
export function chartCrossEntropy(opts: ChartCrossEntropyOptions = {}): ChartLayerSpec {
  const fn = "chartCrossEntropy";
  const gaps = linspace(fn, "range", opts.range ?? [-6, 6], opts.points ?? 121);
  const others = Array.from(opts.others ?? [1, 0]);
  if (others.length === 0) throw new LossInputError("EMPTY", fn, "others", "must hold at least one logit (got [])");
  others.forEach((v, i) => checkNumber(fn, `others[${i}]`, v));
  const top = Math.max(...others);
  const rows = gaps.map((g) => [top + g, ...others]);
  const targets = new Float64Array(rows.length);
  const smoothing = Array.from(opts.labelSmoothing ?? [0, 0.1]);
  const curves: ChartRow[] = [];
  for (const eps of smoothing) {
    const loss = softmaxCrossEntropy(rows, targets, { labelSmoothing: eps });
    gaps.forEach((gap, i) => curves.push({ gap, curve: curveName(eps), loss: loss[i] }));
  }
  gaps.forEach((gap) => curves.push({ gap, curve: HINGE, loss: Math.max(0, -gap) }));

  const seed = opts.marked ?? { logits: [[2, 1, 0], [1000, 999, 998]], targets: [0, 2] };
  const seedLoss = softmaxCrossEntropy(seed.logits, seed.targets);
  const marked: ChartRow[] = Array.from(seedLoss, (loss, r) => {
    const row = Array.from(seed.logits[r]);
    const t = seed.targets[r];
    const rest = row.filter((_, k) => k !== t);
    if (rest.length === 0) throw new LossInputError("SHAPE_MISMATCH", fn, "marked", `rows need two classes or more (got ${show(row)})`);
    return { gap: row[t] - Math.max(...rest), loss, label: `[${row.join(", ")}] → class ${t}` };
  });
  const series = [...lossSeries(smoothing.map(curveName)), ...referenceSeries([HINGE])];
  const x = { field: "gap", type: "quantitative" as const, title: "logit gap: target − largest other logit" };
  const y = { field: "loss", type: "quantitative" as const, title: "cross-entropy (nats)" };
  return themed({
    title: {
      text: "Softmax cross-entropy vs the logit gap",
      subtitle: `${others.length + 1} classes, other logits [${others.join(", ")}] · ${opts.marked === undefined ? "CE only sees differences: both seed rows sit on one curve" : "dots: the marked rows"}`,
    },
    datasets: { curves, marked },
    width: 440,
    height: 270,
    layer: [
      { data: { name: "curves" }, mark: { type: "line", clip: true }, encoding: { x, y, ...seriesChannels("curve", null, series) } },
      { data: { name: "marked" }, mark: { type: "point", color: "#222222" }, encoding: { x, y, tooltip: tips({ field: "label", type: "nominal", title: "row" }, x, y) } },
      ...pointLabels("marked", marked, x, y, "label", { flipAbove: gaps[0] + 0.6 * (gaps[gaps.length - 1] - gaps[0]) }),
    ],
  });
}
