/**
 * The rendering libraries, loaded with `require` on first use and typed here by the little losslab calls.
 *
 * Why not `import`: tslab compiles this folder whenever a notebook imports losslab (TypeScript 5.0, CommonJS), and
 * vega's full typings would be type-checked on every kernel start; loading on first use also keeps a notebook that
 * never draws free of vega's ~0.3 s start-up. vega 5, vega-lite 5 and @resvg/resvg-js ship CommonJS builds.
 */

/** A vega logger: receives every message at or above its level (`Warn` here). */
export interface VegaLogger {
  level(): number;
  error(...args: unknown[]): VegaLogger;
  warn(...args: unknown[]): VegaLogger;
  info(...args: unknown[]): VegaLogger;
  debug(...args: unknown[]): VegaLogger;
}

/** The headless vega View, as losslab uses it. */
export interface VegaView {
  runAsync(): Promise<VegaView>;
  toSVG(scaleFactor?: number): Promise<string>;
  scenegraph(): { root: unknown };
  finalize(): void;
}

export interface VegaModule {
  Warn: number;
  logger(level: number, method?: string, handler?: (method: string, level: string, input: ArrayLike<unknown>) => void): VegaLogger;
  parse(spec: object): object;
  View: new (runtime: object, options: { renderer: "none"; logger: VegaLogger }) => VegaView;
  textMetrics: { width(item: object, text: unknown): number };
}

export interface VegaLiteModule {
  version: string;
  compile(spec: object, options: { logger: VegaLogger }): { spec: object };
}

export interface ResvgOptions {
  fitTo?: { mode: "zoom"; value: number };
  background?: string;
  font?: {
    loadSystemFonts: boolean;
    fontFiles: string[];
    defaultFontFamily: string;
    sansSerifFamily: string;
  };
}

export interface ResvgInstance {
  render(): { width: number; height: number; asPng(): Buffer };
  getBBox(): { width: number; height: number } | undefined;
}

export interface ResvgModule {
  Resvg: new (svg: string, options?: ResvgOptions) => ResvgInstance;
}

let vega: VegaModule | null = null;
let vegaLite: VegaLiteModule | null = null;
let resvg: ResvgModule | null = null;

/** vega 5 (its Node build). */
export function loadVega(): VegaModule {
  return vega || (vega = require("vega") as VegaModule);
}

/** vega-lite 5 (its CommonJS build). */
export function loadVegaLite(): VegaLiteModule {
  return vegaLite || (vegaLite = require("vega-lite") as VegaLiteModule);
}

/** @resvg/resvg-js (a native addon; SVG → PNG with real fonts). */
export function loadResvg(): ResvgModule {
  return resvg || (resvg = require("@resvg/resvg-js") as ResvgModule);
}
