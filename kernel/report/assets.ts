import * as fs from "fs";
import * as path from "path";

/** A file the report pages load from `assets/`, and where its text comes from. */
interface Asset {
  name: string;
  text: () => string;
}

/** A package's folder in node_modules (found from its main file: some packages do not export their package.json). */
function packageDir(pkg: string): string {
  const main = require.resolve(pkg);
  const marker = `${path.sep}node_modules${path.sep}${pkg.split("/").join(path.sep)}${path.sep}`;
  const at = main.lastIndexOf(marker);
  if (at === -1) throw new Error(`cannot find the folder of the package ${pkg} (from ${main})`);
  return main.slice(0, at + marker.length - 1);
}

/** A minified build from a package, without its source-map comment (the map is not copied). */
const fromPackage = (pkg: string, file: string) => () =>
  fs.readFileSync(path.join(packageDir(pkg), file), "utf8").replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "\n");
const ownAsset = (file: string) => () => fs.readFileSync(path.join(__dirname, "static", file), "utf8");

/**
 * KaTeX's stylesheet with its WOFF2 fonts inlined as data URIs (the WOFF and TTF fallbacks dropped, every browser
 * in use reads WOFF2): one self-contained file instead of 60 font files, and nothing for a browser's file:// rules
 * to refuse.
 */
function katexCss(): string {
  const dist = path.join(packageDir("katex"), "dist");
  const css = fs.readFileSync(path.join(dist, "katex.min.css"), "utf8");
  return css.replace(/src:url\(fonts\/([^)]+?)\.woff2\) format\("woff2"\)(?:,url\([^)]*\) format\("[^"]*"\))*/g, (_, name: string) => {
    const font = fs.readFileSync(path.join(dist, "fonts", `${name}.woff2`)).toString("base64");
    return `src:url(data:font/woff2;base64,${font}) format("woff2")`;
  });
}

/** Every asset, from node_modules (vega 5, vega-lite 5, vega-embed 6, KaTeX) and from static/ beside this file. No CDN. */
export const ASSETS: readonly Asset[] = [
  { name: "vega.min.js", text: fromPackage("vega", "build/vega.min.js") },
  { name: "vega-lite.min.js", text: fromPackage("vega-lite", "build/vega-lite.min.js") },
  { name: "vega-embed.min.js", text: fromPackage("vega-embed", "build/vega-embed.min.js") },
  { name: "katex.css", text: katexCss },
  { name: "report.css", text: ownAsset("report.css") },
  { name: "report.js", text: ownAsset("report.js") },
];

/** The assets' files, by path under `<outDir>/assets/` (read now, so a missing package fails before any write). */
export function assetFiles(outDir: string): Map<string, string> {
  return new Map(ASSETS.map((asset) => [path.join(outDir, "assets", asset.name), asset.text()]));
}
