// Spec → vega View (headless, renderer "none") → SVG → PNG with resvg: the static image of a chart, drawn with the
// same fonts that measured its text. Used by `show` in notebooks and by the tests.
import { loadResvg, loadVega, loadVegaLite, type VegaLogger } from "./modules";
import { CHART_FONTS, installTextMetrics } from "./textMetrics";

/** A logger that records every warning and error instead of printing it. */
export function collectingLogger(sink: string[]): VegaLogger {
  const vega = loadVega();
  return vega.logger(vega.Warn, undefined, (method, level, input) => {
    sink.push(`${method} ${level} ${Array.from(input).map(String).join(" ")}`);
  });
}

/** The Vega spec compiled from a Vega-Lite spec, with the warnings the compiler logged. */
export function compileChart(spec: object): { vega: object; warnings: string[] } {
  const warnings: string[] = [];
  const out = loadVegaLite().compile(spec, { logger: collectingLogger(warnings) });
  return { vega: out.spec, warnings };
}

interface SceneNode {
  marktype?: string;
  role?: string;
  items?: Array<{ items?: unknown[] }>;
}

/** Counts scenegraph items per data mark type (line, symbol, rect, text, rule …); axes, legends and titles skipped. */
function countMarks(node: unknown, counts: Record<string, number>): void {
  const n = node as SceneNode;
  if (n.role === "axis" || n.role === "legend" || n.role === "title") return;
  if (n.role === "mark" && n.marktype !== "group" && n.marktype !== undefined) {
    counts[n.marktype] = (counts[n.marktype] || 0) + (n.items ? n.items.length : 0);
    return;
  }
  for (const item of n.items || []) for (const child of item.items || []) countMarks(child, counts);
}

/** A chart rendered headless: SVG text, its size in CSS pixels, item counts per mark type, warnings. */
export interface RenderedSvg {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly marks: Record<string, number>;
  readonly warnings: string[];
}

/** The root `<svg>`'s width and height attributes (vega writes both, in CSS pixels). */
function svgSize(svg: string): { width: number; height: number } {
  const root = /^<svg[^>]*>/.exec(svg);
  const attr = (name: string) => {
    const m = root ? new RegExp(`\\s${name}="([0-9.]+)"`).exec(root[0]) : null;
    return m ? Number(m[1]) : NaN;
  };
  return { width: attr("width"), height: attr("height") };
}

/**
 * Renders a Vega-Lite spec to SVG with vega's headless view (renderer "none"), text measured with DejaVu Sans.
 * Sliders (`params` bound to inputs) are drawn at their initial value: a static image has no controls. The spec
 * is not changed.
 * @throws Error from vega-lite or vega when the spec is invalid
 */
export async function renderSvg(spec: object): Promise<RenderedSvg> {
  installTextMetrics();
  const vega = loadVega();
  // vega tags and extends the data rows it ingests (ids, calculated fields): draw from a copy, never the caller's.
  const { vega: vg, warnings } = compileChart(JSON.parse(JSON.stringify(spec)) as object);
  const view = new vega.View(vega.parse(vg), { renderer: "none", logger: collectingLogger(warnings) });
  try {
    await view.runAsync();
    const svg = await view.toSVG();
    const marks: Record<string, number> = {};
    countMarks(view.scenegraph().root, marks);
    return { svg, ...svgSize(svg), marks, warnings };
  } finally {
    view.finalize();
  }
}

/** A PNG and its size in device pixels. */
export interface RenderedPng {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}

/** Rasterises SVG with resvg at `scale` × (2 by default: sharp on high-density screens), on white, with DejaVu Sans. */
export function svgToPng(svg: string, scale = 2): RenderedPng {
  const { Resvg } = loadResvg();
  const image = new Resvg(svg, { fitTo: { mode: "zoom", value: scale }, background: "white", font: CHART_FONTS }).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** The static image of a chart: SVG and PNG, and what the tests look at. */
export interface RenderedChart extends RenderedSvg {
  /** The PNG at `scale` × the CSS size. */
  readonly png: Buffer;
  readonly scale: number;
}

/** Renders a Vega-Lite spec to SVG and to a PNG at `scale` × (default 2). */
export async function renderChart(spec: object, scale = 2): Promise<RenderedChart> {
  const rendered = await renderSvg(spec);
  return { ...rendered, png: svgToPng(rendered.svg, scale).png, scale };
}
