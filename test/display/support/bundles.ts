import { expect } from "vitest";
import type { Notebook, Output } from "../../../kernel/notebook/types";
import { pngStats } from "./png";

export const VEGALITE = "application/vnd.vegalite.v5+json";
const ALLOWED = new Set([VEGALITE, "image/png", "image/svg+xml", "text/plain"]);

/** The outputs of a notebook that carry a chart or an image (what `show` sends). */
export function chartOutputs(outputs: readonly Output[]): Output[] {
  return outputs.filter(
    (o) => (o.output_type === "display_data" || o.output_type === "execute_result") && Object.keys(o.data).some((k) => k === VEGALITE || k.startsWith("image/")),
  );
}

const text = (v: unknown) => (Array.isArray(v) ? v.join("") : String(v));

/**
 * Checks one chart output against issue 4's contract: a single display_data bundle with the Vega-Lite v5 spec as a
 * JSON object, a PNG at 2× its declared size that decodes and is not blank, a one-line text/plain, and no HTML.
 */
export function expectChartBundle(output: Output, where: string): void {
  expect(output.output_type, where).toBe("display_data");
  if (output.output_type !== "display_data") return;
  const keys = Object.keys(output.data);
  expect(keys.filter((k) => !ALLOWED.has(k)), `${where}: unexpected MIME types`).toEqual([]);
  expect(keys, where).toEqual(expect.arrayContaining([VEGALITE, "image/png", "text/plain"]));
  const spec = output.data[VEGALITE] as Record<string, unknown>;
  expect(typeof spec === "object" && spec !== null && !Array.isArray(spec), `${where}: spec is a JSON object`).toBe(true);
  expect(spec.$schema, where).toBe("https://vega.github.io/schema/vega-lite/v5.json");
  const plain = text(output.data["text/plain"]);
  expect(plain, where).toMatch(/^[^\n]+\(Vega-Lite chart[^)]*\)$/);
  const png = Buffer.from(text(output.data["image/png"]).replace(/\s+/g, ""), "base64");
  const stats = pngStats(png);
  const size = (output.metadata as { "image/png"?: { width: number; height: number } })["image/png"];
  expect(size, `${where}: PNG size in metadata`).toBeDefined();
  expect([stats.width, stats.height], `${where}: PNG drawn at 2×`).toEqual([2 * (size?.width ?? 0), 2 * (size?.height ?? 0)]);
  expect(stats.inkFraction, `${where}: PNG not blank`).toBeGreaterThan(0.02);
  expect(stats.inkFraction, `${where}: PNG not a filled block`).toBeLessThan(0.6);
  expect(stats.colours, `${where}: PNG has lines, text and colours`).toBeGreaterThan(50);
}

/** The code cells of a notebook with their losslab metadata. */
export function codeCells(notebook: Notebook) {
  return notebook.cells.flatMap((cell, index) => {
    if (cell.cell_type !== "code") return [];
    const meta = (cell.metadata.losslab ?? {}) as { role?: string; exercise?: number };
    return [{ index, cell, role: meta.role, exercise: meta.exercise }];
  });
}
