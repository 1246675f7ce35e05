import type { Vector } from "../core/types";
import { mse, mseGrad } from "../losses/mse";
import { chartPalette } from "./theme";
import { label, linspace, themed, tips } from "./spec";
import { pointLabels } from "./labels";
import type { ChartPanel, ChartPanelsSpec, ChartRow } from "./spec";

/** Options of {@link chartMse}. */
export interface ChartMseOptions {
  /** Residual range r = ŷ − y on the x axis. Default `[-3, 3]`. */
  readonly range?: readonly [number, number];
  /** Number of residuals sampled across the range. Default 121. */
  readonly points?: number;
  /** Residuals to mark with a dot on both curves. Default the seed's exercise 1 residuals `[0.5, -1, 2]`. */
  readonly marked?: Vector;
}

function panel(field: "loss" | "gradient", title: string, color: string, marked: readonly ChartRow[]): ChartPanel {
  const x = { field: "residual", type: "quantitative" as const, title: "residual r = ŷ − y" };
  const y = { field, type: "quantitative" as const, title };
  return {
    width: 300,
    height: 240,
    layer: [
      { data: { name: "curve" }, mark: { type: "line", color }, encoding: { x, y } },
      {
        data: { name: "marked" },
        mark: { type: "point", color: "#222222" },
        encoding: { x, y, tooltip: tips(x, y) },
      },
      // Loss: labels above, towards the bottom of the parabola; gradient: labels below-right of the rising line.
      ...pointLabels("marked", marked, x, y, "label", field === "loss" ? { flipAbove: 0 } : { flipAbove: Infinity, dy: 14 }),
    ],
  };
}

/**
 * MSE and its gradient against the residual, side by side: the per-element loss r² (from {@link mse} with
 * `reduction: "none"`) and its gradient 2r (from {@link mseGrad}), with the seed's residuals marked. A mean over
 * N elements divides both by N. Two panels: `spec.hconcat[0]` the loss, `spec.hconcat[1]` the gradient;
 * datasets `curve` (`residual, loss, gradient`) and `marked` (the same, plus `label`).
 *
 * @throws LossInputError `OUT_OF_DOMAIN` (range not [lo, hi] with lo < hi, points not an integer in [2, 5000]),
 *   `NOT_FINITE`, `EMPTY` (marked)
 * @example
 * chartMse({ range: [-1, 1], points: 3 }).datasets.curve; // => [{ residual: -1, loss: 1, gradient: -2 }, { residual: 0, loss: 0, gradient: 0 }, { residual: 1, loss: 1, gradient: 2 }]
 */
export function chartMse(opts: ChartMseOptions = {}): ChartPanelsSpec {
  const fn = "chartMse";
  const r = linspace(fn, "range", opts.range ?? [-3, 3], opts.points ?? 121);
  const zeros = new Float64Array(r.length);
  const loss = mse(r, zeros, { reduction: "none" });
  const grad = mseGrad(r, zeros, { reduction: "none" });
  const curve: ChartRow[] = r.map((residual, i) => ({ residual, loss: loss[i], gradient: grad[i] }));
  const m = Array.from(opts.marked ?? [0.5, -1, 2]);
  const mLoss = mse(m, new Float64Array(m.length), { reduction: "none" });
  const mGrad = mseGrad(m, new Float64Array(m.length), { reduction: "none" });
  const marked: ChartRow[] = m.map((residual, i) => ({ residual, loss: mLoss[i], gradient: mGrad[i], label: `r = ${label(residual)}` }));
  return themed({
    title: {
      text: "MSE: loss and gradient vs residual",
      subtitle: `per element ℓ = r², ∂ℓ/∂ŷ = 2r: the gradient grows with the residual (dots: ${opts.marked === undefined ? "the seed's" : "the marked"} residuals)`,
    },
    datasets: { curve, marked },
    hconcat: [panel("loss", "loss r²", chartPalette[0], marked), panel("gradient", "gradient 2r", chartPalette[3], marked)],
  });
}
