import { flatten, unflatten } from "../core/tensor";
import { checkNumber, checkOptions, checkReduction } from "../core/validate";
import { outputBuffer } from "../core/output";
import type { NestedFloat64, Reduction, Tensor } from "../core/types";

/** Options of {@link smoothL1} and {@link smoothL1Grad}. */
export interface SmoothL1Options {
  /** Where the loss turns from quadratic to linear; ≥ 0 (0 gives the L1 loss |r|, as in PyTorch). Default 1. */
  readonly beta?: number;
  /** `"none"` (default) keeps one value per element, `"mean"` averages, `"sum"` adds. */
  readonly reduction?: Reduction;
  /** A Float64Array of one slot per element to write the per-element result into (reused, not allocated). */
  readonly out?: Float64Array;
}

function read(fn: string, residual: Tensor, opts: SmoothL1Options | undefined) {
  const o = checkOptions(fn, opts);
  const reduction = checkReduction(fn, o.reduction ?? "none");
  const beta = checkNumber(fn, "beta", o.beta ?? 1, { min: 0 });
  const r = flatten(fn, "residual", residual);
  return { o, reduction, beta, data: r.data, shape: r.shape };
}

/** Per-element smooth L1 into `out` (when given) and the sum of the values. */
function kernel(data: ArrayLike<number>, beta: number, out: Float64Array | null): number {
  let s = 0;
  for (let i = 0; i < data.length; i++) {
    const a = Math.abs(data[i]);
    let v = a; // beta = 0: the L1 loss
    if (beta > 0) {
      // Branch-free as in huber: t = max(|r| − β, 0) exactly, c = min(|r|, β); ½c²/β + t.
      const u = a - beta;
      const t = 0.5 * u + 0.5 * Math.abs(u);
      const c = a - t;
      v = (0.5 * c * c) / beta + t;
    }
    if (out !== null) out[i] = v;
    s += v;
  }
  return s;
}

/**
 * Smooth L1 loss of residuals r = ŷ − y, as `torch.nn.SmoothL1Loss`:
 * ℓ(r) = ½r²/β for |r| < β, |r| − ½β otherwise (= huber(r; δ = β)/β); β = 0 gives |r| (PyTorch's L1 case).
 * Gradient dℓ/dr = clamp(r, −β, β)/β (sign(r) for β = 0, 0 at r = 0).
 *
 * Branch-free on the data like {@link huber}: bit-identical to ½r²/β in the quadratic zone, within ~1 ulp of
 * |r| − ½β in the linear zone.
 *
 * Shapes as {@link huber}: any nesting; `"none"` keeps it, `"mean"`/`"sum"` give a number. Residuals must be finite.
 * @throws LossInputError `OUT_OF_DOMAIN` (beta < 0, reduction), `NOT_FINITE` (NaN, ±∞), `EMPTY`,
 *   `SHAPE_MISMATCH` (ragged, `out` length), `INVALID_TYPE`
 * @example
 * smoothL1([-2, -0.5, 0, 0.5, 3]); // => [1.5, 0.125, 0, 0.125, 2.5]
 * smoothL1([-2, -0.5, 3], { beta: 2 }); // => [1, 0.0625, 2]
 * smoothL1([-2, 0.5], { beta: 0, reduction: "mean" }); // => 1.25
 */
export function smoothL1(residual: Tensor, opts: SmoothL1Options & { reduction: "mean" | "sum" }): number;
export function smoothL1(residual: Tensor, opts?: SmoothL1Options & { reduction?: "none" }): NestedFloat64;
export function smoothL1(residual: Tensor, opts?: SmoothL1Options): number | NestedFloat64;
export function smoothL1(residual: Tensor, opts?: SmoothL1Options): number | NestedFloat64 {
  const { o, reduction, beta, data, shape } = read("smoothL1", residual, opts);
  if (reduction !== "none") {
    const s = kernel(data, beta, null);
    return reduction === "sum" ? s : s / data.length;
  }
  const out = outputBuffer("smoothL1", data.length, o.out);
  kernel(data, beta, out);
  return unflatten(out, shape);
}

/**
 * Gradient of {@link smoothL1} with respect to `residual`: clamp(r, −β, β)/β per element (sign(r) for β = 0),
 * divided by N for `"mean"`. Shaped like `residual`. Exact: ±1 in the tails, r/β inside.
 *
 * @throws LossInputError as {@link smoothL1}
 * @example
 * smoothL1Grad([-2, -0.5, 0, 0.5, 3], { beta: 2 }); // => [-1, -0.25, 0, 0.25, 1]
 * smoothL1Grad([-2, 0, 0.5], { beta: 0 }); // => [-1, 0, 1]
 */
export function smoothL1Grad(residual: Tensor, opts?: SmoothL1Options): NestedFloat64 {
  const { o, reduction, beta, data, shape } = read("smoothL1Grad", residual, opts);
  const n = data.length;
  const out = outputBuffer("smoothL1Grad", n, o.out);
  const scale = reduction === "mean" ? n : 1;
  for (let i = 0; i < n; i++) {
    const r = data[i];
    const g = beta > 0 ? Math.max(-beta, Math.min(r, beta)) / beta : Math.sign(r);
    out[i] = g / scale;
  }
  return unflatten(out, shape);
}
