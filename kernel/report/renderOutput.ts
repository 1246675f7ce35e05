import { joinSource } from "../notebook/source";
import type { Output } from "../notebook/types";
import { escapeHtml, scriptJson, stripAnsi } from "./html";
import { renderMarkdown } from "./markdown";
import { renderMath } from "./mathPlugin";

/** The chart MIME types the report draws live with vega-embed, best first. */
export const CHART_MIMES = [
  "application/vnd.vegalite.v5+json",
  "application/vnd.vegalite.v4+json",
  "application/vnd.vegalite.v3+json",
  "application/vnd.vega.v5+json",
];

const CHECK_LINE = /^(PASS|FAIL) - /;

/** Stream text with each `PASS - …` / `FAIL - …` line marked (classes `check pass`, `check fail`). */
export function renderStream(text: string, name: "stdout" | "stderr"): string {
  const lines = stripAnsi(text).split("\n");
  const html = lines
    .map((line) => {
      const m = CHECK_LINE.exec(line);
      if (!m || name !== "stdout") return escapeHtml(line);
      return `<span class="check ${m[1] === "PASS" ? "pass" : "fail"}">${escapeHtml(line)}</span>`;
    })
    .join("\n");
  return `<pre class="output stream ${name}">${html}</pre>`;
}

const text = (value: unknown) => (typeof value === "string" ? value : Array.isArray(value) ? value.join("") : "");

/** A size from an output's metadata (`{"image/png": {width, height}}`), as img attributes. */
function imageSize(metadata: Record<string, unknown>, mime: string): string {
  const m = metadata[mime] as { width?: unknown; height?: unknown } | undefined;
  const attr = (name: "width" | "height") => (m && typeof m[name] === "number" ? ` ${name}="${Math.round(m[name] as number)}"` : "");
  return attr("width") + attr("height");
}

/** The static image of a bundle (PNG, else SVG) as an `<img>`, or "" when it has none. */
function staticImage(data: Record<string, unknown>, metadata: Record<string, unknown>, alt: string, cls: string): string {
  const png = text(data["image/png"]).replace(/\s+/g, "");
  if (png) return `<img class="${cls}" src="data:image/png;base64,${png}"${imageSize(metadata, "image/png")} alt="${escapeHtml(alt)}">`;
  const svg = text(data["image/svg+xml"]);
  if (svg) {
    const uri = `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
    return `<img class="${cls}" src="${uri}"${imageSize(metadata, "image/svg+xml")} alt="${escapeHtml(alt)}">`;
  }
  return "";
}

/**
 * A display bundle as Jupyter would rank it for a reader: a chart (live through vega-embed, its PNG as the fallback),
 * else an image, HTML, markdown, LaTeX or plain text.
 */
function renderBundle(data: Record<string, unknown>, metadata: Record<string, unknown>): string {
  const alt = text(data["text/plain"]).split("\n")[0] ?? "";
  const chartMime = CHART_MIMES.find((m) => typeof data[m] === "object" && data[m] !== null);
  if (chartMime) {
    return (
      `<figure class="output chart" data-mime="${chartMime}" data-state="pending" aria-label="${escapeHtml(alt)}">` +
      `<div class="chart-view"></div>${staticImage(data, metadata, alt, "chart-fallback")}` +
      `<script type="application/json" class="chart-spec">${scriptJson(data[chartMime])}</script></figure>`
    );
  }
  const image = staticImage(data, metadata, alt, "output image");
  if (image) return image;
  if (typeof data["text/html"] === "string" || Array.isArray(data["text/html"])) {
    return `<div class="output html">${text(data["text/html"])}</div>`;
  }
  if (data["text/markdown"] !== undefined) return `<div class="output markdown">${renderMarkdown(text(data["text/markdown"]))}</div>`;
  if (data["text/latex"] !== undefined) {
    const tex = text(data["text/latex"]).trim().replace(/^\$\$?|\$\$?$/g, "");
    return `<div class="output latex">${renderMath(tex, true)}</div>`;
  }
  if (data["text/plain"] !== undefined) return `<pre class="output plain">${escapeHtml(stripAnsi(text(data["text/plain"])))}</pre>`;
  return "";
}

/** One nbformat output as HTML. */
export function renderOutput(output: Output): string {
  switch (output.output_type) {
    case "stream":
      return renderStream(joinSource(output.text), output.name);
    case "display_data":
    case "execute_result":
      return renderBundle(output.data, output.metadata ?? {});
    case "error": {
      const traceback = output.traceback.length > 0 ? output.traceback.join("\n") : `${output.ename}: ${output.evalue}`;
      return `<pre class="output error"><strong>${escapeHtml(`${output.ename}: ${output.evalue}`)}</strong>\n${escapeHtml(stripAnsi(traceback))}</pre>`;
    }
    default:
      return "";
  }
}
