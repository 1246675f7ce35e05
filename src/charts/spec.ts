import type { Field } from "vega-lite/build/src/channeldef";
import type { VariableParameter } from "vega-lite/build/src/parameter";
import type { GenericHConcatSpec, LayerSpec, TopLevel, UnitSpec } from "vega-lite/build/src/spec";
import { LossInputError, show } from "../core/errors";
import { checkNumber } from "../core/validate";
import { chartTheme } from "./theme";

/** The Vega-Lite v5 schema every chart spec names in `$schema`. */
export const chartSchemaUrl = "https://vega.github.io/schema/vega-lite/v5.json";

/** One layer of a chart panel: a single mark (unit spec) or a nested layer. */
export type ChartLayer = LayerSpec<Field> | UnitSpec<Field>;

/** One panel: layers drawn over shared axes. */
export type ChartPanel = LayerSpec<Field>;

/** A one-panel chart: `spec.layer` holds its marks, `spec.datasets` its data (rows computed by losslab). */
export type ChartLayerSpec = TopLevel<LayerSpec<Field>>;

/** A chart of panels side by side: `spec.hconcat` holds the panels, `spec.datasets` their shared data. */
export type ChartPanelsSpec = TopLevel<GenericHConcatSpec<LayerSpec<Field>>>;

/** Any losslab chart: a plain Vega-Lite v5 spec object, one of the two shapes above. */
export type ChartSpec = ChartLayerSpec | ChartPanelsSpec;

/** One data row of a chart dataset. `null` stands for a value Vega-Lite cannot plot (∞, NaN). */
export type ChartRow = Record<string, number | string | null>;

/**
 * A slider for the interactive form of a chart: the parameter takes the values min, min + step, …, max, and the
 * chart holds the library's curves precomputed at each of them.
 */
