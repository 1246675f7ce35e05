// Text widths for vega's headless layout. Without a canvas, vega guesses 0.8 × font size per character, which is
// about 40 % too wide for DejaVu Sans: legends and titles get padded with empty space in the PNG. This measures each
// character's advance once per font with resvg (the same renderer and fonts as the PNG) and sums them, as
// vl-convert does with its own textMetrics.width. Kerning is ignored (a pixel or two on a long label).
import { loadResvg, loadVega, type ResvgOptions } from "./modules";

const DEJAVU = "/usr/share/fonts/truetype/dejavu";
/**
 * The fonts the PNG renderer and the measurer use: DejaVu Sans files only (sans-serif resolves to it). Loading four
 * files instead of every system font saves ~100 ms per PNG; DejaVu covers every glyph the charts use (ₜ, ℓ, ∂, δ …).
 * Debian package `fonts-dejavu-core`.
 */
export const CHART_FONTS: NonNullable<ResvgOptions["font"]> = {
  loadSystemFonts: false,
  fontFiles: ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"].map((f) => `${DEJAVU}/${f}`),
  defaultFontFamily: "DejaVu Sans",
  sansSerifFamily: "DejaVu Sans",
};

const REF = 100; // measure at 100 px, scale linearly
const advances = new Map<string, number>();

function inkWidth(text: string, style: string): number {
  const esc = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="200"><text x="10" y="150" font-family="sans-serif" font-size="${REF}" ${style} xml:space="preserve">${esc}</text></svg>`;
  const { Resvg } = loadResvg();
  const box = new Resvg(svg, { font: CHART_FONTS }).getBBox();
  return box === undefined ? 0 : box.width;
}

/** The advance of one character at 100 px: width("H" + c + "H") − width("HH"). */
function advance(ch: string, style: string): number {
  const key = `${style}|${ch}`;
  let w = advances.get(key);
  if (w === undefined) {
    const base = `${style}|HH`;
    let hh = advances.get(base);
    if (hh === undefined) advances.set(base, (hh = inkWidth("HH", style)));
    w = inkWidth(`H${ch}H`, style) - hh;
    advances.set(key, w);
  }
  return w;
}

/** The font properties of a vega text item that change its width. */
export interface TextItem {
  readonly fontSize?: number;
  readonly fontWeight?: string | number;
  readonly fontStyle?: string;
}

/** The width in pixels of `text` as vega would draw it for `item` (font size, weight and style). */
export function measureText(item: TextItem, text: unknown): number {
  const s = text == null ? "" : String(text).trim();
  if (s === "") return 0;
  const size = item.fontSize != null ? +item.fontSize || 0 : 11;
  const weight = item.fontWeight === "bold" || Number(item.fontWeight) >= 600 ? "bold" : "normal";
  const style = `font-weight="${weight}" font-style="${item.fontStyle === "italic" ? "italic" : "normal"}"`;
  let w = 0;
  for (const ch of s) w += advance(ch, style);
  return (w * size) / REF;
}

let installed = false;
/** Makes vega's headless layout use {@link measureText} (once per process; renderChart calls it). */
export function installTextMetrics(): void {
  if (installed) return;
  loadVega().textMetrics.width = measureText;
  installed = true;
}
