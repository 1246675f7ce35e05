// Spec → Vega → SVG → PNG, for tests and for looking at the charts. Kept apart from src/ (no rendering there);
// the lead moves it to kernel/ with the display bridge.
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile } from "vega-lite";
import type { TopLevelSpec } from "vega-lite";
import { CHART_FONTS, installTextMetrics } from "./textMetrics";

/** A logger that records every warning and error instead of printing it. */
export function collectingLogger(sink: string[]): vega.LoggerInterface {
  return vega.logger(vega.Warn, undefined, (method: string, level: string, input: readonly unknown[]) => {
    sink.push(`${method} ${level} ${Array.from(input).map(String).join(" ")}`);
  });
}

/** The Vega spec compiled from a Vega-Lite spec, with the warnings the compiler logged. */
export function compileChart(spec: TopLevelSpec): { vega: vega.Spec; warnings: string[] } {
  const warnings: string[] = [];
  const out = compile(spec, { logger: collectingLogger(warnings) });
  return { vega: out.spec, warnings };
}

/** Counts scenegraph items per data mark type (line, symbol, rect, text, rule …); axes, legends and titles skipped. */
function countMarks(node: unknown, counts: Record<string, number>): void {
  const n = node as { marktype?: string; role?: string; items?: Array<{ items?: unknown[] }> };
  if (n.role === "axis" || n.role === "legend" || n.role === "title") return;
  if (n.role === "mark" && n.marktype !== "group" && n.marktype !== undefined) {
    counts[n.marktype] = (counts[n.marktype] ?? 0) + (n.items?.length ?? 0);
    return;
  }
  for (const item of n.items ?? []) for (const child of item.items ?? []) countMarks(child, counts);
}

/** A chart rendered headless: SVG text, item counts per mark type, and warnings from compiler and view. */
export interface Rendered {
  readonly svg: string;
  readonly marks: Record<string, number>;
  readonly warnings: string[];
}

/** Renders a Vega-Lite spec to SVG with vega's headless view (renderer "none"), text measured with DejaVu Sans. */
export async function renderSvg(spec: TopLevelSpec): Promise<Rendered> {
  installTextMetrics();
  const { vega: vg, warnings } = compileChart(spec);
  const view = new vega.View(vega.parse(vg), { renderer: "none", logger: collectingLogger(warnings) });
  try {
    await view.runAsync();
    const svg = await view.toSVG();
    const marks: Record<string, number> = {};
    countMarks((view.scenegraph() as unknown as { root: unknown }).root, marks);
    return { svg, marks, warnings };
  } finally {
    view.finalize();
  }
}

/** Rasterises SVG with resvg at `scale` × (2 by default), with real fonts (DejaVu Sans for sans-serif). */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: CHART_FONTS,
  });
  return resvg.render().asPng();
}
