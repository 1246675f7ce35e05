import type { Field, PositionDef } from "vega-lite/build/src/channeldef";
import { bceWithLogits } from "../losses/bceWithLogits";
import { chartPalette } from "./theme";
import { linspace, themed, tips } from "./spec";
import type { ChartPanel, ChartPanelsSpec, ChartRow } from "./spec";

/** Options of {@link chartBce}. */
export interface ChartBceOptions {
  /** Logit range on the x axis. Default `[-50, 50]`. */
  readonly range?: readonly [number, number];
  /** Number of logits sampled. Default 101 (one per integer logit). */
  readonly points?: number;
}

const STABLE = "stable: max(z, 0) − z·y + log1p(e^−|z|)";
const NAIVE = "naive: −[y·log σ(z) + (1 − y)·log(1 − σ(z))]";
const FLOOR = 1e-17;

/** The seed's probability-form BCE, on purpose naive: σ(z) = 1 / (1 + e^−z), then logs (NaN and ∞ included). */
function naiveBce(z: number, y: number): number {
  const s = 1 / (1 + Math.exp(-z));
  return -(y * Math.log(s) + (1 - y) * Math.log(1 - s)) + 0; // + 0: −0 (from −(0 + 0·…)) becomes 0, as JSON writes it
}

function status(v: number): string {
  return Number.isNaN(v) ? "NaN" : Number.isFinite(v) ? "finite" : "∞";
}

function panel(y: PositionDef<Field> & { field: string }, marker: string, xTitle: string, broken: boolean): ChartPanel {
  const x = { field: "z", type: "quantitative" as const, title: xTitle };
  const color = { field: "target", type: "nominal" as const, title: "target", scale: { domain: ["y = 1", "y = 0"], range: [chartPalette[0], chartPalette[3]] } };
  const region = [
    { data: { name: "broken" }, mark: { type: "rect" as const, color: "#d55e00", opacity: 0.08 }, encoding: { x: { field: "from", type: "quantitative" as const }, x2: { field: "to" } } },
    {
      data: { name: "broken" },
      mark: { type: "text" as const, align: "right" as const, baseline: "top" as const, dx: -5, dy: 2, color: "#8c3a00" },
      encoding: { x: { field: "from", type: "quantitative" as const }, y: { value: 0 }, text: { field: "text", type: "nominal" as const } },
    },
  ];
  const markers = {
    data: { name: "curves" },
    transform: [{ filter: "datum.status !== 'finite'" }],
    mark: { type: "point" as const, filled: false, size: 28, strokeWidth: 1.2 },
    encoding: {
      x,
      y: { field: marker, type: "quantitative" as const },
      color,
      shape: { field: "status", type: "nominal" as const, title: "naive result", scale: { domain: ["∞", "NaN"], range: ["triangle-up", "cross"] } },
      tooltip: tips(x, { field: "target", type: "nominal" }, { field: "status", type: "nominal", title: "naive result" }),
    },
  };
  return {
    width: 250,
    height: 250,
    layer: [
      ...(broken ? region : []),
      {
        data: { name: "curves" },
        transform: [{ filter: `isValid(datum.${y.field})` }],
        mark: { type: "line", clip: true },
        encoding: {
          x, y, color,
          strokeDash: { field: "form", type: "nominal", title: "form", scale: { domain: [STABLE, NAIVE], range: [[1, 0], [5, 3]] } },
          detail: { field: "form", type: "nominal" },
        },
      },
      ...(broken ? [markers] : []),
    ],
  };
}

/**
 * Binary cross-entropy against the logit z for targets y = 1 and y = 0: the stable logit form ({@link bceWithLogits})
 * against the naive probability form −[y log σ(z) + (1 − y) log(1 − σ(z))] evaluated in float64. Once σ(z) rounds
 * to 1 (z ≳ 36.7) the naive form returns ∞ for y = 0 (log 0) and NaN for y = 1 (0 · log 0); Vega-Lite cannot
 * draw those, so they are marked at the top of each panel (shaded region). The second panel shows the naive form's
 * relative error |naive − stable| / stable on a log scale (floored at 1e-17): digits drain away long before it breaks.
 * Datasets `curves` (`z, target, form, loss, error, status, top, errorTop`; `loss`/`error` null where non-finite) and
 * `broken` (the shaded region).
 *
 * @throws LossInputError `OUT_OF_DOMAIN` (bad range or points), `NOT_FINITE`
 * @example
 * chartBce({ range: [-40, 40], points: 3 }).datasets.broken; // => [{ from: 40, to: 40, text: "naive form: ∞ / NaN →" }]
 */
export function chartBce(opts: ChartBceOptions = {}): ChartPanelsSpec {
  const fn = "chartBce";
  const z = linspace(fn, "range", opts.range ?? [-50, 50], opts.points ?? 101);
  const rows: ChartRow[] = [];
  let top = 0;
  let firstBreak = Infinity;
  for (const target of [1, 0]) {
    const stable = bceWithLogits(z, new Float64Array(z.length).fill(target));
    z.forEach((zi, i) => {
      const naive = naiveBce(zi, target);
      const st = status(naive);
      if (st !== "finite") firstBreak = Math.min(firstBreak, zi);
      top = Math.max(top, stable[i]);
      const err = st === "finite" ? Math.max(Math.abs(naive - stable[i]) / stable[i], FLOOR) : null;
      const t = `y = ${target}`;
      rows.push({ z: zi, target: t, form: STABLE, loss: stable[i], error: null, status: "finite" });
      rows.push({ z: zi, target: t, form: NAIVE, loss: st === "finite" ? naive : null, error: err, status: st });
    });
  }
  const yTop = Math.ceil(top * 1.12);
  for (const r of rows) {
    r.top = r.status === "∞" ? top * 1.08 : r.status === "NaN" ? top * 1.03 : null;
    r.errorTop = r.status === "∞" ? 10 : r.status === "NaN" ? 3 : null;
  }
  const broken = Number.isFinite(firstBreak) ? [{ from: firstBreak, to: z[z.length - 1], text: "naive form: ∞ / NaN →" }] : [];
  const lossY: PositionDef<Field> & { field: string } = { field: "loss", type: "quantitative", title: "binary cross-entropy", scale: { domain: [0, yTop] } };
  const errY: PositionDef<Field> & { field: string } = { field: "error", type: "quantitative", title: "relative error of the naive form", scale: { type: "log", domain: [FLOOR, 30] }, axis: { format: ".0e" } };
  return themed({
    title: {
      text: "BCE from logits: stable vs naive probability form",
      subtitle: "σ(z) rounds to 1 in float64 for z ≳ 36.7: log(1 − σ) = log 0, so the naive form gives ∞ (y = 0) or 0 · ∞ = NaN (y = 1)",
    },
    datasets: { curves: rows, broken },
    hconcat: [panel(lossY, "top", "logit z", broken.length > 0), panel(errY, "errorTop", "logit z", broken.length > 0)],
  });
}