export interface ChartSlider {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** What every chart spec carries at its top level: the schema URL and the theme. */
export function themed<S extends object>(body: S): S & { $schema: string; config: typeof chartTheme } {
  return { $schema: chartSchemaUrl, ...body, config: chartTheme };
}

/**
 * `n` evenly spaced numbers from `lo` to `hi` inclusive, both ends exact.
 * @throws LossInputError `OUT_OF_DOMAIN` (n not an integer ≥ 2, lo ≥ hi), `NOT_FINITE`
 */
export function linspace(fn: string, arg: string, range: readonly [number, number], n: number): number[] {
  checkNumber(fn, "points", n, { integer: true, min: 2, max: 5000 });
  const lo = checkNumber(fn, `${arg}[0]`, range[0]);
  const hi = checkNumber(fn, `${arg}[1]`, range[1]);
  if (!(lo < hi)) throw new LossInputError("OUT_OF_DOMAIN", fn, arg, `must be [lo, hi] with lo < hi (got ${show(range)})`);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = i === n - 1 ? hi : lo + ((hi - lo) * i) / (n - 1);
  return out;
}

/** Rounds away binary noise so grid values read as typed: 0.1 + 0.2 → 0.3. */
function tidy(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/**
 * The values a slider takes, min to max by step, each rounded to 9 decimals (as the browser's slider reports them),
 * and checks that `initial` is one of them.
 * @throws LossInputError `OUT_OF_DOMAIN` (min ≥ max, step ≤ 0, more than 400 values, initial not on the grid)
 */
export function sliderValues(fn: string, name: string, slider: ChartSlider, initial: number): number[] {
  const min = checkNumber(fn, `${name}.min`, slider.min);
  const max = checkNumber(fn, `${name}.max`, slider.max, { min, minExclusive: true });
  const step = checkNumber(fn, `${name}.step`, slider.step, { min: 0, minExclusive: true });
  const count = Math.round((max - min) / step);
  if (count > 400 || Math.abs(min + count * step - max) > 1e-9 * Math.max(1, Math.abs(max))) {
    throw new LossInputError("OUT_OF_DOMAIN", fn, name, `must span a whole number of steps, at most 400 (got ${show([min, max, step])})`);
  }
  const values = Array.from({ length: count + 1 }, (_, k) => tidy(min + k * step));
  if (!values.some((v) => Math.abs(v - initial) < 1e-9)) {
    throw new LossInputError("OUT_OF_DOMAIN", fn, name, `must include the initial value ${initial} on its grid (got ${show([min, max, step])})`);
  }
  return values;
}

/** The slider to use: none when `interactive` is false or absent, the given one, or the chart's default. */
export function pickSlider(interactive: boolean | ChartSlider | undefined, fallback: ChartSlider): ChartSlider | null {
  if (interactive === undefined || interactive === false) return null;
  return interactive === true ? fallback : interactive;
}

/** A Vega-Lite variable parameter bound to a range slider labelled `label`. */
export function sliderParam(name: string, label: string, value: number, slider: ChartSlider): VariableParameter {
  return { name, value, bind: { input: "range", min: slider.min, max: slider.max, step: slider.step, name: `${label} ` } };
}

/** Keeps the rows whose `field` equals the slider parameter `name` (to 1e-9, the grid's rounding). */
export function sliderFilter(field: string, name: string): { filter: string } {
  return { filter: `abs(datum.${field} - ${name}) < 1e-9` };
}

/** Formats a number for a label: 0.5, 2, 0.05, −1 (no binary noise, no trailing zeros, a true minus sign). */
export function label(x: number): string {
  return String(tidy(x)).replace("-", "−");
}

/** A string literal for a Vega expression: single-quoted, backslashes and quotes escaped. */
export function exprString(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** Decimals of a number as typed (9 at most): 0.25 → 2, 1 → 0. */
function decimals(x: number): number {
  const fraction = Math.abs(tidy(x)).toFixed(9).replace(/0+$/, "").split(".")[1];
  return fraction === undefined ? 0 : fraction.length;
}

/**
 * A Vega expression for the text "`name` = value (slider)", e.g. "δ = 1.0 (slider)": `value` is an expression for
 * the slider's current value (its parameter's name, or `datum.field`), written with as many decimals as the slider's
 * steps have (`'δ = ' + format(delta, '.1f') + ' (slider)'` for a 0.1 step), so the text keeps its width while the
 * slider moves. Live charts update it; static images show the starting value.
 */
export function sliderReadout(name: string, value: string, slider: ChartSlider): string {
  const places = Math.max(decimals(slider.min), decimals(slider.step));
  return `${exprString(`${name} = `)} + format(${value}, '.${places}f') + ' (slider)'`;
}

/** A legend `labelExpr` that writes `text` (an expression) for the series `series` and keeps the other labels. */
export function relabel(series: string, text: string): string {
  return `datum.label === ${exprString(series)} ? ${text} : datum.label`;
}

/**
 * The transforms of a slider layer: keep the grid rows at the slider's value, and name them `curve` (grid rows
 * carry no name, which keeps the precomputed grid small).
 */
export function sliderCurve(field: string, name: string, curve: string): Array<{ filter: string } | { calculate: string; as: string }> {
  return [sliderFilter(field, name), { calculate: JSON.stringify(curve), as: "curve" }];
}

/** Tooltip entries for channel definitions: field, type and title only (a tooltip takes no scale, axis or sort). */
export function tips(...channels: ReadonlyArray<{ field: string; type: "quantitative" | "nominal" | "ordinal"; title?: string | null }>) {
  return channels.map((c) => ({ field: c.field, type: c.type, ...(c.title ? { title: c.title } : {}) }));
}

/** The curve parameters to draw: the given ones plus the marked dots' own (so the dots sit on a drawn curve), sorted. */
export function withMarked(values: readonly number[], marked: number): number[] {
  return (values.includes(marked) ? [...values] : [...values, marked]).sort((a, b) => a - b);
}
