import { PNG } from "pngjs";

/** A decoded PNG and how much of it is drawn: pixels that are not (near) white, and distinct colours. */
export interface PngStats {
  width: number;
  height: number;
  inkFraction: number;
  colours: number;
}

/** Decodes a PNG (throws if it is not one) and measures its ink. */
export function pngStats(png: Buffer): PngStats {
  const image = PNG.sync.read(png);
  const { width, height, data } = image;
  let ink = 0;
  const colours = new Set<number>();
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
    if (a > 0 && (r < 235 || g < 235 || b < 235)) ink++;
    if (colours.size < 10_000) colours.add((r << 16) | (g << 8) | b);
  }
  return { width, height, inkFraction: ink / (width * height), colours: colours.size };
}
