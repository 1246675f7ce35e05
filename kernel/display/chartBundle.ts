import type { TopLevelSpec } from "vega-lite/build/src/spec";
import { LossInputError } from "../../src/core/errors";
import type { DisplayBundle } from "../tslab/internals";
import { renderChart } from "../render/renderChart";

/** The MIME type JupyterLab, Notebook 7 and VS Code render live with their built-in Vega-Lite 5 renderer. */
export const VEGALITE_MIME = "application/vnd.vegalite.v5+json";
const SCHEMA_V5 = /^https:\/\/vega\.github\.io\/schema\/vega-lite\/v5(\.\d+)*\.json$/;

/** Options of {@link chartBundle} and `show`. */
export interface ShowOptions {
  /** Also send the static image as `image/svg+xml` (default false: the PNG is drawn with the real fonts). */
  svg?: boolean;
  /** Pixel density of the PNG (default 2: sharp on high-density screens, shown at the chart's CSS size). */
  scale?: number;
  /** The one-line `text/plain` form (default: the chart's title, "Vega-Lite chart" and its sliders). */
  description?: string;
}

interface Titled {
  title?: unknown;
  params?: unknown;
}

function titleText(title: unknown): string {
  if (typeof title === "string") return title;
  if (Array.isArray(title)) return title.map(String).join(" ");
  if (title && typeof title === "object") return titleText((title as { text?: unknown }).text);
  return "";
}

/** The sliders of a chart: the names of its parameters bound to a range input. */
function sliderNames(params: unknown): string[] {
  if (!Array.isArray(params)) return [];
  return params.flatMap((p) => {
    const bind = p && typeof p === "object" ? (p as { bind?: { input?: unknown; name?: unknown } }).bind : undefined;
    if (!bind || bind.input !== "range") return [];
    const label = typeof bind.name === "string" ? bind.name.trim() : "";
    return [label || String((p as { name?: unknown }).name)];
  });
}

/**
 * The one-line text form of a chart: "Huber loss: … (Vega-Lite chart, slider δ)".
 * @example
 * describeChart({ title: { text: "MSE" }, mark: "line" }); // => "MSE (Vega-Lite chart)"
 */
export function describeChart(spec: object): string {
  const s = spec as Titled;
  const title = titleText(s.title).replace(/\s+/g, " ").trim();
  const sliders = sliderNames(s.params);
  const what = `Vega-Lite chart${sliders.length ? `, slider${sliders.length > 1 ? "s" : ""} ${sliders.join(", ")}` : ""}`;
  return title ? `${title} (${what})` : what;
}

/**
 * One display bundle for a Vega-Lite v5 chart: the spec as a JSON object (live in JupyterLab and VS Code), the
 * static image rendered now (a PNG at `scale` ×, for GitHub, nbviewer, nbconvert and the classic Notebook), and a
 * one-line text form. No `text/html`: JupyterLab would rank it above the Vega-Lite renderer.
 * @throws LossInputError `INVALID_TYPE` (not a spec object), `OUT_OF_DOMAIN` (`$schema` not Vega-Lite v5, scale
 *   outside 1–4)
 */
export async function chartBundle(chart: TopLevelSpec, options: ShowOptions = {}): Promise<DisplayBundle> {
  if (typeof chart !== "object" || chart === null || Array.isArray(chart)) {
    throw new LossInputError("INVALID_TYPE", "show", "chart", `must be a Vega-Lite spec object (got ${chart === null ? "null" : typeof chart})`);
  }
  const schema = (chart as { $schema?: unknown }).$schema;
  if (typeof schema !== "string" || !SCHEMA_V5.test(schema)) {
    throw new LossInputError("OUT_OF_DOMAIN", "show", "chart.$schema", `must be the Vega-Lite v5 schema URL (got ${JSON.stringify(schema)})`);
  }
  const scale = options.scale === undefined ? 2 : options.scale;
  if (typeof scale !== "number" || !(scale >= 1 && scale <= 4)) {
    throw new LossInputError("OUT_OF_DOMAIN", "show", "options.scale", `must be a number from 1 to 4 (got ${String(scale)})`);
  }
  // A plain JSON copy: what the notebook file stores, and no later change to `chart` can alter the shown one.
  const spec = JSON.parse(JSON.stringify(chart)) as object;
  const rendered = await renderChart(spec, scale);
  const data: Record<string, unknown> = {
    [VEGALITE_MIME]: spec,
    "image/png": rendered.png.toString("base64"),
    "text/plain": options.description === undefined ? describeChart(spec) : String(options.description).replace(/\s+/g, " "),
  };
  if (options.svg) data["image/svg+xml"] = rendered.svg;
  // The PNG is drawn at `scale` × its CSS size: the metadata makes front-ends show it at that size, sharply.
  const size = { width: Math.round(rendered.width), height: Math.round(rendered.height) };
  return { data, metadata: { "image/png": size } };
}
