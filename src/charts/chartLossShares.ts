import { lossShares } from "../losses/lossShares";
import { lossSeries } from "./series";
import { themed, tips } from "./spec";
import type { ChartPanel, ChartPanelsSpec, ChartRow } from "./spec";

/** Options of {@link chartLossShares}. */
export interface ChartLossSharesOptions {
  /** Raw term values tₖ ≥ 0. Default the seed's exercise 10 `{ ce: 0.8, kl: 0.05, aux: 2.0 }`. */
  readonly terms?: Readonly<Record<string, number>>;
  /** Weights wₖ ≥ 0 with the same keys. Default the seed's `{ ce: 1.0, kl: 10.0, aux: 0.1 }`. */
  readonly weights?: Readonly<Record<string, number>>;
}

function num(x: number): string {
  return String(Number(x.toPrecision(4)));
}

function pct(x: number): string {
  return `${num(x * 100)} %`;
}

function panel(field: string, text: string, title: string, domainMax: number, color: object, format: string | null): ChartPanel {
  const x = { field, type: "quantitative" as const, title, scale: { domain: [0, domainMax] }, axis: { tickCount: 4, ...(format === null ? {} : { format }) } };
  const y = { field: "term", type: "nominal" as const, title: null, sort: null, axis: { labelFontSize: 13 } };
  return {
    width: 190,
    height: { step: 40 },
    layer: [
      { mark: { type: "bar", height: { band: 0.65 } }, encoding: { x, y, color, tooltip: tips(y, x) } },
      { mark: { type: "text", align: "left", dx: 5, color: "#222222" }, encoding: { x, y, text: { field: text, type: "nominal" } } },
    ],
  };
}

/**
 * Loss balancing in three panels: the raw term values tₖ, the weighted contributions wₖ·tₖ, and each term's share of
 * the weighted total from {@link lossShares} — a term's raw size says little about its pull on the gradient (the
 * seed's kl is the smallest term but a third of the objective after × 10; aux the largest but 13 %). Dataset `terms`
 * (`term, raw, weight, weighted, share` and their label texts).
 *
 * @throws LossInputError as {@link lossShares} (`EMPTY`, `SHAPE_MISMATCH`, `OUT_OF_DOMAIN`, `NOT_FINITE`, `INVALID_TYPE`)
 * @example
 * chartLossShares({ terms: { a: 1, b: 3 }, weights: { a: 2, b: 1 } }).datasets.terms; // => [{ term: "a", raw: 1, weight: 2, weighted: 2, share: 0.4, rawText: "1", weightedText: "2 × 1 = 2", shareText: "40 %" }, { term: "b", raw: 3, weight: 1, weighted: 3, share: 0.6, rawText: "3", weightedText: "1 × 3 = 3", shareText: "60 %" }]
 */
export function chartLossShares(opts: ChartLossSharesOptions = {}): ChartPanelsSpec {
  const terms = opts.terms ?? { ce: 0.8, kl: 0.05, aux: 2.0 };
  const weights = opts.weights ?? { ce: 1.0, kl: 10.0, aux: 0.1 };
  const shares = lossShares(terms, weights);
  const names = Object.keys(shares);
  const rows: ChartRow[] = names.map((term) => {
    const raw = terms[term];
    const weight = weights[term];
    const weighted = weight * raw;
    return {
      term, raw, weight, weighted, share: shares[term],
      rawText: num(raw), weightedText: `${num(weight)} × ${num(raw)} = ${num(weighted)}`, shareText: pct(shares[term]),
    };
  });
  const most = (key: "raw" | "share") => rows.reduce((a, b) => ((b[key] as number) > (a[key] as number) ? b : a));
  const bigRaw = most("raw");
  const bigShare = most("share");
  const series = lossSeries(names);
  const color = { field: "term", type: "nominal" as const, legend: null, scale: { domain: names, range: series.map((s) => s.color) } };
  const maxOf = (key: "raw" | "weighted") => Math.max(...rows.map((r) => r[key] as number));
  return themed({
    title: {
      text: "Loss balancing: judge a term by its weighted share",
      subtitle: `largest raw term: ${bigRaw.term} (${bigRaw.rawText}) · largest share after weighting: ${bigShare.term} (${bigShare.shareText})`,
    },
    data: { name: "terms" },
    datasets: { terms: rows },
    hconcat: [
      // Room right of the longest bar for its label: 35 % for a number, 110 % for "w × t = c".
      panel("raw", "rawText", "raw term value tₖ", Number((maxOf("raw") * 1.35).toPrecision(2)), color, null),
      panel("weighted", "weightedText", "weighted wₖ · tₖ", Number((maxOf("weighted") * 2.1).toPrecision(2)), color, null),
      panel("share", "shareText", "share of the weighted total", 1, color, ".0%"),
    ],
  });
}
