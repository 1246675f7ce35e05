import type { Field } from "vega-lite/build/src/channeldef";
import type { UnitSpec } from "vega-lite/build/src/spec";
import type { ChartRow } from "./spec";

/** A quantitative position channel as the builders write it. */
export interface Position {
  readonly field: string;
  readonly type: "quantitative";
  readonly title?: string;
}

/** Where {@link pointLabels} puts its text. */
export interface LabelPlacement {
  /** Labels of points with x above this go to the left of the point (so they stay inside the plot); ±Infinity: one side for all. */
  readonly flipAbove: number;
  /** Vertical offset in pixels (negative: above the point). Default −10. */
  readonly dy?: number;
  /** Extra filter expression every labelled row must pass (e.g. a slider filter). */
  readonly filter?: string;
}

/**
 * Text labels beside points, readable over curves and grid: each label is drawn twice, first as a white halo
 * (white stroke), then in dark grey. Points right of `flipAbove` get right-aligned labels to their left. `rows` are
 * the dataset's rows: a side no row falls on is left out (an empty layer makes Vega warn about an empty extent).
 */
export function pointLabels(data: string, rows: readonly ChartRow[], x: Position, y: Position, text: string, place: LabelPlacement): UnitSpec<Field>[] {
  const dy = place.dy ?? -10;
  const flip = place.flipAbove;
  const tests = (cmp: string) => [...(Number.isFinite(flip) ? [`datum.${x.field} ${cmp} ${flip}`] : []), ...(place.filter === undefined ? [] : [place.filter])];
  const xs = rows.map((r) => r[x.field] as number);
  const sides = [
    { tests: tests("<="), align: "left" as const, dx: 7, used: xs.some((v) => v <= flip) },
    { tests: tests(">"), align: "right" as const, dx: -7, used: xs.some((v) => v > flip) },
  ].filter((side) => side.used);
  const encoding = { x, y, text: { field: text, type: "nominal" as const } };
  return sides.flatMap((side) => [
    {
      data: { name: data },
      ...(side.tests.length > 0 ? { transform: [{ filter: side.tests.join(" && ") }] } : {}),
      mark: { type: "text" as const, align: side.align, dx: side.dx, dy, stroke: "white", strokeWidth: 6, strokeOpacity: 0.9, strokeJoin: "round" as const, fill: "white" },
      encoding,
    },
    {
      data: { name: data },
      ...(side.tests.length > 0 ? { transform: [{ filter: side.tests.join(" && ") }] } : {}),
      mark: { type: "text" as const, align: side.align, dx: side.dx, dy, fill: "#222222" },
      encoding,
    },
  ]);
}
