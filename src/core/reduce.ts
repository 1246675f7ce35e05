import { unflatten } from "./tensor";
import type { NestedFloat64, Reduction } from "./types";

/** Sum of a buffer (plain left-to-right float64 summation, as numpy's `sum` on small inputs). */
export function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

/**
 * Applies a PyTorch-style reduction to per-element values: `"none"` keeps them in the input's nesting,
 * `"sum"` adds them up, `"mean"` divides the sum by the number of elements.
 */
export function reduce(values: Float64Array, shape: readonly number[], reduction: Reduction): number | NestedFloat64 {
  if (reduction === "none") return unflatten(values, shape);
  const s = sum(values);
  return reduction === "sum" ? s : s / values.length;
}

/** The factor each per-element gradient gets under a reduction: 1/N for `"mean"`, 1 otherwise. */
export function reductionScale(reduction: Reduction, count: number): number {
  return reduction === "mean" ? 1 / count : 1;
}
