import type { Matrix } from "../core/types";
import { LossInputError, show } from "../core/errors";
import { maskedMean } from "../losses/maskedMean";
import { chartPalette, chartReferenceGrey } from "./theme";
import { themed, tips } from "./spec";
import type { ChartLayerSpec, ChartRow } from "./spec";

/** Options of {@link chartMaskedMean}. */
export interface ChartMaskedMeanOptions {
  /** Per-token losses, one row per sequence. Default the seed's exercise 5 `[[0.2, 0.5, 0], [0.3, 0, 0]]`. */
  readonly values?: Matrix;
  /** Mask weights of the same shape (1 = valid token, 0 = padding). Default the seed's `[[1, 1, 0], [1, 0, 0]]`. */
  readonly mask?: Matrix;
}

const VALID = "valid token";
const PADDING = "padding";

function fmt(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}

/**
 * Masked vs padded mean of per-token losses: one bar per token (padding greyed), and one line per way of
 * averaging — the valid-token mean Σ v·m / Σ m ({@link maskedMean}, `"global"`), the per-sequence mean
 * (`"perSequence"`), and the padded mean over every slot (the mean with an all-ones mask), which padding drags down.
 * Datasets `tokens` (`token, sequence, loss, weight, kind, text`) and `means` (`mean, value`).
 *
 * @throws LossInputError as {@link maskedMean} (`EMPTY_MASK`, `SHAPE_MISMATCH`, `OUT_OF_DOMAIN`, …)
 * @example
 * chartMaskedMean().datasets.means; // => [{ mean: "valid-token mean 0.333 (÷ 3 tokens)", value: 0.3333333333333333 }, { mean: "per-sequence mean 0.325", value: 0.325 }, { mean: "padded mean 0.167 (÷ 6 slots)", value: 0.16666666666666666 }]
 */
export function chartMaskedMean(opts: ChartMaskedMeanOptions = {}): ChartLayerSpec {
  const fn = "chartMaskedMean";
  const values = opts.values ?? [[0.2, 0.5, 0], [0.3, 0, 0]];
  const mask = opts.mask ?? [[1, 1, 0], [1, 0, 0]];
  const global = maskedMean(values, mask); // validates shapes and weights for everything below
  const perSequence = maskedMean(values, mask, { normalize: "perSequence" });
  const ones = values.map((row) => new Float64Array(row.length).fill(1));
  const padded = maskedMean(values, ones);
  const tokens: ChartRow[] = [];
  let kept = 0;
  let slots = 0;
  values.forEach((row, i) => {
    for (let j = 0; j < row.length; j++) {
      const weight = mask[i][j];
      kept += weight;
      slots += 1;
      const text = weight === 0 ? "padding" : weight === 1 ? fmt(row[j]) : `${fmt(row[j])} × ${fmt(weight)}`;
      tokens.push({ token: `s${i + 1}·t${j + 1}`, sequence: `sequence ${i + 1}`, loss: row[j], weight, kind: weight > 0 ? VALID : PADDING, text });
    }
  });
  if (tokens.length > 60) throw new LossInputError("OUT_OF_DOMAIN", fn, "values", `must hold at most 60 tokens to draw (got ${show(tokens.length)})`);
  const means: ChartRow[] = [
    { mean: `valid-token mean ${fmt(global)} (÷ ${fmt(kept)} tokens)`, value: global },
    { mean: `per-sequence mean ${fmt(perSequence)}`, value: perSequence },
    { mean: `padded mean ${fmt(padded)} (÷ ${slots} slots)`, value: padded },
  ];
  const order = tokens.map((t) => t.token as string);
  const x = { field: "token", type: "ordinal" as const, sort: order, title: "token (sequence · position)", axis: { labelAngle: 0 } };
  const y = { field: "loss", type: "quantitative" as const, title: "per-token loss" };
  const fill = { field: "kind", type: "nominal" as const, title: "token", scale: { domain: [VALID, PADDING], range: [chartPalette[0], "#b3b3b3"] } };
  const names = means.map((m) => m.mean as string);
  return themed({
    title: {
      text: "Masked vs padded mean",
      subtitle: `divide by the valid tokens, not the padded length: padding ${padded < global ? "drags the plain mean down" : "leaks into the plain mean"}`,
    },
    datasets: { tokens, means },
    width: Math.max(300, 72 * tokens.length),
    height: 240,
    layer: [
      {
        data: { name: "tokens" },
        transform: [{ filter: "datum.weight === 0" }],
        mark: { type: "rect", width: { band: 0.9 }, color: "#f0f0f0" },
        encoding: { x, y: { value: 0 }, y2: { value: "height" } },
      },
      {
        data: { name: "tokens" },
        mark: { type: "bar", width: { band: 0.7 } },
        encoding: { x, y, fill, tooltip: tips(x, y, { field: "weight", type: "quantitative", title: "mask" }) },
      },
      {
        data: { name: "means" },
        mark: { type: "rule", strokeWidth: 2 },
        encoding: {
          y: { field: "value", type: "quantitative" },
          stroke: { field: "mean", type: "nominal", title: "average", sort: names, scale: { domain: names, range: [chartPalette[3], chartPalette[2], chartReferenceGrey] } },
          strokeDash: { field: "mean", type: "nominal", title: "average", sort: names, scale: { domain: names, range: [[1, 0], [6, 3], [2, 3]] } },
          tooltip: [{ field: "mean", type: "nominal" }, { field: "value", type: "quantitative" }],
        },
      },
      {
        data: { name: "tokens" },
        transform: [{ filter: "datum.weight > 0" }],
        mark: { type: "text", dy: 6, baseline: "top", color: "white" },
        encoding: { x, y, text: { field: "text", type: "nominal" } },
      },
      {
        data: { name: "tokens" },
        transform: [{ filter: "datum.weight === 0" }],
        mark: { type: "text", dy: -6, baseline: "bottom", color: "#444444" },
        encoding: { x, y: { value: "height" }, text: { field: "text", type: "nominal" } },
      },
    ],
  });
}
